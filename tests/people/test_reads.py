"""The contacts' and groups' plain-SQL reads (people/reads.py) decode every column as the
models' column types do: checked against the ORM's own reading of the same rows, an oracle
that shares no code with them (timestamps through ``UtcDateTime``, flags through
``Boolean``, child rows in their relationships' order)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from carecompanion.clock import FixedClock
from carecompanion.people import vcard_extra
from carecompanion.people.contacts import PeopleService
from carecompanion.people.due import next_check_in
from carecompanion.people.groups import GroupService
from carecompanion.people.meetings import Group, GroupDraft, Schedule, ScheduleException
from carecompanion.people.models import ContactRow, GroupRow, LogRow, ScheduleRow
from carecompanion.people.records import Contact, ContactDraft, Email, Phone, VCardProperty
from carecompanion.storage.database import Database
from carecompanion.storage.types import UtcDateTime
from tests.people.conftest import LONDON, PNG


def _fill(people: PeopleService, groups: GroupService, clock: FixedClock) -> None:
    jose = people.add(
        ContactDraft(
            name="José Müller",
            relation="peer",
            phones=(Phone("+44 7700 900123", "mobile"), Phone("020 7946 0958", "home")),
            emails=(Email("jose@example.org", "work"), Email("j@example.fr")),
            address="1 Rue de la Paix\nParis",
            notes="Knows Mum — since 1990",
            helps=("listens", "drives", "cooks"),
            best_times="evenings",
            is_emergency=True,
            check_in_days=7,
        )
    )
    people.log_contact(jose.id, "call", "Rang him ☎", clock.now() - timedelta(days=10))
    people.log_contact(jose.id, "visit", "", clock.now() - timedelta(days=3))
    ann = people.add(ContactDraft(name="ann"))
    doctor = people.add(ContactDraft(name="Dr Émile", relation="professional", role="GP"))
    people.set_photo(doctor.id, PNG)
    kept = people.add(ContactDraft(name="Renée", check_in_days=1))
    clock.advance(60)
    people.update(kept.id, ContactDraft(name="Renée Dupont", check_in_days=2))
    today = clock.now().date()
    evening = groups.add(
        GroupDraft(
            name="Évening carers",
            kind="video",
            location="https://meet.example/abc",
            facilitator_id=jose.id,
            member_ids=(jose.id, ann.id),
            notes="Bring tea ☕",
            schedule=Schedule.weekly(
                today + timedelta(days=1), time(19), "Europe/London", 90, 2, today + timedelta(99)
            ),
        )
    )
    groups.cancel_meeting(evening.id, today + timedelta(days=15), note="Holiday")
    groups.move_meeting(
        evening.id, today + timedelta(days=1), today + timedelta(days=2), time(18, 30), 45, "Hall"
    )
    groups.add(
        GroupDraft(
            name="coffee morning",
            facilitator_id=doctor.id,
            schedule=Schedule.monthly(4, -1, today, time(10), "America/New_York"),
        )
    )
    groups.add(GroupDraft(name="Phone tree", kind="phone"))
    people.delete(doctor.id)  # the coffee morning loses its facilitator


def _orm_contacts(database: Database) -> list[Contact]:
    with database.session() as session:
        last = dict(
            session.execute(
                select(LogRow.contact_id, func.max(LogRow.at, type_=UtcDateTime)).group_by(
                    LogRow.contact_id
                )
            ).all()
        )
        photos = set(session.scalars(select(ContactRow.id).where(ContactRow.photo.is_not(None))))
        rows = session.scalars(
            select(ContactRow).options(
                selectinload(ContactRow.phones),
                selectinload(ContactRow.emails),
                selectinload(ContactRow.helps),
            )
        )
        return [
            Contact(
                id=row.id,
                uid=row.uid,
                name=row.name,
                relation=row.relation,  # type: ignore[arg-type]
                role=row.role,
                phones=tuple(Phone(p.number, p.kind) for p in row.phones),
                emails=tuple(Email(e.address, e.kind) for e in row.emails),
                address=row.address,
                notes=row.notes,
                helps=tuple(h.text for h in row.helps),
                best_times=row.best_times,
                is_emergency=row.is_emergency,
                check_in_days=row.check_in_days,
                has_photo=row.id in photos,
                last_contact_at=last.get(row.id),
                next_check_in=next_check_in(
                    row.check_in_days, last.get(row.id), row.created_at, LONDON
                ),
                created_at=row.created_at,
                updated_at=row.updated_at,
                vcard_extra=vcard_extra.from_json(row.vcard_extra),
            )
            for row in rows
        ]


def _orm_groups(database: Database) -> list[Group]:
    with database.session() as session:
        rows = session.scalars(
            select(GroupRow).options(
                selectinload(GroupRow.members),
                selectinload(GroupRow.facilitator),
                selectinload(GroupRow.schedule).selectinload(ScheduleRow.exceptions),
            )
        )
        groups = []
        for row in rows:
            schedule = row.schedule
            groups.append(
                Group(
                    id=row.id,
                    uid=row.uid,
                    name=row.name,
                    kind=row.kind,  # type: ignore[arg-type]
                    location=row.location,
                    facilitator_id=row.facilitator_id,
                    facilitator_name=row.facilitator.name if row.facilitator else "",
                    member_ids=tuple(member.id for member in row.members),
                    notes=row.notes,
                    schedule=None
                    if schedule is None
                    else Schedule(
                        first=date.fromisoformat(schedule.first_date),
                        start=time.fromisoformat(schedule.start_time),
                        tz=schedule.tz,
                        duration_minutes=schedule.duration_minutes,
                        frequency=schedule.frequency,  # type: ignore[arg-type]
                        interval=schedule.interval,
                        week_of_month=schedule.week_of_month,
                        until=date.fromisoformat(schedule.until_date)
                        if schedule.until_date
                        else None,
                    ),
                    exceptions=()
                    if schedule is None
                    else tuple(
                        ScheduleException(
                            original=date.fromisoformat(e.original_date),
                            cancelled=e.cancelled,
                            new_day=date.fromisoformat(e.new_date) if e.new_date else None,
                            new_start=time.fromisoformat(e.new_time) if e.new_time else None,
                            duration_minutes=e.duration_minutes,
                            note=e.note,
                        )
                        for e in schedule.exceptions
                    ),
                    created_at=row.created_at,
                    updated_at=row.updated_at,
                )
            )
        return groups


def test_contacts_read_as_the_models_read_them(
    database: Database, people: PeopleService, groups: GroupService, clock: FixedClock
) -> None:
    _fill(people, groups, clock)
    with people.reading() as reads:
        plain = sorted(reads.contacts(), key=lambda c: c.id)
        emergency = reads.emergency_contacts()
        one = reads.contact(plain[0].id)
    oracle = sorted(_orm_contacts(database), key=lambda c: c.id)
    assert repr(plain) == repr(oracle)  # values and their types
    assert emergency == [c for c in oracle if c.is_emergency] and one == oracle[0]
    # Control: the contacts use what is compared.
    assert not any(c.has_photo for c in plain), "the doctor with the photo was deleted"
    assert plain[0].last_contact_at == clock.now() - timedelta(days=3, seconds=60)
    assert plain[0].phones[1] == Phone("020 7946 0958", "home") and plain[0].helps[2] == "cooks"
    assert plain[2].updated_at > plain[2].created_at


def test_a_photo_and_a_kept_card_are_read_as_the_models_read_them(
    database: Database, people: PeopleService
) -> None:
    photographed = people.add(ContactDraft(name="Maya"))
    people.set_photo(photographed.id, PNG)
    with database.session() as session:  # as an imported card keeps its ORG
        row = session.get(ContactRow, photographed.id)
        assert row is not None
        row.vcard_extra = vcard_extra.to_json((VCardProperty("ORG", "Carers' Centre"),))
    with people.reading() as reads:
        plain = reads.contacts()
    assert repr(plain) == repr(_orm_contacts(database))
    assert plain[0].has_photo and plain[0].vcard_extra[0].value == "Carers' Centre"


def test_groups_read_as_the_models_read_them(
    database: Database, people: PeopleService, groups: GroupService, clock: FixedClock
) -> None:
    _fill(people, groups, clock)
    with groups.reading() as reads:
        plain = sorted(reads.groups(), key=lambda g: g.id)
        one = reads.group(plain[0].id)
    oracle = sorted(_orm_groups(database), key=lambda g: g.id)
    assert repr(plain) == repr(oracle)
    assert one == oracle[0]
    # Control: the groups use what is compared.
    evening, coffee, phone = plain
    assert evening.facilitator_name == "José Müller" and len(evening.member_ids) == 2
    assert {e.cancelled for e in evening.exceptions} == {True, False}
    assert evening.schedule is not None and evening.schedule.until is not None
    assert coffee.facilitator_id is None and coffee.facilitator_name == ""
    assert coffee.schedule is not None and coffee.schedule.week_of_month == -1
    assert phone.schedule is None and phone.exceptions == ()
    assert isinstance(evening.created_at, datetime)
