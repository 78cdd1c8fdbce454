"""A large JSON export's entries, one at a time, in bounded memory (issue 17).

A journal of 100,000 entries is a JSON file of some 200 MB. Read whole (its bytes, its text,
then the decoded tree, all at once) it takes four to five times that. The two exports that
hold a whole journal in one document, jrnl's and ours, are one object whose ``"entries"`` key
is an array of entry objects: :func:`stream_entries` reads such a file a chunk at a time and
hands out each entry, after the object's other keys (read before the array), as
:mod:`located_json` values (but decoded by the standard library: see ``_Reader._decoded``).

It is a fast path, not a second parser. It only finds where each value starts and ends (the
bytes of JSON's structure are ASCII, so no decoding is needed for that) and leaves every
judgement to the JSON decoder, held to located_json's rules (keys after the array are
checked and left out, as the parsers leave out every key but a few). Anything it was not
written for (an entry that is not an object, a file over ``max_bytes``, any syntax error,
bytes that are not UTF-8) raises :class:`NotStreamable` (perhaps after some entries were
handed out), and the caller reads the file whole with the usual parser, which then says
exactly what is wrong.
"""

from __future__ import annotations

import json
import re
from collections.abc import Generator
from pathlib import Path
from typing import Any, Protocol

from carecompanion.journal.exchange.located_json import JsonArray, JsonObject

#: Bytes read at a time (more at once while one value, a long attachment, is not yet whole).
CHUNK = 1024 * 1024
_WHITESPACE = re.compile(rb"[ \t\n\r]*")
_STRUCTURE = re.compile(rb'[{}\[\]"]')
# A whole string token, as located_json matches it, on bytes (UTF-8 passes as other bytes).
_STRING = re.compile(rb'"[^"\\\x00-\x1f]*(?:\\.[^"\\\x00-\x1f]*)*"', re.DOTALL)
_SCALAR = re.compile(rb"-?[0-9][0-9.eE+-]*|true|false|null")
_SCALAR_ROOM = 64  # a scalar is matched only with this much after it, or at the end
_BOM = b"\xef\xbb\xbf"
_OPEN, _CLOSE, _QUOTE = b"{[", b"}]", ord('"')


class Readable(Protocol):
    """What is read from: a file opened in binary, or a zip member (safe_zip.MemberReader)."""

    def read(self, size: int = -1, /) -> bytes: ...

    def close(self) -> None: ...


class NotStreamable(Exception):
    """This file is not one this fast path reads: read it whole, with the usual parser."""


Entries = Generator[tuple[JsonObject, int], None, None]


def stream_entries(
    path: Path, *, key: str = "entries", max_bytes: int, max_depth: int
) -> tuple[JsonObject, Entries]:
    """The top object's keys before ``key`` (``key`` itself an empty JsonArray at the array's
    line), and an iterator of (entry, line) over the array. The file stays open until the
    iterator is exhausted or closed. ``max_depth`` counts as located_json does, from the
    top object."""
    try:
        if Path(path).stat().st_size > max_bytes:
            raise NotStreamable("over the size limit")
        handle = open(path, "rb")  # noqa: SIM115 -- closed when the entries are done
    except OSError as exc:
        raise NotStreamable("unreadable") from exc
    return stream_from(handle, key=key, max_depth=max_depth)


def stream_from(
    handle: Readable, *, key: str = "entries", max_depth: int
) -> tuple[JsonObject, Entries]:
    """:func:`stream_entries` from a file already open (a zip member: Day One's
    Journal.json), which is closed with the entries. Its size is the caller's to bound;
    what ``handle.read`` raises (a zip member found damaged) goes through unchanged."""
    try:
        reader = _Reader(handle, max_depth)
        header = reader.header(key)
    except BaseException:
        handle.close()
        raise
    return header, reader.entries()


class _Reader:
    def __init__(self, handle: Readable, max_depth: int) -> None:
        self.handle = handle
        self.max_depth = max_depth
        self.buf = b""
        self.pos = 0  # the next byte to read in buf; what is before it is done with
        self.line = 1  # the file's line at pos
        self.eof = False
        self.names: set[str] = set()  # the top object's, so far
        self.nesting = 0  # how deep the last value read nests

    # -- the buffer ---------------------------------------------------------------------------
    def _more(self, at_least: int = 0) -> bool:
        """Read on (dropping what is done with); False at the end of the file."""
        if self.eof:
            return False
        data = self.handle.read(max(CHUNK, at_least))
        if not data:
            self.eof = True
            return False
        self.buf = self.buf[self.pos :] + data
        self.pos = 0
        return True

    def _skip_space(self) -> None:
        while True:
            match = _WHITESPACE.match(self.buf, self.pos)
            assert match is not None  # the pattern matches the empty string
            self.line += self.buf.count(b"\n", self.pos, match.end())
            self.pos = match.end()
            if self.pos < len(self.buf) or not self._more():
                return

    def _peek(self) -> int:
        """The next byte that is not whitespace (the reader stays on it); -1 at the end."""
        self._skip_space()
        return self.buf[self.pos] if self.pos < len(self.buf) else -1

    def _take(self, byte: bytes) -> None:
        if self._peek() != byte[0]:
            raise NotStreamable(f"expected {byte!r}")
        self.pos += 1

    # -- values ---------------------------------------------------------------------------------
    def _string_end(self, at: int) -> int:
        """Where the string starting at buf[at] ends (just past its quote). ``at`` is an
        index into the current buffer; the buffer may be refilled, so the answer is too."""
        while True:
            match = _STRING.match(self.buf, at)
            if match is not None:
                return match.end()
            offset = at - self.pos
            if not self._more(at_least=2 * (len(self.buf) - at)):
                raise NotStreamable("a string that does not end")
            at = self.pos + offset

    def _value(self) -> tuple[bytes, int]:
        """The next value's bytes and the line it starts on; the reader moves past it."""
        first = self._peek()
        line = self.line
        self.nesting = 0
        if first == -1:
            raise NotStreamable("the file ends early")
        if first == _QUOTE:
            end = self._string_end(self.pos)
        elif first in _OPEN:
            end = self._nested_end()
        else:
            while len(self.buf) - self.pos < _SCALAR_ROOM and self._more():
                pass
            match = _SCALAR.match(self.buf, self.pos)
            if match is None:
                raise NotStreamable("not a JSON value")
            end = match.end()
        data = self.buf[self.pos : end]
        self.line += data.count(b"\n")
        self.pos = end
        return data, line

    def _nested_end(self) -> int:
        """Just past the object or array starting at pos (its brackets counted, strings
        skipped whole); how deep it nests is kept in ``nesting``."""
        depth, at = 1, self.pos + 1
        self.nesting = 1
        while True:
            match = _STRUCTURE.search(self.buf, at)
            if match is None:
                offset = len(self.buf) - self.pos  # searched to the end already
                # Read as much again as is kept: each read copies the buffer, so reads that
                # double keep a long value's work in step with its size, not its square.
                if not self._more(at_least=offset):
                    raise NotStreamable("the file ends inside a value")
                at = self.pos + offset
                continue
            at = match.start()
            byte = self.buf[at]
            if byte == _QUOTE:
                at = self._string_end(at)
                continue
            depth += 1 if byte in _OPEN else -1
            self.nesting = max(self.nesting, depth)
            at += 1
            if depth == 0:
                return at

    def _decoded(self, data: bytes, line: int, depth: int) -> Any:
        """The value of ``data`` (found at ``depth`` in the document, on ``line``), located
        as located_json locates values, except that everything in it is said to be on its
        first line: it is decoded by the standard library's C decoder, several times faster.
        Lines only ever name where a file is wrong, and a file that is wrong anywhere is read
        again the usual way, which finds every line. What the standard library would let
        through and located_json would not is refused here: a name twice in an object,
        NaN and Infinity, integers over 40 digits, nesting deeper than ``max_depth``, UTF-8
        that is not strict."""
        if self.nesting > self.max_depth - depth:
            raise NotStreamable("nested too deep")
        try:
            return _locate(json.loads(data.decode("utf-8"), **_strict(line)), line)
        except (ValueError, RecursionError) as exc:  # UnicodeDecodeError and JSON's own
            raise NotStreamable("not valid here") from exc

    # -- the document ---------------------------------------------------------------------------
    def _name(self) -> tuple[str, int]:
        """A name of the top object and its colon: the name, and the line it is on."""
        if self._peek() != _QUOTE:
            raise NotStreamable("expected a name")
        data, line = self._value()
        try:
            name = json.loads(data.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise NotStreamable("not a name") from exc
        if name in self.names:
            raise NotStreamable("a name twice")  # the usual parser says where
        self.names.add(name)
        self._take(b":")
        return name, line

    def header(self, key: str) -> JsonObject:
        while len(self.buf) < len(_BOM) and self._more():
            pass
        if self.buf.startswith(_BOM):
            self.pos = len(_BOM)
        self._take(b"{")
        header = JsonObject()
        header.line = self.line
        header.key_lines = {}
        while True:
            name, key_line = self._name()
            header.key_lines[name] = key_line
            if name == key:
                break
            value, line = self._value()
            header[name] = self._decoded(value, line, depth=1)
            self._take(b",")
        if self._peek() != ord("["):
            raise NotStreamable("the entries are not an array")
        entries = JsonArray()
        entries.line = self.line
        entries.item_lines = []
        header[key] = entries
        self.pos += 1
        return header

    def entries(self) -> Entries:
        try:
            if self._peek() == ord("]"):
                self.pos += 1
            else:
                while True:
                    if self._peek() != ord("{"):
                        raise NotStreamable("an entry that is not an object")
                    data, line = self._value()
                    yield self._decoded(data, line, depth=2), line
                    if self._peek() == ord("]"):
                        self.pos += 1
                        break
                    self._take(b",")
            while self._peek() == ord(","):  # keys after the array: checked, not kept
                self.pos += 1
                self._name()
                value, line = self._value()
                self._decoded(value, line, depth=1)
            self._take(b"}")
            if self._peek() != -1:
                raise NotStreamable("more after the document")
        finally:
            self.handle.close()


_LONGEST_INTEGER = 40  # digits (and sign) located_json reads as a number


def _strict(line: int) -> dict[str, Any]:
    """json.loads's hooks that refuse what located_json refuses, objects made located."""

    def located_object(pairs: list[tuple[str, Any]]) -> JsonObject:
        found = JsonObject(pairs)
        if len(found) != len(pairs):
            raise ValueError("a name twice")
        found.line = line
        found.key_lines = {}  # line_of: the object's own line
        return found

    def integer(digits: str) -> int:
        if len(digits) > _LONGEST_INTEGER:
            raise ValueError("a number too long")
        return int(digits)

    def no_constant(name: str) -> Any:
        raise ValueError(f"{name} is not JSON")

    return {
        "object_pairs_hook": located_object,
        "parse_int": integer,
        "parse_constant": no_constant,
    }


def _locate(value: Any, line: int) -> Any:
    """Arrays made JsonArrays (the standard library makes lists), on ``line``."""
    if isinstance(value, list):
        located = JsonArray(_locate(item, line) for item in value)
        located.line = line
        located.item_lines = [line] * len(located)
        return located
    if isinstance(value, JsonObject):
        for name, item in value.items():
            if isinstance(item, list | JsonObject):
                value[name] = _locate(item, line)
    return value
