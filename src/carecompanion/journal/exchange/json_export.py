"""Export to CareCompanion's JSON format (schema.py; docs/journal-json.md).

The document is streamed entry by entry into a temp file beside the destination, so a long
journal with photos never has to fit in memory as one string.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, tzinfo
from pathlib import Path

from carecompanion.journal.exchange.files import atomic_file
from carecompanion.journal.exchange.result import ExportResult
from carecompanion.journal.exchange.schema import entry_to_json, header
from carecompanion.journal.exchange.selection import ExportSelection
from carecompanion.journal.service import JournalService
from carecompanion.progress import ProgressCallback, report


def _indented(value: object, spaces: int) -> str:
    text = json.dumps(value, ensure_ascii=False, indent=2)
    return "\n".join(" " * spaces + line for line in text.split("\n"))


def export_json(
    journal: JournalService,
    selection: ExportSelection,
    out: Path,
    *,
    progress: ProgressCallback | None = None,
    tz: tzinfo | None = None,
    now: datetime | None = None,
    overwrite: bool = False,
) -> ExportResult:
    out = Path(out)
    ids = selection.resolve(journal)
    total = len(ids)
    attachments = 0
    head = header(now or datetime.now(UTC), tz)
    with atomic_file(out, overwrite=overwrite) as handle:
        opening = json.dumps(head, ensure_ascii=False, indent=2)[:-2]  # leave the object open
        handle.write(f'{opening},\n  "entries": ['.encode())
        # Read a batch at a time (journal.entries): two queries per batch, not per entry.
        for index, entry in enumerate(journal.entries(ids)):
            report(progress, index, total)
            attachments += len(entry.attachments)
            document = entry_to_json(entry, journal.attachment_data, tz)
            separator = ",\n" if index else "\n"
            handle.write((separator + _indented(document, 4)).encode())
        handle.write(("\n  ]\n}\n" if ids else "]\n}\n").encode())
        report(progress, total, total)
    return ExportResult(out, total, attachments)
