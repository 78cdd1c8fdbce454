"""Unlocking, recovery, locking by hand and by idle time, and a damaged database."""

from __future__ import annotations

import os

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from carecompanion.clock import FixedClock
from carecompanion.journal.service import JournalService
from carecompanion.paths import AppPaths
from carecompanion.ui.app.controller import AppController
from carecompanion.vault.vault import Vault
from tests.conftest import VaultFactory
from tests.helpers import GOOD_PASSPHRASE, OTHER_PASSPHRASE, hash_tree
from tests.ui.conftest import ControllerFactory


def _vault_with_entries(vault_factory: VaultFactory, clock: FixedClock, count: int = 3) -> str:
    unlocked, recovery_key = vault_factory()
    journal = JournalService(unlocked.database, clock)
    for number in range(count):
        journal.add(f"Entry {number}", "Some words.", ["tag"])
    unlocked.lock()
    return recovery_key


def _unlock(qtbot: QtBot, controller: AppController, passphrase: str) -> None:
    view = controller.unlock_view
    view.passphrase.clear()
    qtbot.keyClicks(view.passphrase, passphrase)
    qtbot.keyClick(view.passphrase, Qt.Key.Key_Return)


def test_wrong_then_right_passphrase(
    qtbot: QtBot,
    make_controller: ControllerFactory,
    vault_factory: VaultFactory,
    clock: FixedClock,
    paths: AppPaths,
) -> None:
    _vault_with_entries(vault_factory, clock)
    controller = make_controller()
    controller.start()
    assert controller.window.views.currentWidget() is controller.unlock_view
    before = hash_tree(paths.data_dir)

    _unlock(qtbot, controller, "not my passphrase at all")
    qtbot.waitUntil(lambda: controller.unlock_view.error.isVisible(), timeout=10_000)
    assert "does not open" in controller.unlock_view.error.text()
    assert controller.session is None
    assert hash_tree(paths.data_dir) == before, "a wrong passphrase changes no byte on disk"

    _unlock(qtbot, controller, GOOD_PASSPHRASE)
    qtbot.waitUntil(lambda: controller.shell is not None, timeout=10_000)
    assert controller.shell is not None
    assert controller.shell.journal_page.timeline_model.entry_count() == 3
    assert controller.unlock_view.passphrase.text() == ""


def test_recovery_key_sets_a_new_passphrase(
    qtbot: QtBot,
    make_controller: ControllerFactory,
    vault_factory: VaultFactory,
    clock: FixedClock,
    paths: AppPaths,
) -> None:
    recovery_key = _vault_with_entries(vault_factory, clock)
    controller = make_controller()
    controller.start()
    view = controller.unlock_view
    forgot = next(
        b
        for b in view.findChildren(type(view.unlock_button))
        if b.accessibleName() == "Use the recovery key"
    )
    qtbot.mouseClick(forgot, Qt.MouseButton.LeftButton)
    assert view.modes.currentIndex() == 1
    qtbot.keyClicks(view.recovery_key, recovery_key.lower().replace("-", " "))
    qtbot.keyClicks(view.new_passphrase, OTHER_PASSPHRASE)
    qtbot.keyClicks(view.repeat_passphrase, OTHER_PASSPHRASE)
    qtbot.mouseClick(view.recover_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: controller.shell is not None, timeout=10_000)
    controller.lock()
    Vault(paths, clock).unlock(OTHER_PASSPHRASE).lock()


def test_lock_button_drops_decrypted_data(
    qtbot: QtBot,
    make_controller: ControllerFactory,
    vault_factory: VaultFactory,
    clock: FixedClock,
) -> None:
    _vault_with_entries(vault_factory, clock)
    controller = make_controller()
    controller.start()
    _unlock(qtbot, controller, GOOD_PASSPHRASE)
    qtbot.waitUntil(lambda: controller.shell is not None, timeout=10_000)
    shell = controller.shell
    assert shell is not None
    model = shell.journal_page.timeline_model
    session = controller.session
    assert session is not None
    qtbot.mouseClick(shell.lock_button, Qt.MouseButton.LeftButton)
    assert controller.session is None and controller.shell is None
    assert model.rowCount() == 0, "the list model forgets every decrypted title"
    assert session.is_locked
    assert controller.window.views.currentWidget() is controller.unlock_view


def test_idle_auto_lock_uses_the_wall_clock(
    qtbot: QtBot,
    make_controller: ControllerFactory,
    vault_factory: VaultFactory,
    clock: FixedClock,
) -> None:
    _vault_with_entries(vault_factory, clock)
    controller = make_controller()
    controller.start()
    _unlock(qtbot, controller, GOOD_PASSPHRASE)
    qtbot.waitUntil(lambda: controller.shell is not None, timeout=10_000)
    shell = controller.shell
    assert shell is not None
    model = shell.journal_page.timeline_model
    assert controller.idle.timeout_seconds == 10 * 60, "ten minutes by default"

    clock.advance(9 * 60)
    controller.idle.check()
    assert controller.session is not None, "not idle long enough yet"
    qtbot.keyClick(shell.navigation, Qt.Key.Key_Down)  # activity resets the idle time
    clock.advance(9 * 60)
    controller.idle.check()
    assert controller.session is not None

    clock.advance(2 * 60 * 60)  # e.g. the laptop slept: the wall clock jumped
    controller.idle.check()
    assert controller.session is None
    assert controller.shell is None
    assert model.rowCount() == 0
    assert controller.window.views.currentWidget() is controller.unlock_view


def test_keyboard_shortcuts_switch_sections_and_lock(
    qtbot: QtBot,
    make_controller: ControllerFactory,
    vault_factory: VaultFactory,
    clock: FixedClock,
) -> None:
    _vault_with_entries(vault_factory, clock)
    controller = make_controller()
    controller.start()
    controller.window.show()
    qtbot.waitExposed(controller.window)
    _unlock(qtbot, controller, GOOD_PASSPHRASE)
    qtbot.waitUntil(lambda: controller.shell is not None, timeout=10_000)
    shell = controller.shell
    assert shell is not None
    shell.navigation.setFocus()
    qtbot.keyClick(shell.navigation, Qt.Key.Key_Down)
    assert shell.pages.currentIndex() == 1
    qtbot.keyClick(shell, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert shell.pages.currentIndex() == 2
    qtbot.keyClick(shell, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert controller.session is None


def test_damage_found_in_the_background_offers_the_last_backup_at_the_next_unlock(
    qtbot: QtBot,
    make_controller: ControllerFactory,
    vault_factory: VaultFactory,
    clock: FixedClock,
    paths: AppPaths,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Unlocking no longer reads every page (issue 17): the check before the daily backup,
    in the background, finds the damage and says so; the next unlock then verifies every
    page, fails there, and offers the last good backup."""
    unlocked, _key = vault_factory()
    journal = JournalService(unlocked.database, clock)
    for number in range(3):
        journal.add(f"Entry {number}", "Some words.", ["tag"])
    # Most of the file: a scan's pages, which opening the journal never reads.
    scan = journal.add("The scan", "From the clinic.")
    journal.add_attachment(scan.id, "scan.png", "image/png", os.urandom(2 * 1024 * 1024))
    unlocked.lock()
    Vault(paths, clock).unlock(GOOD_PASSPHRASE).lock()  # today's automatic backup
    data = bytearray(paths.database_file.read_bytes())
    data[len(data) // 2] ^= 0xFF
    paths.database_file.write_bytes(bytes(data))
    clock.advance(24 * 3600)  # tomorrow: a backup is due, and the full check before it

    warned: list[str] = []
    asked: list[str] = []

    def warn(*args: object, **kwargs: object) -> QMessageBox.StandardButton:
        warned.append(str(args[2]))
        return QMessageBox.StandardButton.Ok

    def answer_yes(*args: object, **kwargs: object) -> QMessageBox.StandardButton:
        asked.append(str(args[2]))
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "warning", warn)
    monkeypatch.setattr(QMessageBox, "question", answer_yes)
    controller = make_controller()
    controller.start()
    _unlock(qtbot, controller, GOOD_PASSPHRASE)
    qtbot.waitUntil(lambda: controller.shell is not None, timeout=15_000)
    qtbot.waitUntil(lambda: bool(warned), timeout=15_000)
    assert "unlock it again" in warned[0]
    assert not asked
    assert len(list(paths.backups_dir.glob("auto-*.ccbackup"))) == 1, "damage is not backed up"

    assert controller.shell is not None
    qtbot.keyClick(controller.shell, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert controller.session is None
    _unlock(qtbot, controller, GOOD_PASSPHRASE)
    qtbot.waitUntil(lambda: controller.shell is not None, timeout=15_000)
    assert asked and "backup" in asked[0]
    assert controller.shell is not None
    assert controller.shell.journal_page.timeline_model.entry_count() == 4
    assert list(paths.data_dir.glob("replaced-*/vault.db")), "the damaged copy is kept aside"


def test_damaged_header_offers_the_last_backup(
    qtbot: QtBot,
    make_controller: ControllerFactory,
    vault_factory: VaultFactory,
    clock: FixedClock,
    paths: AppPaths,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _vault_with_entries(vault_factory, clock)
    Vault(paths, clock).unlock(GOOD_PASSPHRASE).lock()  # takes today's automatic backup
    header = paths.header_file.read_text()
    paths.header_file.write_text(header.replace('"created": "', '"created": "1', 1))

    monkeypatch.setattr(
        QMessageBox, "question", lambda *args, **kwargs: QMessageBox.StandardButton.Yes
    )
    controller = make_controller()
    controller.start()
    _unlock(qtbot, controller, GOOD_PASSPHRASE)
    qtbot.waitUntil(lambda: controller.shell is not None, timeout=15_000)
    assert list(paths.data_dir.glob("replaced-*/vault.header"))
