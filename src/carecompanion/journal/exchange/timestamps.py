"""Putting back the creation and change times an import file recorded.

``JournalService.add_drafts`` stamps new entries (and their attachments) with the time of the
import. Formats that record when an entry was written (ours, Day One) keep that history: this
sets those columns on the rows just added, by id, and nothing else (the fingerprint, day and
search index do not depend on them).
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import islice
from typing import Any

from sqlalchemy import select, update

from carecompanion.journal.exchange.parsed import ParsedEntry
from carecompanion.storage.database import Database
from carecompanion.storage.models import Attachment, JournalEntry

_CHUNK = 500


def restore_times(database: Database, ids: Sequence[int], entries: Sequence[ParsedEntry]) -> None:
    entry_rows: list[dict[str, Any]] = []
    for entry_id, entry in zip(ids, entries, strict=True):
        values: dict[str, Any] = {}
        if entry.created_at is not None:
            values["created_at"] = entry.created_at
        if entry.updated_at is not None:
            values["updated_at"] = entry.updated_at
        elif entry.created_at is not None:
            values["updated_at"] = entry.created_at
        if values:
            entry_rows.append({"id": entry_id, **values})
    wanted = {
        entry_id: entry.attachment_times
        for entry_id, entry in zip(ids, entries, strict=True)
        if any(when is not None for when in entry.attachment_times)
    }
    if not entry_rows and not wanted:
        return
    with database.session() as session:
        if entry_rows:
            session.execute(update(JournalEntry), entry_rows)
        attachment_rows: list[dict[str, Any]] = []
        pending = iter(sorted(wanted))
        while chunk := list(islice(pending, _CHUNK)):
            found: dict[int, list[int]] = {}
            for attachment_id, entry_id in session.execute(
                select(Attachment.id, Attachment.entry_id)
                .where(Attachment.entry_id.in_(chunk))
                .order_by(Attachment.entry_id, Attachment.id)
            ):
                found.setdefault(entry_id, []).append(attachment_id)
            for entry_id in chunk:
                for attachment_id, when in zip(found.get(entry_id, []), wanted[entry_id],
                                               strict=False):
                    if when is not None:
                        attachment_rows.append({"id": attachment_id, "created_at": when})
        if attachment_rows:
            session.execute(update(Attachment), attachment_rows)
