"""The help calendar as an iCalendar file (RFC 5545) for the calendar people already use.

One VEVENT per slot: DTSTART and DTEND in the slot's own zone (``TZID=Europe/London``, with a
VTIMEZONE built from the zone database, so the file does not depend on the importing app's
zone names), a VALARM before it, and a UID that stays the same for the same request, so that
importing the file again updates the events: a request cancelled since (or, in "what I
promised", an offer withdrawn since) comes back as ``STATUS:CANCELLED`` with a higher
SEQUENCE, which calendar apps take to remove or strike it out.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime, timedelta

from icalendar import Alarm, Calendar, Event

from carecompanion import __version__
from carecompanion.circle.help import HelpRequest

PRODID = f"-//CareCompanion//CareCompanion {__version__} help calendar//EN"
#: The VTIMEZONEs list each zone's changes from a year before the first slot to this many
#: years after the last (icalendar's default is 1970-2038).
VTIMEZONE_YEARS = 2


def exported(requests: Sequence[HelpRequest], me: str | None) -> list[tuple[HelpRequest, bool]]:
    """The slots to export and whether each still stands: every slot someone was confirmed
    for, or with ``me``, every slot ``me`` was confirmed for (what I promised). A slot that
    stood once and no longer does (cancelled; my offer withdrawn) is kept, not standing, so a
    calendar that imported it before learns it is off."""
    chosen: list[tuple[HelpRequest, bool]] = []
    for request in requests:
        promised = [o for o in request.offers if o.was_confirmed and (me is None or o.by == me)]
        if not promised:
            continue
        if me is None:
            stands = request.state != "cancelled" and bool(request.covered_by)
        else:
            stands = request.state != "cancelled" and me in request.covered_by
        chosen.append((request, stands))
    return chosen


def _event(
    request: HelpRequest,
    stands: bool,
    name: Callable[[str], str],
    stamp: datetime,
    alarm_minutes: int,
) -> Event:
    event = Event()
    event.add("uid", f"{request.id}@help.carecompanion")
    event.add("dtstamp", stamp)
    event.add("sequence", request.version + (0 if stands else 1))
    event.add("summary", request.what)
    event.add("dtstart", request.start)
    event.add("dtend", request.end)
    event.add("status", "CONFIRMED" if stands else "CANCELLED")
    if request.where:
        event.add("location", request.where)
    lines = [request.note] if request.note else []
    lines.append(f"Asked by {name(request.by)}")
    if request.covered_by:
        lines.append("Covered by " + ", ".join(name(fp) for fp in request.covered_by))
    event.add("description", "\n".join(lines))
    if alarm_minutes > 0 and stands:
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", request.what)
        alarm.add("trigger", timedelta(minutes=-alarm_minutes))
        event.add_component(alarm)
    return event


def calendar_bytes(
    requests: Sequence[HelpRequest],
    name: Callable[[str], str],
    now: datetime,
    *,
    me: str | None = None,
    alarm_minutes: int = 60,
) -> bytes:
    """The confirmed slots (``me``: only what ``me`` promised) as one .ics file."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    stamp = now.astimezone(UTC).replace(microsecond=0)
    chosen = exported(requests, me)
    for request, stands in chosen:
        calendar.add_component(_event(request, stands, name, stamp, alarm_minutes))
    days = [request.start.date() for request, _stands in chosen] or [stamp.date()]
    # Clamped a year inside the calendar's ends: a slot may be dated up to 9998
    # (items._check_request), and icalendar steps up to 64 days past its range; beyond
    # date.max is an OverflowError.
    before, after = timedelta(days=366), timedelta(days=VTIMEZONE_YEARS * 366)
    edge = timedelta(days=366)
    calendar.add_missing_timezones(
        first_date=max(min(days), date.min + before + edge) - before,
        last_date=min(max(days), date.max - after - edge) + after,
    )
    return bytes(calendar.to_ical())
