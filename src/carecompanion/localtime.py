"""Local calendar days and times, in an injected time zone (``None``: the computer's own).

Shared by every package that files things under the day the person lived them."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, tzinfo


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
