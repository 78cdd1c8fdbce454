"""The check-ins' plain-SQL reads (mood/reads.py) decode every column as the models' column
types do: checked against the ORM's own reading of the same rows, an oracle that shares no
code with them (timestamps through ``UtcDateTime``, activities in the list's order)."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from carecompanion.clock import FixedClock
from carecompanion.journal.service import JournalService
from carecompanion.mood.models import CheckInRow
from carecompanion.mood.records import CheckIn, CheckInDraft
from carecompanion.mood.service import MoodService
from carecompanion.storage.database import Database


def _orm_checkins(database: Database) -> list[CheckIn]:
    with database.session() as session:
        rows = session.scalars(
            select(CheckInRow)
            .options(selectinload(CheckInRow.activities), selectinload(CheckInRow.emotions))
            .order_by(CheckInRow.at, CheckInRow.id)
        )
        return [
            CheckIn(
                id=row.id,
                uid=row.uid,
                at=row.at,
                day=date.fromisoformat(row.day),
                mood=row.mood,
                stress=row.stress,
                sleep_hours=row.sleep_hours,
                energy=row.energy,
                care_hours=row.care_hours,
                activities=tuple(a.name for a in row.activities),
                emotions=tuple(e.name for e in row.emotions),
                note=row.note,
                entry_id=row.entry_id,
                source=row.source,
                created_at=row.created_at,
                updated_at=row.updated_at,
            )
            for row in rows
        ]


def test_checkins_read_as_the_models_read_them(
    database: Database, mood: MoodService, clock: FixedClock
) -> None:
    catalog = mood.activities
    choir, cafe, allotment = (catalog.add(n) for n in ("Choir", "Café with Zoë", "Allotment"))
    catalog.reorder([cafe.id, allotment.id, choir.id])
    catalog.set_archived(allotment.id, True)
    now = clock.now()
    entry = JournalService(database, clock).add("A hard day", "Written about it.", [])
    full = mood.add(
        CheckInDraft(
            mood=4,
            stress=3,
            sleep_hours=7.5,
            energy=6,
            care_hours=2.25,
            activities=("Choir", "Café with Zoë", "Allotment"),
            emotions=("grateful", "calm", "tired"),
            note="Zoë came — ñ, 字",
            at=now - timedelta(days=3),
            entry_id=entry.id,
        ),
        source="cli",
    )
    mood.add(CheckInDraft(mood=2, at=now - timedelta(days=2)))
    mood.add(CheckInDraft(mood=5, stress=0, sleep_hours=8.0, energy=0, care_hours=0.0, at=now))
    mood.import_drafts([CheckInDraft(mood=3, note="from Daylio", at=now - timedelta(days=9))])
    clock.advance(30)
    mood.update(full.id, full.to_draft())  # updated later than created
    oracle = _orm_checkins(database)
    with mood.reading() as reads:
        plain = reads.between(None, None)
        one = reads.checkin(full.id)
        linked = reads.for_entry(entry.id)
        some = reads.between(oracle[1].day, oracle[2].day)
    assert repr(plain) == repr(oracle)  # values and their types
    assert one == oracle[1] and linked == [oracle[1]] and oracle[1].entry_id == entry.id
    assert some == [c for c in oracle if oracle[1].day <= c.day <= oracle[2].day]
    # Control: the check-ins use what is compared.
    assert plain[1].activities == ("Café with Zoë", "Allotment", "Choir")
    assert plain[1].emotions == ("grateful", "calm", "tired")
    assert plain[1].updated_at > plain[1].created_at and plain[0].source == "daylio"
    assert plain[2].stress is None and isinstance(plain[3].sleep_hours, float)
