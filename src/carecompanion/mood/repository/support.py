"""The support contacts the nudge points to (``mood_support_contacts``), in one unit of work."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from carecompanion.mood.models import SupportContactRow
from carecompanion.mood.records import ContactKind, SupportContact


def _to_contact(row: SupportContactRow) -> SupportContact:
    kind: ContactKind = "crisis" if row.kind == "crisis" else "person"
    return SupportContact(
        id=row.id, name=row.name, reach=row.reach, kind=kind, position=row.position
    )


class SupportRepository:
    """``mood_support_contacts`` within one unit of work."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def contacts(self) -> list[SupportContact]:
        rows = self._session.scalars(
            select(SupportContactRow).order_by(SupportContactRow.position, SupportContactRow.id)
        )
        return [_to_contact(row) for row in rows]

    def insert(self, name: str, reach: str, kind: ContactKind) -> SupportContact:
        """At the end of the list."""
        last = self._session.scalar(select(func.max(SupportContactRow.position)))
        row = SupportContactRow(name=name, reach=reach, kind=kind, position=int(last or 0) + 1)
        self._session.add(row)
        self._session.flush()
        return _to_contact(row)

    def update(
        self, contact_id: int, name: str, reach: str, kind: ContactKind
    ) -> SupportContact | None:
        row = self._session.get(SupportContactRow, contact_id)
        if row is None:
            return None
        row.name, row.reach, row.kind = name, reach, kind
        return _to_contact(row)

    def delete(self, contact_id: int) -> bool:
        row = self._session.get(SupportContactRow, contact_id)
        if row is None:
            return False
        self._session.delete(row)
        return True
