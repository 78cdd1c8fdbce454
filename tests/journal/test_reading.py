"""Timeline, filters, keyset paging, calendar days, "on this day" and the tag list."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from carecompanion.journal.service import (
    AttachmentDraft,
    EntryDraft,
    EntryFilter,
    EntrySummary,
    JournalService,
)
from tests.journal.conftest import NEW_YORK


def at(year: int, month: int, day: int, hour: int = 12, minute: int = 0) -> datetime:
    """A New York wall-clock time (the journal fixture's zone)."""
    return datetime(year, month, day, hour, minute, tzinfo=NEW_YORK)


def test_entry_day_is_the_local_day(journal: JournalService) -> None:
    # 23:30 in New York is 04:30 the next day in UTC: it still belongs to the evening it was.
    late = journal.add("Late night", "", entry_at=at(2026, 3, 2, 23, 30))
    assert late.entry_at == datetime(2026, 3, 3, 4, 30, tzinfo=UTC)
    assert [s.id for s in journal.entries_on(date(2026, 3, 2))] == [late.id]
    assert journal.entries_on(date(2026, 3, 3)) == []
    assert journal.days_with_entries(2026, 3) == {2}
    # In summer (EDT, UTC-4) too.
    summer = journal.add("Summer", "", entry_at=at(2026, 7, 31, 21, 0))
    assert journal.days_with_entries(2026, 7) == {31}
    assert journal.days_with_entries(2026, 8) == set()
    # Moving an entry moves its day.
    journal.update(summer.id, entry_at=at(2026, 8, 1, 0, 30))
    assert journal.days_with_entries(2026, 8) == {1}
    assert journal.days_with_entries(2026, 7) == set()


def test_summaries_carry_tags_favourite_and_attachments(journal: JournalService) -> None:
    plain = journal.add("plain", "", entry_at=at(2026, 1, 1))
    rich = journal.add_draft(
        EntryDraft(
            "rich",
            "",
            at(2026, 1, 2),
            tags=("b", "A"),
            is_favourite=True,
            attachments=(AttachmentDraft("a.png", "image/png", b"png"),),
        )
    )
    assert journal.list_summaries() == [
        EntrySummary(rich.id, rich.entry_at, "rich", True, True, ("A", "b"), NEW_YORK.key),
        EntrySummary(plain.id, plain.entry_at, "plain", False, False, (), NEW_YORK.key),
    ]


@pytest.fixture
def year_of_entries(journal: JournalService) -> dict[str, int]:
    """A handful of entries across 2025, with tags, favourites and one attachment."""
    ids = {}
    for key, when, tags, favourite in (
        ("jan", at(2025, 1, 10), ("sleep",), False),
        ("feb", at(2025, 2, 14, 23, 45), ("Sleep", "love"), True),
        ("mar", at(2025, 3, 1, 0, 5), (), False),
        ("jun", at(2025, 6, 30), ("appointments",), True),
        ("dec", at(2025, 12, 31, 23, 59), ("sleep",), False),
    ):
        ids[key] = journal.add(key, "", tags, entry_at=when, is_favourite=favourite).id
    journal.add_attachment(ids["jun"], "scan.pdf", "application/pdf", b"%PDF")
    return ids


@pytest.mark.parametrize(
    ("flt", "expected"),
    [
        (EntryFilter(), ["dec", "jun", "mar", "feb", "jan"]),
        (EntryFilter(tag="SLEEP"), ["dec", "feb", "jan"]),
        (EntryFilter(tag=" love "), ["feb"]),
        (EntryFilter(tag="nobody uses this"), []),
        (EntryFilter(since=date(2025, 2, 14)), ["dec", "jun", "mar", "feb"]),
        (EntryFilter(until=date(2025, 2, 28)), ["feb", "jan"]),  # 23:45 local is still the 14th
        (EntryFilter(since=date(2025, 3, 1), until=date(2025, 3, 1)), ["mar"]),
        (EntryFilter(since=date(2025, 12, 31), until=date(2025, 12, 31)), ["dec"]),
        (EntryFilter(since=date(2025, 7, 1), until=date(2025, 6, 1)), []),
        (EntryFilter(favourites_only=True), ["jun", "feb"]),
        (EntryFilter(has_attachment=True), ["jun"]),
        (EntryFilter(has_attachment=False), ["dec", "mar", "feb", "jan"]),
        (EntryFilter(tag="sleep", favourites_only=True, since=date(2025, 2, 1)), ["feb"]),
    ],
)
def test_filters(
    journal: JournalService, year_of_entries: dict[str, int], flt: EntryFilter, expected: list[str]
) -> None:
    assert [s.title for s in journal.list_summaries(flt)] == expected
    assert journal.count(flt) == len(expected)


def test_keyset_paging_walks_every_entry_once(journal: JournalService) -> None:
    base = at(2026, 1, 1)
    # Pairs of entries share a timestamp, so the id must break ties.
    journal.add_drafts([EntryDraft(f"e{i}", "", base + timedelta(hours=i // 2)) for i in range(11)])
    everything = journal.list_summaries()
    pages: list[list[EntrySummary]] = []
    after = None
    while page := journal.list_summaries(limit=3, after=after):
        pages.append(page)
        after = (page[-1].entry_at, page[-1].id)
    assert [len(p) for p in pages] == [3, 3, 3, 2]
    assert [s for p in pages for s in p] == everything
    assert journal.list_summaries(limit=0) == []


def test_paging_with_a_filter(journal: JournalService, year_of_entries: dict[str, int]) -> None:
    flt = EntryFilter(tag="sleep")
    first = journal.list_summaries(flt, limit=2)
    rest = journal.list_summaries(flt, after=(first[-1].entry_at, first[-1].id))
    assert [s.title for s in first + rest] == ["dec", "feb", "jan"]


def test_on_this_day(journal: JournalService) -> None:
    for year in (2021, 2023, 2024, 2026):
        journal.add(f"{year}", "", entry_at=at(year, 3, 3, 21))
    journal.add("other day", "", entry_at=at(2024, 3, 4, 1))
    assert [s.title for s in journal.on_this_day(date(2026, 3, 3))] == ["2024", "2023", "2021"]
    assert [s.title for s in journal.on_this_day(date(2024, 3, 3))] == ["2023", "2021"]
    assert journal.on_this_day(date(2021, 3, 3)) == []


def test_on_this_day_remembers_leap_days(journal: JournalService) -> None:
    journal.add("leap", "", entry_at=at(2024, 2, 29))
    journal.add("eve", "", entry_at=at(2024, 2, 28))
    assert [s.title for s in journal.on_this_day(date(2025, 2, 28))] == ["leap", "eve"]
    assert [s.title for s in journal.on_this_day(date(2028, 2, 28))] == ["eve"]
    assert [s.title for s in journal.on_this_day(date(2028, 2, 29))] == ["leap"]


def test_all_tags(journal: JournalService, year_of_entries: dict[str, int]) -> None:
    assert journal.all_tags() == [("appointments", 1), ("love", 1), ("sleep", 3)]
    journal.delete(year_of_entries["feb"])
    assert journal.all_tags() == [("appointments", 1), ("sleep", 2)]


def test_days_with_entries_for_an_empty_month(journal: JournalService) -> None:
    assert journal.days_with_entries(2026, 2) == set()
