"""The people and crisis lines the person chose themselves: where the gentle nudge points.

Nothing is pre-filled. Crisis numbers differ by country and we cannot know the right one, so
the UI asks the person to add theirs (and always says "in an emergency, call your local
emergency number").
"""

from __future__ import annotations

import builtins
from collections.abc import Iterator
from contextlib import contextmanager

from carecompanion.mood import errors as said
from carecompanion.mood.errors import InvalidName, SupportContactNotFound
from carecompanion.mood.records import ContactKind, SupportContact
from carecompanion.mood.repository import SupportRepository
from carecompanion.storage.database import Database

KINDS: tuple[ContactKind, ...] = ("person", "crisis")
TEXT_MAX_CHARS = 200


def _clean(name: str, reach: str, kind: str) -> tuple[str, str, ContactKind]:
    name, reach = " ".join(name.split()), reach.strip()
    if not name:
        raise InvalidName(said.CONTACT_NEEDS_NAME)
    if len(name) > TEXT_MAX_CHARS or len(reach) > TEXT_MAX_CHARS:
        raise InvalidName(said.CONTACT_TOO_LONG, count=TEXT_MAX_CHARS)
    if kind not in KINDS:
        raise InvalidName(said.CONTACT_KIND)
    return name, reach, "crisis" if kind == "crisis" else "person"


class SupportContacts:
    """The rules for ``mood_support_contacts``, over ``SupportRepository``; reached as
    ``MoodService.support``."""

    def __init__(self, database: Database) -> None:
        self._db = database

    def list(self) -> builtins.list[SupportContact]:
        with self._repo() as repo:
            return repo.contacts()

    def add(self, name: str, reach: str = "", kind: ContactKind = "person") -> SupportContact:
        name, reach, kind = _clean(name, reach, kind)
        with self._repo() as repo:
            return repo.insert(name, reach, kind)

    def update(
        self, contact_id: int, name: str, reach: str = "", kind: ContactKind = "person"
    ) -> SupportContact:
        name, reach, kind = _clean(name, reach, kind)
        with self._repo() as repo:
            changed = repo.update(contact_id, name, reach, kind)
        if changed is None:
            raise SupportContactNotFound(contact_id)
        return changed

    def delete(self, contact_id: int) -> None:
        with self._repo() as repo:
            if not repo.delete(contact_id):
                raise SupportContactNotFound(contact_id)

    @contextmanager
    def _repo(self) -> Iterator[SupportRepository]:
        with self._db.session() as session:
            yield SupportRepository(session)
