"""The journal service: adding, reading and listing entries with tags."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
import sqlalchemy as sa

from carecompanion.clock import FixedClock
from carecompanion.journal.models import TagRow
from carecompanion.journal.service import EntryNotFound, JournalService, clean_tags
from carecompanion.vault.vault import UnlockedVault
from tests.helpers import START


def test_add_and_get(journal: JournalService) -> None:
    entry = journal.add("  A hard night  ", "Mum was up at **three**.", ["Sleep", "night"])
    assert entry.title == "A hard night"  # trimmed
    assert entry.body == "Mum was up at **three**."
    assert entry.entry_at == entry.created_at == entry.updated_at == START
    assert entry.tags == ("night", "Sleep")  # ordered by name, case-insensitively
    assert len(entry.uid) == 32
    assert not entry.is_favourite
    assert journal.get(entry.id) == entry


def test_entry_date_and_favourite(journal: JournalService) -> None:
    when = datetime(2026, 2, 14, 9, 30, tzinfo=timezone(timedelta(hours=-5)))
    entry = journal.add("Valentine's", "", entry_at=when, is_favourite=True)
    again = journal.get(entry.id)
    assert again.entry_at == when
    assert again.entry_at.tzinfo == UTC
    assert again.created_at == START
    assert again.is_favourite


def test_naive_dates_are_refused(journal: JournalService) -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        journal.add("x", "", entry_at=datetime(2026, 1, 1, 12))
    assert journal.count() == 0


def test_missing_entry(journal: JournalService) -> None:
    with pytest.raises(EntryNotFound, match="no journal entry with id 42"):
        journal.get(42)


def test_list_is_newest_first(journal: JournalService, clock: FixedClock) -> None:
    old = journal.add("old", "", entry_at=START - timedelta(days=2))
    same_time_1 = journal.add("first at noon", "")
    same_time_2 = journal.add("second at noon", "")
    new = journal.add("tomorrow", "", entry_at=START + timedelta(days=1))
    summaries = journal.list_summaries()
    assert [s.id for s in summaries] == [new.id, same_time_2.id, same_time_1.id, old.id]
    assert summaries[0].title == "tomorrow"
    assert summaries[-1].entry_at == START - timedelta(days=2)
    assert journal.count() == 4


def test_empty_journal(journal: JournalService) -> None:
    assert journal.list_summaries() == []
    assert journal.count() == 0


def test_tags_are_shared_case_insensitively(
    journal: JournalService, unlocked_vault: UnlockedVault
) -> None:
    first = journal.add("one", "", ["Sleep"])
    second = journal.add("two", "", ["sleep", "SLEEP", " Appointments "])
    assert first.tags == ("Sleep",)
    assert second.tags == ("Appointments", "Sleep")  # the existing tag keeps its spelling
    with unlocked_vault.database.session() as session:  # one "Sleep" row, not two
        assert session.scalars(sa.select(TagRow.name).order_by(TagRow.name)).all() == [
            "Appointments",
            "Sleep",
        ]
    assert journal.get(second.id) == second


def test_unicode_survives(journal: JournalService) -> None:
    entry = journal.add("Ünïcödé 日本語 😀", "émoji 🌊\nline two\ttab", ["café"])
    again = journal.get(entry.id)
    assert again.title == "Ünïcödé 日本語 😀"
    assert again.body == "émoji 🌊\nline two\ttab"
    assert again.tags == ("café",)


def test_clean_tags() -> None:
    assert clean_tags(["  a  b ", "A B", "", "   ", "c", "C", "d\te"]) == ["a b", "c", "d e"]
    assert clean_tags([]) == []
