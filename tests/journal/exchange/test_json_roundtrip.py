"""Our JSON format: export, import into a fresh vault, and nothing is lost."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
import sqlalchemy as sa
from hypothesis import given
from hypothesis import strategies as st

from carecompanion.clock import FixedClock
from carecompanion.journal.attachments import clean_filename
from carecompanion.journal.exchange import (
    ExportSelection,
    ImportFormatError,
    ImportSource,
    commit_import,
    export_json,
    preview_import,
    read_import,
)
from carecompanion.journal.exchange.json_import import parse_json
from carecompanion.journal.exchange.schema import entry_to_json, header
from carecompanion.journal.service import AttachmentInfo, Entry
from carecompanion.journal.tags import clean_tags
from carecompanion.paths import AppPaths
from carecompanion.session import VaultSession
from tests.conftest import VaultFactory
from tests.helpers import START, hash_tree
from tests.journal.exchange.conftest import INDIA, add_sample_entries


def _fresh_session(vault_factory: VaultFactory, tmp_path: Path) -> VaultSession:
    clock = FixedClock(START.replace(year=2027))
    unlocked, _key = vault_factory(paths=AppPaths(tmp_path / "other"), clock=clock)
    return VaultSession(unlocked, clock)


def test_round_trip_keeps_every_field(
    session: VaultSession, clock: FixedClock, vault_factory: VaultFactory, tmp_path: Path
) -> None:
    originals = add_sample_entries(session.journal, clock)
    out = tmp_path / "journal.json"
    result = export_json(session.journal, ExportSelection(), out, tz=INDIA)
    assert (result.entries, result.attachments) == (3, 3)

    other = _fresh_session(vault_factory, tmp_path)
    preview = preview_import(other.journal, ImportSource.JSON, out)
    assert preview.duplicate_count == 0
    imported = commit_import(other.journal, preview)
    assert imported.summary() == "Imported 3 entries (0 duplicates skipped, 3 attachments)."

    copies = [other.journal.get(entry_id) for entry_id in imported.entry_ids]
    for original, copy in zip(originals, copies, strict=True):
        assert copy.title == original.title
        assert copy.body == original.body
        assert copy.entry_at == original.entry_at
        assert copy.created_at == original.created_at
        assert copy.updated_at == original.updated_at
        assert copy.tags == original.tags
        assert copy.is_favourite == original.is_favourite
        assert len(copy.attachments) == len(original.attachments)
        for mine, theirs in zip(original.attachments, copy.attachments, strict=True):
            assert (theirs.filename, theirs.mime_type, theirs.size, theirs.created_at) == (
                mine.filename,
                mine.mime_type,
                mine.size,
                mine.created_at,
            )
            assert other.journal.attachment_data(theirs.id) == session.journal.attachment_data(
                mine.id
            )
    # The days the entries belong to are the same, so the timeline and filters agree.
    assert [s.id for s in other.journal.list_summaries()] == list(reversed(imported.entry_ids))


def test_importing_twice_adds_nothing(
    session: VaultSession, clock: FixedClock, vault_factory: VaultFactory, tmp_path: Path
) -> None:
    add_sample_entries(session.journal, clock)
    out = tmp_path / "journal.json"
    export_json(session.journal, ExportSelection(), out)
    # Into the vault it came from: everything is already there.
    again = preview_import(session.journal, ImportSource.JSON, out)
    assert again.duplicate_count == 3 and not again.new_items
    assert commit_import(session.journal, again).entry_ids == ()
    assert session.journal.count() == 3

    other = _fresh_session(vault_factory, tmp_path)
    commit_import(other.journal, preview_import(other.journal, ImportSource.JSON, out))
    second = commit_import(other.journal, preview_import(other.journal, ImportSource.JSON, out))
    assert second.summary() == "Imported 0 entries (3 duplicates skipped, 0 attachments)."
    assert other.journal.count() == 3


def test_duplicates_within_one_file_are_imported_once(
    session: VaultSession, tmp_path: Path
) -> None:
    entry = {"title": "Same", "body": "twice", "entry_at": "2026-01-05T10:00:00+01:00"}
    document = {"format": "carecompanion-journal", "version": 1, "entries": [entry, entry]}
    out = tmp_path / "twice.json"
    out.write_text(json.dumps(document))
    preview = preview_import(session.journal, ImportSource.JSON, out)
    assert [item.duplicate for item in preview.items] == [False, True]
    commit_import(session.journal, preview)
    assert session.journal.count() == 1


def _document_lines(entries: Sequence[Mapping[str, object]]) -> str:
    return json.dumps(
        {"format": "carecompanion-journal", "version": 1, "entries": entries}, indent=2
    )


def test_structural_errors_name_the_line_where_the_entry_starts(tmp_path: Path) -> None:
    good = {"title": "ok", "body": "", "entry_at": "2026-01-05T10:00:00+01:00"}
    text = _document_lines([good, good, {"title": "no date here", "body": "x"}])
    out = tmp_path / "journal.json"
    out.write_text(text)
    lines = text.split("\n")
    entry_3_line = next(i for i, line in enumerate(lines, 1) if '"no date here"' in line) - 1
    assert lines[entry_3_line - 1].strip() == "{"
    with pytest.raises(ImportFormatError) as raised:
        read_import(ImportSource.JSON, out)
    assert str(raised.value) == f"journal.json, line {entry_3_line}: entry 3 has no entry_at"
    assert (raised.value.path, raised.value.line) == ("journal.json", entry_3_line)


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("entry_at", "yesterday", "entry 1: 'yesterday' is not an ISO 8601 time"),
        ("entry_at", "2026-01-05T10:00:00", "has no offset"),
        ("favourite", "yes", "entry 1: 'favourite' must be true or false"),
        ("tags", "a, b", "entry 1: 'tags' must be a list"),
        ("title", 12, "entry 1: 'title' must be text"),
    ],
)
def test_bad_field_is_reported_at_its_own_line(
    tmp_path: Path, field: str, value: object, message: str
) -> None:
    entry: dict[str, object] = {"title": "t", "body": "b", "entry_at": "2026-01-05T10:00:00+01:00"}
    entry[field] = value
    text = _document_lines([entry])
    (tmp_path / "j.json").write_text(text)
    line = next(i for i, row in enumerate(text.split("\n"), 1) if f'"{field}"' in row)
    with pytest.raises(ImportFormatError, match=message) as raised:
        read_import(ImportSource.JSON, tmp_path / "j.json")
    assert raised.value.line == line


def test_bad_attachment_data_and_size_mismatch(tmp_path: Path) -> None:
    attachment: dict[str, object] = {
        "filename": "a.png",
        "mime_type": "image/png",
        "data": "not base64!",
    }
    entry = {"title": "t", "entry_at": "2026-01-05T10:00:00Z", "attachments": [attachment]}
    (tmp_path / "j.json").write_text(_document_lines([entry]))
    with pytest.raises(ImportFormatError, match="attachment 1: 'data' is not valid base64"):
        read_import(ImportSource.JSON, tmp_path / "j.json")
    attachment.update(data="aGVsbG8=", size=99)
    (tmp_path / "j.json").write_text(_document_lines([entry]))
    with pytest.raises(ImportFormatError, match="'size' says 99 bytes but 'data' holds 5"):
        read_import(ImportSource.JSON, tmp_path / "j.json")


def test_syntax_error_names_its_line(tmp_path: Path) -> None:
    (tmp_path / "broken.json").write_text(
        '{\n  "format": "carecompanion-journal",\n  "version" 1\n}'
    )
    with pytest.raises(ImportFormatError) as raised:
        read_import(ImportSource.JSON, tmp_path / "broken.json")
    assert str(raised.value) == "broken.json, line 3: this is not valid JSON (expected ':')"


def test_newer_version_and_foreign_files_are_refused(tmp_path: Path) -> None:
    (tmp_path / "new.json").write_text(
        '{"format": "carecompanion-journal",\n "version": 2, "entries": []}'
    )
    with pytest.raises(ImportFormatError, match="line 2: this export is version 2"):
        read_import(ImportSource.JSON, tmp_path / "new.json")
    (tmp_path / "jrnl.json").write_text('{"tags": {}, "entries": []}')
    with pytest.raises(ImportFormatError, match="not a CareCompanion journal export"):
        read_import(ImportSource.JSON, tmp_path / "jrnl.json")


def test_failed_import_leaves_the_vault_untouched(
    session: VaultSession, clock: FixedClock, paths: AppPaths, tmp_path: Path
) -> None:
    add_sample_entries(session.journal, clock)
    out = tmp_path / "journal.json"
    export_json(session.journal, ExportSelection(), out)
    document = json.loads(out.read_text())
    document["entries"][2]["entry_at"] = "not a date"
    out.write_text(json.dumps(document, indent=2))
    before = hash_tree(paths.data_dir)
    with pytest.raises(ImportFormatError, match="entry 3"):
        preview_import(session.journal, ImportSource.JSON, out)
    assert hash_tree(paths.data_dir) == before
    assert session.journal.count() == 3


def test_commit_is_all_or_nothing(session: VaultSession, clock: FixedClock, tmp_path: Path) -> None:
    add_sample_entries(session.journal, clock)
    out = tmp_path / "journal.json"
    export_json(session.journal, ExportSelection(), out)
    document = json.loads(out.read_text())
    for entry in document["entries"]:
        entry["title"] += " (copy)"
    document["entries"][2]["title"] = "explode"
    out.write_text(json.dumps(document))
    preview = preview_import(session.journal, ImportSource.JSON, out)
    assert len(preview.new_items) == 3
    # The database itself refuses the third entry, as a full disk or a crash would.
    with session.unlocked.database.session() as db:
        db.execute(
            sa.text(
                "CREATE TRIGGER refuse BEFORE INSERT ON journal_entries "
                "WHEN new.title = 'explode' BEGIN SELECT RAISE(ABORT, 'refused'); END"
            )
        )
    with pytest.raises(sa.exc.DBAPIError, match="refused"):
        commit_import(session.journal, preview)
    assert session.journal.count() == 3
    assert all("(copy)" not in s.title for s in session.journal.list_summaries())


_tag = st.text(min_size=1, max_size=30).map(lambda t: " ".join(t.split())).filter(bool)
_moment = st.datetimes(
    min_value=datetime(1901, 1, 1),
    max_value=datetime(2998, 12, 31),
    timezones=st.sampled_from([UTC, INDIA, timezone(timedelta(hours=-9, minutes=-30))]),
)


@given(
    title=st.text(max_size=200).map(str.strip),
    body=st.text(max_size=500),
    entry_at=_moment,
    stamps=st.tuples(_moment, _moment, _moment),
    tags=st.lists(_tag, max_size=5).map(lambda tags: tuple(clean_tags(tags))),
    favourite=st.booleans(),
    files=st.lists(st.tuples(st.text(min_size=1, max_size=20), st.binary(max_size=64)), max_size=3),
)
def test_any_entry_survives_the_format(
    title: str,
    body: str,
    entry_at: datetime,
    stamps: tuple[datetime, datetime, datetime],
    tags: tuple[str, ...],
    favourite: bool,
    files: list[tuple[str, bytes]],
) -> None:
    """Property: export (entry -> JSON text) then parse gives back every field."""
    infos = tuple(
        AttachmentInfo(i + 1, 7, clean_filename(name), "image/png", len(data), stamps[2])
        for i, (name, data) in enumerate(files)
    )
    entry = Entry(7, "f" * 32, title, body, entry_at, stamps[0], stamps[1], tags, favourite, infos)
    contents = {i + 1: data for i, (_name, data) in enumerate(files)}
    document = {
        **header(stamps[0], INDIA),
        "entries": [entry_to_json(entry, contents.__getitem__, INDIA)],
    }
    (parsed,) = parse_json(json.dumps(document, indent=2).encode(), "p.json")
    draft = parsed.draft
    assert (draft.title, draft.body, draft.entry_at, draft.tags, draft.is_favourite) == (
        title,
        body,
        entry_at,
        tags,
        favourite,
    )
    assert (parsed.created_at, parsed.updated_at) == stamps[:2]
    assert [(a.filename, a.mime_type, a.data) for a in draft.attachments] == [
        (info.filename, "image/png", contents[info.id]) for info in infos
    ]
    assert parsed.attachment_times == tuple(stamps[2] for _ in infos)


_export_text = json.dumps(
    {
        "format": "carecompanion-journal",
        "version": 1,
        "exported_at": "2026-01-01T00:00:00Z",
        "entries": [
            {
                "title": "t",
                "body": "b",
                "entry_at": "2026-01-05T10:00:00+01:00",
                "created_at": "2026-01-05T10:00:00Z",
                "tags": ["a"],
                "favourite": True,
                "attachments": [
                    {"filename": "a.png", "mime_type": "image/png", "size": 3, "data": "AAEC"}
                ],
            },
        ],
    },
    indent=2,
)


@given(st.data())
def test_mutated_exports_only_ever_raise_import_format_error(data: st.DataObject) -> None:
    text = list(_export_text)
    for _ in range(data.draw(st.integers(1, 5))):
        position = data.draw(st.integers(0, len(text) - 1))
        text[position] = data.draw(st.sampled_from(list('{}[]",:0123456789 \\Zz-+T.eu')))
    try:
        parse_json("".join(text).encode(), "fuzz.json")
    except ImportFormatError as exc:
        assert exc.path == "fuzz.json" and exc.line is not None
