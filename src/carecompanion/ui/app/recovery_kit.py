"""The recovery kit: one page to print or save as PDF, with the recovery key and what it is for.

Saving it is something the user asks for, to a place they choose: it is the one document we
write that holds a secret in clear, because it is meant to be printed and kept offline.
"""

from __future__ import annotations

import html
from datetime import datetime
from enum import Enum
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QMarginsF, QSizeF, Qt, Signal
from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextDocument
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from carecompanion.ui.common.widgets import button, label

translate = QCoreApplication.translate  # lupdate reads translate("Context", "...")


def split_for_display(recovery_key: str) -> str:
    """Two lines of groups: easier to read aloud and copy by hand than one long line."""
    groups = recovery_key.split("-")
    half = (len(groups) + 1) // 2
    return "-".join(groups[:half]) + "-\n" + "-".join(groups[half:])


def kit_html(recovery_key: str, created: str) -> str:
    key = html.escape(recovery_key)
    return f"""
    <h1 style="color:#2F6E67">CareCompanion recovery kit</h1>
    <p>Keep this page somewhere safe and private, away from your computer:
    with your important papers, or with someone you trust.</p>
    <p style="margin-top:18px">Your recovery key:</p>
    <p style="font-family:'DejaVu Sans Mono',monospace; font-size:20pt; letter-spacing:2px;
       background:#EFF3F1; padding:12px">{key}</p>
    <h3>When to use it</h3>
    <p>If you ever forget your passphrase, open CareCompanion, choose
    <i>Forgot your passphrase? Use your recovery key</i>, type this key and choose a new
    passphrase. Capitals, spaces and dashes do not matter.</p>
    <h3>Why it matters</h3>
    <p>Your journal is encrypted on your own computer. Nobody, including the CareCompanion
    team, can open it or reset your passphrase. Without your passphrase or this key, your
    journal cannot be recovered.</p>
    <p>Anyone who has this key and your computer or backups can read your journal, so keep it
    private.</p>
    <p style="color:#5C6865; margin-top:24px">Created {html.escape(created)}.</p>
    """


def _document(recovery_key: str, created: str) -> QTextDocument:
    document = QTextDocument()
    document.setDefaultStyleSheet("body { font-family: 'DejaVu Sans', sans-serif; }")
    document.setHtml(kit_html(recovery_key, created))
    return document


def save_pdf(path: Path, recovery_key: str, created: str) -> None:
    writer = QPdfWriter(str(path))
    writer.setTitle("CareCompanion recovery kit")
    writer.setCreator("CareCompanion")
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(QMarginsF(20, 20, 20, 20), QPageLayout.Unit.Millimeter)
    _print_to(writer, recovery_key, created)


def _print_to(device: Any, recovery_key: str, created: str) -> None:
    """``device`` is a QPdfWriter or a QPrinter: both paginate and know their resolution."""
    document = _document(recovery_key, created)
    layout = device.pageLayout()
    rect = layout.paintRectPixels(device.resolution())
    document.setPageSize(QSizeF(rect.width(), rect.height()))
    document.print_(device)


class Printed(Enum):
    """How printing the kit ended: the person is told which, never left to assume."""

    PRINTED = "printed"
    CANCELLED = "cancelled"
    NO_PRINTER = "no_printer"  # the dialog was accepted with nowhere to print to
    FAILED = "failed"  # the printer system refused or aborted the job


def _has_somewhere_to_print(printer: Any) -> bool:
    """With no printer installed (no CUPS), Qt's dialog is accepted with a PDF "printer" that
    has no file name: QTextDocument.print_ then draws nothing and says nothing."""
    from PySide6.QtPrintSupport import QPrinter

    if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat:
        return bool(printer.outputFileName())
    return bool(printer.printerName()) and bool(printer.isValid())


def print_kit(parent: QWidget, recovery_key: str, created: str) -> Printed:
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(translate("RecoveryKit", "Print your recovery kit"))
    if dialog.exec() != QPrintDialog.DialogCode.Accepted:
        return Printed.CANCELLED
    if not _has_somewhere_to_print(printer):
        return Printed.NO_PRINTER
    _print_to(printer, recovery_key, created)
    if printer.printerState() in (QPrinter.PrinterState.Error, QPrinter.PrinterState.Aborted):
        return Printed.FAILED
    return Printed.PRINTED


def printed_words(outcome: Printed) -> str:
    """What to tell the person after the print dialog ("" when they cancelled)."""
    if outcome is Printed.PRINTED:
        return translate(
            "RecoveryKit",
            "Sent to the printer. Check that the page came out and the key is easy to read.",
        )
    if outcome is Printed.NO_PRINTER:
        return translate(
            "RecoveryKit",
            "Nothing was printed: no printer could be reached. Save the kit as a PDF "
            "instead, or copy the key by hand.",
        )
    if outcome is Printed.FAILED:
        return translate(
            "RecoveryKit",
            "The printer did not take the page, so nothing was printed. Save the kit as a "
            "PDF instead, or copy the key by hand.",
        )
    return ""


class NewRecoveryKeyPage(QWidget):
    """A new recovery key, after the journal's key was replaced: shown once, with the kit to
    print or save, until the person says it is kept."""

    done = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._key = ""
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(10)
        column.addWidget(label(self.tr("Your new recovery key"), "pageTitle"))
        column.addWidget(
            label(
                self.tr(
                    "Your passphrase and your journal's key have been changed. This is your new "
                    "recovery key; the old one no longer works. It is shown only now: print it "
                    "or save it, and keep it somewhere safe and private."
                ),
                "subtitle",
            )
        )
        self.key_field = QLabel()
        self.key_field.setObjectName("recoveryKeyDisplay")
        self.key_field.setAccessibleName(self.tr("New recovery key"))
        self.key_field.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.key_field.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        column.addWidget(self.key_field)
        column.addLayout(self._build_kit_row())
        self.status = label("", "hint")
        self.status.hide()
        column.addWidget(self.status)
        self.note = label("", "notice")
        self.note.hide()
        column.addWidget(self.note)
        self.kept = QCheckBox(self.tr("I have printed, saved or written down my new recovery key"))
        self.kept.setAccessibleName(self.tr("I have kept my new recovery key"))
        column.addWidget(self.kept)
        self.done_button = button(self.tr("Done"), self.tr("Done"), primary=True)
        self.done_button.setEnabled(False)
        self.kept.toggled.connect(self.done_button.setEnabled)
        self.done_button.clicked.connect(self._finish)
        column.addWidget(self.done_button)

    def _build_kit_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        save = button(self.tr("Save as PDF…"), self.tr("Save the recovery kit as a PDF"))
        save.clicked.connect(self._save_pdf)
        self.print_button = button(self.tr("Print…"), self.tr("Print the recovery kit"))
        self.print_button.clicked.connect(self._print)
        row.addWidget(save)
        row.addWidget(self.print_button)
        row.addStretch(1)
        return row

    def show_key(self, recovery_key: str, note: str = "") -> None:
        self._key = recovery_key
        self.key_field.setText(split_for_display(recovery_key))
        self.note.setText(note)
        self.note.setVisible(bool(note))
        self.kept.setFocus()

    @staticmethod
    def _created() -> str:
        from carecompanion.ui.common.i18n import format_when

        return format_when(datetime.now().astimezone(), "long_date")

    def _save_pdf(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save your recovery kit"),
            str(Path.home() / "CareCompanion recovery kit.pdf"),
            self.tr("PDF files (*.pdf)"),
        )
        if path:
            self.save_kit_to(Path(path))

    def save_kit_to(self, path: Path) -> None:
        save_pdf(path, self._key, self._created())
        self._say(self.tr("Saved to {path}").format(path=path))

    def _print(self) -> None:
        self._say(printed_words(print_kit(self, self._key, self._created())))

    def _say(self, words: str) -> None:
        if words:
            self.status.setText(words)
            self.status.show()

    def _finish(self) -> None:
        self._key = ""
        self.key_field.clear()
        self.done.emit()
