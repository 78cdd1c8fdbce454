"""A large JSON export's entries, one at a time, in bounded memory (issue 17).

A journal of 100,000 entries is a JSON file of some 200 MB. Read whole (its bytes, its text,
then the decoded tree, all at once) it takes four to five times that. The two exports that
hold a whole journal in one document, jrnl's and ours, are one object whose ``"entries"`` key
is an array of entry objects: :func:`stream_entries` reads such a file a chunk at a time and
hands out each entry, after the object's other keys (read before the array), as
:mod:`located_json` values (but decoded by the standard library: see ``_Reader._value``).

It is a fast path, not a second parser. It steps over the top object's structure and leaves
every value, and every judgement, to the standard library's JSON decoder (which finds where
each value ends as it decodes it), held to located_json's rules (keys after the array are
checked and left out, as the parsers leave out every key but a few). Anything it was not
written for (an entry that is not an object, a file over ``max_bytes``, any syntax error,
bytes that are not UTF-8) raises :class:`NotStreamable` (perhaps after some entries were
handed out), and the caller reads the file whole with the usual parser, which then says
exactly what is wrong.
"""

from __future__ import annotations

import codecs
import json
import re
from collections.abc import Generator
from pathlib import Path
from typing import Any, Protocol

from carecompanion.journal.exchange.located_json import JsonArray, JsonObject

#: Bytes read at a time (more at once while one value, a long attachment, is not yet whole).
CHUNK = 1024 * 1024
_WHITESPACE = re.compile(r"[ \t\n\r]*")
_SCALAR_ROOM = 64  # a scalar is decoded only with this much after it, or at the end
_BOM = "\ufeff"
_BLANKS = " \t\n\r"  # JSON's whitespace (and the pattern's)
_CONTAINERS = '{["'  # what opens a value that cannot decode whole when cut short


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
        self.text = ""  # what is read so far and not yet done with, decoded
        self.pos = 0  # the next character to read in text; what is before it is done with
        self.line = 1  # the file's line at pos
        self.eof = False
        self.names: set[str] = set()  # the top object's, so far
        self._utf8 = codecs.getincrementaldecoder("utf-8")("strict")
        self._value_line = 1  # the line of the value being decoded, for _object
        self._containers = 0  # the objects and arrays in it, counted by _object and _array
        # One decoder for the whole file: its hooks refuse what located_json refuses.
        self._decoder = json.JSONDecoder(
            object_pairs_hook=self._object, parse_int=_integer, parse_constant=_no_constant
        )

    # -- the buffer ---------------------------------------------------------------------------
    def _more(self, at_least: int = 0) -> bool:
        """Read on (dropping what is done with); False at the end of the file. A multi-byte
        character cut by a read waits for the next one; bytes that are not UTF-8 (strict, as
        ``bytes.decode``) are refused as they are read."""
        if self.eof:
            return False
        data = self.handle.read(max(CHUNK, at_least))
        try:
            if not data:
                self.eof = True
                self._utf8.decode(b"", final=True)  # a character cut off at the end
                return False
            decoded = self._utf8.decode(data)
        except UnicodeDecodeError as exc:
            raise NotStreamable("not UTF-8") from exc
        self.text = self.text[self.pos :] + decoded
        self.pos = 0
        return True

    def _skip_space(self) -> None:
        if self.pos < len(self.text) and self.text[self.pos] not in _BLANKS:
            return  # most often: nothing to skip
        while True:
            match = _WHITESPACE.match(self.text, self.pos)
            assert match is not None  # the pattern matches the empty string
            self.line += self.text.count("\n", self.pos, match.end())
            self.pos = match.end()
            if self.pos < len(self.text) or not self._more():
                return

    def _peek(self) -> str:
        """The next character that is not whitespace (the reader stays on it); "" at the
        end."""
        self._skip_space()
        return self.text[self.pos] if self.pos < len(self.text) else ""

    def _take(self, char: str) -> None:
        if self._peek() != char:
            raise NotStreamable(f"expected {char!r}")
        self.pos += 1

    # -- values ---------------------------------------------------------------------------------
    def _value(self, depth: int) -> tuple[Any, int]:
        """The next value (found at ``depth`` in the document), decoded and located as
        located_json locates values, except that everything in it is said to be on its first
        line; and that line. The reader moves past it.

        The standard library's C decoder finds where the value ends as it decodes it, several
        times faster than finding the end first. A value cut by the end of what is read so far
        fails to decode: read as much again as is held (so a long value's work stays in step
        with its size, not its square) and decode it again. Only a failure where the text
        runs out can be such a cut (an unterminated string, or within a token's length of the
        end); any other, or one at the end of the file, refuses the file. Lines only ever name
        where a file is wrong, and a file that is wrong anywhere is read again the usual way,
        which finds every line. What the standard library would let through and located_json
        would not is refused here: a name twice in an object, NaN and Infinity, integers over
        40 digits, nesting deeper than ``max_depth``, UTF-8 that is not strict."""
        first = self._peek()
        if first == "":
            raise NotStreamable("the file ends early")
        line = self.line
        if first not in _CONTAINERS:
            # A scalar decodes whole however it is cut ("12" of "12345"): take it only with
            # room after it, or at the end of the file.
            while len(self.text) - self.pos < _SCALAR_ROOM and self._more():
                pass
        self._value_line = line
        while True:
            self._containers = 0
            try:
                value, end = self._decoder.raw_decode(self.text, self.pos)
                break
            except json.JSONDecodeError as exc:
                cut = exc.msg.startswith("Unterminated string") or (
                    exc.pos >= len(self.text) - _SCALAR_ROOM
                )
                if not cut or not self._more(at_least=len(self.text) - self.pos):
                    raise NotStreamable("not valid here") from exc
            except (ValueError, RecursionError) as exc:  # the hooks', or nesting in C
                raise NotStreamable("not valid here") from exc
        if type(value) is list:
            value = self._array(value)  # the hooks make the arrays inside objects
        room = self.max_depth - depth
        # A value holding no more objects and arrays than it has room for cannot nest too
        # deep: most entries need no walk.
        if self._containers > room:
            try:
                _check_room(value, room)
            except _TooDeep:
                raise NotStreamable("nested too deep") from None
        self.line += self.text.count("\n", self.pos, end)
        self.pos = end
        return value, line

    def _object(self, pairs: list[tuple[str, Any]]) -> JsonObject:
        """An object as located_json makes it (the JSON decoder's hook), on the line of the
        value being decoded, its arrays made JsonArrays."""
        found = JsonObject(pairs)
        if len(found) != len(pairs):
            raise ValueError("a name twice")
        self._containers += 1
        found.line = self._value_line
        found.key_lines = {}  # line_of: the object's own line
        if list in map(type, found.values()):  # in C: most objects hold no array
            for name, item in pairs:
                if type(item) is list:
                    found[name] = self._array(item)
        return found

    def _array(self, items: list[Any]) -> JsonArray:
        located = JsonArray(self._array(item) if type(item) is list else item for item in items)
        self._containers += 1
        located.line = self._value_line
        located.item_lines = [self._value_line] * len(located)
        return located

    # -- the document ---------------------------------------------------------------------------
    def _name(self) -> tuple[str, int]:
        """A name of the top object and its colon: the name, and the line it is on."""
        if self._peek() != '"':
            raise NotStreamable("expected a name")
        name, line = self._value(depth=1)
        if name in self.names:
            raise NotStreamable("a name twice")  # the usual parser says where
        self.names.add(name)
        self._take(":")
        return name, line

    def header(self, key: str) -> JsonObject:
        while not self.text and self._more():
            pass
        if self.text.startswith(_BOM):
            self.pos = len(_BOM)
        self._take("{")
        header = JsonObject()
        header.line = self.line
        header.key_lines = {}
        while True:
            name, key_line = self._name()
            header.key_lines[name] = key_line
            if name == key:
                break
            header[name], _line = self._value(depth=1)
            self._take(",")
        if self._peek() != "[":
            raise NotStreamable("the entries are not an array")
        entries = JsonArray()
        entries.line = self.line
        entries.item_lines = []
        header[key] = entries
        self.pos += 1
        return header

    def entries(self) -> Entries:
        try:
            if self._peek() == "]":
                self.pos += 1
            else:
                while True:
                    if self._peek() != "{":
                        raise NotStreamable("an entry that is not an object")
                    yield self._value(depth=2)
                    after = self._peek()
                    if after == "]":
                        self.pos += 1
                        break
                    if after != ",":
                        raise NotStreamable("expected ','")
                    self.pos += 1
            while self._peek() == ",":  # keys after the array: checked, not kept
                self.pos += 1
                self._name()
                self._value(depth=1)
            self._take("}")
            if self._peek() != "":
                raise NotStreamable("more after the document")
        finally:
            self.handle.close()


_LONGEST_INTEGER = 40  # digits (and sign) located_json reads as a number


def _integer(digits: str) -> int:
    if len(digits) > _LONGEST_INTEGER:
        raise ValueError("a number too long")
    return int(digits)


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


class _TooDeep(Exception):
    """A value nests deeper than the document may."""


def _check_room(value: Any, room: int) -> None:
    """Refuses (_TooDeep) a value nesting more than ``room`` levels (an object or array is
    one, with what it holds), as located_json counts, without recursing deeper than that."""
    if not isinstance(value, dict | list):
        return
    if room < 1:
        raise _TooDeep
    for item in value.values() if isinstance(value, dict) else value:
        _check_room(item, room - 1)
