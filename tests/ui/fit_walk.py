"""Open every window and dialog the app can show, and report what does not fit the screen.

The screen's size and scale are fixed when the QApplication starts, so
tests/ui/test_screen_fit.py runs this once per screen, in a subprocess:

    QT_QPA_PLATFORM=offscreen:configfile=screen.json QT_SCALE_FACTOR=1.5 \
        python -m tests.ui.fit_walk --language en --language es

It prints one JSON object: the screen's available geometry, the QDialog classes it opened
and, for every window in every language, the problems found (an empty list when it fits).
``--shots DIR`` also saves a picture of each window.

What counts as a problem (see :func:`window_problems`):

- the window (with its frame) is not inside the screen's available geometry, or its minimum
  size is larger than that;
- its default button or its Cancel/Close button is hidden, scrolled away or outside it;
- a label or button's text does not fit its widget (cut, or squeezed onto fewer lines);
- a visible label or button outside a scroll area is cut by the edge of its window or of a
  parent;
- a tab bar cannot show all its tabs, or a calendar cannot show all its weeks.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("LANG", "C.UTF-8")

from PySide6.QtCore import QByteArray, QDataStream, QIODevice, QRect, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QApplication,
    QCalendarWidget,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QTabBar,
    QTableView,
    QToolBar,
    QToolButton,
    QWidget,
)

# -- the checks ---------------------------------------------------------------------------


def describe(widget: QWidget) -> str:
    text = ""
    if isinstance(widget, QLabel | QAbstractButton):
        text = widget.text().replace("\n", " ")
    name = type(widget).__name__
    if widget.objectName() and not widget.objectName().startswith("qt_"):
        name += f"#{widget.objectName()}"
    return f"{name} {text[:60]!r}" if text else name


def _scroll_area(widget: QWidget, window: QWidget) -> QAbstractScrollArea | None:
    """The scroll area ``widget`` is in, if any: it may be scrolled out of sight on purpose."""
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        if isinstance(parent, QAbstractScrollArea):
            return parent
        parent = parent.parentWidget()
    return None


def _in_scroll_area(widget: QWidget, window: QWidget) -> bool:
    return _scroll_area(widget, window) is not None


def _in_view(widget: QWidget, area: QAbstractScrollArea) -> bool:
    viewport = area.viewport()
    rect = QRect(widget.mapTo(viewport, widget.rect().topLeft()), widget.size())
    return viewport.rect().contains(rect)


def _in_toolbar(widget: QWidget) -> bool:
    """A toolbar's own buttons: one that does not fit moves to the toolbar's extension menu
    (Qt's way), after being narrowed to its least size, which still shows its letter."""
    return isinstance(widget.parentWidget(), QToolBar)


def _cut_by(widget: QWidget, window: QWidget) -> QWidget | None:
    """The first ancestor (or the window) whose rectangle does not hold ``widget`` whole."""
    rect = QRect(widget.mapTo(window, widget.rect().topLeft()), widget.size())
    parent = widget.parentWidget()
    while parent is not None:
        area = QRect(parent.mapTo(window, parent.rect().topLeft()), parent.size())
        if not area.contains(rect):
            return parent
        if parent is window:
            return None
        parent = parent.parentWidget()
    return None


def _text_problem(widget: QWidget) -> str:
    """Why the widget's text does not fit it, or ''."""
    if isinstance(widget, QLabel):
        if not widget.text() or (widget.pixmap() is not None and not widget.pixmap().isNull()):
            return ""
        if widget.wordWrap():
            needed = widget.heightForWidth(widget.width())
            if needed > widget.height():
                return f"its text needs {needed} px of height and has {widget.height()}"
            return ""
    elif isinstance(widget, QAbstractButton):
        if not widget.text() or _icon_only(widget):
            return ""
    else:
        return ""
    hint = widget.sizeHint()
    if hint.width() > widget.width():
        return f"its text needs {hint.width()} px of width and has {widget.width()}"
    if hint.height() > widget.height() and isinstance(widget, QLabel):
        return f"its text needs {hint.height()} px of height and has {widget.height()}"
    return ""


def _icon_only(button: QAbstractButton) -> bool:
    """A tool button that draws only its icon (a line edit's Show, say): its text is for
    screen readers."""
    return (
        isinstance(button, QToolButton)
        and not button.icon().isNull()
        and button.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonIconOnly
    )


def key_buttons(window: QWidget) -> list[QPushButton]:
    """The buttons a person must always reach: the default one and a dialog's button box."""
    found = []
    for candidate in window.findChildren(QPushButton):
        if candidate.window() is not window or not candidate.isVisibleTo(window):
            continue
        in_box = isinstance(candidate.parentWidget(), QDialogButtonBox)
        if in_box or candidate.isDefault() or candidate.objectName() == "primary":
            found.append(candidate)
    return found


def window_problems(window: QWidget, available: QRect, keys_in_view: bool = True) -> list[str]:
    """Everything about ``window`` that does not fit ``available`` (logical pixels).

    A dialog's key buttons must stay outside its scroll areas; a main window's (Unlock, say)
    may scroll with its page but must be in view, unless ``keys_in_view`` is False (a window
    the person made as small as it goes)."""
    problems = []
    frame = window.frameGeometry()
    if not available.contains(frame):
        problems.append(
            f"the window ({frame.width()}×{frame.height()} at {frame.x()},"
            f"{frame.y()}) is not inside the screen's {available.width()}×"
            f"{available.height()}"
        )
    minimum = window.minimumSize().expandedTo(window.minimumSizeHint())
    if minimum.width() > available.width() or minimum.height() > available.height():
        problems.append(
            f"its minimum size {minimum.width()}×{minimum.height()} is larger "
            f"than the screen's {available.width()}×{available.height()}"
        )
    keys = key_buttons(window)
    if isinstance(window, QDialog) and not keys:
        problems.append("it has no default button and no button box")
    for key in keys:
        area = _scroll_area(key, window)
        if not key.isVisible():
            problems.append(f"{describe(key)} is hidden")
        elif area is not None and isinstance(window, QDialog):
            problems.append(f"{describe(key)} scrolls with the content")
        elif area is not None and keys_in_view and not _in_view(key, area):
            problems.append(f"{describe(key)} is scrolled out of sight")
    for widget in window.findChildren(QWidget):
        if not widget.isVisible() or widget.window() is not window:
            continue
        if isinstance(widget, QLabel | QAbstractButton):
            if _in_toolbar(widget):
                continue
            problem = _text_problem(widget)
            if problem:
                problems.append(f"{describe(widget)} is cut: {problem}")
            if not _in_scroll_area(widget, window) and widget.width() and widget.height():
                holder = _cut_by(widget, window)
                if holder is not None:
                    problems.append(
                        f"{describe(widget)} is cut by the edge of "
                        f"{'the window' if holder is window else describe(holder)}"
                    )
        elif isinstance(widget, QAbstractItemView) and widget.horizontalScrollBar().isVisible():
            problems.append(
                f"{describe(widget)} {widget.accessibleName()!r} scrolls sideways: "
                "its rows are wider than it"
            )
        elif isinstance(widget, QTabBar):
            problems += _tab_problems(widget)
        elif isinstance(widget, QCalendarWidget):
            problems += _calendar_problems(widget)
    return problems


def _tab_problems(bar: QTabBar) -> list[str]:
    needed = sum(bar.tabRect(i).width() for i in range(bar.count()))
    wanted = bar.sizeHint().width()
    if wanted > bar.width() or needed > bar.width():
        names = ", ".join(repr(bar.tabText(i)) for i in range(bar.count()))
        return [f"the tabs {names} need {max(wanted, needed)} px and have {bar.width()}"]
    return []


def _calendar_problems(calendar: QCalendarWidget) -> list[str]:
    view = calendar.findChild(QTableView, "qt_calendar_calendarview")
    if view is None:
        return []
    last = view.model().rowCount() - 1
    bottom = view.rowViewportPosition(last) + view.rowHeight(last)
    if view.rowViewportPosition(last) < 0 or bottom > view.viewport().height():
        return [f"the calendar shows {view.viewport().height()} px of its {bottom} px of weeks"]
    return []


# -- the walk -----------------------------------------------------------------------------

Opener = Callable[[], QWidget]


class Walk:
    """Shows windows one by one and records their problems."""

    def __init__(self, language: str, shots: Path | None) -> None:
        self.language = language
        self.shots = shots
        self.results: list[dict[str, object]] = []
        self.dialog_classes: set[str] = set()

    def check(self, name: str, window: QWidget) -> None:
        settle()
        screen = window.screen()
        available = screen.availableGeometry()
        problems = window_problems(window, available, keys_in_view=not name.endswith("-smallest"))
        if isinstance(window, QDialog):
            cls = type(window)
            self.dialog_classes.add(f"{cls.__module__}.{cls.__qualname__}")
        self.results.append(
            {
                "language": self.language,
                "window": name,
                "size": [window.width(), window.height()],
                "problems": problems,
            }
        )
        if self.shots is not None:
            window.grab().save(str(self.shots / f"{name}-{self.language}.png"))

    def dialog(
        self, name: str, make: Opener, opened: Callable[[QWidget], None] | None = None
    ) -> None:
        """Open what ``make`` builds, do ``opened`` to it once on screen, and check it."""
        try:
            dialog = make()
        except Exception as exc:  # one broken dialog must not hide the others' results
            self.results.append(
                {
                    "language": self.language,
                    "window": name,
                    "size": [0, 0],
                    "problems": [f"it could not be opened: {exc!r}"],
                }
            )
            return
        try:
            dialog.show()
            if opened is not None:
                settle()
                opened(dialog)
            self.check(name, dialog)
        finally:
            dialog.close()
            dialog.deleteLater()
            settle()


def settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


def wait_until(condition: Callable[[], bool], seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while not condition() and time.monotonic() < deadline:
        QApplication.processEvents()
        time.sleep(0.01)
    settle()


def geometry_from_a_larger_screen() -> QByteArray:
    """What QWidget.saveGeometry() (format 3.0) writes for a window 2000×1300 at (400, 100)
    on a 2560×1440 screen: a journal last used on a large monitor, opened on a laptop."""
    frame = QRect(400, 100, 2000, 1300)
    inner = frame.adjusted(1, 30, -1, -1)
    data = QByteArray()
    stream = QDataStream(data, QIODevice.OpenModeFlag.WriteOnly)
    stream.setVersion(QDataStream.Version.Qt_4_0)
    stream.writeUInt32(0x1D9D0CB)  # Qt's magic number, then the format's version
    stream.writeUInt16(3)
    stream.writeUInt16(0)
    stream << frame << inner  # the frame, then the normal geometry
    stream.writeInt32(0)  # the screen's number
    stream.writeUInt8(0)  # not maximized
    stream.writeUInt8(0)  # not full screen
    stream.writeInt32(2560)  # the screen's width
    stream << inner
    return data


def walk_restored(walk: Walk, folder: Path) -> None:
    """The main window where a larger screen left it: still on this one, and whole."""
    from carecompanion.clock import FixedClock
    from carecompanion.paths import AppPaths
    from carecompanion.ui.app.controller import AppController
    from carecompanion.vault.kdf import MINIMUM_KDF
    from tests.helpers import START

    controller = AppController(AppPaths(folder / "demo"), FixedClock(START), kdf=MINIMUM_KDF)
    controller.settings.geometry = geometry_from_a_larger_screen()
    controller.start()
    walk.check("unlock-restored-from-a-larger-screen", controller.window)
    finish(controller.window)


def finish(window: QWidget) -> None:
    """Close a main window once the work it started in the background has ended."""
    from carecompanion.ui.app.main_window import dispose
    from carecompanion.ui.common.workers import wait_for_background_work

    wait_for_background_work()
    settle()
    dispose(window)  # type: ignore[arg-type]


@contextmanager
def language(code: str) -> Iterator[None]:
    from carecompanion.ui.common import i18n

    installed = i18n.install(code, QApplication.instance())
    try:
        yield
    finally:
        installed.uninstall()


def walk_first_run(walk: Walk, folder: Path) -> None:
    from carecompanion.clock import FixedClock
    from carecompanion.paths import AppPaths
    from carecompanion.ui.app.controller import AppController
    from carecompanion.ui.app.setup_wizard import PASSPHRASE
    from carecompanion.vault.kdf import MINIMUM_KDF
    from tests.helpers import START

    controller = AppController(AppPaths(folder), FixedClock(START), kdf=MINIMUM_KDF)
    controller.start()
    wizard = controller.wizard
    assert wizard is not None
    walk.check("wizard-welcome", controller.window)
    wizard.steps.setCurrentIndex(PASSPHRASE)
    wizard.passphrase.setText("blue kettle")
    wizard.repeat.setText("blue kettle morning")
    walk.check("wizard-passphrase", controller.window)
    wizard.show_recovery_key("7KQ2-M9XD-4RTA-PW3E-HN8C-ZB6F-1JVS-Q0GY-5M2K")
    wizard.saved_status.setText(
        wizard.tr("Saved to {path}").format(path="/home/sam/CareCompanion recovery kit.pdf")
    )
    wizard.saved_status.show()
    walk.check("wizard-recovery", controller.window)
    controller.window.resize(controller.window.minimumSizeHint())
    walk.check("wizard-recovery-smallest", controller.window)
    wizard.steps.setCurrentIndex(PASSPHRASE)
    walk.check("wizard-passphrase-smallest", controller.window)
    finish(controller.window)


def walk_app(walk: Walk, folder: Path) -> None:
    from carecompanion.clock import FixedClock
    from carecompanion.demo import create_demo_vault
    from carecompanion.paths import AppPaths
    from carecompanion.ui.app.controller import AppController
    from carecompanion.vault.kdf import MINIMUM_KDF
    from tests.helpers import START

    clock = FixedClock(START)
    paths = AppPaths(folder / "demo")
    controller = AppController(paths, clock, kdf=MINIMUM_KDF)
    controller.start_unlocked(create_demo_vault(paths, clock))
    shell, session = controller.shell, controller.session
    assert shell is not None and session is not None
    window = controller.window
    walk_sections(walk, controller, "")
    first = window.size()
    window.resize(window.minimumSizeHint())  # as small as a person can make it
    walk_sections(walk, controller, "-smallest")
    window.resize(first)

    walk_dialogs(walk, controller, folder)

    shell.show_section(3)
    circle_page = shell.circle_page
    circle_page.refresh()
    wait_until(lambda: not circle_page.work.busy)
    walk.check("main-circles", window)
    circle_page.posts.setFocus()
    window.resize(window.minimumSizeHint())
    walk.check("main-circles-smallest", window)
    window.resize(first)
    circle_page.tabs.setCurrentWidget(circle_page.help_tab)  # a request asked in the walk
    wait_until(lambda: not circle_page.work.busy)
    walk.check("main-circles-help", window)
    window.resize(window.minimumSizeHint())
    walk.check("main-circles-help-smallest", window)
    window.resize(first)
    circle_page.tabs.setCurrentIndex(0)
    shell.show_section(0)
    circle_page.clear()
    controller.lock()
    controller.unlock_view.set_hint("Demo passphrase: a quiet evening walk by the sea")
    controller.unlock_view.show_error(controller.unlock_view.tr("Please type your passphrase."))
    walk.check("unlock", window)
    controller.unlock_view._show_mode(1)
    controller.unlock_view.show_error(
        controller.unlock_view.tr("The two new passphrases are not the same.")
    )
    walk.check("unlock-recovery", window)
    window.resize(window.minimumSizeHint())
    walk.check("unlock-recovery-smallest", window)
    finish(window)


def walk_sections(walk: Walk, controller: object, suffix: str) -> None:
    """The main window on each page and tab, as it is now."""
    from carecompanion.ui.app.controller import AppController

    assert isinstance(controller, AppController)
    shell, window = controller.shell, controller.window
    assert shell is not None
    shell.show_section(0)
    walk.check(f"main-journal{suffix}", window)
    shell.journal_page.tabs.setCurrentIndex(1)
    walk.check(f"main-journal-calendar{suffix}", window)
    shell.journal_page.tabs.setCurrentIndex(0)
    shell.show_section(1)
    for tab in range(shell.mood_page.tabs.count()):
        shell.mood_page.tabs.setCurrentIndex(tab)
        walk.check(f"main-mood-{tab}{suffix}", window)
    shell.mood_page.tabs.setCurrentIndex(0)
    shell.show_section(2)
    for tab in range(shell.people_page.tabs.count()):
        shell.people_page.tabs.setCurrentIndex(tab)
        walk.check(f"main-people-{tab}{suffix}", window)
    shell.people_page.tabs.setCurrentIndex(0)
    shell.show_section(3)
    walk.check(f"main-circles-empty{suffix}", window)
    shell.show_section(0)


def walk_dialogs(walk: Walk, controller: object, folder: Path) -> None:
    from carecompanion.ui.app.controller import AppController

    assert isinstance(controller, AppController)
    shell, session = controller.shell, controller.session
    assert shell is not None and session is not None
    window = controller.window

    from carecompanion.ui.app.settings_dialog import ChangePassphraseDialog, SettingsDialog
    from carecompanion.vault.device_keys import NONE_AVAILABLE

    def settings() -> QWidget:
        dialog = SettingsDialog("system", 10, False, NONE_AVAILABLE(), window)
        dialog.set_language("en")
        dialog.set_reminders(
            True,
            __import__("datetime").time(20, 0),
            False,
            controller.tr("This desktop has no system tray, so reminders cannot be shown."),
            60,
        )
        dialog.language.setCurrentIndex(dialog.language.findData("es"))
        return dialog

    walk.dialog("settings", settings)

    def change_passphrase() -> QWidget:
        dialog = ChangePassphraseDialog(window)
        dialog.new.setText("blue kettle")
        dialog.show_error(dialog.tr("Please choose a stronger new passphrase."))
        return dialog

    walk.dialog("change-passphrase", change_passphrase)

    def change_passphrase_rotating() -> QWidget:
        dialog = ChangePassphraseDialog(window)
        dialog.rotate.setChecked(True)
        # The steps' words are PassphraseChange's (the app's context), not the dialog's.
        dialog.set_busy(
            QApplication.translate(
                "PassphraseChange", "Re-encrypting your journal with its new key…"
            )
        )
        return dialog

    walk.dialog("change-passphrase-rotating", change_passphrase_rotating)

    def change_passphrase_new_key() -> QWidget:
        dialog = ChangePassphraseDialog(window)
        dialog.show_new_recovery_key(
            "ABCD-EFGH-JKMN-PQRS-TVWX-YZ01-2345-6789-ABCD",
            QApplication.translate(
                "RecoveryKit",
                "Nothing was printed: no printer could be reached. Save the kit as a PDF "
                "instead, or copy the key by hand.",
            ),
        )
        return dialog

    walk.dialog("change-passphrase-new-key", change_passphrase_new_key)

    from datetime import timedelta

    from carecompanion.ui.app.earlier_journals import EarlierJournalsDialog
    from carecompanion.vault.earlier import EarlierJournal

    def earlier_journals() -> QWidget:
        now = session.clock.now()
        journals = [
            EarlierJournal(name, folder / name, now, started, True)
            for name, started in (
                ("replaced-20260304-120000", now - timedelta(days=300)),
                ("replaced-20260301-090000", None),
            )
        ]
        dialog = EarlierJournalsDialog(journals, window)
        dialog.show_error(dialog.tr("Please type the passphrase of the chosen journal."))
        return dialog

    walk.dialog("earlier-journals", earlier_journals)

    from carecompanion.ui.people.contact_dialog import ContactDialog, LogDialog
    from carecompanion.ui.people.group_dialog import GroupDialog, MoveMeetingDialog

    people = session.people.list()
    walk.dialog("contact-new", lambda: ContactDialog(parent=window))
    walk.dialog("contact-edit", lambda: ContactDialog(people[0].to_draft(), window))
    walk.dialog("contact-log", lambda: LogDialog(people[0].name, "call", window))
    walk.dialog("group-new", lambda: GroupDialog(people, parent=window))
    groups = session.groups.list()
    walk.dialog(
        "group-edit",
        lambda: GroupDialog(people, session.groups.get(groups[0].id).to_draft(), window),
    )
    start = session.clock.now()
    walk.dialog("meeting-move", lambda: MoveMeetingDialog(start, window))

    from carecompanion.ui.people.help_dialog import HelpDialog
    from carecompanion.ui.people.helplines_dialog import HelplinesDialog

    walk.dialog("help", lambda: HelpDialog(session.people, window))
    session.people.crisis.choose_country("GB")
    walk.dialog("help-country", lambda: HelpDialog(session.people, window))
    walk.dialog("helplines", lambda: HelplinesDialog(session.people.crisis, window))

    from carecompanion.ui.journal.attachment_viewer import AttachmentViewer
    from carecompanion.ui.journal.exchange_dialogs import ExportDialog, ImportDialog
    from carecompanion.ui.journal.templates_dialog import TemplatesDialog

    walk.dialog("templates", lambda: TemplatesDialog(session.templates, window))
    walk.dialog("journal-import", lambda: ImportDialog(session, window))

    def export() -> QWidget:
        dialog = ExportDialog(session, [1], window)
        dialog.scope.setCurrentIndex(dialog.scope.findData("range"))
        return dialog

    walk.dialog("journal-export", export)
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QColor, QImage

    image = QImage(1600, 1200, QImage.Format.Format_RGB32)
    image.fill(QColor("#7aa"))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")  # type: ignore[call-overload]  # the stub says bytes
    walk.dialog(
        "attachment-image",
        lambda: AttachmentViewer(
            "Discharge letter.png", "image/png", bytes(data.data()), "12 KB", window
        ),
    )
    walk.dialog(
        "attachment-file",
        lambda: AttachmentViewer(
            "Care plan from the hospital, March.pdf", "application/pdf", b"%PDF", "1.2 MB", window
        ),
    )

    from carecompanion.ui.mood.checkin_dialog import CheckInDialog
    from carecompanion.ui.mood.mood_files import MoodMapDialog, ReportDialog
    from carecompanion.ui.mood.selfcheck_dialog import SelfCheckDialog

    recent = session.journal.list_summaries(limit=20)
    walk.dialog(
        "checkin",
        lambda: CheckInDialog(
            session.mood, parent=window, now=session.clock.now(), recent_entries=recent
        ),
    )

    def open_more(dialog: QWidget) -> None:  # the optional questions, folded behind More
        more = getattr(dialog, "more", None)
        if isinstance(more, QAbstractButton):
            more.setChecked(True)

    walk.dialog(
        "checkin-more",
        lambda: CheckInDialog(
            session.mood, parent=window, now=session.clock.now(), recent_entries=recent
        ),
        open_more,
    )
    walk.dialog(
        "checkin-correct",
        lambda: CheckInDialog(
            session.mood, session.mood.list()[0], parent=window, recent_entries=recent
        ),
    )
    walk.dialog("selfcheck", lambda: SelfCheckDialog(session, window))
    walk.dialog("mood-map", lambda: MoodMapDialog(("Rad", "Meh", "Fugly"), window))
    walk.dialog("mood-report", lambda: ReportDialog(session.mood.today(), window))

    walk_circle_dialogs(walk, controller, folder)


def walk_circle_dialogs(walk: Walk, controller: object, folder: Path) -> None:
    from carecompanion.ui.app.controller import AppController
    from carecompanion.ui.circle.dialogs import (
        JoinCircleDialog,
        MemberCardDialog,
        StartCircleDialog,
    )
    from carecompanion.ui.circle.members_dialog import AddMemberDialog, MembersDialog
    from carecompanion.ui.circle.mood_share_dialog import MoodShareDialog
    from carecompanion.ui.circle.passphrase_dialog import CirclePassphraseDialog
    from carecompanion.ui.circle.share_dialog import ShareDialog

    assert isinstance(controller, AppController)
    shell, session = controller.shell, controller.session
    assert shell is not None and session is not None
    window = controller.window
    page = shell.circle_page
    service = session.circles

    walk.dialog("circle-start", lambda: StartCircleDialog(window))

    def choose_passphrase(dialog: QWidget) -> None:
        assert isinstance(dialog, StartCircleDialog)
        dialog.with_passphrase.setChecked(True)

    walk.dialog("circle-start-passphrase", lambda: StartCircleDialog(window), choose_passphrase)
    shared = folder / "Shared"
    shared.mkdir(exist_ok=True)
    service.set_name("Sam")
    circle_file = shared / "Tuesday carers.carecircle"
    info = service.create("Tuesday carers", circle_file)
    passphrase_file = shared / "Neighbours.carecircle"
    neighbours = service.create("Neighbours", passphrase_file, "a long shared passphrase")

    def join_circle() -> QWidget:
        dialog = JoinCircleDialog(passphrase_file, window)
        dialog._show_error(dialog.tr("Type the circle passphrase."))
        return dialog

    walk.dialog("circle-join", join_circle)
    walk.dialog(
        "circle-card", lambda: MemberCardDialog(service, page.work, session.clock, None, window)
    )
    walk.dialog("circle-members", lambda: MembersDialog(service, page.work, info.id, parent=window))
    walk.dialog("circle-add-member", lambda: AddMemberDialog(service.card(), True, window))
    walk.dialog(
        "circle-members-passphrase",
        lambda: MembersDialog(service, page.work, neighbours.id, parent=window),
    )
    walk.dialog(
        "circle-passphrase-change",
        lambda: CirclePassphraseDialog(service, page.work, neighbours.id, False, window),
    )
    walk.dialog(
        "circle-passphrase-given",
        lambda: CirclePassphraseDialog(service, page.work, neighbours.id, True, window),
    )
    entry = session.journal.list_summaries(limit=5)[0]
    walk.dialog("circle-share", lambda: ShareDialog(service, page.work, entry.id, parent=window))
    walk.dialog(
        "circle-mood-share",
        lambda: MoodShareDialog(service, session.mood, page.work, parent=window),
    )
    walk_help_dialogs(walk, controller, info.id)


def walk_help_dialogs(walk: Walk, controller: object, circle_id: str) -> None:
    """The help calendar's dialogs (issue 18), and a request for the Help tab to show."""
    from datetime import timedelta

    from carecompanion.circle.helping import Ask
    from carecompanion.ui.app.controller import AppController
    from carecompanion.ui.circle.help_dialogs import AskDialog, NoteDialog

    assert isinstance(controller, AppController)
    session, window = controller.session, controller.window
    assert session is not None
    today = session.clock.now().date()

    def no_save(*_args: object) -> None:
        return None

    walk.dialog("circle-ask", lambda: AskDialog(no_save, today, parent=window))

    def series_refused(dialog: QWidget) -> None:
        assert isinstance(dialog, AskDialog)
        dialog.repeat.setChecked(True)
        dialog.error.setText(dialog.tr("The end must come after the start."))
        dialog.error.show()

    walk.dialog(
        "circle-ask-series", lambda: AskDialog(no_save, today, parent=window), series_refused
    )
    start = session.clock.now().replace(tzinfo=None, minute=0) + timedelta(days=2)
    session.circles.ask_for_help(
        circle_id,
        Ask(
            "Sit with Mum while I go to my appointment",
            start,
            start + timedelta(hours=3),
            "UTC",
            where="at home",
            note="She likes the radio on.",
        ),
    )
    [request] = session.circles.help_board(circle_id).requests
    walk.dialog("circle-ask-edit", lambda: AskDialog(no_save, today, request, parent=window))
    walk.dialog(
        "circle-help-note",
        lambda: NoteDialog(
            window.tr("Cancel this request"),
            window.tr("Cancel “{what}”, {when}? Whoever offered sees it at their next sync."),
            window.tr("Why (optional)"),
            window.tr("Cancel the request"),
            window,
            window.tr("Keep it"),
        ),
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--language", action="append", default=[])
    parser.add_argument("--shots", type=Path)
    args = parser.parse_args()
    from carecompanion.ui.app.launch import create_application
    from carecompanion.ui.common import theme

    app = create_application()
    theme.apply(app, "light")
    if args.shots is not None:
        args.shots.mkdir(parents=True, exist_ok=True)
    screen = app.primaryScreen()
    available = screen.availableGeometry()
    report: dict[str, object] = {
        "available": [available.x(), available.y(), available.width(), available.height()],
        "scale": screen.devicePixelRatio(),
        "results": [],
        "dialog_classes": [],
    }
    classes: set[str] = set()
    for code in args.language or ["en"]:
        walk = Walk(code, args.shots)
        with language(code), tempfile.TemporaryDirectory() as folder:
            walk_first_run(walk, Path(folder) / "fresh")
            walk_app(walk, Path(folder))
            walk_restored(walk, Path(folder))
        report["results"] += walk.results  # type: ignore[operator]
        classes |= walk.dialog_classes
    report["dialog_classes"] = sorted(classes)
    print(json.dumps(report, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
