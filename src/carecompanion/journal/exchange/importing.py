"""Import in two steps: a preview that writes nothing, then one all-or-nothing commit.

``preview_import`` reads the whole input (any error is an :class:`ImportFormatError` naming
the file and line), and flags duplicates: entries whose fingerprint (time to the minute,
title and text) is already in the journal, or appeared earlier in the same input. Importing
the same file twice therefore adds nothing the second time. ``commit_import`` writes the new
entries, their tags and attachments in one transaction.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from datetime import tzinfo
from enum import StrEnum
from pathlib import Path
from typing import Protocol

from carecompanion.journal.exchange.dayone_import import parse_dayone_file
from carecompanion.journal.exchange.jrnl_import import parse_jrnl_file
from carecompanion.journal.exchange.json_import import parse_json_file
from carecompanion.journal.exchange.markdown_import import parse_markdown_folder
from carecompanion.journal.exchange.parsed import ParsedEntry, is_empty
from carecompanion.journal.service import EntryDraft, JournalService
from carecompanion.localtime import zone_name
from carecompanion.progress import ProgressCallback, report


class ImportSource(StrEnum):
    JRNL = "jrnl"
    DAYONE = "dayone"
    MARKDOWN = "markdown"
    JSON = "json"

    @property
    def label(self) -> str:
        return _LABELS[self]


_LABELS = {
    ImportSource.JRNL: "jrnl (JSON export)",
    ImportSource.DAYONE: "Day One (JSON export .zip)",
    ImportSource.MARKDOWN: "Folder of Markdown or text files",
    ImportSource.JSON: "CareCompanion (JSON export)",
}

Parser = Callable[[Path, tzinfo | None, ProgressCallback | None], list[ParsedEntry]]
PARSERS: dict[ImportSource, Parser] = {
    ImportSource.JRNL: parse_jrnl_file,
    ImportSource.DAYONE: parse_dayone_file,
    ImportSource.MARKDOWN: parse_markdown_folder,
    ImportSource.JSON: parse_json_file,
}


@dataclass(frozen=True)
class PreviewItem:
    entry: ParsedEntry
    fingerprint: str
    duplicate: bool  # already in the journal, or earlier in this input

    @property
    def draft(self) -> EntryDraft:
        return self.entry.draft


@dataclass(frozen=True)
class ImportPreview:
    source: Path
    kind: ImportSource
    items: tuple[PreviewItem, ...]
    empty_skipped: int = 0  # entries with no title, text or attachment

    @property
    def new_items(self) -> tuple[PreviewItem, ...]:
        return tuple(item for item in self.items if not item.duplicate)

    @property
    def new_count(self) -> int:
        """How many entries the import would write (as ``LargePlan.new_count``)."""
        return len(self.items) - self.duplicate_count

    @property
    def duplicate_count(self) -> int:
        return sum(1 for item in self.items if item.duplicate)

    @property
    def attachment_count(self) -> int:
        return sum(len(item.draft.attachments) for item in self.new_items)

    def summary(self) -> str:
        """One line for a person, before anything is written."""
        return f"Would import {_summary(len(self.new_items), self)}."


@dataclass(frozen=True)
class ImportResult:
    entry_ids: tuple[int, ...]
    preview: ImportPreview

    def summary(self) -> str:
        return f"Imported {_summary(len(self.entry_ids), self.preview)}."


def _count(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


class Counted(Protocol):
    """What an import's one line counts: a preview, or a large import's plan."""

    @property
    def duplicate_count(self) -> int: ...

    @property
    def empty_skipped(self) -> int: ...

    @property
    def attachment_count(self) -> int: ...


def _summary(count: int, preview: Counted) -> str:
    details = [_count(preview.duplicate_count, "duplicate", "duplicates") + " skipped"]
    if preview.empty_skipped:
        details.append(_count(preview.empty_skipped, "empty entry", "empty entries") + " skipped")
    details.append(_count(preview.attachment_count, "attachment", "attachments"))
    return f"{_count(count, 'entry', 'entries')} ({', '.join(details)})"


def read_import(
    kind: ImportSource,
    path: Path,
    *,
    tz: tzinfo | None = None,
    progress: ProgressCallback | None = None,
) -> list[ParsedEntry]:
    """Parse the input only (no vault needed); raises ImportFormatError on bad input.

    Entries whose file does not say where they were written (jrnl, a Markdown date without
    an offset) were read as wall-clock times in ``tz``: they keep that zone. With ``tz``
    None they were read in this computer's zone, which the journal records when writing."""
    entries = PARSERS[ImportSource(kind)](Path(path), tz, progress)
    named = zone_name(tz) if tz is not None else None
    if named is None:
        return entries
    return [
        entry
        if entry.draft.time_zone is not None
        else dataclasses.replace(entry, draft=dataclasses.replace(entry.draft, time_zone=named))
        for entry in entries
    ]


def preview_entries(
    journal: JournalService,
    kind: ImportSource,
    path: Path,
    entries: list[ParsedEntry],
    *,
    progress: ProgressCallback | None = None,
) -> ImportPreview:
    """Flag the duplicates among parsed entries; reads the journal, writes nothing."""
    kept = [entry for entry in entries if not is_empty(entry)]
    report(progress, 0, 1)
    prints = [journal.fingerprint(entry.draft) for entry in kept]
    existing = journal.existing_fingerprints(prints)
    seen: set[str] = set(existing)
    items: list[PreviewItem] = []
    for entry, fingerprint in zip(kept, prints, strict=True):
        items.append(PreviewItem(entry, fingerprint, fingerprint in seen))
        seen.add(fingerprint)
    report(progress, 1, 1)
    return ImportPreview(Path(path), ImportSource(kind), tuple(items), len(entries) - len(kept))


def preview_import(
    journal: JournalService,
    kind: ImportSource,
    path: Path,
    *,
    tz: tzinfo | None = None,
    progress: ProgressCallback | None = None,
) -> ImportPreview:
    """Read everything and flag duplicates; nothing is written."""
    entries = read_import(kind, path, tz=tz, progress=progress)
    return preview_entries(journal, kind, path, entries)


def commit_import(
    journal: JournalService,
    preview: ImportPreview,
    *,
    progress: ProgressCallback | None = None,
) -> ImportResult:
    """Write the preview's new entries in one transaction: all of them, or none.

    Progress is reported after each batch the journal writes (``JournalService.add_drafts``);
    the last chance to cancel is before the write starts: once it has, it ends, so what the
    result says is what was written."""
    new = preview.new_items
    report(progress, 0, len(new))
    if not new:
        return ImportResult((), preview)
    ids = journal.add_drafts([item.draft for item in new], progress=progress)
    return ImportResult(tuple(ids), preview)
