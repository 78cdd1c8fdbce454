"""What this member shares in a circle: journal entries and mood summaries (after the
redaction list, one for every circle) and their withdrawals. Comments and reactions are
``replies``'s.

Each one is a signed record added to the registry's copy of the circle at once, marking it
"dirty"; the next sync writes it to the file. So nothing is lost when the shared folder is
away (a USB stick unplugged). A shared entry remembers which journal entry it came from, so
sharing it again makes a new version of the same record, and the journal can say where an
entry is shared and whether it changed since.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any, Protocol

from sqlalchemy import select

from carecompanion.circle import errors as said
from carecompanion.circle.errors import CircleError, RecordNotFound
from carecompanion.circle.models import ShareRow
from carecompanion.circle.redact import Redactions, redact
from carecompanion.circle.redaction_list import RedactionList
from carecompanion.circle.registry import CircleInfo, CircleRegistry
from carecompanion.circle.serial import one_at_a_time
from carecompanion.circle.writing import RecordWriter
from carecompanion.journal.entries import Entry
from carecompanion.storage.database import Database


class EntrySource(Protocol):
    """Where shared entries come from (the ``JournalService``)."""

    def get(self, entry_id: int) -> Entry: ...


def entry_content(entry: Entry, redactions: Redactions) -> dict[str, Any]:
    return {
        "title": redact(entry.title, redactions),
        "body": redact(entry.body, redactions),
        "tags": [redact(tag, redactions) for tag in entry.tags],
        "day": entry.local_at.date().isoformat(),  # the day where it was written
    }


class CircleSharing:
    def __init__(
        self,
        database: Database,
        registry: CircleRegistry,
        writer: RecordWriter,
        entries: EntrySource | None,
        changes: threading.RLock,
    ) -> None:
        self._db = database
        self._registry = registry
        self._writer = writer
        self._entries = entries
        self._redactions = RedactionList(database)
        self.changes = changes

    # -- redactions: one list for every circle ----------------------------------------------

    def redaction_list(self) -> list[tuple[str, str]]:
        return self._redactions.pairs()

    @one_at_a_time
    def set_redaction_list(self, pairs: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
        return self._redactions.replace(pairs)

    @one_at_a_time
    def add_redactions(self, pairs: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
        return self._redactions.add(pairs)

    def redactions(self, circle_id: str) -> list[tuple[str, str]]:
        """The one list (every circle has the same); ``circle_id`` is kept for old callers."""
        self._registry.circle(circle_id)  # CircleNotFound for a circle not in this vault
        return self._redactions.pairs()

    @one_at_a_time
    def set_redactions(self, circle_id: str, pairs: Iterable[tuple[str, str]]) -> None:
        """Set the one list, from any circle's share dialog."""
        self._registry.circle(circle_id)
        self._redactions.replace(pairs)

    # -- entries and mood summaries -------------------------------------------------------

    def preview_entry(
        self, circle_id: str, entry_id: int, extra: Redactions = ()
    ) -> dict[str, Any]:
        """Exactly what ``share_entry`` would put in the circle file (``extra`` words added to
        the list first, as ``share_entry`` would)."""
        self._registry.circle(circle_id)
        return entry_content(self._entry(entry_id), self._redactions.with_added(extra))

    @one_at_a_time
    def share_entry(self, circle_id: str, entry_id: int, extra: Redactions = ()) -> str:
        """Share an entry (or its new version, if it was shared before), after adding the
        ``extra`` words to the redaction list. Returns the record id. Sharing an entry that has
        not changed since it was shared writes nothing new (a retry is not a new version)."""
        entry = self._entry(entry_id)
        content = self._writer.writable_copy(circle_id)
        pairs = self._redactions.add(extra) if extra else self._redactions.pairs()
        body = entry_content(entry, pairs)
        existing = self._share_of(circle_id, entry_id)
        current = content.items.get(("record", existing)) if existing is not None else None
        if current is not None and current.fields["content"] == body:
            rid = str(existing)  # shared as it is already (a retry): no new version
        else:
            item = self._writer.new_record(content, "entry", body, existing=existing)
            rid = str(item.fields["id"])
            self._registry.store(circle_id, content, dirty=True)
        with self._db.session() as session:
            session.merge(
                ShareRow(
                    circle_id=circle_id,
                    record_id=rid,
                    entry_id=entry_id,
                    entry_updated_at=entry.updated_at,
                )
            )
        return rid

    def preview_mood_text(self, circle_id: str, text: str) -> str:
        """The summary's words as ``share_mood`` would share them (after the redactions)."""
        return redact(text.strip(), self.redactions(circle_id))

    @one_at_a_time
    def share_mood(
        self, circle_id: str, text: str, first: date, last: date, figures: Mapping[str, str]
    ) -> str:
        content = self._writer.writable_copy(circle_id)
        body = {
            "text": redact(text.strip(), self.redactions(circle_id)),
            "from": first.isoformat(),
            "to": last.isoformat(),
            "figures": dict(figures),
        }
        same = self._writer.just_written(content, "mood", body, None)
        if same is not None:
            return same
        item = self._writer.new_record(content, "mood", body)
        self._registry.store(circle_id, content, dirty=True)
        return str(item.fields["id"])

    def shares_of_entry(self, entry_id: int) -> list[tuple[CircleInfo, str, bool]]:
        """Where an entry is shared: (circle, record id, True if the entry changed since)."""
        with self._db.session() as session:
            rows = session.scalars(select(ShareRow).where(ShareRow.entry_id == entry_id)).all()
            pairs = [(row.circle_id, row.record_id, row.entry_updated_at) for row in rows]
        result = []
        entry = self._entry(entry_id) if pairs else None
        for circle_id, rid, shared_at in pairs:
            current = self._registry.content(circle_id).items.get(("record", rid))
            if current is None or current.fields["kind"] == "withdrawal" or entry is None:
                continue
            result.append((self._registry.circle(circle_id), rid, entry.updated_at > shared_at))
        return result

    @one_at_a_time
    def withdraw(self, circle_id: str, rid: str) -> None:
        content = self._writer.writable_copy(circle_id)
        current = content.items.get(("record", rid))
        if current is not None and current.fields["kind"] == "withdrawal":
            return  # withdrawn already (a retry)
        self._writer.new_record(content, "withdrawal", {}, existing=rid)
        self._registry.store(circle_id, content, dirty=True)

    @one_at_a_time
    def withdraw_entry(self, circle_id: str, entry_id: int) -> str:
        rid = self._share_of(circle_id, entry_id)
        if rid is None:
            raise RecordNotFound(said.ENTRY_NOT_SHARED)
        self.withdraw(circle_id, rid)
        return rid

    # -- records --------------------------------------------------------------------------

    def _entry(self, entry_id: int) -> Entry:
        if self._entries is None:
            raise CircleError(said.NO_JOURNAL)
        return self._entries.get(entry_id)

    def _share_of(self, circle_id: str, entry_id: int) -> str | None:
        with self._db.session() as session:
            row = session.scalars(
                select(ShareRow).where(
                    ShareRow.circle_id == circle_id, ShareRow.entry_id == entry_id
                )
            ).first()
            if row is None:
                return None
            current = self._registry.content(circle_id).items.get(("record", row.record_id))
            if current is None or current.fields["kind"] == "withdrawal":
                return None
            return row.record_id
