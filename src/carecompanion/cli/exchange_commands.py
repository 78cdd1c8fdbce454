"""journal export and journal import."""

from __future__ import annotations

import argparse
from pathlib import Path

from carecompanion.cli.io import CliError, clock, parse_day
from carecompanion.cli.vault_commands import unlock
from carecompanion.journal.exchange import (
    ExportError,
    ExportResult,
    ExportSelection,
    ImportFormatError,
    ImportSource,
    commit_import,
    export_json,
    export_markdown,
    preview_entries,
    read_import,
)
from carecompanion.session import VaultSession


def _selection(args: argparse.Namespace) -> ExportSelection:
    since = parse_day("--since", args.since)
    until = parse_day("--until", args.until)
    if since is not None and until is not None and since > until:
        raise CliError(f"--since ({since}) is after --until ({until}); nothing could match.")
    return ExportSelection.between(since, until)


def cmd_export(args: argparse.Namespace) -> int:
    selection = _selection(args)
    out = Path(args.out)
    if args.format != "markdown" and out.exists():
        raise CliError(f"{out} already exists; choose another name.")
    session = VaultSession(unlock(args), clock())
    try:
        journal = session.journal
        result: ExportResult
        if args.format == "json":
            result = export_json(journal, selection, out)
        elif args.format == "markdown":
            result = export_markdown(journal, selection, out)
        else:
            from carecompanion.ui.journal_pdf import export_pdf  # Qt, only when asked for

            result = export_pdf(journal, selection, out)
    except ExportError as exc:
        raise CliError(str(exc)) from exc
    except OSError as exc:
        raise CliError(f"{out} could not be written: {exc.strerror or exc}.") from exc
    finally:
        session.lock()
    print(result.summary())
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    kind = ImportSource(args.source)
    path = Path(args.path)
    try:
        entries = read_import(kind, path)  # bad input fails before the passphrase is asked
    except ImportFormatError as exc:
        raise CliError(str(exc)) from exc
    session = VaultSession(unlock(args), clock())
    try:
        preview = preview_entries(session, kind, path, entries)
        if args.dry_run:
            print(preview.summary())
            return 0
        result = commit_import(session, preview)
    finally:
        session.lock()
    print(result.summary())
    return 0
