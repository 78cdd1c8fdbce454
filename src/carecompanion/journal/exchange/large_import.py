"""Importing a large jrnl or CareCompanion JSON export in bounded memory (issue 17).

The usual import (:mod:`importing`) holds the whole file and every entry read from it at
once: for 100,000 entries (a 200 MB file) over 900 MiB. For a file over STREAM_OVER_BYTES
this reads it twice, an entry at a time (:mod:`json_stream`), holding only each entry's
fingerprint in between:

1. :func:`plan_large_import`, before the vault is opened (so a bad file still fails before
   the passphrase is asked): every entry is read and checked exactly as the usual parsers
   check it, and its fingerprint, attachment count and emptiness kept;
2. :func:`flag_duplicates`, with the journal: which fingerprints it already has, or appeared
   earlier in the file (as ``preview_entries`` decides);
3. :func:`commit_large_import`: the file read again, the new entries written in batches in
   **one transaction**, as the usual import: all of them or none. Each entry read again must
   be the one read in step 1; if the file changed in between, nothing is written and the
   file is imported the usual way, as it is now.

Anything the fast reader or the checks refuse in step 1 (:class:`json_stream.NotStreamable`)
sends the file the usual way too, whose parser then says exactly what is wrong, file and line.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from carecompanion.errors import CareCompanionError, ImportFormatError
from carecompanion.journal.exchange import jrnl_import
from carecompanion.journal.exchange.importing import ImportSource, _summary
from carecompanion.journal.exchange.json_stream import NotStreamable as NotStreamable
from carecompanion.journal.exchange.json_stream import stream_entries
from carecompanion.journal.exchange.limits import (
    MAX_ENTRIES,
    MAX_JSON_BYTES,
    MAX_JSON_DEPTH,
    MAX_TOTAL_ATTACHMENT_BYTES,
    MIB,
)
from carecompanion.journal.exchange.located_json import JsonArray
from carecompanion.journal.exchange.parsed import (
    AttachmentBudget,
    Location,
    ParsedEntry,
    is_empty,
)
from carecompanion.journal.exchange.schema import check_header, entry_from_json
from carecompanion.journal.fingerprint import entry_fingerprint
from carecompanion.journal.service import EntryDraft, JournalService

#: Files larger than this are imported an entry at a time (about 17,000 typical entries).
STREAM_OVER_BYTES = 32 * MIB
_STREAMED = (ImportSource.JRNL, ImportSource.JSON)


def is_large(kind: ImportSource, path: Path) -> bool:
    """True for a jrnl or CareCompanion JSON export too large to import all at once."""
    try:
        return kind in _STREAMED and Path(path).stat().st_size > STREAM_OVER_BYTES
    except OSError:
        return False  # the usual import says what is wrong with it


class _FileChanged(Exception):
    """An entry read the second time is not the one read the first."""


@dataclass
class LargePlan:
    """What a large import will do, with nothing of the entries kept but fingerprints."""

    source: Path
    kind: ImportSource
    fingerprints: list[str] = field(default_factory=list)  # the entries kept, in order
    attachments: list[int] = field(default_factory=list)  # how many each has
    empty_skipped: int = 0
    duplicates: list[bool] = field(default_factory=list)  # set by flag_duplicates

    @property
    def new_count(self) -> int:
        return len(self.fingerprints) - self.duplicate_count

    @property
    def duplicate_count(self) -> int:
        return sum(self.duplicates)

    @property
    def attachment_count(self) -> int:
        return sum(n for n, dup in zip(self.attachments, self.duplicates, strict=True) if not dup)

    def summary(self) -> str:
        """The same line as ``ImportPreview.summary``."""
        return f"Would import {_summary(self.new_count, self)}."


@dataclass(frozen=True)
class LargeResult:
    entry_ids: tuple[int, ...]
    plan: LargePlan

    def summary(self) -> str:
        """The same line as ``ImportResult.summary``."""
        return f"Imported {_summary(len(self.entry_ids), self.plan)}."


def plan_large_import(kind: ImportSource, path: Path) -> LargePlan:
    """Step 1: read and check every entry, keeping fingerprints. NotStreamable: import the
    file the usual way (which says what is wrong with it, if anything is)."""
    plan = LargePlan(Path(path), ImportSource(kind))
    try:
        for entry in _entries(plan.kind, plan.source):
            if is_empty(entry):
                plan.empty_skipped += 1
                continue
            plan.fingerprints.append(_fingerprint(entry))
            plan.attachments.append(len(entry.draft.attachments))
    except (CareCompanionError, NotStreamable) as exc:
        raise NotStreamable("the usual import decides") from exc
    return plan


def flag_duplicates(journal: JournalService, plan: LargePlan) -> None:
    """Step 2: an entry the journal has already, or that came earlier in the file."""
    seen = journal.existing_fingerprints(plan.fingerprints)
    plan.duplicates = []
    for fingerprint in plan.fingerprints:
        plan.duplicates.append(fingerprint in seen)
        seen.add(fingerprint)


def commit_large_import(
    journal: JournalService,
    plan: LargePlan,
    *,
    progress: Callable[[int, int], object] | None = None,
) -> LargeResult:
    """Step 3: the new entries, in one transaction. The file changed since step 1 (or no
    longer reads as it did): raises NotStreamable with nothing written; import it the usual
    way."""
    if progress is not None:
        progress(0, plan.new_count)
    try:
        ids = journal.add_drafts(_new_drafts(plan), total=plan.new_count, progress=progress)
    except (_FileChanged, NotStreamable, ImportFormatError) as exc:
        # Read differently the second time: the file changed. Nothing was written.
        raise NotStreamable("the file changed while it was imported") from exc
    return LargeResult(tuple(ids), plan)


def _new_drafts(plan: LargePlan) -> Iterator[EntryDraft]:
    kept = 0
    for entry in _entries(plan.kind, plan.source):
        if is_empty(entry):
            continue
        if kept >= len(plan.fingerprints) or _fingerprint(entry) != plan.fingerprints[kept]:
            raise _FileChanged
        if not plan.duplicates[kept]:
            yield entry.draft
        kept += 1
    if kept != len(plan.fingerprints):
        raise _FileChanged


def _fingerprint(entry: ParsedEntry) -> str:
    draft = entry.draft
    return entry_fingerprint(draft.entry_at, draft.title, draft.body)


# -- reading, an entry at a time ------------------------------------------------------------------
def _entries(kind: ImportSource, path: Path) -> Iterator[ParsedEntry]:
    """Every entry of the file, checked as the usual parser checks it (local time for jrnl's
    zoneless dates, as the command line reads them)."""
    name = path.name
    header, items = stream_entries(path, max_bytes=MAX_JSON_BYTES, max_depth=MAX_JSON_DEPTH)
    budget = AttachmentBudget(MAX_TOTAL_ATTACHMENT_BYTES)
    if kind is ImportSource.JSON:
        check_header(header, name)
    try:
        for index, (item, line) in enumerate(items):
            if index >= MAX_ENTRIES:
                raise NotStreamable("too many entries")  # said by the usual parser
            if kind is ImportSource.JRNL:
                yield jrnl_import._entry(item, index, _At(line), name, None)
                continue
            where = Location(name, line)
            entry = entry_from_json(item, index + 1, where)
            for attachment in entry.draft.attachments:
                budget.take(len(attachment.data), where)
            yield entry
    finally:
        items.close()


class _At(JsonArray):
    """Where one streamed entry is, as the parsers ask an array for it."""

    def __init__(self, line: int) -> None:
        super().__init__()
        self.line = line
        self.item_lines = []

    def line_of(self, index: int) -> int:
        return self.line
