"""The mood package's domain errors: one base class, so the CLI and UI can catch them all.

Each message is a complete sentence meant for the person using the app (the CLI prints it as
its one line on stderr). Messages quote the person's own words only where they are needed to
fix the mistake (an unknown mood label in an import file), so show them, but never log them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


class MoodError(Exception):
    """Any mistake in a mood request that the person can fix."""


@dataclass(frozen=True)
class Problem:
    """One invalid field of a check-in: which field (the draft's attribute name) and why."""

    field: str
    message: str


class InvalidCheckIn(MoodError, ValueError):
    """A check-in draft that breaks a rule. ``problems`` lists every field at fault."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__(" ".join(problem.message for problem in self.problems))


class CheckInNotFound(MoodError, LookupError):
    def __init__(self, checkin_id: int) -> None:
        super().__init__(f"There is no check-in with id {checkin_id}.")


class ActivityNotFound(MoodError, LookupError):
    def __init__(self, activity_id: int) -> None:
        super().__init__(f"There is no self-care activity with id {activity_id}.")


class InvalidName(MoodError, ValueError):
    """An activity, emotion or contact name that is empty, too long or already taken."""


class ContactNotFound(MoodError, LookupError):
    def __init__(self, contact_id: int) -> None:
        super().__init__(f"There is no support contact with id {contact_id}.")


class InvalidAnswers(MoodError, ValueError):
    """Answers that do not fit a self-check questionnaire."""


class AssessmentNotFound(MoodError, LookupError):
    def __init__(self, assessment_id: int) -> None:
        super().__init__(f"There is no saved self-check with id {assessment_id}.")


class ImportFormatError(MoodError, ValueError):
    """A file that cannot be imported; the message names the file and, where known, the line."""
