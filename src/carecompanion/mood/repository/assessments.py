"""Saved self-check results (``mood_assessments``) within one unit of work."""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import TypedDict

from sqlalchemy import select
from sqlalchemy.orm import Session

from carecompanion.mood.models import AssessmentRow
from carecompanion.mood.records import SavedAssessment


class AssessmentValues(TypedDict):
    """A scored self-check's columns, as the service worked them out."""

    uid: str
    instrument: str
    taken_at: datetime
    day: str
    answers: tuple[int, ...]
    score: int
    high: bool | None
    interpretation: str
    created_at: datetime


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


class AssessmentRepository:
    """``mood_assessments`` within one unit of work."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def insert(self, values: AssessmentValues) -> SavedAssessment:
        row = AssessmentRow(
            uid=values["uid"],
            instrument=values["instrument"],
            taken_at=values["taken_at"],
            day=values["day"],
            # JSON text: a fixed-length list, always read and scored whole.
            answers=json.dumps(list(values["answers"])),
            score=values["score"],
            high=values["high"],
            interpretation=values["interpretation"],
            created_at=values["created_at"],
        )
        self._session.add(row)
        self._session.flush()
        return _to_saved(row)

    def find(self, assessment_id: int) -> SavedAssessment | None:
        row = self._session.get(AssessmentRow, assessment_id)
        return _to_saved(row) if row is not None else None

    def history(self, instrument_id: str | None, since: date | None) -> list[SavedAssessment]:
        """Oldest first; one questionnaire or all of them."""
        query = select(AssessmentRow).order_by(AssessmentRow.taken_at, AssessmentRow.id)
        if instrument_id is not None:
            query = query.where(AssessmentRow.instrument == instrument_id)
        if since is not None:
            query = query.where(AssessmentRow.day >= since.isoformat())
        return [_to_saved(row) for row in self._session.scalars(query)]

    def flagged_days(self, since: date) -> set[date]:
        """Days since ``since`` with a result that met its published threshold."""
        query = select(AssessmentRow.day).where(
            AssessmentRow.day >= since.isoformat(), AssessmentRow.high.is_(True)
        )
        return {date.fromisoformat(day) for day in self._session.scalars(query)}

    def delete(self, assessment_id: int) -> bool:
        row = self._session.get(AssessmentRow, assessment_id)
        if row is None:
            return False
        self._session.delete(row)
        return True
