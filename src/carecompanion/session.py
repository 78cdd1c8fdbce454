"""An unlocked vault and the services that work on it: what the UI and CLI talk to."""

from __future__ import annotations

from functools import cached_property

from carecompanion.circle.service import CircleService
from carecompanion.clock import Clock
from carecompanion.journal import search_terms
from carecompanion.journal.service import JournalService
from carecompanion.journal.templates import TemplateService
from carecompanion.mood.assessments import AssessmentService
from carecompanion.mood.service import MoodService
from carecompanion.paths import AppPaths
from carecompanion.people.contacts import PeopleService
from carecompanion.people.groups import GroupService
from carecompanion.storage.packed_text import forget_packed
from carecompanion.vault.kdf import KdfParams
from carecompanion.vault.restore_log import refuse_while_half_done
from carecompanion.vault.vault import UnlockedVault, Vault
from carecompanion.vault.writer_lock import Holder


def create_vault(
    paths: AppPaths,
    passphrase: str,
    *,
    kdf: KdfParams,
    clock: Clock,
    holder: Holder = Holder.COMMAND,
) -> tuple[UnlockedVault, str]:
    """A new vault with its member identity (the keys circles know the person by) already
    made, so a card can be exported from the first day. Refused while a restore is half-done:
    the journal it is moving would be hidden behind an empty one."""
    refuse_while_half_done(paths)
    unlocked, recovery_key = Vault.create(paths, passphrase, kdf=kdf, clock=clock, holder=holder)
    CircleService(unlocked.database, clock).identity()
    return unlocked, recovery_key


class VaultSession:
    def __init__(self, unlocked: UnlockedVault, clock: Clock) -> None:
        self.unlocked = unlocked
        self.clock = clock

    @cached_property
    def journal(self) -> JournalService:
        return JournalService(self.unlocked.database, self.clock)

    @cached_property
    def templates(self) -> TemplateService:
        return TemplateService(self.unlocked.database, self.clock)

    @cached_property
    def mood(self) -> MoodService:
        # The nudge points to the people the person chose on the People page.
        return MoodService(
            self.unlocked.database,
            self.clock,
            support_source=lambda: self.people.support_contacts(),
        )

    @cached_property
    def assessments(self) -> AssessmentService:
        return AssessmentService(self.unlocked.database, self.clock)

    @cached_property
    def people(self) -> PeopleService:
        return PeopleService(self.unlocked.database, self.clock)

    @cached_property
    def groups(self) -> GroupService:
        return GroupService(self.unlocked.database, self.clock)

    @cached_property
    def circles(self) -> CircleService:
        return CircleService(self.unlocked.database, self.clock, entry_source=self.journal)

    @property
    def is_locked(self) -> bool:
        return self.unlocked.is_locked

    def lock(self) -> None:
        # Nothing keeps a locked database reachable.
        for service in (
            "journal",
            "templates",
            "mood",
            "assessments",
            "people",
            "groups",
            "circles",
        ):
            self.__dict__.pop(service, None)
        search_terms.forget_remembered()  # typed searches and the journal's words
        forget_packed()  # entry bodies written lately, kept for the search index's trigger
        self.unlocked.lock()
