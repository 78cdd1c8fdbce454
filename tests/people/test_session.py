"""The people services hang off the unlocked session and go away when it locks."""

from __future__ import annotations

from carecompanion.clock import FixedClock
from carecompanion.people.contacts import PeopleService
from carecompanion.people.groups import GroupService
from carecompanion.people.records import ContactDraft
from carecompanion.session import VaultSession
from carecompanion.vault.vault import UnlockedVault


def test_session_services_and_lock(unlocked_vault: UnlockedVault, clock: FixedClock) -> None:
    session = VaultSession(unlocked_vault, clock)
    assert isinstance(session.people, PeopleService) and session.people is session.people
    assert isinstance(session.groups, GroupService) and session.groups is session.groups
    session.people.add(ContactDraft(name="Ann"))
    assert session.people.count() == 1
    session.lock()
    assert "people" not in session.__dict__ and "groups" not in session.__dict__
    assert session.is_locked
