"""A small, tolerant reader for the front matter at the top of a Markdown file.

Only what a journal entry needs, from the YAML people actually write at the top of notes::

    ---
    title: "A hard night"          # plain, "double" or 'single' quoted
    date: 2024-05-01 21:30
    tags: [sleep, night shift]     # a flow list, a block list (- item), or "a, b"
    favourite: yes
    ---

Keys are matched case-insensitively; unknown keys and nested structures are kept as text or
skipped, never an error. A file whose first line is ``---`` but which never closes the block
is read as having no front matter. No YAML library is needed, and nothing here can run code.

Lines are taken apart with string methods, in one pass each: the patterns they replace
(a lazy value, then optional blanks, then the end of the line) rescanned the rest of a line
from every position, and took minutes over ``author: a`` followed by 100,000 spaces.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from carecompanion.errors import Notice
from carecompanion.journal.exchange import errors as said

_OPEN = "---"
_CLOSE = ("---", "...")
# A key: a letter or "_", then word characters, spaces, dots and dashes (one class: linear).
_KEY_NAME = re.compile(r"[A-Za-z_][\w .-]*")
_MAX_LINES = 500

Value = str | list[str]


class FrontMatterError(ValueError):
    """Where the front matter is wrong and why; the import makes it an ImportFormatError."""

    def __init__(self, line: int, message: Notice) -> None:
        self.line = line
        self.message = message
        super().__init__(f"line {line}: {message}")


@dataclass
class FrontMatter:
    fields: dict[str, Value] = field(default_factory=dict)
    lines: dict[str, int] = field(default_factory=dict)  # key -> 1-based line number
    body: str = ""

    def text(self, *keys: str) -> tuple[str, int] | None:
        """The first of ``keys`` present, as text (a list is joined by ", ")."""
        for key in keys:
            if key in self.fields:
                value = self.fields[key]
                return (", ".join(value) if isinstance(value, list) else value), self.lines[key]
        return None


# In "double quotes", a backslash and the character after it (left as they are when not an
# escape below); a backslash with nothing after it is itself.
_ESCAPE = re.compile(r"\\(u[0-9A-Fa-f]{4}|.)", re.DOTALL)
_ESCAPES = {"n": "\n", "t": "\t", '"': '"', "\\": "\\", "/": "/", "r": "\r", "0": "\0"}
_ESCAPES |= {"b": "\b", "f": "\f"}  # JSON writes these two; our export quotes with JSON
# A quoted value from its opening quote to its closing one: inside "double quotes" a backslash
# escapes the next character (\\", as JSON and our export write them); inside 'single quotes' a
# quote is doubled (''). Possessive: once taken, an escape or a doubled quote is not undone.
_QUOTED = {
    '"': re.compile(r'"[^"\\]*+(?:\\.[^"\\]*+)*+"', re.DOTALL),
    "'": re.compile(r"'[^']*+(?:''[^']*+)*+'"),
}


def _unescaped(match: re.Match[str]) -> str:
    escape = match[1]
    if len(escape) == 5:  # u and four hex digits
        return chr(int(escape[1:], 16))
    return _ESCAPES.get(escape, "\\" + escape)


def _unquote(value: str, line: int) -> str:
    if len(value) >= 2 and value[0] == value[-1] == "'":
        return value[1:-1].replace("''", "'")
    if len(value) >= 2 and value[0] == value[-1] == '"':
        inner = value[1:-1]
        return _ESCAPE.sub(_unescaped, inner) if "\\" in inner else inner
    if value[:1] in ("'", '"'):
        raise FrontMatterError(line, said.FM_QUOTE_NOT_CLOSED())
    return value


def _key_value(raw: str) -> tuple[str, str] | None:
    """``key: value`` as (key, value), the value stripped; None if the line is not one.

    A value must be separated from the colon by a blank (``url: http://x`` has the key
    ``url``; ``a:b`` is not a key and a value).
    """
    head, colon, rest = raw.partition(":")
    key = head.rstrip()
    if not colon or not _KEY_NAME.fullmatch(key):
        return None
    if rest and not rest[0].isspace():
        return None
    return key, rest.strip()


def _item(line: str) -> str | None:
    """The value of a block list line (``  - item``, or ``- item`` at the start); else None."""
    body = line.lstrip()
    if not body.startswith("-"):
        return None
    after = body[1:]
    if len(body) == len(line) and not after[:1].isspace():
        return None  # "-" at the start of the line needs a blank after it: "- item"
    return after.strip()


def _closing(text: str, start: int) -> int:
    """Where the quote opened at ``start`` closes (-1: it does not).

    Inside "double quotes" a backslash escapes the next character (``\\"``, as JSON and our
    export write them); inside 'single quotes' a quote is doubled (``''``).
    """
    match = _QUOTED[text[start]].match(text, start)
    return match.end() - 1 if match is not None else -1


def _split_flow(inner: str, line: int) -> list[str]:
    """The items of ``[a, "b, c", 'd']``, in one pass."""
    items: list[str] = []
    start = 0  # where the item being read starts
    while True:
        # A quote opens a quoted part only after nothing but blanks; in it, a comma is text.
        at = start
        while at < len(inner) and inner[at].isspace():
            at += 1
        if inner[at : at + 1] in ("'", '"'):
            end = _closing(inner, at)
            if end < 0:
                raise FrontMatterError(line, said.FM_LIST_QUOTE_NOT_CLOSED())
            at = end + 1
        comma = inner.find(",", at)
        if comma < 0:
            items.append(inner[start:].strip())
            return [_unquote(item, line) for item in items if item]
        items.append(inner[start:comma].strip())
        start = comma + 1


def _scalar_or_list(value: str, line: int) -> Value:
    if value.startswith("["):
        if not value.endswith("]"):
            raise FrontMatterError(line, said.FM_LIST_NOT_CLOSED())
        return _split_flow(value[1:-1], line)
    return _unquote(value, line)


def _block(lines: list[str], start: int, stop: int, *, dashes: bool) -> tuple[list[str], int]:
    """Indented lines after ``key: |`` or a bare ``key:`` (and ``- item`` lines if ``dashes``).

    Returns them and the index of the next line to read.
    """
    taken: list[str] = []
    index = start

    def belongs(line: str) -> bool:
        return not line.strip() or line[:1] in " \t" or (dashes and line.startswith("-"))

    while index < stop and belongs(lines[index]):
        taken.append(lines[index])
        index += 1
    while taken and not taken[-1].strip():
        taken.pop()
        index -= 1
    return taken, index


def parse(text: str) -> FrontMatter:
    """Split ``text`` into front matter fields and the body after them."""
    # Lines are taken off one at a time up to the closing line: the body is not split.
    stripped: list[str] = []  # the lines up to the closing one, without a "\r" at the end
    start = 0
    while True:
        end = text.find("\n", start)
        line = (text[start:] if end < 0 else text[start:end]).rstrip("\r")
        if not stripped and line.strip() != _OPEN:
            return FrontMatter(body=text)
        stripped.append(line)
        if len(stripped) > 1 and line.strip() in _CLOSE:
            break
        if end < 0 or len(stripped) == _MAX_LINES:
            return FrontMatter(body=text)  # never closed: no front matter
        start = end + 1
    close = len(stripped) - 1

    result = FrontMatter(body=text[end + 1 :] if end >= 0 else "")
    index = 1
    while index < close:
        raw = stripped[index]
        number = index + 1
        index += 1
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        if raw[:1] in " \t" or raw.startswith("- "):
            continue  # part of a structure this reader does not need
        pair = _key_value(raw)
        if pair is None:
            raise FrontMatterError(number, said.FM_NOT_NAME_VALUE())
        key, value = pair[0].strip().lower(), pair[1]
        if value in ("|", ">", "|-", ">-", "|+", ">+"):
            block, index = _block(stripped, index, close, dashes=False)
            body = [line.strip() for line in block]
            joined = "\n".join(body) if value.startswith("|") else " ".join(b for b in body if b)
            parsed: Value = joined.strip()
        elif value == "":
            block, index = _block(stripped, index, close, dashes=True)
            items = [_item(line) for line in block if line.strip()]
            if items and all(item is not None for item in items):
                parsed = [_unquote(item, number) for item in items if item]
            else:
                parsed = ""
        else:
            parsed = _scalar_or_list(value, number)
        if key not in result.fields:
            result.fields[key] = parsed
            result.lines[key] = number
    return result
