"""Read a vCard file (2.1, 3.0 or 4.0; one or many contacts) into ``ParsedCard`` values.

Everything is parsed before anything is written: a file with one bad line raises one
``VCardError`` naming the file and the line, and the vault is untouched. Unfolding and
quoted-printable soft line breaks are done here (``vcard_syntax``), each line's shape is
checked in one pass before vobject splits it into name, parameters and value (its pattern
backtracks for minutes on some lines it cannot match), and ``vcard_fields`` turns each card's
lines into a contact.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from vobject.base import ContentLine, textLineToContentLine

from carecompanion.errors import Notice
from carecompanion.people import errors as said
from carecompanion.people.errors import VCardError
from carecompanion.people.limits import (
    VCARD_MAX_BYTES,
    VCARD_MAX_CARD_LINES,
    VCARD_MAX_CARDS,
    VCARD_MAX_FILE_LINES,
    VCARD_MAX_LINES,
)
from carecompanion.people.records import ParsedCard
from carecompanion.people.vcard_fields import CardProblem, card_to_parsed
from carecompanion.people.vcard_syntax import line_shape, logical_lines

_PHYSICAL_LINE = re.compile(rb"([^\r\n]*)(\r\n|\r|\n|$)")
_CHARSET = re.compile(rb"CHARSET=\"?([A-Za-z0-9_.-]+)", re.IGNORECASE)


@dataclass
class _OpenCard:
    line: int
    lines: list[tuple[ContentLine, int]] = field(default_factory=list)


def _unicode_bytes(data: bytes, path: Path) -> bytes:
    """UTF-16 files (with a BOM) as UTF-8 bytes; everything else as it is."""
    if not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.removeprefix(codecs.BOM_UTF8)
    try:
        return data.decode("utf-16").encode("utf-8")
    except UnicodeDecodeError as exc:
        raise VCardError(path, said.VCARD_UTF16()) from exc


def _decode(line: bytes, number: int, charset: str | None, path: Path) -> str:
    try:
        return line.decode("utf-8")
    except UnicodeDecodeError as exc:
        if charset is not None:
            try:
                return line.decode(charset)
            except (LookupError, UnicodeDecodeError):
                pass
        raise VCardError(path, said.VCARD_NOT_UTF8(), number) from exc


def _physical_lines(data: bytes) -> Iterator[tuple[int, bytes]]:
    """Each line of ``data`` (CRLF, LF or CR ends it) with its number, one at a time: a file
    of millions of short lines never becomes a list of millions of objects."""
    for number, match in enumerate(_PHYSICAL_LINE.finditer(data), start=1):
        line = match.group(1)
        if not match.group(2) and not line:
            break  # the empty match finditer gives at the very end
        yield number, line


def _charset(data: bytes) -> str | None:
    """The one CHARSET the file declares other than UTF-8, if exactly one."""
    found: set[str] = set()
    for match in _CHARSET.finditer(data):
        found.add(match.group(1).decode().lower())
        if len(found - {"utf-8"}) > 1:
            return None
    found.discard("utf-8")
    return found.pop() if len(found) == 1 else None


def unfolded_lines(data: bytes, path: Path) -> Iterator[tuple[str, int]]:
    """The file's content lines, unfolded, as text, each with the line number it starts on.

    Unfolding happens on the bytes, before decoding, because some exporters fold in the
    middle of a multi-byte UTF-8 character. Blank lines go (vobject would end a logical line
    there anyway). A line that is not UTF-8 is read in the one CHARSET the file declares, as
    vCard 2.1 files from older Outlook versions need.
    """
    data = _unicode_bytes(data, path)
    charset = _charset(data)
    current: bytearray | None = None
    start = 0
    for number, line in _physical_lines(data):
        if number > VCARD_MAX_FILE_LINES:  # 64 MB of line breaks would take a minute
            raise VCardError(path, said.VCARD_TOO_MANY_LINES(count=VCARD_MAX_FILE_LINES), number)
        if line[:1] in (b" ", b"\t") and current is not None:
            current += line[1:]  # even a line of spaces: a fold inside a run of them
        elif not line.strip():
            continue
        else:
            if current is not None:
                yield _decode(bytes(current), start, charset, path), start
            current, start = bytearray(line), number
    if current is not None:
        yield _decode(bytes(current), start, charset, path), start


def _content_lines(data: bytes, path: Path) -> Iterator[tuple[ContentLine, int]]:
    for logical, number in logical_lines(unfolded_lines(data, path)):
        if not line_shape(logical):  # before vobject's pattern, which may backtrack for ever
            raise VCardError(path, said.VCARD_BAD_LINE(), number)
        try:
            yield textLineToContentLine(logical, number), number
        except Exception as exc:
            # Any failure of the library on a hostile line is that line's fault (vobject
            # raises TypeError for some parameter mixes, not only ParseError). The exception
            # text repeats the whole line, which may be long or binary; the number says enough.
            raise VCardError(path, said.VCARD_BAD_LINE(), number) from exc


def parse_vcards(data: bytes, path: Path) -> list[ParsedCard]:
    """Every card in ``data``; ``path`` only names the file in messages."""
    if len(data) > VCARD_MAX_BYTES:
        raise VCardError(path, _too_big(len(data)))
    cards: list[ParsedCard] = []
    current: _OpenCard | None = None
    for count, (line, number) in enumerate(_content_lines(data, path), start=1):
        if count > VCARD_MAX_LINES:
            raise VCardError(path, said.VCARD_TOO_MANY_LINES(count=VCARD_MAX_LINES), number)
        value = str(line.value).strip().upper()
        if line.name == "BEGIN" and value == "VCARD":
            if current is not None:
                raise VCardError(path, said.VCARD_NOT_ENDED(line=current.line), number)
            current = _OpenCard(number)
        elif line.name == "END" and value == "VCARD":
            if current is None:
                raise VCardError(path, said.VCARD_END_WITHOUT_BEGIN(), number)
            cards.append(_finish(current, path))
            current = None
            if len(cards) > VCARD_MAX_CARDS:
                raise VCardError(path, said.VCARD_TOO_MANY(count=VCARD_MAX_CARDS), number)
        elif current is None:
            what = f"BEGIN:{_shown(value)}" if line.name == "BEGIN" else line.name
            raise VCardError(path, said.VCARD_OUTSIDE(what=what), number)
        else:
            current.lines.append((line, number))
            if len(current.lines) > VCARD_MAX_CARD_LINES:
                raise VCardError(
                    path, said.VCARD_CARD_TOO_LONG(count=VCARD_MAX_CARD_LINES), current.line
                )
    if current is not None:
        raise VCardError(path, said.VCARD_NO_END(), current.line)
    if not cards:
        raise VCardError(path, said.VCARD_NONE())
    return cards


def _finish(card: _OpenCard, path: Path) -> ParsedCard:
    try:
        return card_to_parsed(card.lines, card.line)
    except CardProblem as exc:
        raise VCardError(path, exc.notice, exc.line or card.line) from exc


def _shown(value: str, limit: int = 40) -> str:
    """A value quoted in a one-line message: on one line, and short (it may be megabytes)."""
    text = "".join(ch if ch.isprintable() else " " for ch in value[: limit * 4])
    text = " ".join(text.split())
    return text if len(text) <= limit and len(value) <= limit * 4 else text[:limit] + "…"


def _too_big(size: int) -> Notice:
    mib = 1024 * 1024
    return said.VCARD_TOO_BIG(size=size // mib, limit=VCARD_MAX_BYTES // mib)


def read_vcard_file(path: Path) -> list[ParsedCard]:
    """Read and check a whole .vcf file; raises ``VCardError`` for anything unusable."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > VCARD_MAX_BYTES:  # before reading it all into memory
            raise VCardError(path, _too_big(size))
        data = path.read_bytes()
    except OSError as exc:
        raise VCardError(path, said.VCARD_UNREADABLE(reason=str(exc.strerror or exc))) from exc
    return parse_vcards(data, path)
