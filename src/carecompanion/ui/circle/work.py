"""Circle work, one job at a time.

A sync reads the vault's copy of a circle, merges it with the file and stores the result; a
comment or share made on the GUI thread in the middle of that would be overwritten by the
merge the sync stores. So every change to a circle, local or synced, goes through this one
queue: quick local actions run at once on the GUI thread when nothing else is running (or
right after the running sync), syncs and joins run in the background.
"""

from __future__ import annotations

import logging
import threading
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal

from carecompanion.circle.errors import CircleError
from carecompanion.ui import core_messages
from carecompanion.ui.workers import run_in_background

log = logging.getLogger(__name__)

Done = Callable[[Any], None]
Failed = Callable[[Exception], None]


def message_for(exc: Exception) -> str:
    """What to tell the person: the core's own sentence, or a plain word for a surprise."""
    if isinstance(exc, CircleError):
        return core_messages.message(exc)
    log.error("circle action failed: %s", type(exc).__name__)
    return QCoreApplication.translate(
        "CircleWork", "Something went wrong ({kind}). Nothing in your journal was lost."
    ).format(kind=type(exc).__name__)


@dataclass
class _Job:
    function: Callable[[], Any]
    on_done: Done
    on_failed: Failed
    background: bool


class CircleWork(QObject):
    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._queue: deque[_Job] = deque()
        self._running = False
        self._pumping = False
        self._closed = False
        self._idle = threading.Event()
        self._idle.set()

    @property
    def busy(self) -> bool:
        return self._running or bool(self._queue)

    def now(self, function: Callable[[], Any], on_done: Done, on_failed: Failed) -> None:
        """A quick local change, on the GUI thread: at once, or right after the running job."""
        self._add(_Job(function, on_done, on_failed, background=False))

    def background(self, function: Callable[[], Any], on_done: Done, on_failed: Failed) -> None:
        """File I/O and crypto (sync, join, create): on the thread pool."""
        self._add(_Job(function, on_done, on_failed, background=True))

    def close(self, timeout: float = 30.0) -> None:
        """The vault is locking: drop what has not started and let the running job end, so
        no sync is half way through a write when the database closes."""
        self._closed = True
        self._queue.clear()
        self._idle.wait(timeout)

    def _add(self, job: _Job) -> None:
        if self._closed:
            return
        self._queue.append(job)
        self._pump()

    def _pump(self) -> None:
        if self._pumping:
            return
        self._pumping = True
        try:
            while not self._running and self._queue and not self._closed:
                job = self._queue.popleft()
                if job.background:
                    self._start(job)
                else:
                    self._call(job)
        finally:
            self._pumping = False
        if not self.busy:
            self.busy_changed.emit(False)

    def _call(self, job: _Job) -> None:
        try:
            result = job.function()
        except Exception as exc:  # shown to the person by on_failed
            job.on_failed(exc)
        else:
            job.on_done(result)

    def _start(self, job: _Job) -> None:
        self._running = True
        self._idle.clear()
        self.busy_changed.emit(True)

        def work() -> Any:
            try:
                return job.function()
            finally:
                self._idle.set()

        def finish(callback: Callable[[Any], None], value: Any) -> None:
            self._running = False
            if not self._closed:
                callback(value)
            self._pump()

        run_in_background(
            work,
            lambda value: finish(job.on_done, value),
            lambda exc: finish(job.on_failed, exc),
            self,
        )
