"""Journal operations on the encrypted database. Returns plain data; holds no session."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from carecompanion.clock import Clock
from carecompanion.storage.database import Database
from carecompanion.storage.models import JournalEntry, Tag


class EntryNotFound(LookupError):
    def __init__(self, entry_id: int) -> None:
        super().__init__(f"There is no journal entry with id {entry_id}.")


@dataclass(frozen=True)
class EntrySummary:
    id: int
    entry_at: datetime
    title: str


@dataclass(frozen=True)
class Entry:
    id: int
    uid: str
    title: str
    body: str
    entry_at: datetime
    created_at: datetime
    updated_at: datetime
    tags: tuple[str, ...]
    is_favourite: bool


def _to_entry(row: JournalEntry) -> Entry:
    return Entry(
        id=row.id,
        uid=row.uid,
        title=row.title,
        body=row.body,
        entry_at=row.entry_at,
        created_at=row.created_at,
        updated_at=row.updated_at,
        tags=tuple(tag.name for tag in row.tags),
        is_favourite=row.is_favourite,
    )


def clean_tags(tags: Iterable[str]) -> list[str]:
    """Trimmed, de-duplicated (case-insensitively), in the order given."""
    seen: dict[str, str] = {}
    for tag in tags:
        name = " ".join(tag.split())
        if name and name.casefold() not in seen:
            seen[name.casefold()] = name
    return list(seen.values())


class JournalService:
    def __init__(self, database: Database, clock: Clock) -> None:
        self._db = database
        self._clock = clock

    def _tags(self, session: Session, names: Sequence[str]) -> list[Tag]:
        result = []
        for name in clean_tags(names):
            tag = session.scalar(select(Tag).where(Tag.name == name))
            if tag is None:
                tag = Tag(name=name)
                session.add(tag)
            result.append(tag)
        return result

    def add(
        self,
        title: str,
        body: str,
        tags: Sequence[str] = (),
        entry_at: datetime | None = None,
        is_favourite: bool = False,
    ) -> Entry:
        now = self._clock.now()
        with self._db.session() as session:
            row = JournalEntry(
                uid=uuid.uuid4().hex,
                title=title.strip(),
                body=body,
                entry_at=entry_at or now,
                created_at=now,
                updated_at=now,
                is_favourite=is_favourite,
            )
            row.tags = self._tags(session, tags)
            session.add(row)
            session.flush()
            session.refresh(row, ["tags"])  # in the relationship's order, exactly as get() reads
            return _to_entry(row)

    def get(self, entry_id: int) -> Entry:
        with self._db.session() as session:
            row = session.scalar(
                select(JournalEntry)
                .options(selectinload(JournalEntry.tags))
                .where(JournalEntry.id == entry_id)
            )
            if row is None:
                raise EntryNotFound(entry_id)
            return _to_entry(row)

    def list_summaries(self) -> list[EntrySummary]:
        """Newest first; plain tuples, so even a long journal lists quickly."""
        with self._db.session() as session:
            rows = session.execute(
                select(JournalEntry.id, JournalEntry.entry_at, JournalEntry.title).order_by(
                    JournalEntry.entry_at.desc(), JournalEntry.id.desc()
                )
            ).all()
        return [EntrySummary(id=r.id, entry_at=r.entry_at, title=r.title) for r in rows]

    def count(self) -> int:
        with self._db.session() as session:
            return int(session.scalar(select(func.count(JournalEntry.id))) or 0)
