"""Plain, frozen values the mood services take and return. No database, no Qt.

Scales (chosen to be quick to answer and easy to chart):

- ``mood``: a whole number 1 to 5 (1 awful, 2 bad, 3 okay, 4 good, 5 great); required.
- ``stress``: 0 to 10 (0 none at all, 10 the most you can imagine); optional.
- ``energy``: 0 to 10 (0 exhausted, 10 full of energy); optional. The same 0-10 slider as
  stress, so the two read alike on one chart.
- ``sleep_hours`` and ``care_hours``: hours, 0 to 24, quarter hours are fine; optional.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Literal

from carecompanion.mood.instruments import Score, score

MOOD_MIN = 1
MOOD_MAX = 5
SCALE_MIN = 0  # stress and energy
SCALE_MAX = 10
HOURS_MAX = 24.0
NOTE_MAX_CHARS = 20_000  # generous: imported Daylio diaries can be long
NAME_MAX_CHARS = 80
MAX_NAMES = 40  # activities or emotions on one check-in

# Words for the five moods, worst to best. The UI pairs them with faces; exports use them too.
MOOD_WORDS: dict[int, str] = {1: "awful", 2: "bad", 3: "okay", 4: "good", 5: "great"}

Source = Literal["app", "cli", "daylio"]
ContactKind = Literal["person", "crisis"]


@dataclass(frozen=True)
class CheckInDraft:
    """What a person enters; ``at`` None means "now" (the service's clock decides)."""

    mood: int
    stress: int | None = None
    sleep_hours: float | None = None
    energy: int | None = None
    care_hours: float | None = None
    activities: tuple[str, ...] = ()
    emotions: tuple[str, ...] = ()
    note: str = ""
    at: datetime | None = None
    entry_id: int | None = None


@dataclass(frozen=True)
class CheckIn:
    """A saved check-in. ``at`` is aware (UTC); ``day`` is the local calendar day it counts for,
    fixed when it was saved, so a late-evening check-in stays on its evening."""

    id: int
    uid: str
    at: datetime
    day: date
    mood: int
    stress: int | None
    sleep_hours: float | None
    energy: int | None
    care_hours: float | None
    activities: tuple[str, ...]
    emotions: tuple[str, ...]
    note: str
    entry_id: int | None
    source: str
    created_at: datetime
    updated_at: datetime

    def to_draft(self) -> CheckInDraft:
        """The editable form of this check-in (for a "correct this check-in" dialog)."""
        return CheckInDraft(
            mood=self.mood,
            stress=self.stress,
            sleep_hours=self.sleep_hours,
            energy=self.energy,
            care_hours=self.care_hours,
            activities=self.activities,
            emotions=self.emotions,
            note=self.note,
            at=self.at,
            entry_id=self.entry_id,
        )


@dataclass(frozen=True)
class DayStat:
    """One local day with at least one check-in, as the charts see it.

    ``mood``, ``stress`` and ``energy`` are the means of that day's check-ins (``None`` when
    none recorded the value). ``sleep_hours`` and ``care_hours`` describe the whole day, so a
    later check-in corrects an earlier one: they are the last value recorded that day.
    ``activities`` and ``emotions`` are everything mentioned on any check-in of the day.
    """

    day: date
    mood: float
    checkins: int
    mood_low: int
    mood_high: int
    stress: float | None = None
    energy: float | None = None
    sleep_hours: float | None = None
    care_hours: float | None = None
    activities: frozenset[str] = field(default_factory=frozenset)
    emotions: frozenset[str] = field(default_factory=frozenset)


@dataclass(frozen=True)
class Activity:
    """One entry of the person's own self-care list. Archived ones are hidden from the
    check-in dialog but stay on past check-ins and in the statistics."""

    id: int
    name: str
    position: int
    archived: bool


@dataclass(frozen=True)
class SupportContact:
    """Someone the person chose to reach out to, or a crisis line they entered themselves."""

    id: int
    name: str
    reach: str  # how to reach them: a phone number, an address, a web page
    kind: ContactKind
    position: int


@dataclass(frozen=True)
class ImportPreview:
    """What an import would do, computed before anything is written."""

    total: int
    new: int
    duplicates: int
    first_day: date | None
    last_day: date | None
    new_activities: tuple[str, ...]


@dataclass(frozen=True)
class ImportResult:
    added: int
    duplicates: int


@dataclass(frozen=True)
class SavedAssessment:
    """A self-check as saved: the answers, and the result as it was shown then."""

    id: int
    instrument_id: str
    taken_at: datetime
    day: date
    answers: tuple[int, ...]
    score: int
    high: bool | None
    interpretation: str

    def rescore(self) -> Score:
        """The full result again (with its reasons), from the saved answers."""
        return score(self.instrument_id, self.answers)
