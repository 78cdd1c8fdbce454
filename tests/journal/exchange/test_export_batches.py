"""Exports read entries a batch at a time (issue 17): a couple of queries per 500 entries,
not two per entry, and the very same files as reading them one by one. Counted by the
statements sent, never timed."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from sqlalchemy import event

from carecompanion.journal import service
from carecompanion.journal.exchange import ExportSelection, export_json, export_markdown
from carecompanion.journal.exchange.schema import entry_to_json
from carecompanion.journal.service import (
    AttachmentDraft,
    EntryDraft,
    EntryNotFound,
    JournalService,
)

BATCH = 20  # READ_BATCH in these tests (500 in the app), so a few entries make batches
COUNT = 3 * BATCH - 1  # three batches, the last one short
START = datetime(2024, 1, 1, 8, 0, tzinfo=UTC)


@pytest.fixture
def many(journal: JournalService, monkeypatch: pytest.MonkeyPatch) -> JournalService:
    monkeypatch.setattr(service, "READ_BATCH", BATCH)
    drafts = [
        EntryDraft(
            title=f"Day {number}",
            body=f"What happened on day {number}: søup, tablets, a walk.",
            entry_at=START + timedelta(hours=7 * number),
            tags=("night",) if number % 3 else ("night", "sleep"),
            is_favourite=number % 50 == 0,
            attachments=(
                (AttachmentDraft(f"scan {number}.pdf", "application/pdf", b"%%PDF %d" % number),)
                if number % BATCH == 7
                else ()
            ),
            time_zone="Europe/Paris",
        )
        for number in range(COUNT)
    ]
    journal.add_drafts(drafts)
    return journal


@contextmanager
def statements() -> Iterator[list[str]]:
    sent: list[str] = []

    def record(*args: Any) -> None:
        sent.append(" ".join(str(args[2]).lower().split()))

    event.listen(sa.Engine, "before_cursor_execute", record)
    try:
        yield sent
    finally:
        event.remove(sa.Engine, "before_cursor_execute", record)


def _reads(sent: list[str], table: str) -> list[str]:
    return [s for s in sent if s.startswith("select") and f"from {table}" in s]


def test_json_export_reads_a_batch_per_query_and_writes_the_same_document(
    many: JournalService, tmp_path: Path
) -> None:
    with statements() as sent:
        result = export_json(many, ExportSelection(), tmp_path / "all.json")
    assert result.entries == COUNT and result.attachments == 3
    entry_reads = _reads(sent, "journal_entries")
    assert len(entry_reads) <= 1 + 3, "the ids, then one query per batch"
    assert len(_reads(sent, "attachments")) <= 3 + 3, "infos per batch, then each file's data"

    written = json.loads((tmp_path / "all.json").read_text(encoding="utf-8"))["entries"]
    ids = list(reversed(many.entry_ids()))  # oldest first, as a journal reads
    assert [entry["title"] for entry in written] == [f"Day {n}" for n in range(COUNT)]
    one_by_one = [entry_to_json(many.get(entry_id), many.attachment_data, None) for entry_id in ids]
    assert written == json.loads(json.dumps(one_by_one, ensure_ascii=False))


def test_markdown_export_reads_a_batch_per_query(many: JournalService, tmp_path: Path) -> None:
    with statements() as sent:
        result = export_markdown(many, ExportSelection(), tmp_path / "folder")
    assert result.entries == COUNT and result.attachments == 3
    assert len(_reads(sent, "journal_entries")) <= 1 + 3
    assert len(list((tmp_path / "folder").glob("*.md"))) == COUNT


def test_entries_come_in_the_order_asked_and_a_missing_one_is_said(
    many: JournalService,
) -> None:
    first, second, third = many.entry_ids()[:3]
    assert [entry.id for entry in many.entries([second, first, third])] == [second, first, third]
    assert [entry.id for entry in many.entries([third, first], batch=1)] == [third, first]
    whole = next(many.entries([first]))
    assert whole == many.get(first)
    many.delete(second)
    with pytest.raises(EntryNotFound):
        list(many.entries([first, second, third]))


def test_entry_ids_follow_the_filter_newest_first(many: JournalService) -> None:
    from carecompanion.journal.service import EntryFilter

    assert many.entry_ids() == [summary.id for summary in many.list_summaries()]
    favourites = EntryFilter(favourites_only=True)
    assert many.entry_ids(favourites) == [s.id for s in many.list_summaries(favourites)]
