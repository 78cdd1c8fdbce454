"""Restore in the app (issue 15): an interrupted restore is finished before the first screen,
never hidden behind the setup wizard; the journals restores replaced are listed on the unlock
screen, with their dates, and one is put back with its passphrase."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from carecompanion.clock import FixedClock
from carecompanion.journal.service import JournalService
from carecompanion.paths import AppPaths
from carecompanion.ui.app.controller import AppController
from carecompanion.ui.app.earlier_journals import EarlierJournalsDialog
from carecompanion.vault import restore_log
from carecompanion.vault.earlier import list_earlier
from carecompanion.vault.kdf import KdfParams
from carecompanion.vault.restore import restore_backup
from carecompanion.vault.vault import Vault
from tests.conftest import VaultFactory
from tests.helpers import GOOD_PASSPHRASE, OTHER_PASSPHRASE
from tests.ui.conftest import ControllerFactory

IN_JOURNAL = "Written in the journal"
IN_BACKUP = "Kept in the backup"


class Crash(BaseException):
    """The process stops at this step (see tests/vault/test_restore_kills.py)."""


@pytest.fixture
def journal(vault_factory: VaultFactory, clock: FixedClock) -> AppPaths:
    unlocked, _key = vault_factory()
    JournalService(unlocked.database, clock).add(IN_JOURNAL, "")
    unlocked.lock()
    return unlocked.paths


@pytest.fixture
def backup(tmp_path: Path, clock: FixedClock, fast_kdf: KdfParams) -> Path:
    """A backup of another journal, opened by OTHER_PASSPHRASE."""
    unlocked, _key = Vault.create(
        AppPaths(tmp_path / "other"), OTHER_PASSPHRASE, kdf=fast_kdf, clock=clock
    )
    JournalService(unlocked.database, clock).add(IN_BACKUP, "")
    out = unlocked.backup_to(tmp_path / "other.ccbackup")
    unlocked.lock()
    return out


def unlock(qtbot: QtBot, controller: AppController, passphrase: str) -> list[str]:
    view = controller.unlock_view
    view.passphrase.clear()
    qtbot.keyClicks(view.passphrase, passphrase)
    qtbot.keyClick(view.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: controller.session is not None, timeout=15_000)
    assert controller.session is not None
    return sorted(s.title for s in controller.session.journal.list_summaries())


def test_an_interrupted_restore_is_finished_before_the_first_screen(
    qtbot: QtBot,
    make_controller: ControllerFactory,
    journal: AppPaths,
    backup: Path,
    clock: FixedClock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Killed with both files aside, the folder looked empty: the app offered to make a new
    journal over the real one."""

    def crash(step: str) -> None:
        if step == "all-aside":
            raise Crash(step)

    monkeypatch.setattr(restore_log, "crash_hook", crash)
    with pytest.raises(Crash):
        restore_backup(backup, journal, passphrase=OTHER_PASSPHRASE, clock=clock)
    monkeypatch.setattr(restore_log, "crash_hook", None)
    assert not journal.vault_exists()

    controller = make_controller()
    controller.start()
    assert controller.wizard is None
    assert controller.window.views.currentWidget() is controller.unlock_view
    assert "has been finished" in controller.unlock_view.hint.text()
    assert controller.unlock_view.earlier.isVisibleTo(controller.unlock_view)
    assert unlock(qtbot, controller, OTHER_PASSPHRASE) == [IN_BACKUP]


def test_a_restore_that_cannot_be_finished_is_said_never_the_wizard(
    make_controller: ControllerFactory,
    journal: AppPaths,
    backup: Path,
    clock: FixedClock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def crash(step: str) -> None:
        if step == "moved-aside:vault.header":
            raise Crash(step)

    monkeypatch.setattr(restore_log, "crash_hook", crash)
    with pytest.raises(Crash):
        restore_backup(backup, journal, passphrase=OTHER_PASSPHRASE, clock=clock)
    monkeypatch.setattr(restore_log, "crash_hook", None)

    def refuse(source: Path, target: Path) -> None:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(restore_log, "_move", refuse)
    controller = make_controller()
    controller.start()
    assert controller.wizard is None
    assert controller.window.views.currentWidget() is controller.unlock_view
    error = controller.unlock_view.error
    assert not error.isHidden() and "could not be finished yet" in error.text()


def test_an_earlier_journal_is_put_back_from_the_unlock_screen(
    qtbot: QtBot,
    make_controller: ControllerFactory,
    journal: AppPaths,
    backup: Path,
    clock: FixedClock,
) -> None:
    clock.advance(3600)
    restore_backup(backup, journal, passphrase=OTHER_PASSPHRASE, clock=clock)
    controller = make_controller()
    controller.start()
    link = controller.unlock_view.earlier
    assert link.isVisibleTo(controller.unlock_view)
    qtbot.mouseClick(link, Qt.MouseButton.LeftButton)
    dialog = controller.earlier_dialog
    assert isinstance(dialog, EarlierJournalsDialog)
    assert dialog.model.rowCount() == 1
    shown = dialog.model.index(0).data(Qt.ItemDataRole.DisplayRole)
    assert shown.startswith("Replaced on") and "started on" in shown

    qtbot.keyClicks(dialog.passphrase, OTHER_PASSPHRASE)  # the restored one's: not this one's
    qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.error.isHidden(), timeout=15_000)
    assert "does not open" in dialog.error.text()
    assert len(list_earlier(journal)) == 1

    dialog.passphrase.clear()
    qtbot.keyClicks(dialog.passphrase, GOOD_PASSPHRASE)
    qtbot.mouseClick(dialog.put_back_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: controller.session is not None, timeout=15_000)
    assert controller.session is not None
    titles = [s.title for s in controller.session.journal.list_summaries()]
    assert titles == [IN_JOURNAL]
    controller.lock()
    (kept,) = list_earlier(journal)  # the restored journal, aside in its turn
    unlocked = Vault(AppPaths(kept.path), clock).unlock(OTHER_PASSPHRASE)
    try:
        assert [s.title for s in JournalService(unlocked.database, clock).list_summaries()] == [
            IN_BACKUP
        ]
    finally:
        unlocked.lock()


def test_no_earlier_journals_no_link(make_controller: ControllerFactory, journal: AppPaths) -> None:
    controller = make_controller()
    controller.start()
    assert not controller.unlock_view.earlier.isVisibleTo(controller.unlock_view)
