"""Reading CareCompanion's own JSON export back (see schema.py and docs/journal-json.md)."""

from __future__ import annotations

from datetime import tzinfo
from pathlib import Path

from carecompanion.journal.exchange import errors as said
from carecompanion.journal.exchange.limits import (
    MAX_ENTRIES,
    MAX_JSON_BYTES,
    MAX_TOTAL_ATTACHMENT_BYTES,
)
from carecompanion.journal.exchange.parsed import (
    AttachmentBudget,
    Location,
    ParsedEntry,
)
from carecompanion.journal.exchange.reading import load_json, read_bytes
from carecompanion.journal.exchange.schema import check_header, entry_from_json
from carecompanion.progress import ProgressCallback, each


def parse_json_file(
    path: Path, tz: tzinfo | None = None, progress: ProgressCallback | None = None
) -> list[ParsedEntry]:
    """``tz`` is unused (every time in the format carries its offset); kept for symmetry."""
    return parse_json(read_bytes(path, MAX_JSON_BYTES), path.name, progress)


def parse_json(
    data: bytes, name: str, progress: ProgressCallback | None = None
) -> list[ParsedEntry]:
    entries = check_header(load_json(data, name), name)
    if len(entries) > MAX_ENTRIES:
        raise Location(name, entries.line).error(said.TOO_MANY_ENTRIES(count=f"{MAX_ENTRIES:,}"))
    budget = AttachmentBudget(MAX_TOTAL_ATTACHMENT_BYTES)
    parsed: list[ParsedEntry] = []
    for index, item in each(list(enumerate(entries)), progress):
        where = Location(name, entries.line_of(index))
        entry = entry_from_json(item, index + 1, where)
        for attachment in entry.draft.attachments:
            budget.take(len(attachment.data), where)
        parsed.append(entry)
    return parsed
