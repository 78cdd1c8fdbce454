"""Circle work, one job at a time, none of it on the GUI thread.

A sync reads the vault's copy of a circle, merges it with the file and stores the result; a
comment or share stored in the middle of that would be overwritten by the merge the sync
stores. So every piece of circle work (a sync, a join, a comment, a reaction, a share, a
change of members, reading the posts to show) goes through this one queue and runs on the
session's worker register (ui/common/workers.py): one job after another, each in the background,
its outcome delivered on the GUI thread. Re-encoding a 20,000-record circle takes about a
second on a slow computer; the window keeps painting meanwhile.

Locking stops the register (no new job starts; nothing more is delivered) and waits for the
running job, so a sync is never half way through a write when the database closes.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, Signal

from carecompanion.ui.common import error_words
from carecompanion.ui.common.heap import long_lived_work
from carecompanion.ui.common.workers import Workers

log = logging.getLogger(__name__)

Done = Callable[[Any], None]
Failed = Callable[[Exception], None]


def message_for(exc: Exception) -> str:
    """What to tell the person: the core's own sentence, or a calm line for a surprise
    (which is logged). The UI's one mapping place is :func:`error_words.message`."""
    return error_words.message(exc)


@dataclass
class _Job:
    function: Callable[[], Any]
    on_done: Done
    on_failed: Failed
    owner: QObject | None
    on_start: Callable[[], None] | None


def _then_keep(function: Callable[[], Any]) -> Any:
    """Run a job without collector pauses; what it left alive (a circle's items and posts) is
    long-lived: see heap.py."""
    with long_lived_work():
        return function()


class CircleWork(QObject):
    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None, workers: Workers | None = None) -> None:
        super().__init__(parent)
        # The session's register (the page passes it); a dialog tested on its own gets one.
        self._workers = workers if workers is not None else Workers(self)
        self._queue: deque[_Job] = deque()
        self._running = False
        self._closed = False
        self._was_busy = False

    @property
    def busy(self) -> bool:
        return self._running or bool(self._queue)

    def run(
        self,
        function: Callable[[], Any],
        on_done: Done,
        on_failed: Failed,
        *,
        owner: QObject | None = None,
        on_start: Callable[[], None] | None = None,
    ) -> None:
        """Queue ``function`` to run in the background after the jobs before it. Its outcome
        goes to ``on_done``/``on_failed`` on the GUI thread, unless ``owner`` (a dialog) is
        gone by then. ``on_start`` runs on the GUI thread as the job starts."""
        if self._closed or self._workers.stopped:
            return
        self._queue.append(_Job(function, on_done, on_failed, owner, on_start))
        self._pump()

    def close(self) -> None:
        """The vault is locking: drop what has not started and deliver nothing more. The
        session's register waits for the job that is running (see AppController.lock)."""
        self._closed = True
        self._queue.clear()
        self._tell_busy()

    def _pump(self) -> None:
        if not self._running and self._queue and not self._closed:
            job = self._queue.popleft()
            self._running = True
            if job.on_start is not None:
                job.on_start()

            def finish(callback: Callable[[Any], None], value: Any) -> None:
                self._running = False
                try:
                    if not self._closed and (job.owner is None or shiboken6.isValid(job.owner)):
                        callback(value)
                finally:
                    self._pump()

            task = self._workers.start(
                lambda _task: _then_keep(job.function),
                lambda value: finish(job.on_done, value),
                lambda exc: finish(job.on_failed, exc),
                owner=self,
            )
            if task.cancelled:  # the register stopped: the vault is locking
                self.close()
        self._tell_busy()

    def _tell_busy(self) -> None:
        busy = self.busy and not self._closed
        if busy != self._was_busy:
            self._was_busy = busy
            self.busy_changed.emit(busy)
