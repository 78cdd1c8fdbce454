"""Checking signatures, quickly.

Verifying 20,000 Ed25519 signatures one by one takes over two seconds here, so the common
case takes a shortcut that is just as strict: each author's head signs a digest of all their
records, whole (body and signature: issue 14 found records whose signatures were swapped for
junk accepted through a head that covered bodies only), so one verified head vouches for every
record that hashes into that digest, exactly as it was signed.
Records the digest does not cover (an author's head is missing or older) are verified one by
one, and items the vault verified on an earlier sync are not verified again.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from carecompanion.circle.errors import CircleFileError
from carecompanion.circle.identity import MemberCard
from carecompanion.circle.items import SignedItem, signed_message
from carecompanion.errors import Sentence

Known = Mapping[tuple[str, ...], bytes]  # key -> whole digest of the item verified before


@dataclass(frozen=True)
class Rejection:
    kind: str
    signer: str
    reason: str


@dataclass(frozen=True)
class Verified:
    items: list[SignedItem]
    rejected: list[Rejection]


def author_digest(records: Iterable[SignedItem]) -> tuple[int, str]:
    """(count, digest) a head signs: SHA-256 over the sorted lines ``id version digest``,
    the digest being the whole record's (``items.whole_digest``), in hex."""
    lines = sorted(f"{r.fields['id']} {r.fields['version']} {r.digest.hex()}\n" for r in records)
    return len(lines), hashlib.sha256("".join(lines).encode("ascii")).hexdigest()


FORGED = Sentence(
    "circle.file.forged",
    "This circle file is damaged or was forged: its owner's signature does not match.",
)


def is_known(item: SignedItem, known: Known) -> bool:
    return known.get(item.key) == item.digest


def signature_ok(item: SignedItem, circle_id: str, cards: Mapping[str, MemberCard]) -> bool:
    card = cards.get(item.signer)
    return card is not None and card.verify(
        item.signature, signed_message(item.kind, circle_id, item.body)
    )


def verify_genesis(genesis: SignedItem, cards: Mapping[str, MemberCard]) -> None:
    if not signature_ok(genesis, str(genesis.fields["circle"]), cards):
        raise CircleFileError(FORGED)


def verify_items(
    circle_id: str,
    items: Iterable[SignedItem],
    cards: Mapping[str, MemberCard],
    known: Known | None = None,
) -> Verified:
    known = known or {}
    accepted: list[SignedItem] = []
    rejected: list[Rejection] = []

    def check(item: SignedItem) -> None:
        if is_known(item, known):
            accepted.append(item)
        elif item.signer not in cards:
            rejected.append(
                Rejection(
                    item.kind, item.signer, "written by someone who is not a member of this circle"
                )
            )
        elif signature_ok(item, circle_id, cards):
            accepted.append(item)
        else:
            rejected.append(
                Rejection(
                    item.kind, item.signer, "its signature does not match: it was forged or changed"
                )
            )

    records_by_author: dict[str, list[SignedItem]] = defaultdict(list)
    heads: dict[str, SignedItem] = {}
    for item in items:
        if item.kind == "record":
            records_by_author[item.signer].append(item)
        else:
            before = len(accepted)
            check(item)
            if item.kind == "head" and len(accepted) > before:
                heads[item.signer] = item
    for author, records in records_by_author.items():
        head = heads.get(author)
        if head is not None and author_digest(records) == (
            head.fields["count"],
            head.fields["digest"],
        ):
            accepted.extend(records)  # the author's verified head vouches for all of them
            continue
        for record in records:
            check(record)
    return Verified(accepted, rejected)
