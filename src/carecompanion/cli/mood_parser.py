"""mood add, list, export, report, import: the grammar only; the handlers are in
``mood_commands``, which loads the vault, and Qt for the report, only when a command runs."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from carecompanion.cli.grammar import Commands, HandlersOf, command, command_group

if TYPE_CHECKING:
    from carecompanion.cli import mood_commands
else:  # a command's module loads when it runs (grammar.HandlersOf)
    mood_commands = HandlersOf("carecompanion.cli.mood_commands")


def _period(parser: argparse.ArgumentParser, what: str) -> None:
    # Dates stay strings here: a bad one is reported as one line with exit code 1.
    parser.add_argument("--since", metavar="D", help=f"only {what} on or after day D (YYYY-MM-DD)")
    parser.add_argument("--until", metavar="D", help=f"only {what} on or before day D (YYYY-MM-DD)")


def register(commands: Commands) -> None:
    """Add ``carecompanion mood ...`` to the top-level command group."""
    group = command_group(commands, "mood", "mood check-ins", "Mood and well-being check-ins.")

    add = command(group, "add", mood_commands.cmd_add, "add a check-in (several a day are fine)")
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

    listing = command(group, "list", mood_commands.cmd_list, "list check-ins, oldest first")
    _period(listing, "check-ins")
    listing.add_argument("--json", action="store_true", help="print JSON instead of lines")

    export = command(
        group,
        "export",
        mood_commands.cmd_export,
        "write every check-in to a CSV file (plaintext: keep it somewhere safe)",
    )
    export.add_argument("--format", required=True, choices=["csv"], help="what to write")
    export.add_argument(
        "--out", required=True, metavar="F", help="the file to write (never replaced)"
    )
    _period(export, "check-ins")

    report = command(
        group,
        "report",
        mood_commands.cmd_report,
        "write a PDF mood report for an appointment (plaintext; by default the 90 days to "
        "today, or to the last check-in when all are older)",
    )
    report.add_argument("--out", required=True, metavar="F.pdf", help="the PDF to write")
    _period(report, "check-ins")

    importing = command(
        group,
        "import",
        mood_commands.cmd_import,
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
