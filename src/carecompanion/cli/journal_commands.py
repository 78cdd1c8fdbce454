"""journal add, journal list."""

from __future__ import annotations

import argparse
from pathlib import Path

from carecompanion.cli.io import CliError, clock, print_object, print_rows
from carecompanion.cli.vault_commands import unlock
from carecompanion.journal.service import JournalService

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


def cmd_add(args: argparse.Namespace) -> int:
    body = args.text if args.text is not None else _read_text(args.text_file)
    if not args.title.strip() and not body.strip():
        raise CliError("An entry needs a title or some text.")
    unlocked = unlock(args)
    try:
        entry = JournalService(unlocked.database, clock()).add(args.title, body, args.tag)
    finally:
        unlocked.lock()
    row = {"id": entry.id, "date": entry.entry_at.astimezone().isoformat(timespec="seconds"),
           "title": entry.title}
    if args.json:
        print_object(row)
    else:
        print_rows([row], as_json=False)
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    unlocked = unlock(args)
    try:
        summaries = JournalService(unlocked.database, clock()).list_summaries()
    finally:
        unlocked.lock()
    print_rows(
        (
            {"id": s.id, "date": s.entry_at.astimezone().isoformat(timespec="seconds"),
             "title": s.title}
            for s in summaries
        ),
        as_json=args.json,
    )
    return 0
