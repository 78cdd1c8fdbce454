"""Check-ins, their links and the mood settings, within one unit of work.

Check-ins are read by plain SQL in ``reads`` (mood/reads.py: rows, not ORM objects, so ten
years of check-ins reach the charts quickly), shared with the command line's read path,
which runs the same queries without SQLAlchemy; ``reads`` here runs them in this unit of
work.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime
from typing import Any, TypedDict

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from carecompanion.journal.models import EntryRow
from carecompanion.mood.models import (
    ActivityRow,
    CheckInRow,
    EmotionRow,
    MoodSettingRow,
)
from carecompanion.mood.reads import MoodReads
from carecompanion.mood.records import CheckIn
from carecompanion.mood.repository.activities import ActivityResolver

_IN_CHUNK = 500  # values per IN (...) list: SQLite caps bound parameters

# A check-in changed as a whole brings its activities and emotions in two extra queries.
_LOADED = (selectinload(CheckInRow.activities), selectinload(CheckInRow.emotions))


class CheckInValues(TypedDict):
    """A check-in's columns as the service worked them out (the day fixed in the person's
    zone, the fingerprint taken), with its activity and emotion names already cleaned."""

    at: datetime
    day: str
    mood: int
    stress: int | None
    sleep_hours: float | None
    energy: int | None
    care_hours: float | None
    note: str
    entry_id: int | None
    fingerprint: str
    updated_at: datetime
    activities: tuple[str, ...]
    emotions: tuple[str, ...]


class CheckInRepository:
    """The check-in tables (and ``mood_settings``) within one unit of work."""

    def __init__(self, session: Session) -> None:
        self._session = session
        # The check-in reads (plain SQL, shared with the command line).
        self.reads = MoodReads(self._driver_rows)
        # Activity names -> rows for the rest of this unit of work: an import names the
        # same few activities thousands of times.
        self._resolve: ActivityResolver | None = None

    # -- reads --------------------------------------------------------------------------------
    def checkin(self, checkin_id: int) -> CheckIn | None:
        return self.reads.checkin(checkin_id)

    def between(self, since: date | None, until: date | None) -> list[CheckIn]:
        """Check-ins whose local day is within ``since`` .. ``until`` (inclusive), oldest
        first."""
        return self.reads.between(since, until)

    def for_entry(self, entry_id: int) -> list[CheckIn]:
        return self.reads.for_entry(entry_id)

    def count(self) -> int:
        return int(self._session.scalar(select(func.count(CheckInRow.id))) or 0)

    def taken_at(self, checkin_id: int) -> datetime | None:
        """When the check-in was taken; None if there is no such check-in."""
        return self._session.scalar(select(CheckInRow.at).where(CheckInRow.id == checkin_id))

    def entry_exists(self, entry_id: int) -> bool:
        """Whether the journal holds that entry (a check-in may link to it)."""
        found = self._session.scalar(select(EntryRow.id).where(EntryRow.id == entry_id))
        return found is not None

    def existing_fingerprints(self, fingerprints: Iterable[str]) -> set[str]:
        """Those of ``fingerprints`` a saved check-in already has."""
        wanted = sorted(set(fingerprints))
        found: set[str] = set()
        for start in range(0, len(wanted), _IN_CHUNK):
            chunk = wanted[start : start + _IN_CHUNK]
            found.update(
                self._session.scalars(
                    select(CheckInRow.fingerprint).where(CheckInRow.fingerprint.in_(chunk))
                )
            )
        return found

    def activity_names(self) -> list[str]:
        """Every name on the person's self-care list, archived ones too."""
        return list(self._session.scalars(select(ActivityRow.name)))

    # -- writes -------------------------------------------------------------------------------
    def insert(self, uid: str, source: str, created_at: datetime, values: CheckInValues) -> int:
        """A new check-in (its unknown activities join the list); its id."""
        row = CheckInRow(uid=uid, source=source, created_at=created_at)
        self._fill(row, values)
        self._session.add(row)
        self._session.flush()
        return row.id

    def update(self, checkin_id: int, values: CheckInValues) -> bool:
        """Replace every field; False if there is no such check-in."""
        row = self._row(checkin_id)
        if row is None:
            return False
        self._fill(row, values)
        self._session.flush()
        return True

    def link_entry(self, checkin_id: int, entry_id: int | None, updated_at: datetime) -> bool:
        row = self._row(checkin_id)
        if row is None:
            return False
        row.entry_id = entry_id
        row.updated_at = updated_at
        self._session.flush()
        return True

    def delete(self, checkin_id: int) -> bool:
        """The check-in with its emotions and activity links; False if there was none."""
        row = self._row(checkin_id)
        if row is None:
            return False
        self._session.delete(row)
        return True

    # -- settings -----------------------------------------------------------------------------
    def setting(self, key: str) -> str | None:
        row = self._session.get(MoodSettingRow, key)
        return row.value if row is not None else None

    def set_setting(self, key: str, value: str) -> None:
        row = self._session.get(MoodSettingRow, key)
        if row is None:
            self._session.add(MoodSettingRow(key=key, value=value))
        else:
            row.value = value

    # -- helpers ------------------------------------------------------------------------------
    def _row(self, checkin_id: int) -> CheckInRow | None:
        return self._session.scalar(
            select(CheckInRow).options(*_LOADED).where(CheckInRow.id == checkin_id)
        )

    def _fill(self, row: CheckInRow, values: CheckInValues) -> None:
        if self._resolve is None:
            self._resolve = ActivityResolver(self._session)
        row.at = values["at"]
        row.day = values["day"]
        row.mood = values["mood"]
        row.stress = values["stress"]
        row.sleep_hours = values["sleep_hours"]
        row.energy = values["energy"]
        row.care_hours = values["care_hours"]
        row.note = values["note"]
        row.entry_id = values["entry_id"]
        row.fingerprint = values["fingerprint"]
        row.activities = self._resolve(values["activities"])
        row.emotions = [
            EmotionRow(name=name, position=position)
            for position, name in enumerate(values["emotions"])
        ]
        row.updated_at = values["updated_at"]

    def _driver_rows(self, sql: str, params: Mapping[str, Any]) -> Sequence[Sequence[Any]]:
        """Runs one of ``reads``' statements in this unit of work, after writing out what
        it changed (as the ORM's own queries would: a check-in re-read after an update)."""
        self._session.flush()
        return self._session.connection().exec_driver_sql(sql, dict(params)).all()
