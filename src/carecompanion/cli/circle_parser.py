"""identity ... and circle ...: the grammar only (the parser is built at every start, so
nothing heavy is imported here; the handlers are in ``circle_commands``)."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from typing import TypeAlias

    Commands: TypeAlias = argparse._SubParsersAction[argparse.ArgumentParser]

PASSPHRASE_HELP = (
    "the circle passphrase comes from CARECOMPANION_CIRCLE_PASSPHRASE, "  # noqa: S105
    "else it is asked for"
)


def _command(group: Commands, name: str, handler: str, help_text: str) -> argparse.ArgumentParser:
    parser = group.add_parser(name, help=help_text, description=help_text)
    parser.set_defaults(handler=f"circle_commands:{handler}")
    return parser


def _json(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print JSON instead of lines")


def _file(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="F", help="the circle file (NAME.carecircle)")


def register(commands: Commands) -> None:
    identity = commands.add_parser(
        "identity",
        help="your member identity for caregiver circles",
        description="Your member identity: the keys your circles know you by.",
    )
    ids = identity.add_subparsers(title="commands", metavar="COMMAND")
    ids.required = True
    _json(
        _command(ids, "show", "cmd_identity_show", "show your name, fingerprint and safety number")
    )
    name = _command(ids, "set-name", "cmd_identity_set_name", "set the name your circles see")
    name.add_argument("name", metavar="NAME")
    card = _command(
        ids,
        "export-card",
        "cmd_identity_export_card",
        "write your member card (public: no secret in it) for a circle organiser",
    )
    card.add_argument("--out", required=True, metavar="F", help="the card file to write")
    age = _command(
        ids,
        "export-age-identity",
        "cmd_identity_export_age",
        "write your secret age key, so the standard 'age' tool can open your "
        "circles (keep it as safe as your journal)",
    )
    age.add_argument("--out", required=True, metavar="F", help="the key file to write")

    circle = commands.add_parser(
        "circle",
        help="caregiver circles: share chosen entries through an encrypted file",
        description="Caregiver circles: share chosen entries with a small peer group "
        "through one end-to-end encrypted file.",
    )
    cs = circle.add_subparsers(title="commands", metavar="COMMAND")
    cs.required = True
    create = _command(cs, "create", "cmd_create", "start a new circle in a new file")
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
    _json(create)
    add = _command(cs, "add-member", "cmd_add_member", "add a member from their card")
    _file(add)
    add.add_argument("--card", required=True, metavar="C", help="their member card file")
    add.add_argument(
        "--role",
        default="member",
        choices=("admin", "member", "reader"),
        help="admin (changes members), member (reads and writes, the default) "
        "or reader (reads only)",
    )
    remove = _command(
        cs,
        "remove-member",
        "cmd_remove_member",
        "remove a member: the next version is not encrypted to them (they keep "
        "what they could already read)",
    )
    _file(remove)
    remove.add_argument(
        "--member",
        required=True,
        metavar="FINGERPRINT",
        help="their fingerprint, as 'circle show' prints it",
    )
    join = _command(
        cs,
        "join",
        "cmd_join",
        "add a circle file to your journal; " + PASSPHRASE_HELP + " when it has one",
    )
    _file(join)
    _json(join)
    share = _command(
        cs, "share", "cmd_share", "share a journal entry (or its new version) with the circle"
    )
    _file(share)
    share.add_argument("--entry", required=True, metavar="ID", help="the entry's id")
    share.add_argument(
        "--dry-run",
        action="store_true",
        help="print exactly what would be shared, and share nothing",
    )
    withdraw = _command(
        cs, "withdraw", "cmd_withdraw", "withdraw a shared entry: it disappears for everyone"
    )
    _file(withdraw)
    withdraw.add_argument("--entry", required=True, metavar="ID", help="the entry's id")
    comment = _command(cs, "comment", "cmd_comment", "comment on a shared entry")
    _file(comment)
    comment.add_argument(
        "--record",
        required=True,
        metavar="ID",
        help="the shared entry's record id, as 'circle show' prints it",
    )
    comment.add_argument("--text", required=True, metavar="S", help="your comment")
    react = _command(cs, "react", "cmd_react", "react to a shared entry")
    _file(react)
    react.add_argument("--record", required=True, metavar="ID")
    react.add_argument(
        "--reaction",
        required=True,
        choices=("heart", "thinking_of_you", "hug", "strength", "thanks"),
    )
    sync = _command(
        cs, "sync", "cmd_sync", "merge the circle file with your copy and write it back"
    )
    _file(sync)
    _json(sync)
    show = _command(
        cs, "show", "cmd_show", "the roster, then the records with author and a verified mark"
    )
    _file(show)
    _json(show)
    verify = _command(
        cs,
        "verify",
        "cmd_verify",
        "check every signature and the roster (exit 0 only if all check out); changes nothing",
    )
    _file(verify)
    _json(verify)
