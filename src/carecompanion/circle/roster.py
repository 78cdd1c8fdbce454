"""Who is in a circle and in what role, worked out the same way by every reader.

The rules (docs/circle-format.md, "roster items") make the roster a pure function of the set
of valid items, so it merges like everything else. Roles only ever come from signatures:
the owner's, an admin's within what the owner allowed, or (passphrase circles) a member
enrolling themselves.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Final

from carecompanion.circle.identity import MemberCard
from carecompanion.circle.items import SignedItem

WRITER_ROLES: Final = ("owner", "admin", "member")
READER_ROLES: Final = ("owner", "admin", "member", "reader")
ADMIN_ROLES: Final = ("owner", "admin")


@dataclass(frozen=True)
class RosterMember:
    card: MemberCard
    role: str  # owner, admin, member, reader or removed
    version: int  # of the roster item that decided the role (0 for the owner)
    op_count: int  # roster changes this member has signed (the next one is op_count + 1)

    @property
    def fingerprint(self) -> str:
        return self.card.fingerprint

    @property
    def name(self) -> str:
        return self.card.name

    @property
    def can_write(self) -> bool:
        return self.role in WRITER_ROLES

    @property
    def can_read(self) -> bool:
        return self.role in READER_ROLES

    @property
    def is_admin(self) -> bool:
        return self.role in ADMIN_ROLES


@dataclass(frozen=True)
class Roster:
    owner: str
    mode: str
    members: Mapping[str, RosterMember]  # by fingerprint, including removed members
    ignored: tuple[SignedItem, ...]  # roster items no rule allows (reported, never applied)

    def role_of(self, fingerprint: str) -> str | None:
        member = self.members.get(fingerprint)
        return member.role if member else None

    def current(self) -> list[RosterMember]:
        """Everyone who can read the next version of the file."""
        return [m for m in self.members.values() if m.can_read]

    def can_read(self, fingerprint: str) -> bool:
        member = self.members.get(fingerprint)
        return member is not None and member.can_read

    def can_write(self, fingerprint: str) -> bool:
        member = self.members.get(fingerprint)
        return member is not None and member.can_write


def evaluate_roster(
    genesis: SignedItem, cards: Mapping[str, MemberCard], items: Iterable[SignedItem]
) -> Roster:
    owner = genesis.signer
    mode = str(genesis.fields["mode"])
    roster_items = [item for item in items if item.kind == "roster"]

    def best(candidates: Iterable[SignedItem]) -> dict[str, SignedItem]:
        winners: dict[str, SignedItem] = {}
        for item in candidates:
            member = item.fields["member"]
            current = winners.get(member)
            if current is None or _precedence(item, owner) > _precedence(current, owner):
                winners[member] = item
        return winners

    by_owner = [i for i in roster_items if i.signer == owner and i.fields["member"] != owner]
    owner_decided = best(by_owner)
    admins = {m for m, item in owner_decided.items() if item.fields["role"] == "admin"}

    def admin_may(item: SignedItem) -> bool:
        signer, member = item.signer, item.fields["member"]
        if signer == owner or item.fields["role"] == "admin":
            return False
        if member == owner or member in admins:
            return False
        if signer in admins:
            return True
        # A demoted admin: changes made before the demotion stand, later ones do not.
        decided = owner_decided.get(signer)
        honoured = decided.fields["honoured"] if decided is not None else None
        return honoured is not None and item.fields["op"] <= honoured

    by_admins = [
        i
        for i in roster_items
        if i.signer != owner and i.signer != i.fields["member"] and admin_may(i)
    ]
    managed = {i.fields["member"] for i in (*by_owner, *by_admins)}
    self_enrolled = [
        i
        for i in roster_items
        if mode == "passphrase"
        and i.signer == i.fields["member"]
        and i.fields["role"] == "member"
        and i.signer != owner
        and i.signer not in managed
    ]
    valid = [*by_owner, *by_admins, *self_enrolled]
    decided = best(valid)
    valid_ids = {id(i) for i in valid}
    ignored = tuple(i for i in roster_items if id(i) not in valid_ids)

    op_counts: dict[str, int] = {}
    for item in roster_items:
        op_counts[item.signer] = max(op_counts.get(item.signer, 0), item.fields["op"])

    members: dict[str, RosterMember] = {}
    if owner in cards:
        members[owner] = RosterMember(cards[owner], "owner", 0, op_counts.get(owner, 0))
    for fingerprint, item in decided.items():
        card = cards.get(fingerprint)
        if card is None:
            continue  # no keys for them: cannot read or sign; the file is reported incomplete
        members[fingerprint] = RosterMember(
            card,
            str(item.fields["role"]),
            int(item.fields["version"]),
            op_counts.get(fingerprint, 0),
        )
    return Roster(owner, mode, members, ignored)


def _precedence(item: SignedItem, owner: str) -> tuple[int, int, bytes]:
    return (item.fields["version"], int(item.signer == owner), item.signature)
