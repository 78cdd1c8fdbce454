"""Large Day One exports and Markdown folders imported an entry at a time (issue 17), as large
jrnl files are (test_large_import.py): the same entries, tags, attachments and counts as the
usual import, one batch of entries and one entry's media held at once, still all or nothing.
Here every input counts as large (STREAM_OVER_BYTES is 0) and batches are 10 entries."""

from __future__ import annotations

import gc
import hashlib
import json
import weakref
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from carecompanion.__main__ import main
from carecompanion.clock import FixedClock
from carecompanion.journal import service
from carecompanion.journal.exchange import (
    ImportFormatError,
    ImportSource,
    commit_import,
    importing,
    preview_import,
)
from carecompanion.journal.exchange import large_import as large
from carecompanion.journal.exchange.safe_zip import SafeZip
from carecompanion.journal.service import EntryDraft, JournalService
from carecompanion.paths import AppPaths
from tests.conftest import VaultFactory
from tests.helpers import GOOD_PASSPHRASE
from tests.journal.exchange.conftest import FIXTURES, dayone_fixture_zip, dayone_zip, png_bytes

BATCH = 10
START = datetime(2023, 1, 1, 9, 0, tzinfo=UTC)


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


# -- inputs -----------------------------------------------------------------------------------
def photo(n: int) -> bytes:
    return png_bytes(2 + n % 5, 3, (n % 256, 40, 90))


def dayone_entries(
    count: int, *, photo_every: int = 3
) -> tuple[list[dict[str, Any]], dict[str, bytes]]:
    """Day One entries (photos on some, one entry twice, one empty) and their media."""
    entries: list[dict[str, Any]] = []
    media: dict[str, bytes] = {}
    for n in range(count):
        moment = (START + timedelta(days=n, minutes=n)).strftime("%Y-%m-%dT%H:%M:%SZ")
        entry: dict[str, Any] = {
            "uuid": f"{n:032X}",
            "creationDate": moment,
            "modifiedDate": moment,
            "timeZone": "Europe/Berlin" if n % 2 else "America/New_York",
            "isAllDay": n % 11 == 0,
            "starred": n % 5 == 0,
            "tags": ["home", f"week {n // 7}"],
            "text": f"# Day {n}\n\nTablets at nine, søup at noon\\. Day {n}\\.",
        }
        if n % photo_every == 0:
            data = photo(n)
            md5 = hashlib.md5(data).hexdigest()  # Day One names media by MD5
            identifier = f"{n:032X}"
            entry["photos"] = [
                {"identifier": identifier, "md5": md5, "type": "png", "date": moment}
            ]
            entry["text"] += f"\n\n![](dayone-moment://{identifier})"
            media[f"photos/{md5}.png"] = data
        entries.append(entry)
    entries.insert(7, dict(entries[3]))  # the same entry twice: a duplicate in the export
    entries.insert(12, {"creationDate": "2023-06-01T10:00:00Z", "text": ""})  # an empty one
    return entries, media


def journal_json(entries: list[dict[str, Any]]) -> bytes:
    return json.dumps({"metadata": {"version": "1.0"}, "entries": entries}, indent=2).encode()


def write_dayone(path: Path, count: int, *, photo_every: int = 3) -> Path:
    entries, media = dayone_entries(count, photo_every=photo_every)
    path.write_bytes(dayone_zip(journal_json(entries), media))
    return path


def write_markdown(root: Path, count: int) -> Path:
    """Markdown files as our export writes them, a photo linked from every third, one file
    with another's words (a duplicate) and one with nothing in it (empty)."""
    root.mkdir()
    for n in range(count):
        stem = f"{(START + timedelta(days=n)):%Y-%m-%d-%H%M}-day-{n}"
        text = (
            f'---\ntitle: "Day {n}"\ndate: {(START + timedelta(days=n)).isoformat()}\n'
            f'tags: ["home", "#week {n // 7}"]\nfavourite: {"true" if n % 5 == 0 else "false"}\n'
            f"---\n\nTablets at nine, søup at noon. Day {n}.\n"
        )
        if n % 3 == 0:
            (root / "attachments" / stem).mkdir(parents=True)
            (root / "attachments" / stem / "photo.png").write_bytes(photo(n))
            text += (
                "\n<!-- carecompanion:attachments -->\n## Attachments\n\n"
                f"- ![photo.png](attachments/{stem}/photo.png)\n"
            )
        (root / f"{stem}.md").write_text(text, encoding="utf-8")
    (root / "zz-copy.md").write_text(
        (root / sorted(p.name for p in root.glob("*.md"))[4]).read_text()
    )
    (root / "2023-06-01.md").write_text("---\ndate: 2023-06-01\n---\n\n")
    return root


def contents(journal: JournalService) -> list[tuple[Any, ...]]:
    """Everything an import writes, in order: entries, their dates, tags and attachments."""
    found = []
    for entry in journal.entries(list(reversed(journal.entry_ids()))):
        attachments = tuple(
            (a.filename, a.mime_type, a.created_at, journal.attachment_data(a.id))
            for a in entry.attachments
        )
        found.append(
            (
                entry.title,
                entry.body,
                entry.entry_at,
                entry.created_at,
                entry.updated_at,
                entry.tags,
                entry.is_favourite,
                entry.time_zone,
                entry.is_all_day,
                attachments,
            )
        )
    return found


def large_import(journal: JournalService, kind: ImportSource, path: Path) -> large.LargeResult:
    plan = large.plan_large_import(kind, path)
    large.flag_duplicates(journal, plan)
    return large.commit_large_import(journal, plan)


def check_same_as_usual(two: Any, kind: ImportSource, source: Path) -> large.LargeResult:
    usual, streamed = two
    preview = preview_import(usual, kind, source)
    for journal in (usual, streamed):  # already there: one entry of the input
        journal.add_draft(preview.items[2].draft)
    preview = preview_import(usual, kind, source)
    done = commit_import(usual, preview)
    plan = large.plan_large_import(kind, source)
    large.flag_duplicates(streamed, plan)
    assert plan.summary() == preview.summary()
    result = large.commit_large_import(streamed, plan)
    assert result.summary() == done.summary()
    assert contents(streamed) == contents(usual)
    assert streamed.all_tags() == usual.all_tags()
    again = large.plan_large_import(kind, source)
    large.flag_duplicates(streamed, again)
    assert again.new_count == 0, "importing the same export twice adds nothing"
    return result


# -- the same as the usual import ------------------------------------------------------------
def test_the_day_one_fixture_imports_as_the_usual_import_imports_it(
    two_journals: Any, tmp_path: Path
) -> None:
    source = tmp_path / "Day One export.zip"
    source.write_bytes(dayone_fixture_zip())
    result = check_same_as_usual(two_journals, ImportSource.DAYONE, source)
    assert result.summary() == (
        "Imported 2 entries (1 duplicate skipped, 1 empty entry skipped, 2 attachments)."
    )


def test_a_large_day_one_export_imports_as_the_usual_import_imports_it(
    two_journals: Any, tmp_path: Path
) -> None:
    source = write_dayone(tmp_path / "export.zip", 45)
    result = check_same_as_usual(two_journals, ImportSource.DAYONE, source)
    assert result.summary() == (
        "Imported 44 entries (2 duplicates skipped, 1 empty entry skipped, 15 attachments)."
    )


def test_a_bare_journal_json_imports_as_the_usual_import_imports_it(
    two_journals: Any, tmp_path: Path
) -> None:
    source = tmp_path / "Journal.json"
    source.write_bytes(journal_json(dayone_entries(25)[0]))
    check_same_as_usual(two_journals, ImportSource.DAYONE, source)


def test_the_markdown_fixture_imports_as_the_usual_import_imports_it(two_journals: Any) -> None:
    check_same_as_usual(two_journals, ImportSource.MARKDOWN, FIXTURES / "markdown" / "notes")


def test_a_large_markdown_folder_imports_as_the_usual_import_imports_it(
    two_journals: Any, tmp_path: Path
) -> None:
    source = write_markdown(tmp_path / "notes", 45)
    result = check_same_as_usual(two_journals, ImportSource.MARKDOWN, source)
    assert result.summary() == (
        "Imported 44 entries (2 duplicates skipped, 1 empty entry skipped, 15 attachments)."
    )


# -- bounded ----------------------------------------------------------------------------------
@pytest.mark.parametrize("kind", [ImportSource.DAYONE, ImportSource.MARKDOWN])
def test_only_a_batch_of_entries_is_held_at_once(
    kind: ImportSource, journal: JournalService, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = (
        write_dayone(tmp_path / "export.zip", 95)
        if kind is ImportSource.DAYONE
        else write_markdown(tmp_path / "notes", 95)
    )
    plan = large.plan_large_import(kind, source)
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


def test_day_ones_journal_is_never_read_whole_and_each_photo_with_its_entry(
    journal: JournalService, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = write_dayone(tmp_path / "export.zip", 40, photo_every=1)  # a photo each
    read: list[str] = []
    real_read = SafeZip.read

    def counted(self: SafeZip, path: str, limit: int) -> bytes:
        read.append(path)
        return real_read(self, path, limit)

    monkeypatch.setattr(SafeZip, "read", counted)
    plan = large.plan_large_import(ImportSource.DAYONE, source)
    large.flag_duplicates(journal, plan)
    assert "Journal.json" not in read, "the journal is read as it is unpacked, never whole"
    assert len(read) == 41  # each photo once (the duplicate entry's again)
    read.clear()
    told: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> None:
        # The photos read so far are those of the entries written so far: none ahead.
        assert len(read) <= done + 1, (done, len(read))  # + the duplicate's
        told.append((done, total))

    result = large.commit_large_import(journal, plan, progress=progress)
    assert len(result.entry_ids) == 40
    assert told == [(0, 40), (10, 40), (20, 40), (30, 40), (40, 40)], "progress per batch"
    assert "Journal.json" not in read and len(read) == 41


# -- all or nothing ---------------------------------------------------------------------------
def test_a_bad_entry_late_in_a_day_one_export_is_said_where_by_the_usual_import(
    journal: JournalService, tmp_path: Path
) -> None:
    entries, media = dayone_entries(35)
    entries[33]["creationDate"] = "2023-02-30T10:00:00Z"
    source = tmp_path / "export.zip"
    source.write_bytes(dayone_zip(journal_json(entries), media))
    with pytest.raises(large.NotStreamable):
        large.plan_large_import(ImportSource.DAYONE, source)
    line = (
        journal_json(entries)
        .decode()
        .splitlines()
        .index('      "creationDate": "2023-02-30T10:00:00Z",')
    )
    with pytest.raises(ImportFormatError, match=rf"export\.zip/Journal\.json, line {line + 1}: "):
        preview_import(journal, ImportSource.DAYONE, source)
    assert journal.count() == 0


def test_a_bad_file_late_in_a_markdown_folder_is_refused_as_the_usual_import_refuses_it(
    journal: JournalService, tmp_path: Path
) -> None:
    """A folder is read a file at a time either way: the fast reader refuses it in the usual
    import's words, with no second reading of everything before it."""
    source = write_markdown(tmp_path / "notes", 35)
    (source / "zz-undated.md").write_text("no date anywhere\n")
    with pytest.raises(ImportFormatError) as streamed:
        large.plan_large_import(ImportSource.MARKDOWN, source)
    with pytest.raises(ImportFormatError) as usual:
        preview_import(journal, ImportSource.MARKDOWN, source)
    assert str(streamed.value) == str(usual.value)
    assert str(usual.value).startswith("zz-undated.md, line 1: there is no date")
    assert journal.count() == 0


def _nothing_written(journal: JournalService) -> None:
    assert journal.count() == 0 and journal.all_tags() == []
    with journal._db.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM attachments").scalar() == 0


def test_a_day_one_export_changed_before_the_write_writes_nothing(
    journal: JournalService, tmp_path: Path
) -> None:
    source = write_dayone(tmp_path / "export.zip", 35)
    plan = large.plan_large_import(ImportSource.DAYONE, source)
    large.flag_duplicates(journal, plan)
    entries, media = dayone_entries(35)
    entries[31]["text"] = "Rewritten since it was read."  # in the fourth batch
    source.write_bytes(dayone_zip(journal_json(entries), media))
    with pytest.raises(large.NotStreamable):
        large.commit_large_import(journal, plan)
    _nothing_written(journal)


def test_a_photo_damaged_before_the_write_writes_nothing(
    journal: JournalService, tmp_path: Path
) -> None:
    """The last photo is refused on the second read (its CRC no longer matches), after
    three batches were written: the one transaction leaves none of them."""
    entries, media = dayone_entries(35, photo_every=33)
    source = tmp_path / "export.zip"
    source.write_bytes(dayone_zip(journal_json(entries), media))
    plan = large.plan_large_import(ImportSource.DAYONE, source)
    large.flag_duplicates(journal, plan)
    data = bytearray(source.read_bytes())
    name = next(path for path, value in media.items() if value == photo(33)).encode()
    header = data.index(name)  # the member's local header, then its packed bytes
    data[header + len(name) + 3] ^= 0xFF
    source.write_bytes(bytes(data))
    told: list[int] = []
    with pytest.raises(large.NotStreamable):
        large.commit_large_import(journal, plan, progress=lambda done, _t: told.append(done))
    assert told == [0, 10, 20, 30], "written in batches before the photo was reached"
    _nothing_written(journal)
    with pytest.raises(ImportFormatError, match=r"could not be unpacked|size does not match"):
        preview_import(journal, ImportSource.DAYONE, source)


def test_a_markdown_file_changed_before_the_write_writes_nothing(
    journal: JournalService, tmp_path: Path
) -> None:
    source = write_markdown(tmp_path / "notes", 35)
    plan = large.plan_large_import(ImportSource.MARKDOWN, source)
    large.flag_duplicates(journal, plan)
    last = sorted(source.glob("2023-02-0*.md"))[-1]
    last.write_text(last.read_text().replace("Tablets", "Rewritten"))
    with pytest.raises(large.NotStreamable):
        large.commit_large_import(journal, plan)
    _nothing_written(journal)


# -- when an input is large -------------------------------------------------------------------
def test_day_one_and_markdown_are_large_by_what_they_unpack_to(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    zipped = write_dayone(tmp_path / "export.zip", 30)
    folder = write_markdown(tmp_path / "notes", 30)
    unpacked = sum(info.file_size for info in SafeZip(str(zipped), "x").members.values())
    on_disk = sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())
    assert zipped.stat().st_size < unpacked
    monkeypatch.setattr(large, "STREAM_OVER_BYTES", unpacked - 1)
    assert large.is_large(ImportSource.DAYONE, zipped)
    monkeypatch.setattr(large, "STREAM_OVER_BYTES", unpacked)
    assert not large.is_large(ImportSource.DAYONE, zipped)
    monkeypatch.setattr(large, "STREAM_OVER_BYTES", on_disk - 1)
    assert large.is_large(ImportSource.MARKDOWN, folder)  # attachments count too
    monkeypatch.setattr(large, "STREAM_OVER_BYTES", on_disk)
    assert not large.is_large(ImportSource.MARKDOWN, folder)
    monkeypatch.setattr(large, "STREAM_OVER_BYTES", 0)
    broken = tmp_path / "broken.zip"
    broken.write_bytes(zipped.read_bytes()[:-30])
    assert not large.is_large(ImportSource.DAYONE, broken), "the usual import says why"
    assert not large.is_large(ImportSource.DAYONE, tmp_path / "missing.zip")


# -- the command line -------------------------------------------------------------------------
def test_the_command_line_imports_large_exports_an_entry_at_a_time(
    cli_home: AppPaths,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def whole(*_args: object) -> list[Any]:
        raise AssertionError("read whole")

    for kind in (ImportSource.DAYONE, ImportSource.MARKDOWN):
        monkeypatch.setitem(importing.PARSERS, kind, whole)
    monkeypatch.setenv("CARECOMPANION_PASSPHRASE", GOOD_PASSPHRASE)
    zipped = write_dayone(tmp_path / "export.zip", 45)
    folder = write_markdown(tmp_path / "notes", 30)

    def run(*args: str) -> str:
        capsys.readouterr()
        assert main(["journal", "import", *args]) == 0
        return capsys.readouterr().out

    assert run("--from", "dayone", str(zipped), "--dry-run") == (
        "Would import 45 entries (1 duplicate skipped, 1 empty entry skipped, 15 attachments).\n"
    )
    assert run("--from", "dayone", str(zipped)) == (
        "Imported 45 entries (1 duplicate skipped, 1 empty entry skipped, 15 attachments).\n"
    )
    assert run("--from", "markdown", str(folder)) == (
        "Imported 30 entries (1 duplicate skipped, 1 empty entry skipped, 10 attachments).\n"
    )
    assert run("--from", "dayone", str(zipped)) == (
        "Imported 0 entries (46 duplicates skipped, 1 empty entry skipped, 0 attachments).\n"
    )
