"""Printing the recovery kit says what happened: printed, nothing to print to, or cancelled."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from carecompanion.ui.app.recovery_kit import Printed, print_kit
from carecompanion.ui.app.setup_wizard import SetupWizard
from carecompanion.vault.recovery import format_recovery_key

Chooser = Callable[[QPrintDialog], QPrintDialog.DialogCode]


def _answer_the_print_dialog(monkeypatch: pytest.MonkeyPatch, choose: Chooser) -> None:
    """The print dialog is modal: it is answered here, as a person would answer it."""
    monkeypatch.setattr(QPrintDialog, "exec", lambda dialog: choose(dialog))


def _no_printer(dialog: QPrintDialog) -> QPrintDialog.DialogCode:
    # What Qt hands back on a computer without CUPS: a PDF "printer" with no file.
    dialog.printer().setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    dialog.printer().setOutputFileName("")
    return QPrintDialog.DialogCode.Accepted


def _wizard_showing_a_key(qtbot: QtBot) -> tuple[SetupWizard, str]:
    wizard = SetupWizard()
    qtbot.addWidget(wizard)
    key = format_recovery_key(os.urandom(20))
    wizard.show_recovery_key(key)
    return wizard, key


def _print_button(wizard: SetupWizard) -> QPushButton:
    buttons = [b for b in wizard.findChildren(QPushButton) if b.text() == "Print…"]
    assert len(buttons) == 1
    return buttons[0]


def test_no_printer_is_said_plainly_never_as_success(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    wizard, _key = _wizard_showing_a_key(qtbot)
    _answer_the_print_dialog(monkeypatch, _no_printer)
    qtbot.mouseClick(_print_button(wizard), Qt.MouseButton.LeftButton)
    assert not wizard.saved_status.isHidden()
    assert "Nothing was printed" in wizard.saved_status.text()
    assert "Save the kit as a PDF" in wizard.saved_status.text()


def test_print_kit_reports_no_printer(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    wizard, key = _wizard_showing_a_key(qtbot)
    _answer_the_print_dialog(monkeypatch, _no_printer)
    assert print_kit(wizard, key, "today") is Printed.NO_PRINTER


def test_printing_to_a_file_prints_the_key(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    wizard, key = _wizard_showing_a_key(qtbot)
    out = tmp_path / "printed.pdf"

    def to_file(dialog: QPrintDialog) -> QPrintDialog.DialogCode:
        dialog.printer().setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        dialog.printer().setOutputFileName(str(out))
        return QPrintDialog.DialogCode.Accepted

    _answer_the_print_dialog(monkeypatch, to_file)
    qtbot.mouseClick(_print_button(wizard), Qt.MouseButton.LeftButton)
    assert "Sent to the printer" in wizard.saved_status.text()
    from pypdf import PdfReader

    text = "".join(page.extract_text() for page in PdfReader(out).pages)
    assert key in text.replace(" ", "").replace("\n", "")


def test_cancelling_the_print_dialog_says_nothing(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    wizard, _key = _wizard_showing_a_key(qtbot)
    _answer_the_print_dialog(monkeypatch, lambda _dialog: QPrintDialog.DialogCode.Rejected)
    qtbot.mouseClick(_print_button(wizard), Qt.MouseButton.LeftButton)
    assert wizard.saved_status.isHidden()
