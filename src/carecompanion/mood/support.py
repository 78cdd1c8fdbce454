"""The people and crisis lines the person chose themselves: where the gentle nudge points.

Nothing is pre-filled. Crisis numbers differ by country and we cannot know the right one, so
the UI asks the person to add theirs (and always says "in an emergency, call your local
emergency number").
"""

from __future__ import annotations

import builtins

from sqlalchemy import func, select

from carecompanion.mood import errors as said
from carecompanion.mood.errors import InvalidName, SupportContactNotFound
from carecompanion.mood.models import SupportContactRow
from carecompanion.mood.records import ContactKind, SupportContact
from carecompanion.storage.database import Database

KINDS: tuple[ContactKind, ...] = ("person", "crisis")
TEXT_MAX_CHARS = 200


def _to_contact(row: SupportContactRow) -> SupportContact:
    kind: ContactKind = "crisis" if row.kind == "crisis" else "person"
    return SupportContact(
        id=row.id, name=row.name, reach=row.reach, kind=kind, position=row.position
    )


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
    """CRUD for ``mood_support_contacts``; reached as ``MoodService.support``."""

    def __init__(self, database: Database) -> None:
        self._db = database

    def list(self) -> builtins.list[SupportContact]:
        with self._db.session() as session:
            rows = session.scalars(
                select(SupportContactRow).order_by(SupportContactRow.position, SupportContactRow.id)
            )
            return [_to_contact(row) for row in rows]

    def add(self, name: str, reach: str = "", kind: ContactKind = "person") -> SupportContact:
        name, reach, kind = _clean(name, reach, kind)
        with self._db.session() as session:
            position = int(session.scalar(select(func.max(SupportContactRow.position))) or 0) + 1
            row = SupportContactRow(name=name, reach=reach, kind=kind, position=position)
            session.add(row)
            session.flush()
            return _to_contact(row)

    def update(
        self, contact_id: int, name: str, reach: str = "", kind: ContactKind = "person"
    ) -> SupportContact:
        name, reach, kind = _clean(name, reach, kind)
        with self._db.session() as session:
            row = session.get(SupportContactRow, contact_id)
            if row is None:
                raise SupportContactNotFound(contact_id)
            row.name, row.reach, row.kind = name, reach, kind
            return _to_contact(row)

    def delete(self, contact_id: int) -> None:
        with self._db.session() as session:
            row = session.get(SupportContactRow, contact_id)
            if row is None:
                raise SupportContactNotFound(contact_id)
            session.delete(row)
