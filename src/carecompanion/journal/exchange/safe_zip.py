"""Reading a zip archive in memory, refusing archives that could hurt.

Nothing is ever extracted to disk. Before any member is read the archive is checked: the
number of members, their total declared size, each member's compression ratio, and names
that would escape the archive (absolute paths, ``..``, drive letters) are all refused.

A member is then inflated here, a step at a time, never trusting its header: each step turns
at most 64 KiB of compressed bytes into at most 64 KiB, and the count of bytes out is checked
against the size the header declared after every step. (``zipfile``'s own reader hands a
bzip2 or LZMA member's compressed bytes to the decompressor with no output limit, so a
1.4 KB member could become 2.5 GB in one call before any check; a deflate member asked for
all at once inflated to 1 GB.) ``zipfile`` still finds the member and reads its compressed
bytes; the CRC is checked here, on what was inflated.

The list of members (the central directory) is bounded before ``zipfile`` sees it: ``zipfile``
reads all of it into memory and builds an object per member before anyone can count them,
and it builds one per record it finds, whatever the end record says, so a small file could
list millions. Here the end record (or its zip64 form) is read first, an over-large count or
directory is refused, and the records are then counted one by one without being kept.
"""

from __future__ import annotations

import bz2
import copy
import io
import itertools
import lzma
import struct
import zipfile
import zlib
from collections.abc import Iterable, Iterator
from pathlib import PurePosixPath
from typing import Any, BinaryIO

from carecompanion.journal.exchange import errors as said
from carecompanion.journal.exchange.limits import (
    MAX_ZIP_DIRECTORY_BYTES,
    MAX_ZIP_MEMBERS,
    MAX_ZIP_RATIO,
    MAX_ZIP_UNCOMPRESSED_BYTES,
)
from carecompanion.journal.exchange.reading import describe_limit

#: Compressed bytes read at a time, and the most one inflating step may produce.
_STEP = 64 * 1024
#: The largest LZMA dictionary a member may ask for (xz's strongest preset uses 64 MiB);
#: the decoder allocates it before reading a byte.
_MAX_LZMA_DICTIONARY = 64 * 1024 * 1024


class _Oversized(Exception):
    """A member inflated past the size its header declared."""


class _NotAZip(Exception):
    """The end record or the directory is not where or what a zip's would be."""


# The zip format's records, as the specification (APPNOTE 4.3) lays them out.
_END = struct.Struct("<4s4H2LH")  # end of central directory
_END64_LOCATOR = struct.Struct("<4sLQL")
_END64 = struct.Struct("<4sQ2H2L4Q")
_CENTRAL = struct.Struct("<4s4B4HL2L5H2L")  # one member's record in the directory
_MAX_COMMENT = 0xFFFF


def _directory(archive: BinaryIO) -> tuple[int, int, int]:
    """Where the central directory starts, its size, and the member count the end says.

    Found as ``zipfile`` finds it (the last end record in the file's last 64 KiB, the zip64
    records right before it), so the directory measured here is the one ``zipfile`` reads.
    """
    archive.seek(0, 2)
    file_size = archive.tell()
    # zipfile first takes the last 22 bytes when they are an end record with no comment, and
    # only then searches back for the last signature (which may then sit inside a comment).
    tail_start = max(file_size - _END.size, 0)
    archive.seek(tail_start)
    tail = archive.read()
    found = 0
    if not (len(tail) == _END.size and tail[:4] == b"PK\x05\x06" and tail[-2:] == b"\0\0"):
        tail_start = max(file_size - _END.size - _MAX_COMMENT, 0)
        archive.seek(tail_start)
        tail = archive.read()
        found = tail.rfind(b"PK\x05\x06")
        if found < 0 or len(tail) - found < _END.size:
            raise _NotAZip
    end = tail_start + found
    _, _, _, _, count, size, _, _ = _END.unpack_from(tail, found)
    directory_end = end
    if end >= _END64_LOCATOR.size + _END64.size:
        archive.seek(end - _END64_LOCATOR.size)
        locator = archive.read(_END64_LOCATOR.size)
        if locator[:4] == b"PK\x06\x07":
            archive.seek(end - _END64_LOCATOR.size - _END64.size)
            record = _END64.unpack(archive.read(_END64.size))
            if record[0] == b"PK\x06\x06":
                count, size = record[7], record[8]
                directory_end = end - _END64_LOCATOR.size - _END64.size
    return directory_end - size, size, count


def _count_members(archive: BinaryIO, start: int, size: int, limit: int) -> int | None:
    """The records in the directory, counted as ``zipfile`` would read them, stopping early.

    ``None`` once there are more than ``limit``; only one record's header is held at a time.
    """
    count = offset = 0
    while offset < size:
        archive.seek(start + offset)
        header = archive.read(_CENTRAL.size)
        if len(header) != _CENTRAL.size or header[:4] != b"PK\x01\x02":
            raise _NotAZip
        fields = _CENTRAL.unpack(header)
        offset += _CENTRAL.size + fields[12] + fields[13] + fields[14]
        count += 1
        if count > limit:
            return None
    return count


def _check_directory(archive: BinaryIO, name: str) -> None:
    """Refuses an archive whose member list is too long or too large, before it is read."""
    too_many = said.refused(name, None, said.ZIP_TOO_MANY(count=f"{MAX_ZIP_MEMBERS:,}"))
    try:
        start, size, count = _directory(archive)
        if count > MAX_ZIP_MEMBERS:
            raise too_many
        if size > MAX_ZIP_DIRECTORY_BYTES:
            limit = describe_limit(MAX_ZIP_DIRECTORY_BYTES)
            raise said.refused(name, None, said.ZIP_DIRECTORY_TOO_BIG(limit=limit))
        if start < 0:
            raise _NotAZip
        if _count_members(archive, start, size, MAX_ZIP_MEMBERS) is None:
            raise too_many
    except (_NotAZip, OSError, struct.error):
        raise said.refused(name, None, said.NOT_A_ZIP()) from None
    finally:
        archive.seek(0)


def _inflate_deflate(packed: Iterable[bytes]) -> Iterator[bytes]:
    inflater = zlib.decompressobj(-zlib.MAX_WBITS)  # raw deflate, as zip stores it
    for chunk in packed:
        pending = chunk
        while pending and not inflater.eof:
            yield inflater.decompress(pending, _STEP)
            pending = inflater.unconsumed_tail
    yield inflater.flush()  # at most one back-reference (258 bytes) can still be held


def _inflate_stepwise(
    inflater: bz2.BZ2Decompressor | lzma.LZMADecompressor, packed: Iterable[bytes]
) -> Iterator[bytes]:
    for chunk in packed:
        if inflater.eof:
            return  # zip readers ignore anything after the end of the stream
        yield inflater.decompress(chunk, _STEP)
        while not inflater.needs_input and not inflater.eof:
            yield inflater.decompress(b"", _STEP)


def _inflate_lzma(packed: Iterable[bytes]) -> Iterator[bytes]:
    """Zip's LZMA: a 2-byte version, the properties' size, the properties, then raw LZMA1."""
    stream = iter(packed)
    head = b""
    for chunk in stream:
        head += chunk
        if len(head) >= 4 and len(head) >= 4 + struct.unpack("<H", head[2:4])[0]:
            break
    size = struct.unpack("<H", head[2:4])[0] if len(head) >= 4 else 0
    if size != 5 or len(head) < 9:
        raise ValueError("not zip's LZMA header")
    packed_byte, dictionary = head[4], struct.unpack("<I", head[5:9])[0]
    if packed_byte >= 9 * 5 * 5 or dictionary > _MAX_LZMA_DICTIONARY:
        raise ValueError("LZMA properties out of range")
    filters = [
        {
            "id": lzma.FILTER_LZMA1,
            "lc": packed_byte % 9,
            "lp": packed_byte // 9 % 5,
            "pb": packed_byte // 45,
            "dict_size": dictionary,
        }
    ]
    inflater = lzma.LZMADecompressor(lzma.FORMAT_RAW, filters=filters)
    yield from _inflate_stepwise(inflater, itertools.chain([head[9:]], stream))


def _inflated(method: int, packed: Iterable[bytes]) -> Iterator[bytes]:
    """A member's bytes, a step at a time, from its compressed bytes."""
    if method == zipfile.ZIP_STORED:
        return iter(packed)
    if method == zipfile.ZIP_DEFLATED:
        return _inflate_deflate(packed)
    if method == zipfile.ZIP_BZIP2:
        return _inflate_stepwise(bz2.BZ2Decompressor(), packed)
    if method == zipfile.ZIP_LZMA:
        return _inflate_lzma(packed)
    raise NotImplementedError(f"compression method {method}")


def _as_stored(info: zipfile.ZipInfo) -> zipfile.ZipInfo:
    """``info`` made to read back its compressed bytes as they are (inflated by us)."""
    raw = copy.copy(info)
    raw.compress_type = zipfile.ZIP_STORED
    raw.file_size = info.compress_size
    # No CRC check on the compressed bytes: read() checks the inflated ones.
    raw.CRC = None  # type: ignore[assignment]  # zipfile skips its check when CRC is None
    return raw


class SafeZip:
    def __init__(self, source: str | BinaryIO, name: str) -> None:
        self.name = name
        try:
            if isinstance(source, str):
                with open(source, "rb") as archive:  # a path given as text
                    _check_directory(archive, name)
            else:
                _check_directory(source, name)
            self._zip = zipfile.ZipFile(source)
            infos = self._zip.infolist()
        except FileNotFoundError:
            raise said.refused(name, None, said.NO_SUCH_FILE()) from None
        except said.ImportFormatError:
            raise
        except Exception:  # zipfile raises many kinds on a damaged or hostile archive
            raise said.refused(name, None, said.NOT_A_ZIP()) from None
        if len(infos) > MAX_ZIP_MEMBERS:
            raise said.refused(name, None, said.ZIP_TOO_MANY(count=f"{MAX_ZIP_MEMBERS:,}"))
        total = 0
        self.members: dict[str, zipfile.ZipInfo] = {}
        for info in infos:
            path = self._checked_name(info.filename)
            if info.filename.endswith("/"):  # a folder (ZipInfo.is_dir fails on an empty name)
                continue
            if info.compress_size and info.file_size / info.compress_size > MAX_ZIP_RATIO:
                raise said.refused(name, None, said.ZIP_BOMB(name=said.printable(path)))
            total += info.file_size
            self.members[path] = info
        if total > MAX_ZIP_UNCOMPRESSED_BYTES:
            limit = describe_limit(MAX_ZIP_UNCOMPRESSED_BYTES)
            raise said.refused(name, None, said.ZIP_TOO_BIG(limit=limit))

    def _checked_name(self, raw: str) -> str:
        if "\x00" in raw or "\\" in raw or raw.startswith("/") or (len(raw) > 1 and raw[1] == ":"):
            raise said.refused(self.name, None, said.ZIP_UNSAFE_NAME(name=said.shown(raw)))
        parts = PurePosixPath(raw).parts
        if ".." in parts or not raw:  # an empty name is no file's name
            raise said.refused(self.name, None, said.ZIP_UNSAFE_NAME(name=said.shown(raw)))
        return "/".join(part for part in parts if part not in ("", "."))

    def read(self, path: str, limit: int) -> bytes:
        """One member's bytes, at most ``limit`` of them (more is an error)."""
        return b"".join(self.pieces(path, limit))

    def open_member(self, path: str, limit: int) -> MemberReader:
        """One member as a file to ``read`` a little at a time (a Day One Journal.json of
        100,000 entries is hundreds of MB), with every check :meth:`read` makes: the size
        and CRC are checked as the last bytes are read, so a reader that reads to the end
        has read a sound member or been refused (ImportFormatError) on the way."""
        return MemberReader(self.pieces(path, limit))

    def pieces(self, path: str, limit: int) -> Iterator[bytes]:
        """One member's bytes, a step at a time, checked against its header as they come."""
        info = self.members[path]
        display = f"{self.name}/{path}"
        if info.file_size > limit:
            raise said.refused(display, None, said.TOO_LARGE(limit=describe_limit(limit)))
        size = crc = 0
        try:
            with self._zip.open(_as_stored(info)) as packed:
                chunks = iter(lambda: packed.read(_STEP), b"")
                for piece in _inflated(info.compress_type, chunks):
                    size += len(piece)
                    if size > info.file_size:
                        raise _Oversized
                    crc = zlib.crc32(piece, crc)
                    yield piece  # what the reader does with it is not caught below
        except _Oversized:
            raise said.refused(display, None, said.ZIP_SIZE()) from None
        except Exception:  # damaged data, encryption, an unknown compression method
            raise said.refused(display, None, said.ZIP_UNPACK()) from None
        if size != info.file_size:
            raise said.refused(display, None, said.ZIP_SIZE())
        if crc != info.CRC:
            raise said.refused(display, None, said.ZIP_UNPACK())

    def close(self) -> None:
        self._zip.close()


class MemberReader(io.RawIOBase):
    """A zip member read as a binary file, from :meth:`SafeZip.pieces` (checked as read)."""

    def __init__(self, pieces: Iterator[bytes]) -> None:
        super().__init__()
        self._pieces = pieces
        self._held = b""

    def readable(self) -> bool:
        return True

    def read(self, size: int | None = -1) -> bytes:
        """Up to ``size`` bytes (all the rest when negative); ``b""`` only at the end."""
        wanted = size if size is not None and size >= 0 else None
        parts = [self._held]
        have = len(self._held)
        while wanted is None or have < wanted:
            piece = next(self._pieces, None)
            if piece is None:
                break
            parts.append(piece)
            have += len(piece)
        data = b"".join(parts)
        if wanted is None:
            self._held = b""
            return data
        self._held = data[wanted:]
        return data[:wanted]

    def readinto(self, buffer: Any) -> int:
        data = self.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)

    def close(self) -> None:
        if not self.closed:
            close = getattr(self._pieces, "close", None)
            if close is not None:
                close()  # the member's own file in the zip
            self._held = b""
        super().close()
