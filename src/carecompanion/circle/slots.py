"""When help is needed: wall-clock times in an IANA zone (docs/circle-format.md, "Times").

A request keeps its start and end as the person said them, ``2026-03-26T14:00`` in
``Europe/London``, not as UTC: "Thursday 14:00–17:00 at Mum's" is a wall-clock promise, and a
series (every Tuesday for six weeks) stays at 14:00 local across a clock change, while its
UTC moment moves by an hour. The moment is worked out when it is needed, from this computer's
zone database, the same way everywhere (RFC 5545 3.3.5, as ``people.recurrence`` does):

- a time the spring change skips (02:30 in New York on that Sunday) is read with the offset
  before the gap, so it lands at 03:30;
- a time the autumn change repeats is the first of the two.

A zone this computer does not know (an older zone database than the asker's) is read as UTC
and flagged (``zone_known``), never refused: the circle file stays readable.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta, tzinfo
from functools import lru_cache
from typing import Final

from carecompanion.people.zones import zone

#: RFC 5545's two-letter weekday codes, Monday first (``date.weekday()`` order).
WEEKDAYS: Final = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
_WALL_FORMAT = "%Y-%m-%dT%H:%M"


@lru_cache(maxsize=256)
def _known_zone(name: str) -> tzinfo | None:
    """Cached, misses too: a hostile member may date thousands of requests in a zone this
    computer does not know, and ZoneInfo searches the zone database again for each miss.
    Bounded: names are theirs to choose."""
    try:
        return zone(name)
    except KeyError:
        return None


def clear_zone_cache() -> None:
    _known_zone.cache_clear()


def zone_of(name: str) -> tzinfo:
    """The zone called ``name``, or UTC when this computer does not know it."""
    found = _known_zone(name)
    return found if found is not None else UTC


def zone_known(name: str) -> bool:
    return _known_zone(name) is not None


def moment(wall: str, zone_name: str) -> datetime:
    """The real moment of ``wall`` (``YYYY-MM-DDTHH:MM``) in ``zone_name``, as an aware
    datetime in that zone: a skipped time moves forward by the gap, a repeated one is the
    first."""
    where = zone_of(zone_name)
    naive = datetime.strptime(wall, _WALL_FORMAT)
    # fold=0 and a round trip through UTC: RFC 5545's reading of skipped and repeated times.
    return naive.replace(tzinfo=where, fold=0).astimezone(UTC).astimezone(where)


def wall(at: datetime, zone_name: str) -> str:
    """``at`` as a wall-clock time in ``zone_name``; a naive ``at`` is a wall time already."""
    if at.tzinfo is not None:
        at = at.astimezone(zone_of(zone_name))
    return at.strftime(_WALL_FORMAT)


def weekdays(codes: str) -> tuple[int, ...]:
    """``"MO,TH"`` as weekday numbers (Monday 0), sorted, each once; ValueError otherwise."""
    found = set()
    for code in codes.split(","):
        code = code.strip().upper()
        if code not in WEEKDAYS:
            raise ValueError(code)
        found.add(WEEKDAYS.index(code))
    return tuple(sorted(found))


def weekly(start: str, end: str, days: Sequence[int], count: int) -> list[tuple[str, str]]:
    """The first ``count`` slots of a weekly series: each day from ``start``'s date on whose
    weekday is in ``days``, at ``start``'s wall time, ending at ``end``'s wall time as many
    days later as ``end`` is after ``start`` (an overnight slot stays overnight). Wall times:
    across a clock change a 14:00 slot stays at 14:00 local."""
    if not days or count < 1:
        return []
    first = date.fromisoformat(start[:10])
    span = date.fromisoformat(end[:10]) - first
    slots: list[tuple[str, str]] = []
    day = first
    while len(slots) < count:
        if day.weekday() in days:
            slots.append((day.isoformat() + start[10:], (day + span).isoformat() + end[10:]))
        day += timedelta(days=1)
    return slots
