"""Journal operations on the encrypted database. Returns plain data; holds no session.

The full-text index (journal_fts) is kept in step by triggers on journal_entries (migration
0002), so every write here, in the same transaction, updates it too: this module only has to
keep ``tag_text`` (the tags as the index sees them) right whenever tags change.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Iterator, Sequence
from datetime import date, datetime, tzinfo
from itertools import islice
from typing import Any

import sqlalchemy as sa
from sqlalchemy import delete, except_, exists, func, insert, select, update
from sqlalchemy.orm import Session

from carecompanion.clock import Clock
from carecompanion.journal import search_index
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
from carecompanion.journal.filters import EntryFilter, filter_conditions, id_queries
from carecompanion.journal.fingerprint import entry_fingerprint
from carecompanion.journal.search import build_match_query, parse_snippet
from carecompanion.journal.tags import clean_tags, join_tags, split_tags
from carecompanion.storage.database import Database
from carecompanion.storage.models import Attachment, JournalEntry, Tag, entry_tags

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
_IN_CHUNK = 500  # values per IN (...) list, well below SQLite's variable limit


def _require_aware(when: datetime) -> datetime:
    if when.tzinfo is None or when.utcoffset() is None:
        raise ValueError("entry dates must be timezone-aware")
    return when


def _chunks(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


_HAS_ATTACHMENTS = exists().where(Attachment.entry_id == JournalEntry.id).label("has_attachments")
_SUMMARY_COLUMNS = (
    JournalEntry.id,
    JournalEntry.entry_at,
    JournalEntry.title,
    JournalEntry.is_favourite,
    JournalEntry.tag_text,
    _HAS_ATTACHMENTS,
)
_NEWEST_FIRST = (JournalEntry.entry_at.desc(), JournalEntry.id.desc())


def _summary(row: sa.Row[int, datetime, str, bool, str, bool]) -> EntrySummary:
    return EntrySummary(
        id=row.id,
        entry_at=row.entry_at,
        title=row.title,
        is_favourite=bool(row.is_favourite),
        has_attachments=bool(row.has_attachments),
        tags=split_tags(row.tag_text),
    )


def _attachment_info(row: sa.Row[int, int, str, str, int, datetime]) -> AttachmentInfo:
    return AttachmentInfo(
        id=row.id,
        entry_id=row.entry_id,
        filename=row.filename,
        mime_type=row.mime_type,
        size=row.size,
        created_at=row.created_at,
    )


_ATTACHMENT_INFO_COLUMNS = (
    Attachment.id,
    Attachment.entry_id,
    Attachment.filename,
    Attachment.mime_type,
    Attachment.size,
    Attachment.created_at,
)


class _TagResolver:
    """Tag names to tag rows within one transaction, creating the missing ones.

    Lookups go through SQL so "sleep" finds an existing "Sleep" exactly as the NOCASE column
    compares, and the first spelling ever used is the one kept.
    """

    def __init__(self, session: Session) -> None:
        self._session = session
        self._cache: dict[str, tuple[int, str]] = {}

    def resolve(self, names: Iterable[str]) -> list[tuple[int, str]]:
        resolved: dict[int, str] = {}
        for name in clean_tags(names):
            if name not in self._cache:
                found = self._session.execute(
                    select(Tag.id, Tag.name).where(Tag.name == name)
                ).first()
                if found is None:
                    tag_id = self._session.execute(
                        insert(Tag).returning(Tag.id), {"name": name}
                    ).scalar_one()
                    found_pair = (tag_id, name)
                else:
                    found_pair = (found.id, found.name)
                self._cache[name] = found_pair
            tag_id, stored = self._cache[name]
            resolved[tag_id] = stored
        return list(resolved.items())


class JournalService:
    def __init__(self, database: Database, clock: Clock, tz: tzinfo | None = None) -> None:
        """``tz`` is the user's zone for entry days; None means this computer's local zone."""
        self._db = database
        self._clock = clock
        self._tz = tz

    # -- helpers ------------------------------------------------------------------------------
    def _day(self, when: datetime) -> str:
        return _require_aware(when).astimezone(self._tz).date().isoformat()

    def _read(self, session: Session, entry_id: int) -> Entry:
        row = session.get(JournalEntry, entry_id, populate_existing=True)
        if row is None:
            raise EntryNotFound(entry_id)
        attachments = session.execute(
            select(*_ATTACHMENT_INFO_COLUMNS)
            .where(Attachment.entry_id == entry_id)
            .order_by(Attachment.id)
        ).all()
        return Entry(
            id=row.id,
            uid=row.uid,
            title=row.title,
            body=row.body,
            entry_at=row.entry_at,
            created_at=row.created_at,
            updated_at=row.updated_at,
            tags=split_tags(row.tag_text),
            is_favourite=row.is_favourite,
            attachments=tuple(_attachment_info(a) for a in attachments),
        )

    def _check_draft(self, draft: EntryDraft) -> None:
        """Everything that can be wrong with a draft, found before anything is written."""
        _require_aware(draft.entry_at)
        for moment in (
            draft.created_at,
            draft.updated_at,
            *(a.created_at for a in draft.attachments),
        ):
            if moment is not None:
                _require_aware(moment)
        total = 0
        for attachment in draft.attachments:
            name = clean_filename(attachment.filename)
            check_size(name, len(attachment.data), total)
            total += len(attachment.data)

    def _insert(
        self, session: Session, drafts: Sequence[EntryDraft], tags: _TagResolver
    ) -> list[int]:
        for draft in drafts:
            self._check_draft(draft)
        now = self._clock.now()
        resolved = [tags.resolve(draft.tags) for draft in drafts]
        rows = [
            {
                "uid": uuid.uuid4().hex,
                "title": draft.title.strip(),
                "body": draft.body,
                "entry_at": draft.entry_at,
                "created_at": draft.created_at or now,
                "updated_at": draft.updated_at or draft.created_at or now,
                "is_favourite": draft.is_favourite,
                "entry_day": self._day(draft.entry_at),
                "fingerprint": self.fingerprint(draft),
                "tag_text": join_tags([name for _id, name in pairs]),
            }
            for draft, pairs in zip(drafts, resolved, strict=True)
        ]
        ids = list(
            session.scalars(
                insert(JournalEntry).returning(JournalEntry.id, sort_by_parameter_order=True),
                rows,
            )
        )
        links = [
            {"entry_id": entry_id, "tag_id": tag_id}
            for entry_id, pairs in zip(ids, resolved, strict=True)
            for tag_id, _name in pairs
        ]
        if links:
            session.execute(insert(entry_tags), links)
        files = [
            {
                "entry_id": entry_id,
                "uid": uuid.uuid4().hex,
                "filename": clean_filename(attachment.filename),
                "mime_type": clean_mime_type(attachment.mime_type),
                "size": len(attachment.data),
                "data": attachment.data,
                "created_at": attachment.created_at or now,
            }
            for entry_id, draft in zip(ids, drafts, strict=True)
            for attachment in draft.attachments
        ]
        if files:
            session.execute(insert(Attachment), files)
        return ids

    def _set_tags(self, session: Session, entry_id: int, names: Sequence[str]) -> str:
        pairs = _TagResolver(session).resolve(names)
        session.execute(delete(entry_tags).where(entry_tags.c.entry_id == entry_id))
        if pairs:
            session.execute(
                insert(entry_tags), [{"entry_id": entry_id, "tag_id": t} for t, _ in pairs]
            )
        return join_tags([name for _id, name in pairs])

    @staticmethod
    def _drop_unused_tags(session: Session) -> None:
        # A tag nobody uses any more would linger in the tag list and filter menus.
        session.execute(delete(Tag).where(~exists().where(entry_tags.c.tag_id == Tag.id)))

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
            (entry_id,) = self._insert(session, [draft], _TagResolver(session))
            return self._read(session, entry_id)

    def add_drafts(self, drafts: Iterable[EntryDraft]) -> list[int]:
        """Many entries in one transaction (an import): all of them, or none. Returns ids."""
        ids: list[int] = []
        with self._db.session() as session:
            tags = _TagResolver(session)
            for chunk in _chunks(drafts, _BATCH):
                ids.extend(self._insert(session, chunk, tags))
        return ids

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
            _require_aware(entry_at)
        with self._db.session() as session:
            row = session.get(JournalEntry, entry_id)
            if row is None:
                raise EntryNotFound(entry_id)
            before = (row.title, row.body, row.entry_at, row.is_favourite, row.tag_text)
            if title is not None:
                row.title = title.strip()
            if body is not None:
                row.body = body
            if entry_at is not None:
                row.entry_at = entry_at
                row.entry_day = self._day(entry_at)
            if is_favourite is not None:
                row.is_favourite = is_favourite
            if tags is not None:
                row.tag_text = self._set_tags(session, entry_id, tags)
            after = (row.title, row.body, row.entry_at, row.is_favourite, row.tag_text)
            if after != before:
                row.fingerprint = entry_fingerprint(row.entry_at, row.title, row.body)
                row.updated_at = self._clock.now()
                session.flush()
                if tags is not None:
                    self._drop_unused_tags(session)
            return self._read(session, entry_id)

    def delete(self, entry_id: int) -> None:
        """The entry, its tags' links, its attachments and its search index row, together."""
        with self._db.session() as session:
            deleted = session.execute(
                delete(JournalEntry).where(JournalEntry.id == entry_id),
                execution_options={"synchronize_session": False},
            )
            if deleted.rowcount == 0:  # type: ignore[attr-defined]
                raise EntryNotFound(entry_id)
            self._drop_unused_tags(session)

    # -- reading ------------------------------------------------------------------------------
    def get(self, entry_id: int) -> Entry:
        with self._db.session() as session:
            return self._read(session, entry_id)

    def list_summaries(
        self,
        flt: EntryFilter = EntryFilter(),  # noqa: B008 -- frozen, so a shared default is safe
        *,
        limit: int | None = None,
        after: tuple[datetime, int] | None = None,
    ) -> list[EntrySummary]:
        """Newest first. Page with ``after`` = (entry_at, id) of the last row already shown:
        keyset paging stays as fast on page 500 as on page 1."""
        query = select(*_SUMMARY_COLUMNS).where(*filter_conditions(flt)).order_by(*_NEWEST_FIRST)
        if after is not None:
            after_at, after_id = after
            _require_aware(after_at)
            query = query.where(
                sa.tuple_(JournalEntry.entry_at, JournalEntry.id)
                < sa.tuple_(sa.literal(after_at, JournalEntry.entry_at.type), after_id)
            )
        if limit is not None:
            query = query.limit(limit)
        with self._db.session() as session:
            return [_summary(row) for row in session.execute(query)]

    def count(self, flt: EntryFilter = EntryFilter()) -> int:  # noqa: B008
        queries = id_queries(flt)
        if queries.include is None:
            query = select(func.count(JournalEntry.id)).where(*filter_conditions(flt))
        else:
            # Counted on the narrow indexes the filter reads: every id there is an entry's.
            ids = (
                queries.include
                if queries.exclude is None
                else except_(queries.include, queries.exclude)
            )
            query = select(func.count()).select_from(ids.subquery())
        with self._db.session() as session:
            return int(session.scalar(query) or 0)

    def entries_on(self, day: date) -> list[EntrySummary]:
        """The entries of one local day, newest first."""
        query = (
            select(*_SUMMARY_COLUMNS)
            .where(JournalEntry.entry_day == day.isoformat())
            .order_by(*_NEWEST_FIRST)
        )
        with self._db.session() as session:
            return [_summary(row) for row in session.execute(query)]

    def days_with_entries(self, year: int, month: int) -> set[int]:
        """The days of a month that have at least one entry (for the calendar)."""
        prefix = f"{year:04d}-{month:02d}-"
        query = (
            select(JournalEntry.entry_day)
            .where(JournalEntry.entry_day.between(prefix + "01", prefix + "31"))
            .distinct()
        )
        with self._db.session() as session:
            return {int(day[8:10]) for day in session.scalars(query)}

    def on_this_day(self, day: date) -> list[EntrySummary]:
        """Entries from the same month and day in earlier years, newest first."""
        month_days = [day.strftime("%m-%d")]
        if (day.month, day.day) == (2, 28) and not _is_leap(day.year):
            month_days.append("02-29")  # otherwise a leap-day entry would never come back
        query = (
            select(*_SUMMARY_COLUMNS)
            .where(
                func.substr(JournalEntry.entry_day, 6).in_(month_days),
                JournalEntry.entry_day < f"{day.year:04d}-01-01",
            )
            .order_by(*_NEWEST_FIRST)
        )
        with self._db.session() as session:
            return [_summary(row) for row in session.execute(query)]

    def all_tags(self) -> list[tuple[str, int]]:
        """Every tag in use with its number of entries, by name."""
        query = (
            select(Tag.name, func.count(entry_tags.c.entry_id))
            .join(entry_tags, entry_tags.c.tag_id == Tag.id)
            .group_by(Tag.id)
            .order_by(Tag.name)
        )
        with self._db.session() as session:
            return [(name, int(count)) for name, count in session.execute(query)]

    # -- search -------------------------------------------------------------------------------
    def search(
        self,
        query: str,
        flt: EntryFilter = EntryFilter(),  # noqa: B008
        *,
        limit: int = 50,
    ) -> list[SearchHit]:
        """Entries where every word matches (the last one as a prefix), best match first.

        Ranked by bm25 among the newest ``search_index.CANDIDATES`` matches: exact for any
        query that matches fewer entries, the best of the recent ones for a common word.
        """
        parsed = build_match_query(query)
        if parsed.match is None or limit <= 0:
            return []
        with self._db.session() as session:
            allowed = search_index.Allowed.for_filter(session, flt)
            match = parsed.match
            candidates = search_index.newest_matches(
                session, match, allowed, search_index.CANDIDATES
            )
            if not candidates and parsed.fallback is not None:
                match = parsed.fallback  # a word half typed past its stem: "medicat"
                candidates = search_index.newest_matches(
                    session, match, allowed, search_index.CANDIDATES
                )
            scored = sorted(search_index.rank(session, match, candidates), key=lambda pair: pair[1])
            if not scored:
                return []
            # Keep every row tied with the last one shown: ties go to the newest entry.
            shown = scored[:limit]
            shown += [pair for pair in scored[limit:] if pair[1] == shown[-1][1]]
            details = {
                row.id: row
                for row in session.execute(
                    select(JournalEntry.id, JournalEntry.entry_at, JournalEntry.title).where(
                        JournalEntry.id.in_([entry_id for entry_id, _ in shown])
                    )
                )
            }
            shown.sort(key=lambda pair: (pair[1], -details[pair[0]].entry_at.timestamp(), -pair[0]))
            shown = shown[:limit]
            texts = search_index.snippets(session, match, [i for i, _ in shown])
        hits = []
        for entry_id, _score in shown:
            row = details[entry_id]
            text, highlights = parse_snippet(texts.get(entry_id) or "")
            hits.append(SearchHit(row.id, row.entry_at, row.title, text, highlights))
        return hits

    # -- duplicates (imports) -----------------------------------------------------------------
    def fingerprint(self, draft: EntryDraft) -> str:
        return entry_fingerprint(draft.entry_at, draft.title, draft.body)

    def existing_fingerprints(self, fingerprints: Iterable[str]) -> set[str]:
        """Those of ``fingerprints`` that an entry in the journal already has."""
        found: set[str] = set()
        with self._db.session() as session:
            for chunk in _chunks(set(fingerprints), _IN_CHUNK):
                found.update(
                    session.scalars(
                        select(JournalEntry.fingerprint)
                        .where(JournalEntry.fingerprint.in_(chunk))
                        .distinct()
                    )
                )
        return found

    # -- attachments --------------------------------------------------------------------------
    def add_attachment(
        self, entry_id: int, filename: str, mime_type: str, data: bytes
    ) -> AttachmentInfo:
        """Raises AttachmentTooLarge over MAX_ATTACHMENT_BYTES, or if the entry's attachments
        would together exceed MAX_ENTRY_ATTACHMENT_BYTES."""
        name = clean_filename(filename)
        with self._db.session() as session:
            if session.get(JournalEntry, entry_id) is None:
                raise EntryNotFound(entry_id)
            stored = session.scalar(
                select(func.coalesce(func.sum(Attachment.size), 0)).where(
                    Attachment.entry_id == entry_id
                )
            )
            check_size(name, len(data), int(stored or 0))
            now = self._clock.now()
            row = Attachment(
                entry_id=entry_id,
                uid=uuid.uuid4().hex,
                filename=name,
                mime_type=clean_mime_type(mime_type),
                size=len(data),
                data=bytes(data),
                created_at=now,
            )
            session.add(row)
            session.execute(
                update(JournalEntry).where(JournalEntry.id == entry_id).values(updated_at=now)
            )
            session.flush()
            return AttachmentInfo(row.id, entry_id, row.filename, row.mime_type, row.size, now)

    def attachment_data(self, attachment_id: int) -> bytes:
        with self._db.session() as session:
            data = session.scalar(select(Attachment.data).where(Attachment.id == attachment_id))
        if data is None:
            raise AttachmentNotFound(attachment_id)
        return bytes(data)

    def remove_attachment(self, attachment_id: int) -> None:
        with self._db.session() as session:
            entry_id = session.scalar(
                delete(Attachment)
                .where(Attachment.id == attachment_id)
                .returning(Attachment.entry_id),
                execution_options={"synchronize_session": False},
            )
            if entry_id is None:
                raise AttachmentNotFound(attachment_id)
            session.execute(
                update(JournalEntry)
                .where(JournalEntry.id == entry_id)
                .values(updated_at=self._clock.now())
            )


def _is_leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
