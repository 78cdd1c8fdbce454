"""JSON and Markdown exports: what is selected, how it is written, cancelling, refusing."""

from __future__ import annotations

import base64
import json
import os
import stat
from datetime import date
from pathlib import Path

import pytest

from carecompanion.clock import FixedClock
from carecompanion.journal.exchange import (
    Cancelled,
    ExportError,
    ExportSelection,
    ImportSource,
    commit_import,
    export_json,
    export_markdown,
    preview_import,
)
from carecompanion.journal.service import EntryNotFound
from carecompanion.paths import AppPaths
from carecompanion.session import VaultSession
from tests.canary import assert_no_plaintext
from tests.conftest import VaultFactory
from tests.journal.exchange.conftest import INDIA, add_sample_entries, png_bytes


@pytest.fixture
def filled(session: VaultSession, clock: FixedClock) -> VaultSession:
    add_sample_entries(session.journal, clock)
    return session


def _titles(path: Path) -> list[str]:
    return [entry["title"] for entry in json.loads(path.read_text())["entries"]]


def test_json_export_of_a_date_range_selection_or_everything(
    filled: VaultSession, tmp_path: Path
) -> None:
    journal = filled.journal
    export_json(journal, ExportSelection(), tmp_path / "all.json")
    assert _titles(tmp_path / "all.json") == ["First night home", "Appointment notes", ""]

    export_json(
        journal, ExportSelection.between(date(2026, 2, 1), date(2026, 2, 28)), tmp_path / "feb.json"
    )
    assert _titles(tmp_path / "feb.json") == ["Appointment notes", ""]
    export_json(journal, ExportSelection.between(None, date(2026, 1, 31)), tmp_path / "jan.json")
    assert _titles(tmp_path / "jan.json") == ["First night home"]

    ids = {s.title: s.id for s in journal.list_summaries()}
    export_json(
        journal, ExportSelection.of([ids[""], ids["First night home"]]), tmp_path / "chosen.json"
    )
    assert _titles(tmp_path / "chosen.json") == ["First night home", ""]  # oldest first
    with pytest.raises(EntryNotFound):
        export_json(journal, ExportSelection.of([999]), tmp_path / "missing.json")

    document = json.loads((tmp_path / "all.json").read_text())
    assert document["format"] == "carecompanion-journal" and document["version"] == 1
    assert json.loads((tmp_path / "all.json").read_text())  # well-formed


def test_json_export_times_carry_the_offset(filled: VaultSession, tmp_path: Path) -> None:
    export_json(filled.journal, ExportSelection(), tmp_path / "j.json", tz=INDIA)
    first = json.loads((tmp_path / "j.json").read_text())["entries"][0]
    assert first["entry_at"] == "2026-01-30T21:30:00+05:30"
    assert first["tags"] == ["Discharge", "night"]
    assert base64.b64decode(first["attachments"][0]["data"]) == png_bytes()


def test_empty_selection_is_still_a_valid_document(session: VaultSession, tmp_path: Path) -> None:
    result = export_json(session.journal, ExportSelection(), tmp_path / "none.json")
    assert result.entries == 0
    assert json.loads((tmp_path / "none.json").read_text())["entries"] == []


def test_progress_is_reported_and_cancel_leaves_nothing(
    filled: VaultSession, tmp_path: Path
) -> None:
    tmp_path = tmp_path / "exports"
    tmp_path.mkdir()
    seen: list[tuple[int, int]] = []
    export_json(
        filled.journal,
        ExportSelection(),
        tmp_path / "a.json",
        progress=lambda done, total: seen.append((done, total)),
    )
    assert seen == [(0, 3), (1, 3), (2, 3), (3, 3)]

    def cancel_at_two(done: int, total: int) -> bool:
        return done < 2

    for name, export in (("b.json", export_json), ("folder", export_markdown)):
        with pytest.raises(Cancelled):
            export(filled.journal, ExportSelection(), tmp_path / name, progress=cancel_at_two)
        assert not (tmp_path / name).exists()

    def raise_cancel(done: int, total: int) -> None:
        raise Cancelled

    with pytest.raises(Cancelled):
        export_markdown(filled.journal, ExportSelection(), tmp_path / "c", progress=raise_cancel)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.json"]  # no temp leftovers


def test_existing_files_and_non_empty_folders_are_never_replaced(
    filled: VaultSession, tmp_path: Path
) -> None:
    (tmp_path / "taken.json").write_text("mine")
    with pytest.raises(ExportError, match="already exists"):
        export_json(filled.journal, ExportSelection(), tmp_path / "taken.json")
    assert (tmp_path / "taken.json").read_text() == "mine"
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "keep.txt").write_text("mine")
    with pytest.raises(ExportError, match="not empty"):
        export_markdown(filled.journal, ExportSelection(), tmp_path / "full")
    assert [p.name for p in (tmp_path / "full").iterdir()] == ["keep.txt"]
    with pytest.raises(ExportError, match="does not exist"):
        export_json(filled.journal, ExportSelection(), tmp_path / "no" / "such.json")
    (tmp_path / "empty").mkdir()
    assert export_markdown(filled.journal, ExportSelection(), tmp_path / "empty").entries == 3


def test_markdown_export_layout(filled: VaultSession, tmp_path: Path) -> None:
    out = tmp_path / "journal"
    result = export_markdown(filled.journal, ExportSelection(), out, tz=INDIA)
    assert (result.entries, result.attachments) == (3, 3)
    files = sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file())
    assert files == [
        "2026-01-30-2130-first-night-home.md",
        "2026-02-02-1445-appointment-notes.md",
        "2026-02-21-0525-entry.md",
        "attachments/2026-01-30-2130-first-night-home/garden photo.png",
        "attachments/2026-02-02-1445-appointment-notes/notes_.txt",
        "attachments/2026-02-02-1445-appointment-notes/prescription.pdf",
    ]
    text = (out / "2026-01-30-2130-first-night-home.md").read_text()
    assert text.startswith(
        '---\ntitle: "First night home"\ndate: 2026-01-30T21:30:00+05:30\n'
        'tags: ["Discharge", "night"]\nfavourite: true\n---\n\nMum slept from **ten**'
    )
    assert (
        "![garden photo.png](attachments/2026-01-30-2130-first-night-home/garden%20photo.png)"
        in text
    )
    assert (
        out / "attachments/2026-01-30-2130-first-night-home/garden photo.png"
    ).read_bytes() == png_bytes()
    if os.name == "posix":
        assert stat.S_IMODE((out / "2026-02-21-0525-entry.md").stat().st_mode) == 0o600


def test_markdown_export_imports_back_as_the_same_entries(
    filled: VaultSession,
    tmp_path: Path,
    vault_factory: VaultFactory,
    clock: FixedClock,
) -> None:
    out = tmp_path / "journal"
    export_markdown(filled.journal, ExportSelection(), out)
    again = preview_import(filled.journal, ImportSource.MARKDOWN, out)
    assert (len(again.new_items), again.duplicate_count) == (0, 3)

    unlocked, _key = vault_factory(paths=AppPaths(tmp_path / "fresh"))
    fresh = VaultSession(unlocked, clock)
    result = commit_import(fresh.journal, preview_import(fresh.journal, ImportSource.MARKDOWN, out))
    assert result.summary() == "Imported 3 entries (0 duplicates skipped, 3 attachments)."
    originals = [filled.journal.get(s.id) for s in filled.journal.list_summaries()]
    copies = [fresh.journal.get(s.id) for s in fresh.journal.list_summaries()]
    for original, copy in zip(originals, copies, strict=True):
        assert (copy.title, copy.body, copy.entry_at, copy.tags, copy.is_favourite) == (
            original.title,
            original.body,
            original.entry_at,
            original.tags,
            original.is_favourite,
        )
        assert [fresh.journal.attachment_data(a.id) for a in copy.attachments] == [
            filled.journal.attachment_data(a.id) for a in original.attachments
        ]


def test_imports_and_exports_leave_no_plaintext_in_the_vault(
    session: VaultSession, clock: FixedClock, paths: AppPaths, tmp_path: Path
) -> None:
    marker = "canary-exchange-7f3a9"
    note = tmp_path / "import"
    note.mkdir()
    (note / "2024-01-01.md").write_text(
        f"---\ntitle: {marker}\ntags: [{marker}-tag]\n---\n{marker} body\n"
    )
    commit_import(session.journal, preview_import(session.journal, ImportSource.MARKDOWN, note))
    export_json(session.journal, ExportSelection(), tmp_path / "out.json")
    export_markdown(session.journal, ExportSelection(), tmp_path / "out")
    assert marker in (tmp_path / "out.json").read_text()  # exports are plaintext by design
    session.lock()
    assert_no_plaintext(paths.data_dir, [marker])
