"""A week of check-ins in a few words and figures the person may choose to share with a
circle ("this week was hard: mood 2/5, slept 5 h"). Only what they see in the dialog and
leave ticked is shared; the check-ins themselves never leave the vault."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from statistics import mean

from carecompanion.mood.records import DayStat


@dataclass(frozen=True)
class MoodSummary:
    first: date
    last: date
    text: str
    figures: dict[str, str] = field(default_factory=dict)


def _feeling(mood: float) -> str:
    if mood < 2:
        return "This week was very hard"
    if mood < 2.75:
        return "This week was hard"
    if mood < 3.5:
        return "This week had ups and downs"
    return "This week was a better one"


def _number(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def summarize(days: Sequence[DayStat], first: date, last: date) -> MoodSummary | None:
    """None when there are no check-ins between ``first`` and ``last``."""
    within = [d for d in days if first <= d.day <= last]
    if not within:
        return None
    mood = mean(d.mood for d in within)
    figures = {
        "mood": f"{_number(mood)}/5",
        "days checked in": f"{len(within)} of {(last - first).days + 1}",
    }
    sleep = [d.sleep_hours for d in within if d.sleep_hours is not None]
    if sleep:
        figures["sleep"] = f"{_number(mean(sleep))} h a night"
    stress = [d.stress for d in within if d.stress is not None]
    if stress:
        figures["stress"] = f"{_number(mean(stress))}/10"
    care = [d.care_hours for d in within if d.care_hours is not None]
    if care:
        figures["caring"] = f"{_number(mean(care))} h a day"
    parts = [f"mood {figures['mood']}"]
    if sleep:
        parts.append(f"slept about {_number(mean(sleep))} h")
    return MoodSummary(first, last, f"{_feeling(mood)}: {', '.join(parts)}.", figures)
