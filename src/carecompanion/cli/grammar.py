"""What the command modules share to declare their grammar: a command and its handler.

A handler is the function itself (``vault_commands.cmd_init``), not its name, so mypy checks
its signature and an editor goes to it. The parser is built at every start, the app's too, so
the modules the grammar names import only light things at the top (cli/ruff.toml, TID253):
the database, the keys, the session and Qt load inside the handler that needs them.
"""

from __future__ import annotations

import argparse
import importlib
from collections.abc import Callable
from typing import TypeAlias

#: A command's handler: the parsed arguments in, the exit code out.
Handler: TypeAlias = Callable[[argparse.Namespace], int]
Commands: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"


class LazyHandler:
    """A command's handler, imported when the command runs, not when the parser names it.

    Every start builds the whole parser, so a parser that imported each command module would
    load every command's code to run one (about 25 ms of a start, most of it the circle and
    contact commands). Called, it imports its module and runs the function.
    """

    __slots__ = ("function", "module")

    def __init__(self, module: str, function: str) -> None:
        self.module = module
        self.function = function

    def resolve(self) -> Handler:
        handler: Handler = getattr(importlib.import_module(self.module), self.function)
        return handler

    def __call__(self, args: argparse.Namespace) -> int:
        return self.resolve()(args)

    def __repr__(self) -> str:
        return f"<handler {self.module}.{self.function}>"


class HandlersOf:
    """A command module as its parser sees it: ``journal_commands.cmd_list`` is a
    :class:`LazyHandler`, and the module loads when a command of it runs.

    The parser modules bind the real module under ``TYPE_CHECKING`` (so mypy checks each
    handler's signature and an editor goes to it) and this stand-in at run time::

        if TYPE_CHECKING:
            from carecompanion.cli import journal_commands
        else:
            journal_commands = HandlersOf("carecompanion.cli.journal_commands")

    Only handlers (``cmd_...``) can be named through it: a constant the grammar shows belongs
    in the parser module, so building the parser never loads a command module.
    """

    def __init__(self, module: str) -> None:
        self._module = module

    def __getattr__(self, name: str) -> LazyHandler:
        if not name.startswith("cmd_"):
            raise AttributeError(f"{self._module}.{name}: the grammar names handlers only")
        return LazyHandler(self._module, name)


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
