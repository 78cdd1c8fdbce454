"""The people tables, on the shared declarative ``Base`` (so Alembic sees one metadata).

Layout decisions:

- Phones, e-mails and "how they help" are child tables, not JSON: a contact has several of
  each, the duplicate check looks phones and e-mails up, and a child row per value keeps
  every one inside SQLCipher's pages like any other column.
- The contact log is its own table; a contact's last contact is ``max(at)`` of its log, so
  deleting a mistaken entry puts the due date back without any bookkeeping.
- The photo is a deferred column: listing contacts must not pull every picture into memory.
- What an imported vCard held beyond the contact's fields is one JSON column
  (``vcard_extra``), only ever read and written whole: it is written back on export, and the
  app shows two of its properties (the organisation and the birthday).
- A group's schedule is a child row (none for a group that has no fixed meetings); local
  dates and times are stored as text in the group's own IANA time zone, never as UTC, since
  "19:00 every Tuesday" stays 19:00 across daylight-saving changes.
- Crisis lines are copied from the built-in list into ``people_crisis_resources`` when the
  country is chosen, so the person can edit them; the country and emergency number live in
  ``people_settings`` (inside the vault: they say where the person lives).

The migrations do not import this module (they keep their own copy of what they create);
the model-versus-migration tests gather every domain's models (tests/helpers.py).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Column,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from carecompanion.storage.models import Base
from carecompanion.storage.types import UtcDateTime

group_members = Table(
    "people_group_members",
    Base.metadata,
    Column(
        "group_id", Integer, ForeignKey("people_groups.id", ondelete="CASCADE"), primary_key=True
    ),
    Column(
        "contact_id",
        Integer,
        ForeignKey("people_contacts.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    Index("ix_people_group_members_contact_id", "contact_id"),
)


class ContactRow(Base):
    __tablename__ = "people_contacts"
    __table_args__ = (
        CheckConstraint(
            "check_in_days IS NULL OR check_in_days BETWEEN 1 AND 3650",
            name="ck_people_contacts_check_in_days",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(Text)
    relation: Mapped[str] = mapped_column(String(16), default="friend")
    role: Mapped[str] = mapped_column(Text, default="")
    address: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    best_times: Mapped[str] = mapped_column(Text, default="")
    is_emergency: Mapped[bool] = mapped_column(Boolean, default=False, index=True)
    check_in_days: Mapped[int | None] = mapped_column(Integer)
    photo: Mapped[bytes | None] = mapped_column(LargeBinary, deferred=True)
    photo_type: Mapped[str] = mapped_column(String(32), default="")
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime)
    # vCard properties an import read that no column holds (ORG, BDAY, the structured N...),
    # JSON, written back on export: see people.vcard_extra. "" for none.
    vcard_extra: Mapped[str] = mapped_column(Text, default="", server_default="")

    phones: Mapped[list[PhoneRow]] = relationship(
        order_by="PhoneRow.position", cascade="all, delete-orphan", passive_deletes=True
    )
    emails: Mapped[list[EmailRow]] = relationship(
        order_by="EmailRow.position", cascade="all, delete-orphan", passive_deletes=True
    )
    helps: Mapped[list[HelpRow]] = relationship(
        order_by="HelpRow.position", cascade="all, delete-orphan", passive_deletes=True
    )


class PhoneRow(Base):
    __tablename__ = "people_contact_phones"

    id: Mapped[int] = mapped_column(primary_key=True)
    contact_id: Mapped[int] = mapped_column(
        ForeignKey("people_contacts.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(default=0)
    number: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(Text, default="mobile")


class EmailRow(Base):
    __tablename__ = "people_contact_emails"

    id: Mapped[int] = mapped_column(primary_key=True)
    contact_id: Mapped[int] = mapped_column(
        ForeignKey("people_contacts.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(default=0)
    address: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(Text, default="home")


class HelpRow(Base):
    """One "how they help" tag of one contact."""

    __tablename__ = "people_contact_helps"

    contact_id: Mapped[int] = mapped_column(
        ForeignKey("people_contacts.id", ondelete="CASCADE"), primary_key=True
    )
    position: Mapped[int] = mapped_column(primary_key=True)
    text: Mapped[str] = mapped_column(Text)


class LogRow(Base):
    __tablename__ = "people_contact_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    contact_id: Mapped[int] = mapped_column(
        ForeignKey("people_contacts.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(16))
    at: Mapped[datetime] = mapped_column(UtcDateTime, index=True)
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)


class GroupRow(Base):
    __tablename__ = "people_groups"

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(16), default="in_person")
    location: Mapped[str] = mapped_column(Text, default="")  # an address or a meeting link
    facilitator_id: Mapped[int | None] = mapped_column(
        ForeignKey("people_contacts.id", ondelete="SET NULL"), index=True
    )
    notes: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime)

    facilitator: Mapped[ContactRow | None] = relationship(foreign_keys=[facilitator_id])
    members: Mapped[list[ContactRow]] = relationship(
        secondary=group_members, order_by=ContactRow.id
    )
    schedule: Mapped[ScheduleRow | None] = relationship(
        cascade="all, delete-orphan", passive_deletes=True
    )


class ScheduleRow(Base):
    """When a group meets. ``first_date`` is always a meeting day; ``start_time`` is local in
    ``tz``; ``frequency`` is once, weekly (``interval`` 2: every other week) or monthly on the
    ``week_of_month``-th weekday of ``first_date`` (-1: the last)."""

    __tablename__ = "people_group_schedules"
    __table_args__ = (
        CheckConstraint(
            "frequency IN ('once', 'weekly', 'monthly')", name="ck_people_group_schedules_frequency"
        ),
        CheckConstraint("interval BETWEEN 1 AND 52", name="ck_people_group_schedules_interval"),
        CheckConstraint(
            "duration_minutes BETWEEN 1 AND 1440", name="ck_people_group_schedules_duration"
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    group_id: Mapped[int] = mapped_column(
        ForeignKey("people_groups.id", ondelete="CASCADE"), unique=True
    )
    frequency: Mapped[str] = mapped_column(String(8))
    interval: Mapped[int] = mapped_column(Integer, default=1)
    week_of_month: Mapped[int | None] = mapped_column(Integer)
    first_date: Mapped[str] = mapped_column(String(10))  # YYYY-MM-DD, local
    start_time: Mapped[str] = mapped_column(String(5))  # HH:MM, local
    duration_minutes: Mapped[int] = mapped_column(Integer, default=60)
    tz: Mapped[str] = mapped_column(String(64))  # IANA name
    until_date: Mapped[str | None] = mapped_column(String(10))

    exceptions: Mapped[list[ScheduleExceptionRow]] = relationship(
        order_by="ScheduleExceptionRow.original_date",
        cascade="all, delete-orphan",
        passive_deletes=True,
    )


class ScheduleExceptionRow(Base):
    """One meeting that is cancelled, or moved to another local date and time."""

    __tablename__ = "people_schedule_exceptions"
    __table_args__ = (
        UniqueConstraint("schedule_id", "original_date", name="uq_people_schedule_exceptions_day"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    schedule_id: Mapped[int] = mapped_column(
        ForeignKey("people_group_schedules.id", ondelete="CASCADE")
    )
    original_date: Mapped[str] = mapped_column(String(10))
    cancelled: Mapped[bool] = mapped_column(Boolean, default=False)
    new_date: Mapped[str | None] = mapped_column(String(10))
    new_time: Mapped[str | None] = mapped_column(String(5))
    duration_minutes: Mapped[int | None] = mapped_column(Integer)
    note: Mapped[str] = mapped_column(Text, default="")


class CrisisResourceRow(Base):
    __tablename__ = "people_crisis_resources"

    id: Mapped[int] = mapped_column(primary_key=True)
    position: Mapped[int] = mapped_column(default=0)
    name: Mapped[str] = mapped_column(Text)
    phone: Mapped[str] = mapped_column(Text, default="")
    text_number: Mapped[str] = mapped_column(Text, default="")  # where to send a text message
    url: Mapped[str] = mapped_column(Text, default="")
    hours: Mapped[str] = mapped_column(Text, default="")
    description: Mapped[str] = mapped_column(Text, default="")
    source_url: Mapped[str] = mapped_column(Text, default="")


class PeopleSettingRow(Base):
    """Small people preferences that say something personal (the crisis-line country)."""

    __tablename__ = "people_settings"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text, default="")
