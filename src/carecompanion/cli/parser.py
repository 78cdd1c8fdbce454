"""The CLI's grammar. Handlers are named by dotted path so nothing heavy loads at parse time."""

from __future__ import annotations

import argparse

from carecompanion import __version__


def _add(
    subparsers: argparse._SubParsersAction[argparse.ArgumentParser],
    name: str,
    handler: str,
    help_text: str,
) -> argparse.ArgumentParser:
    parser = subparsers.add_parser(name, help=help_text, description=help_text)
    parser.set_defaults(handler=handler)
    return parser


def _add_json(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print JSON instead of lines")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="carecompanion",
        description=(
            "CareCompanion: a private, encrypted journal for family caregivers. "
            "Run without a command to open the app."
        ),
    )
    parser.set_defaults(handler=None)
    parser.add_argument("--version", action="version", version=f"CareCompanion {__version__}")
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help="where the vault lives (default: $CARECOMPANION_HOME, else your user data folder)",
    )
    parser.add_argument(
        "--demo", action="store_true", help="open the app on a throwaway vault with sample data"
    )
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="check that the app works on this computer (temporary vault, offscreen window)",
    )
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")

    init = _add(commands, "init", "vault_commands:cmd_init", "create a new vault")
    init.add_argument(
        "--kdf-memory-mib",
        type=int,
        default=256,
        metavar="MIB",
        help="memory for Argon2id in MiB (default 256, never below 64)",
    )
    _add_json(init)
    _add(
        commands,
        "unlock-check",
        "vault_commands:cmd_unlock_check",
        "check a passphrase (exit 0 if right)",
    )

    passphrase = commands.add_parser("passphrase", help="manage the passphrase")
    passphrase_commands = passphrase.add_subparsers(title="commands", metavar="COMMAND")
    passphrase_commands.required = True
    _add(
        passphrase_commands,
        "change",
        "vault_commands:cmd_passphrase_change",
        "change the passphrase",
    )

    _add(
        commands,
        "recover",
        "vault_commands:cmd_recover",
        "open the vault with the recovery key and set a new passphrase",
    )

    backup = _add(
        commands, "backup", "vault_commands:cmd_backup", "write a backup file of the vault"
    )
    backup.add_argument("--out", required=True, metavar="FILE", help="the backup file to write")
    restore = _add(
        commands,
        "restore",
        "vault_commands:cmd_restore",
        "replace the vault with a backup (the current one is kept aside); opens it with "
        "CARECOMPANION_PASSPHRASE, or CARECOMPANION_RECOVERY_KEY when only that is set",
    )
    restore.add_argument("file", metavar="FILE", help="a backup file made by 'backup'")

    journal = commands.add_parser("journal", help="journal entries")
    journal_commands = journal.add_subparsers(title="commands", metavar="COMMAND")
    journal_commands.required = True
    add = _add(journal_commands, "add", "journal_commands:cmd_add", "add an entry")
    add.add_argument("--title", required=True, help="the entry's title")
    text = add.add_mutually_exclusive_group(required=True)
    text.add_argument("--text", metavar="S", help="the entry's text (Markdown)")
    text.add_argument("--text-file", metavar="F", help="read the entry's text from a file")
    add.add_argument("--tag", action="append", default=[], metavar="X", help="a tag (repeatable)")
    _add_json(add)
    listing = _add(
        journal_commands, "list", "journal_commands:cmd_list", "list entries, newest first"
    )
    _add_json(listing)
    return parser
