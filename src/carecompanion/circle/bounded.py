"""Reading JSON we do not trust without letting it choose how much memory we spend.

Python's ``json`` builds everything before anything can be checked: a 254 KiB circle file
inflating to 255 MiB of ``[],`` became 85 million empty lists, 6.9 GB and 93 s before it was
refused (issue 14). This reader is fed the text a piece at a time (as ``inflate.py`` inflates
it) and refuses, at the token that breaks a limit, nesting too deep, arrays too long, a string
too long or too many values, so what it holds never exceeds what its limits allow. Neither the
whole text nor a copy of it as one ``str`` ever exists.

The JSON read is the subset the circle format uses: objects without duplicate keys, arrays,
strings of Unicode scalar values (no lone surrogates), integers of at most 19 digits, ``true``,
``false`` and ``null``; floats are refused (nothing in a circle file is one).
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from json import decoder as _json_decoder
from json.decoder import JSONDecodeError
from typing import Any, Final

#: json's own string reader (C): finds a string's end, checks and unescapes it (not in typeshed).
scanstring: Callable[[str, int, bool], tuple[str, int]] = _json_decoder.scanstring  # type: ignore[attr-defined]


class TooLarge(ValueError):
    """Over one of the limits: the reader stopped before holding more."""


class Malformed(ValueError):
    """Not JSON in the subset read here (or, from ``inflate``, not one whole zlib stream)."""


@dataclass(frozen=True)
class JsonLimits:
    """What one document may hold. ``section_elements`` caps the arrays held directly under
    these keys of the top-level object (the circle's cards, records...); every other array or
    object holds at most ``max_elements``."""

    max_depth: int
    max_values: int
    max_elements: int
    max_string_chars: int
    section_elements: Mapping[str, int] = field(default_factory=dict)


_WHITESPACE = re.compile(r"[ \t\n\r]*")
_INTEGER = re.compile(r"-?(?:0|[1-9][0-9]*)")
_LONGEST_INTEGER = 20  # a sign and 19 digits: more than any count the format has
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89abcdefABCDEF]")
_LITERALS: Final = {"t": ("true", True), "f": ("false", False), "n": ("null", None)}

# What the reader expects next.
_VALUE, _VALUE_OR_CLOSE, _COMMA_OR_CLOSE, _COLON, _DONE, _KEY, _KEY_OR_CLOSE = range(7)


class _Frame:
    """An array or object being read."""

    __slots__ = ("container", "count", "is_object", "key", "limit")

    def __init__(self, container: list[Any] | dict[str, Any], limit: int) -> None:
        self.container = container
        self.is_object = isinstance(container, dict)
        self.limit = limit
        self.count = 0
        self.key: str | None = None


class JsonReader:
    """Feed it text in pieces (``feed``), then ``finish`` for the value. Raises TooLarge or
    Malformed from whichever call meets the problem; what it holds is bounded by its limits
    and by the longest piece fed (plus one unfinished string)."""

    def __init__(self, limits: JsonLimits) -> None:
        self._limits = limits
        self._decoder = codecs.getincrementaldecoder("utf-8")("strict")
        self._text = ""
        self._pos = 0
        self._stack: list[_Frame] = []
        self._expect = _VALUE
        self._values = 0
        self._result: Any = None

    def feed(self, data: bytes) -> None:
        self._take(data, final=False)

    def finish(self) -> Any:
        self._take(b"", final=True)
        if self._expect != _DONE:
            raise Malformed("the document is cut short")
        return self._result

    def _take(self, data: bytes, final: bool) -> None:
        try:
            text = self._decoder.decode(data, final)
        except UnicodeDecodeError as exc:
            raise Malformed("not UTF-8") from exc
        rest = self._text[self._pos :]  # an unfinished token: at most a string's length
        self._text = rest + text if rest else text
        self._pos = 0
        self._run(final)

    # -- the reading loop ----------------------------------------------------------------

    def _run(self, final: bool) -> None:
        # The common tokens (a string value, a comma, a closing bracket) are read inline: a
        # method call each would double the time of reading 20,000 records.
        text = self._text
        end = len(text)
        pos = self._pos
        stack = self._stack
        while True:
            if pos < end and text[pos] in " \t\n\r":
                pos = _WHITESPACE.match(text, pos).end()  # type: ignore[union-attr]
            if pos >= end:
                break
            char = text[pos]
            expect = self._expect
            if expect <= _VALUE_OR_CLOSE and char == '"':
                try:
                    value, after = scanstring(text, pos + 1, True)
                except JSONDecodeError:
                    after = -1  # unfinished or malformed: the careful way below says which
                if after < 0 or len(value) > self._limits.max_string_chars:
                    string = self._string(text, pos, final)
                    if string is None:
                        break
                    value, after = string
                elif not value.isascii():
                    _whole_characters(value, text, pos, after)
                pos = after
                self._values += 1
                if self._values > self._limits.max_values:
                    raise TooLarge("the document holds too many values")
                if not stack:
                    self._place(value)
                    continue
                frame = stack[-1]
                frame.count += 1
                if frame.count > frame.limit:
                    raise TooLarge("an array or object has too many elements")
                if frame.is_object:
                    frame.container[frame.key] = value  # type: ignore[index,call-overload]
                else:
                    frame.container.append(value)  # type: ignore[union-attr]
                self._expect = _COMMA_OR_CLOSE
            elif expect == _COMMA_OR_CLOSE:
                frame = stack[-1]
                if char == ",":
                    if frame.count >= frame.limit:
                        raise TooLarge("an array or object has too many elements")
                    self._expect = _KEY if frame.is_object else _VALUE
                elif char == ("}" if frame.is_object else "]"):
                    self._close()
                else:
                    raise Malformed("a comma is missing")
                pos += 1
            elif expect == _DONE:
                raise Malformed("something follows the document")
            elif expect == _COLON:
                if char != ":":
                    raise Malformed("a colon is missing")
                self._expect = _VALUE
                pos += 1
            elif expect >= _KEY:
                if char == "}" and expect == _KEY_OR_CLOSE:
                    self._close()
                    pos += 1
                    continue
                if char != '"':
                    raise Malformed("an object key is not a string")
                string = self._string(text, pos, final)
                if string is None:
                    break
                key, pos = string
                self._count()
                frame = stack[-1]
                if key in frame.container:
                    raise Malformed("a key appears twice in one object")
                frame.key = key
                self._expect = _COLON
            else:
                parsed = self._value(text, pos, char, final)
                if parsed is None:
                    break
                pos = parsed
        self._pos = pos

    def _value(self, text: str, pos: int, char: str, final: bool) -> int | None:
        """Read the value at ``pos``; the position after it, or None if more text is needed."""
        if char == "]" and self._expect == _VALUE_OR_CLOSE:
            self._close()
            return pos + 1
        if char in "[{":
            self._open(char)
            return pos + 1
        if char == "-" or "0" <= char <= "9":
            match = _INTEGER.match(text, pos)
            after = match.end() if match else pos + 1
            if after >= len(text) and not final:
                if after - pos > _LONGEST_INTEGER:
                    raise Malformed("a number is too long")
                return None  # more digits may follow
            if match is None or (after < len(text) and text[after] in ".eE0123456789"):
                raise Malformed("not an integer")
            if after - pos > _LONGEST_INTEGER:
                raise Malformed("a number is too long")
            self._add(int(text[pos:after]))
            return after
        if char in _LITERALS:
            word, value = _LITERALS[char]
            if text.startswith(word, pos):
                self._add(value)
                return pos + len(word)
            if not final and len(text) - pos < len(word) and word.startswith(text[pos:]):
                return None
        raise Malformed("not a JSON value")

    def _string(self, text: str, pos: int, final: bool) -> tuple[str, int] | None:
        """The string starting at the quote at ``pos`` and the position after it, or None if
        it is not finished yet (refused as soon as it is longer than any string may be)."""
        limit = self._limits.max_string_chars
        try:
            value, after = scanstring(text, pos + 1, True)
        except JSONDecodeError as exc:
            unfinished = exc.msg.startswith("Unterminated") or exc.pos >= len(text) - 5
            if not unfinished or final:
                raise Malformed("a string is malformed") from exc
            # Escapes make the text longer than the string, never shorter: a written string of
            # more than six characters a character is over the limit whatever it holds.
            if len(text) - pos > 6 * limit + 2:
                raise TooLarge("a string is too long") from exc
            return None
        if len(value) > limit:
            raise TooLarge("a string is too long")
        _whole_characters(value, text, pos, after)
        return value, after

    # -- building the value --------------------------------------------------------------

    def _count(self) -> None:
        self._values += 1
        if self._values > self._limits.max_values:
            raise TooLarge("the document holds too many values")

    def _open(self, char: str) -> None:
        if len(self._stack) >= self._limits.max_depth:
            raise Malformed("the document nests deeper than any it may hold")
        self._count()
        limit = self._limits.max_elements
        if len(self._stack) == 1 and self._stack[0].key in self._limits.section_elements:
            limit = self._limits.section_elements[self._stack[0].key]  # type: ignore[index]
        container: list[Any] | dict[str, Any] = [] if char == "[" else {}
        self._stack.append(_Frame(container, limit))
        self._expect = _VALUE_OR_CLOSE if char == "[" else _KEY_OR_CLOSE

    def _close(self) -> None:
        frame = self._stack.pop()
        self._place(frame.container)

    def _add(self, value: Any) -> None:
        self._count()
        self._place(value)

    def _place(self, value: Any) -> None:
        if not self._stack:
            self._result = value
            self._expect = _DONE
            return
        frame = self._stack[-1]
        frame.count += 1
        if frame.count > frame.limit:
            raise TooLarge("an array or object has too many elements")
        if frame.is_object:
            frame.container[frame.key] = value  # type: ignore[index,call-overload]
        else:
            frame.container.append(value)  # type: ignore[union-attr]
        self._expect = _COMMA_OR_CLOSE


def _whole_characters(value: str, text: str, start: int, end: int) -> None:
    """Refuse a string whose escapes (``\\ud800``) make half of a UTF-16 pair: it is no text,
    and it would fail later, far from here, when encoded."""
    if _SURROGATE_ESCAPE.search(text, start, end):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError as exc:
            raise Malformed("a string holds half a character") from exc


def read_json(pieces: Iterable[bytes], limits: JsonLimits) -> Any:
    """One JSON value from UTF-8 text given in pieces, within ``limits``."""
    reader = JsonReader(limits)
    for piece in pieces:
        reader.feed(piece)
    return reader.finish()
