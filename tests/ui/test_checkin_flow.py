"""The daily check-in as a tired person does it: by keyboard, counting keys, from anywhere in
the app. Every result is read back from the database through the MoodService, never from the
dialog's widgets: a dialog that shows "good" but stores "awful" must fail here."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget
from pytestqt.qtbot import QtBot

from carecompanion.clock import FixedClock
from carecompanion.mood.records import CheckInDraft
from carecompanion.session import VaultSession
from carecompanion.ui.app.controller import AppController
from carecompanion.ui.mood.checkin_dialog import CheckInDialog
from tests.conftest import VaultFactory
from tests.helpers import GOOD_PASSPHRASE
from tests.ui.conftest import ControllerFactory, activate

ENTER = Qt.Key.Key_Return


class Keys:
    """Presses keys where a person's keyboard would send them (the focused widget) and counts
    them: the count is what the issue promises (three keys for a check-in)."""

    def __init__(self, qtbot: QtBot) -> None:
        self._qtbot = qtbot
        self.count = 0

    def press(
        self, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
    ) -> None:
        target = QApplication.focusWidget()
        assert target is not None, "nothing has the keyboard focus"
        self._qtbot.keyClick(target, key, modifier)
        self.count += 1

    def type(self, text: str) -> None:
        target = QApplication.focusWidget()
        assert target is not None
        self._qtbot.keyClicks(target, text)
        self.count += len(text)


@pytest.fixture
def session(vault_factory: VaultFactory, clock: FixedClock) -> Iterator[VaultSession]:
    unlocked, _ = vault_factory()
    opened = VaultSession(unlocked, clock)
    yield opened
    if not opened.is_locked:
        opened.lock()


def _dialog(qtbot: QtBot, session: VaultSession, clock: FixedClock) -> CheckInDialog:
    dialog = CheckInDialog(
        session.mood, now=clock.now(), recent_entries=session.journal.list_summaries(limit=20)
    )
    qtbot.addWidget(dialog)
    activate(qtbot, dialog)
    return dialog


# -- Enter never changes the mood -----------------------------------------------------------------
def test_a_digit_then_enter_saves_that_mood(
    qtbot: QtBot, session: VaultSession, clock: FixedClock
) -> None:
    dialog = _dialog(qtbot, session, clock)
    keys = Keys(qtbot)
    keys.press(Qt.Key.Key_4)
    keys.press(ENTER)
    saved = session.mood.list()
    assert [c.mood for c in saved] == [4], "Enter saved the mood that was chosen, nothing else"
    assert keys.count == 2
    assert dialog.result() == CheckInDialog.DialogCode.Accepted


def test_a_clicked_face_a_note_and_enter_save_that_face(
    qtbot: QtBot, session: VaultSession, clock: FixedClock
) -> None:
    dialog = _dialog(qtbot, session, clock)
    qtbot.mouseClick(dialog.mood_group.button(2), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.note, Qt.MouseButton.LeftButton)
    keys = Keys(qtbot)
    keys.type("a long night")
    keys.press(ENTER)
    saved = session.mood.list()
    assert [(c.mood, c.note) for c in saved] == [(2, "a long night")]


def test_enter_on_the_focused_face_saves_the_chosen_mood_not_that_face(
    qtbot: QtBot, session: VaultSession, clock: FixedClock
) -> None:
    """Focus on face 1 ("awful") while 5 is chosen: Enter saves 5."""
    dialog = _dialog(qtbot, session, clock)
    dialog.mood_group.button(1).setFocus()
    keys = Keys(qtbot)
    keys.press(Qt.Key.Key_5)
    keys.press(Qt.Key.Key_Enter)  # the keypad's Enter too
    assert [c.mood for c in session.mood.list()] == [5]


def test_enter_in_every_optional_field_saves_and_keeps_the_mood(
    qtbot: QtBot, session: VaultSession, clock: FixedClock
) -> None:
    session.journal.add("A long day", "Words.", entry_at=clock.now())
    for number, field in enumerate(
        ("stress", "energy", "sleep", "care", "when", "entry", "activities", "emotions", "more")
    ):
        dialog = _dialog(qtbot, session, clock)
        keys = Keys(qtbot)
        keys.press(Qt.Key.Key_3)
        if not dialog.more.isChecked():
            dialog.more.setChecked(True)
        widget: QWidget = getattr(dialog, field)
        widget.setFocus()
        keys.press(ENTER)
        moods = [c.mood for c in session.mood.list()]
        assert moods == [3] * (number + 1), f"Enter in {field}"
        assert not dialog.isVisible()


def test_enter_with_no_mood_saves_nothing_and_says_what_to_do(
    qtbot: QtBot, session: VaultSession, clock: FixedClock
) -> None:
    dialog = _dialog(qtbot, session, clock)
    keys = Keys(qtbot)
    keys.press(ENTER)
    assert session.mood.list() == []
    assert dialog.isVisible()
    assert dialog.mood_group.checkedId() == -1, "Enter chose no mood either"
    assert not dialog.hint.isHidden()
    assert "1 to 5" in dialog.hint.text()
    keys.press(Qt.Key.Key_2)
    keys.press(ENTER)
    assert [c.mood for c in session.mood.list()] == [2]


def test_arrow_keys_move_between_faces_and_choose(
    qtbot: QtBot, session: VaultSession, clock: FixedClock
) -> None:
    dialog = _dialog(qtbot, session, clock)
    keys = Keys(qtbot)
    keys.press(Qt.Key.Key_3)
    dialog.mood_group.button(3).setFocus()
    keys.press(Qt.Key.Key_Right)
    assert QApplication.focusWidget() is dialog.mood_group.button(4)
    keys.press(ENTER)
    assert [c.mood for c in session.mood.list()] == [4]


# -- short, predictable keyboard paths ------------------------------------------------------------
def test_tab_goes_face_note_more_save(
    qtbot: QtBot, session: VaultSession, clock: FixedClock
) -> None:
    dialog = _dialog(qtbot, session, clock)
    keys = Keys(qtbot)
    keys.press(Qt.Key.Key_4)
    visited: list[QWidget | None] = [QApplication.focusWidget()]
    while QApplication.focusWidget() is not dialog.save_button and keys.count < 20:
        keys.press(Qt.Key.Key_Tab)
        visited.append(QApplication.focusWidget())
    assert visited == [dialog.mood_group.button(4), dialog.note, dialog.more, dialog.save_button], (
        "the digit took the focus to its face"
    )
    assert keys.count == 4  # the digit and three Tabs
    keys.press(Qt.Key.Key_Space)
    assert [c.mood for c in session.mood.list()] == [4]


def test_shift_tab_from_the_note_lands_on_the_chosen_face(
    qtbot: QtBot, session: VaultSession, clock: FixedClock
) -> None:
    """The five faces are one Tab stop (like radio buttons): the chosen one."""
    dialog = _dialog(qtbot, session, clock)
    keys = Keys(qtbot)
    keys.press(Qt.Key.Key_2)
    dialog.note.setFocus()
    keys.press(Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is dialog.mood_group.button(2)


def test_date_and_time_is_one_tab_stop(
    qtbot: QtBot, session: VaultSession, clock: FixedClock
) -> None:
    dialog = _dialog(qtbot, session, clock)
    keys = Keys(qtbot)
    keys.press(Qt.Key.Key_4)
    dialog.more.setFocus()
    keys.press(Qt.Key.Key_Space)
    assert dialog.more.isChecked() and dialog.details.isVisible()
    dialog.when.setFocus()
    keys.press(Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is not dialog.when, "Tab left the date at once"
    dialog.when.setFocus()
    keys.press(Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is not dialog.when


def test_more_is_a_named_toggle_and_optional_answers_are_saved(
    qtbot: QtBot, session: VaultSession, clock: FixedClock
) -> None:
    dialog = _dialog(qtbot, session, clock)
    assert dialog.more.isCheckable() and dialog.more.accessibleName()
    assert dialog.details.isHidden(), "optional questions start folded away"
    keys = Keys(qtbot)
    keys.press(Qt.Key.Key_1)
    dialog.more.setFocus()
    keys.press(Qt.Key.Key_Space)
    dialog.stress.setFocus()
    keys.press(Qt.Key.Key_Up)
    keys.press(Qt.Key.Key_Up)  # from "—" to 0, then 1
    keys.press(ENTER)
    saved = session.mood.list()
    assert [(c.mood, c.stress) for c in saved] == [(1, 1)]


def test_a_click_on_a_word_or_on_its_box_ticks_it_once(
    qtbot: QtBot, session: VaultSession, clock: FixedClock
) -> None:
    from PySide6.QtCore import QPoint

    dialog = _dialog(qtbot, session, clock)
    dialog.mood_group.button(3).click()
    dialog.more.setChecked(True)
    view = dialog.activities
    model = view.model()
    on_box, on_word = (view.visualRect(model.index(row, 0)) for row in (0, 1))
    qtbot.mouseClick(
        view.viewport(),
        Qt.MouseButton.LeftButton,
        pos=QPoint(on_box.left() + 12, on_box.center().y()),
    )
    qtbot.mouseClick(
        view.viewport(),
        Qt.MouseButton.LeftButton,
        pos=QPoint(on_word.right() - 10, on_word.center().y()),
    )
    view.setCurrentIndex(model.index(2, 0))
    keys = Keys(qtbot)
    keys.press(Qt.Key.Key_Space)  # and by keyboard
    keys.press(ENTER)
    names = [model.index(row, 0).data() for row in (0, 1, 2)]
    assert [c.activities for c in session.mood.list()] == [tuple(names)]


# -- faces ----------------------------------------------------------------------------------------
def test_faces_are_icons_with_words_and_names(
    qtbot: QtBot, session: VaultSession, clock: FixedClock
) -> None:
    from carecompanion.ui.mood import colours

    dialog = _dialog(qtbot, session, clock)
    words = {1: "awful", 2: "bad", 3: "okay", 4: "good", 5: "great"}
    for value, word in words.items():
        face = dialog.mood_group.button(value)
        assert isinstance(face, QAbstractButton)
        assert not face.icon().isNull()
        assert face.text() == word
        assert face.accessibleName() == f"Mood {value} of 5: {word}"
    assert not hasattr(colours, "TEXT_FACES"), "text emoticons are gone"


def test_past_check_ins_show_their_face(
    qtbot: QtBot, session: VaultSession, clock: FixedClock
) -> None:
    from PySide6.QtGui import QIcon

    from carecompanion.ui.mood.page import MoodPage

    session.mood.add(CheckInDraft(mood=2, at=clock.now()))
    page = MoodPage(session)
    qtbot.addWidget(page)
    face = page.history_model.index(0, 0).data(Qt.ItemDataRole.DecorationRole)
    assert isinstance(face, QIcon) and not face.isNull()


def test_face_icons_match_the_other_icons() -> None:
    from carecompanion.ui.common.resources import resource_path

    for value in range(1, 6):
        svg = resource_path("icons", f"mood-{value}.svg").read_text(encoding="utf-8")
        assert 'viewBox="0 0 24 24"' in svg
        assert 'stroke="#5F6B68"' in svg and 'fill="none"' in svg


# -- fitting small screens ------------------------------------------------------------------------
@pytest.mark.parametrize("language", ["en", "es"])
def test_the_dialog_fits_a_small_screen_with_its_buttons_visible(
    qtbot: QtBot, session: VaultSession, clock: FixedClock, qapp: QApplication, language: str
) -> None:
    """1366x768 at 150 % leaves 911x512 logical pixels; keep room for a window frame."""
    from carecompanion.ui.common import i18n

    installed = i18n.install(language, qapp)
    try:
        dialog = _dialog(qtbot, session, clock)
        folded = dialog.sizeHint()
        assert folded.width() <= 911 and folded.height() <= 512 - 40, folded
        dialog.more.setChecked(True)
        dialog.fit_to(available_height=512 - 40, available_width=911)
        assert dialog.height() <= 512 - 40 and dialog.width() <= 911
        assert dialog.details.isVisible()
        for button in (dialog.save_button, dialog.cancel_button, dialog.more):
            corner = button.mapTo(dialog, button.rect().bottomRight())
            assert dialog.rect().contains(corner), button.text()
        assert dialog.save_button.parent() is not dialog.details.widget()
    finally:
        installed.uninstall()


# -- the summary ----------------------------------------------------------------------------------
def test_the_summary_reads_as_sentences(
    qtbot: QtBot, session: VaultSession, clock: FixedClock
) -> None:
    from datetime import timedelta

    from carecompanion.ui.mood.page import MoodPage

    session.mood.add(CheckInDraft(mood=4, at=clock.now()))
    page = MoodPage(session)
    qtbot.addWidget(page)
    text = page.summary.text()
    assert "—" not in text and "stress" not in text and "sleep" not in text, text
    assert "1 days" not in text and "day(s)" not in text, text
    assert "one day" in text, text
    for offset in range(1, 5):
        session.mood.add(
            CheckInDraft(mood=3, stress=6, sleep_hours=5.5, at=clock.now() - timedelta(days=offset))
        )
    page.refresh()
    text = page.summary.text()
    assert "5 days" in text and "in a row" in text and "stress" in text, text
    assert "day(s)" not in text and "—" not in text


# -- three keys from anywhere ---------------------------------------------------------------------
def _unlocked(
    make_controller: ControllerFactory, vault_factory: VaultFactory, qtbot: QtBot
) -> AppController:
    unlocked, _ = vault_factory()
    controller = make_controller()
    controller.start_unlocked(unlocked)
    activate(qtbot, controller.window)
    return controller


def _open_dialog() -> CheckInDialog:
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, CheckInDialog), dialog
    return dialog


def test_three_keys_check_in_from_every_page(
    qtbot: QtBot, make_controller: ControllerFactory, vault_factory: VaultFactory
) -> None:
    controller = _unlocked(make_controller, vault_factory, qtbot)
    shell = controller.shell
    assert shell is not None and controller.session is not None
    for row in range(shell.navigation_model.rowCount()):
        shell.show_section(row)
        page = shell.pages.currentWidget()
        assert page is not None
        activate(qtbot, controller.window)
        (page.focusWidget() or page).setFocus()
        keys = Keys(qtbot)
        keys.press(Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
        dialog = _open_dialog()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)  # noqa: B023
        keys.press(Qt.Key(Qt.Key.Key_1.value + row))
        keys.press(ENTER)
        assert keys.count == 3
        moods = [c.mood for c in controller.session.mood.list()]
        assert moods == list(range(1, row + 2)), f"from page {row}"
        assert shell.pages.currentIndex() == row, "the person stays where they were"
        assert not shell.notice.isHidden()
        assert "saved" in shell.notice.text().lower()
        assert shell.notice.accessibleName()
        assert shell.notice.accessibleDescription() == shell.notice.text()


def test_ctrl_k_is_not_swallowed_by_a_text_field(
    qtbot: QtBot, make_controller: ControllerFactory, vault_factory: VaultFactory
) -> None:
    """On Linux a line edit takes Ctrl+K as "delete to the end of the line" (a shortcut
    override); inside the app the check-in wins and the text stays."""
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtGui import QKeyEvent

    class Seen(QObject):
        """What reaches the line edit itself (this platform's line edit claims nothing)."""

        def __init__(self) -> None:
            super().__init__()
            self.overrides = 0

        def eventFilter(self, _watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.ShortcutOverride:
                self.overrides += 1
            return False

    controller = _unlocked(make_controller, vault_factory, qtbot)
    shell = controller.shell
    assert shell is not None
    title = shell.journal_page.editor.title
    seen = Seen()
    title.installEventFilter(seen)
    for key in (Qt.Key.Key_K, Qt.Key.Key_A):
        override = QKeyEvent(QEvent.Type.ShortcutOverride, key, Qt.KeyboardModifier.ControlModifier)
        override.ignore()
        QApplication.sendEvent(title, override)
        if key == Qt.Key.Key_K:
            assert not override.isAccepted(), "Ctrl+K stays the window's shortcut"
    assert seen.overrides == 1, "Ctrl+K never reaches the line edit; Ctrl+A still does"
    title.removeEventFilter(seen)


def _answer_with_keys(qtbot: QtBot, controller: AppController, mood: int) -> None:
    """The open check-in, once it is the active window: a digit, Enter, and the database
    holds exactly that mood."""
    dialog = _open_dialog()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    keys = Keys(qtbot)
    keys.press(Qt.Key(Qt.Key.Key_0.value + mood))
    keys.press(ENTER)
    assert controller.session is not None
    assert [c.mood for c in controller.session.mood.list()] == [mood]


def test_the_trays_check_in_opens_the_dialog(
    qtbot: QtBot, make_controller: ControllerFactory, vault_factory: VaultFactory
) -> None:
    controller = _unlocked(make_controller, vault_factory, qtbot)
    controller.check_in_from_tray()
    _answer_with_keys(qtbot, controller, 5)


def test_a_second_request_brings_back_the_open_dialog(
    qtbot: QtBot, make_controller: ControllerFactory, vault_factory: VaultFactory
) -> None:
    controller = _unlocked(make_controller, vault_factory, qtbot)
    assert controller.shell is not None
    controller.shell.check_in()
    first = _open_dialog()
    controller.check_in_from_tray()
    assert _open_dialog() is first
    assert (
        len(
            [
                w
                for w in QApplication.topLevelWidgets()
                if isinstance(w, CheckInDialog) and w.isVisible()
            ]
        )
        == 1
    )


# -- a lock in the middle of a check-in ------------------------------------------------------------
def _reunlock(qtbot: QtBot, controller: AppController) -> None:
    view = controller.unlock_view
    qtbot.keyClicks(view.passphrase, GOOD_PASSPHRASE)
    qtbot.keyClick(view.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: controller.shell is not None, timeout=10_000)


def test_a_chosen_mood_is_saved_when_the_app_locks(
    qtbot: QtBot, make_controller: ControllerFactory, vault_factory: VaultFactory
) -> None:
    controller = _unlocked(make_controller, vault_factory, qtbot)
    assert controller.shell is not None
    controller.shell.check_in()
    dialog = _open_dialog()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    keys = Keys(qtbot)
    keys.press(Qt.Key.Key_2)
    dialog.note.setFocus()
    keys.type("he did not sleep")
    controller.lock()
    assert controller.session is None
    assert not [
        w for w in QApplication.topLevelWidgets() if isinstance(w, CheckInDialog) and w.isVisible()
    ], "nothing shown once locked"
    _reunlock(qtbot, controller)
    assert controller.session is not None and controller.shell is not None
    saved = controller.session.mood.list()
    assert [(c.mood, c.note) for c in saved] == [(2, "he did not sleep")]
    notice = controller.shell.notice
    assert not notice.isHidden()
    assert "saved when the journal locked" in notice.text()
    assert notice.action is not None and notice.action.isVisible(), "offers to open it again"
    qtbot.mouseClick(notice.action, Qt.MouseButton.LeftButton)
    reopened = _open_dialog()
    assert reopened.mood_group.checkedId() == 2 and reopened.note.text() == "he did not sleep"


def test_an_unfinished_check_in_without_a_mood_is_not_lost_silently(
    qtbot: QtBot, make_controller: ControllerFactory, vault_factory: VaultFactory
) -> None:
    controller = _unlocked(make_controller, vault_factory, qtbot)
    assert controller.shell is not None
    controller.shell.check_in()
    dialog = _open_dialog()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    dialog.note.setFocus()
    Keys(qtbot).type("started, then the doorbell")
    controller.lock()
    _reunlock(qtbot, controller)
    assert controller.session is not None and controller.shell is not None
    assert controller.session.mood.list() == [], "no mood, no record"
    notice = controller.shell.notice
    assert not notice.isHidden() and "not saved" in notice.text()


def test_the_trays_check_in_while_locked_opens_after_unlocking(
    qtbot: QtBot, make_controller: ControllerFactory, vault_factory: VaultFactory
) -> None:
    controller = _unlocked(make_controller, vault_factory, qtbot)
    controller.lock()
    controller.check_in_from_tray()
    assert QApplication.activeModalWidget() is None, "nothing opens over the unlock screen"
    _reunlock(qtbot, controller)
    _answer_with_keys(qtbot, controller, 3)


def test_nothing_is_said_after_a_lock_with_no_check_in_open(
    qtbot: QtBot, make_controller: ControllerFactory, vault_factory: VaultFactory
) -> None:
    controller = _unlocked(make_controller, vault_factory, qtbot)
    controller.lock()
    _reunlock(qtbot, controller)
    assert controller.shell is not None and controller.shell.notice.isHidden()


# -- the journal title ----------------------------------------------------------------------------
def test_enter_in_the_journal_title_moves_to_the_text(
    qtbot: QtBot, make_controller: ControllerFactory, vault_factory: VaultFactory
) -> None:
    """A whole entry by keyboard from the unlocked app: Ctrl+N, the title, Enter, the text,
    Ctrl+S; three keys besides the words, and the entry is in the database as typed."""
    controller = _unlocked(make_controller, vault_factory, qtbot)
    assert controller.shell is not None
    page = controller.shell.journal_page
    keys = Keys(qtbot)
    keys.press(Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is page.editor.title
    keys.type("Clinic")
    keys.press(ENTER)
    assert QApplication.focusWidget() is page.editor.body
    keys.type("Good news.")
    keys.press(Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert keys.count == 3 + len("Clinic") + len("Good news.")
    entry_id = page.editor.entry_id
    assert entry_id is not None and controller.session is not None
    entry = controller.session.journal.get(entry_id)
    assert (entry.title, entry.body.strip()) == ("Clinic", "Good news.")
