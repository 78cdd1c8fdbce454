"""circle ask, help, offer, withdraw-offer, confirm, cancel-request, edit-request, export-ics:
the help calendar's grammar (the handlers are in ``help_commands``, loaded when one runs)."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from carecompanion.cli.grammar import Commands, HandlersOf, command, json_option

if TYPE_CHECKING:
    from carecompanion.cli import help_commands
else:  # a command's module loads when it runs (grammar.HandlersOf)
    help_commands = HandlersOf("carecompanion.cli.help_commands")

WHEN_HELP = (
    "a date and time like 2026-03-05T14:00, a wall-clock time in --tz (an offset such as "
    "+01:00 is converted to it)"
)


def _file(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="F", help="the circle file (NAME.carecircle)")


def _details(parser: argparse.ArgumentParser, required: bool) -> None:
    """What a request says: the fields of ``ask`` and ``edit-request``."""
    parser.add_argument(
        "--what", required=required, metavar="TEXT", help="what help is needed, in a few words"
    )
    parser.add_argument(
        "--at", required=required, metavar="ISO", help="when it starts: " + WHEN_HELP
    )
    parser.add_argument(
        "--until",
        required=required,
        metavar="ISO",
        help="when it ends: "
        + WHEN_HELP
        + ", or just a time like 17:00 (that day; the next morning when it is earlier)",
    )
    parser.add_argument(
        "--tz",
        metavar="IANA",
        help="the time zone of the times, like Europe/London (default: this computer's)",
    )
    parser.add_argument(
        "--people", type=int, metavar="N", help="how many people are needed (default 1)"
    )
    parser.add_argument("--where", metavar="TEXT", help="where (optional)")
    parser.add_argument("--note", metavar="TEXT", help="anything the helper should know")


def register(cs: Commands) -> None:
    ask = command(
        cs,
        "ask",
        help_commands.cmd_ask,
        "ask the circle for help at a time (one date, or a weekly series); prints each "
        "request's id, start and end",
    )
    _file(ask)
    _details(ask, required=True)
    ask.add_argument(
        "--weekly",
        metavar="MO..SU",
        help="a series on these weekdays, comma-separated (MO,TU,WE,TH,FR,SA,SU), from the "
        "day of --at, at the same local time across clock changes; needs --count",
    )
    ask.add_argument("--count", type=int, metavar="N", help="how many dates the series has")
    json_option(ask)

    board = command(
        cs,
        "help",
        help_commands.cmd_help,
        "the circle's requests for help as this journal last synced them, soonest first: id, "
        "start, end, what, people needed, who covers it",
    )
    _file(board)
    board.add_argument(
        "--all",
        action="store_true",
        help="also past and cancelled requests (the lines then end with the state: open, "
        "covered, cancelled or closed)",
    )
    json_option(board)

    offer = command(cs, "offer", help_commands.cmd_offer, "offer to cover a request for help")
    _file(offer)
    offer.add_argument(
        "--request",
        required=True,
        metavar="ID",
        help="the request's id, as 'circle help' prints it",
    )
    offer.add_argument("--note", metavar="TEXT", help="a word for the person who asked")

    withdraw = command(
        cs,
        "withdraw-offer",
        help_commands.cmd_withdraw_offer,
        "withdraw your offer (after it was confirmed too: the slot opens again)",
    )
    _file(withdraw)
    withdraw.add_argument("--offer", required=True, metavar="ID", help="your offer's id")
    withdraw.add_argument("--reason", metavar="TEXT", help="why, for the person who asked")

    confirm = command(
        cs,
        "confirm",
        help_commands.cmd_confirm,
        "confirm an offer on your request (as many as it needs); the others are released",
    )
    _file(confirm)
    confirm.add_argument(
        "--offer",
        required=True,
        metavar="ID",
        help="the offer's id, as 'circle help --json' prints it",
    )
    confirm.add_argument("--note", metavar="TEXT", help="a word for the helper")

    cancel = command(
        cs,
        "cancel-request",
        help_commands.cmd_cancel_request,
        "cancel your request: whoever offered is told at their next sync",
    )
    _file(cancel)
    cancel.add_argument("--request", required=True, metavar="ID", help="the request's id")
    cancel.add_argument("--reason", metavar="TEXT", help="why (optional)")

    edit = command(
        cs,
        "edit-request",
        help_commands.cmd_edit_request,
        "change your request (what is not given stays as it was)",
    )
    _file(edit)
    edit.add_argument("--request", required=True, metavar="ID", help="the request's id")
    _details(edit, required=False)

    export = command(
        cs,
        "export-ics",
        help_commands.cmd_export_ics,
        "write the circle's confirmed slots (with --mine: what you promised) as an iCalendar "
        "file for your calendar app, each in its own time zone, with a reminder",
    )
    _file(export)
    export.add_argument("--out", required=True, metavar="FILE", help="the .ics file to write")
    export.add_argument("--mine", action="store_true", help="only what you promised to do")
    export.add_argument(
        "--alarm",
        type=int,
        default=60,
        metavar="MINUTES",
        help="the reminder, this many minutes before (default 60; 0: none)",
    )
