"""The rules for writing new entries, over the journal's plain-SQL writes and reads.

Shared by the journal's service (in its SQLAlchemy unit of work) and by ``journal add`` on
the command line (on a bare connection, cli/quick_read.py), so an entry written either way
is the same entry: dates must be timezone-aware, an entry keeps the zone it was written in
(the computer's, by name, unless an import knew another) and its day is fixed in that zone
when it is written, titles are trimmed, tags cleaned (created where missing, the first
spelling kept), the attachment limits kept, and the fingerprint imports recognise
duplicates by is taken. Nothing here imports SQLAlchemy.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from datetime import datetime, tzinfo

from carecompanion.clock import Clock
from carecompanion.journal import search_terms
from carecompanion.journal.attachments import check_size, clean_filename, clean_mime_type
from carecompanion.journal.entries import Entry, EntryDraft, EntryNotFound
from carecompanion.journal.fingerprint import entry_fingerprint
from carecompanion.journal.reads import JournalReads
from carecompanion.journal.tags import clean_tags, join_tags
from carecompanion.journal.writes import AttachmentValues, EntryValues, JournalWrites
from carecompanion.localtime import system_zone_name, zone_name, zone_named

# After writing at least this many entries at once, the words of the index are learnt from
# its vocabulary rather than from the new entries (search_index; see the service's settle).
SETTLE_AFTER = 1000


def require_aware(when: datetime) -> datetime:
    if when.tzinfo is None or when.utcoffset() is None:
        raise ValueError("entry dates must be timezone-aware")
    return when


def draft_fingerprint(draft: EntryDraft) -> str:
    if draft.fingerprint is not None:
        return draft.fingerprint
    return entry_fingerprint(draft.entry_at, draft.title, draft.body)


def tag_pairs(writes: JournalWrites, names: Iterable[str]) -> list[tuple[int, str]]:
    """(id, stored name) of the tags a person typed, cleaned, created where missing."""
    return writes.tag_ids(clean_tags(names))


def read_entry(reads: JournalReads, entry_id: int) -> Entry:
    found = reads.entries([entry_id])
    if not found:
        raise EntryNotFound(entry_id)
    return found[0]


class NewEntries:
    """Checks drafts and writes them as entries, in the caller's transaction."""

    def __init__(self, clock: Clock, tz: tzinfo | None = None) -> None:
        """``tz`` is where the person is now: new entries are written in it (by name) and
        entries without a zone of their own are filed in it; None means this computer's
        local zone, looked up afresh for every entry written."""
        self._clock = clock
        self._tz = tz

    def day(self, when: datetime, time_zone: str | None) -> str:
        """The local day of ``when`` in the entry's own zone (the person's, without one)."""
        tz = zone_named(time_zone)
        return require_aware(when).astimezone(tz if tz is not None else self._tz).date().isoformat()

    def current_zone(self) -> str:
        """The zone a new entry written now records: the injected one, else this computer's."""
        named = zone_name(self._tz) if self._tz is not None else None
        return named if named is not None else system_zone_name(self._clock.now())

    def check(self, draft: EntryDraft) -> None:
        """Everything that can be wrong with a draft, found before anything is written."""
        require_aware(draft.entry_at)
        if draft.time_zone is not None and zone_named(draft.time_zone) is None:
            raise ValueError("an entry's time zone must be a known zone name or an offset")
        for moment in (
            draft.created_at,
            draft.updated_at,
            *(a.created_at for a in draft.attachments),
        ):
            if moment is not None:
                require_aware(moment)
        total = 0
        for attachment in draft.attachments:
            name = clean_filename(attachment.filename)
            check_size(name, len(attachment.data), total)
            total += len(attachment.data)

    def insert(self, writes: JournalWrites, drafts: Sequence[EntryDraft]) -> list[int]:
        """The drafts as entries, with their tags and attachments; their ids, in order."""
        for draft in drafts:
            self.check(draft)
        now = self._clock.now()
        resolved = [tag_pairs(writes, draft.tags) for draft in drafts]
        here = self.current_zone() if any(d.time_zone is None for d in drafts) else None
        zones = [draft.time_zone if draft.time_zone is not None else here for draft in drafts]
        rows = [
            EntryValues(
                uid=uuid.uuid4().hex,
                title=draft.title.strip(),
                body=draft.body,
                entry_at=draft.entry_at,
                created_at=draft.created_at or now,
                updated_at=draft.updated_at or draft.created_at or now,
                is_favourite=draft.is_favourite,
                entry_day=self.day(draft.entry_at, zone),
                fingerprint=draft_fingerprint(draft),
                tag_text=join_tags([name for _id, name in pairs]),
                time_zone=zone,
                is_all_day=draft.is_all_day,
            )
            for draft, pairs, zone in zip(drafts, resolved, zones, strict=True)
        ]
        ids = writes.insert_entries(rows)
        writes.link_tags(
            [
                (entry_id, tag_id)
                for entry_id, pairs in zip(ids, resolved, strict=True)
                for tag_id, _name in pairs
            ]
        )
        writes.insert_attachments(
            [
                AttachmentValues(
                    entry_id=entry_id,
                    uid=uuid.uuid4().hex,
                    filename=clean_filename(attachment.filename),
                    mime_type=clean_mime_type(attachment.mime_type),
                    size=len(attachment.data),
                    data=attachment.data,
                    created_at=attachment.created_at or now,
                )
                for entry_id, draft in zip(ids, drafts, strict=True)
                for attachment in draft.attachments
            ]
        )
        return ids

    def add(self, writes: JournalWrites, reads: JournalReads, draft: EntryDraft) -> Entry:
        """One entry, its words learnt for prefix search, read back as stored."""
        (entry_id,) = self.insert(writes, [draft])
        learn_new_words(writes)
        return read_entry(reads, entry_id)


def learn_new_words(writes: JournalWrites) -> None:
    """The words of the entries written since the last time, for prefix search."""
    writes.learn_new_words(search_terms.tokenizer(), many=SETTLE_AFTER)
