"""The rules a check-in must follow, checked before anything touches the database."""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import replace
from datetime import UTC, datetime, timedelta

from carecompanion.errors import Notice
from carecompanion.mood import errors as said
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
#: The kinds of name ``what`` can be, as said in a sentence.
_KIND = {"activity": said.ACTIVITY, "emotion": said.EMOTION}


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
    kind = _KIND[what]()
    if not cleaned:
        raise InvalidName(said.EMPTY_NAME, what=kind)
    if len(cleaned) > NAME_MAX_CHARS:
        raise InvalidName(said.NAME_TOO_LONG, what=kind, count=NAME_MAX_CHARS)
    if "|" in cleaned:
        raise InvalidName(said.NAME_HAS_BAR, what=kind)
    return cleaned


def clean_names(names: Iterable[str], what: str = "activity") -> tuple[str, ...]:
    """Each name cleaned; repeats (ignoring case) dropped, first spelling and order kept."""
    seen: dict[str, str] = {}
    for name in names:
        cleaned = clean_name(name, what)
        seen.setdefault(cleaned.casefold(), cleaned)
    return tuple(seen.values())


def _range_problem(field: str, label: Notice, value: object, low: int, high: int) -> Problem | None:
    if value is None:
        return None
    if not _is_whole(value) or not low <= value <= high:  # type: ignore[operator]
        return Problem(field, said.NOT_IN_RANGE(label=label, low=low, high=high))
    return None


def _hours_problem(field: str, label: Notice, value: object) -> Problem | None:
    if value is None:
        return None
    if not _is_number(value) or not 0 <= float(value) <= HOURS_MAX:  # type: ignore[arg-type]
        return Problem(field, said.NOT_HOURS(label=label))
    return None


def find_problems(draft: CheckInDraft, now: datetime) -> list[Problem]:
    """Every rule the draft breaks (empty when it is fine), for the UI to mark the fields."""
    problems = [
        p
        for p in (
            _range_problem("mood", said.MOOD(), draft.mood, MOOD_MIN, MOOD_MAX)
            if draft.mood is not None
            else Problem("mood", said.MOOD_NEEDED(low=MOOD_MIN, high=MOOD_MAX)),
            _range_problem("stress", said.STRESS(), draft.stress, SCALE_MIN, SCALE_MAX),
            _range_problem("energy", said.ENERGY(), draft.energy, SCALE_MIN, SCALE_MAX),
            _hours_problem("sleep_hours", said.SLEEP(), draft.sleep_hours),
            _hours_problem("care_hours", said.CARE_HOURS(), draft.care_hours),
        )
        if p is not None
    ]
    if len(draft.note) > NOTE_MAX_CHARS:
        problems.append(Problem("note", said.NOTE_TOO_LONG(count=NOTE_MAX_CHARS)))
    for field, names, what, plural in (
        ("activities", draft.activities, "activity", said.ACTIVITIES),
        ("emotions", draft.emotions, "emotion", said.EMOTIONS),
    ):
        try:
            cleaned = clean_names(names, what)
        except InvalidName as exc:
            problems.append(Problem(field, exc.notice))
            continue
        if len(cleaned) > MAX_NAMES:
            problems.append(Problem(field, said.TOO_MANY_NAMES(count=MAX_NAMES, what=plural())))
    if draft.at is not None:
        if draft.at.tzinfo is None:
            problems.append(Problem("at", said.NO_TIME_ZONE()))
        elif draft.at > now + FUTURE_SLACK:
            problems.append(Problem("at", said.IN_THE_FUTURE()))
        elif draft.at < EARLIEST:
            problems.append(Problem("at", said.BEFORE_1900()))
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
