"""The large-export reader on hostile input: work and memory stay bounded by the file's size
(issue 17 review)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from carecompanion.journal.exchange import json_stream
from carecompanion.journal.exchange.json_stream import NotStreamable, stream_entries


class _CountingReads(io.FileIO):
    reads = 0

    def read(self, size: int | None = -1) -> bytes:
        _CountingReads.reads += 1
        return super().read(size)


def _read_all(path: Path, monkeypatch: pytest.MonkeyPatch) -> int:
    """Stream ``path`` with a tiny chunk; how many reads of the file that took."""
    _CountingReads.reads = 0
    monkeypatch.setattr(json_stream, "CHUNK", 64)
    monkeypatch.setattr(json_stream, "open", lambda p, _mode: _CountingReads(p), raising=False)
    _header, items = stream_entries(path, max_bytes=10**9, max_depth=64)
    assert len(list(items)) == 1
    return _CountingReads.reads


def test_a_long_entry_is_read_in_growing_chunks(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An entry of many small values (no long string) is read in chunks that double, as a
    long string is: read a chunk at a time, each read copied the whole buffer kept so far,
    work that grew with the square of the entry's size (200 MB: some 20 GB copied)."""
    values = ",".join(["1"] * 100_000)  # 200 KB: 3,000 chunks of 64 bytes
    path = tmp_path / "long.json"
    path.write_text('{"entries": [{"numbers": [' + values + "]}]}", "utf-8")
    assert _read_all(path, monkeypatch) < 40


def test_nesting_far_too_deep_is_refused_without_recursion(tmp_path: Path) -> None:
    path = tmp_path / "deep.json"
    depth = 200_000
    path.write_text('{"entries": [{"a": ' + "[" * depth + "]" * depth + "}]}", "utf-8")
    _header, items = stream_entries(path, max_bytes=10**9, max_depth=64)
    with pytest.raises(NotStreamable):
        list(items)
