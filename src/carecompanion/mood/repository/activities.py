"""The person's self-care list (``mood_activities``) within one unit of work."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from carecompanion.mood.models import ActivityRow, checkin_activities
from carecompanion.mood.records import Activity

_IN_ORDER = (ActivityRow.position, ActivityRow.id)


def _to_activity(row: ActivityRow) -> Activity:
    return Activity(id=row.id, name=row.name, position=row.position, archived=row.archived)


def _next_position(session: Session) -> int:
    return int(session.scalar(select(func.max(ActivityRow.position))) or 0) + 1


class ActivityResolver:
    """Turns names (already cleaned) into rows of the list within one database session,
    matched ignoring case; unknown names are added at the end of the list, so an activity
    typed once can be picked next time. Reads the (short) list once, so an import of
    thousands of check-ins does not read it thousands of times."""

    def __init__(self, session: Session) -> None:
        self._session = session
        # Matched in Python, where casefold() also folds non-ASCII letters (SQLite's lower()
        # and NOCASE only fold A-Z).
        self._rows = {row.name.casefold(): row for row in session.scalars(select(ActivityRow))}
        self._next: int | None = None

    def __call__(self, names: Sequence[str]) -> list[ActivityRow]:
        rows = []
        for name in names:
            row = self._rows.get(name.casefold())
            if row is None:
                if self._next is None:
                    self._next = _next_position(self._session)
                row = ActivityRow(name=name, position=self._next, archived=False)
                self._next += 1
                self._session.add(row)
                self._rows[name.casefold()] = row
            rows.append(row)
        return rows


class ActivityRepository:
    """``mood_activities`` within one unit of work."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def activities(self, *, include_archived: bool) -> list[Activity]:
        """In the person's order."""
        query = select(ActivityRow).order_by(*_IN_ORDER)
        if not include_archived:
            query = query.where(ActivityRow.archived.is_(False))
        return [_to_activity(row) for row in self._session.scalars(query)]

    def exists(self, activity_id: int) -> bool:
        return self._session.get(ActivityRow, activity_id) is not None

    def insert(self, name: str) -> Activity:
        """At the end of the list."""
        row = ActivityRow(name=name, position=_next_position(self._session), archived=False)
        self._session.add(row)
        self._session.flush()
        return _to_activity(row)

    def rename(self, activity_id: int, name: str) -> Activity | None:
        row = self._session.get(ActivityRow, activity_id)
        if row is None:
            return None
        row.name = name
        return _to_activity(row)

    def set_archived(self, activity_id: int, archived: bool) -> Activity | None:
        row = self._session.get(ActivityRow, activity_id)
        if row is None:
            return None
        row.archived = archived
        return _to_activity(row)

    def set_positions(self, activity_ids: Sequence[int]) -> list[Activity]:
        """Number the given activities 0, 1, 2… in that order (every id must exist)."""
        rows = {row.id: row for row in self._session.scalars(select(ActivityRow))}
        for position, activity_id in enumerate(activity_ids):
            rows[activity_id].position = position
        return [_to_activity(rows[activity_id]) for activity_id in activity_ids]

    def usage(self, activity_id: int) -> int:
        """How many check-ins mention it."""
        count = self._session.scalar(
            select(func.count())
            .select_from(checkin_activities)
            .where(checkin_activities.c.activity_id == activity_id)
        )
        return int(count or 0)

    def delete(self, activity_id: int) -> bool:
        """Off the list and off every past check-in; False if there was none."""
        row = self._session.get(ActivityRow, activity_id)
        if row is None:
            return False
        self._session.delete(row)
        return True
