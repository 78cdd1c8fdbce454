"""Counting the integrity checks a piece of work runs, by the statements it sends (issue 17).

Counted on every engine in the process (SQLAlchemy's class-level event), so a check is seen
whichever path runs it: never by timing.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import sqlalchemy as sa
from sqlalchemy import event

#: The pragmas that read every page: the full check sends the first two, the quick one the
#: second; SQLite's integrity_check is counted too, should anything ever send it.
CHECK_PRAGMAS = ("cipher_integrity_check", "quick_check", "integrity_check")


@contextmanager
def counted_checks() -> Iterator[Counter[str]]:
    """``with counted_checks() as seen:`` ... ``seen["quick_check"]``, and so on."""
    seen: Counter[str] = Counter()

    def count(*args: Any) -> None:
        statement = str(args[2]).strip().lower()
        for pragma in CHECK_PRAGMAS:
            if statement.startswith(f"pragma {pragma}"):
                seen[pragma] += 1

    event.listen(sa.Engine, "before_cursor_execute", count)
    try:
        yield seen
    finally:
        event.remove(sa.Engine, "before_cursor_execute", count)


def full_checks(seen: Counter[str]) -> int:
    return seen["cipher_integrity_check"]


def any_checks(seen: Counter[str]) -> int:
    return sum(seen[pragma] for pragma in CHECK_PRAGMAS)
