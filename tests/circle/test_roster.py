"""Who may change the roster, and how (format version 2): authority from the owner's items
only, chains instead of counters, what a demotion keeps, the owner's last word."""

from __future__ import annotations

import itertools

from tests.circle.helpers import content, legacy_item, member, roster_item

from carecompanion.circle.items import SignedItem
from carecompanion.circle.keeping import keep
from carecompanion.circle.roster import Roster, evaluate_roster

OWNER, ADA, BEN, CY, DEE = (member(n) for n in ("Owner", "Ada", "Ben", "Cy", "Dee"))


def roster(*items: SignedItem, mode: str = "keys") -> Roster:
    result = content(OWNER, ADA, BEN, CY, DEE, mode=mode)
    result.add(items)
    return evaluate_roster(result.genesis, result.cards, result.items.values())


def roles(r: Roster) -> dict[str, str | None]:
    return {p.name: r.role_of(p.fingerprint) for p in (ADA, BEN, CY, DEE)}


def test_owner_adds_changes_and_removes_members() -> None:
    add_ada = roster_item(OWNER, ADA.fingerprint, "member")
    add_ben = roster_item(OWNER, BEN.fingerprint, "reader")
    r = roster(add_ada, add_ben)
    assert r.role_of(OWNER.fingerprint) == "owner"
    assert r.role_of(ADA.fingerprint) == "member" and r.can_write(ADA.fingerprint)
    assert r.role_of(BEN.fingerprint) == "reader" and not r.can_write(BEN.fingerprint)
    removed = roster_item(OWNER, ADA.fingerprint, "removed", replaces=add_ada)
    r = roster(add_ada, removed)
    assert r.role_of(ADA.fingerprint) == "removed" and r.members[ADA.fingerprint].former
    assert [m.name for m in r.current()] == ["Owner"]
    assert r.ignored == ()


def test_a_member_cannot_change_the_roster() -> None:
    add_ada = roster_item(OWNER, ADA.fingerprint, "member")
    ada_adds_ben = roster_item(ADA, BEN.fingerprint, "member")
    ada_adds_cy = roster_item(ADA, CY.fingerprint, "member", under=add_ada)  # not a grant
    ada_promotes_self = roster_item(ADA, ADA.fingerprint, "admin", replaces=add_ada)
    r = roster(add_ada, ada_adds_ben, ada_adds_cy, ada_promotes_self)
    assert roles(r) == {"Ada": "member", "Ben": None, "Cy": None, "Dee": None}
    assert set(r.ignored) == {ada_adds_ben, ada_adds_cy, ada_promotes_self}


def test_an_admin_manages_members_but_not_admins_or_the_owner() -> None:
    ada_admin = roster_item(OWNER, ADA.fingerprint, "admin")
    ben_admin = roster_item(OWNER, BEN.fingerprint, "admin")
    items = [
        ada_admin,
        ben_admin,
        roster_item(ADA, CY.fingerprint, "member", under=ada_admin),
        roster_item(ADA, BEN.fingerprint, "removed", replaces=ben_admin, under=ada_admin),
        roster_item(ADA, OWNER.fingerprint, "removed", under=ada_admin),
        roster_item(ADA, DEE.fingerprint, "admin", under=ada_admin),
    ]
    r = roster(*items)
    assert roles(r) == {"Ada": "admin", "Ben": "admin", "Cy": "member", "Dee": None}
    assert r.role_of(OWNER.fingerprint) == "owner"
    assert len(r.ignored) == 3


def test_demoting_an_admin_keeps_exactly_what_the_owner_lists() -> None:
    ada_admin = roster_item(OWNER, ADA.fingerprint, "admin")
    adds_cy = roster_item(ADA, CY.fingerprint, "member", under=ada_admin)
    adds_dee = roster_item(ADA, DEE.fingerprint, "member", under=ada_admin)
    demoted = roster_item(OWNER, ADA.fingerprint, "member", replaces=ada_admin, keeps=[adds_cy])
    # After the demotion, any item of hers, whatever its numbers: void.
    later = roster_item(ADA, BEN.fingerprint, "member", under=ada_admin, version=1)
    r = roster(ada_admin, adds_cy, adds_dee, demoted, later)
    assert roles(r) == {"Ada": "member", "Ben": None, "Cy": "member", "Dee": None}
    assert set(r.ignored) == {adds_dee, later}


def test_a_removed_admins_later_items_are_void_whatever_their_numbers() -> None:
    ada_admin = roster_item(OWNER, ADA.fingerprint, "admin")
    adds_cy = roster_item(ADA, CY.fingerprint, "member", under=ada_admin)
    removed = roster_item(OWNER, ADA.fingerprint, "removed", replaces=ada_admin, keeps=[adds_cy])
    forged = [
        roster_item(ADA, BEN.fingerprint, "member", under=ada_admin),
        roster_item(ADA, CY.fingerprint, "reader", replaces=adds_cy, under=ada_admin),
        roster_item(ADA, DEE.fingerprint, "member", under=ada_admin, version=7),
        roster_item(ADA, ADA.fingerprint, "member", replaces=removed),  # back in, by herself
    ]
    r = roster(ada_admin, adds_cy, removed, *forged)
    assert roles(r) == {"Ada": "removed", "Ben": None, "Cy": "member", "Dee": None}
    assert set(r.ignored) == set(forged)


def test_a_version_is_only_reached_through_a_chain_of_valid_items() -> None:
    ada_admin = roster_item(OWNER, ADA.fingerprint, "admin")
    add_cy = roster_item(OWNER, CY.fingerprint, "member")
    pinned = roster_item(ADA, CY.fingerprint, "reader", under=ada_admin, version=2**53 - 1)
    skipped = roster_item(
        ADA, CY.fingerprint, "reader", replaces=add_cy, under=ada_admin, version=9
    )
    first_at_two = roster_item(ADA, DEE.fingerprint, "member", under=ada_admin, version=2)
    r = roster(ada_admin, add_cy, pinned, skipped, first_at_two)
    assert roles(r)["Cy"] == "member" and roles(r)["Dee"] is None
    assert set(r.ignored) == {pinned, skipped, first_at_two}
    # The owner's next change is simply the next version: nothing to outbid.
    removal = roster_item(OWNER, CY.fingerprint, "removed", replaces=add_cy)
    assert roster(ada_admin, add_cy, pinned, skipped, removal).role_of(CY.fingerprint) == "removed"


def test_the_owner_has_the_last_word() -> None:
    ada_admin = roster_item(OWNER, ADA.fingerprint, "admin")
    add_cy = roster_item(OWNER, CY.fingerprint, "member")
    # Ada forks from the owner's item and builds a longer chain of her own...
    ada_1 = roster_item(ADA, CY.fingerprint, "reader", replaces=add_cy, under=ada_admin)
    ada_2 = roster_item(ADA, CY.fingerprint, "member", replaces=ada_1, under=ada_admin)
    ada_3 = roster_item(ADA, CY.fingerprint, "reader", replaces=ada_2, under=ada_admin)
    assert roster(ada_admin, add_cy, ada_1, ada_2, ada_3).role_of(CY.fingerprint) == "reader"
    # ...the owner's later word about Cy (on the item the owner saw) wins over all of it,
    owner_says = roster_item(OWNER, CY.fingerprint, "member", replaces=ada_1)
    r = roster(ada_admin, add_cy, ada_1, ada_2, ada_3, owner_says)
    assert r.role_of(CY.fingerprint) == "member"
    # and only changes made on top of it count from then on.
    on_top = roster_item(ADA, CY.fingerprint, "reader", replaces=owner_says, under=ada_admin)
    assert roster(ada_admin, add_cy, ada_1, owner_says, ada_3, on_top).role_of(CY.fingerprint) == (
        "reader"
    )


def test_an_admin_cannot_bring_back_someone_the_owner_removed() -> None:
    ada_admin = roster_item(OWNER, ADA.fingerprint, "admin")
    add_cy = roster_item(OWNER, CY.fingerprint, "member")
    removed = roster_item(OWNER, CY.fingerprint, "removed", replaces=add_cy)
    back = roster_item(ADA, CY.fingerprint, "member", replaces=removed, under=ada_admin)
    r = roster(ada_admin, add_cy, removed, back)
    assert r.role_of(CY.fingerprint) == "removed" and r.ignored == (back,)


def test_two_admins_at_once_the_more_careful_role_wins() -> None:
    ada_admin = roster_item(OWNER, ADA.fingerprint, "admin")
    ben_admin = roster_item(OWNER, BEN.fingerprint, "admin")
    add_cy = roster_item(OWNER, CY.fingerprint, "member")
    ada_says = roster_item(ADA, CY.fingerprint, "reader", replaces=add_cy, under=ada_admin)
    ben_says = roster_item(BEN, CY.fingerprint, "removed", replaces=add_cy, under=ben_admin)
    for order in itertools.permutations([ada_admin, ben_admin, add_cy, ada_says, ben_says]):
        assert roster(*order).role_of(CY.fingerprint) == "removed"


def test_an_item_whose_parent_or_grant_is_missing_waits() -> None:
    ada_admin = roster_item(OWNER, ADA.fingerprint, "admin")
    add_cy = roster_item(OWNER, CY.fingerprint, "member")
    change = roster_item(ADA, CY.fingerprint, "reader", replaces=add_cy, under=ada_admin)
    assert roster(ada_admin, change).role_of(CY.fingerprint) is None
    assert roster(add_cy, change).role_of(CY.fingerprint) == "member"
    assert roster(ada_admin, add_cy, change).role_of(CY.fingerprint) == "reader"


def test_an_admin_made_admin_again_keeps_only_what_the_owner_kept() -> None:
    first = roster_item(OWNER, ADA.fingerprint, "admin")
    adds_cy = roster_item(ADA, CY.fingerprint, "member", under=first)
    adds_ben = roster_item(ADA, BEN.fingerprint, "member", under=first)
    demoted = roster_item(OWNER, ADA.fingerprint, "member", replaces=first, keeps=[adds_cy])
    again = roster_item(OWNER, ADA.fingerprint, "admin", replaces=demoted, keeps=[adds_cy])
    adds_dee = roster_item(ADA, DEE.fingerprint, "member", under=again)
    r = roster(first, adds_cy, adds_ben, demoted, again, adds_dee)
    assert roles(r) == {"Ada": "admin", "Ben": None, "Cy": "member", "Dee": "member"}
    # A grant that forgets an earlier item voids it, even if an earlier demotion kept it.
    forgetful = roster_item(OWNER, ADA.fingerprint, "admin", replaces=demoted)
    r = roster(first, adds_cy, demoted, forgetful)
    assert r.role_of(CY.fingerprint) is None


def test_passphrase_circle_members_enrol_only_themselves() -> None:
    self_enrol = roster_item(ADA, ADA.fingerprint, "member")
    as_admin = roster_item(BEN, BEN.fingerprint, "admin")
    enrols_other = roster_item(ADA, CY.fingerprint, "member")
    r = roster(self_enrol, as_admin, enrols_other, mode="passphrase")
    assert roles(r) == {"Ada": "member", "Ben": None, "Cy": None, "Dee": None}
    # In a keys circle, enrolling yourself is not a thing.
    assert roster(self_enrol).role_of(ADA.fingerprint) is None
    # Once the owner removed someone, enrolling again does not bring them back.
    removed = roster_item(OWNER, ADA.fingerprint, "removed", replaces=self_enrol)
    again = roster_item(ADA, ADA.fingerprint, "member", at="2026-11-26T10:00:00Z")
    r = roster(self_enrol, removed, again, mode="passphrase")
    assert r.role_of(ADA.fingerprint) == "removed"


def test_the_same_roster_whatever_the_order() -> None:
    ada_admin = roster_item(OWNER, ADA.fingerprint, "admin")
    add_cy = roster_item(ADA, CY.fingerprint, "member", under=ada_admin)
    items = [
        ada_admin,
        add_cy,
        roster_item(OWNER, CY.fingerprint, "reader", replaces=add_cy),
        roster_item(ADA, DEE.fingerprint, "member", under=ada_admin),
        roster_item(BEN, DEE.fingerprint, "removed"),
    ]
    first = roster(*items)
    for order in itertools.permutations(items):
        again = roster(*order)
        assert again.members == first.members and set(again.valid) == set(first.valid)
    assert first.role_of(CY.fingerprint) == "reader"


def test_what_is_dropped_does_not_change_the_roster() -> None:
    ada_admin = roster_item(OWNER, ADA.fingerprint, "admin")
    adds_cy = roster_item(ADA, CY.fingerprint, "member", under=ada_admin)
    removed = roster_item(OWNER, ADA.fingerprint, "removed", replaces=ada_admin, keeps=[adds_cy])
    junk = roster_item(ADA, DEE.fingerprint, "member", under=ada_admin)
    whole = content(OWNER, ADA, BEN, CY, DEE)
    whole.add([ada_admin, adds_cy, removed, junk])
    kept = keep(whole)
    assert junk.key not in kept.content.items and kept.dropped.roster == 1
    assert set(kept.content.cards) == {OWNER.fingerprint, ADA.fingerprint, CY.fingerprint}
    again = keep(kept.content)
    assert again.roster.members == kept.roster.members and not again.dropped


def test_version_1_items_count_until_the_owner_reissues_them() -> None:
    """Version 1's rules, with its hole closed: ``op`` and ``honoured`` are numbers the signer
    chose, so a demoted admin's items are void, whatever they say."""
    items = [
        legacy_item(OWNER, ADA.fingerprint, "admin", 1, 1),
        legacy_item(ADA, CY.fingerprint, "member", 1, 1),
        legacy_item(OWNER, ADA.fingerprint, "member", 2, 2, honoured=1),
        legacy_item(ADA, DEE.fingerprint, "member", 1, 1),  # forged after, with op 1
        legacy_item(OWNER, BEN.fingerprint, "admin", 1, 3),
        legacy_item(BEN, CY.fingerprint, "reader", 1, 1),
    ]
    r = roster(*items)
    assert r.legacy
    assert roles(r) == {"Ada": "member", "Ben": "admin", "Cy": "reader", "Dee": None}
    reissued = roster_item(OWNER, CY.fingerprint, "member")
    r = roster(*items, reissued)
    assert not r.legacy and roles(r) == {"Ada": None, "Ben": None, "Cy": "member", "Dee": None}
    assert set(r.ignored) == set(items)
