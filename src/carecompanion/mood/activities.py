"""The person's own self-care list: add, rename, reorder, hide, delete."""

from __future__ import annotations

import builtins
from collections.abc import Sequence

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from carecompanion.mood import errors as said
from carecompanion.mood.errors import ActivityNotFound, InvalidName
from carecompanion.mood.models import ActivityRow, checkin_activities
from carecompanion.mood.records import Activity
from carecompanion.mood.validation import clean_name, clean_names
from carecompanion.storage.database import Database


def _to_activity(row: ActivityRow) -> Activity:
    return Activity(id=row.id, name=row.name, position=row.position, archived=row.archived)


class ActivityResolver:
    """Turns names into rows of the list within one database session (matched ignoring case);
    unknown names are added at the end of the list, so an activity typed once can be picked
    next time. Reads the (short) list once, so an import of thousands of check-ins does not
    read it thousands of times."""

    def __init__(self, session: Session) -> None:
        self._session = session
        # Matched in Python, where casefold() also folds non-ASCII letters (SQLite's lower()
        # and NOCASE only fold A-Z).
        self._rows = {row.name.casefold(): row for row in session.scalars(select(ActivityRow))}
        self._next: int | None = None

    def __call__(self, names: Sequence[str]) -> list[ActivityRow]:
        rows = []
        for name in clean_names(names, "activity"):
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


def _next_position(session: Session) -> int:
    return int(session.scalar(select(func.max(ActivityRow.position))) or 0) + 1


class ActivityCatalog:
    """CRUD for ``mood_activities``; reached as ``MoodService.activities``."""

    def __init__(self, database: Database) -> None:
        self._db = database

    def list(self, include_archived: bool = False) -> builtins.list[Activity]:
        """In the person's order; archived ones only when asked (the settings page)."""
        query = select(ActivityRow).order_by(ActivityRow.position, ActivityRow.id)
        if not include_archived:
            query = query.where(ActivityRow.archived.is_(False))
        with self._db.session() as session:
            return [_to_activity(row) for row in session.scalars(query)]

    def add(self, name: str) -> Activity:
        cleaned = clean_name(name, "activity")
        with self._db.session() as session:
            self._refuse_taken(session, cleaned)
            row = ActivityRow(name=cleaned, position=_next_position(session), archived=False)
            session.add(row)
            session.flush()
            return _to_activity(row)

    def rename(self, activity_id: int, name: str) -> Activity:
        """Renames it everywhere, past check-ins included (they point at this one row)."""
        cleaned = clean_name(name, "activity")
        with self._db.session() as session:
            row = self._row(session, activity_id)
            self._refuse_taken(session, cleaned, except_id=activity_id)
            row.name = cleaned
            return _to_activity(row)

    def set_archived(self, activity_id: int, archived: bool) -> Activity:
        with self._db.session() as session:
            row = self._row(session, activity_id)
            row.archived = archived
            return _to_activity(row)

    def reorder(self, activity_ids: Sequence[int]) -> builtins.list[Activity]:
        """Put the given ids first, in that order; any others keep their order after them."""
        with self._db.session() as session:
            rows = builtins.list(
                session.scalars(select(ActivityRow).order_by(ActivityRow.position, ActivityRow.id))
            )
            by_id = {row.id: row for row in rows}
            for activity_id in activity_ids:
                if activity_id not in by_id:
                    raise ActivityNotFound(activity_id)
            ordered = [by_id[i] for i in dict.fromkeys(activity_ids)]
            ordered += [row for row in rows if row.id not in set(activity_ids)]
            for position, row in enumerate(ordered):
                row.position = position
            return [_to_activity(row) for row in ordered]

    def usage(self, activity_id: int) -> int:
        """How many check-ins mention it: what a "delete" confirmation should say."""
        with self._db.session() as session:
            self._row(session, activity_id)
            count = session.scalar(
                select(func.count())
                .select_from(checkin_activities)
                .where(checkin_activities.c.activity_id == activity_id)
            )
            return int(count or 0)

    def delete(self, activity_id: int) -> None:
        """Removes it from the list and from every past check-in (archive to keep history)."""
        with self._db.session() as session:
            session.delete(self._row(session, activity_id))

    @staticmethod
    def _row(session: Session, activity_id: int) -> ActivityRow:
        row = session.get(ActivityRow, activity_id)
        if row is None:
            raise ActivityNotFound(activity_id)
        return row

    @staticmethod
    def _refuse_taken(session: Session, name: str, except_id: int | None = None) -> None:
        for row in session.scalars(select(ActivityRow)):
            if row.name.casefold() == name.casefold() and row.id != except_id:
                raise InvalidName(said.ACTIVITY_TAKEN)
