"""unlock and lock: the command line's unlocked session (the grammar only; the handlers are in
``session_commands``, loaded when one of them runs)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from carecompanion.cli.grammar import Commands, HandlersOf, command

if TYPE_CHECKING:
    from carecompanion.cli import session_commands
else:  # a command's module loads when it runs (grammar.HandlersOf)
    session_commands = HandlersOf("carecompanion.cli.session_commands")


def register(commands: Commands) -> None:
    """Add ``carecompanion unlock`` and ``carecompanion lock`` to the top-level commands."""
    unlock = command(
        commands,
        "unlock",
        session_commands.cmd_unlock,
        "ask for the passphrase once, then let commands open this journal without it for a "
        "while (until it is up, 'carecompanion lock', the app locking or the screen locking)",
    )
    unlock.add_argument(
        "--for",
        dest="duration",
        default="15m",
        metavar="TIME",
        help="how long, like 30s, 15m, 2h or 1h30m (default 15m, at most 12h)",
    )
    command(
        commands,
        "lock",
        session_commands.cmd_lock,
        "end the unlocked session now: commands ask for the passphrase again",
    )
