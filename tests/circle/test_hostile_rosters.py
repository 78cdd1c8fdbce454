"""Hostile roster histories (issue 14): any sequence of honest changes, syncs, rollbacks and
hostile items (from the owner, admins, members, removed members and an outsider, each signed
with the signer's own keys) leaves every member with the same roster, never makes a removed
person a recipient, voids a demoted admin's later items and leaves the owner the last word.

No vaults and no encryption: each person's vault is a ``CircleContent`` and a sync is what
``CircleSync`` does with it (``keeping.combine`` with the file, then the file written when the
roster lets them read it), so hundreds of histories run in seconds.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st
from tests.circle.helpers import NOW, content, member

from carecompanion.circle.content import CircleContent
from carecompanion.circle.errors import CircleError
from carecompanion.circle.identity import MemberIdentity
from carecompanion.circle.items import SignedItem, encode_keeps, make_item
from carecompanion.circle.keeping import combine
from carecompanion.circle.roster import Roster
from carecompanion.circle.roster_changes import roster_change, roster_of

NAMES = ("Ow", "A1", "A2", "M1", "M2", "X")
PEOPLE = {name: member(f"Hostile {name}") for name in NAMES}
OWNER = PEOPLE["Ow"]
HONEST = ("Ow", "A1", "A2", "M1", "M2")  # X is an outsider: only ever hostile
ROLES = ("admin", "member", "helper", "reader", "removed")


@dataclass
class World:
    file: CircleContent
    vaults: dict[str, CircleContent]
    snapshots: list[CircleContent] = field(default_factory=list)
    created: list[SignedItem] = field(default_factory=list)  # every roster item, in order
    writes: list[tuple[str, frozenset[str], CircleContent]] = field(default_factory=list)

    def sync(self, name: str) -> Roster:
        kept = combine(self.vaults[name], [self.file])
        self.vaults[name] = kept.content
        if kept.roster.can_read(PEOPLE[name].fingerprint):
            self.file = kept.content.copy()
            readers = frozenset(m.fingerprint for m in kept.roster.current())
            self.writes.append((name, readers, kept.content))
            self.snapshots.append(self.file)
        return kept.roster

    def change(self, name: str, target: str, role: str) -> bool:
        """What ``members.CircleMembers`` lets a person do, from what their vault holds."""
        vault = self.vaults[name].copy()
        roster = roster_of(vault)
        me, them = PEOPLE[name], PEOPLE[target]
        acting = roster.members.get(me.fingerprint)
        if acting is None or not acting.is_admin or them is OWNER:
            return False
        if name != "Ow" and (role == "admin" or roster.role_of(them.fingerprint) == "admin"):
            return False
        vault.add_cards([them.card])
        before = set(vault.items)
        try:
            roster_change(vault, me, them.fingerprint, role, NOW)
        except CircleError:
            # Not allowed (bringing back someone the owner removed), or an odd item of the
            # owner's own made the version the largest there is: one clean error either way.
            return False
        self.created.extend(vault.items[k] for k in set(vault.items) - before)
        self.vaults[name] = vault
        return True

    def hostile(self, signer: str, target: str, role: str, draw: Any) -> None:
        """An item ``signer`` makes with their own keys, whatever the rules say, put straight
        into the file."""
        about = [
            i
            for i in self.file.items.values()
            if i.kind == "roster" and i.fields["member"] == PEOPLE[target].fingerprint
        ]
        grants = [
            i
            for i in self.file.items.values()
            if i.kind == "roster" and i.signer == OWNER.fingerprint
        ]
        parent = draw(st.sampled_from([None, *about]))
        under = draw(st.sampled_from([None, *grants]))
        honest_version = parent.fields["version"] + 1 if parent is not None else 1
        choices = [honest_version, 1, 2, honest_version + 1, 2**53 - 1]
        version = draw(st.sampled_from([v for v in choices if v <= 2**53 - 1]))
        keeps = draw(st.sampled_from([None, *(i.digest for i in about)]))
        item = make_item(
            "roster",
            self.file.circle_id,
            {
                "by": PEOPLE[signer].fingerprint,
                "member": PEOPLE[target].fingerprint,
                "role": role,
                "version": version,
                "replaces": parent.digest.hex() if parent is not None else None,
                "under": under.digest.hex() if under is not None else None,
                "keeps": encode_keeps([keeps]) if keeps is not None else None,
                "at": "2026-11-25T10:00:00Z",
            },
            PEOPLE[signer].sign,
        )
        self.created.append(item)
        self.file = self.file.copy()
        self.file.add_cards([PEOPLE[signer].card, PEOPLE[target].card])
        self.file.add([item])
        if signer == "Ow":
            # The owner's key signs only in the owner's app, which keeps what it signs: the
            # owner is trusted with the circle, whatever odd item their app makes.
            self.vaults["Ow"] = self.vaults["Ow"].copy()
            self.vaults["Ow"].add_cards([PEOPLE[target].card])
            self.vaults["Ow"].add([item])


def start() -> World:
    base = content(OWNER)
    world = World(base.copy(), {name: base.copy() for name in HONEST})
    for name, role in (("A1", "admin"), ("A2", "admin"), ("M1", "member"), ("M2", "member")):
        world.change("Ow", name, role)
    for name in HONEST:
        world.sync(name)
    return world


def roles(roster: Roster) -> dict[str, str | None]:
    return {name: roster.role_of(PEOPLE[name].fingerprint) for name in NAMES}


def owner_latest(vault: CircleContent, person: MemberIdentity) -> SignedItem | None:
    mine = [
        i
        for i in vault.items.values()
        if i.kind == "roster"
        and i.signer == OWNER.fingerprint
        and i.fields["member"] == person.fingerprint
        and i.fields["under"] is None
    ]
    return max(mine, key=lambda i: (i.fields["version"], True, 0, i.digest), default=None)


steps = st.one_of(
    st.tuples(
        st.just("change"),
        st.sampled_from(HONEST),
        st.sampled_from(HONEST[1:]),
        st.sampled_from(ROLES),
    ),
    st.tuples(st.just("sync"), st.sampled_from(HONEST)),
    st.tuples(
        st.just("hostile"), st.sampled_from(NAMES), st.sampled_from(NAMES), st.sampled_from(ROLES)
    ),
    st.tuples(st.just("rollback")),
)


@settings(max_examples=200, deadline=None)
@given(st.lists(steps, min_size=5, max_size=40), st.data())
def test_hostile_roster_histories(history: list[tuple[str, ...]], data: st.DataObject) -> None:
    world = start()
    for step in history:
        if step[0] == "change":
            world.change(step[1], step[2], step[3])
        elif step[0] == "sync":
            world.sync(step[1])
        elif step[0] == "hostile":
            world.hostile(step[1], step[2], step[3], data.draw)
        elif world.snapshots:
            world.file = data.draw(st.sampled_from(world.snapshots))  # restored from a backup

    # The owner's last word about everyone, then everyone syncs, twice over.
    world.sync("Ow")
    final = {name: data.draw(st.sampled_from(ROLES)) for name in HONEST[1:]}
    final = {name: role for name, role in final.items() if world.change("Ow", name, role)}
    for _round in range(2):
        for name in HONEST:
            world.sync(name)
    file_roster = roster_of(world.file)

    # 1. Everyone who can read the circle computes the same roster as the file's.
    for name in HONEST:
        if file_roster.can_read(PEOPLE[name].fingerprint):
            assert roles(roster_of(world.vaults[name])) == roles(file_roster)

    # 2. The owner has the last word; members, removed people and outsiders let nobody in.
    for name, role in final.items():
        assert file_roster.role_of(PEOPLE[name].fingerprint) == role
    outsider = PEOPLE["X"].fingerprint
    admins = {PEOPLE[n].fingerprint for n in ("Ow", "A1", "A2")}
    if not any(i.signer in admins and i.fields["member"] == outsider for i in world.created):
        assert file_roster.role_of(outsider) is None, "only the owner or an admin lets X in"

    # 3. No file is encrypted to someone whose removal by the owner the writer had synced.
    for _writer, readers, vault in world.writes:
        for name in NAMES[1:]:
            latest = owner_latest(vault, PEOPLE[name])
            if latest is not None and latest.fields["role"] == "removed":
                assert PEOPLE[name].fingerprint not in readers

    # 4. An admin's item made after the owner's later word about that admin never counts.
    for index, item in enumerate(world.created):
        under = item.fields["under"]
        if item.signer == OWNER.fingerprint or under is None:
            continue
        earlier = world.created[:index]
        grant = next((g for g in earlier if g.digest.hex() == under), None)
        overruled = grant is not None and any(
            y.signer == OWNER.fingerprint
            and y.fields["member"] == item.signer
            and y.fields["under"] is None
            and y is not grant
            and y.fields["version"] >= grant.fields["version"]
            and y.key in world.file.items
            for y in earlier
        )
        if overruled:
            assert item.digest not in file_roster.valid

    # 5. Merged in any order, the vaults give one roster.
    vaults = list(world.vaults.values())
    expected = roles(combine(vaults[0], vaults[1:]).roster)
    for order in itertools.islice(itertools.permutations(vaults), 6):
        assert roles(combine(order[0], list(order[1:])).roster) == expected
