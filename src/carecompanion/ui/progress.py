"""A progress dialog for long work done on the GUI thread (imports, exports).

The work calls ``progress(done, total)`` now and then; each call updates the dialog, lets
Qt paint, and answers False once the person presses Cancel, which the work turns into a
clean stop. The database stays on the GUI thread, so no locking is needed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QProgressDialog, QWidget

translate = QCoreApplication.translate  # lupdate reads translate("Context", "...")

T = TypeVar("T")


def run_with_progress(
    parent: QWidget, title: str, label_text: str, work: Callable[[Callable[[int, int], bool]], T]
) -> T:
    dialog = QProgressDialog(label_text, translate("Progress", "Cancel"), 0, 0, parent)
    dialog.setWindowTitle(title)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(400)  # quick jobs finish before a dialog flickers up
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)

    def progress(done: int, total: int) -> bool:
        if dialog.maximum() != total:
            dialog.setMaximum(max(total, 0))
        dialog.setValue(min(done, total))
        QApplication.processEvents()
        return not dialog.wasCanceled()

    try:
        return work(progress)
    finally:
        dialog.close()
        dialog.deleteLater()
