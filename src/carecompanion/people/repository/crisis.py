"""The person's crisis lines and the people settings, within one unit of work."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from carecompanion.people.models import CrisisResourceRow, PeopleSettingRow
from carecompanion.people.records import CrisisResource, CrisisResourceDraft


def _to_resource(row: CrisisResourceRow) -> CrisisResource:
    return CrisisResource(
        id=row.id,
        position=row.position,
        name=row.name,
        phone=row.phone,
        text_number=row.text_number,
        url=row.url,
        hours=row.hours,
        description=row.description,
        source_url=row.source_url,
    )


class CrisisRepository:
    """``people_crisis_resources`` and ``people_settings`` within one unit of work."""

    def __init__(self, session: Session) -> None:
        self._session = session

    # -- the lines ----------------------------------------------------------------------------
    def lines(self) -> list[CrisisResource]:
        rows = self._session.scalars(
            select(CrisisResourceRow).order_by(CrisisResourceRow.position, CrisisResourceRow.id)
        )
        return [_to_resource(row) for row in rows]

    def replace_lines(self, lines: Sequence[CrisisResourceDraft]) -> None:
        """Every stored line gives way to ``lines``, in their order."""
        self._session.execute(delete(CrisisResourceRow))
        for position, line in enumerate(lines):
            self._session.add(CrisisResourceRow(position=position, **asdict(line)))

    def insert(self, line: CrisisResourceDraft) -> CrisisResource:
        """At the end of the list."""
        last = self._session.scalar(select(func.max(CrisisResourceRow.position)))
        row = CrisisResourceRow(position=(last if last is not None else -1) + 1, **asdict(line))
        self._session.add(row)
        self._session.flush()
        return _to_resource(row)

    def update(self, resource_id: int, line: CrisisResourceDraft) -> CrisisResource | None:
        row = self._session.get(CrisisResourceRow, resource_id)
        if row is None:
            return None
        for name, value in asdict(line).items():
            setattr(row, name, value)
        return _to_resource(row)

    def delete(self, resource_id: int) -> bool:
        row = self._session.get(CrisisResourceRow, resource_id)
        if row is None:
            return False
        self._session.delete(row)
        return True

    # -- settings -----------------------------------------------------------------------------
    def setting(self, key: str) -> str | None:
        row = self._session.get(PeopleSettingRow, key)
        return row.value if row is not None else None

    def set_setting(self, key: str, value: str) -> None:
        row = self._session.get(PeopleSettingRow, key)
        if row is None:
            self._session.add(PeopleSettingRow(key=key, value=value))
        else:
            row.value = value
