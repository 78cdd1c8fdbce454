"""Bounds on one parser call: memory and a hang guard that do not depend on the machine's speed.

- **Memory** is counted by ``tracemalloc``: the peak of Python allocations during the call.
  That count is the same on a fast and a slow computer, so a test can assert it. (It misses
  allocations inside C libraries that bypass Python's allocator; zlib and json go through it.)
- **Hangs** are caught by a wall-clock alarm set far above any honest parse (seconds, where a
  parse of a fuzz input takes milliseconds): a catastrophic regular expression or an
  exponential parse runs for minutes, so the guard trips on every machine, and a loaded 2-core
  machine is still two orders of magnitude inside it. It is a guard, not a timing test.

Usage::

    with parse_bounds(megabytes=64):
        import_file(path)

``ParseBoundExceeded`` is raised out of the block when a bound is broken; the parser's own
errors pass through unchanged.
"""

from __future__ import annotations

import signal
import threading
import tracemalloc
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

#: Far above any honest parse of a fuzz input; far below a catastrophic backtrack.
HANG_SECONDS = 20.0


class ParseBoundExceeded(AssertionError):
    """A parser broke its bound: it hung, or it allocated more than allowed."""


class _Alarm(BaseException):
    """Raised into the parser by the hang guard.

    A ``BaseException``, so that a parser's broad ``except Exception`` (which turns anything
    into a clean "bad file") cannot mistake the guard for a failure of its own and hide it.
    """


@contextmanager
def parse_bounds(*, megabytes: float = 64.0, seconds: float = HANG_SECONDS) -> Iterator[None]:
    """Run the block under a memory bound (tracemalloc peak) and a hang guard (an alarm).

    Both are checked however the block ends: a parser that allocates gigabytes and then
    refuses the file, or that catches the alarm (even with a bare ``except``) and carries on
    or raises its own error, still breaks its bound. Memory is counted from the block's start,
    so what is already held (an outer trace over a long run) does not count.
    """
    guard = threading.current_thread() is threading.main_thread() and hasattr(signal, "setitimer")
    previous_handler = None
    fired = False

    def hung(_signum: int, _frame: FrameType | None) -> None:
        nonlocal fired
        fired = True
        raise _Alarm

    already_tracing = tracemalloc.is_tracing()
    if not already_tracing:
        tracemalloc.start()
    baseline, _ = tracemalloc.get_traced_memory()
    tracemalloc.reset_peak()
    if guard:
        previous_handler = signal.signal(signal.SIGALRM, hung)
        # Then again every second: a parser that swallowed the first alarm meets the next one
        # somewhere it does not catch it, rather than running on forever.
        signal.setitimer(signal.ITIMER_REAL, seconds, 1.0)
    failure: BaseException | None = None
    try:
        yield
    except BaseException as error:  # judged below, re-raised unless a bound broke
        failure = error
    finally:
        if guard:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous_handler)
        _, peak = tracemalloc.get_traced_memory()
        if not already_tracing:
            tracemalloc.stop()
    if fired:
        raise ParseBoundExceeded(f"the parser ran for over {seconds:g} s: a hang") from failure
    used = peak - baseline
    if used > megabytes * 1024 * 1024:
        raise ParseBoundExceeded(
            f"the parser allocated {used / 1024 / 1024:.1f} MiB, over its {megabytes:g} MiB bound"
        ) from failure
    if failure is not None:
        raise failure
