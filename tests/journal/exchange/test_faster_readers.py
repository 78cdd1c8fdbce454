"""The readers made faster for large imports (issue 17) read every input exactly as before:
front matter, fingerprints, Day One's links and titles, dates with offsets, small files."""

from __future__ import annotations

import os
import threading
import unicodedata
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from carecompanion.journal.exchange import dayone_import, frontmatter, markdown_import
from carecompanion.journal.exchange.dates import (
    date_from_file_name,
    name_after_date,
    parse_datetime,
)
from carecompanion.journal.exchange.errors import ImportFormatError
from carecompanion.journal.exchange.markdown_text import _ESCAPE, unescape
from carecompanion.journal.exchange.parsed import (
    EARLIEST,
    LATEST,
    _blank,
    check_moment,
    moment_ok,
)
from carecompanion.journal.exchange.parsed import Location as At
from carecompanion.journal.exchange.reading import read_bytes
from carecompanion.journal.fingerprint import entry_fingerprint
from tests.journal.exchange import frontmatter_reference as before

# -- front matter ---------------------------------------------------------------------------
# Lines as people write them, of pieces that matter to the reader: quotes of both kinds,
# escapes, doubled quotes, commas, brackets, blanks, block markers, comments, list dashes.
_atom = st.sampled_from(
    [*"aé \\\"',#:-\t[]", "''", '\\"', "\\u00e9", "\\u12", "\\n", "\\/", "\\b", "\\x"]
)
_scalar = st.lists(_atom, max_size=8).map("".join)
_quoted = st.builds(lambda q, s: q + s + q, st.sampled_from(['"', "'"]), _scalar)
_item = st.one_of(
    _scalar,
    _quoted,
    st.builds(lambda b, q, a: b + q + a, st.sampled_from(["", " ", "  "]), _quoted, _scalar),
)
_flow = st.builds(
    lambda items, comma, end: "[" + comma.join(items) + end,
    st.lists(_item, max_size=4),
    st.sampled_from([",", ", ", " ,  "]),
    st.sampled_from(["]", "] ", ""]),
)
_value = st.one_of(_scalar, _quoted, _flow, st.sampled_from(["|", ">-", ""]))
_pair = st.builds(
    lambda key, gap, value: key + ":" + gap + value,
    st.sampled_from(["title", "date", "tags", "Tags", "favourite", "x-y", "a b", "_k"]),
    st.sampled_from([" ", "  ", "\t", ""]),
    _value,
)
_line = st.one_of(
    _pair,
    st.builds(lambda item: "  - " + item, _item),
    st.sampled_from(["", "# a comment", "- 'x'", "  indented", "   ", "\r", ": no key"]),
)
_front_matter = st.builds(
    lambda opening, lines, closing, body: opening + "\n".join(lines) + closing + body,
    st.sampled_from(["---\n", "---\r\n", " --- \n", "--\n", ""]),
    st.lists(_line, max_size=8),
    st.sampled_from(["\n---\n", "\n...\r\n", "\n---", "\n", ""]),
    st.sampled_from(["", "body\n", "\n---\nmore"]),
)


def _read(module: object, text: str) -> object:
    try:
        matter = module.parse(text)  # type: ignore[attr-defined]
    except (frontmatter.FrontMatterError, before.FrontMatterError) as exc:
        return ("refused", exc.line, str(exc.message))
    return (matter.fields, matter.lines, matter.body)


@settings(max_examples=600)
@given(text=_front_matter)
def test_front_matter_is_read_as_before(text: str) -> None:
    assert _read(frontmatter, text) == _read(before, text)


@given(text=st.text(max_size=60))
def test_any_text_is_read_as_before(text: str) -> None:
    assert _read(frontmatter, text) == _read(before, text)


def test_front_matter_far_down_a_long_file_is_still_not_front_matter() -> None:
    """The closing line is looked for in the first 500 lines only, as before."""
    for closing_at in (498, 499, 500, 501):
        text = "---\n" + "a: b\n" * (closing_at - 1) + "---\nbody"
        assert _read(frontmatter, text) == _read(before, text)


# -- fingerprints -----------------------------------------------------------------------------
_spacing = st.lists(
    st.sampled_from([*"ab \t\r\n\x0b\x0c\x1c\x85\u2028\u3000", "e\u0301", "é"])
).map("".join)


def _fingerprint_before(entry_at: datetime, title: str, body: str) -> str:
    """carecompanion.journal.fingerprint as it was (migration 0002 keeps the same copy)."""
    import hashlib

    def normalised(text: str) -> str:
        text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
        return "\n".join(line.rstrip() for line in text.split("\n")).strip()

    minute = entry_at.astimezone(UTC).strftime("%Y-%m-%dT%H:%MZ")
    canonical = "\x1f".join((minute, normalised(title), normalised(body)))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


@given(
    when=st.datetimes(
        min_value=datetime(1000, 1, 2),
        max_value=datetime(9999, 12, 30),
        timezones=st.sampled_from([UTC, timezone(timedelta(hours=-9, minutes=-30))]),
    ),
    title=_spacing,
    body=_spacing,
)
def test_fingerprints_are_as_before(when: datetime, title: str, body: str) -> None:
    assert entry_fingerprint(when, title, body) == _fingerprint_before(when, title, body)


# -- Day One's links and Markdown escapes -------------------------------------------------------
_linkish = st.lists(
    st.sampled_from(
        [
            *"[]()!\\.-\n ",
            "dayone-moment:/",
            "](dayone-moment://",
            "dayone-moment://A1",
            "](dayone-moment:/photo/",
            "audio/",
        ]
    ),
    max_size=12,
).map("".join)


@given(text=_linkish)
def test_a_text_without_the_mark_holds_no_link(text: str) -> None:
    """Day One's links are only looked for in a text holding the mark every one holds."""
    if dayone_import._MOMENT_MARK not in text:
        assert dayone_import._MOMENT.search(text) is None


@given(text=_linkish)
def test_unescape_is_as_before(text: str) -> None:
    assert unescape(text) == _ESCAPE.sub(r"\1", text)


# -- dates --------------------------------------------------------------------------------------
def test_check_moment_and_moment_ok_agree() -> None:
    where = At("x.md", 3)
    moments = [
        EARLIEST,
        LATEST,
        EARLIEST - timedelta(microseconds=1),
        LATEST + timedelta(microseconds=1),
        datetime(1900, 1, 1, 0, 30, tzinfo=timezone(timedelta(hours=1))),  # 1899 in UTC
        datetime(1, 1, 1, tzinfo=timezone(timedelta(hours=5))),  # no UTC time at all
        datetime(9999, 12, 31, 23, tzinfo=timezone(timedelta(hours=-5))),
        datetime(2024, 5, 1),  # no zone
    ]
    for moment in moments:
        try:
            check_moment(moment, where)
            accepted = True
        except ImportFormatError:
            accepted = False
        assert moment_ok(moment) is accepted


def test_an_offset_read_twice_is_the_same_and_a_bad_one_is_refused_each_time() -> None:
    first = parse_datetime("2024-05-01T10:00+05:30", None)
    second = parse_datetime("2024-06-01T10:00+05:30", None)
    assert first is not None and second is not None
    assert first.utcoffset() == second.utcoffset() == timedelta(hours=5, minutes=30)
    for _ in range(2):
        assert parse_datetime("2024-05-01T10:00+24:00", None) is None


# -- small files and the folder's names -----------------------------------------------------------
@pytest.mark.parametrize("size", [0, 1, 4095, 4096, 4097, 100_000])
def test_a_file_is_read_whole_up_to_its_limit(tmp_path: Path, size: int) -> None:
    path = tmp_path / "f.md"
    data = os.urandom(size)
    path.write_bytes(data)
    assert read_bytes(path, size) == data
    if size:
        with pytest.raises(ImportFormatError):
            read_bytes(path, size - 1)


def test_a_pipe_is_read_to_its_end_and_refused_past_the_limit(tmp_path: Path) -> None:
    """A pipe says no size: it is read until it ends, or is one byte past the limit."""
    fifo = tmp_path / "pipe.md"
    os.mkfifo(fifo)

    def write(data: bytes) -> None:
        with open(fifo, "wb") as out:
            out.write(data)

    for data, limit, whole in ((b"x" * 10_000, 10_000, True), (b"y" * 10_001, 10_000, False)):
        writer = threading.Thread(target=write, args=(data,))
        writer.start()
        try:
            if whole:
                assert read_bytes(fifo, limit) == data
            else:
                with pytest.raises(ImportFormatError):
                    read_bytes(fifo, limit)
        finally:
            writer.join(timeout=10)


def test_files_in_folders_are_named_as_relative_paths(tmp_path: Path) -> None:
    root = tmp_path / "notes"
    for name in ("2024-01-01.md", "a/2024-01-02.md", "a/b c/2024-01-03.txt", "z/2024-01-04.md"):
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text("text", "utf-8")
    listed = markdown_import._text_files(root)
    assert [relative for _file, relative in listed] == [
        file.relative_to(root).as_posix() for file, _relative in listed
    ]
    assert [relative for _file, relative in listed] == [
        "2024-01-01.md",
        "a/2024-01-02.md",
        "a/b c/2024-01-03.txt",
        "z/2024-01-04.md",
    ]
    entries = list(markdown_import.markdown_entries(root))
    assert [entry.location.path for entry in entries] == [r for _f, r in listed]


@given(text=st.lists(st.sampled_from([*" \t\r\n\x0b\x0c\x1c\x85\u2028\u3000a", "é"])).map("".join))
def test_blank_is_what_strip_leaves_nothing_of(text: str) -> None:
    assert _blank(text) is (not text.strip())


_stem = st.lists(
    st.sampled_from(
        ["2024", "-", "_", ".", "05", "13", "01", "31", "2130", "25", "h", "T", " ", "a"]
    ),
    max_size=10,
).map("".join)


@given(stem=_stem)
def test_the_name_after_its_date_is_as_date_from_file_name_says(stem: str) -> None:
    """A file dated by its front matter keeps the rest of its name as before (the title,
    when the front matter gives none), its name's date not read in a zone."""
    assert name_after_date(stem) == date_from_file_name(stem, UTC)[1]
