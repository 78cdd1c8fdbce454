"""The mood tables, on the shared declarative ``Base`` (so Alembic sees one metadata).

Layout decisions (see docs/mood.md for the long form):

- Activities are normalised: ``mood_activities`` is the person's editable self-care list and
  ``mood_checkin_activities`` links check-ins to it. Renaming "walk" to "A walk" then renames
  it in every past check-in at once, and "what lifts your mood" groups by one row, not by
  spellings. JSON text would need every check-in rewritten on a rename.
- Emotions are a plain child table of names (``mood_checkin_emotions``): the list offered is
  fixed in code (``carecompanion.mood.defaults``) and never edited, so a catalogue table would
  buy nothing; a child table still lets SQL count and filter them.
- Assessment answers are JSON text: a fixed-length list of small integers whose meaning is
  defined by the instrument, always read and scored whole, never queried piecemeal.
- Reminder time and "start in the tray" are not here: they reveal nothing personal and live in
  QSettings. The nudge's snooze date does reveal something (that mood was low), so it lives
  in ``mood_settings`` inside the vault.

The migrations do not import this module (they keep their own copy of what they create);
the model-versus-migration tests gather every domain's models (tests/helpers.py).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    CheckConstraint,
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from carecompanion.journal.models import EntryRow
from carecompanion.storage.models import Base
from carecompanion.storage.types import UtcDateTime

checkin_activities = Table(
    "mood_checkin_activities",
    Base.metadata,
    Column(
        "checkin_id", Integer, ForeignKey("mood_checkins.id", ondelete="CASCADE"), primary_key=True
    ),
    Column(
        "activity_id",
        Integer,
        ForeignKey("mood_activities.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    Index("ix_mood_checkin_activities_activity_id", "activity_id"),
)


class ActivityRow(Base):
    __tablename__ = "mood_activities"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(80, collation="NOCASE"), unique=True)
    position: Mapped[int] = mapped_column(default=0)
    archived: Mapped[bool] = mapped_column(default=False)


class EmotionRow(Base):
    __tablename__ = "mood_checkin_emotions"

    checkin_id: Mapped[int] = mapped_column(
        ForeignKey("mood_checkins.id", ondelete="CASCADE"), primary_key=True
    )
    name: Mapped[str] = mapped_column(String(80), primary_key=True)
    position: Mapped[int] = mapped_column(default=0)


class CheckInRow(Base):
    __tablename__ = "mood_checkins"
    __table_args__ = (
        CheckConstraint("mood BETWEEN 1 AND 5", name="ck_mood_checkins_mood"),
        CheckConstraint(
            "stress IS NULL OR stress BETWEEN 0 AND 10", name="ck_mood_checkins_stress"
        ),
        CheckConstraint(
            "energy IS NULL OR energy BETWEEN 0 AND 10", name="ck_mood_checkins_energy"
        ),
        CheckConstraint(
            "sleep_hours IS NULL OR sleep_hours BETWEEN 0 AND 24",
            name="ck_mood_checkins_sleep_hours",
        ),
        CheckConstraint(
            "care_hours IS NULL OR care_hours BETWEEN 0 AND 24", name="ck_mood_checkins_care_hours"
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(String(32), unique=True)
    at: Mapped[datetime] = mapped_column(UtcDateTime, index=True)
    # The local day (YYYY-MM-DD) fixed when saved; every chart and range query uses it.
    day: Mapped[str] = mapped_column(String(10), index=True)
    mood: Mapped[int] = mapped_column()
    stress: Mapped[int | None] = mapped_column()
    sleep_hours: Mapped[float | None] = mapped_column(Float)
    energy: Mapped[int | None] = mapped_column()
    care_hours: Mapped[float | None] = mapped_column(Float)
    note: Mapped[str] = mapped_column(Text, default="")
    # The journal entry written about this check-in, if any. Named by its column, not by
    # the string "journal_entries.id": a string resolves only once the journal's tables are
    # imported, and the ORM refuses to write check-ins until it does.
    entry_id: Mapped[int | None] = mapped_column(
        ForeignKey(EntryRow.id, ondelete="SET NULL"), index=True
    )
    source: Mapped[str] = mapped_column(String(16), default="app")
    # See carecompanion.mood.fingerprint: how a second import of the same file adds nothing.
    fingerprint: Mapped[str] = mapped_column(String(64), index=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime)

    activities: Mapped[list[ActivityRow]] = relationship(
        secondary=checkin_activities, order_by=(ActivityRow.position, ActivityRow.id)
    )
    emotions: Mapped[list[EmotionRow]] = relationship(
        order_by="EmotionRow.position", cascade="all, delete-orphan", passive_deletes=True
    )


class AssessmentRow(Base):
    """One completed self-check, kept with the wording of its result as it was shown."""

    __tablename__ = "mood_assessments"

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(String(32), unique=True)
    instrument: Mapped[str] = mapped_column(String(32), index=True)
    taken_at: Mapped[datetime] = mapped_column(UtcDateTime, index=True)
    day: Mapped[str] = mapped_column(String(10))
    answers: Mapped[str] = mapped_column(Text)  # JSON list of integers, in item order
    score: Mapped[int] = mapped_column()
    # True/False where the instrument has a published threshold, None where it has none.
    high: Mapped[bool | None] = mapped_column()
    interpretation: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)


class SupportContactRow(Base):
    __tablename__ = "mood_support_contacts"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    reach: Mapped[str] = mapped_column(Text, default="")
    kind: Mapped[str] = mapped_column(String(16), default="person")
    position: Mapped[int] = mapped_column(default=0)


class MoodSettingRow(Base):
    """Small mood preferences that say something personal (so not in QSettings)."""

    __tablename__ = "mood_settings"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text, default="")
