"""Reading dates from import files, and the local zone naive dates belong to.

Naive dates (jrnl's, a Markdown file name's) mean the wall-clock time where the person wrote
them, so they are read in the local zone: an injectable ``tzinfo``, or the computer's own zone
(with the daylight-saving rule of that date) when it is ``None``.
"""

from __future__ import annotations

import functools
import re
from datetime import UTC, date, datetime, time, timedelta, timezone, tzinfo

from carecompanion.localtime import zone_named

_DATE_TIME = re.compile(
    r"""
    (?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})
    (?:[Tt ]+(?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2})(?:\.(?P<f>\d{1,9}))?)?)?
    \s*(?P<tz>[Zz]|UTC|[+-]\d{2}(?::?\d{2})?)?
    """,
    re.VERBOSE,
)


def localise(naive: datetime, tz: tzinfo | None) -> datetime:
    """A naive wall-clock time made aware in ``tz`` (the computer's zone when None)."""
    if naive.tzinfo is not None:
        return naive
    if tz is None:
        try:
            return naive.astimezone()  # the C library's local zone, with that date's DST
        except (OverflowError, OSError, ValueError):
            return naive.replace(tzinfo=UTC)
    return naive.replace(tzinfo=tz)


def in_zone(moment: datetime, tz: tzinfo | None) -> datetime:
    """An aware time shown in ``tz`` (the computer's zone when None)."""
    try:
        return moment.astimezone(tz) if tz is not None else moment.astimezone()
    except (OverflowError, OSError, ValueError):
        return moment.astimezone(UTC)


def entry_clock(moment: datetime, time_zone: str | None, tz: tzinfo | None) -> datetime:
    """An entry's moment on the clock where it was written (its ``time_zone``); one written
    before zones were kept, in ``tz`` (the computer's zone when None), as exports always did."""
    own = zone_named(time_zone)
    return in_zone(moment, own if own is not None else tz)


@functools.lru_cache(maxsize=64)  # a folder's dates share a few offsets ("+01:00", "Z")
def _offset(text: str) -> tzinfo:
    if text.upper() in ("Z", "UTC"):
        return UTC
    sign = -1 if text[0] == "-" else 1
    digits = text[1:].replace(":", "")
    hours, minutes = int(digits[:2]), int(digits[2:] or 0)
    if hours > 23 or minutes > 59:
        raise ValueError("bad offset")
    return timezone(sign * timedelta(hours=hours, minutes=minutes))


def parse_datetime(text: str, tz: tzinfo | None) -> datetime | None:
    """``2024-05-01``, ``2024-05-01 21:30``, ``2024-05-01T21:30:00+02:00``, ``...Z``.

    A date alone means midday, so it stays on its day in any zone. None if it is not a date.
    """
    match = _DATE_TIME.fullmatch(text.strip())
    if match is None:
        return None
    try:
        day = date(int(match["y"]), int(match["m"]), int(match["d"]))
        if match["H"] is None:
            clock = time(12, 0)
        else:
            fraction = (match["f"] or "0")[:6].ljust(6, "0")
            clock = time(int(match["H"]), int(match["M"]), int(match["S"] or 0), int(fraction))
        naive = datetime.combine(day, clock)
        if match["tz"]:
            return naive.replace(tzinfo=_offset(match["tz"]))
    except ValueError:
        return None
    return localise(naive, tz)


def carries_offset(text: str) -> bool:
    """Whether a date :func:`parse_datetime` reads says its own offset (``+09:00``, ``Z``),
    rather than being a wall-clock time read in the local zone."""
    match = _DATE_TIME.fullmatch(text.strip())
    return match is not None and bool(match["tz"])


# A date (and maybe a time) at the start of a file name: 2024-05-01, 20240501, 2024_05_01,
# then optionally a time: 2130, 21-30, 21.30, 21h30, T213000.
_NAME_DATE = re.compile(
    r"""
    ^(?P<y>\d{4})(?P<sep>[-_.]?)(?P<m>\d{2})(?P=sep)(?P<d>\d{2})
    (?:[ T_-]+(?P<H>\d{2})[-.:h]?(?P<M>\d{2})(?:[-.:]?(?P<S>\d{2}))?)?
    (?=$|[^0-9])
    """,
    re.VERBOSE,
)


def date_from_file_name(stem: str, tz: tzinfo | None) -> tuple[datetime | None, str]:
    """The date a file's name starts with (``2024-05-01-2130-title``, ``20240501``, ...).

    Returns it (None if there is none) and the rest of the name after it.
    """
    match = _NAME_DATE.match(stem)
    naive = _name_moment(match)
    if match is None or naive is None:
        return None, stem
    return localise(naive, tz), stem[match.end() :]


def name_after_date(stem: str) -> str:
    """What :func:`date_from_file_name` says is left of the name after its date, without
    reading the date in a zone (for a file whose front matter says its date)."""
    match = _NAME_DATE.match(stem)
    if match is None or _name_moment(match) is None:
        return stem
    return stem[match.end() :]


def _name_moment(match: re.Match[str] | None) -> datetime | None:
    """The wall-clock time a file name's date says; None if it is no date."""
    if match is None:
        return None
    try:
        day = date(int(match["y"]), int(match["m"]), int(match["d"]))
        clock = (
            time(12, 0)
            if match["H"] is None
            else time(int(match["H"]), int(match["M"]), int(match["S"] or 0))
        )
    except ValueError:
        return None
    return datetime.combine(day, clock)
