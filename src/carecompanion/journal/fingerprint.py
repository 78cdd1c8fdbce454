"""Duplicate detection for imports: the same entry, imported twice, has the same fingerprint.

Migration 0002 fingerprinted the entries written before it with a frozen copy of this code.
Changing it would make every stored entry stop matching its own re-import: that would take
a new migration to fingerprint them again.
"""

from __future__ import annotations

import hashlib
import unicodedata
from datetime import UTC, datetime


def _normalise_text(text: str) -> str:
    # Exports differ in line endings, Unicode normal form and trailing blank lines;
    # none of that makes an entry different.
    text = unicodedata.normalize("NFC", text)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return "\n".join(map(str.rstrip, text.split("\n"))).strip()


def entry_fingerprint(entry_at: datetime, title: str, body: str) -> str:
    """sha256 of (time to the minute in UTC, title, body), normalised. Aware times only."""
    if entry_at.tzinfo is None:
        raise ValueError("entry dates must be timezone-aware")
    # To the minute: several formats (jrnl, Markdown front matter) drop the seconds.
    utc = entry_at.astimezone(UTC)
    minute = (
        f"{utc.year:04d}-{utc.month:02d}-{utc.day:02d}T{utc.hour:02d}:{utc.minute:02d}Z"
        if utc.year >= 1000  # as strftime writes these years, on every platform
        else utc.strftime("%Y-%m-%dT%H:%MZ")
    )
    canonical = "\x1f".join((minute, _normalise_text(title), _normalise_text(body)))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()
