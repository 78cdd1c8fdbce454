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
    args = parser.parse_args(list(sys.argv[1:] if argv is None else argv))
    if args.self_test:
        from carecompanion.selftest import run_self_test

        return run_self_test()
    if getattr(args, "handler", None) is not None:
        from carecompanion.cli.runner import run_command

        return run_command(args)
    from carecompanion.ui.launch import launch_gui

    return launch_gui(args)


if __name__ == "__main__":
    sys.exit(main())
