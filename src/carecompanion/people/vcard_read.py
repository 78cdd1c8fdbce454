"""Read a vCard file (2.1, 3.0 or 4.0; one or many contacts) into ``ParsedCard`` values.

Everything is parsed before anything is written: a file with one bad line raises one
``VCardError`` naming the file and the line, and the vault is untouched. vobject does the
syntax (unfolding, vCard 2.1's quoted-printable soft line breaks and CHARSET, parameters,
``item1.`` groups); ``vcard_fields`` turns each card's lines into a contact.
"""

from __future__ import annotations

import codecs
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

from vobject.base import ContentLine, getLogicalLines, textLineToContentLine

from carecompanion.errors import Notice
from carecompanion.people import errors as said
from carecompanion.people.errors import VCardError
from carecompanion.people.limits import VCARD_MAX_BYTES, VCARD_MAX_CARDS
from carecompanion.people.records import ParsedCard
from carecompanion.people.vcard_fields import CardProblem, card_to_parsed

_LINE_BREAK = re.compile(rb"\r\n|\r|\n")
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


def unfolded_lines(data: bytes, path: Path) -> tuple[str, list[int]]:
    """The file's content lines, unfolded, as text, and the line number each starts on.

    Unfolding happens on the bytes, before decoding, because some exporters fold in the
    middle of a multi-byte UTF-8 character. Blank lines go (vobject would end a logical line
    there anyway). A line that is not UTF-8 is read in the one CHARSET the file declares, as
    vCard 2.1 files from older Outlook versions need.
    """
    data = _unicode_bytes(data, path)
    charsets = {name.decode().lower() for name in _CHARSET.findall(data)} - {"utf-8"}
    charset = charsets.pop() if len(charsets) == 1 else None
    logical: list[bytearray] = []
    numbers: list[int] = []
    for number, line in enumerate(_LINE_BREAK.split(data), start=1):
        if line[:1] in (b" ", b"\t") and logical:
            logical[-1] += line[1:]  # even a line of spaces: a fold inside a run of them
        elif not line.strip():
            continue
        else:
            logical.append(bytearray(line))
            numbers.append(number)
    text = "\r\n".join(
        _decode(bytes(line), number, charset, path)
        for line, number in zip(logical, numbers, strict=True)
    )
    return text + "\r\n", numbers


def _content_lines(data: bytes, path: Path) -> list[tuple[ContentLine, int]]:
    joined, numbers = unfolded_lines(data, path)
    lines: list[tuple[ContentLine, int]] = []
    for logical, index in getLogicalLines(io.StringIO(joined), allowQP=True):
        number = numbers[max(index, 1) - 1]  # vobject counts the first line as 0
        try:
            lines.append((textLineToContentLine(logical, number), number))
        except Exception as exc:
            # Any failure of the library on a hostile line is that line's fault (vobject
            # raises TypeError for some parameter mixes, not only ParseError). The exception
            # text repeats the whole line, which may be long or binary; the number says enough.
            raise VCardError(path, said.VCARD_BAD_LINE(), number) from exc
    return lines


def parse_vcards(data: bytes, path: Path) -> list[ParsedCard]:
    """Every card in ``data``; ``path`` only names the file in messages."""
    if len(data) > VCARD_MAX_BYTES:
        raise VCardError(path, _too_big(len(data)))
    cards: list[ParsedCard] = []
    current: _OpenCard | None = None
    for line, number in _content_lines(data, path):
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
            what = f"BEGIN:{value}" if line.name == "BEGIN" else line.name
            raise VCardError(path, said.VCARD_OUTSIDE(what=what), number)
        else:
            current.lines.append((line, number))
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
