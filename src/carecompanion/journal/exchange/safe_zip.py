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
"""

from __future__ import annotations

import bz2
import copy
import itertools
import lzma
import struct
import zipfile
import zlib
from collections.abc import Iterable, Iterator
from pathlib import PurePosixPath
from typing import BinaryIO

from carecompanion.journal.exchange import errors as said
from carecompanion.journal.exchange.limits import (
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
            self._zip = zipfile.ZipFile(source)
            infos = self._zip.infolist()
        except FileNotFoundError:
            raise said.refused(name, None, said.NO_SUCH_FILE()) from None
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
        info = self.members[path]
        display = f"{self.name}/{path}"
        if info.file_size > limit:
            raise said.refused(display, None, said.TOO_LARGE(limit=describe_limit(limit)))
        pieces: list[bytes] = []
        size = crc = 0
        try:
            with self._zip.open(_as_stored(info)) as packed:
                chunks = iter(lambda: packed.read(_STEP), b"")
                for piece in _inflated(info.compress_type, chunks):
                    size += len(piece)
                    if size > info.file_size:
                        raise _Oversized
                    crc = zlib.crc32(piece, crc)
                    pieces.append(piece)
        except _Oversized:
            raise said.refused(display, None, said.ZIP_SIZE()) from None
        except Exception:  # damaged data, encryption, an unknown compression method
            raise said.refused(display, None, said.ZIP_UNPACK()) from None
        if size != info.file_size:
            raise said.refused(display, None, said.ZIP_SIZE())
        if crc != info.CRC:
            raise said.refused(display, None, said.ZIP_UNPACK())
        return b"".join(pieces)

    def close(self) -> None:
        self._zip.close()
