"""Local days in an injected time zone (``None``: the computer's own)."""

from __future__ import annotations

from datetime import date, datetime, tzinfo


def local_day(at: datetime, tz: tzinfo | None) -> date:
    if at.tzinfo is None:
        raise ValueError("timestamps must be timezone-aware")
    return (at.astimezone(tz) if tz is not None else at.astimezone()).date()
