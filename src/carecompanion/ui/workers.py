"""Run slow work (Argon2id, opening the database) off the GUI thread so the window stays alive."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    def __init__(self, function: Callable[[], Any], signals: _Signals) -> None:
        super().__init__()
        self._function = function
        self.signals = signals

    def run(self) -> None:
        try:
            result = self._function()
        except Exception as exc:  # handed to the GUI thread, which decides what to show
            self.signals.failed.emit(exc)
        else:
            self.signals.done.emit(result)


# Signal carriers live until their job reports: not parented to the caller, which may be
# deleted first (a window closed mid-unlock) while Qt still has the queued result to deliver.
_pending: set[_Signals] = set()


def run_in_background(
    function: Callable[[], Any],
    on_done: Callable[[Any], None],
    on_failed: Callable[[Exception], None],
    parent: QObject,
) -> None:
    """Call ``function`` on the thread pool; its result or exception arrives on the GUI thread,
    unless ``parent`` was deleted meanwhile, in which case nobody is left to tell."""
    signals = _Signals()
    _pending.add(signals)

    def finish(callback: Callable[[Any], None], value: Any) -> None:
        _pending.discard(signals)
        signals.deleteLater()
        if shiboken6.isValid(parent):
            callback(value)

    signals.done.connect(lambda value: finish(on_done, value))
    signals.failed.connect(lambda exc: finish(on_failed, exc))
    QThreadPool.globalInstance().start(_Job(function, signals))


def wait_for_background_work(timeout_ms: int = 30_000) -> bool:
    """Tests and shutdown: let running jobs end before their objects go away."""
    return QThreadPool.globalInstance().waitForDone(timeout_ms)
