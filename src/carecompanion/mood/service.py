"""Check-ins on the encrypted database. Returns plain frozen data; holds no session.

For the UI (all calls are quick and synchronous; run them off the GUI thread for big imports):

- ``add(draft)``, ``update(id, draft)``, ``delete(id)``, ``get(id)``: one check-in;
  a draft that breaks a rule raises ``InvalidCheckIn`` whose ``problems`` name each field.
- ``list(since, until)``: check-ins by local day (inclusive), oldest first.
- ``days(since, until)``: one ``DayStat`` per day: what every chart in ``stats`` takes.
- ``link_entry(id, entry_id)`` / ``for_entry(entry_id)``: the link to a journal entry.
- ``activities`` (``ActivityCatalog``) and ``support`` (``SupportContacts``): the person's
  own self-care list and the contacts the nudge points to.
- ``nudge()``: the gentle nudge to show on the mood page, or ``None``; ``dismiss_nudge()``.
- ``preview_import(drafts)`` / ``import_drafts(drafts, source)``: see
  ``carecompanion.mood.daylio`` for reading a Daylio file into drafts.

Several check-ins a day are fine, and past days can be filled in: ``draft.at`` sets the time,
and the local day is worked out in the service's time zone (``tz``; ``None`` means the
computer's own).
"""

from __future__ import annotations

import builtins
import uuid
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo
from typing import Protocol

from carecompanion.clock import Clock
from carecompanion.localtime import local_clock, local_day
from carecompanion.mood import errors as said
from carecompanion.mood.activities import ActivityCatalog
from carecompanion.mood.assessments import AssessmentService
from carecompanion.mood.daily import daily_stats
from carecompanion.mood.errors import CheckInNotFound, InvalidCheckIn, Problem
from carecompanion.mood.fingerprint import checkin_fingerprint
from carecompanion.mood.nudge import (
    BASELINE_DAYS,
    EMERGENCY_NOTE,
    NUDGE_INVITATION,
    RECENT_DAYS,
    NudgeCheck,
    check_nudge,
)
from carecompanion.mood.reads import MoodReads
from carecompanion.mood.records import (
    CheckIn,
    CheckInDraft,
    DayStat,
    ImportPreview,
    ImportResult,
    Source,
    SupportContact,
)
from carecompanion.mood.repository import CheckInRepository, CheckInValues
from carecompanion.mood.support import SupportContacts
from carecompanion.mood.validation import validated
from carecompanion.storage.database import Database

NUDGE_SNOOZE_KEY = "nudge_snoozed_until"
DEFAULT_SNOOZE_DAYS = 7


class Reachable(Protocol):
    """Someone to reach out to, as the nudge shows them (a SupportContact, or the People
    page's HelpEntry)."""

    @property
    def name(self) -> str: ...

    @property
    def reach(self) -> str: ...

    @property
    def kind(self) -> str: ...


@dataclass(frozen=True)
class Nudge:
    """What the mood page shows: what was noticed, an invitation, and the person's own
    contacts (people first, then crisis lines). The UI adds nothing alarming to it."""

    check: NudgeCheck
    noticed: tuple[str, ...]
    invitation: str
    emergency_note: str
    contacts: tuple[Reachable, ...]


class MoodService:
    def __init__(
        self,
        database: Database,
        clock: Clock,
        tz: tzinfo | None = None,
        support_source: Callable[[], Sequence[Reachable]] | None = None,
    ) -> None:
        """``support_source``: where the nudge finds the person's people and helplines (the
        People page's emergency contacts and crisis lines); without it, ``support``."""
        self._db = database
        self._clock = clock
        self._tz = tz
        self._support_source = support_source
        self.activities = ActivityCatalog(database)
        self.support = SupportContacts(database)

    # -- one check-in ------------------------------------------------------------------------
    def today(self) -> date:
        return local_day(self._clock.now(), self._tz)

    def add(self, draft: CheckInDraft, *, source: Source = "app") -> CheckIn:
        now = self._clock.now()
        clean = validated(draft, now)
        with self._repo() as repo:
            self._check_entry(repo, clean.entry_id)
            checkin_id = repo.insert(uuid.uuid4().hex, source, now, self._values(clean))
            return _reread(repo, checkin_id)

    def update(self, checkin_id: int, draft: CheckInDraft) -> CheckIn:
        """Replace every field with the draft's (``draft.at`` None keeps the original time)."""
        clean = validated(draft, self._clock.now())
        with self._repo() as repo:
            taken_at = repo.taken_at(checkin_id)
            if taken_at is None:
                raise CheckInNotFound(checkin_id)
            self._check_entry(repo, clean.entry_id)
            repo.update(checkin_id, self._values(clean, taken_at))
            return _reread(repo, checkin_id)

    def delete(self, checkin_id: int) -> None:
        with self._repo() as repo:
            if not repo.delete(checkin_id):
                raise CheckInNotFound(checkin_id)

    def get(self, checkin_id: int) -> CheckIn:
        with self._repo() as repo:
            found = repo.checkin(checkin_id)
        if found is None:
            raise CheckInNotFound(checkin_id)
        return found

    def link_entry(self, checkin_id: int, entry_id: int | None) -> CheckIn:
        """Link a check-in to a journal entry (None unlinks). Deleting the entry unlinks too."""
        with self._repo() as repo:
            if repo.taken_at(checkin_id) is None:
                raise CheckInNotFound(checkin_id)
            self._check_entry(repo, entry_id)
            repo.link_entry(checkin_id, entry_id, self._clock.now())
            return _reread(repo, checkin_id)

    def for_entry(self, entry_id: int) -> builtins.list[CheckIn]:
        """The check-ins linked to a journal entry, oldest first."""
        with self._repo() as repo:
            return repo.for_entry(entry_id)

    # -- many --------------------------------------------------------------------------------
    def list(self, since: date | None = None, until: date | None = None) -> builtins.list[CheckIn]:
        """Check-ins whose local day is within ``since`` .. ``until`` (inclusive), oldest first."""
        with self._repo() as repo:
            return repo.between(since, until)

    @contextmanager
    def reading(self) -> Iterator[MoodReads]:
        """The check-ins' read queries (mood/reads.py) in one unit of work: what ``list``
        runs, for a caller that can also run them without SQLAlchemy (the command line)."""
        with self._repo() as repo:
            yield repo.reads

    def days(self, since: date | None = None, until: date | None = None) -> builtins.list[DayStat]:
        return daily_stats(self.list(since, until))

    def count(self) -> int:
        with self._repo() as repo:
            return repo.count()

    # -- import ------------------------------------------------------------------------------
    def preview_import(self, drafts: Sequence[CheckInDraft]) -> ImportPreview:
        """What ``import_drafts`` would add; reads only."""
        now = self._clock.now()
        cleaned = [validated(draft, now) for draft in drafts]
        with self._repo() as repo:
            new = self._new_only(repo, cleaned)
            known = {name.casefold() for name in repo.activity_names()}
        new_activities: dict[str, str] = {}
        for draft in new:
            for name in draft.activities:
                if name.casefold() not in known:
                    new_activities.setdefault(name.casefold(), name)
        days = sorted(self._day(d) for d in cleaned)
        return ImportPreview(
            total=len(cleaned),
            new=len(new),
            duplicates=len(cleaned) - len(new),
            first_day=days[0] if days else None,
            last_day=days[-1] if days else None,
            new_activities=tuple(new_activities.values()),
        )

    def import_drafts(
        self, drafts: Sequence[CheckInDraft], *, source: Source = "daylio"
    ) -> ImportResult:
        """Add every draft not already present (see ``fingerprint``), all in one transaction:
        a failure leaves the vault exactly as it was."""
        now = self._clock.now()
        cleaned = [validated(draft, now) for draft in drafts]
        with self._repo() as repo:
            new = self._new_only(repo, cleaned)
            for draft in new:
                repo.insert(uuid.uuid4().hex, source, now, self._values(draft))
        return ImportResult(added=len(new), duplicates=len(cleaned) - len(new))

    # -- the nudge ---------------------------------------------------------------------------
    def nudge_check(self, today: date | None = None) -> NudgeCheck:
        """The rule's full evaluation for ``today`` (default: today), ignoring any snooze."""
        today = today or self.today()
        start = today - timedelta(days=RECENT_DAYS + BASELINE_DAYS - 1)
        flagged = AssessmentService(self._db, self._clock, self._tz).flagged_days(start)
        return check_nudge(self.days(since=start, until=today), today, flagged)

    def nudge(self, today: date | None = None) -> Nudge | None:
        """The nudge to show now, or None (nothing noticed, or dismissed recently)."""
        today = today or self.today()
        snoozed = self._setting(NUDGE_SNOOZE_KEY)
        if snoozed and today < date.fromisoformat(snoozed):
            return None
        check = self.nudge_check(today)
        if not check.show:
            return None
        contacts: Sequence[Reachable] = (
            self._support_source() if self._support_source is not None else self._own_support()
        )
        return Nudge(
            check,
            tuple(reason.text for reason in check.reasons),
            NUDGE_INVITATION,
            EMERGENCY_NOTE,
            tuple(contacts),
        )

    def _own_support(self) -> builtins.list[SupportContact]:
        return sorted(self.support.list(), key=lambda c: (c.kind != "person", c.position))

    def dismiss_nudge(self, days: int = DEFAULT_SNOOZE_DAYS) -> date:
        """Hide the nudge for ``days`` days; returns the first day it may show again."""
        until = self.today() + timedelta(days=max(1, days))
        with self._repo() as repo:
            repo.set_setting(NUDGE_SNOOZE_KEY, until.isoformat())
        return until

    # -- helpers -----------------------------------------------------------------------------
    @contextmanager
    def _repo(self) -> Iterator[CheckInRepository]:
        """One unit of work: committed when the block ends, rolled back if it raises."""
        with self._db.session() as session:
            yield CheckInRepository(session)

    def _day(self, draft: CheckInDraft) -> date:
        return local_day(draft.at or self._clock.now(), self._tz)

    def _fingerprint(self, draft: CheckInDraft) -> str:
        at = draft.at or self._clock.now()
        return checkin_fingerprint(
            local_day(at, self._tz), local_clock(at, self._tz), draft.mood, draft.note
        )

    def _new_only(
        self, repo: CheckInRepository, drafts: Iterable[CheckInDraft]
    ) -> builtins.list[CheckInDraft]:
        """The drafts that are neither in the vault nor repeated earlier in ``drafts``."""
        drafts = builtins.list(drafts)
        seen = repo.existing_fingerprints(self._fingerprint(draft) for draft in drafts)
        new = []
        for draft in drafts:
            fingerprint = self._fingerprint(draft)
            if fingerprint not in seen:
                seen.add(fingerprint)
                new.append(draft)
        return new

    def _values(self, draft: CheckInDraft, taken_at: datetime | None = None) -> CheckInValues:
        """The columns of a validated draft: its time (or ``taken_at``, or now), the local day
        fixed in the service's zone, and the fingerprint that recognises it in an import."""
        at = draft.at or taken_at or self._clock.now()
        return CheckInValues(
            at=at,
            day=local_day(at, self._tz).isoformat(),
            mood=draft.mood,
            stress=draft.stress,
            sleep_hours=draft.sleep_hours,
            energy=draft.energy,
            care_hours=draft.care_hours,
            note=draft.note,
            entry_id=draft.entry_id,
            fingerprint=checkin_fingerprint(
                local_day(at, self._tz), local_clock(at, self._tz), draft.mood, draft.note
            ),
            activities=draft.activities,
            emotions=draft.emotions,
            updated_at=self._clock.now(),
        )

    @staticmethod
    def _check_entry(repo: CheckInRepository, entry_id: int | None) -> None:
        if entry_id is not None and not repo.entry_exists(entry_id):
            raise InvalidCheckIn([Problem("entry_id", said.NO_SUCH_ENTRY(id=entry_id))])

    def _setting(self, key: str) -> str | None:
        with self._repo() as repo:
            return repo.setting(key)


def _reread(repo: CheckInRepository, checkin_id: int) -> CheckIn:
    """The saved check-in exactly as ``get`` and ``list`` will return it (activities in the
    list's order, timestamps as stored)."""
    checkin = repo.checkin(checkin_id)
    assert checkin is not None  # written in this unit of work
    return checkin
