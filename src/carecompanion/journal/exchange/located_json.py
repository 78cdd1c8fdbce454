"""A strict JSON decoder that remembers the line where every object, array and value starts.

Python's ``json`` module reports line numbers for syntax errors only. An import also has to
say *where* a well-formed document is wrong ("entry 3 has no date" at the line entry 3 starts),
so objects decode to :class:`JsonObject` (a dict with ``line`` and ``key_lines``) and arrays
to :class:`JsonArray` (a list with ``line`` and ``item_lines``). Strings are matched by one
regular expression and decoded by the standard library, so long base64 attachments stay fast.

Every failure, including nesting deeper than ``max_depth``, is a :class:`JsonSyntaxError`
with a line number; nothing else escapes.
"""

from __future__ import annotations

import bisect
import json
import re
from typing import Any

from carecompanion.errors import Notice
from carecompanion.journal.exchange import errors as said

_WHITESPACE = re.compile(r"[ \t\n\r]*")
_NUMBER = re.compile(r"-?(?:0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?")
# A whole string token, written as an unrolled loop so megabytes of base64 match quickly.
_STRING = re.compile(r'"[^"\\\x00-\x1f]*(?:\\.[^"\\\x00-\x1f]*)*"', re.DOTALL)
_LITERALS = (("true", True), ("false", False), ("null", None))


class JsonSyntaxError(ValueError):
    """Where the JSON is wrong and why; the import makes it an ImportFormatError."""

    def __init__(self, line: int, message: Notice) -> None:
        self.line = line
        self.message = message
        super().__init__(f"line {line}: {message}")


class JsonObject(dict[str, Any]):
    """A decoded JSON object: ``line`` is where its ``{`` is, ``key_lines[k]`` where k is."""

    line: int
    key_lines: dict[str, int]

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, self.line)


class JsonArray(list[Any]):
    """A decoded JSON array: ``line`` is where its ``[`` is, ``item_lines[i]`` where item i is."""

    line: int
    item_lines: list[int]

    def line_of(self, index: int) -> int:
        return self.item_lines[index] if 0 <= index < len(self.item_lines) else self.line


class _Decoder:
    def __init__(self, text: str, max_depth: int) -> None:
        self.text = text
        self.max_depth = max_depth
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def line(self, pos: int) -> int:
        return bisect.bisect_right(self.line_starts, pos)

    def fail(self, pos: int, message: Notice) -> JsonSyntaxError:
        return JsonSyntaxError(self.line(pos), message)

    def skip(self, pos: int) -> int:
        match = _WHITESPACE.match(self.text, pos)
        assert match is not None  # the pattern matches the empty string
        return match.end()

    def value(self, pos: int, depth: int) -> tuple[Any, int]:
        text = self.text
        if pos >= len(text):
            raise self.fail(pos, said.JSON_ENDS_EARLY())
        char = text[pos]
        if char == "{":
            return self.object(pos, depth + 1)
        if char == "[":
            return self.array(pos, depth + 1)
        if char == '"':
            return self.string(pos)
        for word, literal in _LITERALS:
            if text.startswith(word, pos):
                return literal, pos + len(word)
        match = _NUMBER.match(text, pos)
        if match is None:
            raise self.fail(pos, said.JSON_EXPECTED_VALUE())
        if match.group(1) or match.group(2):
            return float(match.group()), match.end()
        digits = match.group()
        if len(digits) > 40:
            raise self.fail(pos, said.JSON_NUMBER_TOO_LONG())
        return int(digits), match.end()

    def string(self, pos: int) -> tuple[str, int]:
        match = _STRING.match(self.text, pos)
        if match is None:
            raise self.fail(pos, said.JSON_TEXT_NOT_CLOSED())
        try:
            value = json.loads(match.group())
        except json.JSONDecodeError as exc:
            raise self.fail(pos + exc.pos, said.JSON_INVALID(detail=exc.msg.lower())) from None
        assert isinstance(value, str)
        return value, match.end()

    def object(self, start: int, depth: int) -> tuple[JsonObject, int]:
        if depth > self.max_depth:
            raise self.fail(start, said.JSON_TOO_DEEP())
        result = JsonObject()
        result.line = self.line(start)
        result.key_lines = {}
        pos = self.skip(start + 1)
        if self.text.startswith("}", pos):
            return result, pos + 1
        while True:
            if not self.text.startswith('"', pos):
                raise self.fail(pos, said.JSON_EXPECTED_NAME())
            key_line = self.line(pos)
            key, pos = self.string(pos)
            pos = self.skip(pos)
            if not self.text.startswith(":", pos):
                raise self.fail(pos, said.JSON_EXPECTED_COLON())
            value, pos = self.value(self.skip(pos + 1), depth)
            if key in result:
                raise JsonSyntaxError(key_line, said.JSON_DUPLICATE_NAME(name=said.shown(key)))
            result[key] = value
            result.key_lines[key] = key_line
            pos = self.skip(pos)
            if self.text.startswith("}", pos):
                return result, pos + 1
            if not self.text.startswith(",", pos):
                raise self.fail(pos, said.JSON_EXPECTED_COMMA_BRACE())
            pos = self.skip(pos + 1)

    def array(self, start: int, depth: int) -> tuple[JsonArray, int]:
        if depth > self.max_depth:
            raise self.fail(start, said.JSON_TOO_DEEP())
        result = JsonArray()
        result.line = self.line(start)
        result.item_lines = []
        pos = self.skip(start + 1)
        if self.text.startswith("]", pos):
            return result, pos + 1
        while True:
            result.item_lines.append(self.line(pos))
            value, pos = self.value(pos, depth)
            result.append(value)
            pos = self.skip(pos)
            if self.text.startswith("]", pos):
                return result, pos + 1
            if not self.text.startswith(",", pos):
                raise self.fail(pos, said.JSON_EXPECTED_COMMA_BRACKET())
            pos = self.skip(pos + 1)


def loads(text: str, *, max_depth: int = 64) -> Any:
    """Decode one JSON document (a leading byte-order mark is allowed)."""
    if text.startswith("\ufeff"):
        text = text[1:]
    decoder = _Decoder(text, max_depth)
    value, pos = decoder.value(decoder.skip(0), 0)
    pos = decoder.skip(pos)
    if pos != len(text):
        raise decoder.fail(pos, said.JSON_TRAILING())
    return value
