"""The recovery kit: one page to print or save as PDF, with the recovery key and what it is for.

Saving it is something the user asks for, to a place they choose: it is the one document we
write that holds a secret in clear, because it is meant to be printed and kept offline.
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QMarginsF, QSizeF
from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextDocument
from PySide6.QtWidgets import QWidget

translate = QCoreApplication.translate  # lupdate reads translate("Context", "...")


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


def print_kit(parent: QWidget, recovery_key: str, created: str) -> bool:
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(translate("RecoveryKit", "Print your recovery kit"))
    if dialog.exec() != QPrintDialog.DialogCode.Accepted:
        return False
    _print_to(printer, recovery_key, created)
    return True
