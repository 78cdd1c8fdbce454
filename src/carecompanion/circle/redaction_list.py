"""The redaction list: one for every circle (issue 14, finding 13: per-circle lists let a name
redacted in one circle go out in another). Words are replaced in everything shared, longest
first (``redact.redact``); the list is kept in the vault in the order the person gave it."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import delete, select

from carecompanion.circle.models import RedactionRow
from carecompanion.circle.redact import clean_redactions
from carecompanion.storage.database import Database


class RedactionList:
    def __init__(self, database: Database) -> None:
        self._db = database

    def pairs(self) -> list[tuple[str, str]]:
        """(word, replacement), in the person's order."""
        with self._db.session() as session:
            rows = session.execute(
                select(RedactionRow.word, RedactionRow.replacement).order_by(RedactionRow.position)
            ).all()
        return [(str(word), str(replacement)) for word, replacement in rows]

    def replace(self, pairs: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
        """The list becomes ``pairs`` (cleaned: blank and repeated words dropped, a blank
        replacement becomes the initials). Returns what was kept."""
        cleaned = clean_redactions(pairs)
        with self._db.session() as session:
            session.execute(delete(RedactionRow))
            session.add_all(
                RedactionRow(position=n, word=word, replacement=replacement)
                for n, (word, replacement) in enumerate(cleaned)
            )
        return cleaned

    def with_added(self, pairs: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
        """The list with ``pairs`` added (a word already there gets the new replacement, when
        one is given), not stored."""
        current = self.pairs()
        words = {word.casefold(): n for n, (word, _r) in enumerate(current)}
        for raw_word, raw_replacement in pairs:
            word, replacement = " ".join(raw_word.split()), " ".join(raw_replacement.split())
            n = words.get(word.casefold())
            if n is None:
                words[word.casefold()] = len(current)
                current.append((word, replacement))
            elif replacement:
                current[n] = (current[n][0], replacement)
        return clean_redactions(current)

    def add(self, pairs: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
        """Add words to the list (kept for every circle from now on). Returns the list."""
        return self.replace(self.with_added(pairs))
