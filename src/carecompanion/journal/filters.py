"""What the timeline, search and the CLI can narrow entries down by.

The filter as SQL (id queries on narrow indexes) is journal/reads.py's.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class EntryFilter:
    """All conditions must hold. Dates are inclusive and local (the entry's own day)."""

    tag: str | None = None  # matched case-insensitively, like tags are stored
    since: date | None = None
    until: date | None = None
    favourites_only: bool = False
    has_attachment: bool | None = None  # None: either way
