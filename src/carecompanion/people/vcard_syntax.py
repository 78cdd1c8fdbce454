"""The shape of a vCard content line, checked in one pass before vobject sees the line.

vobject splits a line with one regular expression whose parameter part nests optional
repeats (``(?:(?:=v?)?(?:,v)*)*``, where a value ``v`` may be empty). On a line that matches,
the first try succeeds; on one that does not, the engine tries every way of dividing the
parameters before giving up: ``TEL;TYPE=a`` followed by 40 commas and no colon ran for over a
minute, 20 commas 0.8 s (issue 16). ``line_shape`` walks the same grammar left to right, each
character once, so vobject only ever gets lines it will match at its first try, and a line
that would not match is refused here, quickly, as "not a valid vCard line".

The grammar is vobject's own, so that every line real address books write still reads::

    line   = [name "."] name [";"] *(";" name *(("=" / ",") [value])) ":" anything
    name   = 1*(ALPHA / DIGIT / "-" / "_")
    value  = DQUOTE *(any but DQUOTE) DQUOTE / *(any but DQUOTE ";" ":" ",")

On top of it, limits no address book comes near (``limits.VCARD_*``): how long a name and the
parameters may be and how many parameter values one line may carry.

``logical_lines`` joins vCard 2.1's quoted-printable soft line breaks (a line ending in "="
continues on the next) as vobject's ``getLogicalLines`` does, but in linear time: vobject
copies the whole logical line again for each physical line it adds.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Iterator

from carecompanion.people.limits import (
    VCARD_LINE_MAX_PARAMS,
    VCARD_NAME_MAX_CHARS,
    VCARD_PARAMS_MAX_CHARS,
)

_NAME_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
_VALUE_ENDS = frozenset('";:,')


def _name_end(text: str, start: int) -> int:
    """Where the run of name characters starting at ``start`` ends."""
    end = start
    limit = min(len(text), start + VCARD_NAME_MAX_CHARS + 1)
    while end < limit and text[end] in _NAME_CHARS:
        end += 1
    return end


def _value_end(text: str, start: int) -> int:
    """Where an unquoted parameter value starting at ``start`` ends (it may be empty)."""
    end = start
    limit = min(len(text), start + VCARD_PARAMS_MAX_CHARS + 1)
    while end < limit and text[end] not in _VALUE_ENDS:
        end += 1
    return end


def line_shape(text: str) -> bool:
    """True when ``text`` is a content line vobject's pattern matches at its first try and
    within our limits; False for anything else (no colon, a bad name, a stray quote...)."""
    end = _name_end(text, 0)
    if end == 0 or end > VCARD_NAME_MAX_CHARS:
        return False
    if end < len(text) and text[end] == ".":  # a group: item1.TEL
        start = end + 1
        end = _name_end(text, start)
        if end == start or end - start > VCARD_NAME_MAX_CHARS:
            return False
    params_start = pos = end
    if text.startswith((";;", ";:"), pos):
        pos += 1  # vobject allows one empty parameter right after the name
    values = 0
    while pos < len(text):
        if pos - params_start > VCARD_PARAMS_MAX_CHARS:
            return False
        char = text[pos]
        if char == ":":
            return True
        if char != ";":
            return False
        start = pos + 1
        pos = _name_end(text, start)
        if pos == start or pos - start > VCARD_NAME_MAX_CHARS:
            return False
        values += 1
        while pos < len(text) and text[pos] in "=,":
            values += 1
            if values > VCARD_LINE_MAX_PARAMS:
                return False
            pos += 1
            if pos < len(text) and text[pos] != '"':
                pos = _value_end(text, pos)
                # An unquoted value may hold "=": ``a="b"`` is a value "a" and a quoted one.
                if not (pos < len(text) and text[pos] == '"' and text[pos - 1] == "="):
                    continue
            if pos < len(text) and text[pos] == '"':
                closing = text.find('"', pos + 1, params_start + VCARD_PARAMS_MAX_CHARS + 1)
                if closing < 0:
                    return False
                pos = closing + 1
        if values > VCARD_LINE_MAX_PARAMS:
            return False
    return False


def logical_lines(lines: Iterable[tuple[str, int]]) -> Iterator[tuple[str, int]]:
    """Unfolded ``lines`` joined where quoted-printable text continues ("=" at the end of a
    line holding "quoted-printable"), each with the number of its first line."""
    joined: io.StringIO | None = None
    first = 0
    quoted_printable = False  # "quoted-printable" appears in the logical line so far
    continues = False
    for line, number in lines:
        if joined is not None and continues:
            joined.write("\n")
        else:
            if joined is not None:
                yield joined.getvalue(), first
            joined, first, quoted_printable = io.StringIO(), number, False
        joined.write(line)
        quoted_printable = quoted_printable or "quoted-printable" in line.lower()
        continues = quoted_printable and line.endswith("=")
    if joined is not None:
        yield joined.getvalue(), first
