"""journal export and journal import.

Imported at every start (the parser names these handlers): the exchange formats and the
journal (SQLAlchemy) load when a command runs, Qt only for ``--format pdf``.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from carecompanion.cli.io import CliError, parse_day
from carecompanion.cli.journal_commands import journal_of

if TYPE_CHECKING:
    from carecompanion.journal.exchange import ExportResult, ExportSelection
    from carecompanion.journal.service import JournalService

    Exporter = Callable[[JournalService, ExportSelection, Path], ExportResult]


def _selection(args: argparse.Namespace) -> ExportSelection:
    from carecompanion.journal.exchange import ExportSelection

    since = parse_day("--since", args.since)
    until = parse_day("--until", args.until)
    if since is not None and until is not None and since > until:
        raise CliError(f"--since ({since}) is after --until ({until}); nothing could match.")
    return ExportSelection.between(since, until)


def _exporter(kind: str) -> Exporter:
    if kind == "pdf":
        from carecompanion.render.journal_pdf import export_pdf  # Qt, only when asked for

        return export_pdf
    from carecompanion.journal.exchange import export_json, export_markdown

    return export_json if kind == "json" else export_markdown


def cmd_export(args: argparse.Namespace) -> int:
    from carecompanion.journal.exchange import ExportError

    selection = _selection(args)
    out = Path(args.out)
    if args.format != "markdown" and out.exists():
        raise CliError(f"{out} already exists; choose another name.")
    export = _exporter(args.format)  # before the passphrase: a missing Qt says so first
    with journal_of(args) as journal:
        try:
            result = export(journal, selection, out)
        except ExportError as exc:
            raise CliError(str(exc)) from exc
        except OSError as exc:
            raise CliError(f"{out} could not be written: {exc.strerror or exc}.") from exc
    print(result.summary())
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from carecompanion.journal.exchange import (
        ImportFormatError,
        ImportSource,
        commit_import,
        preview_entries,
        read_import,
    )

    kind = ImportSource(args.source)
    path = Path(args.path)
    try:
        entries = read_import(kind, path)  # bad input fails before the passphrase is asked
    except ImportFormatError as exc:
        raise CliError(str(exc)) from exc
    with journal_of(args) as journal:
        preview = preview_entries(journal, kind, path, entries)
        if args.dry_run:
            print(preview.summary())
            return 0
        result = commit_import(journal, preview)
    print(result.summary())
    return 0
