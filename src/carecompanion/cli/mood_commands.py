"""mood add, list, export, report, import: the handlers (the grammar is in ``mood_parser``).

Imported at every start (the parser names these handlers), so nothing heavy is imported at
the top: the vault, SQLAlchemy and the mood services load when a command opens the vault,
Qt when ``mood report`` draws.
"""

from __future__ import annotations

import argparse
import re
from contextlib import AbstractContextManager
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from carecompanion.cli.io import (
    CliError,
    clock,
    new_file,
    parse_day,
    parse_moment,
    print_object,
    print_rows,
)
from carecompanion.cli.vault_commands import vault_session
from carecompanion.mood.records import CheckIn, CheckInDraft

if TYPE_CHECKING:
    from carecompanion.mood.reads import MoodReads


def mood_reads_of(args: argparse.Namespace) -> AbstractContextManager[MoodReads]:
    """The check-ins' read queries for one command: through the unlocked session's quick
    path when it can (cli/quick_read.py: no SQLAlchemy), else after the full unlock."""
    from carecompanion.cli.quick_read import session_reads
    from carecompanion.mood.reads import MoodReads

    return session_reads(args, MoodReads, lambda session: session.mood.reading())


# -- parsing helpers ----------------------------------------------------------------------------
def _whole(option: str, value: str | None) -> int | None:
    if value is None:
        return None
    if not re.fullmatch(r"-?\d+", value.strip()):
        raise CliError(f"{option} needs a whole number, not {value!r}.")
    return int(value)


def _hours(option: str, value: str | None) -> float | None:
    if value is None:
        return None
    try:
        hours = float(value.replace(",", "."))
    except ValueError:
        raise CliError(f"{option} needs a number of hours like 7.5, not {value!r}.") from None
    return hours


def _period_of(args: argparse.Namespace) -> tuple[date | None, date | None]:
    since, until = parse_day("--since", args.since), parse_day("--until", args.until)
    if since is not None and until is not None and since > until:
        raise CliError(f"--since ({since}) is after --until ({until}); nothing could match.")
    return since, until


def _mood_map(pairs: list[str]) -> dict[str, int]:
    result = {}
    for pair in pairs:
        name, sep, level = pair.rpartition("=")
        if not sep or not name.strip() or not re.fullmatch(r"[1-5]", level.strip()):
            raise CliError(
                f"--mood-map needs NAME=N with N from 1 to 5, like 'sleepy=3', not {pair!r}."
            )
        result[name.strip()] = int(level)
    return result


def checkin_row(checkin: CheckIn, as_json: bool) -> dict[str, Any]:
    """One check-in as ``mood list`` prints it: id first, local ISO time, then the fields."""

    def names(values: tuple[str, ...]) -> list[str] | str:
        # " | " as in the CSV export: names may hold commas but never "|".
        return list(values) if as_json else " | ".join(values)

    return {
        "id": checkin.id,
        "at": checkin.at.astimezone().isoformat(timespec="seconds"),
        "mood": checkin.mood,
        "stress": checkin.stress,
        "sleep_hours": checkin.sleep_hours,
        "energy": checkin.energy,
        "care_hours": checkin.care_hours,
        "activities": names(checkin.activities),
        "emotions": names(checkin.emotions),
        "note": checkin.note,
    }


def cmd_add(args: argparse.Namespace) -> int:
    mood = _whole("--mood", args.mood)
    assert mood is not None  # argparse requires --mood
    draft = CheckInDraft(
        mood=mood,
        stress=_whole("--stress", args.stress),
        sleep_hours=_hours("--sleep", args.sleep),
        energy=_whole("--energy", args.energy),
        care_hours=_hours("--care-hours", args.care_hours),
        activities=tuple(args.activity),
        emotions=tuple(args.emotion),
        note=args.note,
        at=parse_moment(args.at),
    )
    with vault_session(args) as session:
        checkin = session.mood.add(draft, source="cli")
    if args.json:
        print_object(checkin_row(checkin, as_json=True))
    else:
        print_rows([checkin_row(checkin, as_json=False)], as_json=False)
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    since, until = _period_of(args)
    with mood_reads_of(args) as reads:
        checkins = reads.between(since, until)  # as ``MoodService.list``
    print_rows((checkin_row(c, as_json=args.json) for c in checkins), as_json=args.json)
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from carecompanion.mood.csv_export import write_csv

    since, until = _period_of(args)
    out = new_file(args.out)
    with vault_session(args) as session:
        count = write_csv(out, session.mood.list(since, until))
    print(f"Wrote {count} check-ins to {out}. It is not encrypted: keep it somewhere safe.")
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    since, until = _period_of(args)
    out = new_file(args.out)
    # Qt: before the passphrase
    from carecompanion.render.mood_report import DEFAULT_DAYS, report_period, write_mood_report

    with vault_session(args) as session:
        today = session.mood.today()
        period = report_period([d.day for d in session.mood.days()], today, since, until)
        write_mood_report(session, out, period.first, period.last)
    if period.moved:  # say why the report is not of the last weeks, as one would expect
        print(
            f"There are no check-ins in the {DEFAULT_DAYS} days to {today}, so the report "
            f"covers the {DEFAULT_DAYS} days to the last one ({period.last})."
        )
    print(
        f"Wrote the mood report for {period.first} to {period.last} to {out}. "
        "It is not encrypted: keep it somewhere safe."
    )
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from carecompanion.mood.daylio import UnknownMoods, read_daylio

    mood_map = _mood_map(args.mood_map)
    path = Path(args.file)
    if not path.is_file():
        raise CliError(f"There is no file at {path}.")
    try:
        parsed = read_daylio(path, clock().now(), mood_map=mood_map)
    except UnknownMoods as exc:
        example = exc.moods[0]
        raise CliError(f"{exc} Add --mood-map '{example}=N' for each.") from exc
    with vault_session(args) as session:
        if args.dry_run:
            preview = session.mood.preview_import(parsed.drafts)
            span = f" from {preview.first_day} to {preview.last_day}" if preview.total else ""
            print(
                f"{path}: {preview.total} check-ins{span}; {preview.new} would be added, "
                f"{preview.duplicates} are already here. Nothing was written."
            )
            if preview.new_activities:
                print(f"New activities for your list: {', '.join(preview.new_activities)}.")
            return 0
        result = session.mood.import_drafts(parsed.drafts, source="daylio")
    print(f"Imported {result.added} check-ins from {path}; {result.duplicates} were already here.")
    return 0
