"""What one member may put in a circle, and what a circle may hold, checked the same way by
the reader and the writer.

A reader keeps each author's verified items up to the per-author quotas in ``limits.py`` and
drops the rest: the records after the author's first ``MAX_RECORDS_PER_AUTHOR`` in record-id
order, or from the one whose body would pass ``MAX_RECORD_BYTES_PER_AUTHOR``; the roster items
after a signer's first ``MAX_ROSTER_ITEMS_PER_AUTHOR`` in member order. Only that author's own
items go, so a member who floods the circle loses their own excess and nobody else's writing;
and because the order is a property of the items (not of the file they came in), every copy
drops the same ones. Only verified items may be counted: a forged item "by Ana" must never push
out one of Ana's real ones.

The writer refuses a change that would go past a quota (``check_quotas``) or a circle-wide
limit (``document.encode_document``) with one ``CircleFull`` that says what to do, before
anything is written.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from carecompanion.circle.content import CircleContent
from carecompanion.circle.errors import CircleError
from carecompanion.circle.items import SignedItem
from carecompanion.circle.limits import (
    MAX_RECORD_BYTES_PER_AUTHOR,
    MAX_RECORDS_PER_AUTHOR,
    MAX_ROSTER_ITEMS_PER_AUTHOR,
)
from carecompanion.errors import Sentence

FULL = Sentence(
    "circle.full",
    "Nothing was saved: the circle would hold more than a circle file can. If someone filled "
    "the circle with junk, remove them and repair the circle file (carecompanion circle "
    "repair FILE, or Repair on the Circle page); otherwise start a new circle for what comes "
    "next.",
)
AUTHOR_FULL = Sentence(
    "circle.full.author",
    "Nothing was saved: {name} would have more in this circle than one person can share in "
    "it. To share more, start a new circle.",
)


class CircleFull(CircleError):
    """A change would make the circle hold more than a reader accepts; nothing was written."""


def over_quota(items: Iterable[SignedItem]) -> list[SignedItem]:
    """The items a reader drops from ``items`` (verified ones, at most one per key): each
    author's records and roster items past their quotas, in a fixed order."""
    items = list(items)
    return records_over_quota(items) + roster_over_quota(items)


def records_over_quota(items: Iterable[SignedItem]) -> list[SignedItem]:
    """Each author's records after their first MAX_RECORDS_PER_AUTHOR in record-id order, or
    from the one whose body takes them past MAX_RECORD_BYTES_PER_AUTHOR."""
    records: dict[str, list[SignedItem]] = defaultdict(list)
    for item in items:
        if item.kind == "record":
            records[item.signer].append(item)
    dropped: list[SignedItem] = []
    for mine in records.values():
        if (
            len(mine) <= MAX_RECORDS_PER_AUTHOR
            and sum(len(item.body) for item in mine) <= MAX_RECORD_BYTES_PER_AUTHOR
        ):
            continue
        mine.sort(key=lambda item: str(item.fields["id"]))
        size = 0
        for index, item in enumerate(mine):
            size += len(item.body)
            if index >= MAX_RECORDS_PER_AUTHOR or size > MAX_RECORD_BYTES_PER_AUTHOR:
                dropped.extend(mine[index:])
                break
    return dropped


def roster_over_quota(items: Iterable[SignedItem]) -> list[SignedItem]:
    """Each signer's roster items after their first MAX_ROSTER_ITEMS_PER_AUTHOR in member
    order (a roster item is keyed by member and signer, so this is how many people one admin
    has changed). Applied before the roster is worked out from them."""
    roster: dict[str, list[SignedItem]] = defaultdict(list)
    for item in items:
        if item.kind == "roster":
            roster[item.signer].append(item)
    dropped: list[SignedItem] = []
    for mine in roster.values():
        if len(mine) > MAX_ROSTER_ITEMS_PER_AUTHOR:
            mine.sort(key=lambda item: str(item.fields["member"]))
            dropped.extend(mine[MAX_ROSTER_ITEMS_PER_AUTHOR:])
    return dropped


def trim(content: CircleContent) -> list[SignedItem]:
    """Drop, in place, what a reader does not keep of ``content`` (verified items); returns
    what was dropped."""
    dropped = over_quota(content.items.values())
    for item in dropped:
        del content.items[item.key]
    return dropped


def check_quotas(content: CircleContent) -> None:
    """CircleFull if a reader would drop any of ``content``: an author past a quota. (The
    circle-wide counts and the document's size are checked as it is encoded.)"""
    dropped = over_quota(content.items.values())
    if dropped:
        author = dropped[0].signer
        card = content.cards.get(author)
        raise CircleFull(AUTHOR_FULL, name=card.name if card is not None else author[:8])
