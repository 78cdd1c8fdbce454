"""The mood services hang off the unlocked session and go away when it locks."""

from __future__ import annotations

from carecompanion.clock import FixedClock
from carecompanion.mood.assessments import AssessmentService
from carecompanion.mood.records import CheckInDraft
from carecompanion.mood.service import MoodService
from carecompanion.session import VaultSession
from carecompanion.vault.vault import UnlockedVault


def test_session_services_and_lock(unlocked_vault: UnlockedVault, clock: FixedClock) -> None:
    session = VaultSession(unlocked_vault, clock)
    assert isinstance(session.mood, MoodService)
    assert session.mood is session.mood  # one per session
    assert isinstance(session.assessments, AssessmentService)
    session.mood.add(CheckInDraft(mood=4))
    assert session.mood.count() == 1
    session.lock()
    assert "mood" not in session.__dict__ and "assessments" not in session.__dict__
    assert session.is_locked
