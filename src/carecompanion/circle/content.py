"""What a circle holds, and the merge that makes syncing lose nothing.

``CircleContent`` is a genesis, the members' cards and a set of signed items keyed as in
docs/circle-format.md. ``merge`` is a pure union that keeps, per key, the item that ranks
highest: commutative, associative and idempotent, so members can sync in any order, any number
of times, and end in the same place. Only items whose signatures were checked get here.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from carecompanion.circle.errors import WRONG_CIRCLE, CircleFileError
from carecompanion.circle.identity import MemberCard
from carecompanion.circle.items import SignedItem

Key = tuple[str, ...]


@dataclass
class CircleContent:
    genesis: SignedItem
    cards: dict[str, MemberCard] = field(default_factory=dict)
    items: dict[Key, SignedItem] = field(default_factory=dict)

    @property
    def circle_id(self) -> str:
        return str(self.genesis.fields["circle"])

    @property
    def name(self) -> str:
        return str(self.genesis.fields["name"])

    @property
    def mode(self) -> str:
        return str(self.genesis.fields["mode"])

    @property
    def owner(self) -> str:
        return self.genesis.signer

    def of_kind(self, kind: str) -> Iterator[SignedItem]:
        return (item for item in self.items.values() if item.kind == kind)

    def records(self) -> Iterator[SignedItem]:
        return self.of_kind("record")

    def copy(self) -> CircleContent:
        return CircleContent(self.genesis, dict(self.cards), dict(self.items))

    def add(self, items: Iterable[SignedItem]) -> None:
        """Merge items into this content in place (same rule as ``merge``)."""
        mine = self.items
        for item in items:
            key = item.key
            current = mine.get(key)
            if current is None or item.rank > current.rank:
                mine[key] = item

    def add_cards(self, cards: Iterable[MemberCard]) -> None:
        for card in cards:
            current = self.cards.get(card.fingerprint)
            if current is None or card_rank(card) > card_rank(current):
                self.cards[card.fingerprint] = card


def card_rank(card: MemberCard) -> tuple[str, bytes]:
    return (card.created, card.signature)


def merge(a: CircleContent, b: CircleContent) -> CircleContent:
    if a.genesis != b.genesis:
        raise CircleFileError(WRONG_CIRCLE)
    result = a.copy()
    result.add_cards(b.cards.values())
    result.add(b.items.values())
    return result


def differs(a: CircleContent, b: CircleContent) -> bool:
    """Whether ``a`` and ``b`` hold different cards or items (by their signatures)."""
    if a.cards.keys() != b.cards.keys() or a.items.keys() != b.items.keys():
        return True
    if any(a.cards[fp].signature != b.cards[fp].signature for fp in a.cards):
        return True
    return any(item.signature != b.items[key].signature for key, item in a.items.items())
