"""An unlocked vault and the services that work on it: what the UI and CLI talk to."""

from __future__ import annotations

from functools import cached_property

from carecompanion.clock import Clock
from carecompanion.journal.service import JournalService
from carecompanion.vault.vault import UnlockedVault


class VaultSession:
    def __init__(self, unlocked: UnlockedVault, clock: Clock) -> None:
        self.unlocked = unlocked
        self.clock = clock

    @cached_property
    def journal(self) -> JournalService:
        return JournalService(self.unlocked.database, self.clock)

    @property
    def is_locked(self) -> bool:
        return self.unlocked.is_locked

    def lock(self) -> None:
        self.__dict__.pop("journal", None)
        self.unlocked.lock()
