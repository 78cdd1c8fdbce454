"""What the command modules share to declare their grammar: a command and its handler.

A handler is the function itself (``vault_commands.cmd_init``), not its name, so mypy checks
its signature and an editor goes to it. The parser is built at every start, the app's too, so
the modules the grammar names import only light things at the top (cli/ruff.toml, TID253):
the database, the keys, the session and Qt load inside the handler that needs them.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import TypeAlias

#: A command's handler: the parsed arguments in, the exit code out.
Handler: TypeAlias = Callable[[argparse.Namespace], int]
Commands: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"


def command(
    group: Commands, name: str, handler: Handler, help_text: str
) -> argparse.ArgumentParser:
    """Add the command ``name`` to ``group``, run by ``handler``. ``args.command`` is the
    command as typed ("journal list"), for the log when a handler fails."""
    parser = group.add_parser(name, help=help_text, description=help_text)
    parser.set_defaults(handler=handler, command=parser.prog.partition(" ")[2])
    return parser


def command_group(
    parent: Commands, name: str, help_text: str, description: str | None = None
) -> Commands:
    """A command that only groups others (``journal``, ``mood``...): one of them is required."""
    parser = parent.add_parser(name, help=help_text, description=description)
    group = parser.add_subparsers(title="commands", metavar="COMMAND")
    group.required = True
    return group


def json_option(parser: argparse.ArgumentParser, what: str = "lines") -> None:
    parser.add_argument("--json", action="store_true", help=f"print JSON instead of {what}")
