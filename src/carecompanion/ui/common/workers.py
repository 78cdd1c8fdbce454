"""Slow work off the GUI thread, so the window always paints and answers.

``run_in_background`` is the plain form, for work before there is a vault session (unlocking,
creating a vault). Work on an unlocked vault goes through that session's register,
``workers_for(session)``: each job gets a ``Task`` to report progress on and to notice that it
should stop. Locking calls ``stop`` (no new work; running work is asked to stop; nothing more
is delivered to the pages, which are going away) and then ``wait``, so no job is half way
through a write when the session's keys are dropped.

Results, failures and progress always arrive on the GUI thread, and only while the object
that asked (the ``owner``) still exists.
"""

from __future__ import annotations

import sys
import threading
import weakref
from collections.abc import Callable
from typing import Any, TypeVar

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from carecompanion.progress import Cancelled

T = TypeVar("T")
Failed = Callable[[Exception], None]
Progress = Callable[[int, int], None]


class Task:
    """A job's side of the line: report progress, and notice when it should stop.

    ``progress`` is the core's progress callback (see journal/exchange/progress.py): it passes
    the figures to the GUI thread and answers False once the job was cancelled, which the core
    turns into ``Cancelled`` at its next safe point (never inside a transaction)."""

    def __init__(self) -> None:
        self._cancelled = threading.Event()
        self._report: Progress | None = None
        self._shown = -1  # the last per-mille passed on: a 10,000-entry import sends ~1,000

    def cancel(self) -> None:
        self._cancelled.set()

    @property
    def cancelled(self) -> bool:
        return self._cancelled.is_set()

    def wait_cancelled(self, timeout: float | None = None) -> bool:
        """Block this worker until the job is cancelled (True) or ``timeout`` passes."""
        return self._cancelled.wait(timeout)

    def check(self) -> None:
        """Stop here (raise ``Cancelled``) if the job was cancelled."""
        if self.cancelled:
            raise Cancelled("cancelled")

    def progress(self, done: int, total: int) -> bool:
        report = self._report
        if report is not None:
            shown = 1000 * done // total if total > 0 else -2
            if shown != self._shown or done >= total:
                self._shown = shown
                report(done, total)
        if 0 < total <= done:
            # The work is done (an import's transaction committed, an export's file is in
            # place): stopping now would only make "Cancelled: nothing was written" untrue.
            return True
        return not self.cancelled


_local = threading.local()


def current_task() -> Task | None:
    """The task of the job running on this thread (None on the GUI thread)."""
    task: Task | None = getattr(_local, "task", None)
    return task


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(object)
    progressed = Signal(int, int)


class _Job(QRunnable):
    def __init__(
        self,
        function: Callable[[Task], Any],
        task: Task,
        signals: _Signals,
        ended: Callable[[], None] | None,
    ) -> None:
        super().__init__()
        self._function = function
        self._task = task
        self.signals = signals
        self._ended = ended

    def run(self) -> None:
        _local.task = self._task
        try:
            result = self._function(self._task)
        except Exception as exc:  # handed to the GUI thread, which decides what to show
            self._end()
            self.signals.failed.emit(exc)
        else:
            self._end()
            self.signals.done.emit(result)

    def _end(self) -> None:
        _local.task = None
        if self._ended is not None:
            self._ended()


#: How long a busy worker may hold the GIL before the GUI thread gets it back (CPython's
#: default is 5 ms). Painting one frame calls Python dozens of times (the models, the
#: delegates), each call waiting for the GIL: at 5 ms a frame under load took 100-300 ms.
GIL_SWITCH_SECONDS = 0.001

# Signal carriers live until their job reports: not parented to the caller, which may be
# deleted first (a window closed mid-unlock) while Qt still has the queued result to deliver.
_pending: set[_Signals] = set()


def _launch(
    function: Callable[[Task], Any],
    task: Task,
    on_done: Callable[[Any], None],
    on_failed: Failed,
    owner: QObject,
    *,
    on_progress: Progress | None = None,
    ended: Callable[[], None] | None = None,
    settled: Callable[[], None] | None = None,
    wanted: Callable[[], bool] = lambda: True,
) -> None:
    """Start ``function(task)`` on the thread pool. ``ended`` runs on the worker as soon as
    the function returns; ``settled`` on the GUI thread when its outcome arrives, before the
    outcome is handed on (only if ``wanted()`` and ``owner`` still exists)."""
    if sys.getswitchinterval() > GIL_SWITCH_SECONDS:
        sys.setswitchinterval(GIL_SWITCH_SECONDS)
    signals = _Signals()
    _pending.add(signals)

    def deliverable() -> bool:
        return wanted() and shiboken6.isValid(owner)

    def finish(callback: Callable[[Any], None], value: Any) -> None:
        _pending.discard(signals)
        signals.deleteLater()
        if settled is not None:
            settled()
        if deliverable():
            callback(value)

    signals.done.connect(lambda value: finish(on_done, value))
    signals.failed.connect(lambda exc: finish(on_failed, exc))
    if on_progress is not None:
        report = on_progress
        signals.progressed.connect(
            lambda done, total: report(done, total) if deliverable() else None
        )
        task._report = signals.progressed.emit
    QThreadPool.globalInstance().start(_Job(function, task, signals, ended))


def run_in_background(
    function: Callable[[], Any],
    on_done: Callable[[Any], None],
    on_failed: Failed,
    parent: QObject,
) -> None:
    """Call ``function`` on the thread pool; its result or exception arrives on the GUI thread,
    unless ``parent`` was deleted meanwhile, in which case nobody is left to tell."""
    _launch(lambda _task: function(), Task(), on_done, on_failed, parent)


class Workers(QObject):
    """The background work of one unlocked vault session (see the module's docstring)."""

    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._running: set[Task] = set()  # on the workers' side: ends when the function does
        self._changed = threading.Condition()
        self._outstanding = 0  # on the GUI side: until the outcome has arrived
        self._stopped = False

    @property
    def busy(self) -> bool:
        return self._outstanding > 0

    @property
    def stopped(self) -> bool:
        return self._stopped

    def start(
        self,
        function: Callable[[Task], T],
        on_done: Callable[[T], None],
        on_failed: Failed,
        *,
        owner: QObject,
        on_progress: Progress | None = None,
    ) -> Task:
        """Run ``function(task)`` in the background. After ``stop`` nothing starts: the task
        comes back already cancelled and no callback is ever called."""
        task = Task()
        if self._stopped:
            task.cancel()
            return task
        with self._changed:
            self._running.add(task)

        def ended() -> None:
            with self._changed:
                self._running.discard(task)
                self._changed.notify_all()

        def settled() -> None:
            self._outstanding -= 1
            if not self._outstanding:
                self.busy_changed.emit(False)

        self._outstanding += 1
        if self._outstanding == 1:
            self.busy_changed.emit(True)
        _launch(
            function,
            task,
            on_done,
            on_failed,
            owner,
            on_progress=on_progress,
            ended=ended,
            settled=settled,
            wanted=lambda: not self._stopped,
        )
        return task

    def stop(self) -> None:
        """The vault is locking: refuse new work, ask running work to stop, deliver nothing
        more. Work that cannot stop at once ends its transaction (``wait`` for it)."""
        self._stopped = True
        with self._changed:
            running = list(self._running)
        for task in running:
            task.cancel()

    def wait(self, timeout: float) -> bool:
        """Block until no job runs; False if some still did after ``timeout`` seconds."""
        with self._changed:
            return self._changed.wait_for(lambda: not self._running, timeout)

    def running(self) -> int:
        with self._changed:
            return len(self._running)


# One register per unlocked session, made on first use; it goes when the session does.
_registers: weakref.WeakKeyDictionary[object, Workers] = weakref.WeakKeyDictionary()


def workers_for(session: object) -> Workers:
    workers = _registers.get(session)
    if workers is None:
        workers = Workers()
        _registers[session] = workers
    return workers


def wait_for_background_work(timeout_ms: int = 30_000) -> bool:
    """Tests and shutdown: let running jobs end before their objects go away."""
    return QThreadPool.globalInstance().waitForDone(timeout_ms)
