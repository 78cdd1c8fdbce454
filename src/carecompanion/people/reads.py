"""The contacts' and groups' read queries as plain SQL.

One implementation for two callers: the repositories run them inside a SQLAlchemy unit of
work (``ContactRepository.reads``, ``GroupRepository.reads``), and the command line's read
path runs them on a bare SQLCipher connection (cli/quick_read.py), which never imports
SQLAlchemy: importing it and the models cost a read command about 0.25 s (issue 17). So
nothing here imports SQLAlchemy or the models; statements name the tables of
people/models.py, parameters are named (":contact_id"), which both SQLite and SQLAlchemy's
driver calls accept, and each column is decoded as the models' column type would decode it
(timestamps by ``stored_time.from_stored``, as ``UtcDateTime`` does; booleans by ``bool``).
Statements are assembled from this module's own constant fragments; every value is a bound
parameter.

A contact's or group's child rows (phones, e-mails, "how they help", the latest logged
contact, members, a schedule's changed meetings) come in one query each, not one per
contact or group. Photos are never read, only whether there is one: a list must not pull
every picture into memory.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, datetime, time, tzinfo
from typing import Any, TypeVar

from carecompanion.people import vcard_extra
from carecompanion.people.due import next_check_in
from carecompanion.people.meetings import (
    FREQUENCIES,
    GROUP_KINDS,
    Group,
    Schedule,
    ScheduleException,
)
from carecompanion.people.records import RELATIONS, Contact, Email, Phone
from carecompanion.storage.connection import Rows
from carecompanion.storage.stored_time import from_stored

Params = Mapping[str, Any]
T = TypeVar("T")

_CONTACT_COLUMNS = (
    "people_contacts.id, people_contacts.uid, people_contacts.name, people_contacts.relation, "
    "people_contacts.role, people_contacts.address, people_contacts.notes, "
    "people_contacts.best_times, people_contacts.is_emergency, people_contacts.check_in_days, "
    "people_contacts.created_at, people_contacts.updated_at, people_contacts.vcard_extra"
)
_GROUP_COLUMNS = (
    "people_groups.id, people_groups.uid, people_groups.name, people_groups.kind, "
    "people_groups.location, people_groups.facilitator_id, people_contacts.name, "
    "people_groups.notes, people_groups.created_at, people_groups.updated_at"
)
_SCHEDULE_COLUMNS = (
    "people_group_schedules.group_id, people_group_schedules.id, "
    "people_group_schedules.frequency, people_group_schedules.interval, "
    "people_group_schedules.week_of_month, people_group_schedules.first_date, "
    "people_group_schedules.start_time, people_group_schedules.duration_minutes, "
    "people_group_schedules.tz, people_group_schedules.until_date"
)
_EXCEPTION_COLUMNS = (
    "people_schedule_exceptions.schedule_id, people_schedule_exceptions.original_date, "
    "people_schedule_exceptions.cancelled, people_schedule_exceptions.new_date, "
    "people_schedule_exceptions.new_time, people_schedule_exceptions.duration_minutes, "
    "people_schedule_exceptions.note"
)


def _where(conditions: Sequence[str]) -> str:
    return " WHERE " + " AND ".join(conditions) if conditions else ""


def _owned_by(column: str, table: str, conditions: Sequence[str]) -> list[str]:
    """The condition that ``column`` names one of the rows of ``table`` that meet
    ``conditions``; none when every row is read."""
    if not conditions:
        return []
    return [f"{column} IN (SELECT {table}.id FROM {table}{_where(conditions)})"]


def _one_of(value: object, allowed: tuple[T, ...], otherwise: T) -> T:
    """``value`` if it is one of ``allowed``, else ``otherwise`` (a word a later version
    wrote, read by this one)."""
    for option in allowed:
        if option == value:
            return option
    return otherwise


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def _time(text: str | None) -> time | None:
    return time.fromisoformat(text) if text else None


class ContactReads:
    """The contact reads, run by ``rows`` (storage/connection.py's ``Rows``). Contacts come
    back with their due day worked out (``due.next_check_in``) in the zone ``tz``."""

    def __init__(self, rows: Rows, tz: tzinfo | None) -> None:
        self._rows = rows
        self._tz = tz

    def contacts(self) -> list[Contact]:
        """Every contact, in no particular order."""
        return self._read([], {})

    def emergency_contacts(self) -> list[Contact]:
        return self._read(["people_contacts.is_emergency = 1"], {})

    def contact(self, contact_id: int) -> Contact | None:
        found = self._read(["people_contacts.id = :contact_id"], {"contact_id": contact_id})
        return found[0] if found else None

    def _read(self, conditions: Sequence[str], params: Params) -> list[Contact]:
        rows = self._rows(
            f"SELECT {_CONTACT_COLUMNS} FROM people_contacts{_where(conditions)} "
            "ORDER BY people_contacts.id",
            params,
        )
        phones = self._children("people_contact_phones", ("number", "kind"), conditions, params)
        emails = self._children("people_contact_emails", ("address", "kind"), conditions, params)
        helps = self._children("people_contact_helps", ("text",), conditions, params)
        last = self._last_contacts(conditions, params)
        photos = self._with_photo(conditions, params)
        contacts = []
        for row in rows:
            contact_id = row[0]
            relation = _one_of(row[3], RELATIONS, "other")
            last_contact_at = last.get(contact_id)
            created_at = from_stored(row[10])
            contacts.append(
                Contact(
                    id=contact_id,
                    uid=row[1],
                    name=row[2],
                    relation=relation,
                    role=row[4],
                    phones=tuple(
                        Phone(number, kind) for number, kind in phones.get(contact_id, ())
                    ),
                    emails=tuple(
                        Email(address, kind) for address, kind in emails.get(contact_id, ())
                    ),
                    address=row[5],
                    notes=row[6],
                    helps=tuple(text for (text,) in helps.get(contact_id, ())),
                    best_times=row[7],
                    is_emergency=bool(row[8]),
                    check_in_days=row[9],
                    has_photo=contact_id in photos,
                    last_contact_at=last_contact_at,
                    next_check_in=next_check_in(row[9], last_contact_at, created_at, self._tz),
                    created_at=created_at,
                    updated_at=from_stored(row[11]),
                    vcard_extra=vcard_extra.from_json(row[12]),
                )
            )
        return contacts

    def _children(
        self, table: str, columns: Sequence[str], conditions: Sequence[str], params: Params
    ) -> dict[int, list[Sequence[Any]]]:
        """``table``'s ``columns`` by contact id, in each contact's order (``position``)."""
        owned = _owned_by(f"{table}.contact_id", "people_contacts", conditions)
        selected = ", ".join(f"{table}.{column}" for column in ("contact_id", *columns))
        sql = (
            f"SELECT {selected} FROM {table}{_where(owned)} "
            f"ORDER BY {table}.contact_id, {table}.position"
        )
        found: dict[int, list[Sequence[Any]]] = {}
        for row in self._rows(sql, params):
            found.setdefault(row[0], []).append(row[1:])
        return found

    def _last_contacts(self, conditions: Sequence[str], params: Params) -> dict[int, datetime]:
        """The latest logged contact per contact id."""
        owned = _owned_by("people_contact_log.contact_id", "people_contacts", conditions)
        sql = (
            "SELECT people_contact_log.contact_id, max(people_contact_log.at) "
            f"FROM people_contact_log{_where(owned)} GROUP BY people_contact_log.contact_id"
        )
        return {row[0]: from_stored(row[1]) for row in self._rows(sql, params)}

    def _with_photo(self, conditions: Sequence[str], params: Params) -> set[int]:
        where = _where([*conditions, "people_contacts.photo IS NOT NULL"])
        sql = f"SELECT people_contacts.id FROM people_contacts{where}"
        return {row[0] for row in self._rows(sql, params)}


class GroupReads:
    """The group reads, run by ``rows`` (storage/connection.py's ``Rows``)."""

    def __init__(self, rows: Rows) -> None:
        self._rows = rows

    def groups(self) -> list[Group]:
        """Every group, in no particular order."""
        return self._read([], {})

    def group(self, group_id: int) -> Group | None:
        found = self._read(["people_groups.id = :group_id"], {"group_id": group_id})
        return found[0] if found else None

    def _read(self, conditions: Sequence[str], params: Params) -> list[Group]:
        rows = self._rows(
            f"SELECT {_GROUP_COLUMNS} FROM people_groups LEFT JOIN people_contacts "
            "ON people_contacts.id = people_groups.facilitator_id"
            f"{_where(conditions)} ORDER BY people_groups.id",
            params,
        )
        owned = _owned_by("people_group_members.group_id", "people_groups", conditions)
        members: dict[int, list[int]] = {}
        for group_id, contact_id in self._rows(
            "SELECT people_group_members.group_id, people_group_members.contact_id "
            f"FROM people_group_members{_where(owned)} "
            "ORDER BY people_group_members.group_id, people_group_members.contact_id",
            params,
        ):
            members.setdefault(group_id, []).append(contact_id)
        schedules, exceptions = self._schedules(conditions, params)
        groups = []
        for row in rows:
            group_id = row[0]
            kind = _one_of(row[3], GROUP_KINDS, "in_person")
            groups.append(
                Group(
                    id=group_id,
                    uid=row[1],
                    name=row[2],
                    kind=kind,
                    location=row[4],
                    facilitator_id=row[5],
                    facilitator_name=row[6] if row[6] is not None else "",
                    member_ids=tuple(members.get(group_id, ())),
                    notes=row[7],
                    schedule=schedules.get(group_id),
                    exceptions=tuple(exceptions.get(group_id, ())),
                    created_at=from_stored(row[8]),
                    updated_at=from_stored(row[9]),
                )
            )
        return groups

    def _schedules(
        self, conditions: Sequence[str], params: Params
    ) -> tuple[dict[int, Schedule], dict[int, list[ScheduleException]]]:
        """The schedules by group id, and each scheduled group's changed meetings by
        original day."""
        owned = _owned_by("people_group_schedules.group_id", "people_groups", conditions)
        schedules: dict[int, Schedule] = {}
        group_of: dict[int, int] = {}  # schedule id -> group id
        for row in self._rows(
            f"SELECT {_SCHEDULE_COLUMNS} FROM people_group_schedules{_where(owned)}",
            params,
        ):
            group_of[row[1]] = row[0]
            schedules[row[0]] = Schedule(
                first=date.fromisoformat(row[5]),
                start=time.fromisoformat(row[6]),
                tz=row[8],
                duration_minutes=row[7],
                frequency=_one_of(row[2], FREQUENCIES, "once"),
                interval=row[3],
                week_of_month=row[4],
                until=_day(row[9]),
            )
        exceptions: dict[int, list[ScheduleException]] = {}
        if not group_of:
            return schedules, exceptions
        of_schedules = _owned_by(
            "people_schedule_exceptions.schedule_id", "people_group_schedules", owned
        )
        for row in self._rows(
            f"SELECT {_EXCEPTION_COLUMNS} FROM people_schedule_exceptions"
            f"{_where(of_schedules)} ORDER BY people_schedule_exceptions.schedule_id, "
            "people_schedule_exceptions.original_date",
            params,
        ):
            exceptions.setdefault(group_of[row[0]], []).append(
                ScheduleException(
                    original=date.fromisoformat(row[1]),
                    cancelled=bool(row[2]),
                    new_day=_day(row[3]),
                    new_start=_time(row[4]),
                    duration_minutes=row[5],
                    note=row[6],
                )
            )
        return schedules, exceptions
