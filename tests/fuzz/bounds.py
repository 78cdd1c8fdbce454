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


@contextmanager
def parse_bounds(*, megabytes: float = 64.0, seconds: float = HANG_SECONDS) -> Iterator[None]:
    """Run the block under a memory bound (tracemalloc peak) and a hang guard (an alarm)."""
    guard = threading.current_thread() is threading.main_thread() and hasattr(signal, "setitimer")
    previous_handler = None

    def hung(_signum: int, _frame: FrameType | None) -> None:
        raise ParseBoundExceeded(f"the parser ran for over {seconds:g} s: a hang")

    if guard:
        previous_handler = signal.signal(signal.SIGALRM, hung)
        signal.setitimer(signal.ITIMER_REAL, seconds)
    already_tracing = tracemalloc.is_tracing()
    if not already_tracing:
        tracemalloc.start()
    tracemalloc.reset_peak()
    try:
        yield
    finally:
        _, peak = tracemalloc.get_traced_memory()
        if not already_tracing:
            tracemalloc.stop()
        if guard:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous_handler)
    if peak > megabytes * 1024 * 1024:
        raise ParseBoundExceeded(
            f"the parser allocated {peak / 1024 / 1024:.1f} MiB, over its {megabytes:g} MiB bound"
        )
