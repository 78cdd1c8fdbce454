"""Imports write a batch per statement, report progress per batch, and stay all or nothing
(issue 17). Batches of 10 here (500 in the app), so a few dozen entries make several;
statements are counted, never timed."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from sqlalchemy import event

from carecompanion.journal import service
from carecompanion.journal.exchange import ImportSource, commit_import, preview_import
from carecompanion.journal.service import AttachmentDraft, EntryDraft, JournalService
from carecompanion.progress import Cancelled

BATCH = 10
COUNT = 35  # three whole batches and a short one
WHEN = datetime(2025, 6, 1, 9, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def small_batches(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(service, "_BATCH", BATCH)


def jrnl_file(folder: Path, count: int = COUNT) -> Path:
    entries = [
        {
            "title": f"Day {n}",
            "body": f"What happened on day {n}: tablets, søup.",
            "date": (date(2021, 1, 1) + timedelta(days=n)).isoformat(),
            "time": "09:00",
            "tags": ["@home", f"@week{n // 7}"],
            "starred": n % 5 == 0,
        }
        for n in range(count)
    ]
    path = folder / "journal.json"
    path.write_text(json.dumps({"tags": {}, "entries": entries}), encoding="utf-8")
    return path


@contextmanager
def inserts() -> Iterator[list[str]]:
    sent: list[str] = []

    def record(*args: Any) -> None:
        statement = " ".join(str(args[2]).lower().split())
        if statement.startswith("insert into journal_entries"):
            sent.append(statement)

    event.listen(sa.Engine, "before_cursor_execute", record)
    try:
        yield sent
    finally:
        event.remove(sa.Engine, "before_cursor_execute", record)


def test_an_import_writes_a_batch_per_statement_and_reports_each(
    journal: JournalService, tmp_path: Path
) -> None:
    source = jrnl_file(tmp_path)
    preview = preview_import(journal, ImportSource.JRNL, source)
    told: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> None:
        told.append((done, total))

    with inserts() as sent:
        result = commit_import(journal, preview, progress=progress)
    assert len(result.entry_ids) == COUNT
    assert told == [(0, COUNT), (10, COUNT), (20, COUNT), (30, COUNT), (COUNT, COUNT)]
    assert len(sent) == 4, "one INSERT per batch, not one per entry"
    # Each id is its own entry's, whatever order the database returned them in.
    for number, entry_id in enumerate(result.entry_ids):
        entry = journal.get(entry_id)
        assert entry.title == f"Day {number}"
        assert entry.tags == ("home", f"week{number // 7}")
        assert entry.is_favourite == (number % 5 == 0)
    again = preview_import(journal, ImportSource.JRNL, source)
    assert again.duplicate_count == COUNT and not again.new_items


def test_a_bad_entry_in_a_later_batch_leaves_nothing(journal: JournalService) -> None:
    drafts = [
        EntryDraft(f"Day {n}", "words", WHEN + timedelta(days=n), ("home",)) for n in range(COUNT)
    ]
    drafts[27] = EntryDraft("No zone", "words", datetime(2025, 1, 1))  # the third batch
    told: list[int] = []
    with pytest.raises(ValueError, match="timezone-aware"):
        journal.add_drafts(drafts, progress=lambda done, _total: told.append(done))
    assert told == [10, 20], "two batches were written before the third failed"
    assert journal.count() == 0 and journal.all_tags() == []


def test_an_error_after_some_batches_rolls_every_batch_back(journal: JournalService) -> None:
    """Whatever stops the write part way (here the progress callback itself raising, as a
    KeyboardInterrupt would) leaves none of it: the batches share one transaction."""
    drafts = [
        EntryDraft(
            f"Day {n}",
            "words",
            WHEN + timedelta(days=n),
            ("home",),
            attachments=(AttachmentDraft("a.txt", "text/plain", b"x"),),
        )
        for n in range(COUNT)
    ]

    def stop_after_two(done: int, _total: int) -> None:
        if done == 20:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        journal.add_drafts(drafts, progress=stop_after_two)
    assert journal.count() == 0 and journal.all_tags() == []
    with journal._db.engine.connect() as conn:  # and no attachment left either
        assert conn.exec_driver_sql("SELECT count(*) FROM attachments").scalar() == 0


def test_cancel_is_before_the_write_and_the_write_is_not_stopped(
    journal: JournalService, tmp_path: Path
) -> None:
    preview = preview_import(journal, ImportSource.JRNL, jrnl_file(tmp_path))
    with pytest.raises(Cancelled):
        commit_import(journal, preview, progress=lambda _done, _total: False)
    assert journal.count() == 0

    answers: list[int] = []

    def cancel_once_writing(done: int, _total: int) -> bool:
        answers.append(done)
        return done == 0  # "go on" before the write, "cancel" during it: ignored

    result = commit_import(journal, preview, progress=cancel_once_writing)
    assert len(result.entry_ids) == COUNT == journal.count()
    assert answers == [0, 10, 20, 30, COUNT]
