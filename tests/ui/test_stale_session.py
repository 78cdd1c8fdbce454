"""Issue 15, finding 2 in the app: the passphrase was changed in a terminal while the app was
open; turning on "remember me" then must not write the app's older header back. The app says
so and asks the person to unlock again (it locks)."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from carecompanion.clock import FixedClock
from carecompanion.paths import AppPaths
from carecompanion.vault.errors import WrongPassphrase
from carecompanion.vault.vault import Vault
from tests.conftest import VaultFactory
from tests.helpers import GOOD_PASSPHRASE, OTHER_PASSPHRASE
from tests.ui.conftest import ControllerFactory


def test_remember_me_after_a_change_elsewhere_locks_and_keeps_the_new_header(
    qtbot: QtBot,
    make_controller: ControllerFactory,
    vault_factory: VaultFactory,
    paths: AppPaths,
    clock: FixedClock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    unlocked, _ = vault_factory()
    controller = make_controller()
    controller.start_unlocked(unlocked)
    terminal = Vault(paths, clock).unlock(GOOD_PASSPHRASE)  # "passphrase change" meanwhile
    terminal.change_passphrase(OTHER_PASSPHRASE)
    terminal.lock()
    header_after_change = paths.header_file.read_bytes()
    said: list[str] = []
    from PySide6.QtWidgets import QMessageBox

    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: said.append(text))

    controller.apply_settings("light", 10, remember=True)

    assert len(said) == 1 and "Unlock it again" in said[0]
    assert controller.session is None, "the stale session is gone"
    assert controller.window.views.currentWidget() is controller.unlock_view
    assert paths.header_file.read_bytes() == header_after_change
    assert not Vault(paths, clock).is_remembered()
    with pytest.raises(WrongPassphrase):
        Vault(paths, clock).unlock(GOOD_PASSPHRASE)
    Vault(paths, clock).unlock(OTHER_PASSPHRASE).lock()
