"""Reading a zip archive in memory, refusing archives that could hurt.

Nothing is ever extracted to disk. Before any member is read the archive is checked: the
number of members, their total declared size, each member's compression ratio, and names
that would escape the archive (absolute paths, ``..``, drive letters) are all refused. A
member is then read with a hard cap, so a lying size header cannot get past the limits.
"""

from __future__ import annotations

import zipfile
from pathlib import PurePosixPath
from typing import BinaryIO

from carecompanion.journal.exchange import errors as said
from carecompanion.journal.exchange.errors import ImportFormatError
from carecompanion.journal.exchange.limits import (
    MAX_ZIP_MEMBERS,
    MAX_ZIP_RATIO,
    MAX_ZIP_UNCOMPRESSED_BYTES,
)
from carecompanion.journal.exchange.reading import describe_limit


class SafeZip:
    def __init__(self, source: str | BinaryIO, name: str) -> None:
        self.name = name
        try:
            self._zip = zipfile.ZipFile(source)
            infos = self._zip.infolist()
        except FileNotFoundError:
            raise ImportFormatError.where(name, None, said.NO_SUCH_FILE()) from None
        except Exception:  # zipfile raises many kinds on a damaged or hostile archive
            raise ImportFormatError.where(name, None, said.NOT_A_ZIP()) from None
        if len(infos) > MAX_ZIP_MEMBERS:
            raise ImportFormatError.where(
                name, None, said.ZIP_TOO_MANY(count=f"{MAX_ZIP_MEMBERS:,}")
            )
        total = 0
        self.members: dict[str, zipfile.ZipInfo] = {}
        for info in infos:
            path = self._checked_name(info.filename)
            if info.is_dir():
                continue
            if info.compress_size and info.file_size / info.compress_size > MAX_ZIP_RATIO:
                raise ImportFormatError.where(name, None, said.ZIP_BOMB(name=path))
            total += info.file_size
            self.members[path] = info
        if total > MAX_ZIP_UNCOMPRESSED_BYTES:
            limit = describe_limit(MAX_ZIP_UNCOMPRESSED_BYTES)
            raise ImportFormatError.where(name, None, said.ZIP_TOO_BIG(limit=limit))

    def _checked_name(self, raw: str) -> str:
        if "\x00" in raw or "\\" in raw or raw.startswith("/") or (len(raw) > 1 and raw[1] == ":"):
            raise ImportFormatError.where(self.name, None, said.ZIP_UNSAFE_NAME(name=repr(raw)))
        parts = PurePosixPath(raw).parts
        if ".." in parts:
            raise ImportFormatError.where(self.name, None, said.ZIP_UNSAFE_NAME(name=repr(raw)))
        return "/".join(part for part in parts if part not in ("", "."))

    def read(self, path: str, limit: int) -> bytes:
        """One member's bytes, at most ``limit`` of them (more is an error)."""
        info = self.members[path]
        display = f"{self.name}/{path}"
        if info.file_size > limit:
            raise ImportFormatError.where(
                display, None, said.TOO_LARGE(limit=describe_limit(limit))
            )
        try:
            with self._zip.open(info) as member:
                data = member.read(limit + 1)
        except Exception:  # bad CRC, zlib errors, encryption, unknown compression
            raise ImportFormatError.where(display, None, said.ZIP_UNPACK()) from None
        if len(data) > limit or len(data) != info.file_size:
            raise ImportFormatError.where(display, None, said.ZIP_SIZE())
        return data

    def close(self) -> None:
        self._zip.close()
