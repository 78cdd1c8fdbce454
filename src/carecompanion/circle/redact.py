"""The redaction list: words (the cared-for person's name, a clinic) replaced in everything
shared, so what leaves the vault says "M." rather than "Margaret"."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence

from carecompanion.circle.errors import TOO_MANY_REDACTIONS, InvalidInput
from carecompanion.circle.limits import MAX_REDACTIONS

Redactions = Sequence[tuple[str, str]]


def initials(word: str) -> str:
    """ "Margaret Ann" -> "M. A." """
    return " ".join(f"{part[0].upper()}." for part in word.split() if part)


def clean_redactions(pairs: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
    cleaned: list[tuple[str, str]] = []
    seen: set[str] = set()
    for word, replacement in pairs:
        word = " ".join(word.split())
        if not word or word.casefold() in seen:
            continue
        seen.add(word.casefold())
        cleaned.append((word, " ".join(replacement.split()) or initials(word)))
    if len(cleaned) > MAX_REDACTIONS:
        raise InvalidInput(TOO_MANY_REDACTIONS, count=MAX_REDACTIONS)
    return cleaned


def _literal(replacement: str) -> Callable[[re.Match[str]], str]:
    # A function, not a template: a replacement such as "\\1" must stay as typed.
    return lambda _match: replacement


def redact(text: str, redactions: Redactions) -> str:
    # Longest words first, so "Margaret Ann" is replaced before "Margaret".
    for word, replacement in sorted(redactions, key=lambda pair: -len(pair[0])):
        pattern = re.compile(
            r"(?<!\w)" + re.escape(word).replace(r"\ ", r"\s+") + r"(?!\w)", re.IGNORECASE
        )
        text = pattern.sub(_literal(replacement), text)
    return text
