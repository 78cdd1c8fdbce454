"""Saved self-check results and their trend over time.

``AssessmentService.save(instrument_id, answers)`` scores with ``instruments.score`` and keeps
the answers, total, threshold flag and the interpretation text as it was shown (later wording
changes do not rewrite history). ``trend(instrument_id)`` gives the points for a small chart.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, tzinfo

from carecompanion.clock import Clock
from carecompanion.localtime import local_day
from carecompanion.mood import errors as said
from carecompanion.mood.errors import AssessmentNotFound, InvalidAnswers
from carecompanion.mood.instruments import instrument, score

# Long imported from here: re-exported.
from carecompanion.mood.records import SavedAssessment as SavedAssessment
from carecompanion.mood.repository import AssessmentRepository, AssessmentValues
from carecompanion.storage.database import Database


@dataclass(frozen=True)
class TrendPoint:
    day: date
    score: int
    high: bool | None
    change: int | None  # against the previous result of the same questionnaire


def score_trend(results: Sequence[SavedAssessment]) -> list[TrendPoint]:
    """Oldest first, each with its change from the one before (results of one questionnaire)."""
    ordered = sorted(results, key=lambda r: (r.taken_at, r.id))
    points: list[TrendPoint] = []
    for result in ordered:
        change = result.score - points[-1].score if points else None
        points.append(TrendPoint(result.day, result.score, result.high, change))
    return points


class AssessmentService:
    def __init__(self, database: Database, clock: Clock, tz: tzinfo | None = None) -> None:
        self._db = database
        self._clock = clock
        self._tz = tz

    def save(
        self, instrument_id: str, answers: Sequence[int], taken_at: datetime | None = None
    ) -> SavedAssessment:
        result = score(instrument_id, answers)
        now = self._clock.now()
        when = taken_at or now
        if when.tzinfo is None:
            raise InvalidAnswers(said.SELF_CHECK_NO_ZONE)
        if when > now:
            raise InvalidAnswers(said.SELF_CHECK_FUTURE)
        with self._repo() as repo:
            return repo.insert(
                AssessmentValues(
                    uid=uuid.uuid4().hex,
                    instrument=instrument_id,
                    taken_at=when,
                    day=local_day(when, self._tz).isoformat(),
                    answers=tuple(answers),
                    score=result.total,
                    high=result.high,
                    interpretation=result.interpretation,
                    created_at=now,
                )
            )

    def get(self, assessment_id: int) -> SavedAssessment:
        with self._repo() as repo:
            found = repo.find(assessment_id)
        if found is None:
            raise AssessmentNotFound(assessment_id)
        return found

    def history(
        self, instrument_id: str | None = None, since: date | None = None
    ) -> list[SavedAssessment]:
        """Oldest first; one questionnaire or all of them."""
        if instrument_id is not None:
            instrument(instrument_id)  # an unknown id is a mistake, not an empty history
        with self._repo() as repo:
            return repo.history(instrument_id, since)

    def trend(self, instrument_id: str) -> list[TrendPoint]:
        return score_trend(self.history(instrument_id))

    def flagged_days(self, since: date) -> list[date]:
        """Days since ``since`` with a result that met its published threshold (for the nudge)."""
        with self._repo() as repo:
            return sorted(repo.flagged_days(since))

    def delete(self, assessment_id: int) -> None:
        with self._repo() as repo:
            if not repo.delete(assessment_id):
                raise AssessmentNotFound(assessment_id)

    @contextmanager
    def _repo(self) -> Iterator[AssessmentRepository]:
        with self._db.session() as session:
            yield AssessmentRepository(session)
