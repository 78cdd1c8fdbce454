"""The personal baseline and the gentle nudge rule (pure; documented in docs/mood.md).

The rule, for the local day ``today``:

- the *recent window* is the 14 days ending today (today-13 .. today);
- the *baseline window* is the 60 days before it (today-73 .. today-14);
- each window's mean is the mean of its daily mean moods (days without a check-in are left
  out, so several check-ins on one bad day do not count for more than one day).

The nudge is shown when any of these holds:

1. ``BELOW_BASELINE``: at least 10 check-in days in the recent window, at least 20 in the
   baseline window, and recent mean <= baseline mean - 0.75;
2. ``LOW_MOOD``: at least 10 check-in days in the recent window and a recent mean <= 2.0
   (mostly "bad" or "awful"), whatever the baseline;
3. ``HIGH_STRESS``: at least 10 days with a stress rating in the recent window and a mean daily
   stress >= 7 (of 10);
4. ``SELF_CHECK``: a self-check taken in the recent window met its questionnaire's published
   threshold (see carecompanion.mood.instruments).

Comparisons allow 1e-9 for floating-point rounding, so a mean of exactly 3.25 against a
baseline of exactly 4.0 counts as 0.75 below it. The nudge points only to the person's own
support contacts and crisis lines; it says what it noticed, never what it means.
"""

from __future__ import annotations

import enum
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from carecompanion.mood.records import DayStat

RECENT_DAYS = 14
BASELINE_DAYS = 60
MIN_RECENT_DAYS = 10
MIN_BASELINE_DAYS = 20
BASELINE_DROP = 0.75
LOW_MOOD_MEAN = 2.0
HIGH_STRESS_MEAN = 7.0
EPSILON = 1e-9


class NudgeReason(enum.Enum):
    BELOW_BASELINE = "below_baseline"
    LOW_MOOD = "low_mood"
    HIGH_STRESS = "high_stress"
    SELF_CHECK = "self_check"

    @property
    def text(self) -> str:
        """What was noticed, in plain and gentle words (no judgement, no diagnosis)."""
        return _REASON_TEXT[self]


_REASON_TEXT = {
    NudgeReason.BELOW_BASELINE: "Your check-ins over the last two weeks have been lower than "
    "usual for you.",
    NudgeReason.LOW_MOOD: "Many of your check-ins over the last two weeks have been on the low "
    "side.",
    NudgeReason.HIGH_STRESS: "You have noted a lot of stress over the last two weeks.",
    NudgeReason.SELF_CHECK: "A recent self-check suggested you are carrying a lot right now.",
}

NUDGE_INVITATION = (
    "Caring for someone is hard work, and stretches like this happen to many caregivers. "
    "It might help to talk with someone you trust, or to take a little time for yourself."
)
EMERGENCY_NOTE = "If you ever feel you might harm yourself, call your local emergency number now."


@dataclass(frozen=True)
class Window:
    """The days from ``start`` to ``end`` inclusive, and what the check-ins in them say."""

    start: date
    end: date
    days: int  # days with a check-in
    mood_mean: float | None
    stress_days: int
    stress_mean: float | None


@dataclass(frozen=True)
class NudgeCheck:
    """The whole evaluation, so the UI can explain it and tests can see each figure."""

    today: date
    recent: Window
    baseline: Window
    reasons: tuple[NudgeReason, ...]

    @property
    def show(self) -> bool:
        return bool(self.reasons)


def _window(days: Sequence[DayStat], start: date, end: date) -> Window:
    inside = [d for d in days if start <= d.day <= end]
    moods = [d.mood for d in inside]
    stress = [d.stress for d in inside if d.stress is not None]
    return Window(
        start=start,
        end=end,
        days=len(inside),
        mood_mean=math.fsum(moods) / len(moods) if moods else None,
        stress_days=len(stress),
        stress_mean=math.fsum(stress) / len(stress) if stress else None,
    )


def recent_window(days: Sequence[DayStat], today: date) -> Window:
    return _window(days, today - timedelta(days=RECENT_DAYS - 1), today)


def personal_baseline(days: Sequence[DayStat], today: date) -> Window:
    """The person's own usual: the 60 days before the recent two weeks."""
    end = today - timedelta(days=RECENT_DAYS)
    return _window(days, end - timedelta(days=BASELINE_DAYS - 1), end)


def check_nudge(
    days: Sequence[DayStat], today: date, self_check_days: Iterable[date] = ()
) -> NudgeCheck:
    """Apply the rule above. ``self_check_days``: days of self-checks that met their
    questionnaire's threshold."""
    recent = recent_window(days, today)
    baseline = personal_baseline(days, today)
    reasons = []
    if recent.days >= MIN_RECENT_DAYS and recent.mood_mean is not None:
        if (
            baseline.days >= MIN_BASELINE_DAYS
            and baseline.mood_mean is not None
            and recent.mood_mean <= baseline.mood_mean - BASELINE_DROP + EPSILON
        ):
            reasons.append(NudgeReason.BELOW_BASELINE)
        if recent.mood_mean <= LOW_MOOD_MEAN + EPSILON:
            reasons.append(NudgeReason.LOW_MOOD)
    if (
        recent.stress_days >= MIN_RECENT_DAYS
        and recent.stress_mean is not None
        and recent.stress_mean >= HIGH_STRESS_MEAN - EPSILON
    ):
        reasons.append(NudgeReason.HIGH_STRESS)
    if any(recent.start <= day <= recent.end for day in self_check_days):
        reasons.append(NudgeReason.SELF_CHECK)
    return NudgeCheck(today, recent, baseline, tuple(reasons))
