"""vCard value escaping (RFC 6350 3.4, RFC 2426 4), shared by the reader and the writer.

Text values escape backslash, comma, semicolon and newline with a backslash; compound values
(N, ADR) separate their fields with unescaped semicolons, lists (CATEGORIES and our own
X-CARECOMPANION-HELPS) their items with unescaped commas.
"""

from __future__ import annotations

_UNESCAPED = {"n": "\n", "N": "\n", "\\": "\\", ",": ",", ";": ";", ":": ":"}


def escape(text: str) -> str:
    text = text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\\n")


def split(value: str, separator: str | None) -> list[str]:
    """Split on every ``separator`` not escaped by a backslash (None: do not split); unescape
    each part."""
    parts: list[str] = []
    current: list[str] = []
    chars = iter(value)
    for ch in chars:
        if ch == "\\":
            following = next(chars, "")
            # An unknown escape is kept as written: exporters put "\" in Windows paths.
            current.append(_UNESCAPED.get(following, "\\" + following))
        elif ch == separator:
            parts.append("".join(current))
            current = []
        else:
            current.append(ch)
    parts.append("".join(current))
    return parts


def split_raw(value: str, separator: str) -> list[str]:
    """Split a compound value into its fields, leaving their escapes in place (a field of N
    or ADR may itself be a comma-separated list, split next with ``split``)."""
    parts: list[str] = []
    current: list[str] = []
    chars = iter(value)
    for ch in chars:
        if ch == "\\":
            current.append(ch + next(chars, ""))
        elif ch == separator:
            parts.append("".join(current))
            current = []
        else:
            current.append(ch)
    parts.append("".join(current))
    return parts


def unescape(value: str) -> str:
    """A single text value ("\\," is a comma, "\\n" a newline)."""
    return split(value, None)[0]


def join(values: list[str], separator: str) -> str:
    return separator.join(escape(value) for value in values)


def fold(line: str, limit: int = 75) -> str:
    """One content line folded so no physical line exceeds ``limit`` octets (RFC 6350 3.2),
    never inside a UTF-8 character; continuation lines start with a space."""
    pieces: list[str] = []
    current: list[str] = []
    size = 0
    for ch in line:
        width = len(ch.encode("utf-8"))
        if size + width > limit:
            pieces.append("".join(current))
            current, size = [" "], 1
        current.append(ch)
        size += width
    pieces.append("".join(current))
    return "\r\n".join(pieces) + "\r\n"
