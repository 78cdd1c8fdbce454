"""The CLI's grammar: every command with its options and the function that runs it.

Built at every start, the app's too (``__main__``), so it stays quick: the command modules
it names import nothing slow at the top (cli/ruff.toml; tests/cli/test_cli_layers.py checks
what a start loads). Each domain's commands are declared in its own module: ``mood_parser``,
``people_parser``, ``circle_parser``.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from carecompanion import __version__
from carecompanion.cli import circle_parser, mood_parser, people_parser, session_parser
from carecompanion.cli.grammar import Commands, HandlersOf, command, command_group, json_option

if TYPE_CHECKING:
    from carecompanion.cli import exchange_commands, journal_commands, vault_commands
else:  # a command's module loads when it runs (grammar.HandlersOf)
    exchange_commands = HandlersOf("carecompanion.cli.exchange_commands")
    journal_commands = HandlersOf("carecompanion.cli.journal_commands")
    vault_commands = HandlersOf("carecompanion.cli.vault_commands")


#: How many entries ``journal list`` prints in a terminal unless told (all when piped).
LIST_LIMIT_IN_TERMINAL = 20


def _add_list_limit(parser: argparse.ArgumentParser) -> None:
    how_many = parser.add_mutually_exclusive_group()
    how_many.add_argument(
        "--limit",
        type=_positive,
        metavar="N",
        help=f"only the N newest (default: {LIST_LIMIT_IN_TERMINAL} in a terminal, "
        "all when the output goes to a file or another program)",
    )
    how_many.add_argument("--all", action="store_true", help="every entry, even in a terminal")


def _positive(value: str) -> int:
    if not value.strip().isdigit() or int(value) < 1:
        raise argparse.ArgumentTypeError(f"must be a whole number of at least 1, not {value!r}")
    return int(value)


def _add_entry_filters(parser: argparse.ArgumentParser) -> None:
    # Dates stay strings here: the command reports a bad one as one line with exit code 1.
    parser.add_argument("--tag", metavar="X", help="only entries with this tag")
    parser.add_argument("--since", metavar="D", help="only entries on or after day D (YYYY-MM-DD)")
    parser.add_argument("--until", metavar="D", help="only entries on or before day D (YYYY-MM-DD)")
    parser.add_argument("--favourites", action="store_true", help="only favourite entries")


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
        "--minimized",
        action="store_true",
        help="start in the system tray without opening the window (used at login)",
    )
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="check that the app works on this computer (temporary vault, offscreen window)",
    )
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")

    init = command(commands, "init", vault_commands.cmd_init, "create a new vault")
    init.add_argument(
        "--kdf-memory-mib",
        type=int,
        default=256,
        metavar="MIB",
        help="memory for Argon2id in MiB (default 256, never below 64)",
    )
    json_option(init)
    command(
        commands,
        "unlock-check",
        vault_commands.cmd_unlock_check,
        "check a passphrase (exit 0 if right)",
    )

    passphrase_commands = command_group(commands, "passphrase", "manage the passphrase")
    change = command(
        passphrase_commands,
        "change",
        vault_commands.cmd_passphrase_change,
        "change the passphrase",
    )
    change.add_argument(
        "--rotate-key",
        action="store_true",
        help="also give the journal a new key (re-encrypting it), a new recovery key (shown "
        "once) and fresh backups, so the old passphrase and recovery key open nothing here",
    )

    command(
        commands,
        "recover",
        vault_commands.cmd_recover,
        "open the vault with the recovery key and set a new passphrase",
    )

    backup = command(
        commands, "backup", vault_commands.cmd_backup, "write a backup file of the vault"
    )
    backup.add_argument("--out", required=True, metavar="FILE", help="the backup file to write")
    command(
        commands,
        "check",
        vault_commands.cmd_check,
        "verify every page of the journal (exit 0 if it is whole; done before every backup)",
    )
    restore = command(
        commands,
        "restore",
        vault_commands.cmd_restore,
        "replace the vault with a backup (the current one is kept aside); opens it with "
        "CARECOMPANION_PASSPHRASE, or CARECOMPANION_RECOVERY_KEY when only that is set",
    )
    restore.add_argument("file", metavar="FILE", help="a backup file made by 'backup'")
    _add_replaced_commands(commands)

    journal = command_group(commands, "journal", "journal entries")
    add = command(journal, "add", journal_commands.cmd_add, "add an entry")
    add.add_argument("--title", required=True, help="the entry's title")
    text = add.add_mutually_exclusive_group(required=True)
    text.add_argument("--text", metavar="S", help="the entry's text (Markdown)")
    text.add_argument("--text-file", metavar="F", help="read the entry's text from a file")
    add.add_argument("--tag", action="append", default=[], metavar="X", help="a tag (repeatable)")
    add.add_argument(
        "--at",
        metavar="ISO-DATETIME",
        help="when it happened, e.g. 2026-03-01T21:30 (local time unless an offset is given; "
        "default: now)",
    )
    add.add_argument("--favourite", action="store_true", help="mark the entry as a favourite")
    json_option(add)
    listing = command(journal, "list", journal_commands.cmd_list, "list entries, newest first")
    _add_entry_filters(listing)
    _add_list_limit(listing)
    json_option(listing)
    search = command(
        journal,
        "search",
        journal_commands.cmd_search,
        'find entries containing every word of QUERY ("quoted phrases" too), best first',
    )
    search.add_argument("query", metavar="QUERY", help="the words to look for")
    _add_entry_filters(search)
    json_option(search)
    show = command(journal, "show", journal_commands.cmd_show, "print one entry")
    show.add_argument("entry_id", metavar="ID", help="the entry's id, as 'journal list' shows it")
    json_option(show)
    _add_exchange_commands(journal)
    session_parser.register(commands)
    mood_parser.register(commands)
    people_parser.register(commands)
    circle_parser.register(commands)
    return parser


def _add_replaced_commands(commands: Commands) -> None:
    """replaced list and replaced put-back: the vaults restores moved aside, kept whole."""
    replaced = command_group(
        commands, "replaced", "the earlier journals that restores replaced (kept, never deleted)"
    )
    listing = command(
        replaced,
        "list",
        vault_commands.cmd_replaced_list,
        "list the earlier journals, most recently replaced first",
    )
    json_option(listing)
    put_back = command(
        replaced,
        "put-back",
        vault_commands.cmd_replaced_put_back,
        "make an earlier journal the vault again (the current one is kept aside); opens it "
        "with CARECOMPANION_PASSPHRASE, or CARECOMPANION_RECOVERY_KEY when only that is set",
    )
    put_back.add_argument(
        "name", metavar="NAME", help="the earlier journal's name, as 'replaced list' shows it"
    )


def _add_exchange_commands(journal: Commands) -> None:
    """journal export and journal import (handlers in exchange_commands)."""
    export = command(
        journal,
        "export",
        exchange_commands.cmd_export,
        "write entries to a JSON file, a folder of Markdown files, or a PDF (plaintext: keep "
        "the result somewhere safe)",
    )
    export.add_argument(
        "--format", required=True, choices=["json", "markdown", "pdf"], help="what to write"
    )
    export.add_argument(
        "--out",
        required=True,
        metavar="PATH",
        help="the file to write (a new or empty folder for markdown); never replaced",
    )
    export.add_argument("--since", metavar="D", help="only entries on or after D (YYYY-MM-DD)")
    export.add_argument("--until", metavar="D", help="only entries on or before D (YYYY-MM-DD)")
    importing = command(
        journal,
        "import",
        exchange_commands.cmd_import,
        "add entries from jrnl's or Day One's JSON export, a folder of Markdown or text files, "
        "or a CareCompanion JSON export; entries already in the journal are skipped",
    )
    importing.add_argument(
        "--from",
        dest="source",
        required=True,
        choices=["jrnl", "dayone", "markdown", "json"],
        help="the format of PATH",
    )
    importing.add_argument(
        "path", metavar="PATH", help="the export file (Day One: the .zip), or the folder"
    )
    importing.add_argument(
        "--dry-run", action="store_true", help="check the file and say what would be imported"
    )
