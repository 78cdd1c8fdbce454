"""A journal on a fast throwaway vault, in a fixed time zone so entry days are predictable."""

from __future__ import annotations

from zoneinfo import ZoneInfo

import pytest

from carecompanion.clock import FixedClock
from carecompanion.journal.service import JournalService
from carecompanion.vault.vault import UnlockedVault

NEW_YORK = ZoneInfo("America/New_York")


@pytest.fixture
def journal(unlocked_vault: UnlockedVault, clock: FixedClock) -> JournalService:
    return JournalService(unlocked_vault.database, clock, NEW_YORK)
