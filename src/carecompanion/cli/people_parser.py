"""contacts ... and groups ...: the grammar only; the handlers are in ``contact_commands`` and
``group_commands``, which load the vault, vobject and icalendar only when a command runs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from carecompanion.cli.grammar import Commands, HandlersOf, command, command_group, json_option

if TYPE_CHECKING:
    from carecompanion.cli import contact_commands, group_commands
else:  # a command's module loads when it runs (grammar.HandlersOf)
    contact_commands = HandlersOf("carecompanion.cli.contact_commands")
    group_commands = HandlersOf("carecompanion.cli.group_commands")

#: The days ``groups add --weekly`` takes (group_commands reads them from here).
WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


def _register_contacts(commands: Commands) -> None:
    group = command_group(
        commands, "contacts", "the people you lean on", "Contacts: the people you lean on."
    )
    add = command(group, "add", contact_commands.cmd_add, "add a contact")
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
    json_option(add, "a line")
    json_option(command(group, "list", contact_commands.cmd_list, "list contacts by name"))
    json_option(
        command(
            group,
            "due",
            contact_commands.cmd_due,
            "list who is due a check-in, most overdue first",
        )
    )
    log = command(
        group,
        "log",
        contact_commands.cmd_log,
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
    json_option(log, "a line")
    importing = command(
        group,
        "import-vcard",
        contact_commands.cmd_import_vcard,
        "add contacts from a vCard (.vcf) file; people already here are skipped",
    )
    importing.add_argument("file", metavar="F", help="the .vcf file (vCard 2.1, 3.0 or 4.0)")
    importing.add_argument(
        "--dry-run", action="store_true", help="read the whole file and say what would be imported"
    )
    export = command(
        group,
        "export-vcard",
        contact_commands.cmd_export_vcard,
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
    group = command_group(
        commands,
        "groups",
        "support groups and their meetings",
        "Support groups and their meetings.",
    )
    add = command(group, "add", group_commands.cmd_add, "add a group that meets weekly")
    add.add_argument("--name", required=True, metavar="N", help="the group's name")
    add.add_argument(
        "--weekly",
        required=True,
        metavar="DAY",
        help=f"the day it meets: {', '.join(WEEKDAYS)}",
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
    json_option(add, "a line")
    json_option(
        command(group, "list", group_commands.cmd_list, "list groups with their next meeting")
    )
    export = command(
        group,
        "export-ics",
        group_commands.cmd_export_ics,
        "write every meeting to an iCalendar (.ics) file for a calendar app",
    )
    export.add_argument(
        "--out", required=True, metavar="F", help="the file to write (never replaced)"
    )


def register(commands: Commands) -> None:
    """Add ``carecompanion contacts ...`` and ``carecompanion groups ...``."""
    _register_contacts(commands)
    _register_groups(commands)
