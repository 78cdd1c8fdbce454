"""What this member writes in a circle: shared journal entries and mood summaries (after the
circle's redactions), comments, reactions and withdrawals.

Each one is a signed record added to the registry's copy of the circle at once, marking it
"dirty"; the next sync writes it to the file. So nothing is lost when the shared folder is
away (a USB stick unplugged). A shared entry remembers which journal entry it came from, so
sharing it again makes a new version of the same record, and the journal can say where an
entry is shared and whether it changed since.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any, Protocol

from sqlalchemy import select

from carecompanion.circle import errors as said
from carecompanion.circle.canonical import b64url, timestamp
from carecompanion.circle.content import CircleContent
from carecompanion.circle.engine import roster_of
from carecompanion.circle.errors import CircleError, NotAllowed, RecordNotFound
from carecompanion.circle.identity_service import IdentityService
from carecompanion.circle.items import REACTIONS, SignedItem, make_item, new_nonce, record_id
from carecompanion.circle.models import ShareRow
from carecompanion.circle.redact import Redactions, clean_redactions, redact
from carecompanion.circle.registry import CircleInfo, CircleRegistry, circle_row
from carecompanion.circle.serial import one_at_a_time
from carecompanion.clock import Clock
from carecompanion.journal.entries import Entry
from carecompanion.localtime import local_day
from carecompanion.storage.database import Database


class EntrySource(Protocol):
    """Where shared entries come from (the ``JournalService``)."""

    def get(self, entry_id: int) -> Entry: ...


def entry_content(entry: Entry, redactions: Redactions) -> dict[str, Any]:
    return {
        "title": redact(entry.title, redactions),
        "body": redact(entry.body, redactions),
        "tags": [redact(tag, redactions) for tag in entry.tags],
        "day": local_day(entry.entry_at, None).isoformat(),
    }


class CircleSharing:
    def __init__(
        self,
        database: Database,
        clock: Clock,
        registry: CircleRegistry,
        identity: IdentityService,
        entries: EntrySource | None,
        changes: threading.RLock,
    ) -> None:
        self._db = database
        self._clock = clock
        self._registry = registry
        self._identity = identity
        self._entries = entries
        self.changes = changes

    # -- redactions -----------------------------------------------------------------------

    def redactions(self, circle_id: str) -> list[tuple[str, str]]:
        with self._db.session() as session:
            pairs = json.loads(circle_row(session, circle_id).redactions)
        return [(str(word), str(replacement)) for word, replacement in pairs]

    @one_at_a_time
    def set_redactions(self, circle_id: str, pairs: Iterable[tuple[str, str]]) -> None:
        cleaned = clean_redactions(pairs)
        with self._db.session() as session:
            circle_row(session, circle_id).redactions = json.dumps(cleaned, ensure_ascii=False)

    # -- entries and mood summaries -------------------------------------------------------

    def preview_entry(self, circle_id: str, entry_id: int) -> dict[str, Any]:
        """Exactly what ``share_entry`` would put in the circle file."""
        return entry_content(self._entry(entry_id), self.redactions(circle_id))

    @one_at_a_time
    def share_entry(self, circle_id: str, entry_id: int) -> str:
        """Share an entry (or its new version, if it was shared before). Returns the record id."""
        entry = self._entry(entry_id)
        content = self._writer_content(circle_id)
        body = entry_content(entry, self.redactions(circle_id))
        existing = self._share_of(circle_id, entry_id)
        item = self._new_record(content, "entry", body, existing=existing)
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
        content = self._writer_content(circle_id)
        body = {
            "text": redact(text.strip(), self.redactions(circle_id)),
            "from": first.isoformat(),
            "to": last.isoformat(),
            "figures": dict(figures),
        }
        item = self._new_record(content, "mood", body)
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
        content = self._writer_content(circle_id)
        self._new_record(content, "withdrawal", {}, existing=rid)
        self._registry.store(circle_id, content, dirty=True)

    @one_at_a_time
    def withdraw_entry(self, circle_id: str, entry_id: int) -> str:
        rid = self._share_of(circle_id, entry_id)
        if rid is None:
            raise RecordNotFound(said.ENTRY_NOT_SHARED)
        self.withdraw(circle_id, rid)
        return rid

    # -- replies --------------------------------------------------------------------------

    @one_at_a_time
    def comment(self, circle_id: str, rid: str, text: str) -> str:
        content = self._writer_content(circle_id)
        _target(content, rid)
        if not text.strip():
            raise CircleError(said.EMPTY_COMMENT)
        item = self._new_record(content, "comment", {"text": text.strip()}, target=rid)
        self._registry.store(circle_id, content, dirty=True)
        return str(item.fields["id"])

    @one_at_a_time
    def react(self, circle_id: str, rid: str, reaction: str) -> str:
        if reaction not in REACTIONS:
            raise CircleError(said.UNKNOWN_REACTION, reactions=", ".join(REACTIONS))
        content = self._writer_content(circle_id)
        _target(content, rid)
        item = self._new_record(content, "reaction", {"reaction": reaction}, target=rid)
        self._registry.store(circle_id, content, dirty=True)
        return str(item.fields["id"])

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

    def _writer_content(self, circle_id: str) -> CircleContent:
        """A copy of the circle to add a record to, if this member may write in it."""
        content = self._registry.content(circle_id).copy()
        if not roster_of(content).can_write(self._identity.identity().fingerprint):
            raise NotAllowed(said.READ_ONLY)
        return content

    def _new_record(
        self,
        content: CircleContent,
        kind: str,
        body: Mapping[str, Any],
        target: str | None = None,
        existing: str | None = None,
    ) -> SignedItem:
        """Sign a record (or a new version of this member's ``existing`` one) into
        ``content``."""
        me = self._identity.identity()
        now = timestamp(self._clock.now())
        if existing is not None:
            current = content.items.get(("record", existing))
            if current is None or current.signer != me.fingerprint:
                raise RecordNotFound(said.NOT_YOURS)
            fields = dict(current.fields)
            fields.update(
                kind=kind,
                version=current.fields["version"] + 1,
                updated=now,
                content=dict(body),
                target=target,
            )
        else:
            nonce = new_nonce()
            fields = {
                "by": me.fingerprint,
                "id": record_id(me.fingerprint, nonce),
                "nonce": b64url(nonce),
                "kind": kind,
                "version": 1,
                "created": now,
                "updated": now,
                "target": target,
                "content": dict(body),
            }
        item = make_item("record", content.circle_id, fields, me.sign)
        content.add([item])
        return item


def _target(content: CircleContent, rid: str) -> SignedItem:
    """The entry or mood summary a reply is about."""
    target = content.items.get(("record", rid))
    if target is None or target.fields["kind"] not in ("entry", "mood"):
        raise RecordNotFound(said.NO_SUCH_ENTRY)
    return target
