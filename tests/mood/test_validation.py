"""The rules of a check-in, field by field, including the exact edges of each range."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from carecompanion.mood.errors import InvalidCheckIn, InvalidName
from carecompanion.mood.records import NOTE_MAX_CHARS, CheckInDraft
from carecompanion.mood.validation import clean_name, clean_names, find_problems, validated
from tests.helpers import START


def fields(draft: CheckInDraft) -> list[str]:
    return [p.field for p in find_problems(draft, START)]


@pytest.mark.parametrize("mood", [1, 5])
def test_mood_edges_are_fine(mood: int) -> None:
    assert fields(CheckInDraft(mood=mood)) == []


@pytest.mark.parametrize("mood", [0, 6, -1, 3.0, True, "3"])
def test_mood_outside_or_not_whole(mood: object) -> None:
    assert fields(CheckInDraft(mood=mood)) == ["mood"]  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("name", "good", "bad"),
    [
        ("stress", [0, 10], [-1, 11, 2.5]),
        ("energy", [0, 10], [-1, 11, False]),
        ("sleep_hours", [0, 0.25, 24, 24.0], [-0.25, 24.01, float("nan"), float("inf")]),
        ("care_hours", [0, 12.5, 24], [-1, 25]),
    ],
)
def test_optional_ranges(name: str, good: list[object], bad: list[object]) -> None:
    for value in good:
        assert fields(CheckInDraft(mood=3, **{name: value})) == [], value  # type: ignore[arg-type]
    for value in bad:
        assert fields(CheckInDraft(mood=3, **{name: value})) == [name], value  # type: ignore[arg-type]


def test_note_length() -> None:
    assert fields(CheckInDraft(mood=3, note="x" * NOTE_MAX_CHARS)) == []
    assert fields(CheckInDraft(mood=3, note="x" * (NOTE_MAX_CHARS + 1))) == ["note"]


def test_time_rules() -> None:
    assert fields(CheckInDraft(mood=3, at=START + timedelta(minutes=5))) == []  # clock slack
    assert fields(CheckInDraft(mood=3, at=START + timedelta(minutes=6))) == ["at"]
    assert fields(CheckInDraft(mood=3, at=datetime(2026, 3, 3, 12))) == ["at"]  # naive
    assert fields(CheckInDraft(mood=3, at=START - timedelta(days=20 * 365))) == []


def test_names_are_tidied_and_deduplicated() -> None:
    assert clean_names(["  A   walk ", "a walk", "Choir", "CHOIR", "Rest"]) == (
        "A walk",
        "Choir",
        "Rest",
    )
    assert clean_name("Über  Mut") == "Über Mut"
    draft = validated(
        CheckInDraft(mood=3, activities=("a", "A"), emotions=(" Sad ",), note="  hi \n"), START
    )
    assert (draft.activities, draft.emotions, draft.note) == (("a",), ("Sad",), "hi")


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("   ", "empty"),
        ("x" * 81, "at most 80"),
        ("walk | run", "'|'"),
    ],
)
def test_bad_names(name: str, message: str) -> None:
    with pytest.raises(InvalidName, match=message):
        clean_name(name)
    with pytest.raises(InvalidCheckIn, match=message):
        validated(CheckInDraft(mood=3, emotions=(name,)), START)


def test_too_many_names() -> None:
    assert fields(CheckInDraft(mood=3, activities=tuple(f"a{i}" for i in range(40)))) == []
    assert fields(CheckInDraft(mood=3, activities=tuple(f"a{i}" for i in range(41)))) == [
        "activities"
    ]


def test_every_problem_is_reported_at_once() -> None:
    with pytest.raises(InvalidCheckIn) as caught:
        validated(CheckInDraft(mood=9, energy=-1, care_hours=30, emotions=("|",)), START)
    assert [p.field for p in caught.value.problems] == ["mood", "energy", "care_hours", "emotions"]
    assert str(caught.value).startswith("Mood must be a whole number from 1 to 5.")
