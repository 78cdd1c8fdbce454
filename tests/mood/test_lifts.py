""" "What lifts your mood": hand-computed means, day counts, and the minimum-days rule."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from carecompanion.mood.lifts import MIN_DAYS_EACH_SIDE, ActivityLift, activity_lifts
from carecompanion.mood.records import DayStat
from tests.mood.days import day

START = date(2026, 1, 1)


def twelve_days() -> list[DayStat]:
    walks = {0, 2, 4, 6, 8, 10}
    moods = [4, 2, 4, 3, 5, 3, 3, 2, 4, 3, 4, 5]
    # with a walk: 4, 4, 5, 3, 4, 4 -> 24 / 6 = 4.0; without: 2, 3, 3, 2, 3, 5 -> 18 / 6 = 3.0
    choir = {1, 3, 5, 7}  # moods 2, 3, 3, 2 -> 2.5; the other eight days: 32 / 8 = 4.0
    return [
        day(
            START + timedelta(days=i),
            float(m),
            activities=({"A walk"} if i in walks else set()) | ({"Choir"} if i in choir else set()),
        )
        for i, m in enumerate(moods)
    ]


def test_with_and_without_by_hand() -> None:
    walk, choir = activity_lifts(twelve_days())
    assert walk == ActivityLift("A walk", 6, 6, 4.0, 3.0, 1.0, True)
    # Four days with choir: the means are facts, but no difference is claimed from them.
    assert choir == ActivityLift("Choir", 4, 8, 2.5, 4.0, None, False)


def test_the_minimum_is_five_days_on_each_side() -> None:
    assert MIN_DAYS_EACH_SIDE == 5
    days = [
        day(START + timedelta(days=i), 3.0, activities={"Rest"} if i < 5 else set())
        for i in range(10)
    ]
    (rest,) = activity_lifts(days)
    assert (rest.days_with, rest.days_without, rest.enough_data) == (5, 5, True)
    (rest,) = activity_lifts(days[1:])  # four days with it
    assert (rest.days_with, rest.enough_data, rest.difference) == (4, False, None)
    (rest,) = activity_lifts(days[:9])  # four days without it
    assert (rest.days_without, rest.enough_data) == (4, False)


def test_every_day_with_it_has_no_without_side() -> None:
    days = [day(START + timedelta(days=i), 3.0, activities={"Rest"}) for i in range(8)]
    (rest,) = activity_lifts(days)
    assert (rest.mean_with, rest.mean_without, rest.enough_data) == (3.0, None, False)


def test_named_activities_include_unused_ones() -> None:
    rows = activity_lifts(twelve_days(), activities=["Respite", "A walk"])
    assert [r.activity for r in rows] == ["A walk", "Respite"]
    assert rows[1] == ActivityLift("Respite", 0, 12, None, 42 / 12, None, False)  # 3.5


def test_order_puts_figures_with_enough_days_first() -> None:
    days = twelve_days()
    days += [day(START + timedelta(days=12 + i), 1.0, activities={"Exercise"}) for i in range(5)]
    names = [r.activity for r in activity_lifts(days)]
    assert names == ["A walk", "Exercise", "Choir"]  # walk lifts, exercise goes with low days


def test_min_days_must_be_positive() -> None:
    with pytest.raises(ValueError, match="min_days"):
        activity_lifts([], min_days=0)


@given(st.lists(st.tuples(st.integers(1, 5), st.sets(st.sampled_from("abc"))), max_size=40))
def test_each_day_is_on_exactly_one_side(rows: list[tuple[int, set[str]]]) -> None:
    days = [day(START + timedelta(days=i), float(m), activities=a) for i, (m, a) in enumerate(rows)]
    for lift in activity_lifts(days):
        assert lift.days_with + lift.days_without == len(days)
        assert lift.enough_data == (lift.days_with >= 5 and lift.days_without >= 5)
        if lift.difference is not None:
            assert lift.mean_with is not None and lift.mean_without is not None
            assert lift.difference == pytest.approx(lift.mean_with - lift.mean_without)
