"""Fuzzing the journal importers (issue 16): jrnl, our JSON, Day One (JSON and zip), Markdown
files and folders, and their front matter.

Whatever a file holds, reading it ends in entries or in one ``ImportFormatError``: one line
that starts with the file's name, within a time and memory bound (``parse_bounds``), and an
import that fails leaves the vault's bytes as they were. Inputs are valid files mutated byte by
byte, and hostile structures built on purpose (long runs of one character, lone surrogates,
dates at the ends of the calendar, zips whose headers lie).

The reproducers under ``reproducers/journal`` are the inputs issue 16 found; each is imported
here within the bounds (``.gz`` ones are stored compressed: a run of 100,000 spaces is a few
hundred bytes) under a zone with daylight saving, and refused inputs are also tried through
the command line.

Counts (``fuzz_examples()`` is 2,000, or 100,000 with ``--fuzz-long``): all of it for the
mutated jrnl, JSON and Day One files and for single Markdown files; half for the structured
JSON documents (drawing nested hostile values costs more than parsing them); a quarter for
Markdown folders (each example writes a folder) and for zips; a fiftieth for the test that
imports into a real vault (each example it accepts is a database transaction).
"""

from __future__ import annotations

import base64
import bz2
import contextlib
import gzip
import hashlib
import io
import json
import lzma
import os
import struct
import tempfile
import time
import zipfile
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from carecompanion.__main__ import main
from carecompanion.clock import FixedClock
from carecompanion.journal.exchange import (
    ImportFormatError,
    ImportSource,
    commit_import,
    preview_import,
    read_import,
)
from carecompanion.journal.exchange.dayone_import import parse_dayone_json, parse_dayone_zip
from carecompanion.journal.exchange.errors import printable
from carecompanion.journal.exchange.jrnl_import import parse_jrnl
from carecompanion.journal.exchange.json_import import parse_json
from carecompanion.journal.exchange.markdown_import import parse_markdown_folder
from carecompanion.journal.exchange.parsed import ParsedEntry
from carecompanion.paths import AppPaths
from carecompanion.session import VaultSession
from tests.conftest import VaultFactory, fuzz_examples
from tests.fuzz.bounds import parse_bounds
from tests.helpers import hash_tree

REPRODUCERS = Path(__file__).parent / "reproducers" / "journal"
FIXTURES = Path(__file__).parents[1] / "fixtures"
#: An honest parse of a fuzz input (kilobytes) holds it a few times over; a runaway inflate or
#: copy goes far past this. The reproducers' largest honest input is 100 KB.
MEGABYTES = 32

KINDS = {
    "dayone": ImportSource.DAYONE,
    "jrnl": ImportSource.JRNL,
    "markdown": ImportSource.MARKDOWN,
    "ours": ImportSource.JSON,
}
RANGE = "is not between the years 1900 and 2999"
#: What each reproducer gives once fixed: "ok" (imported), or the line (None: no line) and a
#: fragment of the one-line refusal.
EXPECTED: dict[str, str | tuple[int | None, str]] = {
    # RecursionError in the zone lookup (1,032 lines of traceback).
    "dayone_timezone_a_slash_1000.json": (9, "is not a time zone name"),
    # 94 s in the heading pattern (Day One's first line).
    "dayone_first_line_heading_3000_spaces.json": "ok",
    # 17-24 s in the moment-link pattern.
    "dayone_text_60000_brackets.json.gz": "ok",
    # A 1.4 KB bzip2 member that says 1,000 bytes: 2.5 GB before the refusal.
    "dayone_bzip2_lying_size.zip": (None, "the file's size does not match the archive"),
    # A 530 KB deflate member that says 1,000 bytes: 1.09 GB before the refusal.
    "dayone_deflate_lying_size.zip.gz": (None, "the file's size does not match the archive"),
    # 67 s in the heading pattern; the heading is then too long to be a title.
    "markdown_heading_3000_spaces.md": (1, "the title is longer than 1000 characters"),
    # OSError: File name too long.
    "markdown_attachment_name_300.md": (6, "is not a file in the import folder"),
    # Over 120 s each: a quadratic scan of a flow list, and the name: value pattern.
    "markdown_tags_100000_quotes.md.gz": (1, "a tag is longer than 200 characters"),
    "markdown_author_100000_spaces.md.gz": "ok",
    # The ends of the calendar, read in the computer's zone (New York below).
    "jrnl_year_0001.json": (4, RANGE),
    "jrnl_year_9999.json": (4, RANGE),
    "ours_year_0001.json": (6, RANGE),
    "ours_year_9999.json": (6, RANGE),
    "dayone_year_0001.json": (8, RANGE),
    "dayone_year_9999.json": (8, RANGE),
    "markdown_year_0001.md": (2, RANGE),
    "markdown_year_9999.md": (2, RANGE),
}


def _check_refusal(exc: ImportFormatError, name: str) -> str:
    """Our own error: one short line that starts with the file's name."""
    text = str(exc)
    assert text.startswith(name), text
    assert len(text.splitlines()) == 1 and "\n" not in text and "\r" not in text, text
    assert len(text) <= len(name) + 400, text
    assert "Traceback" not in text
    return text


def _bounded(parse: Callable[[], list[ParsedEntry]], name: str) -> list[ParsedEntry] | None:
    """The entries, or None after one clean ImportFormatError; anything else fails the test."""
    with parse_bounds(megabytes=MEGABYTES):
        try:
            entries = parse()
        except ImportFormatError as exc:
            _check_refusal(exc, name)
            return None
    for entry in entries:
        assert entry.draft.entry_at.utcoffset() is not None
        entry.draft.title.encode("utf-8")  # never a lone surrogate
        entry.draft.body.encode("utf-8")
    return entries


@contextlib.contextmanager
def _zone(name: str) -> Iterator[None]:
    """The computer's own zone (TZ) for the block: naive dates are read in it."""
    before = os.environ.get("TZ")
    os.environ["TZ"] = name
    time.tzset()
    try:
        yield
    finally:
        if before is None:
            del os.environ["TZ"]
        else:
            os.environ["TZ"] = before
        time.tzset()


# -- the reproducers ---------------------------------------------------------------------------
def _materialise(name: str, folder: Path) -> Path:
    """The reproducer as the file a person would import (``.gz`` ones unpacked)."""
    data = (REPRODUCERS / name).read_bytes()
    if name.endswith(".gz"):
        data, name = gzip.decompress(data), name[: -len(".gz")]
    path = folder / name
    path.write_bytes(data)
    return path


def test_every_reproducer_has_an_expected_outcome() -> None:
    found = sorted(p.name for p in REPRODUCERS.iterdir() if p.name != "README.md")
    assert found == sorted(EXPECTED)


@pytest.mark.parametrize("zone", ["America/New_York", "Asia/Tokyo"])
@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_reproducers_import_within_bounds(name: str, zone: str, tmp_path: Path) -> None:
    path = _materialise(name, tmp_path)
    kind = KINDS[name.split("_", 1)[0]]
    outcome: str | tuple[int | None, str] = "ok"
    with _zone(zone), parse_bounds(megabytes=MEGABYTES):
        try:
            read_import(kind, path)
        except ImportFormatError as exc:
            outcome = (exc.line, _check_refusal(exc, path.name))
    expected = EXPECTED[name]
    if isinstance(expected, str):
        assert outcome == expected
    else:
        assert isinstance(outcome, tuple), f"{name} was imported"
        assert outcome[0] == expected[0] and expected[1] in outcome[1], outcome


@pytest.mark.parametrize("name", sorted(n for n, e in EXPECTED.items() if e != "ok"))
def test_refused_reproducers_are_one_line_on_the_command_line(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _materialise(name, tmp_path)
    source = KINDS[name.split("_", 1)[0]].value
    with _zone("America/New_York"):
        code = main(["journal", "import", "--from", source, str(path)])
    err = capsys.readouterr().err
    assert code == 1
    assert len(err.splitlines()) == 1 and err.startswith(f"carecompanion: {path.name}"), err


def _dayone_text(text: str) -> Callable[[Path], list[ParsedEntry]]:
    document = {"entries": [{"creationDate": "2024-01-01T10:00:00Z", "text": text}]}
    return lambda _folder: parse_dayone_json(json.dumps(document).encode(), "Journal.json")


def _markdown_file(text: str) -> Callable[[Path], list[ParsedEntry]]:
    def parse(folder: Path) -> list[ParsedEntry]:
        (folder / "2024-01-01.md").write_text(text, "utf-8")
        return parse_markdown_folder(folder / "2024-01-01.md")

    return parse


LONG = 300_000
#: Each of issue 16's patterns, at a hundred times the length that hung: a scan that is
#: linear reads them in milliseconds, any rescan from every position runs for minutes.
LONG_RUNS = {
    "Day One heading": _dayone_text("# a" + " " * LONG + "b\n\nbody"),
    "Day One brackets": _dayone_text("[" * LONG),
    "Day One moment links": _dayone_text("![](dayone-moment://" * (LONG // 20)),
    "Markdown heading": _markdown_file("# a" + " " * LONG + "b\n"),
    "Markdown link runs": _markdown_file(
        "x\n<!-- carecompanion:attachments -->\n- [a](" + "](" * (LONG // 2) + "\n"
    ),
    "Markdown angle links": _markdown_file(
        "x\n<!-- carecompanion:attachments -->\n- [a](<" + "](<x" * (LONG // 4) + "\n"
    ),
    "front matter value": _markdown_file("---\nauthor: a" + " " * LONG + "b\n---\nx"),
    "front matter key": _markdown_file("---\na" + " " * LONG + "b\n---\nx"),
    "front matter list": _markdown_file("---\ntags: [a" + "'" * LONG + "]\n---\nx"),
    "front matter quotes": _markdown_file("---\ntags: [" + "'a'," * (LONG // 40) + "]\n---\nx"),
    "front matter block": _markdown_file("---\ntags:\n  - a" + " " * LONG + "b\n---\nx"),
}


@pytest.mark.parametrize("name", sorted(LONG_RUNS))
def test_long_runs_are_read_in_linear_time(name: str, tmp_path: Path) -> None:
    with parse_bounds(megabytes=MEGABYTES, seconds=5), contextlib.suppress(ImportFormatError):
        LONG_RUNS[name](tmp_path)


# -- mutating valid files ----------------------------------------------------------------------
TOKENS = [
    b"[",
    b"]",
    b"{",
    b"}",
    b'"',
    b"'",
    b"\\",
    b" ",
    b"\t",
    b"\n",
    b"\r",
    b"#",
    b"# ",
    b"-",
    b":",
    b",",
    b"0",
    b"9",
    b"\x00",
    b"\xff",
    b"\xed\xa0\x80",  # a surrogate, UTF-8 encoded (not valid UTF-8)
    b"\\ud800",
    b"\xe2\x80\xa8",  # LINE SEPARATOR
    b"](",
    b"![](dayone-moment://",
    b"](dayone-moment:/audio/",
    b"---\n",
    b"<!-- carecompanion:attachments -->\n",
    b"- [x](",
    b"0001-01-01",
    b"9999-12-31T23:59:59-12:00",
    b"1e99999",
    b"99999999999999999999999",
    b"a/",
    b"null",
    b"true",
    b"\xc3\xa9",
    b"\xf0\x9f\x99\x82",
]


@st.composite
def mutated(draw: st.DrawFn, base: bytes, max_ops: int = 6) -> bytes:
    """``base`` with a few flips, deletions, repeats and hostile runs spliced in."""
    data = bytearray(base)
    for _ in range(draw(st.integers(1, max_ops))):
        op = draw(st.sampled_from(["flip", "insert", "run", "delete", "repeat", "cut"]))
        position = draw(st.integers(0, len(data)))
        if op == "flip" and data:
            data[min(position, len(data) - 1)] = draw(st.integers(0, 255))
        elif op == "insert":
            data[position:position] = draw(st.sampled_from(TOKENS))
        elif op == "run":
            count = draw(st.integers(2, 20) | st.integers(20, 4000))
            data[position:position] = draw(st.sampled_from(TOKENS)) * count
        elif op == "delete":
            del data[position : position + draw(st.integers(1, 64))]
        elif op == "repeat":
            piece = data[position : position + draw(st.integers(1, 200))]
            data[position:position] = piece * draw(st.integers(1, 8))
        elif op == "cut":
            del data[position:]
    return bytes(data)


JRNL = (FIXTURES / "jrnl" / "journal.json").read_bytes()
DAYONE = (FIXTURES / "dayone" / "Journal.json").read_bytes()
OURS = json.dumps(
    {
        "format": "carecompanion-journal",
        "version": 1,
        "exported_at": "2026-01-01T00:00:00Z",
        "entries": [
            {
                "uid": "f" * 32,
                "title": "First night home",
                "body": "Mum slept **ten** hours.\n\n- Tablets at 22:00",
                "entry_at": "2026-01-05T21:30:00+05:30",
                "created_at": "2026-01-05T16:00:00+00:00",
                "updated_at": "2026-01-06T10:00:00-09:30",
                "tags": ["night", "Discharge"],
                "favourite": True,
                "attachments": [
                    {
                        "filename": "a.png",
                        "mime_type": "image/png",
                        "size": 3,
                        "created_at": "2026-01-05T16:00:00Z",
                        "data": "AAEC",
                    }
                ],
            },
            {"title": "", "body": "Too tired.", "entry_at": "2026-02-20T23:55:00Z"},
        ],
    },
    indent=2,
).encode()


@settings(max_examples=fuzz_examples())
@given(mutated(JRNL))
def test_mutated_jrnl_exports(data: bytes) -> None:
    _bounded(lambda: parse_jrnl(data, "journal.json"), "journal.json")


@settings(max_examples=fuzz_examples())
@given(mutated(OURS))
def test_mutated_carecompanion_exports(data: bytes) -> None:
    _bounded(lambda: parse_json(data, "journal.json"), "journal.json")


@settings(max_examples=fuzz_examples())
@given(mutated(DAYONE))
def test_mutated_dayone_journals(data: bytes) -> None:
    _bounded(lambda: parse_dayone_json(data, "Journal.json"), "Journal.json")


# -- hostile structures ------------------------------------------------------------------------
RUN_OF = st.builds(
    lambda piece, count: piece * count,
    st.sampled_from(
        ["[", "]", " ", "'", '"', "#", "# ", "a/", "](", "![](", "\\", "\\-", "-", "*", "\n", "\t"]
    ),
    st.integers(0, 20) | st.integers(20, 5000),
)
TEXT = st.one_of(
    st.text(max_size=40),
    RUN_OF,
    st.builds("".join, st.lists(st.text(max_size=5) | RUN_OF, max_size=4)),
    st.sampled_from(["\ud800", "a\udfffb", "\x00", "\u2028", "🙂", "Weiß"]),
)
MOMENT = st.one_of(
    st.datetimes().map(lambda d: d.isoformat()),
    st.datetimes(timezones=st.timezones()).map(lambda d: d.isoformat()),
    st.sampled_from(
        [
            "0001-01-01T00:00:00Z",
            "0001-01-01T00:00:00+14:00",
            "9999-12-31T23:59:59Z",
            "9999-12-31T23:59:59-12:00",
            "1899-12-31T23:59:59Z",
            "3000-01-01T00:00:00+14:00",
            "2024-02-30T10:00:00Z",
            "2024-01-01T24:00:00Z",
            "2024-01-01",
            "2024-01-01T10:00:00+25:00",
            "",
        ]
    ),
    TEXT,
)
SCALAR: st.SearchStrategy[Any] = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=False),
    TEXT,
)
VALUE: st.SearchStrategy[Any] = st.recursive(
    SCALAR,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(TEXT, inner, max_size=4),
    max_leaves=12,
)


#: A wrong type for a field: cheap to draw (the recursive VALUE is kept for whole entries).
WRONG = st.one_of(
    SCALAR,
    st.lists(SCALAR, max_size=3),
    st.dictionaries(st.text(max_size=5), SCALAR, max_size=3),
)


def _maybe(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return strategy | WRONG


def _document(value: Any, indent: int | None) -> bytes:
    # ensure_ascii writes lone surrogates as \ud800 escapes, as a hostile file may
    return json.dumps(value, indent=indent).encode()


JRNL_ENTRY = st.fixed_dictionaries(
    {},
    optional={
        "title": _maybe(TEXT),
        "body": _maybe(TEXT),
        "date": _maybe(MOMENT.map(lambda m: m[:10]) | MOMENT),
        "time": _maybe(st.sampled_from(["00:00", "23:59", "24:00", "9:5", "12:30:61"]) | TEXT),
        "tags": _maybe(st.lists(TEXT.map(lambda t: "@" + t), max_size=5)),
        "starred": WRONG,
    },
)


@settings(max_examples=fuzz_examples() // 2)
@given(st.lists(JRNL_ENTRY | VALUE, max_size=4), st.sampled_from([None, 2]))
def test_hostile_jrnl_entries(entries: list[Any], indent: int | None) -> None:
    data = _document({"tags": {}, "entries": entries}, indent)
    _bounded(lambda: parse_jrnl(data, "journal.json"), "journal.json")


OUR_ENTRY = st.fixed_dictionaries(
    {},
    optional={
        "title": _maybe(TEXT),
        "body": _maybe(TEXT),
        "entry_at": _maybe(MOMENT),
        "created_at": _maybe(MOMENT),
        "updated_at": _maybe(MOMENT),
        "tags": _maybe(st.lists(TEXT, max_size=5)),
        "favourite": WRONG,
        "attachments": _maybe(
            st.lists(
                st.fixed_dictionaries(
                    {},
                    optional={
                        "filename": _maybe(TEXT),
                        "mime_type": _maybe(TEXT),
                        "size": WRONG,
                        "created_at": _maybe(MOMENT),
                        "data": _maybe(
                            st.binary(max_size=40).map(lambda b: base64.b64encode(b).decode())
                            | TEXT
                        ),
                    },
                ),
                max_size=3,
            )
        ),
    },
)


@settings(max_examples=fuzz_examples() // 2)
@given(
    st.lists(OUR_ENTRY | VALUE, max_size=4),
    st.sampled_from([1, 1, 2, 0, "1", None]),
    st.sampled_from([None, 2]),
)
def test_hostile_carecompanion_entries(
    entries: list[Any], version: Any, indent: int | None
) -> None:
    data = _document(
        {"format": "carecompanion-journal", "version": version, "entries": entries}, indent
    )
    _bounded(lambda: parse_json(data, "journal.json"), "journal.json")


MEDIA_ID = st.sampled_from(["D3456FD591A34C098719F1A0E6C46829", "A", ""]) | TEXT
DAYONE_TEXT = st.builds(
    "".join,
    st.lists(
        TEXT
        | st.builds(
            lambda kind, ident: f"![]({kind}{ident})",
            st.sampled_from(
                [
                    "dayone-moment://",
                    "dayone-moment:/audio/",
                    "dayone-moment:/video/",
                    "dayone-moment:/pdfAttachment/",
                    "dayone-moment:/photo/",
                ]
            ),
            MEDIA_ID,
        ),
        max_size=5,
    ),
)
ZONE = st.sampled_from(
    ["Europe/Berlin", "America/New_York", "Asia/Kolkata", "UTC", "Not/AZone", "../etc/passwd", ""]
) | st.builds(
    lambda piece, count: piece * count + "b",
    st.sampled_from(["a/", "/", "."]),
    st.integers(0, 2000),
)
MEDIUM = st.fixed_dictionaries(
    {},
    optional={
        "identifier": _maybe(MEDIA_ID),
        "md5": _maybe(st.sampled_from(["cf80411fda6ba991b6110b2365fb8286", "00", ""]) | TEXT),
        "type": _maybe(st.sampled_from(["jpeg", "png", "pdf", ""]) | TEXT),
    },
)
DAYONE_ENTRY = st.fixed_dictionaries(
    {},
    optional={
        "creationDate": _maybe(MOMENT),
        "modifiedDate": _maybe(MOMENT),
        "timeZone": _maybe(ZONE | TEXT),
        "text": _maybe(DAYONE_TEXT),
        "tags": _maybe(st.lists(TEXT, max_size=5)),
        "starred": WRONG,
        "isAllDay": WRONG,
        "photos": _maybe(st.lists(MEDIUM, max_size=3)),
        "pdfAttachments": _maybe(st.lists(MEDIUM, max_size=2)),
    },
)


@settings(max_examples=fuzz_examples() // 2)
@given(st.lists(DAYONE_ENTRY | VALUE, max_size=4), st.sampled_from([None, 2]))
def test_hostile_dayone_entries(entries: list[Any], indent: int | None) -> None:
    data = _document({"metadata": {"version": "1.0"}, "entries": entries}, indent)
    _bounded(lambda: parse_dayone_json(data, "Journal.json"), "Journal.json")


# -- zips --------------------------------------------------------------------------------------
def _lzma_member(data: bytes) -> bytes:
    """LZMA as zip stores it: a 4-byte version and size, the filter properties, raw LZMA."""
    squeeze = lzma.LZMACompressor(lzma.FORMAT_RAW, filters=[{"id": lzma.FILTER_LZMA1}])
    body = squeeze.compress(data) + squeeze.flush()
    # FORMAT_RAW drops the properties; they are those of the default preset: lc=3 lp=0 pb=2.
    properties = bytes([(2 * 5 + 0) * 9 + 3]) + struct.pack("<I", 1 << 23)
    return struct.pack("<BBH", 9, 4, len(properties)) + properties + body


METHODS: dict[int, Callable[[bytes], bytes]] = {
    zipfile.ZIP_STORED: lambda data: data,
    zipfile.ZIP_DEFLATED: lambda data: zlib.compress(data, 9)[2:-4],
    zipfile.ZIP_BZIP2: lambda data: bz2.compress(data, 9),
    zipfile.ZIP_LZMA: _lzma_member,
}


def raw_zip(members: list[tuple[str, int, bytes, int | None]]) -> bytes:
    """A zip written by hand, so its headers may lie: (name, method, data, declared size)."""
    body = bytearray()
    central = bytearray()
    for name, method, data, declared in members:
        packed = METHODS[method](data)
        size = len(data) if declared is None else declared
        encoded = name.encode("utf-8", "surrogatepass")
        fields = (method, 0, 0x21, zlib.crc32(data), len(packed), size, len(encoded))
        offset = len(body)
        body += struct.pack("<4s5H3I2H", b"PK\x03\x04", 63, 0x800, *fields, 0) + encoded + packed
        central += struct.pack(
            "<4s6H3I5H2I", b"PK\x01\x02", 63, 63, 0x800, *fields, 0, 0, 0, 0, 0, offset
        )
        central += encoded
    end = struct.pack(
        "<4s4H2IH", b"PK\x05\x06", 0, 0, len(members), len(members), len(central), len(body), 0
    )
    return bytes(body + central + end)


def test_honest_zips_of_every_method_are_read() -> None:
    journal = b'{"entries": [{"creationDate": "2024-01-01T10:00:00Z", "text": "Hello"}]}'
    # Over one 64 KiB step, in and out, and not so repetitive that it looks like a zip bomb.
    photo = b"".join(hashlib.sha256(bytes([i % 256, i // 256])).digest() for i in range(3000))
    for method in METHODS:
        ours = raw_zip(
            [
                ("Journal.json", method, journal, None),
                ("photos/00.png", method, photo, None),
            ]
        )
        # The hand-written zip is a real one: the standard library reads it back.
        assert zipfile.ZipFile(io.BytesIO(ours)).read("photos/00.png") == photo
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", method) as theirs:
            theirs.writestr("Journal.json", journal)
            theirs.writestr("photos/00.png", photo)
        for data in (ours, buffer.getvalue()):
            (entry,) = parse_dayone_zip(data, "export.zip")
            assert entry.draft.title == "Hello"


def test_a_damaged_member_is_refused() -> None:
    honest = zipfile.ZipFile(io.BytesIO(ZIP))
    info = honest.getinfo("Journal.json")
    data = bytearray(ZIP)
    data[info.header_offset + 30 + len("Journal.json") + 50] ^= 0xFF  # inside the deflate data
    with pytest.raises(ImportFormatError, match=r"could not be unpacked|size does not match"):
        parse_dayone_zip(bytes(data), "export.zip")


def test_a_member_that_inflates_past_its_header_is_refused_within_bounds() -> None:
    for method in (zipfile.ZIP_DEFLATED, zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA):
        data = raw_zip([("Journal.json", method, bytes(64 * 1024 * 1024), 1000)])
        with parse_bounds(megabytes=MEGABYTES), pytest.raises(ImportFormatError) as caught:
            parse_dayone_zip(data, "export.zip")
        assert str(caught.value) == (
            "export.zip/Journal.json: the file's size does not match the archive"
        )


def test_a_member_shorter_than_its_header_is_refused() -> None:
    for method in METHODS:
        data = raw_zip([("Journal.json", method, b'{"entries": []}', 16)])
        with pytest.raises(ImportFormatError, match="size does not match"):
            parse_dayone_zip(data, "export.zip")


MEMBER_NAME = st.sampled_from(
    [
        "Journal.json",
        "Family.json",
        "export/Journal.json",
        "photos/cf80411fda6ba991b6110b2365fb8286.jpeg",
        "photos/3800439b6474adf8c32077df25829f78.png",
        "pdfs/00.pdf",
        "photos/",
        "../evil.json",
        "/abs.json",
        "C:/x.json",
        "a\\b.json",
        ".hidden.json",
        "photos/.json",
        "\udcff.json",
    ]
) | st.text(max_size=20)
MEMBER_DATA = st.one_of(
    st.just(DAYONE),
    mutated(DAYONE, max_ops=3),
    st.binary(max_size=200),
    st.integers(0, 1 << 20).map(bytes),
)
MEMBER = st.tuples(
    MEMBER_NAME,
    st.sampled_from(list(METHODS)),
    MEMBER_DATA,
    st.none() | st.sampled_from([0, 1, 1000, 1 << 31]),
)


@settings(max_examples=max(fuzz_examples() // 4, 50))
@given(st.lists(MEMBER, min_size=1, max_size=4))
def test_hostile_zips(members: list[tuple[str, int, bytes, int | None]]) -> None:
    data = raw_zip(members)
    _bounded(lambda: parse_dayone_zip(data, "export.zip"), "export.zip")


ZIP = raw_zip(
    [
        ("Journal.json", zipfile.ZIP_DEFLATED, DAYONE, None),
        ("photos/cf80411fda6ba991b6110b2365fb8286.jpeg", zipfile.ZIP_STORED, b"\xff\xd8jpeg", None),
        ("photos/3800439b6474adf8c32077df25829f78.png", zipfile.ZIP_BZIP2, b"\x89PNG" * 50, None),
    ]
)


@settings(max_examples=max(fuzz_examples() // 4, 50))
@given(mutated(ZIP))
def test_mutated_zips(data: bytes) -> None:
    _bounded(lambda: parse_dayone_zip(data, "export.zip"), "export.zip")


# -- Markdown files, folders and front matter -----------------------------------------------------
MD_FIXTURES = sorted(
    (p.relative_to(FIXTURES / "markdown" / "notes").as_posix(), p.read_bytes())
    for p in (FIXTURES / "markdown" / "notes").rglob("*")
    if p.is_file() and p.suffix != ".png"
)
KEYS = st.sampled_from(
    ["title", "date", "created", "tags", "tag", "keywords", "favourite", "starred", "author", "x"]
) | st.text(max_size=8)
FM_VALUE = st.one_of(
    TEXT,
    MOMENT,
    st.sampled_from(["yes", "no", "2", "|", ">-", "", "[a, b]", "[a, 'b", '"x', "#a #b"]),
    st.builds(lambda t: f"[{t}]", TEXT),
    st.builds(lambda t: f"'{t}'", TEXT),
    st.builds(lambda t: f'"{t}"', TEXT),
)
FM_LINE = st.one_of(
    st.builds(
        lambda k, sep, v: f"{k}{sep}{v}", KEYS, st.sampled_from([": ", ":", " : ", ":\t"]), FM_VALUE
    ),
    st.builds(lambda v: f"  - {v}", FM_VALUE),
    st.builds(lambda v: f"- {v}", FM_VALUE),
    TEXT,
    st.sampled_from(["---", "...", "# comment", ""]),
)
LINK = st.one_of(
    st.sampled_from(
        [
            "photo.png",
            "sub/photo.png",
            "../outside.png",
            "/etc/passwd",
            "missing.png",
            "photo%2Epng",
            "%00.png",
            "http://example.org/x.png",
            "<photo.png>",
            "sub",
        ]
    ),
    st.builds(lambda n: "x" * n + ".png", st.integers(200, 5000)),
    TEXT,
)
MD_BODY = st.builds(
    "".join,
    st.lists(
        TEXT
        | st.builds(lambda t: f"# {t}\n", TEXT)
        | st.builds(lambda t: f"\n<!-- carecompanion:attachments -->\n- [{t}](", TEXT)
        | st.builds(lambda link: f"- ![x]({link})\n", LINK),
        max_size=5,
    ),
)
MD_TEXT = st.one_of(
    st.builds(
        lambda lines, close, body: (
            "---\n" + "\n".join(lines) + ("\n---\n" if close else "\n") + body
        ),
        st.lists(FM_LINE, max_size=8),
        st.booleans(),
        MD_BODY,
    ),
    MD_BODY,
)
MD_NAME = st.sampled_from(
    [
        "2024-05-01.md",
        "20240501-0930.txt",
        "note.md",
        "2024/05/01.txt",
        "a b.markdown",
        ".hidden.md",
        "2024-05-01 line\nbreak.md",  # a file name may hold anything but "/" and NUL
        "2024-05-01\x1e\u2028.md",
    ]
) | st.builds(lambda n: "2024-05-01-" + "x" * n + ".md", st.integers(0, 300))


def _write_folder(root: Path, files: list[tuple[str, bytes]]) -> None:
    (root / "sub").mkdir()
    (root / "photo.png").write_bytes(b"\x89PNG\r\n")
    (root / "sub" / "photo.png").write_bytes(b"\x89PNG\r\n")
    for name, data in files:
        path = root / name
        with contextlib.suppress(OSError):  # a name this file system cannot hold
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)


def _import_folder(files: list[tuple[str, bytes]]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "notes"
        root.mkdir()
        _write_folder(root, files)
        with parse_bounds(megabytes=MEGABYTES):
            try:
                parse_markdown_folder(root)
            except ImportFormatError as exc:
                text = str(exc)
                assert len(text.splitlines()) == 1 and len(text) < 900, text
                named = text.split(": ", 1)[0].split(", line ")[0]
                found = {printable(p.relative_to(root).as_posix()) for p in root.rglob("*")}
                assert named in found | {"notes"}, text


@settings(max_examples=fuzz_examples())
@given(MD_TEXT, MD_NAME)
def test_hostile_markdown_files(text: str, name: str) -> None:
    data = text.encode("utf-8", "surrogatepass")
    # One file, read from a folder holding it and two attachments.
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        _write_folder(root, [])
        path = root / name.replace("/", "-")
        try:
            path.write_bytes(data)
        except OSError:
            return  # a name too long for this file system
        _bounded(lambda: parse_markdown_folder(path), printable(path.name))


@settings(max_examples=max(fuzz_examples() // 4, 50))
@given(
    st.lists(
        st.tuples(MD_NAME, MD_TEXT.map(lambda t: t.encode("utf-8", "surrogatepass")))
        | st.sampled_from(MD_FIXTURES).flatmap(
            lambda pair: st.tuples(st.just(pair[0]), mutated(pair[1], max_ops=3))
        ),
        min_size=1,
        max_size=4,
    )
)
def test_hostile_markdown_folders(files: list[tuple[str, bytes]]) -> None:
    _import_folder(files)


# -- through the service: a refused import leaves the vault as it was ----------------------------
INPUTS = st.one_of(
    st.tuples(st.just(ImportSource.JRNL), st.just("journal.json"), mutated(JRNL)),
    st.tuples(st.just(ImportSource.JSON), st.just("journal.json"), mutated(OURS)),
    st.tuples(st.just(ImportSource.DAYONE), st.just("Journal.json"), mutated(DAYONE)),
    st.tuples(st.just(ImportSource.DAYONE), st.just("export.zip"), mutated(ZIP)),
    st.tuples(
        st.just(ImportSource.MARKDOWN),
        st.just("2024-05-01.md"),
        MD_TEXT.map(lambda t: t.encode("utf-8", "surrogatepass")),
    ),
)


@pytest.fixture
def session(vault_factory: VaultFactory, clock: FixedClock) -> VaultSession:
    """One vault for all of a test's examples (hypothesis runs them inside one test call)."""
    unlocked, _recovery_key = vault_factory()
    return VaultSession(unlocked, clock)


@settings(
    max_examples=max(fuzz_examples() // 50, 20),
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(case=INPUTS)
def test_a_refused_import_leaves_the_vault_unchanged(
    session: VaultSession, paths: AppPaths, case: tuple[ImportSource, str, bytes]
) -> None:
    kind, name, data = case
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / name
        path.write_bytes(data)
        before = hash_tree(paths.data_dir)
        try:
            with parse_bounds(megabytes=MEGABYTES * 2):
                preview = preview_import(session.journal, kind, path)
        except ImportFormatError as exc:
            _check_refusal(exc, name)
            assert hash_tree(paths.data_dir) == before
            return
        count = session.journal.count()
        result = commit_import(session.journal, preview)
        assert session.journal.count() == count + len(result.entry_ids)
