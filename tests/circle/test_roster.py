"""Who may change the roster, and what a demotion keeps and stops."""

from __future__ import annotations

from tests.circle.helpers import content, member, roster_item

from carecompanion.circle.items import SignedItem
from carecompanion.circle.roster import Roster, evaluate_roster

OWNER, ADA, BEN, CY, DEE = (member(n) for n in ("Owner", "Ada", "Ben", "Cy", "Dee"))


def roster(*items: SignedItem, mode: str = "keys") -> Roster:
    result = content(OWNER, ADA, BEN, CY, DEE, mode=mode)
    result.add(items)
    return evaluate_roster(result.genesis, result.cards, result.items.values())


def test_owner_adds_and_removes_members() -> None:
    r = roster(
        roster_item(OWNER, ADA.fingerprint, "member", 1, 1),
        roster_item(OWNER, BEN.fingerprint, "reader", 1, 2),
    )
    assert r.role_of(OWNER.fingerprint) == "owner"
    assert r.role_of(ADA.fingerprint) == "member" and r.can_write(ADA.fingerprint)
    assert r.role_of(BEN.fingerprint) == "reader" and not r.can_write(BEN.fingerprint)
    r = roster(
        roster_item(OWNER, ADA.fingerprint, "member", 1, 1),
        roster_item(OWNER, ADA.fingerprint, "removed", 2, 2),
    )
    assert r.role_of(ADA.fingerprint) == "removed"
    assert [m.name for m in r.current()] == ["Owner"]


def test_a_member_cannot_change_the_roster() -> None:
    add_ada = roster_item(OWNER, ADA.fingerprint, "member", 1, 1)
    ada_adds_ben = roster_item(ADA, BEN.fingerprint, "member", 1, 1)
    ada_promotes_self = roster_item(ADA, ADA.fingerprint, "admin", 2, 2)
    r = roster(add_ada, ada_adds_ben, ada_promotes_self)
    assert r.role_of(BEN.fingerprint) is None
    assert r.role_of(ADA.fingerprint) == "member"
    assert set(r.ignored) == {ada_adds_ben, ada_promotes_self}


def test_an_admin_manages_members_but_not_admins_or_the_owner() -> None:
    items = [
        roster_item(OWNER, ADA.fingerprint, "admin", 1, 1),
        roster_item(OWNER, BEN.fingerprint, "admin", 1, 2),
        roster_item(ADA, CY.fingerprint, "member", 1, 1),
        roster_item(ADA, BEN.fingerprint, "removed", 2, 2),
        roster_item(ADA, OWNER.fingerprint, "removed", 1, 3),
        roster_item(ADA, DEE.fingerprint, "admin", 1, 4),
    ]
    r = roster(*items)
    assert r.role_of(CY.fingerprint) == "member"
    assert r.role_of(BEN.fingerprint) == "admin"
    assert r.role_of(OWNER.fingerprint) == "owner"
    assert r.role_of(DEE.fingerprint) is None


def test_demoting_an_admin_keeps_earlier_changes_and_stops_later_ones() -> None:
    items = [
        roster_item(OWNER, ADA.fingerprint, "admin", 1, 1),
        roster_item(ADA, CY.fingerprint, "member", 1, 1),
        roster_item(OWNER, ADA.fingerprint, "member", 2, 2, honoured=1),
        roster_item(ADA, DEE.fingerprint, "member", 1, 2),
    ]
    r = roster(*items)
    assert r.role_of(ADA.fingerprint) == "member"
    assert r.role_of(CY.fingerprint) == "member"
    assert r.role_of(DEE.fingerprint) is None


def test_passphrase_circle_members_enrol_only_themselves() -> None:
    self_enrol = roster_item(ADA, ADA.fingerprint, "member", 1, 1)
    as_admin = roster_item(BEN, BEN.fingerprint, "admin", 1, 1)
    enrols_other = roster_item(ADA, CY.fingerprint, "member", 1, 2)
    r = roster(self_enrol, as_admin, enrols_other, mode="passphrase")
    assert r.role_of(ADA.fingerprint) == "member"
    assert r.role_of(BEN.fingerprint) is None and r.role_of(CY.fingerprint) is None
    # In a keys circle, enrolling yourself is not a thing.
    assert roster(self_enrol).role_of(ADA.fingerprint) is None
    # Once the owner removed someone, enrolling again does not bring them back.
    removed = roster_item(OWNER, ADA.fingerprint, "removed", 1, 1)
    again = roster_item(ADA, ADA.fingerprint, "member", 5, 3)
    assert (
        roster(self_enrol, removed, again, mode="passphrase").role_of(ADA.fingerprint) == "removed"
    )


def test_the_same_roster_whatever_the_order() -> None:
    items = [
        roster_item(OWNER, ADA.fingerprint, "admin", 1, 1),
        roster_item(ADA, CY.fingerprint, "member", 1, 1),
        roster_item(OWNER, CY.fingerprint, "reader", 1, 2),
    ]
    first = roster(*items).members
    second = roster(*reversed(items)).members
    assert first == second
    assert first[CY.fingerprint].role == "reader"  # same version: the owner's item wins
