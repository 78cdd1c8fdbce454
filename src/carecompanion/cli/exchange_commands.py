"""journal export and journal import.

Imported at every start (the parser names these handlers): the exchange formats and the
journal (SQLAlchemy) load when a command runs, Qt only for ``--format pdf``.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from carecompanion.cli.io import CliError, parse_day
from carecompanion.cli.journal_commands import journal_of

Streamed = TypeVar("Streamed")

if TYPE_CHECKING:
    from carecompanion.journal.exchange import ExportResult, ExportSelection, ImportSource
    from carecompanion.journal.exchange.large_import import LargePlan
    from carecompanion.journal.exchange.parsed import ParsedEntry
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
    from carecompanion.journal.exchange import ImportSource, commit_import, preview_entries
    from carecompanion.journal.exchange import large_import as large

    kind = ImportSource(args.source)
    path = Path(args.path)
    if not args.dry_run and large.is_large(kind, path):
        # Read once, an entry at a time, and written as it is read, in one transaction: a bad
        # entry anywhere leaves nothing written, and says where (issue 17: see large_import).
        said = _import_large(args, kind, path)
        if said is not None:
            print(said)
            return 0
        # The fast reader left the file to the usual import, which says what is wrong with
        # it (if anything): read whole below.
    # A dry run reads a large export an entry at a time (holding only fingerprints), anything
    # else whole. Either way, bad input fails before the passphrase is asked.
    plan = _large_plan(kind, path) if args.dry_run else None
    entries = None if plan is not None else _read(kind, path)
    with journal_of(args) as journal:
        if plan is not None:
            large.flag_duplicates(journal, plan)
            said = plan.summary()
        else:
            preview = preview_entries(journal, kind, path, entries or [])
            if args.dry_run:
                said = preview.summary()
            else:
                said = commit_import(journal, preview, progress=_written_so_far()).summary()
    print(said)
    return 0


def _import_large(args: argparse.Namespace, kind: ImportSource, path: Path) -> str | None:
    """What the one-pass import of a large export did, or None when the fast reader leaves
    the file to the usual import (nothing was written)."""
    from carecompanion.journal.exchange import large_import as large

    def run(shown: Callable[[int, int], None] | None) -> str:
        with journal_of(args) as journal:
            return large.import_in_one_read(journal, kind, path, progress=shown).summary()

    return _streamed(run, _imported_so_far())


def _large_plan(kind: ImportSource, path: Path) -> LargePlan | None:
    """What a large jrnl or CareCompanion export holds, read an entry at a time; None for a
    file read whole (a small one, another format, or one the fast reader leaves to the usual
    parser, which says what is wrong with it)."""
    from carecompanion.journal.exchange import large_import as large

    if not large.is_large(kind, path):
        return None
    return _streamed(
        lambda shown: large.plan_large_import(kind, path, progress=shown), _read_so_far()
    )


def _streamed(
    read: Callable[[Callable[[int, int], None] | None], Streamed], shown: _ReadSoFar | None
) -> Streamed | None:
    """``read(shown)`` of a large input, an entry at a time; None when the fast reader
    leaves the file to the usual import. A Markdown folder is refused as the usual read
    refuses it; the line counting entries ends before anything else is said."""
    from carecompanion.journal.exchange import ImportFormatError
    from carecompanion.journal.exchange import large_import as large

    try:
        return read(shown)
    except large.NotStreamable:
        return None
    except ImportFormatError as exc:
        raise CliError(str(exc)) from exc
    finally:
        if shown is not None and shown.said:
            print(file=sys.stderr)


def _read(kind: ImportSource, path: Path) -> list[ParsedEntry]:
    from carecompanion.journal.exchange import ImportFormatError, read_import

    try:
        return read_import(kind, path)
    except ImportFormatError as exc:
        raise CliError(str(exc)) from exc


class _ReadSoFar:
    """One line on stderr counting the entries a large import has read (its first read,
    before anything is written: it cannot know how many there are)."""

    def __init__(self) -> None:
        self.said = False

    def __call__(self, done: int, _total: int) -> None:
        self.said = True
        print(f"\rReading {done:,} entries…", end="", file=sys.stderr, flush=True)


class _ImportedSoFar(_ReadSoFar):
    """One line on stderr counting the entries a one-pass import has read and written (it
    cannot know how many there are)."""

    def __call__(self, done: int, _total: int) -> None:
        self.said = True
        print(f"\rImporting {done:,} entries…", end="", file=sys.stderr, flush=True)


def _imported_so_far() -> _ImportedSoFar | None:
    """In a terminal only, as :func:`_written_so_far`."""
    return _ImportedSoFar() if sys.stderr.isatty() else None


def _read_so_far() -> _ReadSoFar | None:
    """In a terminal only, as :func:`_written_so_far`."""
    return _ReadSoFar() if sys.stderr.isatty() else None


def _written_so_far() -> Callable[[int, int], None] | None:
    """In a terminal, one line on stderr that counts the entries written, batch by batch
    (a long import is seen to move); nothing when stderr goes to a file or a program."""
    if not sys.stderr.isatty():
        return None

    def show(done: int, total: int) -> None:
        end = "\n" if done >= total else ""
        print(f"\rWriting {done:,} of {total:,} entries…", end=end, file=sys.stderr, flush=True)

    return show
