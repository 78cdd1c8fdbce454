"""The rules a check-in must follow, checked before anything touches the database."""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import replace
from datetime import UTC, datetime, timedelta

from carecompanion.mood.errors import InvalidCheckIn, InvalidName, Problem
from carecompanion.mood.records import (
    HOURS_MAX,
    MAX_NAMES,
    MOOD_MAX,
    MOOD_MIN,
    NAME_MAX_CHARS,
    NOTE_MAX_CHARS,
    SCALE_MAX,
    SCALE_MIN,
    CheckInDraft,
)

# A little slack for a computer clock that runs behind the one the time was typed from.
FUTURE_SLACK = timedelta(minutes=5)
EARLIEST = datetime(1900, 1, 1, tzinfo=UTC)


def _is_whole(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_number(value: object) -> bool:
    return (
        isinstance(value, int | float)
        and not isinstance(value, bool)
        and math.isfinite(float(value))
    )


def clean_name(name: str, what: str = "activity") -> str:
    """An activity or emotion name (``what``), trimmed with inner whitespace collapsed.

    Refuses empty and over-long names, and names holding ``|``: it separates names in CSV
    files, so such a name could never be read back."""
    cleaned = " ".join(str(name).split())
    if not cleaned:
        raise InvalidName(f"An empty {what} name cannot be used.")
    if len(cleaned) > NAME_MAX_CHARS:
        raise InvalidName(f"Each {what} name must be at most {NAME_MAX_CHARS} characters long.")
    if "|" in cleaned:
        raise InvalidName(f"The character '|' cannot be used in an {what} name.")
    return cleaned


def clean_names(names: Iterable[str], what: str = "activity") -> tuple[str, ...]:
    """Each name cleaned; repeats (ignoring case) dropped, first spelling and order kept."""
    seen: dict[str, str] = {}
    for name in names:
        cleaned = clean_name(name, what)
        seen.setdefault(cleaned.casefold(), cleaned)
    return tuple(seen.values())


def _range_problem(field: str, label: str, value: object, low: int, high: int) -> Problem | None:
    if value is None:
        return None
    if not _is_whole(value) or not low <= value <= high:  # type: ignore[operator]
        return Problem(field, f"{label} must be a whole number from {low} to {high}.")
    return None


def _hours_problem(field: str, label: str, value: object) -> Problem | None:
    if value is None:
        return None
    if not _is_number(value) or not 0 <= float(value) <= HOURS_MAX:  # type: ignore[arg-type]
        return Problem(field, f"{label} must be a number of hours from 0 to 24.")
    return None


def find_problems(draft: CheckInDraft, now: datetime) -> list[Problem]:
    """Every rule the draft breaks (empty when it is fine), for the UI to mark the fields."""
    problems = [
        p
        for p in (
            _range_problem("mood", "Mood", draft.mood, MOOD_MIN, MOOD_MAX)
            if draft.mood is not None
            else Problem("mood", f"Mood is needed (a whole number from {MOOD_MIN} to {MOOD_MAX})."),
            _range_problem("stress", "Stress", draft.stress, SCALE_MIN, SCALE_MAX),
            _range_problem("energy", "Energy", draft.energy, SCALE_MIN, SCALE_MAX),
            _hours_problem("sleep_hours", "Sleep", draft.sleep_hours),
            _hours_problem("care_hours", "Hours of care", draft.care_hours),
        )
        if p is not None
    ]
    if len(draft.note) > NOTE_MAX_CHARS:
        problems.append(
            Problem(
                "note",
                f"The note is longer than {NOTE_MAX_CHARS} characters; "
                "a journal entry is the place for a longer text.",
            )
        )
    for field, names, what in (
        ("activities", draft.activities, "activity"),
        ("emotions", draft.emotions, "emotion"),
    ):
        try:
            cleaned = clean_names(names, what)
        except InvalidName as exc:
            problems.append(Problem(field, str(exc)))
            continue
        if len(cleaned) > MAX_NAMES:
            problems.append(Problem(field, f"A check-in can list at most {MAX_NAMES} {field}."))
    if draft.at is not None:
        if draft.at.tzinfo is None:
            problems.append(Problem("at", "The time of a check-in must include its time zone."))
        elif draft.at > now + FUTURE_SLACK:
            problems.append(Problem("at", "A check-in cannot be in the future."))
        elif draft.at < EARLIEST:
            problems.append(Problem("at", "A check-in cannot be dated before 1900."))
    return problems


def validated(draft: CheckInDraft, now: datetime) -> CheckInDraft:
    """The draft with names and note tidied, or ``InvalidCheckIn`` listing every problem."""
    problems = find_problems(draft, now)
    if problems:
        raise InvalidCheckIn(problems)
    return replace(
        draft,
        activities=clean_names(draft.activities, "activity"),
        emotions=clean_names(draft.emotions, "emotion"),
        note=draft.note.strip(),
        sleep_hours=None if draft.sleep_hours is None else float(draft.sleep_hours),
        care_hours=None if draft.care_hours is None else float(draft.care_hours),
    )
