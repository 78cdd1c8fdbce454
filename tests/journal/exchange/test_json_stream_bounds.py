"""The large-export reader on hostile input: work and memory stay bounded by the file's size
(issue 17 review)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from carecompanion.journal.exchange import json_stream
from carecompanion.journal.exchange.json_stream import NotStreamable, stream_entries
from carecompanion.journal.exchange.located_json import JsonArray


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


def test_a_bad_value_where_a_read_ends_is_refused_without_reading_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A value that fails to decode where what is read so far ends may only be cut short:
    it is read again with more. Anything wrong before that end refuses the file there, not
    after reading the rest of it (whose entries would all be held)."""
    rest = ", ".join(['{"body": "' + "x" * 1000 + '"}'] * 2000)  # 2 MB after the bad one
    for bad_at in range(40, 70):
        path = tmp_path / f"bad{bad_at}.json"
        head = '{"entries": [{"a": "' + "y" * (bad_at - 20)
        path.write_text(head + '\x01"}, ' + rest + "]}", "utf-8")
        _CountingReads.reads = 0
        monkeypatch.setattr(json_stream, "CHUNK", 64)
        monkeypatch.setattr(json_stream, "open", lambda p, _mode: _CountingReads(p), raising=False)
        _header, items = stream_entries(path, max_bytes=10**9, max_depth=64)
        with pytest.raises(NotStreamable):
            list(items)
        assert _CountingReads.reads < 8


@pytest.mark.parametrize("chunk", [1, 2, 3, 5, 8, 64])
def test_the_top_objects_values_are_read_whole_across_reads(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, chunk: int
) -> None:
    """A number cut where a read ends would decode as a smaller one: it is read with room."""
    monkeypatch.setattr(json_stream, "CHUNK", chunk)
    path = tmp_path / "head.json"
    path.write_text(
        '{"version": 12345678901234567890, "ratio": -1.5e-7, "list": [[1, ["é"]], {"k": [2]}],'
        ' "ok": true, "none": null, "entries": [{"tags": [["a"]]}]}',
        "utf-8",
    )
    header, items = stream_entries(path, max_bytes=10**9, max_depth=64)
    entries = [entry for entry, _line in items]
    assert header["version"] == 12345678901234567890
    assert header["ratio"] == -1.5e-7
    assert header["list"] == [[1, ["é"]], {"k": [2]}]
    assert header["ok"] is True and header["none"] is None
    arrays = [header["list"], header["list"][0], header["list"][0][1], header["list"][1]["k"]]
    arrays += [entries[0]["tags"], entries[0]["tags"][0]]
    assert all(isinstance(array, JsonArray) for array in arrays)
    assert all(array.line_of(0) == array.line for array in arrays)
