"""The person's own self-care list: add, rename, reorder, hide, delete."""

from __future__ import annotations

import builtins
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from carecompanion.mood import errors as said
from carecompanion.mood.errors import ActivityNotFound, InvalidName
from carecompanion.mood.records import Activity
from carecompanion.mood.repository import ActivityRepository
from carecompanion.mood.validation import clean_name
from carecompanion.storage.database import Database


class ActivityCatalog:
    """The rules of the self-care list, over ``ActivityRepository``; reached as
    ``MoodService.activities``. Names are cleaned and must differ ignoring case."""

    def __init__(self, database: Database) -> None:
        self._db = database

    def list(self, include_archived: bool = False) -> builtins.list[Activity]:
        """In the person's order; archived ones only when asked (the settings page)."""
        with self._repo() as repo:
            return repo.activities(include_archived=include_archived)

    def add(self, name: str) -> Activity:
        cleaned = clean_name(name, "activity")
        with self._repo() as repo:
            _refuse_taken(repo, cleaned)
            return repo.insert(cleaned)

    def rename(self, activity_id: int, name: str) -> Activity:
        """Renames it everywhere, past check-ins included (they point at this one row)."""
        cleaned = clean_name(name, "activity")
        with self._repo() as repo:
            _require(repo, activity_id)
            _refuse_taken(repo, cleaned, except_id=activity_id)
            renamed = repo.rename(activity_id, cleaned)
        assert renamed is not None  # found above, in the same unit of work
        return renamed

    def set_archived(self, activity_id: int, archived: bool) -> Activity:
        with self._repo() as repo:
            changed = repo.set_archived(activity_id, archived)
        if changed is None:
            raise ActivityNotFound(activity_id)
        return changed

    def reorder(self, activity_ids: Sequence[int]) -> builtins.list[Activity]:
        """Put the given ids first, in that order; any others keep their order after them."""
        with self._repo() as repo:
            current = [a.id for a in repo.activities(include_archived=True)]
            for activity_id in activity_ids:
                if activity_id not in current:
                    raise ActivityNotFound(activity_id)
            first = dict.fromkeys(activity_ids)
            return repo.set_positions([*first, *(i for i in current if i not in first)])

    def usage(self, activity_id: int) -> int:
        """How many check-ins mention it: what a "delete" confirmation should say."""
        with self._repo() as repo:
            _require(repo, activity_id)
            return repo.usage(activity_id)

    def delete(self, activity_id: int) -> None:
        """Removes it from the list and from every past check-in (archive to keep history)."""
        with self._repo() as repo:
            if not repo.delete(activity_id):
                raise ActivityNotFound(activity_id)

    @contextmanager
    def _repo(self) -> Iterator[ActivityRepository]:
        with self._db.session() as session:
            yield ActivityRepository(session)


def _require(repo: ActivityRepository, activity_id: int) -> None:
    if not repo.exists(activity_id):
        raise ActivityNotFound(activity_id)


def _refuse_taken(repo: ActivityRepository, name: str, except_id: int | None = None) -> None:
    # Compared in Python, where casefold() also folds non-ASCII letters (SQLite's NOCASE
    # folds only A-Z).
    for activity in repo.activities(include_archived=True):
        if activity.name.casefold() == name.casefold() and activity.id != except_id:
            raise InvalidName(said.ACTIVITY_TAKEN)
