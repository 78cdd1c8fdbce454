"""CSV export: one row per check-in, columns documented in docs/mood.md.

Written as UTF-8 with a byte-order mark (so spreadsheet programs pick the right encoding) and
RFC 4180 quoting, through a temporary file that is fsynced and renamed over the target, so a
crash leaves either the old file or the whole new one. The file holds the person's own words
in clear: the UI must say so before writing it.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from datetime import tzinfo
from pathlib import Path

from carecompanion.atomic import atomic_write_bytes
from carecompanion.localtime import to_local
from carecompanion.mood.records import MOOD_WORDS, CheckIn

COLUMNS: tuple[str, ...] = (
    "id",
    "date",
    "time",
    "datetime",
    "mood",
    "mood_word",
    "stress",
    "energy",
    "sleep_hours",
    "care_hours",
    "activities",
    "emotions",
    "note",
    "journal_entry_id",
)
LIST_SEPARATOR = " | "  # as in Daylio; names can never contain "|"


def _number(value: float | None) -> str:
    if value is None:
        return ""
    if float(value).is_integer():
        return str(int(value))
    return repr(float(value))  # the shortest text that reads back as the same number


def csv_row(checkin: CheckIn, tz: tzinfo | None) -> dict[str, str]:
    local = to_local(checkin.at, tz)
    return {
        "id": str(checkin.id),
        "date": checkin.day.isoformat(),
        "time": local.strftime("%H:%M"),
        "datetime": local.isoformat(timespec="seconds"),
        "mood": str(checkin.mood),
        "mood_word": MOOD_WORDS[checkin.mood],
        "stress": _number(checkin.stress),
        "energy": _number(checkin.energy),
        "sleep_hours": _number(checkin.sleep_hours),
        "care_hours": _number(checkin.care_hours),
        "activities": LIST_SEPARATOR.join(checkin.activities),
        "emotions": LIST_SEPARATOR.join(checkin.emotions),
        "note": checkin.note,
        "journal_entry_id": "" if checkin.entry_id is None else str(checkin.entry_id),
    }


def csv_bytes(checkins: Iterable[CheckIn], tz: tzinfo | None = None) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    for checkin in checkins:
        writer.writerow(csv_row(checkin, tz))
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def write_csv(path: Path, checkins: Iterable[CheckIn], tz: tzinfo | None = None) -> int:
    """Write the export to ``path`` atomically (mode 0600); returns the number of rows."""
    rows = list(checkins)
    atomic_write_bytes(Path(path), csv_bytes(rows, tz))
    return len(rows)
