"""Settings: idle time, theme, and "remember on this computer"."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from carecompanion.clock import FixedClock
from carecompanion.paths import AppPaths
from carecompanion.ui.app.settings import UiSettings
from carecompanion.ui.app.settings_dialog import SettingsDialog
from carecompanion.vault.device_keys import DeviceKeyStore
from carecompanion.vault.vault import Vault
from tests.conftest import VaultFactory
from tests.helpers import OTHER_PASSPHRASE
from tests.ui.conftest import ControllerFactory


def test_settings_are_saved_and_applied(
    qtbot: QtBot,
    make_controller: ControllerFactory,
    vault_factory: VaultFactory,
    paths: AppPaths,
) -> None:
    unlocked, _ = vault_factory()
    controller = make_controller()
    controller.start_unlocked(unlocked)
    controller.apply_settings("dark", 3, remember=False)
    assert controller.idle.timeout_seconds == 3 * 60
    reread = UiSettings(paths)
    assert (reread.theme, reread.idle_minutes) == ("dark", 3)


def test_remembered_vault_opens_without_a_passphrase(
    qtbot: QtBot,
    make_controller: ControllerFactory,
    vault_factory: VaultFactory,
    device_store: DeviceKeyStore,
    paths: AppPaths,
    clock: FixedClock,
) -> None:
    unlocked, _ = vault_factory()
    first = make_controller()
    first.start_unlocked(unlocked)
    first.apply_settings("light", 10, remember=True)
    assert Vault(paths, clock).is_remembered()
    first.lock()

    second = make_controller()
    second.start()
    qtbot.waitUntil(lambda: second.shell is not None, timeout=10_000)

    second.apply_settings("light", 10, remember=False)
    assert not Vault(paths, clock).is_remembered()


def test_untrusted_keyring_disables_the_option(qtbot: QtBot) -> None:
    from carecompanion.vault.device_keys import NOT_RUNNING

    dialog = SettingsDialog("system", 10, remembered=False, keyring_problem=NOT_RUNNING())
    qtbot.addWidget(dialog)
    assert not dialog.remember.isEnabled()
    from PySide6.QtWidgets import QLabel

    shown = [label.text() for label in dialog.findChildren(QLabel)]
    assert str(NOT_RUNNING()) in shown, "the reason is shown, not hidden"


def test_change_passphrase_rewraps_the_key(
    qtbot: QtBot,
    make_controller: ControllerFactory,
    vault_factory: VaultFactory,
    paths: AppPaths,
    clock: FixedClock,
) -> None:
    from tests.helpers import GOOD_PASSPHRASE

    unlocked, _ = vault_factory()
    controller = make_controller()
    controller.start_unlocked(unlocked)
    assert unlocked.check_passphrase(GOOD_PASSPHRASE)
    assert not unlocked.check_passphrase(OTHER_PASSPHRASE)
    unlocked.change_passphrase(OTHER_PASSPHRASE)
    controller.lock()
    Vault(paths, clock).unlock(OTHER_PASSPHRASE).lock()
