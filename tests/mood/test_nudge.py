"""The nudge rule on hand-built days, at and just past every boundary (docs/mood.md)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from carecompanion.clock import FixedClock
from carecompanion.mood.nudge import (
    BASELINE_DAYS,
    MIN_BASELINE_DAYS,
    MIN_RECENT_DAYS,
    RECENT_DAYS,
    NudgeReason,
    check_nudge,
    personal_baseline,
    recent_window,
)
from carecompanion.mood.records import CheckInDraft, DayStat
from carecompanion.mood.service import MoodService
from carecompanion.storage.database import Database
from tests.mood.conftest import BERLIN
from tests.mood.days import day

TODAY = date(2026, 3, 31)
RECENT_START = date(2026, 3, 18)  # today - 13
BASELINE_END = date(2026, 3, 17)  # today - 14
BASELINE_START = date(2026, 1, 17)  # today - 73


def back(n: int) -> date:
    return TODAY - timedelta(days=n)


def recent(moods: list[float], **fields: object) -> list[DayStat]:
    """One day per mood, from today backwards."""
    return [day(back(i), m, **fields) for i, m in enumerate(moods)]  # type: ignore[arg-type]


def baseline(count: int, mood: float = 4.0) -> list[DayStat]:
    """``count`` days of ``mood``, from the end of the baseline window backwards."""
    return [day(BASELINE_END - timedelta(days=i), mood) for i in range(count)]


def reasons(days: list[DayStat], flagged: tuple[date, ...] = ()) -> tuple[NudgeReason, ...]:
    return check_nudge(days, TODAY, flagged).reasons


def test_the_windows() -> None:
    assert (RECENT_DAYS, BASELINE_DAYS, MIN_RECENT_DAYS, MIN_BASELINE_DAYS) == (14, 60, 10, 20)
    days = [day(back(n), 3.0) for n in range(80)] + [day(TODAY + timedelta(days=1), 1.0)]
    window = recent_window(days, TODAY)
    assert (window.start, window.end, window.days) == (RECENT_START, TODAY, 14)
    usual = personal_baseline(days, TODAY)
    assert (usual.start, usual.end, usual.days) == (BASELINE_START, BASELINE_END, 60)


def test_exactly_three_quarters_below_baseline_nudges() -> None:
    # 5 days of 3 and 5 days of 3.5: a recent mean of exactly 3.25 = 4.0 - 0.75.
    days = recent([3.0] * 5 + [3.5] * 5) + baseline(20)
    check = check_nudge(days, TODAY)
    assert check.recent.mood_mean == 3.25
    assert check.baseline.mood_mean == 4.0
    assert check.reasons == (NudgeReason.BELOW_BASELINE,)
    assert check.show


def test_a_little_less_than_three_quarters_below_does_not() -> None:
    days = recent([3.0] * 4 + [3.5] * 6) + baseline(20)  # 33 / 10 = 3.3: only 0.7 below
    assert reasons(days) == ()


def test_nine_recent_days_are_not_enough() -> None:
    assert reasons(recent([3.0] * 9) + baseline(60)) == ()
    assert reasons(recent([3.0] * 10) + baseline(60)) == (NudgeReason.BELOW_BASELINE,)


def test_nineteen_baseline_days_are_not_enough() -> None:
    assert reasons(recent([3.0] * 14) + baseline(19)) == ()
    assert reasons(recent([3.0] * 14) + baseline(20)) == (NudgeReason.BELOW_BASELINE,)


def test_days_outside_the_windows_do_not_count() -> None:
    # 19 baseline days inside, one the day before the baseline starts, one in the future.
    days = (
        recent([3.0] * 10)
        + baseline(19)
        + [day(BASELINE_START - timedelta(days=1), 4.0), day(TODAY + timedelta(days=1), 4.0)]
    )
    check = check_nudge(days, TODAY)
    assert (check.recent.days, check.baseline.days) == (10, 19)
    assert check.reasons == ()


def test_the_baseline_is_the_persons_own() -> None:
    # Someone usually at 2.5 who is now at 1.75 is nudged; someone usually at 5 and now at 4.5
    # is not: only a drop from one's own usual counts, and 4.5 is not low.
    assert reasons(recent([1.75] * 10) + baseline(30, 2.5)) == (
        NudgeReason.BELOW_BASELINE,
        NudgeReason.LOW_MOOD,
    )
    assert reasons(recent([4.5] * 10) + baseline(30, 5.0)) == ()


def test_low_mood_without_any_baseline() -> None:
    assert reasons(recent([2.0] * 10)) == (NudgeReason.LOW_MOOD,)  # exactly 2.0 counts
    assert reasons(recent([2.0] * 9 + [3.0])) == ()  # 2.1
    assert reasons(recent([1.0] * 9)) == ()  # nine days only


def test_high_stress() -> None:
    assert reasons(recent([4.0] * 10, stress=7.0)) == (NudgeReason.HIGH_STRESS,)
    assert reasons(recent([4.0] * 10, stress=6.9)) == ()
    assert reasons(recent([4.0] * 9, stress=10.0) + recent([4.0] * 14)[9:]) == ()  # 9 rated


def test_a_recent_self_check_over_its_threshold() -> None:
    days = recent([4.0] * 3)
    assert reasons(days, (back(13),)) == (NudgeReason.SELF_CHECK,)
    assert reasons(days, (back(14),)) == ()  # fifteen days ago: outside the window


def test_nothing_to_see_with_no_data() -> None:
    check = check_nudge([], TODAY)
    assert not check.show
    assert check.recent.mood_mean is None and check.baseline.mood_mean is None


def test_reason_texts_are_gentle() -> None:
    for reason in NudgeReason:
        text = reason.text.lower()
        assert text.endswith(".")
        for word in ("depress", "disorder", "diagnos", "symptom", "risk", "warning"):
            assert word not in text


# -- through the service: contacts, snooze ---------------------------------------------------
@pytest.fixture
def low_two_weeks(mood: MoodService, clock: FixedClock) -> MoodService:
    for i in range(10):
        mood.add(CheckInDraft(mood=1 if i % 2 else 2, stress=8, at=clock.now() - timedelta(days=i)))
    return mood


def test_the_service_nudge_points_to_own_contacts(low_two_weeks: MoodService) -> None:
    low_two_weeks.support.add("Crisis line", "116 123", "crisis")
    low_two_weeks.support.add("Anna", "0170 1234567")
    nudge = low_two_weeks.nudge()
    assert nudge is not None
    assert nudge.check.reasons == (NudgeReason.LOW_MOOD, NudgeReason.HIGH_STRESS)
    assert nudge.noticed == tuple(r.text for r in nudge.check.reasons)
    assert [c.name for c in nudge.contacts] == ["Anna", "Crisis line"]  # people first
    assert "emergency number" in nudge.emergency_note


def test_dismissing_snoozes_for_a_week(low_two_weeks: MoodService, clock: FixedClock) -> None:
    today = low_two_weeks.today()
    assert low_two_weeks.dismiss_nudge() == today + timedelta(days=7)
    assert low_two_weeks.nudge() is None
    assert low_two_weeks.nudge(today + timedelta(days=6)) is None
    assert low_two_weeks.nudge_check().show  # the rule itself still holds
    # A shorter snooze, to see the nudge come back on the day the snooze ends.
    assert low_two_weeks.dismiss_nudge(days=1) == today + timedelta(days=1)
    assert low_two_weeks.nudge(today) is None
    assert low_two_weeks.nudge(today + timedelta(days=1)) is not None


def test_a_flagged_self_check_reaches_the_service_nudge(
    mood: MoodService, database: Database, clock: FixedClock
) -> None:
    from carecompanion.mood.assessments import AssessmentService

    assert mood.nudge() is None
    AssessmentService(database, clock, BERLIN).save("phq2", [2, 1])
    nudge = mood.nudge()
    assert nudge is not None and nudge.check.reasons == (NudgeReason.SELF_CHECK,)


def test_the_nudge_day_follows_the_time_zone(database: Database) -> None:
    # 23:30 UTC on 30 March is already 31 March in Berlin.
    clock = FixedClock(datetime(2026, 3, 30, 23, 30, tzinfo=UTC))
    assert MoodService(database, clock, BERLIN).nudge_check().today == TODAY
