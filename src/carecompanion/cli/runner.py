"""Runs a parsed command: resolves paths, turns every user mistake into one line on stderr."""

from __future__ import annotations

import argparse
import importlib
import sys

from carecompanion.cli.io import CliError, paths_from


def run_command(args: argparse.Namespace) -> int:
    from carecompanion.circle.errors import CircleError
    from carecompanion.journal.service import EntryNotFound
    from carecompanion.mood.errors import MoodError
    from carecompanion.people.errors import PeopleError
    from carecompanion.vault.errors import DatabaseDamaged, HeaderDamaged, VaultError

    module_name, function_name = args.handler.split(":")
    handler = getattr(importlib.import_module(f"carecompanion.cli.{module_name}"), function_name)
    try:
        result: int = handler(args)
    except (DatabaseDamaged, HeaderDamaged) as exc:
        backups = paths_from(args).backups_dir
        print(
            f"carecompanion: {exc} Your automatic backups are in {backups}; restore one with "
            "'carecompanion restore FILE'.",
            file=sys.stderr,
        )
        return 1
    # Each domain package has one base error whose message is written for the person.
    except (CliError, VaultError, EntryNotFound, MoodError, PeopleError, CircleError) as exc:
        print(f"carecompanion: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("carecompanion: cancelled.", file=sys.stderr)
        return 1
    return result
