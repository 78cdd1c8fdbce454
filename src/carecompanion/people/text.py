"""Text clean-up and the comparison keys used for search and duplicate matching."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from typing import Protocol, TypeVar

# Tabs and newlines are kept where text may span lines; every other control character (and
# the odd NUL a damaged file carries) is dropped, since no field means to hold one. Format
# characters stay: zero-width joiners belong to some names and emoji.
_KEEP = {"\n", "\t"}
_DROPPED = {"Cc", "Cs"}  # C0/C1 controls, lone surrogates


def _drop_controls(text: str, keep: set[str]) -> str:
    return "".join(ch for ch in text if ch in keep or unicodedata.category(ch) not in _DROPPED)


def clean_line(text: str) -> str:
    """One line of text: controls dropped, runs of whitespace made one space, NFC."""
    return " ".join(unicodedata.normalize("NFC", _drop_controls(text, set())).split())


def clean_text(text: str) -> str:
    """Free text that may span lines: line endings made ``\\n``, trailing space trimmed."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = unicodedata.normalize("NFC", _drop_controls(text, _KEEP))
    return "\n".join(line.rstrip() for line in text.split("\n")).strip()


def fold_key(text: str) -> str:
    """What two spellings of a name share: case, accents and spacing ignored.

    "José Müller" and "jose  muller" give the same key; "李小龙" keeps its characters.
    """
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.split())


class Named(Protocol):
    """A contact or a group: anything listed by its name."""

    @property
    def id(self) -> int: ...

    @property
    def name(self) -> str: ...


N = TypeVar("N", bound=Named)


def by_name(items: Iterable[N]) -> list[N]:
    """The way people read a list: by name ignoring case and accents (then by id, so two
    of one name keep one order). The services' lists and the command line's quick reads
    both sort so."""
    return sorted(items, key=lambda item: (fold_key(item.name), item.id))


def phone_key(number: str) -> str:
    """The digits of a phone number, with an international "00" prefix read as "+".

    "+44 20 7946 0958" and "0044 (20) 7946-0958" match; a national "020 7946 0958" does not,
    since without knowing the country the two cannot be proven the same.
    """
    digits = "".join(ch for ch in number if ch.isdigit())
    if number.strip().startswith("00") and not number.strip().startswith("+"):
        digits = digits[2:]
    return digits


def email_key(address: str) -> str:
    return address.strip().casefold()
