"""The check-ins' read queries as plain SQL.

One implementation for two callers: the check-in repository runs them inside a SQLAlchemy
unit of work (``CheckInRepository.reads``), and the command line's read path runs them on a
bare SQLCipher connection (cli/quick_read.py), which never imports SQLAlchemy: importing it
and the models cost a read command about 0.25 s (issue 17). So nothing here imports
SQLAlchemy or the models; statements name the tables of mood/models.py, and the parameters
are named (":since"), which both SQLite and SQLAlchemy's driver calls accept. Statements are
assembled from this module's own constant fragments; every value is a bound parameter.

Check-ins come back as frozen ``CheckIn`` values, never as ORM objects: ten years of
check-ins must reach the charts quickly. Building ORM objects (and parsing every timestamp
with ``strptime``) took about half a second for 4,500 check-ins; reading the stored text
with ``stored_time.from_stored`` and fetching activity and emotion names in two ordered
queries takes a fraction of that.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from carecompanion.mood.records import CheckIn
from carecompanion.storage.connection import Rows
from carecompanion.storage.stored_time import from_stored

_CHECKIN_COLUMNS = (
    "mood_checkins.id, mood_checkins.uid, mood_checkins.at, mood_checkins.day, "
    "mood_checkins.mood, mood_checkins.stress, mood_checkins.sleep_hours, "
    "mood_checkins.energy, mood_checkins.care_hours, mood_checkins.note, "
    "mood_checkins.entry_id, mood_checkins.source, mood_checkins.created_at, "
    "mood_checkins.updated_at"
)


class MoodReads:
    """The check-in reads, run by ``rows`` (storage/connection.py's ``Rows``)."""

    def __init__(self, rows: Rows) -> None:
        self._rows = rows

    def checkin(self, checkin_id: int) -> CheckIn | None:
        found = self._read(["mood_checkins.id = :checkin_id"], {"checkin_id": checkin_id})
        return found[0] if found else None

    def between(self, since: date | None, until: date | None) -> list[CheckIn]:
        """Check-ins whose local day is within ``since`` .. ``until`` (inclusive), oldest
        first."""
        conditions, params = [], {}
        if since is not None:
            conditions.append("mood_checkins.day >= :since")
            params["since"] = since.isoformat()
        if until is not None:
            conditions.append("mood_checkins.day <= :until")
            params["until"] = until.isoformat()
        return self._read(conditions, params)

    def for_entry(self, entry_id: int) -> list[CheckIn]:
        """The check-ins linked to a journal entry, oldest first."""
        return self._read(["mood_checkins.entry_id = :entry_id"], {"entry_id": entry_id})

    def _read(self, conditions: Sequence[str], params: Mapping[str, Any]) -> list[CheckIn]:
        """The check-ins meeting every one of ``conditions``, oldest first, with their
        activities and emotions."""
        where = " WHERE " + " AND ".join(conditions) if conditions else ""
        rows = self._rows(
            f"SELECT {_CHECKIN_COLUMNS} FROM mood_checkins{where} "
            "ORDER BY mood_checkins.at, mood_checkins.id",
            params,
        )

        def among(table: str) -> str:
            """The rows of ``table`` that belong to the check-ins read (all: no condition)."""
            if not where:
                return ""
            subquery = f"SELECT mood_checkins.id FROM mood_checkins{where}"
            return f" WHERE {table}.checkin_id IN ({subquery})"

        # Link rows are read without joining the check-ins table (a lookup per row into wide
        # pages of notes was most of the cost); the small activity list is read once and the
        # names are put in the list's order here.
        catalogue = {
            row[0]: (row[1], row[0], row[2])
            for row in self._rows(
                "SELECT mood_activities.id, mood_activities.position, mood_activities.name "
                "FROM mood_activities",
                {},
            )
        }
        links = (
            "SELECT mood_checkin_activities.checkin_id, mood_checkin_activities.activity_id "
            "FROM mood_checkin_activities"
        )
        links += among("mood_checkin_activities")
        ranked: dict[int, list[tuple[int, int, str]]] = {}
        for checkin_id, activity_id in self._rows(links, params):
            ranked.setdefault(checkin_id, []).append(catalogue[activity_id])
        activities = {key: [name for *_, name in sorted(value)] for key, value in ranked.items()}
        feelings = (
            "SELECT mood_checkin_emotions.checkin_id, mood_checkin_emotions.position, "
            "mood_checkin_emotions.name FROM mood_checkin_emotions"
        )
        feelings += among("mood_checkin_emotions")
        placed: dict[int, list[tuple[int, str]]] = {}
        for checkin_id, position, name in self._rows(feelings, params):
            placed.setdefault(checkin_id, []).append((position, name))
        emotions = {key: [name for _, name in sorted(value)] for key, value in placed.items()}
        return [
            CheckIn(
                id=row[0],
                uid=row[1],
                at=from_stored(row[2]),
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
                created_at=from_stored(row[12]),
                updated_at=from_stored(row[13]),
            )
            for row in rows
        ]
