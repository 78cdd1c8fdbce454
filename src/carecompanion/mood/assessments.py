"""Saved self-check results and their trend over time.

``AssessmentService.save(instrument_id, answers)`` scores with ``instruments.score`` and keeps
the answers, total, threshold flag and the interpretation text as it was shown (later wording
changes do not rewrite history). ``trend(instrument_id)`` gives the points for a small chart.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, tzinfo

from sqlalchemy import select

from carecompanion.clock import Clock
from carecompanion.localtime import local_day
from carecompanion.mood import errors as said
from carecompanion.mood.errors import AssessmentNotFound, InvalidAnswers
from carecompanion.mood.instruments import Score, instrument, score
from carecompanion.mood.models import AssessmentRow
from carecompanion.storage.database import Database


@dataclass(frozen=True)
class SavedAssessment:
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


@dataclass(frozen=True)
class TrendPoint:
    day: date
    score: int
    high: bool | None
    change: int | None  # against the previous result of the same questionnaire


def _to_saved(row: AssessmentRow) -> SavedAssessment:
    return SavedAssessment(
        id=row.id,
        instrument_id=row.instrument,
        taken_at=row.taken_at,
        day=date.fromisoformat(row.day),
        answers=tuple(json.loads(row.answers)),
        score=row.score,
        high=row.high,
        interpretation=row.interpretation,
    )


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
        with self._db.session() as session:
            row = AssessmentRow(
                uid=uuid.uuid4().hex,
                instrument=instrument_id,
                taken_at=when,
                day=local_day(when, self._tz).isoformat(),
                answers=json.dumps(list(answers)),
                score=result.total,
                high=result.high,
                interpretation=result.interpretation,
                created_at=now,
            )
            session.add(row)
            session.flush()
            return _to_saved(row)

    def get(self, assessment_id: int) -> SavedAssessment:
        with self._db.session() as session:
            row = session.get(AssessmentRow, assessment_id)
            if row is None:
                raise AssessmentNotFound(assessment_id)
            return _to_saved(row)

    def history(
        self, instrument_id: str | None = None, since: date | None = None
    ) -> list[SavedAssessment]:
        """Oldest first; one questionnaire or all of them."""
        query = select(AssessmentRow).order_by(AssessmentRow.taken_at, AssessmentRow.id)
        if instrument_id is not None:
            instrument(instrument_id)  # an unknown id is a mistake, not an empty history
            query = query.where(AssessmentRow.instrument == instrument_id)
        if since is not None:
            query = query.where(AssessmentRow.day >= since.isoformat())
        with self._db.session() as session:
            return [_to_saved(row) for row in session.scalars(query)]

    def trend(self, instrument_id: str) -> list[TrendPoint]:
        return score_trend(self.history(instrument_id))

    def flagged_days(self, since: date) -> list[date]:
        """Days since ``since`` with a result that met its published threshold (for the nudge)."""
        query = select(AssessmentRow.day).where(
            AssessmentRow.day >= since.isoformat(), AssessmentRow.high.is_(True)
        )
        with self._db.session() as session:
            return sorted({date.fromisoformat(day) for day in session.scalars(query)})

    def delete(self, assessment_id: int) -> None:
        with self._db.session() as session:
            row = session.get(AssessmentRow, assessment_id)
            if row is None:
                raise AssessmentNotFound(assessment_id)
            session.delete(row)
