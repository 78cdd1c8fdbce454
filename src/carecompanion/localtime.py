"""Local calendar days and times, in an injected time zone (``None``: the computer's own).

Shared by every package that files things under the day the person lived them."""

from __future__ import annotations

import os
import re
from datetime import UTC, date, datetime, time, timedelta, timezone, tzinfo
from functools import lru_cache
from zoneinfo import ZoneInfo


def to_local(at: datetime, tz: tzinfo | None) -> datetime:
    if at.tzinfo is None:
        raise ValueError("timestamps must be timezone-aware")
    return at.astimezone(tz) if tz is not None else at.astimezone()


def local_day(at: datetime, tz: tzinfo | None) -> date:
    """The calendar day ``at`` falls on where the person lives."""
    return to_local(at, tz).date()


def local_clock(at: datetime, tz: tzinfo | None) -> str:
    """The local wall-clock time as ``HH:MM`` (what the person saw on their watch)."""
    return to_local(at, tz).strftime("%H:%M")


def from_local(day: date, clock: time, tz: tzinfo | None) -> datetime:
    """A local date and time as an aware UTC datetime.

    A time that happens twice (the autumn clock change) is read as the first one; a time the
    spring change skipped is moved forward by the gap, as ``zoneinfo`` does.

    The first and last day of the calendar (0001-01-01, 9999-12-31) are refused with
    ``ValueError``: moved to UTC they may fall off ``datetime``'s range (``OverflowError``,
    "year 0 is out of range"); a zone's offset is under a day, so every other day is safe.
    Callers reading outside input bound their days first, with their own words.
    """
    if not date.min < day < date.max:
        raise ValueError(f"{day} is at the very end of the calendar; no zone can be applied")
    naive = datetime.combine(day, clock)
    local = naive.replace(tzinfo=tz) if tz is not None else naive.astimezone()
    return local.astimezone(UTC)


# -- an entry's own zone, by name ----------------------------------------------------------
# Journal entries keep the zone they were written in as text: an IANA name ("Asia/Tokyo"),
# or an offset ("+09:00") when a file carried only that. None means "this computer's zone".

# IANA names are at most about 30 characters; a longer value is not a zone (and zoneinfo
# recurses once per "/" in it). The pattern keeps paths ("../", "/etc") out of ZoneInfo.
MAX_ZONE_NAME_CHARS = 64
_ZONE_NAME = re.compile(r"[A-Za-z0-9_+\-]+(?:/[A-Za-z0-9_+\-]+)*")
_OFFSET_NAME = re.compile(r"([+-])(\d{2}):(\d{2})")


def offset_name(offset: timedelta) -> str:
    """``+09:00``, ``-05:00``, ``+05:30`` (seconds dropped: no zone in use has them)."""
    minutes = int(offset.total_seconds()) // 60
    sign = "-" if minutes < 0 else "+"
    hours, minutes = divmod(abs(minutes), 60)
    return f"{sign}{hours:02d}:{minutes:02d}"


def zone_name(tz: tzinfo) -> str | None:
    """How an entry records ``tz``: its IANA name, ``UTC``, or a fixed offset's ``+09:00``;
    None for a zone that is neither (a rule-based tzinfo without a name)."""
    if isinstance(tz, ZoneInfo):
        return tz.key if tz.key and zone_named(tz.key) is not None else None
    if tz is UTC:
        return "UTC"
    if isinstance(tz, timezone):
        return offset_name(tz.utcoffset(None))
    return None


@lru_cache(maxsize=256)
def zone_named(name: str | None) -> tzinfo | None:
    """The zone an entry recorded; None for none, or one this computer does not know."""
    if not name or len(name) > MAX_ZONE_NAME_CHARS:
        return None
    offset = _OFFSET_NAME.fullmatch(name)
    if offset is not None:
        sign, hours, minutes = offset.groups()
        if int(hours) > 23 or int(minutes) > 59:
            return None
        delta = timedelta(hours=int(hours), minutes=int(minutes))
        return UTC if not delta else timezone(-delta if sign == "-" else delta)
    if not _ZONE_NAME.fullmatch(name):
        return None
    try:
        return ZoneInfo(name)
    except (KeyError, ValueError, OSError, RecursionError):  # not found is a KeyError
        return None


def is_offset_name(name: str) -> bool:
    return _OFFSET_NAME.fullmatch(name) is not None


def system_zone_name(now: datetime) -> str:
    """This computer's zone as an entry records it, asked afresh at each call (a laptop
    travels): its IANA name (``TZ``, else the system's setting), or the offset it has at
    ``now`` when no name agrees with the clock the C library keeps."""
    local_offset = now.astimezone().utcoffset() or timedelta(0)
    candidates = [os.environ.get("TZ", "").removeprefix(":")]
    try:
        import tzlocal  # here: only new entries need it, and only when written

        candidates.append(tzlocal.get_localzone_name() or "")
    except (ValueError, LookupError, OSError, ImportError):
        pass
    for candidate in candidates:
        tz = zone_named(candidate)
        if isinstance(tz, ZoneInfo) and now.astimezone(tz).utcoffset() == local_offset:
            return candidate
    return offset_name(local_offset)


def in_named_zone(at: datetime, name: str | None, fallback: tzinfo | None = None) -> datetime:
    """``at`` on the clock of the zone called ``name``; in ``fallback`` (None: this
    computer's zone) when there is no name or it is unknown here."""
    tz = zone_named(name)
    try:
        return to_local(at, tz if tz is not None else fallback)
    except (OverflowError, OSError):
        return at.astimezone(UTC)


def zone_place(name: str) -> str:
    """A zone as a reader knows it: ``New York`` for America/New_York, ``UTC+09:00``."""
    if is_offset_name(name):
        return f"UTC{name}"
    if name in ("UTC", "Etc/UTC", "Etc/Universal", "Universal", "Zulu", "Etc/Zulu"):
        return "UTC"
    return name.rsplit("/", 1)[-1].replace("_", " ")


def foreign_zone(at: datetime, name: str | None, reader: tzinfo | None = None) -> str | None:
    """The place to name beside an entry's clock time, when its zone's clock differed from
    the reader's (``reader``; None: this computer's) at that moment; else None."""
    tz = zone_named(name)
    if tz is None or name is None:
        return None
    try:
        if at.astimezone(tz).utcoffset() == to_local(at, reader).utcoffset():
            return None
    except (OverflowError, OSError, ValueError):
        return None
    return zone_place(name)
