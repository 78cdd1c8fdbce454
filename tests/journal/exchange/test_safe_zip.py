"""SafeZip reads a zip's table of contents (the central directory) only once it is bounded.

``zipfile`` reads the whole central directory into memory and builds an object per member
before anyone can count them, whatever the end record says: a small file can list a million
members. SafeZip reads the end record (and its zip64 form) first, refuses a count or a
directory size over the limits, and counts the records themselves without keeping them.
"""

from __future__ import annotations

import io
import struct
import zipfile
from pathlib import Path

import pytest

from carecompanion.journal.exchange import ImportFormatError, safe_zip
from carecompanion.journal.exchange.limits import MAX_ZIP_DIRECTORY_BYTES, MAX_ZIP_MEMBERS
from carecompanion.journal.exchange.safe_zip import SafeZip
from tests.fuzz.bounds import parse_bounds

_CENTRAL = struct.Struct("<4s4B4HL2L5H2L")
_END = struct.Struct("<4s4H2LH")
_END64 = struct.Struct("<4sQ2H2L4Q")
_LOCATOR64 = struct.Struct("<4sLQL")


def _record(name: bytes) -> bytes:
    """One central-directory record for an empty stored member (no local header needed)."""
    return (
        _CENTRAL.pack(b"PK\x01\x02", 20, 3, 20, 0, 0, 0, 0, 0, 0, 0, 0, len(name), 0, 0, 0, 0, 0, 0)
        + name
    )


def listing_zip(count: int, *, declared: int | None = None, zip64: int | None = None) -> bytes:
    """A zip of ``count`` empty members, its end record saying ``declared`` (default: count).

    With ``zip64`` the end record says 0xFFFF and a zip64 end record says ``zip64``.
    """
    directory = b"".join(_record(f"m{i}".encode()) for i in range(count))
    said = count if declared is None else declared
    tail = b""
    if zip64 is not None:
        end64 = _END64.pack(b"PK\x06\x06", 44, 45, 45, 0, 0, zip64, zip64, len(directory), 0)
        tail = end64 + _LOCATOR64.pack(b"PK\x06\x07", 0, len(directory), 1)
        said = 0xFFFF
    return directory + tail + _END.pack(b"PK\x05\x06", 0, 0, said, said, len(directory), 0, 0)


@pytest.fixture
def no_zipfile(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fails the test if SafeZip hands the archive to ``zipfile`` at all."""

    def refused(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("zipfile was asked to read the whole table of contents")

    monkeypatch.setattr(zipfile, "ZipFile", refused)


def test_an_honest_small_archive_still_opens() -> None:
    data = io.BytesIO()
    with zipfile.ZipFile(data, "w") as archive:
        archive.writestr("Journal.json", b'{"entries": []}')
    opened = SafeZip(io.BytesIO(data.getvalue()), "export.zip")
    assert list(opened.members) == ["Journal.json"]
    assert opened.read("Journal.json", 100) == b'{"entries": []}'
    opened.close()
    assert list(SafeZip(io.BytesIO(listing_zip(3)), "export.zip").members) == ["m0", "m1", "m2"]


def test_a_count_over_the_limit_is_refused_before_zipfile_reads_anything(
    no_zipfile: None,
) -> None:
    with pytest.raises(
        ImportFormatError, match=r"^export\.zip: the archive holds more than 50,000"
    ):
        SafeZip(io.BytesIO(listing_zip(1, declared=MAX_ZIP_MEMBERS + 1)), "export.zip")


def test_a_zip64_count_over_the_limit_is_refused_before_zipfile_reads_anything(
    no_zipfile: None,
) -> None:
    with pytest.raises(ImportFormatError, match="more than 50,000 files"):
        SafeZip(io.BytesIO(listing_zip(1, zip64=2**40)), "export.zip")


def test_an_end_record_that_understates_the_count_is_still_caught(
    monkeypatch: pytest.MonkeyPatch, no_zipfile: None
) -> None:
    """zipfile builds a member per record found, whatever the end record says."""
    monkeypatch.setattr(safe_zip, "MAX_ZIP_MEMBERS", 3)
    with pytest.raises(ImportFormatError, match="more than 3 files"):
        SafeZip(io.BytesIO(listing_zip(4, declared=1)), "export.zip")


def test_a_directory_over_its_size_limit_is_refused(
    monkeypatch: pytest.MonkeyPatch, no_zipfile: None
) -> None:
    monkeypatch.setattr(safe_zip, "MAX_ZIP_DIRECTORY_BYTES", 100)
    with pytest.raises(ImportFormatError, match="list of files is larger than 100 bytes"):
        SafeZip(io.BytesIO(listing_zip(4)), "export.zip")
    assert MAX_ZIP_DIRECTORY_BYTES >= MAX_ZIP_MEMBERS * 200


def test_a_directory_larger_than_the_file_is_not_a_zip(no_zipfile: None) -> None:
    data = bytearray(listing_zip(2))
    _END.pack_into(data, len(data) - _END.size, b"PK\x05\x06", 0, 0, 2, 2, 10**6, 0, 0)
    with pytest.raises(ImportFormatError, match="not a zip archive"):
        SafeZip(io.BytesIO(bytes(data)), "export.zip")


def test_a_flood_of_members_costs_no_memory_to_refuse(tmp_path: Path) -> None:
    """Before: 60,000 members became 60,000 ZipInfo objects (tens of MB) before the count."""
    path = tmp_path / "flood.zip"
    path.write_bytes(listing_zip(MAX_ZIP_MEMBERS + 10_000))
    with (
        pytest.raises(ImportFormatError, match="more than 50,000 files"),
        parse_bounds(megabytes=2),
    ):
        SafeZip(str(path), "flood.zip")
    understated = tmp_path / "understated.zip"
    understated.write_bytes(listing_zip(MAX_ZIP_MEMBERS + 10_000, declared=5))
    with (
        pytest.raises(ImportFormatError, match="more than 50,000 files"),
        parse_bounds(megabytes=2),
    ):
        SafeZip(str(understated), "understated.zip")


def test_a_missing_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(ImportFormatError, match=r"^gone\.zip: there is no such file"):
        SafeZip(str(tmp_path / "gone.zip"), "gone.zip")
