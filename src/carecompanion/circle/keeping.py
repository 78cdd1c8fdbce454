"""Only what may be written is kept: the reader's side of docs/circle-format.md, "What a
reader keeps".

After its signatures are checked, what a file (or the vault) holds is judged against the
roster: cards of people the roster does not name, roster items no rule allows, records whose
author may not write them (and that no removal kept) and heads of people who may not write
are dropped, counted, and never stored or written again. So a removed member's junk does not
travel from vault to vault, and the sync can say once, in plain words, what it left out.

``combine`` merges the vault's copy with the files in two steps, roster first: the roster is
worked out from everything, and only then does each record compete for its id among the
records that may be kept, so a removed member's later edit of a kept post can never push the
kept version out.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from carecompanion.circle.content import CircleContent, Key, card_rank
from carecompanion.circle.errors import WRONG_CIRCLE, CircleFileError
from carecompanion.circle.identity import MemberCard
from carecompanion.circle.items import SignedItem, is_offer_record
from carecompanion.circle.quota import records_over_quota, roster_over_quota
from carecompanion.circle.roster import Roster, evaluate_roster


@dataclass(frozen=True)
class Dropped:
    """How many items of each kind were left out because their signer could not write them
    (or, for cards, because the roster does not name the person)."""

    cards: int = 0
    roster: int = 0
    records: int = 0
    heads: int = 0

    @property
    def total(self) -> int:
        return self.cards + self.roster + self.records + self.heads

    def __bool__(self) -> bool:
        return self.total > 0

    def __add__(self, other: Dropped) -> Dropped:
        return Dropped(
            self.cards + other.cards,
            self.roster + other.roster,
            self.records + other.records,
            self.heads + other.heads,
        )


@dataclass(frozen=True)
class Kept:
    """What may be kept of some contents merged, the roster it was judged by, and what was
    left out."""

    content: CircleContent
    roster: Roster
    dropped: Dropped


def keep(content: CircleContent) -> Kept:
    """``content`` without what its own roster does not allow (``content`` itself when it
    holds nothing to leave out, the common case)."""
    return combine(content, ())


def combine(base: CircleContent, others: Sequence[CircleContent]) -> Kept:
    """Merge ``others`` into ``base`` (the rule of ``content.merge``) keeping only what the
    merged roster allows. Commutative, associative and idempotent over verified contents."""
    for other in others:
        if other.genesis != base.genesis:
            raise CircleFileError(WRONG_CIRCLE)
    sources = (base, *others)
    # First the roster, from everything: cards, roster items and heads (a few hundred).
    cards: dict[str, MemberCard] = {}
    roster_items: dict[Key, SignedItem] = {}
    heads: dict[Key, SignedItem] = {}
    for source in sources:
        for card in source.cards.values():
            current = cards.get(card.fingerprint)
            if current is None or card_rank(card) > card_rank(current):
                cards[card.fingerprint] = card
        for key, item in source.items.items():
            kind = item.kind
            if kind == "record":
                continue
            if kind == "head":
                if key not in heads or item.rank > heads[key].rank:
                    heads[key] = item
            else:
                roster_items[key] = item
    flooded = roster_over_quota(roster_items.values())  # one signer's flood (quota.py)
    for item in flooded:
        del roster_items[item.key]
    roster = evaluate_roster(base.genesis, cards, roster_items.values())
    writers = {fp for fp, m in roster.members.items() if m.can_write}
    helpers = {fp for fp, m in roster.members.items() if m.role == "helper"}
    kept_by = {fp: m.item.keeps for fp, m in roster.members.items() if m.item is not None}

    # Then each record competes for its id among those that count. A helper's offers count;
    # what their demotion kept outranks anything else of theirs with the same id, so an
    # "offer" signed under the id of a post they wrote before cannot push that post out.
    items: dict[Key, SignedItem] = {}
    dropped_records: set[bytes] = set()
    for source in sources:
        for key, item in source.items.items():
            if item.kind != "record":
                continue
            signer = item.signer
            counts = (
                signer in writers
                or item.digest in kept_by.get(signer, ())
                or (signer in helpers and is_offer_record(item.fields))
            )
            if not counts:
                dropped_records.add(item.digest)
                continue
            best = items.get(key)
            if best is None or (best is not item and _outranks(item, best, helpers, kept_by)):
                items[key] = item
    for item in records_over_quota(items.values()):  # one author's flood (quota.py)
        del items[item.key]
        dropped_records.add(item.digest)
    valid_roster = 0
    for key, item in roster_items.items():
        if item.digest in roster.valid:
            items[key] = item
            valid_roster += 1
    dropped_heads = 0
    for key, item in heads.items():
        if item.signer in writers or item.signer in helpers:
            items[key] = item
        else:
            dropped_heads += 1
    kept_cards = {fp: card for fp, card in cards.items() if roster.has_role(fp)}
    dropped = Dropped(
        cards=len(cards) - len(kept_cards),
        roster=len(flooded) + len(roster_items) - valid_roster,
        records=len(dropped_records),
        heads=dropped_heads,
    )
    if not others and not dropped:
        return Kept(base, roster, dropped)
    kept = CircleContent(base.genesis, kept_cards, items)
    return Kept(kept, roster, dropped)


def _outranks(
    item: SignedItem,
    best: SignedItem,
    helpers: set[str],
    kept_by: dict[str, frozenset[bytes]],
) -> bool:
    """Whether ``item`` wins its id over ``best`` (both count): the higher rank, except that a
    helper's record kept by their demotion wins over any other of theirs."""
    if item.signer in helpers:
        kept = kept_by.get(item.signer, frozenset())
        pinned, best_pinned = item.digest in kept, best.digest in kept
        if pinned != best_pinned:
            return pinned
    return item.rank > best.rank


def kept_records(content: CircleContent, roster: Roster, author: str) -> list[SignedItem]:
    """The author's records that count now, newest first."""
    mine = [r for r in content.records() if r.signer == author and roster.may_keep(r)]
    mine.sort(key=lambda r: (r.fields["updated"], r.fields["id"]), reverse=True)
    return mine


def valid_roster_items(roster: Roster, content: CircleContent, signer: str) -> list[SignedItem]:
    """The roster items ``signer`` made (about others) that count now."""
    return [
        item
        for item in _roster_items(content)
        if item.signer == signer and item.fields["member"] != signer and item.digest in roster.valid
    ]


def _roster_items(content: CircleContent) -> Iterable[SignedItem]:
    return (item for item in content.items.values() if item.kind == "roster")
