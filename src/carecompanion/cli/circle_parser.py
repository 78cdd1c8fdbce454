"""identity ... and circle ...: the grammar only; the handlers are in ``circle_commands``,
which loads the circles' services (age, signatures, the vault) only when a command runs."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from carecompanion.cli import help_parser
from carecompanion.cli.grammar import Commands, HandlersOf, command, command_group, json_option

if TYPE_CHECKING:
    from carecompanion.cli import circle_commands, circle_upkeep
else:  # a command's module loads when it runs (grammar.HandlersOf)
    circle_commands = HandlersOf("carecompanion.cli.circle_commands")
    circle_upkeep = HandlersOf("carecompanion.cli.circle_upkeep")

PASSPHRASE_HELP = (
    "the circle passphrase comes from CARECOMPANION_CIRCLE_PASSPHRASE, "  # noqa: S105
    "else it is asked for"
)


def _file(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="F", help="the circle file (NAME.carecircle)")


def register(commands: Commands) -> None:
    ids = command_group(
        commands,
        "identity",
        "your member identity for caregiver circles",
        "Your member identity: the keys your circles know you by.",
    )
    json_option(
        command(
            ids,
            "show",
            circle_commands.cmd_identity_show,
            "show your name, fingerprint and safety number",
        )
    )
    name = command(
        ids, "set-name", circle_commands.cmd_identity_set_name, "set the name your circles see"
    )
    name.add_argument("name", metavar="NAME")
    card = command(
        ids,
        "export-card",
        circle_commands.cmd_identity_export_card,
        "write your member card (public: no secret in it) for a circle organiser",
    )
    card.add_argument("--out", required=True, metavar="F", help="the card file to write")
    age = command(
        ids,
        "export-age-identity",
        circle_commands.cmd_identity_export_age,
        "write your secret age key, so the standard 'age' tool can open your "
        "circles (keep it as safe as your journal)",
    )
    age.add_argument("--out", required=True, metavar="F", help="the key file to write")

    cs = command_group(
        commands,
        "circle",
        "caregiver circles: share chosen entries through an encrypted file",
        "Caregiver circles: share chosen entries with a small peer group "
        "through one end-to-end encrypted file.",
    )
    create = command(cs, "create", circle_commands.cmd_create, "start a new circle in a new file")
    create.add_argument("--name", required=True, metavar="N", help="the circle's name")
    create.add_argument(
        "--file",
        required=True,
        metavar="F",
        help="the circle file to create (e.g. in a shared folder)",
    )
    create.add_argument(
        "--passphrase-circle",
        action="store_true",
        help="protect it with a circle passphrase instead of members' keys "
        "(anyone with the passphrase can read and join); " + PASSPHRASE_HELP,
    )
    json_option(create)
    add = command(cs, "add-member", circle_commands.cmd_add_member, "add a member from their card")
    _file(add)
    add.add_argument("--card", required=True, metavar="C", help="their member card file")
    add.add_argument(
        "--role",
        default="member",
        choices=("admin", "member", "helper", "reader"),
        help="admin (changes members), member (reads and writes, the default), helper "
        "(reads everything and offers help when someone asks; posts nothing) or reader "
        "(reads only)",
    )
    remove = command(
        cs,
        "remove-member",
        circle_commands.cmd_remove_member,
        "remove a member: nothing they write counts any more, and in a keys circle nothing "
        "written from now on is encrypted to them (they keep what they could already read); "
        "in a passphrase circle they still know the passphrase until you change it",
    )
    _file(remove)
    remove.add_argument(
        "--member",
        required=True,
        metavar="FINGERPRINT",
        help="their fingerprint, as 'circle show' prints it",
    )
    join = command(
        cs,
        "join",
        circle_commands.cmd_join,
        "add a circle file to your journal; " + PASSPHRASE_HELP + " when it has one",
    )
    _file(join)
    json_option(join)
    share = command(
        cs,
        "share",
        circle_commands.cmd_share,
        "share a journal entry (or its new version) with the circle",
    )
    _file(share)
    share.add_argument("--entry", required=True, metavar="ID", help="the entry's id")
    share.add_argument(
        "--redact",
        action="append",
        metavar="WORD[=REPLACEMENT]",
        help="replace this word (a name, a clinic) in what is shared, by its initials or by "
        "REPLACEMENT; it joins the redaction list used for every circle (repeatable)",
    )
    share.add_argument(
        "--dry-run",
        action="store_true",
        help="print exactly what would be shared, and share nothing",
    )
    withdraw = command(
        cs,
        "withdraw",
        circle_commands.cmd_withdraw,
        "withdraw a shared entry: it disappears for everyone",
    )
    _file(withdraw)
    withdraw.add_argument("--entry", required=True, metavar="ID", help="the entry's id")
    comment = command(cs, "comment", circle_commands.cmd_comment, "comment on a shared entry")
    _file(comment)
    comment.add_argument(
        "--record",
        required=True,
        metavar="ID",
        help="the shared entry's record id, as 'circle show' prints it",
    )
    comment.add_argument("--text", required=True, metavar="S", help="your comment")
    react = command(cs, "react", circle_commands.cmd_react, "react to a shared entry")
    _file(react)
    react.add_argument("--record", required=True, metavar="ID")
    react.add_argument(
        "--reaction",
        required=True,
        choices=("heart", "thinking_of_you", "hug", "strength", "thanks"),
    )
    sync = command(
        cs,
        "sync",
        circle_commands.cmd_sync,
        "merge the circle file with your copy and write it back",
    )
    _file(sync)
    json_option(sync)
    show = command(
        cs,
        "show",
        circle_commands.cmd_show,
        "the roster, then the records with author and a verified mark",
    )
    _file(show)
    json_option(show)
    repair = command(
        cs,
        "repair",
        circle_upkeep.cmd_repair,
        "write a fresh circle file from what this journal has checked, when the file is "
        "damaged, too large or refused (the organiser: also a file they cannot open)",
    )
    _file(repair)
    passphrase = command(
        cs,
        "passphrase",
        circle_upkeep.cmd_passphrase,
        "change a passphrase circle's passphrase (the organiser; the new one comes from "
        "CARECOMPANION_NEW_CIRCLE_PASSPHRASE, else it is asked for twice)",
    )
    _file(passphrase)
    passphrase.add_argument(
        "--given",
        action="store_true",
        help="the organiser changed it: enter the new passphrase they gave you; " + PASSPHRASE_HELP,
    )
    redactions = command(
        cs,
        "redactions",
        circle_upkeep.cmd_redactions,
        "the words replaced in everything you share, in every circle",
    )
    redactions.add_argument(
        "--add", action="append", metavar="WORD[=REPLACEMENT]", help="add a word (repeatable)"
    )
    redactions.add_argument(
        "--remove", action="append", metavar="WORD", help="take a word out (repeatable)"
    )
    json_option(redactions)
    verify = command(
        cs,
        "verify",
        circle_commands.cmd_verify,
        "check every signature and the roster (exit 0 only if all check out); changes nothing",
    )
    _file(verify)
    json_option(verify)
    help_parser.register(cs)  # the help calendar: ask, help, offer, confirm...
