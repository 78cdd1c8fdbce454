"""Changing the passphrase from Settings: on a worker, with its steps shown, raising the KDF."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox
from pytestqt.qtbot import QtBot

from carecompanion.clock import FixedClock
from carecompanion.paths import AppPaths
from carecompanion.ui.app.controller import AppController
from carecompanion.ui.app.settings_dialog import ChangePassphraseDialog
from carecompanion.vault import kdf
from carecompanion.vault.device_keys import DeviceKeyStore
from carecompanion.vault.errors import WrongPassphrase
from carecompanion.vault.kdf import KdfParams
from carecompanion.vault.vault import UnlockedVault, Vault
from tests.conftest import VaultFactory
from tests.helpers import GOOD_PASSPHRASE, OTHER_PASSPHRASE
from tests.ui.conftest import ControllerFactory

Step = tuple[Callable[[ChangePassphraseDialog], bool], Callable[[ChangePassphraseDialog], None]]


class ModalScript:
    """Answers the modal dialog as a person would, one step at a time: each step waits for
    its condition (polled from the dialog's own event loop, never a fixed wait)."""

    def __init__(self, qtbot: QtBot, steps: list[Step]) -> None:
        self.qtbot = qtbot
        self.steps = list(steps)
        self.timer = QTimer()
        self.timer.setInterval(5)
        self.timer.timeout.connect(self._tick)
        self.timer.start()

    def _tick(self) -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, ChangePassphraseDialog) or not self.steps:
            return
        condition, action = self.steps[0]
        if condition(dialog):
            self.steps.pop(0)
            action(dialog)

    def finished(self) -> bool:
        self.timer.stop()
        return not self.steps


def _fill(qtbot: QtBot, current: str, new: str) -> Callable[[ChangePassphraseDialog], None]:
    def act(dialog: ChangePassphraseDialog) -> None:
        qtbot.keyClicks(dialog.current, current)
        qtbot.keyClicks(dialog.new, new)
        qtbot.keyClicks(dialog.repeat, new)
        ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)

    return act


def _always(_dialog: ChangePassphraseDialog) -> bool:
    return True


def _refused(dialog: ChangePassphraseDialog) -> bool:
    return not dialog.busy and not dialog.error.isHidden()


def _cancel(qtbot: QtBot) -> Callable[[ChangePassphraseDialog], None]:
    def act(dialog: ChangePassphraseDialog) -> None:
        cancel = dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)

    return act


@pytest.fixture
def told(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    said: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "information", lambda _parent, _title, text, *_rest: said.append(text)
    )
    return said


def _open(
    make_controller: ControllerFactory, vault_factory: VaultFactory, **kwargs: object
) -> tuple[AppController, UnlockedVault]:
    unlocked, _ = vault_factory(**kwargs)
    controller = make_controller()
    controller.start_unlocked(unlocked)
    return controller, unlocked


def test_the_change_runs_on_a_worker_and_raises_the_kdf(
    qtbot: QtBot,
    make_controller: ControllerFactory,
    vault_factory: VaultFactory,
    paths: AppPaths,
    clock: FixedClock,
    monkeypatch: pytest.MonkeyPatch,
    told: list[str],
) -> None:
    raised = KdfParams(2048, 2, 1)  # "today's default", at the tests' scale
    monkeypatch.setattr(kdf, "_target", raised)
    controller, _unlocked = _open(make_controller, vault_factory)
    threads: list[bool] = []
    real_change = UnlockedVault.change_passphrase

    def recording(self: UnlockedVault, new: str, chosen: KdfParams | None = None) -> None:
        threads.append(threading.current_thread() is threading.main_thread())
        real_change(self, new, chosen)

    monkeypatch.setattr(UnlockedVault, "change_passphrase", recording)
    script = ModalScript(qtbot, [(_always, _fill(qtbot, GOOD_PASSPHRASE, OTHER_PASSPHRASE))])
    controller.change_passphrase()
    assert script.finished()

    assert threads == [False], "the KDF ran on a worker, not the GUI thread"
    assert told == ["Your passphrase has been changed. Your recovery key still works."]
    assert Vault(paths).read_header().passphrase_kdf()[0] == raised
    controller.lock()
    Vault(paths, clock).unlock(OTHER_PASSPHRASE).lock()


def test_a_wrong_current_passphrase_changes_nothing(
    qtbot: QtBot,
    make_controller: ControllerFactory,
    vault_factory: VaultFactory,
    paths: AppPaths,
    told: list[str],
) -> None:
    controller, _unlocked = _open(make_controller, vault_factory)
    before = paths.header_file.read_bytes()
    seen: list[str] = []

    def note_and_cancel(dialog: ChangePassphraseDialog) -> None:
        seen.append(dialog.error.text())
        _cancel(qtbot)(dialog)

    script = ModalScript(
        qtbot,
        [
            (_always, _fill(qtbot, "not my passphrase at all", OTHER_PASSPHRASE)),
            (_refused, note_and_cancel),
        ],
    )
    controller.change_passphrase()
    assert script.finished()
    assert seen == ["The current passphrase is not right."]
    assert told == []
    assert paths.header_file.read_bytes() == before


def test_the_dialog_cannot_be_closed_while_the_key_changes(qtbot: QtBot) -> None:
    dialog = ChangePassphraseDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.set_busy("Protecting your journal with the new passphrase…")
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.isVisible()
    assert not dialog.current.isEnabled() and not dialog.buttons.isEnabled()
    assert not dialog.progress_box.isHidden()
    dialog.show_error("Something was refused.")
    assert dialog.current.isEnabled() and dialog.progress_box.isHidden()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_enter_in_the_form_submits_the_change(qtbot: QtBot) -> None:
    dialog = ChangePassphraseDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert ok.isDefault(), "drawn as the default button"
    submitted: list[bool] = []
    dialog.submitted.connect(lambda: submitted.append(True))
    dialog.current.setFocus()
    qtbot.keyClicks(dialog.current, "old passphrase")
    qtbot.keyClick(dialog.current, Qt.Key.Key_Return)
    assert dialog.isVisible() and not submitted, "a weak new passphrase is refused in place"
    assert not dialog.error.isHidden()
    dialog.show_new_recovery_key("ABCD-EFGH", "")
    assert dialog.key_page.done_button.isDefault(), "on the key page, Done is the default"


# -- rotating the key from Settings --------------------------------------------------------------
def _on_key_page(dialog: ChangePassphraseDialog) -> bool:
    return dialog.on_key_page


def test_rotation_from_settings_shows_the_new_recovery_key_until_it_is_kept(
    qtbot: QtBot,
    make_controller: ControllerFactory,
    vault_factory: VaultFactory,
    device_store: DeviceKeyStore,
    paths: AppPaths,
    clock: FixedClock,
    tmp_path: Path,
    told: list[str],
) -> None:
    controller, unlocked = _open(make_controller, vault_factory)
    unlocked.remember_on_this_computer(device_store)
    seen: dict[str, object] = {}

    def fill_and_rotate(dialog: ChangePassphraseDialog) -> None:
        dialog.rotate.setChecked(True)
        _fill(qtbot, GOOD_PASSPHRASE, OTHER_PASSPHRASE)(dialog)

    def keep_the_key(dialog: ChangePassphraseDialog) -> None:
        page = dialog.key_page
        seen["key"] = page.key_field.text().replace("\n", "")
        seen["idle held"] = not controller.idle._timer.isActive()
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # the key is shown once: no slipping away
        seen["still open"] = dialog.isVisible()
        seen["done before kept"] = page.done_button.isEnabled()
        page.save_kit_to(tmp_path / "new kit.pdf")
        page.kept.setChecked(True)
        qtbot.mouseClick(page.done_button, Qt.MouseButton.LeftButton)

    script = ModalScript(qtbot, [(_always, fill_and_rotate), (_on_key_page, keep_the_key)])
    controller.change_passphrase()
    assert script.finished()

    assert seen["idle held"] and seen["still open"] and not seen["done before kept"]
    assert told == [], "the key page said it all"
    assert controller.idle._timer.isActive(), "the idle lock counts again"
    new_key = str(seen["key"])
    from pypdf import PdfReader

    kit = "".join(page.extract_text() for page in PdfReader(tmp_path / "new kit.pdf").pages)
    assert new_key in kit.replace(" ", "").replace("\n", "")
    assert Vault(paths).is_remembered(), "remembered again, with a key for the new data key"
    controller.lock()
    with pytest.raises(WrongPassphrase):
        Vault(paths, clock).unlock(GOOD_PASSPHRASE)
    Vault(paths, clock).unlock_with_recovery_key(new_key).lock()
    remembered = Vault(paths, clock).unlock_with_device_key(device_store)
    assert remembered is not None
    remembered.lock()
