"""Tag names: cleaning what a person typed, and the newline-joined copy kept on each entry."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

# SQLite's NOCASE collation (used for tag names) folds ASCII letters only.
_ASCII_FOLD = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
# clean_tags() collapses all whitespace to single spaces, so a newline never occurs in a name.
_SEPARATOR = "\n"


def clean_tags(tags: Iterable[str]) -> list[str]:
    """Trimmed, de-duplicated (case-insensitively), in the order given."""
    seen: dict[str, str] = {}
    for tag in tags:
        name = " ".join(tag.split())
        if name and name.casefold() not in seen:
            seen[name.casefold()] = name
    return list(seen.values())


def sorted_tags(names: Iterable[str]) -> list[str]:
    """In the order SQLite sorts the tag column, so every read shows the same order."""
    return sorted(names, key=lambda name: name.translate(_ASCII_FOLD))


def join_tags(names: Sequence[str]) -> str:
    return _SEPARATOR.join(sorted_tags(names))


def split_tags(text: str) -> tuple[str, ...]:
    return tuple(text.split(_SEPARATOR)) if text else ()
