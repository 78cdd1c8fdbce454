"""Day One's JSON export zip (fixture: tests/fixtures/dayone/Journal.json, in Day One's layout)."""

from __future__ import annotations

import contextlib
import io
import json
import zipfile
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from carecompanion.journal.exchange import (
    ImportFormatError,
    ImportSource,
    commit_import,
    preview_import,
    read_import,
)
from carecompanion.journal.exchange.dayone_import import parse_dayone_json, parse_dayone_zip
from carecompanion.journal.exchange.limits import MAX_ZIP_MEMBERS
from carecompanion.session import VaultSession
from tests.journal.exchange.conftest import FIXTURES, dayone_fixture_zip, dayone_zip, png_bytes


@pytest.fixture
def export_zip(tmp_path: Path) -> Path:
    path = tmp_path / "Day One export.zip"
    path.write_bytes(dayone_fixture_zip())
    return path


def test_reads_entries_photos_and_zones(export_zip: Path) -> None:
    entries = read_import(ImportSource.DAYONE, export_zip)
    garden, hospital, respite, empty = entries

    assert garden.draft.title == "Garden with Dad"  # the "# heading" first line
    assert garden.draft.body == (
        "We sat outside for an hour\\. He named every bird\\.\n\n[Photo: photo-1.jpeg]\n\n"
        "A good day\\!"
    )
    assert garden.draft.tags == ("Dad", "good days")
    (photo,) = garden.draft.attachments
    assert (photo.filename, photo.mime_type, photo.data) == (
        "photo-1.jpeg",
        "image/jpeg",
        png_bytes(6, 4),
    )
    # creationDate is UTC; the entry keeps its own zone (Berlin, UTC+1 in March).
    assert garden.draft.entry_at == datetime(2024, 3, 18, 13, 4, 56, tzinfo=UTC)
    assert garden.draft.entry_at.tzinfo == ZoneInfo("Europe/Berlin")
    assert garden.created_at == datetime(2024, 3, 18, 13, 4, 56, tzinfo=UTC)
    assert garden.updated_at == datetime(2024, 3, 26, 21, 48, 44, tzinfo=UTC)

    assert hospital.draft.title == "Night at the hospital"  # Day One's first-line title
    assert hospital.draft.is_favourite
    assert hospital.draft.body.endswith("[Photo: photo-1.png]\n[Audio recording not imported]")
    assert "135/85" in hospital.draft.body  # "\/" is JSON's escaped slash
    assert [a.mime_type for a in hospital.draft.attachments] == ["image/png"]

    # A photo the export left out is noted in the text, not an error.
    assert respite.draft.attachments == ()
    assert respite.draft.body.endswith("[Photo not included in the export]")
    assert respite.draft.entry_at is not None
    assert respite.draft.entry_at.utcoffset() == timedelta(hours=-4)

    assert (empty.draft.title, empty.draft.body) == ("", "")


def test_import_skips_empty_entries_and_duplicates(session: VaultSession, export_zip: Path) -> None:
    preview = preview_import(session.journal, ImportSource.DAYONE, export_zip)
    assert preview.summary() == (
        "Would import 3 entries (0 duplicates skipped, 1 empty entry skipped, 2 attachments)."
    )
    result = commit_import(session.journal, preview)
    hospital = session.journal.get(result.entry_ids[1])
    assert hospital.created_at == datetime(2024, 3, 20, 22, 40, tzinfo=UTC)
    assert hospital.updated_at == hospital.created_at  # no modifiedDate: unchanged since
    again = preview_import(session.journal, ImportSource.DAYONE, export_zip)
    assert (len(again.new_items), again.duplicate_count) == (0, 3)


def test_journal_in_a_folder_and_named_after_the_journal(tmp_path: Path) -> None:
    journal = json.dumps(
        {
            "metadata": {"version": "1.0"},
            "entries": [
                {
                    "creationDate": "2023-12-31T23:30:00Z",
                    "timeZone": "Asia/Tokyo",
                    "text": "Hello",
                    "photos": [{"identifier": "A1", "md5": "abc", "type": "jpeg"}],
                }
            ],
        }
    ).encode()
    data = dayone_zip(
        journal, {"photos/abc.jpeg": b"jpeg bytes"}, name="Caregiving.json", folder="Export/"
    )
    (entry,) = parse_dayone_zip(data, "export.zip")
    assert entry.draft.entry_at.isoformat() == "2024-01-01T08:30:00+09:00"
    assert entry.draft.attachments[0].data == b"jpeg bytes"  # listed, though not linked
    assert entry.location.path == "export.zip/Export/Caregiving.json"


def test_errors_name_the_file_inside_the_zip_and_the_line() -> None:
    journal = b'{\n  "entries" : [\n    {\n      "text" : "no date"\n    }\n  ]\n}'
    with pytest.raises(ImportFormatError) as raised:
        parse_dayone_zip(dayone_zip(journal, {}), "export.zip")
    assert str(raised.value) == "export.zip/Journal.json, line 3: entry 1 has no creationDate"


def _zip_with(members: dict[str, bytes], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


@pytest.mark.parametrize(
    "name",
    ["../evil.json", "/etc/passwd", "photos/../../x.jpeg", "C:/Windows/x.json", "a\\..\\b.json"],
)
def test_path_traversal_is_refused(name: str) -> None:
    data = _zip_with({"Journal.json": b'{"entries": []}', name: b"x"})
    with pytest.raises(ImportFormatError, match="unsafe file name"):
        parse_dayone_zip(data, "export.zip")


def test_zip_bombs_and_floods_are_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    bomb = _zip_with({"Journal.json": b'{"entries": []}', "photos/a.jpeg": b"\0" * 5_000_000})
    with pytest.raises(ImportFormatError, match="compressed suspiciously well"):
        parse_dayone_zip(bomb, "export.zip")
    from carecompanion.journal.exchange import safe_zip

    monkeypatch.setattr(safe_zip, "MAX_ZIP_UNCOMPRESSED_BYTES", 1000)
    big = _zip_with(
        {"Journal.json": b'{"entries": []}', "photos/a.jpeg": bytes(range(256)) * 8},
        zipfile.ZIP_STORED,
    )
    with pytest.raises(ImportFormatError, match="would unpack to more than 1000 bytes"):
        parse_dayone_zip(big, "export.zip")
    monkeypatch.setattr(safe_zip, "MAX_ZIP_MEMBERS", 3)
    many = _zip_with({f"photos/{i}.jpeg": b"x" for i in range(4)})
    with pytest.raises(ImportFormatError, match="more than 3 files"):
        parse_dayone_zip(many, "export.zip")
    assert MAX_ZIP_MEMBERS > 1000


def test_not_a_zip_and_no_journal(tmp_path: Path) -> None:
    with pytest.raises(ImportFormatError, match=r"export\.zip: this is not a zip archive"):
        parse_dayone_zip(b"PK\x03\x04 but broken", "export.zip")
    with pytest.raises(ImportFormatError, match=r"there is no Journal\.json"):
        parse_dayone_zip(_zip_with({"photos/a.jpeg": b"x"}), "export.zip")


def test_nothing_is_extracted_to_disk(export_zip: Path, tmp_path: Path) -> None:
    before = sorted(p.name for p in tmp_path.rglob("*"))
    read_import(ImportSource.DAYONE, export_zip)
    assert sorted(p.name for p in tmp_path.rglob("*")) == before


def test_bare_journal_json_is_accepted() -> None:
    entries = read_import(ImportSource.DAYONE, FIXTURES / "dayone" / "Journal.json")
    assert len(entries) == 4
    assert all(not entry.draft.attachments for entry in entries)


@settings(max_examples=150)
@given(st.data())
def test_mutated_archives_only_ever_raise_import_format_error(data: st.DataObject) -> None:
    original = bytearray(dayone_fixture_zip())
    for _ in range(data.draw(st.integers(1, 8))):
        position = data.draw(st.integers(0, len(original) - 1))
        original[position] = data.draw(st.integers(0, 255))
    with contextlib.suppress(ImportFormatError):
        parse_dayone_zip(bytes(original), "fuzz.zip")


_journal_text = (FIXTURES / "dayone" / "Journal.json").read_text()


@settings(max_examples=200)
@given(st.data())
def test_mutated_journal_json_only_ever_raises_import_format_error(data: st.DataObject) -> None:
    text = list(_journal_text)
    for _ in range(data.draw(st.integers(1, 6))):
        position = data.draw(st.integers(0, len(text) - 1))
        text[position] = data.draw(st.sampled_from(list('{}[]",:0123456789 \\Zz-T/ae')))
    zipped = dayone_zip(
        "".join(text).encode(), {"photos/cf80411fda6ba991b6110b2365fb8286.jpeg": b"x"}
    )
    try:
        parse_dayone_zip(zipped, "fuzz.zip")
    except ImportFormatError as exc:
        assert exc.path is not None and exc.path.startswith("fuzz.zip")


def _one_entry(**fields: object) -> bytes:
    entry = {"creationDate": "2024-12-31T23:30:00Z", "timeZone": "America/New_York", **fields}
    return dayone_zip(json.dumps({"entries": [entry]}, indent=2).encode(), {})


@pytest.mark.parametrize(
    ("text", "title", "body"),
    [
        (  # Day One escapes Markdown in the text it exports; a title is plain text
            "New Year\\. \\- tried to stay up\\!\n\nWe made it to 10\\.30\\.",
            "New Year. - tried to stay up!",
            "We made it to 10\\.30\\.",  # the body stays Markdown, escapes and all
        ),
        ("# Tom \\& Jerry \\#2 #\n\nbody", "Tom & Jerry #2", "body"),
        ("\\[not a link\\]\n\nbody", "[not a link]", "body"),
        ("C:\\\\Users\\\\dad\n\nbody", "C:\\Users\\dad", "body"),
        ("a \\q b\n\nbody", "a \\q b", "body"),  # not an escape: kept as written
    ],
)
def test_titles_lose_markdowns_escapes(text: str, title: str, body: str) -> None:
    (entry,) = parse_dayone_zip(_one_entry(text=text), "export.zip")
    assert (entry.draft.title, entry.draft.body) == (title, body)


def test_a_time_zone_that_is_no_zone_name_is_refused_at_its_line() -> None:
    with pytest.raises(ImportFormatError) as raised:
        parse_dayone_zip(_one_entry(timeZone="a/" * 1000 + "b"), "export.zip")
    assert str(raised.value) == (
        "export.zip/Journal.json, line 5: entry 1: the timeZone "
        f"'{'a/' * 28}a…' is not a time zone name"
    )
    # A real name this computer does not know, or none at all, is no zone of the entry's
    # own: it is written where the import runs (the time itself is the file's, in UTC).
    for zone in ("Mars/Olympus_Mons", None, 5):
        (entry,) = parse_dayone_zip(_one_entry(timeZone=zone), "export.zip")
        assert entry.draft.entry_at.utcoffset() == timedelta(0)
        assert entry.draft.time_zone is None


def test_a_long_bad_value_is_shown_cut_short() -> None:
    document = json.dumps({"entries": [{"creationDate": "x" * 100_000}]}, indent=1)
    with pytest.raises(ImportFormatError) as raised:
        parse_dayone_json(document.encode(), "Journal.json")
    assert str(raised.value) == (
        f"Journal.json, line 4: entry 1: creationDate '{'x' * 57}…' is not a date and time"
    )


def test_a_member_with_no_name_is_refused() -> None:
    """Found by fuzzing: zipfile's own is_dir() fails (IndexError) on an empty name."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("Journal.json", b'{"entries": []}')
        archive.writestr(zipfile.ZipInfo(""), b"x")
    with pytest.raises(ImportFormatError, match="unsafe file name ''"):
        parse_dayone_zip(buffer.getvalue(), "export.zip")
