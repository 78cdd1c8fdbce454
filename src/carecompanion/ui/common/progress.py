"""A progress dialog for long work done in the background (imports, exports, backups).

The work runs on the session's worker register (ui/common/workers.py) and calls
``progress(done, total)`` now and then; the dialog shows the figures as they arrive on the GUI
thread, which never waits for the work. Cancel asks the work to stop at its next safe point
(the core raises ``Cancelled`` there and undoes what it started); locking the vault does the
same. The outcome arrives through ``on_done`` or ``on_failed``, once the dialog has closed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QProgressDialog, QWidget

from carecompanion.ui.common.workers import Task, Workers

translate = QCoreApplication.translate  # lupdate reads translate("Context", "...")

T = TypeVar("T")
ProgressFn = Callable[[int, int], bool]


def run_with_progress(
    parent: QWidget,
    workers: Workers,
    title: str,
    label_text: str,
    work: Callable[[ProgressFn], T],
    on_done: Callable[[T], None],
    on_failed: Callable[[Exception], None],
    *,
    cancellable: bool = True,
) -> Task:
    """Start ``work(progress)`` in the background behind a window-modal progress dialog.

    ``cancellable`` False (a step that is one transaction from start to end) shows no
    Cancel button; the lock still waits for the step to end."""
    dialog = QProgressDialog(label_text, translate("Progress", "Cancel"), 0, 0, parent)
    dialog.setWindowTitle(title)
    dialog.setAccessibleName(title)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(400)  # quick jobs finish before a dialog flickers up
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    if not cancellable:
        dialog.setCancelButton(None)
    task_box: list[Task] = []

    def stopping() -> None:
        for task in task_box:
            task.cancel()
        dialog.setLabelText(translate("Progress", "Stopping…"))

    def show(done: int, total: int) -> None:
        if total > 0 and dialog.maximum() != total:
            dialog.setMaximum(total)
        if total > 0:
            dialog.setValue(min(done, total))

    def close() -> None:
        dialog.close()
        dialog.deleteLater()

    def done(value: T) -> None:
        close()
        on_done(value)

    def failed(exc: Exception) -> None:
        close()
        on_failed(exc)

    dialog.canceled.connect(stopping)
    dialog.rejected.connect(stopping)  # Escape
    task = workers.start(
        lambda task: work(task.progress), done, failed, owner=dialog, on_progress=show
    )
    task_box.append(task)
    if workers.stopped:  # locking: nothing started, and nothing will come back
        close()
    return task
