"""Which entries an export covers: chosen ones, a date range, or everything."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from carecompanion.journal.service import EntryFilter, EntryNotFound, JournalService


@dataclass(frozen=True)
class ExportSelection:
    """``entry_ids`` picks entries (then ``since``/``until`` narrow them further, if given);
    with neither, everything is exported. Dates are inclusive local days."""

    entry_ids: tuple[int, ...] | None = None
    since: date | None = None
    until: date | None = None

    @classmethod
    def everything(cls) -> ExportSelection:
        return cls()

    @classmethod
    def of(cls, entry_ids: Iterable[int]) -> ExportSelection:
        return cls(entry_ids=tuple(entry_ids))

    @classmethod
    def between(cls, since: date | None, until: date | None) -> ExportSelection:
        return cls(since=since, until=until)

    def resolve(self, journal: JournalService) -> list[int]:
        """The entry ids, oldest first (a journal reads forwards)."""
        ids = journal.entry_ids(EntryFilter(since=self.since, until=self.until))
        ids.reverse()  # entry_ids is newest first
        if self.entry_ids is None:
            return ids
        wanted = set(self.entry_ids)
        if self.since is None and self.until is None:
            missing = wanted.difference(ids)
            if missing:
                raise EntryNotFound(min(missing))
        return [entry_id for entry_id in ids if entry_id in wanted]
