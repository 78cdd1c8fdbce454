"""Reading a large export's entries one at a time (issue 17): the same values as reading the
file whole, each entry on its own line, across any chunk boundary; whatever the usual parser
would refuse, refused (and left to it, to say where)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from carecompanion.journal.exchange import json_stream
from carecompanion.journal.exchange.json_stream import NotStreamable, stream_entries
from carecompanion.journal.exchange.located_json import JsonArray, JsonObject, loads

MAX_DEPTH = 64


def on_line(value: Any, line: int) -> bool:
    """Everything in a streamed entry says it is on the entry's first line (lines only ever
    name where a file is wrong, and such a file is read again the usual way)."""
    if isinstance(value, JsonObject):
        return (
            value.line == line
            and all(value.line_of(k) == line for k in value)
            and all(on_line(v, line) for v in value.values())
        )
    if isinstance(value, JsonArray):
        return value.line == line and all(value.line_of(i) == line for i in range(len(value)))
    return not isinstance(value, dict | list)


def streamed(path: Path) -> tuple[JsonObject, list[tuple[JsonObject, int]]]:
    header, items = stream_entries(path, max_bytes=10**9, max_depth=MAX_DEPTH)
    return header, list(items)


def assert_same_as_whole(path: Path) -> None:
    """What the stream hands out is what located_json finds reading the whole file."""
    whole = loads(path.read_bytes().decode("utf-8-sig").replace("\r\n", "\n"))
    header, items = streamed(path)
    entries = whole["entries"]
    assert [item for item, _line in items] == list(entries)
    assert [line for _item, line in items] == entries.item_lines
    assert all(on_line(item, line) for item, line in items)
    assert [item.line for item, _line in items] == [e.line for e in entries]
    assert header.line == whole.line
    before = {
        k: v for k, v in whole.items() if list(whole).index(k) <= list(whole).index("entries")
    }
    assert {k: v for k, v in header.items() if k != "entries"} == {
        k: v for k, v in before.items() if k != "entries"
    }
    assert header["entries"].line == entries.line
    for key in header:
        assert header.line_of(key) == whole.line_of(key)


_text = st.text(st.characters(exclude_categories=["Cs"]), max_size=40)
_entry = st.fixed_dictionaries(
    {"title": _text, "body": _text, "date": st.just("2021-01-02")},
    optional={
        "tags": st.lists(_text, max_size=3),
        "starred": st.booleans(),
        "nested": st.recursive(
            st.none() | st.integers() | _text, lambda c: st.lists(c, max_size=3), max_leaves=5
        ),
    },
)


@settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    entries=st.lists(_entry, max_size=6),
    indent=st.sampled_from([None, 0, 2, 4]),
    ascii_only=st.booleans(),
    tags_first=st.booleans(),
    crlf=st.booleans(),
    bom=st.booleans(),
    chunk=st.sampled_from([1, 2, 7, 64, 1 << 20]),
)
def test_the_stream_reads_what_the_whole_file_holds(
    tmp_path_factory: pytest.TempPathFactory,
    monkeypatch: pytest.MonkeyPatch,
    entries: list[dict[str, Any]],
    indent: int | None,
    ascii_only: bool,
    tags_first: bool,
    crlf: bool,
    bom: bool,
    chunk: int,
) -> None:
    monkeypatch.setattr(json_stream, "CHUNK", chunk)  # every value across chunk boundaries
    tags = {"@home": 2, "@ünï": 1}
    document: dict[str, Any] = (
        {"tags": tags, "entries": entries} if tags_first else {"entries": entries}
    )
    if not tags_first:
        document["tags"] = tags  # a key after the array: checked, left out
    text = json.dumps(document, indent=indent, ensure_ascii=ascii_only)
    if crlf:
        text = text.replace("\n", "\r\n")
    path = tmp_path_factory.mktemp("stream") / "journal.json"
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8"))
    assert_same_as_whole(path)


def test_an_entry_of_megabytes_is_read_whole(tmp_path: Path) -> None:
    body = "x" * (3 * 1024 * 1024) + '\\"é'
    path = tmp_path / "big.json"
    path.write_text(json.dumps({"entries": [{"body": body}, {"body": "short"}]}), "utf-8")
    _header, items = streamed(path)
    assert [item["body"] for item, _line in items] == [body, "short"]


@pytest.mark.parametrize(
    "text",
    [
        '{"entries": [{"a": 1},\n{"b": }]}',  # a syntax error inside an entry
        '{"entries": [{"a": 1}] "x": 2}',  # a missing comma after the array
        '{"entries": [{"a": 1},, {"b": 2}]}',  # garbage between entries
        '{"entries": [{"a": 1}] } trailing',  # more after the document
        '{"entries": [{"a": 1}]',  # no end
        '{"entries": [1, 2]}',  # entries that are not objects
        '{"entries": {"a": 1}}',  # entries not an array
        '{"x": 1, "x": 2, "entries": []}',  # a name twice
        '{"entries": [], "entries": []}',  # the array twice
        '{"tags": {}}',  # no entries at all
        '["entries"]',  # not an object
        '{"entries": [{"a": "\x01"}]}',  # a control character in a string
        '{"entries": [{"a": "unclosed}]}',
        "",
    ],
)
def test_anything_else_is_left_to_the_usual_parser(tmp_path: Path, text: str) -> None:
    path = tmp_path / "odd.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(NotStreamable):
        streamed(path)


def test_bytes_that_are_not_utf8_are_left_to_the_usual_parser(tmp_path: Path) -> None:
    path = tmp_path / "latin1.json"
    path.write_bytes('{"entries": [{"title": "caf\u00e9"}]}'.encode("latin-1"))
    with pytest.raises(NotStreamable):
        streamed(path)


def test_a_file_over_the_limit_is_not_read(tmp_path: Path) -> None:
    path = tmp_path / "big.json"
    path.write_text('{"entries": []}', encoding="utf-8")
    with pytest.raises(NotStreamable):
        stream_entries(path, max_bytes=5, max_depth=MAX_DEPTH)


def test_nesting_is_limited_as_when_read_whole(tmp_path: Path) -> None:
    path = tmp_path / "deep.json"
    depth_ok = MAX_DEPTH - 2  # the object, the array, then the entry and what it holds
    path.write_text('{"entries": [' + "[" * depth_ok + "]" * depth_ok + "]}", encoding="utf-8")
    with pytest.raises(NotStreamable):
        streamed(path)  # an entry that is an array: not an entry
    item = '{"a": ' + "[" * (depth_ok - 1) + "]" * (depth_ok - 1) + "}"
    path.write_text('{"entries": [' + item + "]}", encoding="utf-8")
    streamed(path)
    loads(path.read_text(encoding="utf-8"), max_depth=MAX_DEPTH)
    deeper = '{"a": ' + "[" * depth_ok + "]" * depth_ok + "}"
    path.write_text('{"entries": [' + deeper + "]}", encoding="utf-8")
    with pytest.raises(NotStreamable):
        streamed(path)


@pytest.mark.parametrize(
    "entry",
    [
        '{"a": 1, "a": 2}',  # a name twice in an entry
        '{"n": NaN}',
        '{"n": -Infinity}',
        '{"n": ' + "9" * 41 + "}",  # an integer longer than located_json reads
        '{"n": 01}',
        '{"s": "tab\there"}',  # a raw tab inside a string
        '{"s": "bad \\x escape"}',
    ],
)
def test_what_located_json_refuses_is_refused(tmp_path: Path, entry: str) -> None:
    text = '{"entries": [{"ok": 1}, ' + entry + "]}"
    with pytest.raises(ValueError):
        loads(text)  # located_json: a JsonSyntaxError, a ValueError
    path = tmp_path / "odd.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(NotStreamable):
        streamed(path)


def test_surrogates_spelled_in_utf8_are_refused_as_when_read_whole(tmp_path: Path) -> None:
    path = tmp_path / "surrogate.json"
    path.write_bytes(b'{"entries": [{"s": "' + b"\xed\xa0\x80" + b'"}]}')
    with pytest.raises(UnicodeDecodeError):
        path.read_bytes().decode("utf-8")
    with pytest.raises(NotStreamable):
        streamed(path)


_VALID = json.dumps(
    {
        "tags": {"@a": 1},
        "entries": [
            {"title": "One", "body": "x\ny", "tags": ["@a"], "n": [1, 2.5, -3, True, None]},
            {"title": "Two", "deep": [[{"k": "v"}]]},
        ],
    },
    indent=1,
)
_SIGNIFICANT = [*'{}[]",:\\ \n0-eE.tfn', "\x01", "\u00e9", "NaN", "9" * 45]


@settings(max_examples=300, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    edits=st.lists(
        st.tuples(st.integers(0, len(_VALID)), st.integers(0, 3), st.sampled_from(_SIGNIFICANT)),
        min_size=1,
        max_size=3,
    )
)
def test_whatever_the_stream_accepts_reads_the_same_whole(
    tmp_path_factory: pytest.TempPathFactory, edits: list[tuple[int, int, str]]
) -> None:
    """Mutated documents: the stream never lets through what reading the whole file would
    refuse, and what it lets through holds the same entries."""
    text = _VALID
    for at, cut, insert in edits:
        text = text[:at] + insert + text[at + cut :]
    path = tmp_path_factory.mktemp("mutated") / "journal.json"
    path.write_text(text, encoding="utf-8")
    try:
        _header, items = streamed(path)
    except NotStreamable:
        return
    whole = loads(text, max_depth=MAX_DEPTH)  # raises if the stream let through a bad file
    assert [item for item, _line in items] == list(whole["entries"])
