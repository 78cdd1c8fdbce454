"""journal add, list, search and show.

They open the journal alone, not the whole session, so they stay quick; the journal's
service (SQLAlchemy) is imported when a command opens it, not when the parser names them.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from carecompanion.cli.io import CliError, clock, parse_day, parse_moment, print_object, print_rows
from carecompanion.cli.vault_commands import unlock
from carecompanion.journal.attachments import describe_size
from carecompanion.journal.search import marked_snippet

if TYPE_CHECKING:
    from carecompanion.journal.entries import EntryDraft
    from carecompanion.journal.filters import EntryFilter
    from carecompanion.journal.reads import JournalReads
    from carecompanion.journal.service import (
        Entry,
        EntrySummary,
        JournalService,
        SearchHit,
    )

MAX_TEXT_BYTES = 10 * 1024 * 1024


def _read_text(path: str) -> str:
    file = Path(path)
    try:
        if file.stat().st_size > MAX_TEXT_BYTES:
            raise CliError(f"{file} is larger than 10 MB; a journal entry cannot be that long.")
        return file.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise CliError(f"There is no file at {file}.") from exc
    except UnicodeDecodeError as exc:
        raise CliError(f"{file} is not UTF-8 text.") from exc
    except OSError as exc:
        raise CliError(f"{file} could not be read: {exc.strerror}.") from exc


@contextmanager
def journal_of(args: argparse.Namespace) -> Iterator[JournalService]:
    """The journal of the vault, unlocked for one command and locked again however it ends."""
    from carecompanion.journal.service import JournalService

    unlocked = unlock(args)
    try:
        yield JournalService(unlocked.database, clock())
    finally:
        unlocked.lock()


@contextmanager
def reads_of(args: argparse.Namespace) -> Iterator[JournalReads]:
    """The journal's read queries for one command: through the unlocked session's quick
    path when it can (cli/quick_read.py: no SQLAlchemy), else after the full unlock."""
    from carecompanion.cli.quick_read import quick_reads

    with quick_reads(args) as quick:
        if quick is not None:
            yield quick
            return
    with journal_of(args) as journal, journal.reading() as reads:
        yield reads


def parse_entry_id(value: str) -> int:
    if not value.strip().isdigit():
        raise CliError(f"ID must be a number, as 'journal list' prints it, not {value!r}.")
    return int(value)


def entry_filter(args: argparse.Namespace) -> EntryFilter:
    from carecompanion.journal.filters import EntryFilter

    since = parse_day("--since", args.since)
    until = parse_day("--until", args.until)
    if since is not None and until is not None and since > until:
        raise CliError(f"--since ({since}) is after --until ({until}); nothing could match.")
    return EntryFilter(tag=args.tag, since=since, until=until, favourites_only=args.favourites)


def _local_iso(moment: datetime) -> str:
    return moment.astimezone().isoformat(timespec="seconds")


def _written_iso(entry: Entry | EntrySummary | SearchHit) -> str:
    """An entry's date as it was on the clock where it was written, with that offset."""
    return entry.local_at.isoformat(timespec="seconds")


def _summary_row(summary: EntrySummary) -> dict[str, Any]:
    return {"id": summary.id, "date": _written_iso(summary), "title": summary.title}


def _add(args: argparse.Namespace, draft: EntryDraft) -> Entry:
    """The entry written, through the unlocked session's quick path when it can (one
    transaction on a bare connection, cli/quick_read.py: no SQLAlchemy), else after the full
    unlock; the same rules either way (journal/new_entries.py)."""
    from carecompanion.cli.quick_read import quick_transaction

    with quick_transaction(args) as statements:
        if statements is not None:
            from carecompanion.journal.new_entries import NewEntries
            from carecompanion.journal.reads import JournalReads
            from carecompanion.journal.writes import JournalWrites

            writes = JournalWrites(statements.rows, statements.many)
            return NewEntries(clock()).add(writes, JournalReads(statements.rows), draft)
    with journal_of(args) as journal:
        return journal.add_draft(draft)


def cmd_add(args: argparse.Namespace) -> int:
    from carecompanion.journal.entries import EntryDraft

    body = args.text if args.text is not None else _read_text(args.text_file)
    if not args.title.strip() and not body.strip():
        raise CliError("An entry needs a title or some text.")
    entry_at = parse_moment(args.at)
    when = clock().now() if entry_at is None else entry_at
    entry = _add(args, EntryDraft(args.title, body, when, tuple(args.tag), args.favourite))
    row = {"id": entry.id, "date": _written_iso(entry), "title": entry.title}
    if args.json:
        print_object(row)
    else:
        print_rows([row], as_json=False)
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    """The newest entries: ``--limit N`` of them, every one with ``--all`` or when the output
    goes to a file or another program, the LIST_LIMIT_IN_TERMINAL newest in a terminal
    (with a line on stderr when more were left out). The query reads only those rows."""
    from carecompanion.cli.parser import LIST_LIMIT_IN_TERMINAL

    flt = entry_filter(args)
    limit: int | None = args.limit
    by_default = limit is None and not args.all and sys.stdout.isatty()
    if by_default:
        limit = LIST_LIMIT_IN_TERMINAL
    with reads_of(args) as reads:
        # One row past the limit says whether any were left out, without counting them all.
        summaries = reads.summaries(flt, limit=None if limit is None else limit + 1)
    more = limit is not None and len(summaries) > limit
    print_rows((_summary_row(s) for s in summaries[:limit]), as_json=args.json)
    if more and by_default:
        print(
            f"(the {limit} newest entries; 'journal list --all' lists every one, "
            "'--limit N' the N newest)",
            file=sys.stderr,
        )
    return 0


def cmd_search(args: argparse.Namespace) -> int:
    flt = entry_filter(args)
    with reads_of(args) as reads:
        hits = reads.search(args.query, flt)
    print_rows(
        (
            {
                "id": hit.id,
                "date": _written_iso(hit),
                "title": hit.title,
                "snippet": marked_snippet(hit.snippet, hit.highlights, "**", "**"),
            }
            for hit in hits
        ),
        as_json=args.json,
    )
    return 0


def _entry_document(entry: Entry) -> dict[str, Any]:
    return {
        "id": entry.id,
        "uid": entry.uid,
        "title": entry.title,
        "date": _written_iso(entry),
        "time_zone": entry.time_zone,
        "all_day": entry.is_all_day,
        "created_at": _local_iso(entry.created_at),
        "updated_at": _local_iso(entry.updated_at),
        "tags": list(entry.tags),
        "is_favourite": entry.is_favourite,
        "attachments": [
            {
                "id": a.id,
                "filename": a.filename,
                "mime_type": a.mime_type,
                "size": a.size,
                "created_at": _local_iso(a.created_at),
            }
            for a in entry.attachments
        ],
        "body": entry.body,
    }


def _print_entry(entry: Entry) -> None:
    lines = [
        entry.title or "(untitled)",
        f"Date: {_written_iso(entry)}",
        f"Tags: {', '.join(entry.tags) if entry.tags else '(none)'}",
        f"Favourite: {'yes' if entry.is_favourite else 'no'}",
    ]
    if entry.attachments:
        lines.append("Attachments:")
        lines.extend(
            f"  {a.id}\t{a.filename}\t{a.mime_type}\t{describe_size(a.size)}"
            for a in entry.attachments
        )
    else:
        lines.append("Attachments: (none)")
    lines.extend(["", entry.body.rstrip("\n")])
    print("\n".join(lines))


def cmd_show(args: argparse.Namespace) -> int:
    from carecompanion.journal.errors import EntryNotFound

    entry_id = parse_entry_id(args.entry_id)
    with reads_of(args) as reads:
        found = reads.entries([entry_id])
    if not found:
        raise EntryNotFound(entry_id)
    entry = found[0]
    if args.json:
        print_object(_entry_document(entry))
    else:
        _print_entry(entry)
    return 0
