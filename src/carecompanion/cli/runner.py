"""Runs a parsed command: resolves paths, turns every error into one line on stderr.

The one place the command line catches: an error written for the person
(:class:`~carecompanion.errors.CareCompanionError`) is printed as its sentence; anything
else is a bug, said in one calm line, with its type and where it happened in the log file
(never its message: it may hold what the person wrote).
"""

from __future__ import annotations

import argparse
import sys

from carecompanion.cli.grammar import Handler
from carecompanion.cli.io import paths_from
from carecompanion.errors import CareCompanionError


def run_command(args: argparse.Namespace) -> int:
    """Run the command's handler (``grammar.command`` put it in ``args.handler``)."""
    from carecompanion.vault.errors import DatabaseDamaged, HeaderDamaged, VaultMismatch

    handler: Handler = args.handler
    try:
        _finish_interrupted_restore(args)
        result: int = handler(args)
        sys.stdout.flush()  # here, where a reader that went away is caught, not at exit
    except BrokenPipeError:
        # The program reading our output stopped (``journal list | head``): it has what it
        # wanted, and a write had already been saved before its line was printed. Quiet, as
        # a tool ended by SIGPIPE is, with its status (128 + 13).
        _discard_output()
        return 141
    except (DatabaseDamaged, HeaderDamaged, VaultMismatch) as exc:
        backups = paths_from(args).backups_dir
        print(
            f"carecompanion: {exc} Your automatic backups are in {backups}; restore one with "
            "'carecompanion restore FILE'.",
            file=sys.stderr,
        )
        return 1
    except CareCompanionError as exc:
        print(f"carecompanion: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("carecompanion: cancelled.", file=sys.stderr)
        return 1
    except Exception as exc:  # a bug: one calm line here, the details in the log
        from carecompanion.storage.faults import disk_fault

        # A file the disk refused (full, read-only, not allowed): the disk's, not a bug.
        fault = disk_fault(exc) if isinstance(exc, OSError) else None
        if fault is not None:
            print(f"carecompanion: {fault}", file=sys.stderr)
            return 1
        _log_unexpected(args, exc)
        print(
            f"carecompanion: something went wrong ({type(exc).__name__}). Your journal is "
            "safe; please try again, and if it happens again, report it.",
            file=sys.stderr,
        )
        return 1
    return result


def _discard_output() -> None:
    """Whatever is still buffered for the closed pipe goes nowhere: Python flushes standard
    output on exit, and would report the broken pipe there instead."""
    import os

    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass  # no file behind it (a test's capture): nothing is flushed to a pipe at exit
    finally:
        os.close(devnull)


def _finish_interrupted_restore(args: argparse.Namespace) -> None:
    """Before any command: a restore a crash interrupted is finished or undone, and one line
    says which (RestoreUnfinished, when it cannot be yet, is the command's one line)."""
    from carecompanion.vault.restore_log import finish_interrupted

    notice = finish_interrupted(paths_from(args))
    if notice is not None:
        print(f"carecompanion: {notice}", file=sys.stderr)


def _log_unexpected(args: argparse.Namespace, exc: Exception) -> None:
    """Into the app's log file, when there is a data folder to keep it in."""
    from carecompanion import logs  # logging.handlers: only for a bug, never on the way

    try:
        paths = paths_from(args)
        if paths.data_dir.is_dir():
            logs.configure(paths)
    except OSError:
        pass  # no log file then: the line on stderr still says what happened
    logs.unexpected(exc, f"the command '{args.command}'")
