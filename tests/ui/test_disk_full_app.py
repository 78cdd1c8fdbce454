"""The app on a disk that fills up (issue 15, finding 1): calm words about space, never
"Your journal needs repair… Restore it?", and nothing lost once space is freed."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from carecompanion.clock import FixedClock
from carecompanion.journal.service import JournalService
from carecompanion.paths import AppPaths
from carecompanion.ui.app.controller import AppController
from carecompanion.ui.journal import editor as editor_module
from tests.conftest import VaultFactory
from tests.faults import SQLITE_IOERR, full_database, low_space, sqlite_fault
from tests.helpers import GOOD_PASSPHRASE
from tests.ui.conftest import ControllerFactory


def _vault_with_entries(vault_factory: VaultFactory, clock: FixedClock) -> None:
    unlocked, _key = vault_factory()
    journal = JournalService(unlocked.database, clock)
    for number in range(3):
        journal.add(f"Entry {number}", "Some words.")
    unlocked.lock()


def _unlock(qtbot: QtBot, controller: AppController) -> None:
    view = controller.unlock_view
    qtbot.keyClicks(view.passphrase, GOOD_PASSPHRASE)
    qtbot.keyClick(view.passphrase, Qt.Key.Key_Return)


def _open(qtbot: QtBot, controller: AppController) -> None:
    controller.start()
    _unlock(qtbot, controller)
    qtbot.waitUntil(lambda: controller.shell is not None, timeout=15_000)
    qtbot.waitUntil(lambda: controller.maintenance_done, timeout=15_000)


def test_a_disk_that_fills_up_under_the_open_app(
    qtbot: QtBot,
    make_controller: ControllerFactory,
    vault_factory: VaultFactory,
    clock: FixedClock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _vault_with_entries(vault_factory, clock)
    monkeypatch.setattr(editor_module, "SAVE_RETRY_MS", 100, raising=False)
    controller = make_controller()
    _open(qtbot, controller)
    assert controller.shell is not None and controller.session is not None
    page = controller.shell.journal_page
    editor = page.editor
    engine = controller.session.unlocked.database.engine
    with full_database(engine):
        page.new_entry()
        qtbot.keyClicks(editor.title, "The night the disk filled up")
        # Pasted: more than the journal's pages have room for. Distinct words, since packing
        # (deflate) and the index fold a repeated sentence into a few bytes that fit.
        editor.body.setPlainText(" ".join(f"thought{n}" for n in range(4000)))
        qtbot.keyClick(editor.body, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClicks(editor.body, " The end.")
        qtbot.waitUntil(editor.problem.isVisible, timeout=10_000)
        # Calm words about space on the page; no repair offered (any message box fails the
        # test: tests/ui/conftest.py), no "something went wrong".
        assert "free space" in editor.problem.text()
        assert "damaged" not in editor.problem.text()
        assert editor.status.text() == "Not saved yet"
        assert "The night the disk filled up" in editor.title.text()
        titles = [s.title for s in controller.session.journal.list_summaries()]
        assert sorted(titles) == ["Entry 0", "Entry 1", "Entry 2"]
    # Space freed: the words are saved on the next try, without a click.
    qtbot.waitUntil(lambda: editor.status.text() == "Saved", timeout=10_000)
    assert not editor.problem.isVisible()
    titles = [s.title for s in controller.session.journal.list_summaries()]
    assert sorted(titles) == ["Entry 0", "Entry 1", "Entry 2", "The night the disk filled up"]
    saved = controller.session.journal.get(editor.entry_id or 0)
    assert saved.body.rstrip().endswith("The end.")


def test_unlocking_on_a_disk_too_full_to_read_offers_no_repair(
    qtbot: QtBot,
    make_controller: ControllerFactory,
    vault_factory: VaultFactory,
    clock: FixedClock,
    paths: AppPaths,
) -> None:
    """The finding: with a few KB free, reading failed and the app asked "Your journal
    needs repair… Restore it?". Now it says the disk is full, and nothing else."""
    _vault_with_entries(vault_factory, clock)
    controller = make_controller()
    controller.start()
    with pytest.MonkeyPatch.context() as space, sqlite_fault(SQLITE_IOERR):
        low_space(space, paths.data_dir, free=8 * 1024)
        _unlock(qtbot, controller)
        qtbot.waitUntil(controller.unlock_view.error.isVisible, timeout=15_000)
    assert "free space" in controller.unlock_view.error.text()
    assert "damaged" not in controller.unlock_view.error.text()
    assert controller.session is None
    assert not list(paths.data_dir.glob("replaced-*"))
    # Space freed: it opens, with everything in it.
    controller.unlock_view.passphrase.clear()
    _unlock(qtbot, controller)
    qtbot.waitUntil(lambda: controller.shell is not None, timeout=15_000)
    assert controller.shell is not None
    assert controller.shell.journal_page.timeline_model.entry_count() == 3


def test_a_skipped_daily_backup_is_a_calm_notice(
    qtbot: QtBot,
    make_controller: ControllerFactory,
    vault_factory: VaultFactory,
    clock: FixedClock,
    paths: AppPaths,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _vault_with_entries(vault_factory, clock)
    low_space(monkeypatch, paths.data_dir, free=150 * 1024)
    controller = make_controller()
    _open(qtbot, controller)
    assert controller.shell is not None
    assert "backup was skipped" in controller.shell.notice.text()
    assert controller.shell.notice.isVisible()
    assert not list(paths.backups_dir.glob("auto-*"))
