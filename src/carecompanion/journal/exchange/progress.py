"""Progress reporting for long exports and imports, with cancellation.

A progress callback is called as ``progress(done, total)``. Returning ``False`` (or raising
:class:`Cancelled`) cancels the operation; returning ``None`` or ``True`` carries on. The UI
shows a progress dialog from it; the CLI passes nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import TypeVar

from carecompanion.journal.exchange.errors import Cancelled

T = TypeVar("T")
ProgressCallback = Callable[[int, int], bool | None]


def report(progress: ProgressCallback | None, done: int, total: int) -> None:
    """Call ``progress`` and turn a ``False`` answer into :class:`Cancelled`."""
    if progress is not None and progress(done, total) is False:
        raise Cancelled("cancelled")


def each(items: Sequence[T], progress: ProgressCallback | None) -> Iterator[T]:
    """Yield the items, reporting ``(i, n)`` before each one and ``(n, n)`` at the end."""
    total = len(items)
    for index, item in enumerate(items):
        report(progress, index, total)
        yield item
    report(progress, total, total)
