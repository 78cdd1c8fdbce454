"""groups add, list and export-ics."""

from __future__ import annotations

import argparse
import re
from contextlib import AbstractContextManager
from datetime import datetime, time, timedelta
from typing import TYPE_CHECKING, Any

from carecompanion.cli.io import (
    CliError,
    clock,
    new_file,
    print_object,
    print_rows,
    write_new_file,
)
from carecompanion.cli.people_parser import WEEKDAYS
from carecompanion.cli.vault_commands import vault_session
from carecompanion.people.meetings import Group, GroupDraft, Occurrence, Schedule
from carecompanion.people.text import by_name

if TYPE_CHECKING:
    from carecompanion.people.reads import GroupReads

_CLOCK = re.compile(r"([01]?\d|2[0-3]):([0-5]\d)")


def parse_weekday(value: str) -> int:
    day = value.strip().upper()
    if day not in WEEKDAYS:
        raise CliError(f"--weekly needs a day as {', '.join(WEEKDAYS)}, not {value!r}.")
    return WEEKDAYS.index(day)


def parse_clock(value: str) -> time:
    match = _CLOCK.fullmatch(value.strip())
    if match is None:
        raise CliError(f"--at needs a time like 19:00, not {value!r}.")
    return time(int(match[1]), int(match[2]))


def parse_minutes(value: str) -> int:
    if not value.strip().isdigit() or not 1 <= int(value) <= 24 * 60:
        raise CliError(f"--duration needs minutes from 1 to 1440, not {value!r}.")
    return int(value)


def zone_name(value: str | None) -> str:
    from carecompanion.people.zones import is_zone, system_zone_name

    if value is None:
        name = system_zone_name()
        if name is None:
            raise CliError(
                "This computer's time zone could not be told; pass --tz like Europe/London."
            )
        return name
    if not is_zone(value.strip()):
        raise CliError(
            f"--tz needs a time zone name like Europe/London or America/New_York, not {value!r}."
        )
    return value.strip()


def group_reads_of(args: argparse.Namespace) -> AbstractContextManager[GroupReads]:
    """The group read queries for one command: through the unlocked session's quick path
    when it can (cli/quick_read.py: no SQLAlchemy), else after the full unlock."""
    from carecompanion.cli.quick_read import session_reads
    from carecompanion.people.reads import GroupReads

    return session_reads(args, GroupReads, lambda session: session.groups.reading())


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat(timespec="minutes") if moment else None


def group_row(group: Group, next_meeting: Occurrence | None) -> dict[str, Any]:
    """One group as 'groups list' prints it: id first; the next meeting in the group's own
    zone, with its UTC offset."""
    return {
        "id": group.id,
        "name": group.name,
        "kind": group.kind,
        "schedule": group.schedule.describe() if group.schedule else None,
        "next_meeting": _iso(next_meeting.start if next_meeting else None),
        "location": group.location,
    }


def _next_meetings(upcoming: list[Occurrence]) -> dict[int, Occurrence]:
    found: dict[int, Occurrence] = {}
    for occurrence in upcoming:
        found.setdefault(occurrence.group_id, occurrence)
    return found


def cmd_add(args: argparse.Namespace) -> int:
    weekday, start = parse_weekday(args.weekly), parse_clock(args.at)
    duration, tz = parse_minutes(args.duration), zone_name(args.tz)
    with vault_session(args) as session:
        from carecompanion.people.zones import zone

        today = session.clock.now().astimezone(zone(tz)).date()
        first = today + timedelta(days=(weekday - today.weekday()) % 7)
        schedule = Schedule.weekly(
            first, start, tz, duration, every_weeks=2 if args.every_other_week else 1
        )
        group = session.groups.add(
            GroupDraft(name=args.name, kind=args.kind, location=args.where, schedule=schedule)
        )
        upcoming = session.groups.occurrences(
            session.clock.now(), session.clock.now() + timedelta(days=15), group_id=group.id
        )
    row = group_row(group, upcoming[0] if upcoming else None)
    if args.json:
        print_object(row)
    else:
        print_rows([row], as_json=False)
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    from carecompanion.people.agenda import upcoming as upcoming_of

    with group_reads_of(args) as reads:
        groups = by_name(reads.groups())  # as ``GroupService.list``
    # As ``GroupService.upcoming``.
    upcoming = upcoming_of(groups, clock().now(), limit=10_000)
    following = _next_meetings(upcoming)
    print_rows((group_row(g, following.get(g.id)) for g in groups), as_json=args.json)
    return 0


def cmd_export_ics(args: argparse.Namespace) -> int:
    out = new_file(args.out)
    with vault_session(args) as session:
        data = session.groups.export_ics()
        scheduled = sum(1 for group in session.groups.list() if group.schedule is not None)
    write_new_file(out, data)
    groups = "1 group" if scheduled == 1 else f"{scheduled} groups"
    print(f"Wrote the meetings of {groups} to {out}. It is not encrypted: keep it somewhere safe.")
    return 0
