"""Duplicate detection for imports: fingerprints of (minute in UTC, title, body)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from carecompanion.journal.fingerprint import entry_fingerprint
from carecompanion.journal.service import EntryDraft, JournalService

WHEN = datetime(2025, 5, 6, 7, 8, 9, tzinfo=UTC)


def test_the_same_entry_from_another_export_matches() -> None:
    base = entry_fingerprint(WHEN, "Title", "Line one\nLine two")
    assert len(base) == 64 and int(base, 16) >= 0
    same_moment = WHEN.astimezone(timezone(timedelta(hours=-5)))
    assert entry_fingerprint(same_moment, "Title", "Line one\nLine two") == base
    assert (
        entry_fingerprint(WHEN.replace(second=0), " Title ", "Line one\r\nLine two  \n\n") == base
    )  # seconds, surrounding spaces, line endings and trailing blanks do not count
    composed, decomposed = "caf\u00e9", "cafe\u0301"
    assert entry_fingerprint(WHEN, composed, "") == entry_fingerprint(WHEN, decomposed, "")


@pytest.mark.parametrize("change", ["minute", "title", "body", "split"])
def test_a_different_entry_differs(change: str) -> None:
    base = entry_fingerprint(WHEN, "Title", "Body")
    other = {
        "minute": lambda: entry_fingerprint(WHEN + timedelta(minutes=1), "Title", "Body"),
        "title": lambda: entry_fingerprint(WHEN, "Title!", "Body"),
        "body": lambda: entry_fingerprint(WHEN, "Title", "body"),
        "split": lambda: entry_fingerprint(WHEN, "TitleBody", ""),
    }[change]()
    assert other != base


def test_naive_times_are_refused() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        entry_fingerprint(datetime(2025, 1, 1), "t", "b")


def test_existing_fingerprints(journal: JournalService) -> None:
    stored = EntryDraft("Stored", "already here", WHEN)
    fresh = EntryDraft("Fresh", "not yet", WHEN)
    journal.add_draft(stored)
    wanted = [journal.fingerprint(stored), journal.fingerprint(fresh)]
    assert journal.existing_fingerprints(wanted) == {journal.fingerprint(stored)}
    assert journal.existing_fingerprints([]) == set()
    # An import of the same draft is recognised after it is added, and after an edit it is not.
    entry = journal.add_draft(fresh)
    assert journal.existing_fingerprints(wanted) == set(wanted)
    journal.update(entry.id, body="edited since")
    assert journal.existing_fingerprints(wanted) == {journal.fingerprint(stored)}


def test_many_fingerprints_at_once(journal: JournalService) -> None:
    drafts = [EntryDraft(f"t{i}", "", WHEN + timedelta(minutes=i)) for i in range(1200)]
    journal.add_drafts(drafts[::2])
    found = journal.existing_fingerprints(journal.fingerprint(d) for d in drafts)
    assert found == {journal.fingerprint(d) for d in drafts[::2]}
