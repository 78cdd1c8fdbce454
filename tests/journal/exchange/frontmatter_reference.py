"""The front-matter reader as it was before it was made faster (issue 17): kept, unchanged but
for this line and its imports, so tests can check the faster one reads every text alike."""

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


def _unquote(value: str, line: int) -> str:
    if len(value) >= 2 and value[0] == value[-1] == "'":
        return value[1:-1].replace("''", "'")
    if len(value) >= 2 and value[0] == value[-1] == '"':
        inner = value[1:-1]
        out: list[str] = []
        escapes = {"n": "\n", "t": "\t", '"': '"', "\\": "\\", "/": "/", "r": "\r", "0": "\0"}
        escapes |= {"b": "\b", "f": "\f"}  # JSON writes these two; our export quotes with JSON
        index = 0
        while index < len(inner):
            char = inner[index]
            if char == "\\" and index + 1 < len(inner):
                nxt = inner[index + 1]
                if nxt == "u" and re.fullmatch(r"[0-9A-Fa-f]{4}", inner[index + 2 : index + 6]):
                    out.append(chr(int(inner[index + 2 : index + 6], 16)))
                    index += 6
                    continue
                out.append(escapes.get(nxt, "\\" + nxt))
                index += 2
                continue
            out.append(char)
            index += 1
        return "".join(out)
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
    quote = text[start]
    index = start + 1
    while index < len(text):
        char = text[index]
        escaped = quote == '"' and char == "\\"
        doubled = quote == "'" and char == quote and text[index + 1 : index + 2] == quote
        if escaped or doubled:
            index += 2
        elif char == quote:
            return index
        else:
            index += 1
    return -1


def _split_flow(inner: str, line: int) -> list[str]:
    """The items of ``[a, "b, c", 'd']``, in one pass."""
    items: list[str] = []
    current: list[str] = []
    blank = True  # nothing but blanks in ``current`` so far: a quote may open here
    index = 0
    while index < len(inner):
        char = inner[index]
        if char in ("'", '"') and blank:
            end = _closing(inner, index)
            if end < 0:
                raise FrontMatterError(line, said.FM_LIST_QUOTE_NOT_CLOSED())
            current.append(inner[index : end + 1])
            blank = False
            index = end + 1
            continue
        if char == ",":
            items.append("".join(current).strip())
            current = []
            blank = True
        else:
            current.append(char)
            blank = blank and char.isspace()
        index += 1
    items.append("".join(current).strip())
    return [_unquote(item, line) for item in items if item]


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
    lines = text.split("\n")
    if not lines or lines[0].rstrip("\r").strip() != _OPEN:
        return FrontMatter(body=text)
    stripped = [line.rstrip("\r") for line in lines]
    try:
        close = next(
            i for i in range(1, min(len(stripped), _MAX_LINES)) if stripped[i].strip() in _CLOSE
        )
    except StopIteration:
        return FrontMatter(body=text)

    result = FrontMatter(body="\n".join(lines[close + 1 :]))
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
