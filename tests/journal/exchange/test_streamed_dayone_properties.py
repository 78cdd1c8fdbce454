"""The Day One fast reader (stream_dayone_file, for large exports: issue 17) never accepts what
the usual parser refuses, and what it accepts is read exactly as the usual parser reads it.
Anything it refuses goes to the usual parser, which says what is wrong (large_import.py)."""

from __future__ import annotations

import io
import tempfile
import zipfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from carecompanion.journal.exchange import ImportFormatError
from carecompanion.journal.exchange.dayone_import import parse_dayone_zip, stream_dayone_file
from carecompanion.journal.exchange.json_stream import NotStreamable
from carecompanion.journal.exchange.parsed import ParsedEntry
from carecompanion.journal.exchange.safe_zip import SafeZip
from tests.journal.exchange.conftest import FIXTURES, dayone_fixture_zip, dayone_zip

_JOURNAL = (FIXTURES / "dayone" / "Journal.json").read_text()
_PHOTO = "photos/cf80411fda6ba991b6110b2365fb8286.jpeg"


def _read(entry: ParsedEntry) -> tuple[object, ...]:
    return (entry.draft, entry.created_at, entry.updated_at, entry.attachment_times)


def _same_or_refused(zipped: bytes) -> None:
    """The fast reader reads what the usual one reads, or refuses what it was not made for."""
    try:
        usual: list[ParsedEntry] | None = parse_dayone_zip(zipped, "fuzz.zip")
    except ImportFormatError:
        usual = None
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "fuzz.zip"
        path.write_bytes(zipped)
        try:
            streamed: list[ParsedEntry] | None = list(stream_dayone_file(path))
        except (ImportFormatError, NotStreamable):
            streamed = None
    if streamed is not None:
        assert usual is not None, "the fast reader took an export the usual parser refuses"
        assert [_read(e) for e in streamed] == [_read(e) for e in usual]


def test_the_fixture_is_read_as_the_usual_parser_reads_it() -> None:
    zipped = dayone_fixture_zip()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "export.zip"
        path.write_bytes(zipped)
        streamed = list(stream_dayone_file(path))
    assert [_read(e) for e in streamed] == [_read(e) for e in parse_dayone_zip(zipped, "x")]
    assert len(streamed) == 4 and streamed[0].draft.attachments


@settings(max_examples=200, deadline=None)
@given(st.data())
def test_a_mutated_journal_is_read_as_the_usual_parser_reads_it_or_refused(
    data: st.DataObject,
) -> None:
    text = list(_JOURNAL)
    for _ in range(data.draw(st.integers(1, 6))):
        position = data.draw(st.integers(0, len(text) - 1))
        text[position] = data.draw(st.sampled_from(list('{}[]",:0123456789 \\Zz-T/ae')))
    _same_or_refused(dayone_zip("".join(text).encode(), {_PHOTO: b"x"}))


@settings(max_examples=100, deadline=None)
@given(st.data())
def test_a_mutated_archive_is_read_as_the_usual_parser_reads_it_or_refused(
    data: st.DataObject,
) -> None:
    original = bytearray(dayone_fixture_zip())
    for _ in range(data.draw(st.integers(1, 8))):
        position = data.draw(st.integers(0, len(original) - 1))
        original[position] = data.draw(st.integers(0, 255))
    _same_or_refused(bytes(original))


# -- a zip member read a little at a time -----------------------------------------------------
def _stored(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
        for name, value in members.items():
            archive.writestr(name, value)
    return buffer.getvalue()


def test_a_member_read_in_pieces_is_the_member() -> None:
    body = bytes(range(256)) * 1000
    archive = SafeZip(io.BytesIO(dayone_zip(body, {})), "a.zip")
    reader = archive.open_member("Journal.json", len(body))
    pieces = []
    while piece := reader.read(7_777):
        pieces.append(piece)
    assert b"".join(pieces) == body == archive.read("Journal.json", len(body))
    assert max(len(p) for p in pieces) == 7_777
    reader.close()
    assert archive.open_member("Journal.json", len(body)).read() == body


def test_a_damaged_member_is_refused_by_the_time_it_is_read_to_the_end() -> None:
    body = b"hello, world " * 10_000
    zipped = _stored({"Journal.json": body}).replace(b"hello, world hello", b"hellO, world hello")
    archive = SafeZip(io.BytesIO(zipped), "a.zip")
    reader = archive.open_member("Journal.json", len(body))
    with pytest.raises(ImportFormatError, match=r"^a\.zip/Journal\.json: .*could not be unpacked"):
        while reader.read(4096):
            pass


def test_a_member_over_the_limit_is_refused_before_a_byte_is_read() -> None:
    archive = SafeZip(io.BytesIO(_stored({"Journal.json": b"x" * 5000})), "a.zip")
    with pytest.raises(ImportFormatError, match="larger than 4000 bytes"):
        archive.open_member("Journal.json", 4000).read(1)
    archive.close()
