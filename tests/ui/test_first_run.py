"""The first-run wizard creates a vault and shows the recovery key once."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from carecompanion.paths import AppPaths
from carecompanion.ui.app.setup_wizard import PASSPHRASE, RECOVERY, WELCOME
from carecompanion.vault.vault import Vault
from tests.helpers import GOOD_PASSPHRASE
from tests.ui.conftest import ControllerFactory


def _recovery_key_from(text: str) -> str:
    return text.replace("\n", "")


def test_wizard_creates_a_vault_and_opens_the_journal(
    qtbot: QtBot, make_controller: ControllerFactory, paths: AppPaths, tmp_path: Path
) -> None:
    controller = make_controller()
    controller.start()
    wizard = controller.wizard
    assert wizard is not None
    assert wizard.steps.currentIndex() == WELCOME
    qtbot.mouseClick(wizard.start_button, Qt.MouseButton.LeftButton)
    assert wizard.steps.currentIndex() == PASSPHRASE

    qtbot.keyClicks(wizard.passphrase, "password1")
    qtbot.keyClicks(wizard.repeat, "password1")
    assert not wizard.create_button.isEnabled(), "a common password must not be accepted"

    wizard.passphrase.clear()
    wizard.repeat.clear()
    qtbot.keyClicks(wizard.passphrase, GOOD_PASSPHRASE)
    qtbot.keyClicks(wizard.repeat, GOOD_PASSPHRASE[:-1])
    assert not wizard.create_button.isEnabled(), "the two passphrases differ"
    assert wizard.mismatch.isVisible()
    qtbot.keyClicks(wizard.repeat, GOOD_PASSPHRASE[-1])
    assert wizard.create_button.isEnabled()
    qtbot.mouseClick(wizard.create_button, Qt.MouseButton.LeftButton)

    qtbot.waitUntil(lambda: wizard.steps.currentIndex() == RECOVERY, timeout=15_000)
    recovery_key = _recovery_key_from(wizard.key_field.text())
    assert len(recovery_key.split("-")) == 9
    assert wizard.passphrase.text() == "", "the passphrase is wiped from the form"

    kit = tmp_path / "kit.pdf"
    wizard.save_kit_to(kit)
    from pypdf import PdfReader

    kit_text = "".join(page.extract_text() for page in PdfReader(kit).pages)
    assert recovery_key in kit_text.replace(" ", "").replace("\n", "")

    assert not wizard.finish_button.isEnabled(), "must confirm the key was kept first"
    wizard.country.setCurrentIndex(wizard.country.findData("AU"))
    wizard.confirm.setChecked(True)
    qtbot.mouseClick(wizard.finish_button, Qt.MouseButton.LeftButton)
    assert controller.shell is not None
    assert controller.window.views.currentWidget() is controller.shell
    assert controller.wizard is None
    assert controller.session is not None
    assert controller.session.people.crisis.chosen_country() == "AU", "chosen at first run"

    # The vault on disk opens with both the passphrase and the recovery key.
    controller.lock()
    Vault(paths).unlock(GOOD_PASSPHRASE).lock()
    Vault(paths).unlock_with_recovery_key(recovery_key).lock()


def test_wizard_step_can_go_back(qtbot: QtBot, make_controller: ControllerFactory) -> None:
    controller = make_controller()
    controller.start()
    wizard = controller.wizard
    assert wizard is not None
    qtbot.mouseClick(wizard.start_button, Qt.MouseButton.LeftButton)
    back = next(
        b
        for b in wizard.findChildren(type(wizard.start_button))
        if b.accessibleName() == "Back to the welcome page"
    )
    qtbot.mouseClick(back, Qt.MouseButton.LeftButton)
    assert wizard.steps.currentIndex() == WELCOME
