"""Scan a folder for plaintext: the "canary" check every storage feature must pass.

Write a unique marker into every field a user can fill, take backups, lock, then call
``assert_no_plaintext(data_dir, [marker])``. Every byte of every file below the folder is
searched (WAL and SHM files, backups, settings, logs), and zip archives are also opened and
their members searched, recursively. A marker must not appear raw (UTF-8), as UTF-16 (LE or
BE), or base64-encoded at any of the three byte alignments.
"""

from __future__ import annotations

import base64
import io
import uuid
import zipfile
from collections.abc import Iterator
from pathlib import Path

__all__ = ["assert_no_plaintext", "encodings_of"]

_MIN_NEEDLE = 8


def new_marker() -> str:
    """A string that cannot occur by chance: finding it on disk means a field leaked."""
    return "CANARY-" + uuid.uuid4().hex


def _base64_needles(data: bytes) -> Iterator[tuple[str, bytes]]:
    """The base64 of ``data`` wherever it sits in a larger stream.

    Encoding ``prefix + data`` for prefixes of 0, 1 and 2 bytes covers the three alignments.
    The leading characters that mix prefix bits, and the trailing group that depends on what
    follows (or holds padding), are cut off: what is left appears in any base64 stream that
    contains ``data`` at that alignment.
    """
    for skip in range(3):
        prefix = b"x" * skip
        encoded = base64.b64encode(prefix + data).rstrip(b"=")
        lead = {0: 0, 1: 2, 2: 3}[skip]
        total = skip + len(data)
        tail = total % 3 + 1 if total % 3 else 0  # the whole partial last group
        core = encoded[lead : len(encoded) - tail]
        for name, variant in (
            (f"base64 (offset {skip})", core),
            (f"urlsafe base64 (offset {skip})", core.replace(b"+", b"-").replace(b"/", b"_")),
        ):
            if len(variant) >= _MIN_NEEDLE:
                yield name, variant


def encodings_of(marker: str) -> list[tuple[str, bytes]]:
    """Every form in which ``marker`` counts as leaked."""
    raw = marker.encode("utf-8")
    needles = [
        ("UTF-8", raw),
        ("UTF-16-LE", marker.encode("utf-16-le")),
        ("UTF-16-BE", marker.encode("utf-16-be")),
    ]
    needles.extend(_base64_needles(raw))
    return needles


def _blobs(path: Path, data: bytes, depth: int = 0) -> Iterator[tuple[str, bytes]]:
    yield str(path), data
    if depth > 3 or not data.startswith(b"PK"):
        return
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        return
    with archive:
        for info in archive.infolist():
            member = archive.read(info)
            yield from _blobs(Path(f"{path}!{info.filename}"), member, depth + 1)


def assert_no_plaintext(root: Path, markers: list[str]) -> list[str]:
    """Fail if any marker appears in any file under ``root``; return what was scanned."""
    root = Path(root)
    assert root.is_dir(), f"nothing to scan: {root} is not a folder"
    assert markers, "no markers given"
    needles = [
        (marker, name, needle) for marker in markers for name, needle in encodings_of(marker)
    ]
    scanned: list[str] = []
    leaks: list[str] = []
    for path in sorted(root.rglob("*")):
        if not path.is_file():
            continue
        for where, data in _blobs(path.relative_to(root), path.read_bytes()):
            scanned.append(where)
            for marker, name, needle in needles:
                if needle in data:
                    leaks.append(f"{marker!r} found as {name} in {where}")
    assert not leaks, "plaintext found on disk:\n" + "\n".join(leaks)
    return scanned
