"""Every query on the journal's tables: the service decides, the repository reads and writes.

A ``JournalRepository`` works inside one unit of work (the SQLAlchemy session the service
opened with ``Database.session()``), so the calls the service makes in one ``with`` block
commit or roll back together. It takes values the service has already checked and made
(``EntryValues``: dates known to be aware, the day already worked out, the fingerprint
taken) and hands back the journal's frozen values (``entries``), ids and counts. No rule
lives here: which dates are allowed, what a tag name is, how large an attachment may be and
how search results are ranked are the service's.

Reads are shaped for speed under SQLCipher, where every entry row read costs a page
decryption: the timeline's and search's queries are plain SQL in ``reads`` (filters
answered from narrow indexes, the full-text index queried as FTS5 wants), shared with the
command line's read path, which runs them without SQLAlchemy; ``reads`` here runs them in
this unit of work.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import datetime
from typing import Any, NamedTuple, TypedDict

from sqlalchemy import delete, exists, func, insert, select, update
from sqlalchemy.orm import Session

from carecompanion.journal import search_index
from carecompanion.journal.entries import Entry, EntrySummary
from carecompanion.journal.filters import EntryFilter
from carecompanion.journal.models import AttachmentRow, EntryRow, TagRow, TemplateRow, entry_tags
from carecompanion.journal.reads import JournalReads
from carecompanion.journal.writes import AttachmentValues, JournalWrites, chunks

_IN_CHUNK = 500  # values per IN (...) list, well below SQLite's variable limit
#: SQLite's page cache, in KiB, while a large import writes (``large_page_cache``).
LARGE_IMPORT_CACHE_KIB = 64 * 1024


class EntryChanges(TypedDict, total=False):
    """The columns of an entry an update writes (only those given)."""

    title: str
    body: str
    entry_at: datetime
    entry_day: str
    is_favourite: bool
    tag_text: str
    fingerprint: str
    updated_at: datetime


class JournalRepository:
    """The journal's tables within one unit of work."""

    def __init__(self, session: Session) -> None:
        self._session = session
        # The timeline's and search's queries (plain SQL, shared with the command line).
        self.reads = JournalReads(self._rows)
        # The writes of new entries (plain SQL, shared with the command line's journal add).
        self.writes = JournalWrites(self._rows, self._many)

    def _rows(self, sql: str, params: Mapping[str, Any]) -> Sequence[Sequence[Any]]:
        return self._session.connection().exec_driver_sql(sql, dict(params)).all()

    def _many(self, sql: str, params: Sequence[Mapping[str, Any]]) -> None:
        self._session.connection().exec_driver_sql(sql, [dict(p) for p in params])

    # -- entries ------------------------------------------------------------------------------
    def find(self, entry_id: int) -> Entry | None:
        """The whole entry (without attachment data), read afresh; None if there is none."""
        found = self.entries([entry_id])
        return found[0] if found else None

    def entries(self, ids: Sequence[int]) -> list[Entry]:
        """The whole entries of ``ids`` (without attachment data), in that order, those no
        longer there left out. Two queries, whatever the number (an export reads a few
        hundred at a time): the rows, then every attachment of theirs."""
        return self.reads.entries(ids)

    def ids(self, flt: EntryFilter) -> list[int]:
        """The ids of the entries ``flt`` lets through, newest first (only the ids)."""
        return self.reads.ids(flt)

    def exists(self, entry_id: int) -> bool:
        return self._session.get(EntryRow, entry_id) is not None

    def update_entry(self, entry_id: int, changes: EntryChanges) -> None:
        self._session.execute(update(EntryRow).where(EntryRow.id == entry_id).values(**changes))

    def delete_entry(self, entry_id: int) -> bool:
        """The entry, its tag links and attachments (by cascade) and its search index row (by
        trigger). False when there was no such entry."""
        deleted = self._session.execute(
            delete(EntryRow).where(EntryRow.id == entry_id),
            execution_options={"synchronize_session": False},
        )
        return bool(deleted.rowcount)  # type: ignore[attr-defined]

    # -- tags ---------------------------------------------------------------------------------
    def replace_tags(self, entry_id: int, tag_ids: Sequence[int]) -> None:
        self._session.execute(delete(entry_tags).where(entry_tags.c.entry_id == entry_id))
        self.writes.link_tags([(entry_id, tag_id) for tag_id in tag_ids])

    def drop_unused_tags(self) -> None:
        self._session.execute(
            delete(TagRow).where(~exists().where(entry_tags.c.tag_id == TagRow.id))
        )

    def tag_counts(self) -> list[tuple[str, int]]:
        """Every tag in use with its number of entries, by name."""
        query = (
            select(TagRow.name, func.count(entry_tags.c.entry_id))
            .join(entry_tags, entry_tags.c.tag_id == TagRow.id)
            .group_by(TagRow.id)
            .order_by(TagRow.name)
        )
        return [(name, int(count)) for name, count in self._session.execute(query)]

    # -- lists --------------------------------------------------------------------------------
    def summaries(
        self, flt: EntryFilter, *, limit: int | None, after: tuple[datetime, int] | None
    ) -> list[EntrySummary]:
        """Newest first, from after (entry_at, id) when given: keyset paging."""
        return self.reads.summaries(flt, limit=limit, after=after)

    def count(self, flt: EntryFilter) -> int:
        return self.reads.count(flt)

    def summaries_on(self, day: str) -> list[EntrySummary]:
        """The entries of one local day (YYYY-MM-DD), newest first."""
        return self.reads.summaries_on(day)

    def days_between(self, first: str, last: str) -> set[str]:
        """The local days (YYYY-MM-DD) from ``first`` to ``last`` that have an entry."""
        query = select(EntryRow.entry_day).where(EntryRow.entry_day.between(first, last)).distinct()
        return set(self._session.scalars(query))

    def summaries_on_dates(self, month_days: Sequence[str], before: str) -> list[EntrySummary]:
        """Entries on any of ``month_days`` ("MM-DD") of days before ``before``, newest first."""
        return self.reads.summaries_on_dates(month_days, before)

    # -- search -------------------------------------------------------------------------------
    def optimize_search_index(self) -> None:
        search_index.optimize(self._session)

    @contextlib.contextmanager
    def large_page_cache(self) -> Iterator[None]:
        """SQLite's page cache at LARGE_IMPORT_CACHE_KIB for this unit of work's connection
        while a large import writes, then as it was. Past about 20,000 entries the indexes
        the import adds to (entry ids, days, fingerprints, the search index) outgrow the
        usual 2 MiB, and each page missed is read and decrypted again: with 64 MiB, 100,000
        Day One entries imported in 32.5 s instead of 37.5 s, peak 174 MiB instead of 120
        (benchmarks/journal_exchange.py --count 100000 --format dayone)."""
        conn = self._session.connection()
        usual = int(conn.exec_driver_sql("PRAGMA cache_size").scalar_one())
        conn.exec_driver_sql(f"PRAGMA cache_size = -{LARGE_IMPORT_CACHE_KIB}")
        try:
            yield
        finally:
            # Not a write: it cannot fail for want of space. Were it to fail anyway, the
            # connection would only keep a larger cache than it needs.
            with contextlib.suppress(Exception):
                conn.exec_driver_sql(f"PRAGMA cache_size = {usual}")

    def pause_index_merging(self) -> None:
        search_index.set_automerge(self._session, 0)

    def resume_index_merging(self) -> None:
        search_index.set_automerge(self._session, search_index.AUTOMERGE_DEFAULT)

    # -- duplicates (imports) -----------------------------------------------------------------
    def existing_fingerprints(self, fingerprints: Iterable[str]) -> set[str]:
        """Those of ``fingerprints`` that an entry in the journal already has."""
        found: set[str] = set()
        for chunk in chunks(set(fingerprints), _IN_CHUNK):
            found.update(
                self._session.scalars(
                    select(EntryRow.fingerprint).where(EntryRow.fingerprint.in_(chunk)).distinct()
                )
            )
        return found

    # -- attachments --------------------------------------------------------------------------
    def attachments_size(self, entry_id: int) -> int:
        """The bytes an entry's attachments hold together."""
        stored = self._session.scalar(
            select(func.coalesce(func.sum(AttachmentRow.size), 0)).where(
                AttachmentRow.entry_id == entry_id
            )
        )
        return int(stored or 0)

    def insert_attachment(self, values: AttachmentValues) -> int:
        """One attachment; its id."""
        return self._session.execute(
            insert(AttachmentRow).returning(AttachmentRow.id), values
        ).scalar_one()

    def attachment_data(self, attachment_id: int) -> bytes | None:
        data = self._session.scalar(
            select(AttachmentRow.data).where(AttachmentRow.id == attachment_id)
        )
        return None if data is None else bytes(data)

    def delete_attachment(self, attachment_id: int) -> int | None:
        """The id of the entry it belonged to; None if there was no such attachment."""
        return self._session.scalar(
            delete(AttachmentRow)
            .where(AttachmentRow.id == attachment_id)
            .returning(AttachmentRow.entry_id),
            execution_options={"synchronize_session": False},
        )


class TemplateFields(NamedTuple):
    """One of the person's own templates, as stored (tags still joined)."""

    uid: str
    name: str
    title: str
    body: str
    tag_text: str


class TemplateRepository:
    """The person's own templates (the built-in ones live in code, never in the database),
    inside the caller's unit of work."""

    def __init__(self, session: Session) -> None:
        self._session = session

    @staticmethod
    def _fields(row: TemplateRow) -> TemplateFields:
        return TemplateFields(row.uid, row.name, row.title, row.body, row.tag_text)

    def all(self) -> list[TemplateFields]:
        return [self._fields(row) for row in self._session.scalars(select(TemplateRow))]

    def find(self, uid: str) -> TemplateFields | None:
        row = self._row(uid)
        return None if row is None else self._fields(row)

    def add(self, fields: TemplateFields, at: datetime) -> None:
        self._session.add(TemplateRow(**fields._asdict(), created_at=at, updated_at=at))

    def update(self, uid: str, fields: TemplateFields, at: datetime) -> None:
        row = self._row(uid)
        if row is not None:
            row.name, row.title, row.body, row.tag_text = fields[1:]
            row.updated_at = at

    def delete(self, uid: str) -> None:
        row = self._row(uid)
        if row is not None:
            self._session.delete(row)

    def _row(self, uid: str) -> TemplateRow | None:
        return self._session.scalar(select(TemplateRow).where(TemplateRow.uid == uid))
