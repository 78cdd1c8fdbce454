"""Entry point: ``carecompanion`` opens the app; ``carecompanion SUBCOMMAND`` is the CLI.

Kept light on purpose: only argparse is imported before we know which path we are on, so
the unlock screen can be on screen before the heavy imports happen.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    from carecompanion.cli.parser import build_parser

    parser = build_parser()
    arguments, open_files = split_open_files(list(sys.argv[1:] if argv is None else argv))
    args = parser.parse_args(arguments)
    args.open_files = open_files
    if args.self_test:
        from carecompanion.selftest import run_self_test

        return run_self_test()
    if getattr(args, "handler", None) is not None:
        from carecompanion.cli.runner import run_command

        return run_command(args)
    from carecompanion.ui.app.launch import launch_gui

    return launch_gui(args)


#: Options that take a value, so their value is not mistaken for a file to open.
_VALUE_OPTIONS = ("--data-dir",)


def split_open_files(argv: list[str]) -> tuple[list[str], list[str]]:
    """``carecompanion [options] FILE.carecircle ...`` (a double-click in the file manager)
    opens the app on those circles; a command (``circle join F.carecircle``) is left alone."""
    index = 0
    while index < len(argv) and argv[index].startswith("-"):
        takes_value = argv[index] in _VALUE_OPTIONS
        index += 2 if takes_value else 1
    rest = argv[index:]
    if rest and all(item.lower().endswith(".carecircle") for item in rest):
        return argv[:index], rest
    return argv, []


if __name__ == "__main__":
    sys.exit(main())
