"""jrnl's JSON export (fixtures written the way jrnl's JSONExporter writes them)."""

from __future__ import annotations

import contextlib
import json
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from carecompanion.journal.exchange import ImportFormatError, ImportSource, jrnl_import, read_import
from carecompanion.journal.exchange.jrnl_import import parse_jrnl
from tests.fuzz.bounds import parse_bounds
from tests.journal.exchange.conftest import FIXTURES

LONDON = ZoneInfo("Europe/London")
JOURNAL = FIXTURES / "jrnl" / "journal.json"


def test_reads_jrnls_export() -> None:
    entries = read_import(ImportSource.JRNL, JOURNAL, tz=LONDON)
    drafts = [entry.draft for entry in entries]
    assert [d.title for d in drafts] == [
        "Entry the first.",
        "A second entry in what I hope to be a long series.",
        "The third entry finally after weeks without writing.",
    ]
    # Local wall-clock times, read in the zone given (BST in summer).
    assert drafts[0].entry_at == datetime(2020, 8, 29, 11, 11, tzinfo=LONDON)
    assert drafts[0].entry_at is not None
    assert drafts[0].entry_at.utcoffset() == timedelta(hours=1)
    assert [d.tags for d in drafts] == [
        ("ipsum", "tagone", "tagtwo"),
        ("tagtwo",),
        ("tagthree", "tagone"),
    ]
    assert [d.is_favourite for d in drafts] == [False, True, False]
    # \\ud83d\\udcaf escapes (jrnl writes ASCII-only JSON) come back as the emoji.
    assert "💯 🎶 💩" in drafts[2].body
    assert drafts[0].body.startswith("Lorem @ipsum") and not drafts[0].body.endswith("\n")
    assert [str(entry.location) for entry in entries] == [
        "journal.json, line 9",
        "journal.json, line 21",
        "journal.json, line 31",
    ]


def test_one_entry_file_from_a_folder_export() -> None:
    (entry,) = read_import(
        ImportSource.JRNL, FIXTURES / "jrnl" / "2020_08_31_a-second-entry.json", tz=LONDON
    )
    assert entry.draft.title == "A second entry in what I hope to be a long series."
    assert entry.draft.is_favourite


def test_local_zone_is_used_when_none_is_given() -> None:
    (entry, *_rest) = read_import(ImportSource.JRNL, JOURNAL)
    assert entry.draft.entry_at.replace(tzinfo=None) == datetime(2020, 8, 29, 11, 11)
    assert entry.draft.entry_at.utcoffset() is not None


def _document(entries: list[object]) -> bytes:
    return json.dumps({"tags": {}, "entries": entries}, indent=2).encode()


def test_entry_without_date_is_reported_where_it_starts() -> None:
    good = {
        "title": "a",
        "body": "",
        "date": "2020-01-01",
        "time": "10:00",
        "tags": [],
        "starred": False,
    }
    data = _document([good, good, {"title": "b", "body": "", "tags": []}])
    with pytest.raises(ImportFormatError) as raised:
        parse_jrnl(data, "journal.json")
    lines = data.decode().split("\n")
    start = lines.index('      "title": "b",')  # 0-based: the line after the entry's "{"
    assert lines[start - 1].strip() == "{"
    assert str(raised.value) == f"journal.json, line {start}: entry 3 has no date"


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"date": "29/08/2020"}, "entry 1: the date '29/08/2020' is not YYYY-MM-DD"),
        ({"date": "2020-02-30"}, "entry 1: '2020-02-30' is not a real date"),
        ({"time": "25:00"}, "entry 1: '25:00' is not a time"),
        ({"time": 1100}, "entry 1: the time 1100 is not HH:MM"),
        ({"starred": "yes"}, "entry 1: 'starred' must be true or false"),
        ({"tags": "@a"}, "entry 1: 'tags' must be a list"),
        ({"title": None, "body": 3}, "entry 1: 'body' must be text"),
    ],
)
def test_bad_fields(change: dict[str, object], message: str) -> None:
    entry: dict[str, object] = {"title": "a", "body": "", "date": "2020-01-01", "time": "10:00"}
    entry.update(change)
    with pytest.raises(ImportFormatError, match=message):
        parse_jrnl(_document([entry]), "journal.json")


def test_not_a_jrnl_export() -> None:
    with pytest.raises(ImportFormatError, match="line 1: this is not a jrnl JSON export"):
        parse_jrnl(b'["just", "a list"]', "x.json")
    with pytest.raises(ImportFormatError, match=r"x\.json, line 1: this is not UTF-8 text"):
        parse_jrnl(b'{"entries": ["\xff"]}', "x.json")


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ImportFormatError, match=r"nope\.json: there is no such file"):
        read_import(ImportSource.JRNL, tmp_path / "nope.json")


@given(st.binary(max_size=2000))
def test_arbitrary_bytes_only_ever_raise_import_format_error(data: bytes) -> None:
    with contextlib.suppress(ImportFormatError):
        parse_jrnl(data, "fuzz.json")


_json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=20,
)
_entry_fields = st.fixed_dictionaries(
    {},
    optional={
        "title": st.text() | _json_values,
        "body": st.text() | _json_values,
        "date": st.sampled_from(
            ["2020-08-29", "1850-01-01", "0001-01-01", "9999-12-31", "2020-13-01", ""]
        )
        | _json_values,
        "time": st.sampled_from(["11:11", "24:00", "9:5", ""]) | _json_values,
        "tags": st.lists(st.text(max_size=10)) | _json_values,
        "starred": st.booleans() | _json_values,
    },
)


@given(st.lists(_entry_fields | _json_values, max_size=5))
def test_mutated_entries_only_ever_raise_import_format_error(entries: list[object]) -> None:
    try:
        parsed = parse_jrnl(json.dumps({"entries": entries}).encode(), "fuzz.json", LONDON)
    except ImportFormatError as exc:
        assert exc.path == "fuzz.json" and exc.line is not None
    else:
        assert len(parsed) == len(entries)


def test_a_small_file_is_read_without_reserving_the_whole_limit() -> None:
    """Reading asked for the limit plus one byte at once: 512 MB for any JSON file."""
    with parse_bounds(megabytes=8):
        assert len(read_import(ImportSource.JRNL, JOURNAL)) == 3


def test_a_file_over_the_limit_is_refused_before_it_is_read(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(jrnl_import, "MAX_JSON_BYTES", 100)
    big = tmp_path / "big.json"
    big.write_bytes(b" " * 101)
    with pytest.raises(ImportFormatError, match=r"^big.json: the file is larger than 100 bytes$"):
        read_import(ImportSource.JRNL, big)
    big.write_bytes(b" " * 100)
    with pytest.raises(ImportFormatError, match="line 1: the JSON ends too early"):
        read_import(ImportSource.JRNL, big)
