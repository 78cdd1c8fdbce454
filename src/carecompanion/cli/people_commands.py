"""contacts ... and groups ...: the grammar (``register``) and what the handlers share.

``register`` runs every time the app starts (the parser is built before the GUI), so nothing
heavy is imported here: the vault, SQLAlchemy, vobject and icalendar load in the handlers
(``contact_commands``, ``group_commands``).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from carecompanion.cli.io import CliError

if TYPE_CHECKING:
    from typing import TypeAlias

    Commands: TypeAlias = argparse._SubParsersAction[argparse.ArgumentParser]

WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


def _command(group: Commands, name: str, handler: str, help_text: str) -> argparse.ArgumentParser:
    parser = group.add_parser(name, help=help_text, description=help_text)
    parser.set_defaults(handler=handler)
    return parser


def _json(parser: argparse.ArgumentParser, what: str = "lines") -> None:
    parser.add_argument("--json", action="store_true", help=f"print JSON instead of {what}")


def _register_contacts(commands: Commands) -> None:
    contacts = commands.add_parser(
        "contacts", help="the people you lean on", description="Contacts: the people you lean on."
    )
    group = contacts.add_subparsers(title="commands", metavar="COMMAND")
    group.required = True
    add = _command(group, "add", "contact_commands:cmd_add", "add a contact")
    add.add_argument("--name", required=True, metavar="N", help="their name")
    add.add_argument(
        "--role",
        metavar="R",
        help="how they relate: peer, facilitator, friend, family, professional, "
        "crisis-line, other; or a professional's role such as 'nurse' or "
        "'professional:dementia adviser'",
    )
    add.add_argument(
        "--phone", action="append", default=[], metavar="P", help="a phone number (repeatable)"
    )
    add.add_argument(
        "--email", action="append", default=[], metavar="E", help="an e-mail address (repeatable)"
    )
    add.add_argument("--every", metavar="DAYS", help="remind me to check in every DAYS days")
    add.add_argument(
        "--emergency", action="store_true", help="show them first under 'Need help now'"
    )
    _json(add, "a line")
    _json(_command(group, "list", "contact_commands:cmd_list", "list contacts by name"))
    _json(
        _command(
            group,
            "due",
            "contact_commands:cmd_due",
            "list who is due a check-in, most overdue first",
        )
    )
    log = _command(
        group,
        "log",
        "contact_commands:cmd_log",
        "log a call, message or visit (resets the check-in reminder)",
    )
    log.add_argument(
        "contact_id", metavar="ID", help="the contact's id, as 'contacts list' prints it"
    )
    log.add_argument("--note", required=True, metavar="S", help="a short note")
    log.add_argument(
        "--kind",
        default="call",
        choices=["call", "message", "visit", "meeting"],
        help="what it was (default: call)",
    )
    log.add_argument(
        "--at",
        metavar="ISO-DATETIME",
        help="when, e.g. 2026-03-01T21:30 (local time unless an offset is given; default: now)",
    )
    _json(log, "a line")
    importing = _command(
        group,
        "import-vcard",
        "contact_commands:cmd_import_vcard",
        "add contacts from a vCard (.vcf) file; people already here are skipped",
    )
    importing.add_argument("file", metavar="F", help="the .vcf file (vCard 2.1, 3.0 or 4.0)")
    importing.add_argument(
        "--dry-run", action="store_true", help="read the whole file and say what would be imported"
    )
    export = _command(
        group,
        "export-vcard",
        "contact_commands:cmd_export_vcard",
        "write every contact to a vCard file (plaintext: keep it somewhere safe)",
    )
    export.add_argument(
        "--out", required=True, metavar="F", help="the file to write (never replaced)"
    )
    export.add_argument(
        "--vcard-version",
        default="3.0",
        choices=["3.0", "4.0"],
        help="3.0 (default: phones and Google Contacts) or 4.0",
    )


def _register_groups(commands: Commands) -> None:
    groups = commands.add_parser(
        "groups",
        help="support groups and their meetings",
        description="Support groups and their meetings.",
    )
    group = groups.add_subparsers(title="commands", metavar="COMMAND")
    group.required = True
    add = _command(group, "add", "group_commands:cmd_add", "add a group that meets weekly")
    add.add_argument("--name", required=True, metavar="N", help="the group's name")
    add.add_argument(
        "--weekly", required=True, metavar="DAY", help=f"the day it meets: {', '.join(WEEKDAYS)}"
    )
    add.add_argument("--at", required=True, metavar="HH:MM", help="the local start time")
    add.add_argument(
        "--tz",
        metavar="TZ",
        help="the IANA time zone, e.g. Europe/London (default: this computer's)",
    )
    add.add_argument(
        "--duration",
        default="60",
        metavar="MIN",
        help="how long a meeting lasts in minutes (default 60)",
    )
    add.add_argument(
        "--every-other-week",
        action="store_true",
        help="meet every second week instead of every week",
    )
    add.add_argument(
        "--kind",
        default="in_person",
        choices=["in_person", "video", "phone"],
        help="how it meets (default: in_person)",
    )
    add.add_argument(
        "--where", default="", metavar="W", help="the address, or the link for a video call"
    )
    _json(add, "a line")
    _json(_command(group, "list", "group_commands:cmd_list", "list groups with their next meeting"))
    export = _command(
        group,
        "export-ics",
        "group_commands:cmd_export_ics",
        "write every meeting to an iCalendar (.ics) file for a calendar app",
    )
    export.add_argument(
        "--out", required=True, metavar="F", help="the file to write (never replaced)"
    )


def register(commands: Commands) -> None:
    """Add ``carecompanion contacts ...`` and ``carecompanion groups ...``."""
    _register_contacts(commands)
    _register_groups(commands)


def new_file(value: str) -> Path:
    """Where an export goes: a new file in an existing folder (exports never replace)."""
    out = Path(value)
    if out.exists():
        raise CliError(f"{out} already exists; choose another name (nothing was written).")
    if not out.parent.is_dir():
        raise CliError(f"The folder {out.parent} does not exist (nothing was written).")
    return out


def write_new_file(out: Path, data: bytes) -> None:
    """Temp file, fsync, atomic rename: a crash never leaves half an export."""
    from carecompanion.atomic import atomic_write_bytes

    try:
        atomic_write_bytes(out, data)
    except OSError as exc:
        raise CliError(f"{out} could not be written: {exc.strerror or exc}.") from exc
