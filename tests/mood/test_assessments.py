"""Saved self-check results: history, trend, and the days that count for the nudge."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from carecompanion.clock import FixedClock
from carecompanion.mood.assessments import AssessmentService, TrendPoint
from carecompanion.mood.errors import AssessmentNotFound, InvalidAnswers
from tests.helpers import START


def test_save_and_read_back(assessments: AssessmentService) -> None:
    saved = assessments.save("phq2", [2, 2])
    assert (saved.instrument_id, saved.score, saved.high, saved.answers) == (
        "phq2",
        4,
        True,
        (2, 2),
    )
    assert saved.taken_at == START and saved.day == date(2026, 3, 3)
    assert "not a diagnosis" in saved.interpretation
    assert assessments.get(saved.id) == saved
    assert saved.rescore().reasons  # the reasons come back from the answers


def test_history_and_trend(assessments: AssessmentService, clock: FixedClock) -> None:
    first = assessments.save("mcsi", [1] * 13, taken_at=START - timedelta(days=60))
    assessments.save("phq2", [0, 0], taken_at=START - timedelta(days=40))
    assessments.save("mcsi", [2] * 13, taken_at=START - timedelta(days=30))
    assessments.save("mcsi", [1] * 10 + [0] * 3)
    assert [h.score for h in assessments.history("mcsi")] == [13, 26, 10]
    assert len(assessments.history()) == 4
    assert [h.id for h in assessments.history(since=date(2026, 2, 1))][-1] != first.id
    assert assessments.trend("mcsi") == [
        TrendPoint(date(2026, 1, 2), 13, None, None),
        TrendPoint(date(2026, 2, 1), 26, None, 13),
        TrendPoint(date(2026, 3, 3), 10, None, -16),
    ]


def test_flagged_days_are_only_results_over_a_threshold(assessments: AssessmentService) -> None:
    assessments.save("gad2", [3, 3], taken_at=START - timedelta(days=3))  # high
    assessments.save("gad2", [0, 1], taken_at=START - timedelta(days=2))  # not high
    assessments.save("mcsi", [2] * 13, taken_at=START - timedelta(days=1))  # no threshold
    assessments.save("phq2", [3, 3], taken_at=START - timedelta(days=30))  # too long ago
    assert assessments.flagged_days(date(2026, 2, 20)) == [date(2026, 2, 28)]


def test_refusals(assessments: AssessmentService) -> None:
    with pytest.raises(InvalidAnswers, match="future"):
        assessments.save("phq2", [0, 0], taken_at=START + timedelta(minutes=1))
    with pytest.raises(InvalidAnswers, match="time zone"):
        assessments.save("phq2", [0, 0], taken_at=datetime(2026, 1, 1))
    with pytest.raises(InvalidAnswers, match="no self-check called"):
        assessments.history("zarit")
    assert assessments.history() == []


def test_delete(assessments: AssessmentService) -> None:
    saved = assessments.save("phq2", [0, 0])
    assessments.delete(saved.id)
    with pytest.raises(AssessmentNotFound):
        assessments.get(saved.id)
    with pytest.raises(AssessmentNotFound):
        assessments.delete(saved.id)


def test_the_day_is_local(assessments: AssessmentService) -> None:
    saved = assessments.save("phq2", [0, 0], taken_at=datetime(2026, 2, 28, 23, 30, tzinfo=UTC))
    assert saved.day == date(2026, 3, 1)  # Berlin
