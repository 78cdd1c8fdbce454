"""``JournalService.add_new_drafts``: the command line's import read once leaves out what the
journal has and what came earlier, across its batches, in one transaction."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from carecompanion.journal import service as service_module
from carecompanion.journal.filters import EntryFilter
from carecompanion.journal.repository import LARGE_IMPORT_CACHE_KIB
from carecompanion.journal.service import EntryDraft, JournalService
from carecompanion.vault.vault import UnlockedVault

WHEN = datetime(2025, 5, 6, 7, 8, tzinfo=UTC)
_runs = itertools.count()


def _draft(prefix: str, title: str) -> EntryDraft:
    return EntryDraft(f"{prefix} {title}", "the same words", WHEN)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    already=st.sets(st.sampled_from("abcdef"), max_size=3),
    incoming=st.lists(st.sampled_from("abcdefgh"), max_size=12),
)
def test_only_the_first_of_each_new_entry_is_written(
    journal: JournalService,
    monkeypatch: pytest.MonkeyPatch,
    already: set[str],
    incoming: list[str],
) -> None:
    monkeypatch.setattr(service_module, "_BATCH", 3)  # duplicates across batches too
    prefix = f"run{next(_runs)}"  # each example's entries its own
    journal.add_drafts([_draft(prefix, title) for title in sorted(already)])

    placed = journal.add_new_drafts(_draft(prefix, title) for title in incoming)

    expected_new = [
        title not in already and title not in incoming[:index]
        for index, title in enumerate(incoming)
    ]
    assert [entry_id is not None for entry_id in placed] == expected_new
    written = {entry_id: journal.get(entry_id).title for entry_id in placed if entry_id}
    assert sorted(written.values()) == sorted(
        f"{prefix} {title}" for title, new in zip(incoming, expected_new, strict=True) if new
    )
    titles = [s.title for s in journal.list_summaries(EntryFilter()) if s.title.startswith(prefix)]
    assert sorted(titles) == sorted(f"{prefix} {title}" for title in already | set(incoming))


def test_an_error_from_the_drafts_part_way_writes_nothing(
    journal: JournalService, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(service_module, "_BATCH", 2)

    def drafts() -> Iterator[EntryDraft]:
        yield from (_draft("x", title) for title in "abcde")
        raise ValueError("a bad entry, read after two batches were written")

    with pytest.raises(ValueError, match="bad entry"):
        journal.add_new_drafts(drafts())
    assert journal.count() == 0


def _cache_size(conn: Any) -> int:
    return int(conn.exec_driver_sql("PRAGMA cache_size").scalar_one())


def test_a_large_import_writes_with_a_large_page_cache_then_the_usual_one(
    journal: JournalService, unlocked_vault: UnlockedVault, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Its indexes outgrow SQLite's usual 2 MiB cache (repository.large_page_cache); the
    connection goes back to the pool with its usual cache, after an import that failed too."""
    monkeypatch.setattr(service_module, "SETTLE_AFTER", 5)
    with unlocked_vault.database.engine.connect() as conn:
        usual = _cache_size(conn)
    seen: list[int] = []
    real_insert = JournalService._insert

    def watching(self: JournalService, repo: Any, drafts: Any) -> list[int]:
        seen.append(_cache_size(repo._session.connection()))
        return real_insert(self, repo, drafts)

    monkeypatch.setattr(JournalService, "_insert", watching)
    journal.add_new_drafts(_draft("big", title) for title in "abcdefgh")
    assert seen and set(seen) == {-LARGE_IMPORT_CACHE_KIB} != {usual}
    with unlocked_vault.database.engine.connect() as conn:
        assert _cache_size(conn) == usual

    def failing() -> Iterator[EntryDraft]:
        yield _draft("broken", "a")
        raise ValueError("the file broke off")

    with pytest.raises(ValueError, match="broke off"):
        journal.add_new_drafts(failing())
    with unlocked_vault.database.engine.connect() as conn:
        assert _cache_size(conn) == usual
    journal.add_drafts([_draft("small", "one")])  # a small write keeps the usual cache
    assert seen[-1] == usual
