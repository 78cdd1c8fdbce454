"""Importing a large export in bounded memory (issue 17): jrnl's or CareCompanion's JSON,
a Day One export, a folder of Markdown files.

The usual import (:mod:`importing`) holds the whole file and every entry read from it at
once: for 100,000 entries (a 200 MB file) over 900 MiB, and every photo of a Day One export
or a Markdown folder besides. For an input over STREAM_OVER_BYTES (a Day One zip's members
unpacked, a Markdown folder's files together) this reads it twice, an entry at a time
(:mod:`json_stream` for the JSON documents, Day One's Journal.json as it is unpacked from the
zip; a Markdown folder a file at a time; attachments read with their entry), holding only
each entry's fingerprint in between:

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

import contextlib
import os
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path

from carecompanion.errors import CareCompanionError, ImportFormatError
from carecompanion.journal.exchange import jrnl_import
from carecompanion.journal.exchange.dayone_import import stream_dayone_file
from carecompanion.journal.exchange.importing import ImportSource, _summary
from carecompanion.journal.exchange.json_stream import NotStreamable as NotStreamable
from carecompanion.journal.exchange.json_stream import stream_entries
from carecompanion.journal.exchange.limits import (
    MAX_ENTRIES,
    MAX_FOLDER_FILES,
    MAX_JSON_BYTES,
    MAX_JSON_DEPTH,
    MAX_TOTAL_ATTACHMENT_BYTES,
    MIB,
)
from carecompanion.journal.exchange.located_json import JsonArray
from carecompanion.journal.exchange.markdown_import import markdown_entries
from carecompanion.journal.exchange.parsed import (
    AttachmentBudget,
    Location,
    ParsedEntry,
    is_empty,
)
from carecompanion.journal.exchange.safe_zip import SafeZip
from carecompanion.journal.exchange.schema import check_header, entry_from_json
from carecompanion.journal.fingerprint import entry_fingerprint
from carecompanion.journal.service import EntryDraft, JournalService
from carecompanion.progress import ProgressCallback, report

#: Inputs larger than this are imported an entry at a time (about 17,000 typical entries).
STREAM_OVER_BYTES = 32 * MIB


def is_large(kind: ImportSource, path: Path) -> bool:
    """True for an export too large to import all at once: a jrnl or CareCompanion JSON
    file (or a bare Day One Journal.json) over STREAM_OVER_BYTES, a Day One zip whose
    members unpack to more, a Markdown folder whose files (attachments too) come to more."""
    path = Path(path)
    try:
        if kind is ImportSource.MARKDOWN:
            return path.is_dir() and _folder_bytes(path, STREAM_OVER_BYTES) > STREAM_OVER_BYTES
        if kind is ImportSource.DAYONE and path.is_file() and path.suffix.lower() != ".json":
            return _unpacked_bytes(path) > STREAM_OVER_BYTES
        return path.stat().st_size > STREAM_OVER_BYTES
    except (OSError, CareCompanionError):
        return False  # the usual import says what is wrong with it


def _folder_bytes(root: Path, enough: int) -> int:
    """The size of the files under ``root`` (not following links), counted until it is
    over ``enough`` or MAX_FOLDER_FILES were seen (the usual import refuses more)."""
    total = seen = 0
    for folder, dirs, names in os.walk(root, followlinks=False):
        seen += len(names) + len(dirs)
        for name in names:
            with contextlib.suppress(OSError):  # the import says what is wrong with it
                total += Path(folder, name).lstat().st_size
        if total > enough or seen > MAX_FOLDER_FILES:
            break
    return total


def _unpacked_bytes(path: Path) -> int:
    """What a zip's members unpack to, as their headers say (SafeZip checks the headers
    and refuses an archive that could hurt: the usual import then says why)."""
    archive = SafeZip(str(path), path.name)
    try:
        return sum(info.file_size for info in archive.members.values())
    finally:
        archive.close()


class _FileChanged(Exception):
    """An entry read the second time is not the one read the first."""


@dataclass(frozen=True, slots=True)
class PlanRow:
    """What the app's preview lists of an entry (never its text or attachments)."""

    entry_at: datetime
    time_zone: str | None
    is_all_day: bool
    title: str
    attachments: int


@dataclass
class LargePlan:
    """What a large import will do, with nothing of the entries kept but fingerprints (and,
    for the app's preview, a row each: see PlanRow)."""

    source: Path
    kind: ImportSource
    fingerprints: list[str] = field(default_factory=list)  # the entries kept, in order
    attachments: list[int] = field(default_factory=list)  # how many each has
    empty_skipped: int = 0
    duplicates: list[bool] = field(default_factory=list)  # set by flag_duplicates
    rows: list[PlanRow] = field(default_factory=list)  # with rows=True, in step with them

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


#: Entries read between two reports of the first read (which cannot know how many there are).
READ_REPORT_EVERY = 200


def plan_large_import(
    kind: ImportSource,
    path: Path,
    *,
    rows: bool = False,
    progress: ProgressCallback | None = None,
) -> LargePlan:
    """Step 1: read and check every entry, keeping fingerprints (and with ``rows`` what the
    app's preview lists). NotStreamable: import the file the usual way (which says what is
    wrong with it, if anything is), except for a Markdown folder, refused here as the usual
    import refuses it (ImportFormatError). ``progress(read, 0)``, every READ_REPORT_EVERY
    entries, may cancel (Cancelled): nothing is written yet."""
    plan = LargePlan(Path(path), ImportSource(kind))
    read = 0
    try:
        for entry in _entries(plan.kind, plan.source):
            read += 1
            if read % READ_REPORT_EVERY == 0:
                report(progress, read, 0)
            if is_empty(entry):
                plan.empty_skipped += 1
                continue
            draft = entry.draft
            plan.fingerprints.append(_fingerprint(entry))
            plan.attachments.append(len(draft.attachments))
            if rows:
                plan.rows.append(
                    PlanRow(
                        draft.entry_at,
                        draft.time_zone,
                        draft.is_all_day,
                        draft.title,
                        len(draft.attachments),
                    )
                )
    except ImportFormatError:
        if plan.kind is ImportSource.MARKDOWN:
            raise  # read a file at a time, as the usual import reads a folder: the same words
        raise NotStreamable("the usual import says where") from None
    except (CareCompanionError, NotStreamable) as exc:
        raise NotStreamable("the usual import decides") from exc
    return plan


def preview_large(
    journal: JournalService,
    kind: ImportSource,
    path: Path,
    *,
    progress: ProgressCallback | None = None,
) -> LargePlan | None:
    """The app's preview of a large input: steps 1 and 2, with a row per entry for its list.
    None: read it whole (``importing.preview_import``): the input is not large, or the fast
    reader leaves it to the usual one, which says what is wrong with it. ImportFormatError:
    a Markdown folder refused, as the usual import refuses it."""
    if not is_large(kind, path):
        return None
    try:
        plan = plan_large_import(kind, path, rows=True, progress=progress)
    except NotStreamable:
        return None
    flag_duplicates(journal, plan)
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
    progress: ProgressCallback | None = None,
) -> LargeResult:
    """Step 3: the new entries, in one transaction. The file changed since step 1 (or no
    longer reads as it did): raises NotStreamable with nothing written; import it the usual
    way. As ``commit_import``: the last chance to cancel is before the write starts."""
    report(progress, 0, plan.new_count)
    if plan.new_count == 0:
        return LargeResult((), plan)  # nothing to write: no need to read it all again
    try:
        ids = journal.add_drafts(_new_drafts(plan), total=plan.new_count, progress=progress)
    except (_FileChanged, NotStreamable, ImportFormatError) as exc:
        # Read differently the second time: the file changed. Nothing was written.
        raise NotStreamable("the file changed while it was imported") from exc
    return LargeResult(tuple(ids), plan)


def import_in_one_read(
    journal: JournalService,
    kind: ImportSource,
    path: Path,
    *,
    progress: ProgressCallback | None = None,
) -> LargeResult:
    """The command line's import of a large input: read, checked and written in one pass,
    in one transaction (``JournalService.add_new_drafts``: an entry the journal has, or that
    came earlier in the file, left out). A bad entry anywhere rolls it all back: nothing is
    written. NotStreamable: import the file the usual way (which says what is wrong with
    it), except for a Markdown folder, refused here as the usual import refuses it.

    Reading twice (``plan_large_import`` then ``commit_large_import``) is for the app,
    which shows what will be imported before anything is; the command line only says what
    it did, and reading once made 20,000 Day One entries about a sixth quicker (issue 17).
    ``progress(read, read)`` every batch."""
    plan = LargePlan(Path(path), ImportSource(kind))

    def drafts() -> Iterator[EntryDraft]:
        try:
            for entry in _entries(plan.kind, plan.source):
                if is_empty(entry):
                    plan.empty_skipped += 1
                    continue
                fingerprint = _fingerprint(entry)
                plan.fingerprints.append(fingerprint)
                plan.attachments.append(len(entry.draft.attachments))
                yield replace(entry.draft, fingerprint=fingerprint)  # not taken again
        except ImportFormatError:
            if plan.kind is ImportSource.MARKDOWN:
                raise  # as plan_large_import: the usual import's words
            raise NotStreamable("the usual import says where") from None
        except (CareCompanionError, NotStreamable) as exc:
            raise NotStreamable("the usual import decides") from exc

    placed = journal.add_new_drafts(drafts(), progress=progress)
    plan.duplicates = [entry_id is None for entry_id in placed]
    return LargeResult(tuple(i for i in placed if i is not None), plan)


def _new_drafts(plan: LargePlan) -> Iterator[EntryDraft]:
    kept = 0
    for entry in _entries(plan.kind, plan.source):
        if is_empty(entry):
            continue
        fingerprint = _fingerprint(entry)
        if kept >= len(plan.fingerprints) or fingerprint != plan.fingerprints[kept]:
            raise _FileChanged
        if not plan.duplicates[kept]:
            yield replace(entry.draft, fingerprint=fingerprint)  # not taken a third time
        kept += 1
    if kept != len(plan.fingerprints):
        raise _FileChanged


def _fingerprint(entry: ParsedEntry) -> str:
    draft = entry.draft
    return entry_fingerprint(draft.entry_at, draft.title, draft.body)


# -- reading, an entry at a time ------------------------------------------------------------------
def _entries(kind: ImportSource, path: Path) -> Iterator[ParsedEntry]:
    """Every entry of the input, checked as the usual parser checks it (local time for
    jrnl's and Markdown's zoneless dates, as the command line reads them)."""
    if kind is ImportSource.DAYONE:
        return stream_dayone_file(path)
    if kind is ImportSource.MARKDOWN:
        return markdown_entries(path)
    return _json_entries(kind, path)


def _json_entries(kind: ImportSource, path: Path) -> Iterator[ParsedEntry]:
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
