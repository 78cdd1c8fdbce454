"""The people package's domain errors: one base class, so the CLI and UI can catch them all.

Each message is a complete sentence for the person using the app (the CLI prints it as its one
line on stderr). Messages may quote the person's own words where that is needed to fix the
mistake (a bad line of a vCard file), so show them, but never log them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path


class PeopleError(Exception):
    """Any mistake in a people, groups or crisis-line request that the person can fix."""


@dataclass(frozen=True)
class Problem:
    """One invalid field of a draft: which field (the draft's attribute name) and why."""

    field: str
    message: str


class InvalidDraft(PeopleError, ValueError):
    """A draft that breaks a rule. ``problems`` lists every field at fault, so a dialog can
    mark each one."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__(" ".join(problem.message for problem in self.problems))


class InvalidContact(InvalidDraft):
    pass


class InvalidGroup(InvalidDraft):
    pass


class InvalidSchedule(InvalidDraft):
    pass


class InvalidResource(InvalidDraft):
    pass


class ContactNotFound(PeopleError, LookupError):
    def __init__(self, contact_id: int) -> None:
        super().__init__(f"There is no contact with id {contact_id}.")


class LogEntryNotFound(PeopleError, LookupError):
    def __init__(self, entry_id: int) -> None:
        super().__init__(f"There is no contact log entry with id {entry_id}.")


class GroupNotFound(PeopleError, LookupError):
    def __init__(self, group_id: int) -> None:
        super().__init__(f"There is no group with id {group_id}.")


class OccurrenceNotFound(PeopleError, LookupError):
    def __init__(self, day: object) -> None:
        super().__init__(f"The group does not meet on {day}.")


class ResourceNotFound(PeopleError, LookupError):
    def __init__(self, resource_id: int) -> None:
        super().__init__(f"There is no crisis line with id {resource_id}.")


class UnknownCountry(PeopleError, LookupError):
    def __init__(self, code: str, known: Sequence[str]) -> None:
        super().__init__(
            f"There is no built-in list of crisis lines for {code!r}; "
            f"choose one of {', '.join(known)}."
        )


class InvalidPhoto(PeopleError, ValueError):
    """A photo that is too large or not a JPEG, PNG, GIF or WebP image."""


class VCardError(PeopleError, ValueError):
    """A vCard file that cannot be imported. The message names the file and, where known, the
    line; nothing has been written when it is raised."""

    def __init__(self, path: Path | str, message: str, line: int | None = None) -> None:
        self.path = Path(path)
        self.line = line
        where = f"{self.path}, line {line}" if line is not None else f"{self.path}"
        super().__init__(f"{where}: {message}")
