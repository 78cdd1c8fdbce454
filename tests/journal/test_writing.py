"""Adding, updating and deleting entries: drafts, tags, favourites, and the index kept in step."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
import sqlalchemy as sa

from carecompanion.clock import FixedClock
from carecompanion.journal.models import AttachmentRow, TagRow, entry_tags
from carecompanion.journal.service import (
    AttachmentDraft,
    AttachmentTooLarge,
    EntryDraft,
    EntryNotFound,
    JournalService,
)
from carecompanion.vault.vault import UnlockedVault
from tests.helpers import START
from tests.journal.index_check import assert_index_matches_entries, indexed_ids

WHEN = datetime(2025, 10, 2, 22, 15, tzinfo=UTC)


def draft(**changes: object) -> EntryDraft:
    values: dict[str, object] = {
        "title": "Clinic day",
        "body": "A long wait, then good news.",
        "entry_at": WHEN,
        "tags": ("appointments",),
    }
    values.update(changes)
    return EntryDraft(**values)  # type: ignore[arg-type]


def test_add_draft_with_everything(journal: JournalService) -> None:
    entry = journal.add_draft(
        draft(
            title="  Clinic day ",
            tags=("Appointments", "hope", "appointments"),
            is_favourite=True,
            attachments=(
                AttachmentDraft("letter.pdf", "application/pdf", b"%PDF-1.7 ..."),
                AttachmentDraft("photo.jpg", "image/jpeg", b"\xff\xd8\xff"),
            ),
        )
    )
    assert entry.title == "Clinic day"
    assert entry.entry_at == WHEN
    assert entry.created_at == entry.updated_at == START
    assert entry.tags == ("Appointments", "hope")
    assert entry.is_favourite
    assert [(a.filename, a.mime_type, a.size) for a in entry.attachments] == [
        ("letter.pdf", "application/pdf", 12),
        ("photo.jpg", "image/jpeg", 3),
    ]
    assert all(a.entry_id == entry.id and a.created_at == START for a in entry.attachments)
    assert journal.get(entry.id) == entry
    assert journal.attachment_data(entry.attachments[1].id) == b"\xff\xd8\xff"


def test_a_draft_with_an_oversized_attachment_writes_nothing(
    journal: JournalService, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("carecompanion.journal.attachments.MAX_ATTACHMENT_BYTES", 10)
    with pytest.raises(AttachmentTooLarge, match=r"big\.bin is 11 bytes"):
        journal.add_draft(
            draft(
                tags=("new tag",),
                attachments=(
                    AttachmentDraft("ok.txt", "text/plain", b"0123456789"),
                    AttachmentDraft("big.bin", "", b"01234567890"),
                ),
            )
        )
    assert journal.count() == 0
    assert journal.all_tags() == []


def test_add_drafts_is_all_or_nothing(journal: JournalService) -> None:
    ids = journal.add_drafts(
        [draft(title=f"day {i}", entry_at=WHEN + timedelta(days=i)) for i in range(3)]
    )
    assert [journal.get(i).title for i in ids] == ["day 0", "day 1", "day 2"]
    with pytest.raises(ValueError, match="timezone-aware"):
        journal.add_drafts([draft(title="fine"), draft(entry_at=datetime(2025, 1, 1))])
    assert journal.count() == 3
    assert journal.add_drafts([]) == []


def test_update_changes_only_what_is_given(journal: JournalService, clock: FixedClock) -> None:
    entry = journal.add("Before", "old body", ["a", "b"], entry_at=WHEN)
    clock.advance(60)
    moved = WHEN - timedelta(days=3)
    updated = journal.update(entry.id, title=" After ", entry_at=moved, is_favourite=True)
    assert (updated.title, updated.body, updated.tags) == ("After", "old body", ("a", "b"))
    assert updated.entry_at == moved and updated.is_favourite
    assert updated.created_at == START and updated.updated_at == clock.now()
    assert journal.get(entry.id) == updated

    clock.advance(60)
    same = journal.update(entry.id, title="After", body="old body", tags=["B", "a"])
    assert same.updated_at == updated.updated_at  # nothing changed, so not "edited" either
    assert same.tags == ("a", "b")
    assert journal.update(entry.id) == same


def test_update_tags_and_unused_tags_go(journal: JournalService) -> None:
    first = journal.add("one", "", ["shared", "only-first"])
    second = journal.add("two", "", ["shared"])
    updated = journal.update(first.id, tags=["New", " shared "])
    assert updated.tags == ("New", "shared")
    assert journal.all_tags() == [("New", 1), ("shared", 2)]  # "only-first" is gone
    assert journal.update(second.id, tags=[]).tags == ()
    assert journal.all_tags() == [("New", 1), ("shared", 1)]


def test_update_and_delete_missing_entries(journal: JournalService) -> None:
    with pytest.raises(EntryNotFound):
        journal.update(7, title="x")
    with pytest.raises(EntryNotFound, match="id 7"):
        journal.delete(7)
    entry = journal.add("x", "")
    with pytest.raises(ValueError, match="timezone-aware"):
        journal.update(entry.id, entry_at=datetime(2025, 1, 1))


def test_delete_cascades(journal: JournalService, unlocked_vault: UnlockedVault) -> None:
    kept = journal.add("kept", "kept words", ["common"])
    gone = journal.add_draft(
        draft(
            title="gone",
            body="vanishing words",
            tags=("common", "rare"),
            attachments=(AttachmentDraft("a.txt", "text/plain", b"x"),),
        )
    )
    journal.delete(gone.id)
    with pytest.raises(EntryNotFound):
        journal.get(gone.id)
    database = unlocked_vault.database
    with database.session() as session:
        assert session.scalar(sa.select(sa.func.count()).select_from(AttachmentRow)) == 0
        assert session.scalars(sa.select(entry_tags.c.entry_id)).all() == [kept.id]
        assert session.scalars(sa.select(TagRow.name)).all() == ["common"]
    assert indexed_ids(database, "vanishing") == set()
    assert indexed_ids(database, "kept") == {kept.id}
    assert_index_matches_entries(database)


def test_index_follows_every_kind_of_change(
    journal: JournalService, unlocked_vault: UnlockedVault
) -> None:
    database = unlocked_vault.database
    entry = journal.add("Pharmacy", "collected the prescription", ["errands"])
    assert indexed_ids(database, "title:pharmacy") == {entry.id}
    assert indexed_ids(database, "tags:errands") == {entry.id}
    journal.update(entry.id, title="Chemist", body="collected the inhaler", tags=["outings"])
    assert indexed_ids(database, "pharmacy OR prescription OR errands") == set()
    assert indexed_ids(database, "title:chemist AND inhaler AND tags:outings") == {entry.id}
    journal.update(entry.id, is_favourite=True, entry_at=WHEN)  # not indexed: no change
    journal.add_attachment(entry.id, "x.txt", "text/plain", b"x")
    assert_index_matches_entries(database)


def test_index_follows_raw_sql_too(journal: JournalService, unlocked_vault: UnlockedVault) -> None:
    """Triggers, not service code, keep the index in step: no write path can forget it."""
    entry = journal.add("Original", "words")
    with unlocked_vault.database.engine.begin() as conn:
        conn.exec_driver_sql(
            "UPDATE journal_entries SET body = 'replaced' WHERE id = ?", (entry.id,)
        )
    assert indexed_ids(unlocked_vault.database, "replaced") == {entry.id}
    assert_index_matches_entries(unlocked_vault.database)
    with unlocked_vault.database.engine.begin() as conn:
        conn.exec_driver_sql("DELETE FROM journal_entries")
    assert_index_matches_entries(unlocked_vault.database)


def test_a_failed_write_leaves_the_index_as_it_was(
    journal: JournalService, unlocked_vault: UnlockedVault
) -> None:
    entry = journal.add("steady", "unchanged text")
    with pytest.raises(RuntimeError), unlocked_vault.database.session() as session:
        session.execute(sa.text("UPDATE journal_entries SET body = 'half written'"))
        raise RuntimeError("crash in the middle of a transaction")
    assert journal.get(entry.id).body == "unchanged text"
    assert indexed_ids(unlocked_vault.database, "half") == set()
    assert_index_matches_entries(unlocked_vault.database)
