"""mood add, list, export, report, import: the grammar (``register``) and the handlers.

``register`` runs every time the app starts (the parser is built before the GUI), so this
module imports nothing heavy at the top: the vault, SQLAlchemy and the mood services load
inside the handlers.
"""

from __future__ import annotations

import argparse
import importlib
import re
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from carecompanion.cli.io import CliError, clock, parse_day, print_object, print_rows
from carecompanion.cli.vault_commands import vault_session
from carecompanion.mood.records import CheckIn, CheckInDraft

if TYPE_CHECKING:
    pass

REPORT_MODULE = "carecompanion.ui.mood_report"


# -- grammar -------------------------------------------------------------------------------------
def _command(
    group: argparse._SubParsersAction[argparse.ArgumentParser],
    name: str,
    handler: str,
    help_text: str,
) -> argparse.ArgumentParser:
    parser = group.add_parser(name, help=help_text, description=help_text)
    parser.set_defaults(handler=f"mood_commands:{handler}")
    return parser


def _period(parser: argparse.ArgumentParser, what: str) -> None:
    # Dates stay strings here: a bad one is reported as one line with exit code 1.
    parser.add_argument("--since", metavar="D", help=f"only {what} on or after day D (YYYY-MM-DD)")
    parser.add_argument("--until", metavar="D", help=f"only {what} on or before day D (YYYY-MM-DD)")


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``carecompanion mood ...`` to the top-level command group."""
    mood = commands.add_parser(
        "mood", help="mood check-ins", description="Mood and well-being check-ins."
    )
    group = mood.add_subparsers(title="commands", metavar="COMMAND")
    group.required = True

    add = _command(group, "add", "cmd_add", "add a check-in (several a day are fine)")
    add.add_argument(
        "--mood", required=True, metavar="N", help="1 awful, 2 bad, 3 okay, 4 good, 5 great"
    )
    add.add_argument("--stress", metavar="N", help="0 (none) to 10 (the most)")
    add.add_argument("--sleep", metavar="H", help="hours slept, e.g. 6.5")
    add.add_argument("--energy", metavar="N", help="0 (exhausted) to 10 (full of energy)")
    add.add_argument("--care-hours", metavar="H", help="hours of care given today")
    add.add_argument(
        "--activity",
        action="append",
        default=[],
        metavar="A",
        help="a self-care activity done (repeatable); new ones join your list",
    )
    add.add_argument(
        "--emotion", action="append", default=[], metavar="E", help="an emotion felt (repeatable)"
    )
    add.add_argument("--note", default="", metavar="S", help="a short note")
    add.add_argument(
        "--at",
        metavar="ISO-DATETIME",
        help="when, e.g. 2026-03-01T21:30 (local time unless an offset is given; default: now)",
    )
    add.add_argument("--json", action="store_true", help="print JSON instead of a line")

    listing = _command(group, "list", "cmd_list", "list check-ins, oldest first")
    _period(listing, "check-ins")
    listing.add_argument("--json", action="store_true", help="print JSON instead of lines")

    export = _command(
        group,
        "export",
        "cmd_export",
        "write every check-in to a CSV file (plaintext: keep it somewhere safe)",
    )
    export.add_argument("--format", required=True, choices=["csv"], help="what to write")
    export.add_argument(
        "--out", required=True, metavar="F", help="the file to write (never replaced)"
    )
    _period(export, "check-ins")

    report = _command(
        group, "report", "cmd_report", "write a PDF mood report for an appointment (plaintext)"
    )
    report.add_argument("--out", required=True, metavar="F.pdf", help="the PDF to write")
    _period(report, "check-ins")

    importing = _command(
        group,
        "import",
        "cmd_import",
        "add check-ins from another app's export; ones already here are skipped",
    )
    importing.add_argument(
        "--from", dest="source", required=True, choices=["daylio"], help="the app that wrote F"
    )
    importing.add_argument("file", metavar="F", help="the export file (Daylio: its CSV)")
    importing.add_argument(
        "--mood-map",
        action="append",
        default=[],
        metavar="NAME=N",
        help="the level (1-5) of a mood name that is not one of Daylio's defaults (repeatable)",
    )
    importing.add_argument(
        "--dry-run", action="store_true", help="read the whole file and say what would be imported"
    )


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


def _moment(value: str | None) -> datetime | None:
    """An ISO date and time; without an offset it is this computer's local time."""
    if value is None:
        return None
    try:
        moment = datetime.fromisoformat(value.strip())
    except ValueError:
        raise CliError(
            f"--at needs a date and time like 2026-03-01T21:30, not {value!r}."
        ) from None
    return moment if moment.tzinfo is not None else moment.astimezone()


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


def _new_file(value: str) -> Path:
    out = Path(value)
    if out.exists():
        raise CliError(f"{out} already exists; choose another name (nothing was written).")
    if not out.parent.is_dir():
        raise CliError(f"The folder {out.parent} does not exist (nothing was written).")
    return out


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
        at=_moment(args.at),
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
    with vault_session(args) as session:
        checkins = session.mood.list(since, until)
    print_rows((checkin_row(c, as_json=args.json) for c in checkins), as_json=args.json)
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from carecompanion.mood.csv_export import write_csv

    since, until = _period_of(args)
    out = _new_file(args.out)
    with vault_session(args) as session:
        count = write_csv(out, session.mood.list(since, until))
    print(f"Wrote {count} check-ins to {out}. It is not encrypted: keep it somewhere safe.")
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    since, until = _period_of(args)
    out = _new_file(args.out)
    try:
        report = importlib.import_module(REPORT_MODULE)
    except ModuleNotFoundError as exc:
        if exc.name != REPORT_MODULE:
            raise CliError(
                f"The PDF report needs Qt, which could not be loaded ({exc.name})."
            ) from exc
        raise CliError(
            "PDF mood reports are not available in this version yet; "
            "'carecompanion mood export --format csv' writes your check-ins."
        ) from exc
    with vault_session(args) as session:
        report.write_mood_report(session, out, since, until)
    print(f"Wrote the mood report to {out}. It is not encrypted: keep it somewhere safe.")
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
