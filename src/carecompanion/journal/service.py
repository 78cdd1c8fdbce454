"""The journal's rules, over its repository. Returns plain data; holds no session.

Each method is one unit of work: it opens a transaction, asks a ``JournalRepository`` for
rows and writes, and decides everything in between: dates must be timezone-aware, an entry
keeps the zone it was written in (the computer's, by name, unless an import knew another)
and its day is fixed in that zone when it is written, titles are trimmed, tags cleaned, the
attachment limits kept, a change that changes nothing leaves ``updated_at`` alone, and search
results are ranked and cut. The rules for new entries are ``new_entries``' (shared with the
command line's ``journal add``, which writes without SQLAlchemy). The SQL is the
repository's (ORM queries, and the plain SQL of ``reads`` and ``writes`` it runs).

The full-text index (journal_fts) is kept in step by triggers on journal_entries (migration
0011), so every write, in the same transaction, updates it too: the service only has to keep
``tag_text`` (the tags as the index sees them) right whenever tags change.
"""

from __future__ import annotations

import contextlib
import uuid
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import replace
from datetime import date, datetime, tzinfo

from carecompanion.clock import Clock
from carecompanion.journal.attachments import (
    MAX_ATTACHMENT_BYTES,
    MAX_ENTRY_ATTACHMENT_BYTES,
    AttachmentNotFound,
    AttachmentTooLarge,
    check_size,
    clean_filename,
    clean_mime_type,
)
from carecompanion.journal.entries import (
    AttachmentDraft,
    AttachmentInfo,
    Entry,
    EntryDraft,
    EntryNotFound,
    EntrySummary,
    SearchHit,
)
from carecompanion.journal.filters import EntryFilter
from carecompanion.journal.fingerprint import entry_fingerprint
from carecompanion.journal.new_entries import (
    SETTLE_AFTER,
    NewEntries,
    draft_fingerprint,
    learn_new_words,
    read_entry,
    require_aware,
    tag_pairs,
)
from carecompanion.journal.reads import JournalReads
from carecompanion.journal.repository import EntryChanges, JournalRepository
from carecompanion.journal.tags import clean_tags, join_tags, split_tags
from carecompanion.journal.writes import AttachmentValues, chunks
from carecompanion.storage import compaction
from carecompanion.storage.database import Database

__all__ = [
    "MAX_ATTACHMENT_BYTES",
    "MAX_ENTRY_ATTACHMENT_BYTES",
    "AttachmentDraft",
    "AttachmentInfo",
    "AttachmentNotFound",
    "AttachmentTooLarge",
    "Entry",
    "EntryDraft",
    "EntryFilter",
    "EntryNotFound",
    "EntrySummary",
    "JournalService",
    "SearchHit",
    "clean_tags",
]

_BATCH = 500  # rows per INSERT when adding many entries at once (imports, benchmarks)
#: Entries read per query when reading many whole entries (exports).
READ_BATCH = 500


def _new_among(repo: JournalRepository, drafts: Sequence[EntryDraft]) -> list[EntryDraft | None]:
    """``drafts`` with None in place of each the journal has already (by fingerprint; those
    written earlier in this transaction included) or that came earlier in ``drafts``; the
    others carry their fingerprint, so it is not taken again when they are written."""
    marked = [
        d if d.fingerprint is not None else replace(d, fingerprint=draft_fingerprint(d))
        for d in drafts
    ]
    seen = repo.existing_fingerprints(d.fingerprint for d in marked if d.fingerprint)
    kept: list[EntryDraft | None] = []
    for draft in marked:
        if draft.fingerprint in seen:
            kept.append(None)
        else:
            seen.add(str(draft.fingerprint))
            kept.append(draft)
    return kept


class JournalService:
    def __init__(self, database: Database, clock: Clock, tz: tzinfo | None = None) -> None:
        """``tz`` is where the person is now: new entries are written in it (by name) and
        entries without a zone of their own are filed in it; None means this computer's
        local zone, looked up afresh for every entry written."""
        self._db = database
        self._clock = clock
        # The rules for new entries, shared with the command line's journal add.
        self._new = NewEntries(clock, tz)

    def current_zone(self) -> str:
        """The zone a new entry written now records: the injected one, else this computer's."""
        return self._new.current_zone()

    def _insert(self, repo: JournalRepository, drafts: Sequence[EntryDraft]) -> list[int]:
        return self._new.insert(repo.writes, drafts)

    # -- writing ------------------------------------------------------------------------------
    def add(
        self,
        title: str,
        body: str,
        tags: Sequence[str] = (),
        entry_at: datetime | None = None,
        is_favourite: bool = False,
    ) -> Entry:
        when = self._clock.now() if entry_at is None else entry_at
        return self.add_draft(EntryDraft(title, body, when, tuple(tags), is_favourite))

    def add_draft(self, draft: EntryDraft) -> Entry:
        """One transaction: the entry, its tags and its attachments, or nothing."""
        with self._db.session() as session:
            repo = JournalRepository(session)
            return self._new.add(repo.writes, repo.reads, draft)

    def add_drafts(
        self,
        drafts: Iterable[EntryDraft],
        *,
        total: int | None = None,
        progress: Callable[[int, int], object] | None = None,
    ) -> list[int]:
        """Many entries in one transaction (an import): all of them, or none. Returns ids.

        Written _BATCH at a time (one INSERT per batch, not per entry), telling
        ``progress(done, total)`` after each (``total``: how many ``drafts`` hold, when they
        come from an iterator). It is told, not asked: the write is one transaction, and
        once started it ends (its answer is ignored), so a crash, a full disk, a bad draft
        or an error from the iterator anywhere leaves nothing of it behind, and a lock waits
        for it. Only a batch of drafts is held at a time when they come from an iterator."""
        if total is None and isinstance(drafts, Sequence):
            total = len(drafts)
        placed = self._add_many(drafts, total=total, progress=progress, only_new=False)
        return [entry_id for entry_id in placed if entry_id is not None]

    def add_new_drafts(
        self,
        drafts: Iterable[EntryDraft],
        *,
        progress: Callable[[int, int], object] | None = None,
    ) -> list[int | None]:
        """An import read once (the command line's): as ``add_drafts``, but a draft the
        journal already has (by fingerprint), or that came earlier among these, is left out.
        For each draft in order, its new entry's id, or None where it was left out.
        ``progress(done, done)`` counts the drafts read so far (how many will come is not
        known)."""
        return self._add_many(drafts, total=None, progress=progress, only_new=True)

    def _add_many(
        self,
        drafts: Iterable[EntryDraft],
        *,
        total: int | None,
        progress: Callable[[int, int], object] | None,
        only_new: bool,
    ) -> list[int | None]:
        placed: list[int | None] = []
        # A large import pauses FTS5's merging of index segments as rows are written, and
        # merges them all once after (settle): 100,000 entries took 38 s to write with it,
        # 27 s without. Set and set back inside the import's transaction, so a crash or an
        # error leaves the index's settings as they were.
        pause = total is None or total >= SETTLE_AFTER
        with self._db.session() as session, contextlib.ExitStack() as large:
            repo = JournalRepository(session)  # one for all: it remembers the tags it met
            if pause:
                large.enter_context(repo.large_page_cache())
                repo.pause_index_merging()
            for chunk in chunks(drafts, _BATCH):
                kept = _new_among(repo, chunk) if only_new else list(chunk)
                ids = iter(self._insert(repo, [d for d in kept if d is not None]))
                placed.extend(None if draft is None else next(ids) for draft in kept)
                if progress is not None:
                    progress(len(placed), len(placed) if total is None else total)
            if pause:
                repo.resume_index_merging()
            written = sum(entry_id is not None for entry_id in placed)
            if written < SETTLE_AFTER:
                learn_new_words(repo.writes)
        if written >= SETTLE_AFTER:
            self.settle()
        return placed

    def settle(self) -> None:
        """After a large import: the search index merged into one segment (each query reads
        every segment: a 3,650-entry import left six, and searches took twice as long), its
        words learnt for prefix search from its vocabulary, and the pages all this freed
        given back when they are a tenth of the file."""
        with self._db.session() as session:
            repo = JournalRepository(session)
            with repo.large_page_cache():  # merging reads the whole index
                repo.optimize_search_index()
                repo.writes.learn_all_words()
        compaction.compact(self._db.engine, when_free=0.1)

    def update(
        self,
        entry_id: int,
        *,
        title: str | None = None,
        body: str | None = None,
        tags: Sequence[str] | None = None,
        entry_at: datetime | None = None,
        is_favourite: bool | None = None,
    ) -> Entry:
        """Change only what is given; an update that changes nothing leaves updated_at alone."""
        if entry_at is not None:
            require_aware(entry_at)
        with self._db.session() as session:
            repo = JournalRepository(session)
            before = read_entry(repo.reads, entry_id)
            changes = EntryChanges()
            if title is not None:
                changes["title"] = title.strip()
            if body is not None:
                changes["body"] = body
            if entry_at is not None:
                changes["entry_at"] = entry_at
                changes["entry_day"] = self._new.day(entry_at, before.time_zone)
            if is_favourite is not None:
                changes["is_favourite"] = is_favourite
            if tags is not None:
                pairs = tag_pairs(repo.writes, tags)
                repo.replace_tags(entry_id, [tag_id for tag_id, _name in pairs])
                changes["tag_text"] = join_tags([name for _id, name in pairs])
            after_title = changes.get("title", before.title)
            after_body = changes.get("body", before.body)
            after_at = changes.get("entry_at", before.entry_at)
            changed = (
                after_title,
                after_body,
                after_at,
                changes.get("is_favourite", before.is_favourite),
                split_tags(changes["tag_text"]) if "tag_text" in changes else before.tags,
            ) != (before.title, before.body, before.entry_at, before.is_favourite, before.tags)
            if changed:
                changes["fingerprint"] = entry_fingerprint(after_at, after_title, after_body)
                changes["updated_at"] = self._clock.now()
            if changes:
                repo.update_entry(entry_id, changes)
                learn_new_words(repo.writes)
            if changed and tags is not None:
                # A tag nobody uses any more would linger in the tag list and filter menus.
                repo.drop_unused_tags()
            return read_entry(repo.reads, entry_id)

    def delete(self, entry_id: int) -> None:
        """The entry, its tags' links, its attachments and its search index row, together."""
        with self._db.session() as session:
            repo = JournalRepository(session)
            if not repo.delete_entry(entry_id):
                raise EntryNotFound(entry_id)
            repo.drop_unused_tags()

    # -- reading ------------------------------------------------------------------------------
    def get(self, entry_id: int) -> Entry:
        with self._db.session() as session:
            return read_entry(JournalRepository(session).reads, entry_id)

    def entries(self, ids: Sequence[int], *, batch: int | None = None) -> Iterator[Entry]:
        """The whole entries of ``ids`` (without attachment data), in that order, read
        ``batch`` (READ_BATCH) at a time, two queries each: an export streams through a
        journal of any size without holding it. An id no longer there raises EntryNotFound,
        as ``get`` does."""
        for chunk in chunks(ids, batch or READ_BATCH):
            with self._db.session() as session:
                found = JournalRepository(session).entries(chunk)
            if len(found) != len(chunk):
                missing = set(chunk).difference(entry.id for entry in found)
                raise EntryNotFound(min(missing))
            yield from found

    def entry_ids(
        self,
        flt: EntryFilter = EntryFilter(),  # noqa: B008 -- frozen, so a shared default is safe
    ) -> list[int]:
        """The ids of the entries ``flt`` lets through, newest first (nothing else read)."""
        with self._db.session() as session:
            return JournalRepository(session).ids(flt)

    def list_summaries(
        self,
        flt: EntryFilter = EntryFilter(),  # noqa: B008 -- frozen, so a shared default is safe
        *,
        limit: int | None = None,
        after: tuple[datetime, int] | None = None,
    ) -> list[EntrySummary]:
        """Newest first. Page with ``after`` = (entry_at, id) of the last row already shown:
        keyset paging stays as fast on page 500 as on page 1."""
        if after is not None:
            require_aware(after[0])
        with self._db.session() as session:
            return JournalRepository(session).summaries(flt, limit=limit, after=after)

    def count(self, flt: EntryFilter = EntryFilter()) -> int:  # noqa: B008
        with self._db.session() as session:
            return JournalRepository(session).count(flt)

    def entries_on(self, day: date) -> list[EntrySummary]:
        """The entries of one local day, newest first."""
        with self._db.session() as session:
            return JournalRepository(session).summaries_on(day.isoformat())

    def days_with_entries(self, year: int, month: int) -> set[int]:
        """The days of a month that have at least one entry (for the calendar)."""
        prefix = f"{year:04d}-{month:02d}-"
        with self._db.session() as session:
            days = JournalRepository(session).days_between(prefix + "01", prefix + "31")
        return {int(day[8:10]) for day in days}

    def on_this_day(self, day: date) -> list[EntrySummary]:
        """Entries from the same month and day in earlier years, newest first."""
        month_days = [day.strftime("%m-%d")]
        if (day.month, day.day) == (2, 28) and not _is_leap(day.year):
            month_days.append("02-29")  # otherwise a leap-day entry would never come back
        with self._db.session() as session:
            return JournalRepository(session).summaries_on_dates(
                month_days, before=f"{day.year:04d}-01-01"
            )

    def all_tags(self) -> list[tuple[str, int]]:
        """Every tag in use with its number of entries, by name."""
        with self._db.session() as session:
            return JournalRepository(session).tag_counts()

    @contextlib.contextmanager
    def reading(self) -> Iterator[JournalReads]:
        """The journal's read queries (journal/reads.py) in one unit of work."""
        with self._db.session() as session:
            yield JournalRepository(session).reads

    # -- search -------------------------------------------------------------------------------
    def search(
        self,
        query: str,
        flt: EntryFilter = EntryFilter(),  # noqa: B008
        *,
        limit: int = 50,
    ) -> list[SearchHit]:
        """Entries where every word matches (the last one as a prefix), best match first.

        Ranked by bm25 among the newest ``reads.CANDIDATES`` matches: exact for any
        query that matches fewer entries, the best of the recent ones for a common word.
        """
        with self._db.session() as session:
            return JournalRepository(session).reads.search(query, flt, limit=limit)

    # -- duplicates (imports) -----------------------------------------------------------------
    def fingerprint(self, draft: EntryDraft) -> str:
        return draft_fingerprint(draft)

    def existing_fingerprints(self, fingerprints: Iterable[str]) -> set[str]:
        """Those of ``fingerprints`` that an entry in the journal already has."""
        with self._db.session() as session:
            return JournalRepository(session).existing_fingerprints(fingerprints)

    # -- attachments --------------------------------------------------------------------------
    def add_attachment(
        self, entry_id: int, filename: str, mime_type: str, data: bytes
    ) -> AttachmentInfo:
        """Raises AttachmentTooLarge over MAX_ATTACHMENT_BYTES, or if the entry's attachments
        would together exceed MAX_ENTRY_ATTACHMENT_BYTES."""
        name = clean_filename(filename)
        with self._db.session() as session:
            repo = JournalRepository(session)
            if not repo.exists(entry_id):
                raise EntryNotFound(entry_id)
            check_size(name, len(data), repo.attachments_size(entry_id))
            now = self._clock.now()
            values = AttachmentValues(
                entry_id=entry_id,
                uid=uuid.uuid4().hex,
                filename=name,
                mime_type=clean_mime_type(mime_type),
                size=len(data),
                data=bytes(data),
                created_at=now,
            )
            attachment_id = repo.insert_attachment(values)
            repo.update_entry(entry_id, EntryChanges(updated_at=now))
            return AttachmentInfo(
                attachment_id, entry_id, values["filename"], values["mime_type"], len(data), now
            )

    def attachment_data(self, attachment_id: int) -> bytes:
        with self._db.session() as session:
            data = JournalRepository(session).attachment_data(attachment_id)
        if data is None:
            raise AttachmentNotFound(attachment_id)
        return data

    def remove_attachment(self, attachment_id: int) -> None:
        with self._db.session() as session:
            repo = JournalRepository(session)
            entry_id = repo.delete_attachment(attachment_id)
            if entry_id is None:
                raise AttachmentNotFound(attachment_id)
            repo.update_entry(entry_id, EntryChanges(updated_at=self._clock.now()))


def _is_leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
