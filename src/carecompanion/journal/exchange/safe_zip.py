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
            raise ImportFormatError(name, None, "there is no such file") from None
        except Exception:  # zipfile raises many kinds on a damaged or hostile archive
            raise ImportFormatError(name, None, "this is not a zip archive") from None
        if len(infos) > MAX_ZIP_MEMBERS:
            raise ImportFormatError(
                name, None, f"the archive holds more than {MAX_ZIP_MEMBERS:,} files"
            )
        total = 0
        self.members: dict[str, zipfile.ZipInfo] = {}
        for info in infos:
            path = self._checked_name(info.filename)
            if info.is_dir():
                continue
            if info.compress_size and info.file_size / info.compress_size > MAX_ZIP_RATIO:
                raise ImportFormatError(
                    name, None, f"{path} is compressed suspiciously well (a zip bomb?)"
                )
            total += info.file_size
            self.members[path] = info
        if total > MAX_ZIP_UNCOMPRESSED_BYTES:
            limit = describe_limit(MAX_ZIP_UNCOMPRESSED_BYTES)
            raise ImportFormatError(name, None, f"the archive would unpack to more than {limit}")

    def _checked_name(self, raw: str) -> str:
        if "\x00" in raw or "\\" in raw or raw.startswith("/") or (len(raw) > 1 and raw[1] == ":"):
            raise ImportFormatError(self.name, None, f"the archive has an unsafe file name {raw!r}")
        parts = PurePosixPath(raw).parts
        if ".." in parts:
            raise ImportFormatError(self.name, None, f"the archive has an unsafe file name {raw!r}")
        return "/".join(part for part in parts if part not in ("", "."))

    def read(self, path: str, limit: int) -> bytes:
        """One member's bytes, at most ``limit`` of them (more is an error)."""
        info = self.members[path]
        display = f"{self.name}/{path}"
        if info.file_size > limit:
            raise ImportFormatError(
                display, None, f"the file is larger than {describe_limit(limit)}"
            )
        try:
            with self._zip.open(info) as member:
                data = member.read(limit + 1)
        except Exception:  # bad CRC, zlib errors, encryption, unknown compression
            raise ImportFormatError(display, None, "the file could not be unpacked") from None
        if len(data) > limit or len(data) != info.file_size:
            raise ImportFormatError(display, None, "the file's size does not match the archive")
        return data

    def close(self) -> None:
        self._zip.close()
