#!/usr/bin/env python3
"""Render each main view and every dialog with demo data into docs/screenshots/.

Usage: python3 scripts/dev.py screenshots [--only circle] [--screen 1366x768]
   or: .venv/bin/python scripts/screenshots.py [--out docs/screenshots] [--only app] ...

The pictures are taken as a person sees the app: a real window on an Xvfb screen of a laptop's
size (1366x768 unless ``--screen`` says otherwise), with a window manager's frames, each picture
the whole screen (scripts/screenshot_camera.py says why). Without a display the script starts
itself again under ``xvfb-run``. ``--only`` renders some views: wizard, app (journal, mood,
people, their dialogs, settings, unlock) or circle (the Circle page and its dialogs). Each view
is rendered in light and dark, and the main ones again in Spanish (``NAME-es-light.png``).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Callable
from contextlib import AbstractContextManager
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("LANG", "C.UTF-8")

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QWidget
from screenshot_camera import (
    DEFAULT_SCREEN,
    INSIDE_ENV,
    Camera,
    capture_dialogs,
    reexec_under_xvfb,
    settle,
    window_manager,
)

from carecompanion.clock import Clock, SystemClock
from carecompanion.demo import create_demo_vault
from carecompanion.paths import AppPaths
from carecompanion.session import VaultSession, create_vault
from carecompanion.ui.app.controller import AppController
from carecompanion.ui.app.launch import create_application
from carecompanion.ui.app.main_window import dispose
from carecompanion.ui.app.setup_wizard import PASSPHRASE
from carecompanion.ui.circle.page import CirclePage
from carecompanion.ui.common import i18n, theme
from carecompanion.ui.mood.checkin_dialog import CheckInDialog
from carecompanion.vault.kdf import MINIMUM_KDF

VIEWS = ("wizard", "app", "circle")
#: The views shown again in Spanish, light theme only: the daily flows, the worst day's help,
#: and enough of the rest to see the translation whole.
SPANISH_VIEWS = frozenset(
    {
        "wizard-welcome",
        "unlock",
        "main",
        "mood-trend",
        "mood-checkin",
        "mood-checkin-more",
        "people",
        "help",
        "people-contact",
        "settings",
        "settings-passphrase",
        "settings-new-key",
        "earlier-journals",
        "circle",
        "circle-share",
        "circle-mood-share",
        "circle-help",
        "circle-ask",
    }
)
#: Set by render(): "" for English, "-es" for Spanish (only SPANISH_VIEWS are saved then).
_language_suffix = ""
_camera: Camera | None = None


def _save(_widget: QWidget | None, name: str) -> None:
    view, _, _theme_name = name.rpartition("-")
    if _language_suffix and view not in SPANISH_VIEWS:
        return
    assert _camera is not None
    _camera.shoot(name)


def _dialogs(*names: str) -> AbstractContextManager[None]:
    """Shoot the dialogs the app opens next (see capture_dialogs); in Spanish, views not in
    SPANISH_VIEWS still take their dialog, so the order stays right, but are not saved."""
    return capture_dialogs(_skipping_camera(), names)


def _wait_for_circles(page: CirclePage) -> None:
    import time

    deadline = time.monotonic() + 60
    while page.work.busy and time.monotonic() < deadline:
        QApplication.processEvents()
        time.sleep(0.02)
    QApplication.processEvents()


def _member(folder: Path, name: str, clock: Clock) -> VaultSession:
    """A throwaway vault for another member of the demo circle."""
    unlocked, _key = create_vault(
        AppPaths(folder / name), "throwaway demo member", kdf=MINIMUM_KDF, clock=clock
    )
    session = VaultSession(unlocked, clock)
    session.circles.set_name(name)
    return session


def demo_circle(me: VaultSession, folder: Path, clock: Clock) -> tuple[str, list[VaultSession]]:
    """A circle of three with real CircleService instances: posts, comments, reactions."""
    from datetime import timedelta

    me.circles.set_name("Sam")
    maya, jordan = _member(folder, "Maya", clock), _member(folder, "Jordan", clock)
    shared = folder / "Shared"
    shared.mkdir()
    circle_id = me.circles.create("Tuesday carers", shared / "Tuesday carers.carecircle").id
    for other in (maya, jordan):
        me.circles.add_member(circle_id, other.circles.card())
    me.circles.sync(circle_id)
    for other in (maya, jordan):
        other.circles.join(shared / "Tuesday carers.carecircle")
    now = clock.now().astimezone()
    posts = [
        (
            maya,
            5,
            "Mum's first day at day care",
            "I cried in the car park, then had a coffee **on my own** for the first time in "
            "months.\n\nShe told the staff about her garden. They listened.",
            ("day care",),
        ),
        (
            jordan,
            3,
            "Night shifts are catching up with me",
            "Third night up this week. I found a carers' line that answers at 3am; writing "
            "the number here in case anyone needs it.",
            ("sleep",),
        ),
        (
            maya,
            1,
            "A question about grab rails",
            "Did anyone get the council to fit them? What did you say on the form?",
            ("help",),
        ),
    ]
    records = {}
    for author, days, title, body, tags in posts:
        entry = author.journal.add(title, body, tags, entry_at=now - timedelta(days=days))
        records[title] = author.circles.share_entry(circle_id, entry.id)
        author.circles.sync(circle_id)
    mine = me.journal.list_summaries(limit=50)
    respite = next(s for s in mine if s.title == "Respite plan")
    me.circles.share_entry(circle_id, respite.id)
    me.circles.sync(circle_id)
    for other in (maya, jordan):
        other.circles.sync(circle_id)
    day_care = records["Mum's first day at day care"]
    jordan.circles.comment(circle_id, day_care, "That coffee counts as self-care. Proud of you.")
    jordan.circles.react(circle_id, day_care, "heart")
    jordan.circles.react(circle_id, records["A question about grab rails"], "thinking_of_you")
    jordan.circles.sync(circle_id)
    maya.circles.sync(circle_id)
    maya.circles.comment(circle_id, day_care, "Thank you. Going back on Thursday.")
    maya.circles.react(circle_id, records["Night shifts are catching up with me"], "strength")
    maya.circles.sync(circle_id)
    me.circles.sync(circle_id)
    state = me.circles.state(circle_id)
    night = next(p for p in state.posts if p.title.startswith("Night shifts"))
    me.circles.mark_read(circle_id, [night])
    return circle_id, [maya, jordan]


def demo_help(me: VaultSession, maya: VaultSession, jordan: VaultSession, circle_id: str) -> str:
    """The circle's help calendar (issue 18): Maya asks for an afternoon with her Mum and
    Jordan offers; Sam asks for meals on chemo days and confirms Jordan for the first; Sam
    drives Jordan's dad to the clinic (a New York time: the tab notes it). Returns Maya's
    request, to show chosen."""
    from datetime import datetime, time, timedelta

    from carecompanion.circle.helping import Ask
    from carecompanion.people.zones import system_zone_name

    today = me.clock.now().astimezone().date()

    def at(days: int, hour: int, minute: int = 0) -> datetime:
        return datetime.combine(today + timedelta(days=days), time(hour, minute))

    here = system_zone_name() or "UTC"
    [sit] = maya.circles.ask_for_help(
        circle_id,
        Ask(
            "Sit with Mum while I go to my appointment",
            at(2, 14),
            at(2, 17),
            here,
            where="Maya's, 12 Rose Lane",
            note="She likes the radio on, and tea at four.",
        ),
    )
    maya.circles.sync(circle_id)
    [lift] = jordan.circles.ask_for_help(
        circle_id,
        Ask("A lift to the clinic for Dad", at(4, 9), at(4, 10, 30), "America/New_York"),
    )
    jordan.circles.sync(circle_id)
    first = (today + timedelta(days=1)).weekday()
    meals = me.circles.ask_for_help(
        circle_id,
        Ask(
            "A meal on chemo days",
            at(1, 18),
            at(1, 19),
            here,
            note="Soft food, nothing spicy.",
            weekdays=tuple(sorted({first, (first + 3) % 7})),
            count=4,
        ),
    )
    me.circles.sync(circle_id)
    for other in (maya, jordan):
        other.circles.sync(circle_id)
    soup = jordan.circles.offer_help(circle_id, meals[0], "I'll bring soup.")
    jordan.circles.offer_help(circle_id, sit, "I can do it after work.")
    jordan.circles.sync(circle_id)
    drive = me.circles.offer_help(circle_id, lift)
    me.circles.sync(circle_id)
    jordan.circles.sync(circle_id)
    jordan.circles.confirm_offer(circle_id, drive)
    jordan.circles.sync(circle_id)
    me.circles.sync(circle_id)
    me.circles.confirm_offer(circle_id, soup)
    me.circles.sync(circle_id)
    maya.circles.sync(circle_id)
    return sit


def _fill_ask(dialog: QDialog, _number: int) -> None:
    """The Ask dialog as someone would fill it in: a weekly series."""
    from carecompanion.ui.circle.help_dialogs import AskDialog

    assert isinstance(dialog, AskDialog)
    dialog.what.setText(dialog.tr("Sit with Mum while I go to my appointment"))
    dialog.what.setCursorPosition(0)
    dialog.where.setText("12 Rose Lane")
    dialog.repeat.setChecked(True)
    settle(100)


def render_circle(theme_name: str, controller: AppController, clock: Clock) -> None:
    shell = controller.shell
    assert shell is not None and controller.session is not None
    session = controller.session
    page = shell.circle_page
    shell.show_section(3)
    _save(None, f"circle-empty-{theme_name}")
    with _dialogs(f"circle-start-{theme_name}"):
        page.start_circle()
    with tempfile.TemporaryDirectory() as folder:
        circle_id, others = demo_circle(session, Path(folder), clock)
        asked = demo_help(session, others[0], others[1], circle_id)
        page.refresh()
        page.sync_all()  # as at start: the sidebar's help calendar comes from the syncs
        _wait_for_circles(page)
        row = next(
            n for n, p in enumerate(page.posts_model.rows) if p.title.startswith("Mum's first day")
        )
        page.posts.setCurrentIndex(page.posts_model.index(row, 0))
        page.posts.setFocus()
        _save(None, f"circle-{theme_name}")
        page.tabs.setCurrentWidget(page.help_tab)
        _wait_for_circles(page)
        page.help_tab.choose(asked)
        page.help_tab.list.setFocus()
        _save(None, f"circle-help-{theme_name}")
        with capture_dialogs(_skipping_camera(), [f"circle-ask-{theme_name}"], _fill_ask):
            page.help_tab.ask_for_help()
        page.tabs.setCurrentIndex(0)
        with _dialogs(f"circle-members-{theme_name}"):
            page.open_members()
        with _dialogs(f"circle-card-{theme_name}"):
            page.open_member_card()
        session.circles.set_redactions(circle_id, [("Dad", "D."), ("Maya", "M.")])
        entry = next(
            s for s in session.journal.list_summaries(limit=50) if s.title == "A quieter evening"
        )
        with _dialogs(f"circle-share-{theme_name}"):
            page.open_share_dialog(entry.id)
        with _dialogs(f"circle-mood-share-{theme_name}"):
            page.open_mood_share()
        with _dialogs(f"circle-passphrase-{theme_name}"):
            _ask_circle_passphrase(page, session, circle_id)
        page.clear()  # stop watching the temporary folder before it goes
        for other in others:
            other.lock()


def _ask_circle_passphrase(page: CirclePage, session: VaultSession, circle_id: str) -> None:
    """The question a circle asks when its passphrase is needed (a new one from the owner)."""
    from carecompanion.ui.circle.passphrase_dialog import CirclePassphraseDialog

    CirclePassphraseDialog(session.circles, page.work, circle_id, True, page).exec()


def render(
    out: Path, theme_name: str, views: tuple[str, ...] = VIEWS, language: str = "en"
) -> None:
    global _language_suffix, _camera
    app = create_application()
    installed = i18n.install(language, app)
    _language_suffix = "" if language == "en" else f"-{language}"
    _camera = Camera(out, lambda: _language_suffix)
    theme.apply(app, theme_name)
    clock = SystemClock()
    with tempfile.TemporaryDirectory() as fresh_dir, tempfile.TemporaryDirectory() as demo_dir:
        if "wizard" in views:
            render_wizard(theme_name, Path(fresh_dir), clock)
        paths = AppPaths(Path(demo_dir))
        controller = AppController(paths, clock)
        controller.start_unlocked(create_demo_vault(paths, clock))
        settle(600)
        if "app" in views:
            render_app(theme_name, controller, clock)
        if "circle" in views:
            render_circle(theme_name, controller, clock)
        if "app" in views:
            controller.lock()
            _save(None, f"unlock-{theme_name}")
        dispose(controller.window)
    installed.uninstall()


def render_wizard(theme_name: str, fresh_dir: Path, clock: Clock) -> None:
    # First run: the wizard.
    controller = AppController(AppPaths(fresh_dir), clock)
    controller.start()
    wizard = controller.wizard
    assert wizard is not None
    _save(None, f"wizard-welcome-{theme_name}")
    wizard.steps.setCurrentIndex(PASSPHRASE)
    wizard.passphrase.setText("blue kettle morning garden")
    wizard.repeat.setText("blue kettle morning garden")
    _save(None, f"wizard-passphrase-{theme_name}")
    wizard.show_recovery_key("7KQ2-M9XD-4RTA-PW3E-HN8C-ZB6F-1JVS-Q0GY-5M2K")
    _save(None, f"wizard-recovery-{theme_name}")
    dispose(controller.window)


def _press(key: Qt.Key) -> Callable[[QDialog, int], None]:
    """A ``prepare`` for capture_dialogs: a key pressed in the dialog before the picture."""

    def prepare(dialog: QDialog, _number: int) -> None:
        QTest.keyClick(dialog, key)

    return prepare


def _more_questions(dialog: QDialog, _number: int) -> None:
    """The check-in with a mood chosen and its optional questions unfolded."""
    assert isinstance(dialog, CheckInDialog)
    QTest.keyClick(dialog, Qt.Key.Key_3)
    dialog.more.click()


def render_app(theme_name: str, controller: AppController, clock: Clock) -> None:
    # The app with demo data.
    shell, session = controller.shell, controller.session
    assert shell is not None and session is not None
    page = shell.journal_page
    page.list.setCurrentIndex(page.timeline_model.index(1, 0))
    _save(None, f"main-{theme_name}")
    page.filters.search.setText("Dad")
    page.refresh_list()
    page.list.setCurrentIndex(page.search_model.index(0, 0))
    _save(None, f"journal-search-{theme_name}")
    page.filters.search.clear()
    page.refresh_list()
    page.tabs.setCurrentIndex(1)
    _save(None, f"journal-calendar-{theme_name}")
    page.tabs.setCurrentIndex(0)
    page.new_entry(session.templates.list_templates()[1])
    _save(None, f"journal-template-{theme_name}")
    with _dialogs(f"journal-templates-{theme_name}"):
        page.open_templates()
    with _dialogs(f"journal-import-{theme_name}"):
        page.open_import()
    with _dialogs(f"journal-export-{theme_name}"):
        page.open_export()
    shell.show_section(1)
    mood_page = shell.mood_page
    _save(None, f"mood-trend-{theme_name}")
    for tab, name in ((1, "year"), (2, "lifts"), (3, "sleep")):
        mood_page.tabs.setCurrentIndex(tab)
        _save(None, f"mood-{name}-{theme_name}")
    mood_page.tabs.setCurrentIndex(0)
    with capture_dialogs(_skipping_camera(), [f"mood-checkin-{theme_name}"], _press(Qt.Key.Key_4)):
        mood_page.check_in()
    with capture_dialogs(_skipping_camera(), [f"mood-checkin-more-{theme_name}"], _more_questions):
        mood_page.check_in()
    with _dialogs(f"mood-selfcheck-{theme_name}"):
        mood_page.open_self_check()
    shell.show_section(2)
    people = shell.people_page
    _save(None, f"people-{theme_name}")
    with _dialogs(f"people-contact-{theme_name}"):
        people.add_contact()
    with _dialogs(f"people-group-{theme_name}"):
        people.add_group()
    with _dialogs(f"help-{theme_name}"):
        shell.open_help()
    with _dialogs(f"settings-{theme_name}"):
        controller.open_settings()
    with _dialogs(f"settings-passphrase-{theme_name}"):
        controller.change_passphrase()
    _show_and_shoot(_new_recovery_key_page(shell), f"settings-new-key-{theme_name}")
    _show_and_shoot(_earlier_journals(shell, clock), f"earlier-journals-{theme_name}")
    shell.show_section(0)


def _show_and_shoot(dialog: QDialog, name: str) -> None:
    """A dialog the app opens only after real work (a rotated key, a restore), built here as
    the app builds it, shown where the window manager puts it, shot and closed."""
    dialog.show()
    settle(300)
    _save(None, name)
    dialog.hide()
    dialog.deleteLater()


def _new_recovery_key_page(parent: QWidget) -> QDialog:
    """After "Also give my journal a new key": the new recovery key, shown once."""
    from carecompanion.ui.app.settings_dialog import ChangePassphraseDialog

    dialog = ChangePassphraseDialog(parent)
    dialog.show_new_recovery_key("7KQ2-M9XD-4RTA-PW3E-HN8C-ZB6F-1JVS-Q0GY-5M2K")
    return dialog


def _earlier_journals(parent: QWidget, clock: Clock) -> QDialog:
    """The journals two restores replaced, one of them incomplete, as the unlock screen's
    "Earlier journals…" lists them."""
    from datetime import timedelta

    from carecompanion.ui.app.earlier_journals import EarlierJournalsDialog
    from carecompanion.vault.earlier import EarlierJournal

    now = clock.now()
    kept = [
        EarlierJournal(
            name="replaced-20261203-191500",
            path=Path("replaced-20261203-191500"),
            replaced_at=now - timedelta(days=1, hours=2),
            started=now - timedelta(days=400),
            complete=True,
        ),
        EarlierJournal(
            name="replaced-20261015-083000",
            path=Path("replaced-20261015-083000"),
            replaced_at=now - timedelta(days=50),
            started=None,
            complete=False,
        ),
    ]
    return EarlierJournalsDialog(kept, parent)


def _skipping_camera() -> Camera:
    assert _camera is not None
    camera = _camera

    class Skipping(Camera):
        def shoot(self, name: str, settle_ms: int = 400) -> Path:
            if _language_suffix and name.rpartition("-")[0] not in SPANISH_VIEWS:
                return camera.out
            return camera.shoot(name, settle_ms)

    return Skipping(camera.out, camera.suffix)


def _screen(text: str) -> tuple[int, int]:
    width, _, height = text.partition("x")
    return int(width), int(height)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", default="docs/screenshots", type=Path)
    parser.add_argument(
        "--only",
        action="append",
        choices=VIEWS,
        help="render only these views (may be given more than once)",
    )
    parser.add_argument(
        "--screen",
        type=_screen,
        default=DEFAULT_SCREEN,
        help="the virtual screen's size, WIDTHxHEIGHT (default 1366x768)",
    )
    args = parser.parse_args()
    if os.environ.get(INSIDE_ENV) != "1":
        return reexec_under_xvfb(sys.argv, args.screen)
    args.out.mkdir(parents=True, exist_ok=True)
    views = tuple(args.only or VIEWS)
    with window_manager():
        for theme_name in ("light", "dark"):
            render(args.out, theme_name, views)
        render(args.out, "light", views, language="es")
    return 0


if __name__ == "__main__":
    sys.exit(main())
