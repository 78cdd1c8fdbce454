"""Who is in a circle and in what role, worked out the same way by every reader.

The rules (docs/circle-format.md, "Roster items") make the roster a pure function of the set
of verified roster items, so it merges like everything else: the order items arrive in never
matters. Roles only ever come from signatures, and never from a number a signer chose:

- the owner's items stand on their own; admin status comes only from them;
- an admin's item names the owner's item that made them admin (``under``), and stays valid
  only while every later owner item about that admin lists it in ``keeps``;
- each item names the item it replaces for that member (``replaces``) and has exactly its
  version + 1, so a version is only reached through a chain of valid items;
- the current item for a member is the deepest valid item that descends from the owner's
  latest item about them (so the owner always has the last word), ties to the owner, then to
  the more careful role, then to the larger digest.

A file from before version 2 holds version-1 roster items (kind ``legacy``); they decide the
roster, under version 1's rules with its holes closed, until the owner re-issues the roster as
version-2 items (``roster_changes.reissue_legacy_roster``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import Enum
from typing import Final

from carecompanion.circle.identity import MemberCard
from carecompanion.circle.items import SignedItem, is_offer_record

WRITER_ROLES: Final = ("owner", "admin", "member")
#: Who may offer help (format version 3): everyone who writes, and helpers, who write
#: nothing else (docs/circle-format.md, "Roles in the help calendar").
OFFER_ROLES: Final = ("owner", "admin", "member", "helper")
READER_ROLES: Final = ("owner", "admin", "member", "helper", "reader")
ADMIN_ROLES: Final = ("owner", "admin")
#: Roles that may not post: the item that gives one lists the person's records that stay.
NON_WRITER_ROLES: Final = ("helper", "reader", "removed")
#: On a tie between two admins' changes, the more careful role wins.
_CAREFUL: Final = {"admin": 0, "member": 1, "helper": 2, "reader": 3, "removed": 4}


@dataclass(frozen=True)
class RosterMember:
    card: MemberCard
    role: str  # owner, admin, member, helper, reader or removed
    item: SignedItem | None  # the roster item that decided the role (None for the owner)

    @property
    def fingerprint(self) -> str:
        return self.card.fingerprint

    @property
    def name(self) -> str:
        return self.card.name

    @property
    def version(self) -> int:
        return int(self.item.fields["version"]) if self.item is not None else 0

    @property
    def can_write(self) -> bool:
        return self.role in WRITER_ROLES

    @property
    def can_offer(self) -> bool:
        """May offer help (and withdraw their offers): writers and helpers."""
        return self.role in OFFER_ROLES

    @property
    def can_read(self) -> bool:
        return self.role in READER_ROLES

    @property
    def is_admin(self) -> bool:
        return self.role in ADMIN_ROLES

    @property
    def former(self) -> bool:
        """Removed: what they wrote before and the circle kept is still shown, as theirs."""
        return self.role == "removed"


@dataclass(frozen=True)
class Roster:
    owner: str
    mode: str
    members: Mapping[str, RosterMember]  # by fingerprint, with a card; removed members too
    ignored: tuple[SignedItem, ...]  # roster items no rule allows (dropped when read)
    valid: frozenset[bytes]  # digests of the roster items that count (kept when read)
    tips: Mapping[str, SignedItem]  # each member's current item, card or not
    legacy: bool = False  # decided by version-1 items: the owner has not re-issued it yet

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

    def can_offer(self, fingerprint: str) -> bool:
        """May sign something that counts (writers, and helpers their offers): also who signs
        a head."""
        member = self.members.get(fingerprint)
        return member is not None and member.can_offer

    def has_role(self, fingerprint: str) -> bool:
        """Named by the roster at all (removed people too): their card is kept."""
        return fingerprint == self.owner or fingerprint in self.tips

    def may_keep(self, record: SignedItem) -> bool:
        """A record counts when its author may write now (a helper: an offer or an offer's
        withdrawal), or when the item that took that away from them lists it in ``keeps``
        (what they wrote before stays theirs)."""
        author = record.signer
        if author == self.owner:
            return author in self.members
        member = self.members.get(author)
        if member is None:
            return False
        if member.can_write:
            return True
        if member.role == "helper" and is_offer_record(record.fields):
            return True
        return member.item is not None and record.digest in member.item.keeps

    def grant_of(self, fingerprint: str) -> SignedItem | None:
        """The owner's item that makes this member an admin (what their items are ``under``)."""
        tip = self.tips.get(fingerprint)
        if tip is not None and tip.signer == self.owner and tip.fields["role"] == "admin":
            return tip
        return None


def evaluate_roster(
    genesis: SignedItem, cards: Mapping[str, MemberCard], items: Iterable[SignedItem]
) -> Roster:
    owner = genesis.signer
    mode = str(genesis.fields["mode"])
    current: list[SignedItem] = []
    legacy: list[SignedItem] = []
    for item in items:
        if item.kind == "roster":
            current.append(item)
        elif item.kind == "legacy":
            legacy.append(item)
    decided = _Version2(owner, mode, current)
    tips = decided.tips
    valid = set(decided.valid)
    is_legacy = not any(_owner_item_ok(i, owner) for i in current) and bool(legacy)
    if is_legacy:
        # Until the owner re-issues the roster, version-1 items decide whom they name.
        legacy_tips, legacy_valid = _evaluate_legacy(owner, mode, legacy)
        tips = {**tips, **legacy_tips}
        valid |= legacy_valid
    members: dict[str, RosterMember] = {}
    if owner in cards:
        members[owner] = RosterMember(cards[owner], "owner", None)
    for fingerprint, item in tips.items():
        card = cards.get(fingerprint)
        if card is not None:  # no keys for them: they cannot read or sign
            members[fingerprint] = RosterMember(card, str(item.fields["role"]), item)
    ignored = tuple(i for i in (*current, *legacy) if i.digest not in valid)
    return Roster(owner, mode, members, ignored, frozenset(valid), tips, is_legacy)


class _Status(Enum):
    VALID = 1
    DEAD = 2  # never valid, whatever else arrives: dropped
    WAITING = 3  # names an item that is not here: not valid now (and dropped when read)


def _owner_item_ok(item: SignedItem, owner: str) -> bool:
    f = item.fields
    return item.signer == owner and f["member"] != owner and f["under"] is None


def _precedence(item: SignedItem, owner: str) -> tuple[int, bool, int, bytes]:
    f = item.fields
    return (f["version"], item.signer == owner, _CAREFUL[f["role"]], item.digest)


class _Version2:
    """The version-2 rules over one set of roster items: which are valid, and each member's
    current item."""

    def __init__(self, owner: str, mode: str, items: list[SignedItem]) -> None:
        self.owner, self.mode = owner, mode
        self.by_digest = {item.digest: item for item in items}
        self.owner_items: dict[str, list[SignedItem]] = defaultdict(list)
        for item in items:
            if _owner_item_ok(item, owner):
                self.owner_items[item.fields["member"]].append(item)
        self.status: dict[bytes, _Status] = {}
        # The first owner item above each valid admin item, None when it starts at a root.
        self.anchor: dict[bytes, SignedItem | None] = {}
        # Parents have lower versions (exactly one lower when checked), so one pass in version
        # order sees every parent before its children.
        for item in sorted(items, key=lambda i: i.fields["version"]):
            if item.signer == owner:
                ok = _owner_item_ok(item, owner)
                self.status[item.digest] = _Status.VALID if ok else _Status.DEAD
            else:
                self.status[item.digest] = self._check(item)
        self.valid = frozenset(d for d, s in self.status.items() if s is _Status.VALID)
        self.tips = self._tips(items)

    def _check(self, item: SignedItem) -> _Status:
        f = item.fields
        signer, member, role = item.signer, f["member"], f["role"]
        if member == self.owner or role == "admin":
            return _Status.DEAD  # only the owner gives or takes admin; nobody touches the owner
        if signer == member:
            return self._self_enrolment(item)
        if f["under"] is None or (f["keeps"] is not None and role not in NON_WRITER_ROLES):
            return _Status.DEAD
        parent_status = self._parent(item)
        if parent_status is not _Status.VALID:
            return parent_status
        return self._authority(item)

    def _self_enrolment(self, item: SignedItem) -> _Status:
        """A passphrase circle's member adds themselves, once, as a plain member."""
        f = item.fields
        ok = (
            self.mode == "passphrase"
            and f["role"] == "member"
            and f["replaces"] is None
            and f["version"] == 1
            and f["under"] is None
            and f["keeps"] is None
        )
        if ok:
            self.anchor[item.digest] = None
        return _Status.VALID if ok else _Status.DEAD

    def _parent(self, item: SignedItem) -> _Status:
        f = item.fields
        if f["replaces"] is None:
            self.anchor[item.digest] = None
            return _Status.VALID if f["version"] == 1 else _Status.DEAD
        parent = self.by_digest.get(bytes.fromhex(f["replaces"]))
        if parent is None:
            return _Status.WAITING
        p = parent.fields
        if p["member"] != f["member"] or f["version"] != p["version"] + 1:
            return _Status.DEAD
        if p["role"] == "admin":
            return _Status.DEAD  # only the owner changes an admin
        if parent.signer == self.owner:
            if p["role"] == "removed" or not _owner_item_ok(parent, self.owner):
                return _Status.DEAD  # only the owner brings back someone the owner removed
            self.anchor[item.digest] = parent
            return _Status.VALID
        status = self.status[parent.digest]
        if status is _Status.VALID:
            self.anchor[item.digest] = self.anchor[parent.digest]
        return status

    def _authority(self, item: SignedItem) -> _Status:
        """Made by an admin: ``under`` names the owner's item that made the signer admin, and
        every owner item about the signer since then keeps this one."""
        signer = item.signer
        grant = self.by_digest.get(bytes.fromhex(item.fields["under"]))
        if grant is None:
            return _Status.WAITING
        g = grant.fields
        if not _owner_item_ok(grant, self.owner) or g["member"] != signer or g["role"] != "admin":
            return _Status.DEAD
        for later in self.owner_items.get(signer, ()):
            if (
                later is not grant
                and later.fields["version"] >= g["version"]
                and item.digest not in later.keeps
            ):
                return _Status.DEAD
        return _Status.VALID

    def _tips(self, items: list[SignedItem]) -> dict[str, SignedItem]:
        owner = self.owner
        candidates: dict[str, list[SignedItem]] = defaultdict(list)
        latest_owner = {
            member: max(mine, key=lambda i: _precedence(i, owner))
            for member, mine in self.owner_items.items()
        }
        for member, item in latest_owner.items():
            candidates[member].append(item)
        for item in items:
            if item.signer == owner or self.status[item.digest] is not _Status.VALID:
                continue
            member = item.fields["member"]
            # Only what builds on the owner's latest word about a member counts.
            if self.anchor[item.digest] is latest_owner.get(member):
                candidates[member].append(item)
        return {
            member: max(mine, key=lambda i: _precedence(i, owner))
            for member, mine in candidates.items()
        }


def _evaluate_legacy(
    owner: str, mode: str, items: list[SignedItem]
) -> tuple[dict[str, SignedItem], set[bytes]]:
    """Version 1's rules with its holes closed: an admin's items count only while the owner's
    latest item still makes them admin (``op`` and ``honoured`` are numbers the signer chose,
    so they decide nothing)."""

    def best(candidates: Iterable[SignedItem]) -> dict[str, SignedItem]:
        winners: dict[str, SignedItem] = {}
        for item in candidates:
            member = item.fields["member"]
            current = winners.get(member)
            if current is None or _legacy_precedence(item, owner) > _legacy_precedence(
                current, owner
            ):
                winners[member] = item
        return winners

    by_owner = [i for i in items if i.signer == owner and i.fields["member"] != owner]
    admins = {m for m, item in best(by_owner).items() if item.fields["role"] == "admin"}
    by_admins = [
        i
        for i in items
        if i.signer in admins
        and i.signer != owner
        and i.signer != i.fields["member"]
        and i.fields["role"] != "admin"
        and i.fields["member"] != owner
        and i.fields["member"] not in admins
    ]
    managed = {i.fields["member"] for i in (*by_owner, *by_admins)}
    self_enrolled = [
        i
        for i in items
        if mode == "passphrase"
        and i.signer == i.fields["member"]
        and i.fields["role"] == "member"
        and i.signer != owner
        and i.signer not in managed
    ]
    valid = [*by_owner, *by_admins, *self_enrolled]
    return best(valid), {i.digest for i in valid}


def _legacy_precedence(item: SignedItem, owner: str) -> tuple[int, int, bytes]:
    return (item.fields["version"], int(item.signer == owner), item.signature)
