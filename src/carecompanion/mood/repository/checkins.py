"""Check-ins, their links and the mood settings, within one unit of work.

Reads are plain SQL rows, not ORM objects: ten years of check-ins must reach the charts
quickly. Building ORM objects (and parsing every timestamp with ``strptime``, as the shared
``UtcDateTime`` type does) took about half a second for 4,500 check-ins; reading the stored
text with ``datetime.fromisoformat`` and fetching activity and emotion names in two ordered
queries takes a fraction of that.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime
from typing import TypedDict

from sqlalchemy import ColumnElement, String, func, select, type_coerce
from sqlalchemy.orm import Session, selectinload

from carecompanion.journal.models import EntryRow
from carecompanion.mood.models import (
    ActivityRow,
    CheckInRow,
    EmotionRow,
    MoodSettingRow,
    checkin_activities,
)
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


def _instant(text: str) -> datetime:
    # UtcDateTime stores "YYYY-MM-DDTHH:MM:SS.ffffffZ"; fromisoformat reads it as aware UTC.
    return datetime.fromisoformat(text)


def _day_filter(since: date | None, until: date | None) -> list[ColumnElement[bool]]:
    clauses = []
    if since is not None:
        clauses.append(CheckInRow.day >= since.isoformat())
    if until is not None:
        clauses.append(CheckInRow.day <= until.isoformat())
    return clauses


class CheckInRepository:
    """The check-in tables (and ``mood_settings``) within one unit of work."""

    def __init__(self, session: Session) -> None:
        self._session = session
        # Activity names -> rows for the rest of this unit of work: an import names the
        # same few activities thousands of times.
        self._resolve: ActivityResolver | None = None

    # -- reads --------------------------------------------------------------------------------
    def checkin(self, checkin_id: int) -> CheckIn | None:
        found = self._read([CheckInRow.id == checkin_id])
        return found[0] if found else None

    def between(self, since: date | None, until: date | None) -> list[CheckIn]:
        """Check-ins whose local day is within ``since`` .. ``until`` (inclusive), oldest
        first."""
        return self._read(_day_filter(since, until))

    def for_entry(self, entry_id: int) -> list[CheckIn]:
        return self._read([CheckInRow.entry_id == entry_id])

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

    def _read(self, where: Sequence[ColumnElement[bool]]) -> list[CheckIn]:
        """The check-ins matching ``where``, oldest first, with their activities and
        emotions."""
        session = self._session
        rows = session.execute(
            select(
                CheckInRow.id,
                CheckInRow.uid,
                type_coerce(CheckInRow.at, String),
                CheckInRow.day,
                CheckInRow.mood,
                CheckInRow.stress,
                CheckInRow.sleep_hours,
                CheckInRow.energy,
                CheckInRow.care_hours,
                CheckInRow.note,
                CheckInRow.entry_id,
                CheckInRow.source,
                type_coerce(CheckInRow.created_at, String),
                type_coerce(CheckInRow.updated_at, String),
            )
            .where(*where)
            .order_by(CheckInRow.at, CheckInRow.id)
        ).all()
        # Link rows are read without joining the check-ins table (a lookup per row into wide
        # pages of notes was most of the cost); the small activity list is read once and the
        # names are put in the list's order here.
        ids = select(CheckInRow.id).where(*where).scalar_subquery() if where else None
        catalogue = {
            row.id: (row.position, row.id, row.name)
            for row in session.execute(
                select(ActivityRow.id, ActivityRow.position, ActivityRow.name)
            )
        }
        links = select(checkin_activities.c.checkin_id, checkin_activities.c.activity_id)
        if ids is not None:
            links = links.where(checkin_activities.c.checkin_id.in_(ids))
        ranked: dict[int, list[tuple[int, int, str]]] = {}
        for checkin_id, activity_id in session.execute(links):
            ranked.setdefault(checkin_id, []).append(catalogue[activity_id])
        activities = {key: [name for *_, name in sorted(value)] for key, value in ranked.items()}
        feelings = select(EmotionRow.checkin_id, EmotionRow.position, EmotionRow.name)
        if ids is not None:
            feelings = feelings.where(EmotionRow.checkin_id.in_(ids))
        placed: dict[int, list[tuple[int, str]]] = {}
        for checkin_id, position, name in session.execute(feelings):
            placed.setdefault(checkin_id, []).append((position, name))
        emotions = {key: [name for _, name in sorted(value)] for key, value in placed.items()}
        return [
            CheckIn(
                id=row[0],
                uid=row[1],
                at=_instant(row[2]),
                day=date.fromisoformat(row[3]),
                mood=row[4],
                stress=row[5],
                sleep_hours=row[6],
                energy=row[7],
                care_hours=row[8],
                activities=tuple(activities.get(row[0], ())),
                emotions=tuple(emotions.get(row[0], ())),
                note=row[9],
                entry_id=row[10],
                source=row[11],
                created_at=_instant(row[12]),
                updated_at=_instant(row[13]),
            )
            for row in rows
        ]
