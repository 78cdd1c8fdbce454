"""IANA time zones: checking a name, and this computer's own zone as a name.

Meetings keep a zone *name* ("Europe/London"), not an offset, so that a weekly 19:00 meeting
stays 19:00 local through daylight-saving changes and the iCalendar export can carry it.
"""

from __future__ import annotations

from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError


@lru_cache(maxsize=64)
def zone(name: str) -> ZoneInfo:
    """The zone called ``name``; ``KeyError`` when there is none."""
    if not name or name != name.strip() or name.startswith(("/", ".")) or ".." in name:
        raise KeyError(name)
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError) as exc:
        # OSError: a name that is a folder of the zone database ("Europe") is no zone, and
        # names reach here from circle files other people wrote.
        raise KeyError(name) from exc


def is_zone(name: str) -> bool:
    try:
        zone(name)
    except KeyError:
        return False
    return True


def system_zone_name() -> str | None:
    """This computer's zone as an IANA name (Windows names are translated), or None when it
    cannot be told (then ask the person)."""
    import tzlocal  # here: only the CLI's default and the UI's first guess need it

    try:
        name = tzlocal.get_localzone_name()
    except (ValueError, LookupError, OSError):  # ZoneInfoNotFoundError is a LookupError
        return None
    return name if name and is_zone(name) else None
