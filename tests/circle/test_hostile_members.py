"""Issue 14, findings 1, 2, 3, 5 and 6: what a member who turns hostile (or was removed) does
with their own keys, and what every other member's app makes of it."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.circle.helpers import NOW
from tests.circle.hostile import (
    Person,
    forge_roster,
    make_circle,
    people,
    shared,
    write_hostile_file,
)

from carecompanion.circle.canonical import b64url
from carecompanion.circle.checking import verify_file
from carecompanion.circle.engine import open_file_bytes
from carecompanion.circle.errors import CircleFileError
from carecompanion.circle.identity import MemberIdentity
from carecompanion.circle.items import SignedItem, make_item, record_id

__all__ = ["people", "shared"]  # fixtures

CONFLICT = "Tuesday group.sync-conflict-20261125-101500-ABCDEFG.carecircle"


def forge_record(author: MemberIdentity, circle_id: str, n: int, title: str) -> SignedItem:
    nonce = n.to_bytes(16, "big")
    return make_item(
        "record",
        circle_id,
        {
            "by": author.fingerprint,
            "id": record_id(author.fingerprint, nonce),
            "nonce": b64url(nonce),
            "kind": "entry",
            "version": 1,
            "created": "2026-11-25T12:00:00Z",
            "updated": "2026-11-25T12:00:00Z",
            "target": None,
            "content": {"title": title, "body": "x", "tags": [], "day": "2026-11-25"},
        },
        author.sign,
    )


def recipients(*persons: Person | MemberIdentity) -> list[str]:
    return [p.me.age_recipient if isinstance(p, Person) else p.age_recipient for p in persons]


def test_a_removed_admin_cannot_add_a_second_identity(
    people: dict[str, Person], shared: Path
) -> None:
    """Finding 1: the removed admin signs a new roster item adding a sock puppet."""
    ana, bea, cal, dee = (people[n] for n in ("Ana", "Bea", "Cal", "Dee"))
    circle_id = make_circle(people, shared, {"Bea": "admin", "Cal": "member"})
    bea.circles.add_member(circle_id, dee.circles.card())  # a change made while an admin
    bea.circles.sync(circle_id)
    ana.circles.sync(circle_id)
    ana.circles.remove_member(circle_id, bea.fingerprint)
    ana.circles.sync(circle_id)

    puppet = MemberIdentity.generate("Puppet", NOW)
    forged = bea.content(circle_id)  # all Bea's vault knows: from before her removal
    forged.add_cards([puppet.card])
    forged.add([forge_roster(bea.me, forged, puppet.fingerprint, "member")])
    hostile = shared.with_name(CONFLICT)
    write_hostile_file(hostile, forged, recipients(ana, bea, cal, dee, puppet))

    ana.circles.sync(circle_id)
    roster = ana.circles.roster(circle_id)
    assert roster.role_of(puppet.fingerprint) is None
    assert roster.role_of(dee.fingerprint) == "member", "Bea's change made as an admin stays"
    assert roster.role_of(bea.fingerprint) == "removed"
    with pytest.raises(CircleFileError, match="not a member"):
        open_file_bytes(shared.read_bytes(), identity=puppet)
    assert verify_file(shared.read_bytes(), ana.me).ok


def test_what_a_removed_member_plants_is_dropped_not_spread(
    people: dict[str, Person], shared: Path
) -> None:
    """Finding 2 (reading): cards of strangers and records of people who may not write are
    neither kept nor written again, and the sync says what it left out."""
    ana, bea, cal = (people[n] for n in ("Ana", "Bea", "Cal"))
    circle_id = make_circle(people, shared, {"Bea": "member", "Cal": "member"})
    ana.circles.remove_member(circle_id, cal.fingerprint)
    ana.circles.sync(circle_id)

    planted = cal.content(circle_id)
    strangers = [MemberIdentity.generate(f"Junk {n}", NOW) for n in range(12)]
    planted.add_cards(s.card for s in strangers)
    planted.add(forge_record(s, circle_id, n, "junk") for n, s in enumerate(strangers))
    planted.add([forge_record(cal.me, circle_id, 99, "After my removal")])
    write_hostile_file(shared.with_name(CONFLICT), planted, recipients(ana, bea, cal))

    report = ana.circles.sync(circle_id)
    kept = ana.content(circle_id)
    assert set(kept.cards) == {ana.fingerprint, bea.fingerprint, cal.fingerprint}
    assert {r.signer for r in kept.records()} <= {ana.fingerprint, bea.fingerprint}
    written = open_file_bytes(shared.read_bytes(), identity=bea.me).content
    assert set(written.cards) == set(kept.cards) and not list(written.records())
    assert (report.dropped.cards, report.dropped.records) == (12, 13)
    assert ana.circles.sync(circle_id).dropped.total == 0, "said once"


def test_an_admin_cannot_pin_a_members_role(people: dict[str, Person], shared: Path) -> None:
    """Finding 3: a roster item with version 2**53 - 1; the owner then removes the member."""
    ana, bea, cal = (people[n] for n in ("Ana", "Bea", "Cal"))
    circle_id = make_circle(people, shared, {"Bea": "admin", "Cal": "member"})
    bea.circles.sync(circle_id)
    pinned = bea.content(circle_id)
    pinned.add([forge_roster(bea.me, pinned, cal.fingerprint, "member", version=2**53 - 1)])
    write_hostile_file(shared, pinned, recipients(ana, bea, cal))

    ana.circles.sync(circle_id)
    ana.circles.remove_member(circle_id, cal.fingerprint)
    ana.circles.sync(circle_id)
    assert ana.circles.roster(circle_id).role_of(cal.fingerprint) == "removed"
    with pytest.raises(CircleFileError, match="not a member"):
        cal.circles.sync(circle_id)


def test_swapped_signatures_are_caught(people: dict[str, Person], shared: Path) -> None:
    """Finding 5: a member replaces the signatures of another's records (covered by that
    author's head) with 0xFF bytes; nobody adopts them and verify says so."""
    ana, bea, cal, dee = (people[n] for n in ("Ana", "Bea", "Cal", "Dee"))
    circle_id = make_circle(people, shared, {"Bea": "member", "Cal": "member", "Dee": "member"})
    for n in range(3):
        ana.share(circle_id, f"Ana's entry {n}")
    ana.circles.sync(circle_id)
    cal.circles.sync(circle_id)

    swapped = bea.content(circle_id)
    bea.circles.sync(circle_id)
    swapped = bea.content(circle_id)
    for item in list(swapped.records()):
        swapped.items[item.key] = SignedItem(item.kind, item.body, b"\xff" * 64, item.fields)
    write_hostile_file(shared, swapped, recipients(ana, bea, cal, dee))
    assert not verify_file(shared.read_bytes(), ana.me).ok
    assert dee.titles(circle_id) == []

    cal.circles.sync(circle_id)  # Cal had the real ones: they stay, and are written back
    for person in (cal,):
        for item in person.content(circle_id).records():
            assert item.signature != b"\xff" * 64
    assert verify_file(shared.read_bytes(), ana.me).ok
    dee.circles.sync(circle_id)
    assert dee.titles(circle_id) == [f"Ana's entry {n}" for n in range(3)]


def test_a_removed_members_earlier_posts_stay_and_later_ones_do_not(
    people: dict[str, Person], shared: Path
) -> None:
    """Finding 6: removing someone keeps what they shared before (marked as a former
    member's), refuses what they sign after, and ``verify`` passes."""
    ana, bea, cal = (people[n] for n in ("Ana", "Bea", "Cal"))
    circle_id = make_circle(people, shared, {"Bea": "member", "Cal": "member"})
    cal.share(circle_id, "Before")
    cal.circles.sync(circle_id)
    ana.circles.sync(circle_id)
    ana.circles.remove_member(circle_id, cal.fingerprint)
    ana.circles.sync(circle_id)
    assert verify_file(shared.read_bytes(), ana.me).ok

    later = cal.content(circle_id)
    later.add([forge_record(cal.me, circle_id, 7, "After")])
    write_hostile_file(shared.with_name(CONFLICT), later, recipients(ana, bea, cal))
    ana.circles.sync(circle_id)
    bea.circles.sync(circle_id)
    for person in (ana, bea):
        (post,) = person.circles.state(circle_id).posts
        assert (post.title, post.author_name, post.former_member) == ("Before", "Cal", True)
    assert verify_file(shared.read_bytes(), bea.me).ok
