"""Plain, frozen values for support groups and their meetings. No database, no Qt.

A group's ``Schedule`` is in the group's own IANA time zone: ``first`` is the first meeting's
local date (always a meeting day), ``start`` its local start time. Recurrence is once, weekly
(``interval`` 2 for every other week) or monthly on the ``week_of_month``-th weekday of
``first`` (1 to 5, or -1 for the last: "the last Friday"). Single meetings can be cancelled or
moved with a ``ScheduleException``.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Literal

Frequency = Literal["once", "weekly", "monthly"]
FREQUENCIES: tuple[Frequency, ...] = ("once", "weekly", "monthly")
GroupKind = Literal["in_person", "video", "phone"]
GROUP_KINDS: tuple[GroupKind, ...] = ("in_person", "video", "phone")
GROUP_KIND_LABELS: dict[GroupKind, str] = {
    "in_person": "In person",
    "video": "Video call",
    "phone": "Phone call",
}
WEEKDAY_CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")  # RFC 5545's, Monday first
WEEKS_OF_MONTH = (1, 2, 3, 4, 5, -1)
_ORDINALS = {1: "first", 2: "second", 3: "third", 4: "fourth", 5: "fifth", -1: "last"}


def nth_weekday(year: int, month: int, weekday: int, n: int) -> date | None:
    """The ``n``-th ``weekday`` (0 Monday) of a month, -1 for the last; None if the month
    has no such day (a fifth Tuesday)."""
    days_in_month = calendar.monthrange(year, month)[1]
    if n == -1:
        last = date(year, month, days_in_month)
        return last - timedelta(days=(last.weekday() - weekday) % 7)
    first = date(year, month, 1)
    day = 1 + (weekday - first.weekday()) % 7 + 7 * (n - 1)
    return date(year, month, day) if day <= days_in_month else None


@dataclass(frozen=True)
class Schedule:
    first: date
    start: time
    tz: str
    duration_minutes: int = 60
    frequency: Frequency = "weekly"
    interval: int = 1
    week_of_month: int | None = None
    until: date | None = None

    @classmethod
    def once(cls, day: date, start: time, tz: str, duration_minutes: int = 60) -> Schedule:
        return cls(day, start, tz, duration_minutes, "once")

    @classmethod
    def weekly(
        cls,
        first: date,
        start: time,
        tz: str,
        duration_minutes: int = 60,
        every_weeks: int = 1,
        until: date | None = None,
    ) -> Schedule:
        return cls(first, start, tz, duration_minutes, "weekly", every_weeks, None, until)

    @classmethod
    def monthly(
        cls,
        weekday: int,
        week_of_month: int,
        on_or_after: date,
        start: time,
        tz: str,
        duration_minutes: int = 60,
        until: date | None = None,
    ) -> Schedule:
        """The ``week_of_month``-th ``weekday`` of every month, from the first such day on
        or after ``on_or_after``."""
        year, month = on_or_after.year, on_or_after.month
        for _ in range(14):  # a fifth weekday turns up within a few months
            day = nth_weekday(year, month, weekday, week_of_month)
            if day is not None and day >= on_or_after:
                return cls(day, start, tz, duration_minutes, "monthly", 1, week_of_month, until)
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        raise ValueError("no such weekday in the coming year")

    @property
    def weekday(self) -> int:
        return self.first.weekday()

    def describe(self) -> str:
        """In words: "Every other Tuesday at 19:00 (Europe/London)"."""
        day_name = calendar.day_name[self.weekday]
        clock = self.start.strftime("%H:%M")
        if self.frequency == "once":
            text = f"Once, on {self.first.isoformat()} at {clock}"
        elif self.frequency == "weekly":
            every = {1: "Every", 2: "Every other"}.get(
                self.interval, f"Every {self.interval} weeks on"
            )
            text = f"{every} {day_name} at {clock}"
        else:
            ordinal = _ORDINALS.get(self.week_of_month or 0, str(self.week_of_month))
            text = f"The {ordinal} {day_name} of each month at {clock}"
        return f"{text} ({self.tz})"


@dataclass(frozen=True)
class ScheduleException:
    """One meeting (``original``: its local date by the rule) cancelled, or moved to
    ``new_day`` / ``new_start`` (either may be None: same day or same time)."""

    original: date
    cancelled: bool = False
    new_day: date | None = None
    new_start: time | None = None
    duration_minutes: int | None = None
    note: str = ""

    @property
    def moved(self) -> bool:
        return not self.cancelled and (
            self.new_day is not None
            or self.new_start is not None
            or self.duration_minutes is not None
        )


@dataclass(frozen=True)
class GroupDraft:
    name: str
    kind: GroupKind = "in_person"
    location: str = ""  # the address, or the link for a video call, or the number to dial
    facilitator_id: int | None = None
    member_ids: tuple[int, ...] = ()
    notes: str = ""
    schedule: Schedule | None = None


@dataclass(frozen=True)
class Group:
    id: int
    uid: str
    name: str
    kind: GroupKind
    location: str
    facilitator_id: int | None
    facilitator_name: str
    member_ids: tuple[int, ...]
    notes: str
    schedule: Schedule | None
    exceptions: tuple[ScheduleException, ...]
    created_at: datetime
    updated_at: datetime

    def to_draft(self) -> GroupDraft:
        return GroupDraft(
            name=self.name,
            kind=self.kind,
            location=self.location,
            facilitator_id=self.facilitator_id,
            member_ids=self.member_ids,
            notes=self.notes,
            schedule=self.schedule,
        )


@dataclass(frozen=True)
class Occurrence:
    """One meeting. ``start`` and ``end`` are aware, in the group's zone (convert with
    ``astimezone()`` to show them in the person's own; subtract them in UTC, since Python
    subtracts two times in one zone by their clocks); ``original_day`` identifies the
    meeting for cancel/move even after it was moved."""

    group_id: int
    group_name: str
    kind: GroupKind
    location: str
    start: datetime
    end: datetime
    original_day: date
    moved: bool = False
    cancelled: bool = False
    note: str = ""
