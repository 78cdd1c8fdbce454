"""Progress reporting for long work (imports, exports, reports, circle sync), with cancel.

A progress callback is called as ``progress(done, total)``. Returning ``False`` (or raising
:class:`Cancelled`) cancels the work; returning ``None`` or ``True`` carries on. The UI
shows a progress dialog from it and runs the work on a worker; the CLI passes nothing.

Part of the base layer, with ``errors`` and ``clock``: every domain reports progress the
same way, and the GUI's workers can name ``Cancelled`` without loading any domain (the
unlock screen imports them).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import TypeVar

T = TypeVar("T")
ProgressCallback = Callable[[int, int], bool | None]


class Cancelled(Exception):
    """The person cancelled the work; everything it started is undone."""


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
