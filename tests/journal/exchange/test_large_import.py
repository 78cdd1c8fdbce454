"""A large export imported an entry at a time (issue 17): the same entries, counts and words
as the usual import, only a batch of entries held at once, still all or nothing. Here every
file counts as large (STREAM_OVER_BYTES is 0) and batches are 10 entries."""

from __future__ import annotations

import gc
import json
import weakref
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from carecompanion.clock import FixedClock
from carecompanion.journal import service
from carecompanion.journal.exchange import (
    ExportSelection,
    ImportFormatError,
    ImportSource,
    commit_import,
    export_json,
    preview_import,
)
from carecompanion.journal.exchange import large_import as large
from carecompanion.journal.service import EntryDraft, JournalService
from carecompanion.paths import AppPaths
from tests.conftest import VaultFactory
from tests.journal.exchange.conftest import add_sample_entries

BATCH = 10


@pytest.fixture(autouse=True)
def everything_is_large(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(large, "STREAM_OVER_BYTES", 0)
    monkeypatch.setattr(service, "_BATCH", BATCH)


@pytest.fixture
def two_journals(vault_factory: VaultFactory, tmp_path: Path, clock: FixedClock) -> Iterator[Any]:
    """Two empty journals: one for the usual import, one for the large one."""
    one, _ = vault_factory(paths=AppPaths(tmp_path / "usual"))
    two, _ = vault_factory(paths=AppPaths(tmp_path / "large"))
    yield JournalService(one.database, clock), JournalService(two.database, clock)


def jrnl_document(count: int) -> dict[str, Any]:
    entries: list[dict[str, Any]] = [
        {
            "title": f"Day {n}",
            "body": f"What happened on day {n}: tablets, søup.\n\nA second paragraph.",
            "date": (date(2021, 1, 1) + timedelta(days=n)).isoformat(),
            "time": f"{9 + n % 12:02d}:{n % 60:02d}",
            "tags": ["@home", f"@week{n // 7}"],
            "starred": n % 5 == 0,
        }
        for n in range(count)
    ]
    entries.insert(7, dict(entries[3]))  # the same entry twice: a duplicate in the file
    entries.insert(12, {"title": "", "body": "  ", "date": "2021-06-01"})  # an empty one
    return {"tags": {"@home": count}, "entries": entries}


def write(path: Path, document: dict[str, Any]) -> Path:
    path.write_text(json.dumps(document, indent=2, ensure_ascii=False), encoding="utf-8")
    return path


def contents(journal: JournalService) -> list[tuple[Any, ...]]:
    return [
        (e.title, e.body, e.entry_at, e.tags, e.is_favourite, e.time_zone, e.is_all_day)
        for e in journal.entries(list(reversed(journal.entry_ids())))
    ]


def large_import(journal: JournalService, kind: ImportSource, path: Path) -> large.LargeResult:
    plan = large.plan_large_import(kind, path)
    large.flag_duplicates(journal, plan)
    return large.commit_large_import(journal, plan)


def test_a_large_jrnl_import_writes_what_the_usual_import_writes(
    two_journals: Any, tmp_path: Path
) -> None:
    usual, streamed = two_journals
    source = write(tmp_path / "journal.json", jrnl_document(45))
    for journal in (usual, streamed):  # already there: one entry of the file
        journal.add_draft(preview_import(journal, ImportSource.JRNL, source).items[20].draft)

    preview = preview_import(usual, ImportSource.JRNL, source)
    done = commit_import(usual, preview)
    plan = large.plan_large_import(ImportSource.JRNL, source)
    large.flag_duplicates(streamed, plan)
    assert plan.summary() == preview.summary()
    assert preview.duplicate_count == 2 and preview.empty_skipped == 1
    result = large.commit_large_import(streamed, plan)
    assert result.summary() == done.summary()
    assert contents(streamed) == contents(usual)
    assert streamed.all_tags() == usual.all_tags()

    again = large.plan_large_import(ImportSource.JRNL, source)
    large.flag_duplicates(streamed, again)
    assert again.new_count == 0, "importing the same file twice adds nothing"


def test_a_large_import_of_our_own_export_keeps_everything(
    two_journals: Any, journal: JournalService, clock: FixedClock, tmp_path: Path
) -> None:
    add_sample_entries(journal, clock)  # tags, a favourite, attachments, their dates
    exported = tmp_path / "export.json"
    export_json(journal, ExportSelection(), exported)
    usual, streamed = two_journals
    commit_import(usual, preview_import(usual, ImportSource.JSON, exported))
    result = large_import(streamed, ImportSource.JSON, exported)
    assert len(result.entry_ids) == 3
    assert contents(streamed) == contents(usual) == contents(journal)
    for mine, theirs in zip(
        streamed.entries(list(result.entry_ids)),
        journal.entries(journal.entry_ids()[::-1]),
        strict=True,
    ):
        assert [streamed.attachment_data(a.id) for a in mine.attachments] == [
            journal.attachment_data(a.id) for a in theirs.attachments
        ]
        assert [a.created_at for a in mine.attachments] == [
            a.created_at for a in theirs.attachments
        ]


def test_only_a_batch_of_entries_is_held_at_once(
    journal: JournalService, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = write(tmp_path / "journal.json", jrnl_document(95))
    plan = large.plan_large_import(ImportSource.JRNL, source)
    large.flag_duplicates(journal, plan)
    alive: weakref.WeakSet[EntryDraft] = weakref.WeakSet()
    real = large._new_drafts

    def watched(plan: large.LargePlan) -> Iterator[EntryDraft]:
        for draft in real(plan):
            alive.add(draft)
            yield draft

    held: list[int] = []

    def progress(_done: int, _total: int) -> None:
        gc.collect()
        held.append(len(alive))

    monkeypatch.setattr(large, "_new_drafts", watched)
    result = large.commit_large_import(journal, plan, progress=progress)
    assert len(result.entry_ids) == 95 == journal.count()
    assert len(held) > 5 and max(held) <= BATCH, held


def test_a_bad_entry_sends_the_file_to_the_usual_import_which_says_where(
    journal: JournalService, tmp_path: Path
) -> None:
    document = jrnl_document(30)
    document["entries"][25]["date"] = "2021-02-30"
    source = write(tmp_path / "journal.json", document)
    with pytest.raises(large.NotStreamable):
        large.plan_large_import(ImportSource.JRNL, source)
    with pytest.raises(ImportFormatError, match=r"journal\.json, line \d+: .*2021-02-30"):
        preview_import(journal, ImportSource.JRNL, source)


def test_a_file_changed_before_the_write_writes_nothing(
    journal: JournalService, tmp_path: Path
) -> None:
    source = write(tmp_path / "journal.json", jrnl_document(35))
    plan = large.plan_large_import(ImportSource.JRNL, source)
    large.flag_duplicates(journal, plan)
    changed = jrnl_document(35)
    changed["entries"][30]["body"] = "Rewritten since it was read."  # the fourth batch
    write(source, changed)
    with pytest.raises(large.NotStreamable):
        large.commit_large_import(journal, plan)
    assert journal.count() == 0 and journal.all_tags() == []
    shorter = jrnl_document(20)
    write(source, shorter)
    with pytest.raises(large.NotStreamable):
        large.commit_large_import(journal, plan)
    assert journal.count() == 0


def test_small_files_and_other_formats_are_read_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(large, "STREAM_OVER_BYTES", 1000)
    source = write(tmp_path / "journal.json", jrnl_document(40))
    assert large.is_large(ImportSource.JRNL, source)
    assert large.is_large(ImportSource.JSON, source)
    assert large.is_large(ImportSource.DAYONE, source)  # a bare Journal.json: its size
    assert large.is_large(ImportSource.MARKDOWN, tmp_path)  # the folder's files together
    assert not large.is_large(ImportSource.MARKDOWN, source)  # one file: read whole
    assert not large.is_large(ImportSource.JRNL, tmp_path / "missing.json")
    assert not large.is_large(ImportSource.MARKDOWN, tmp_path / "missing")
    small = write(tmp_path / "small.json", {"entries": [{"title": "One", "date": "2021-01-01"}]})
    assert not large.is_large(ImportSource.JRNL, small)
