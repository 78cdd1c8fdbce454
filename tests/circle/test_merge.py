"""The merge is a conflict-free union: any order, any grouping, any repetition, same result,
and no valid item is ever dropped for a lower-ranked one."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from functools import reduce

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.circle.helpers import content, member, record, roster_item

from carecompanion.circle.content import CircleContent, merge
from carecompanion.circle.errors import CircleFileError
from carecompanion.circle.items import SignedItem

ANA, BEA, CAL = member("Ana"), member("Bea"), member("Cal")
AUTHORS = (ANA, BEA, CAL)


def _pool() -> list[SignedItem]:
    items = []
    for author in AUTHORS:
        for n in range(3):
            for version in (1, 2, 3):
                items.append(record(author, n, version))
            items.append(record(author, n, 2, kind="withdrawal"))
    for version in (1, 2):
        items.append(roster_item(ANA, BEA.fingerprint, "member", version=version))
        items.append(roster_item(ANA, CAL.fingerprint, "reader", version=version))
    return items


POOL = _pool()
subsets = st.lists(st.sampled_from(POOL), max_size=25)


def make(items: list[SignedItem]) -> CircleContent:
    result = content(ANA, BEA, CAL)
    result.add(items)
    return result


def same(a: CircleContent, b: CircleContent) -> bool:
    return a.genesis == b.genesis and a.cards == b.cards and a.items == b.items


@settings(max_examples=200, deadline=None)
@given(subsets, subsets)
def test_merge_is_commutative(a: list[SignedItem], b: list[SignedItem]) -> None:
    assert same(merge(make(a), make(b)), merge(make(b), make(a)))


@settings(max_examples=200, deadline=None)
@given(subsets, subsets, subsets)
def test_merge_is_associative(
    a: list[SignedItem], b: list[SignedItem], c: list[SignedItem]
) -> None:
    left = merge(merge(make(a), make(b)), make(c))
    right = merge(make(a), merge(make(b), make(c)))
    assert same(left, right)


@settings(max_examples=100, deadline=None)
@given(subsets)
def test_merge_is_idempotent(a: list[SignedItem]) -> None:
    assert same(merge(make(a), make(a)), make(a))


@settings(max_examples=200, deadline=None)
@given(st.lists(subsets, min_size=1, max_size=5))
def test_merge_never_drops_an_item_without_a_higher_one(groups: list[list[SignedItem]]) -> None:
    merged = reduce(merge, (make(g) for g in groups))
    for item in (i for g in groups for i in g):
        kept = merged.items[item.key]
        assert kept.rank >= item.rank


def test_withdrawal_wins_over_the_same_version_and_older_ones() -> None:
    shared, edited = record(ANA, 1, 1), record(ANA, 1, 2)
    withdrawn = record(ANA, 1, 2, kind="withdrawal")
    merged = merge(make([shared, edited]), make([withdrawn]))
    assert merged.items[shared.key] == withdrawn
    later = record(ANA, 1, 3)
    assert merge(merged, make([later])).items[shared.key] == later  # the author shared again


def test_files_of_different_circles_do_not_merge() -> None:
    other = content(ANA, circle_id="d" * 32)
    with pytest.raises(CircleFileError, match="different circle"):
        merge(make([]), other)


def test_a_rename_in_the_same_second_always_wins() -> None:
    """Readers keep the later card; a rename made in the second its card was made (as fast
    commands do) was kept or lost by its signature's bytes. The renamed card is dated after
    the card it replaces, so it wins in every merge, whatever the clock says."""
    bea = member("Bea")
    made_at = datetime.strptime(bea.card.created, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
    for moment in (made_at, made_at - timedelta(hours=1)):  # same second; a clock set back
        renamed = bea.renamed("Ana", moment)
        assert renamed.card.created > bea.card.created
        for first, second in ((bea.card, renamed.card), (renamed.card, bea.card)):
            circle = content(member("Cal"))
            circle.add_cards([first])
            circle.add_cards([second])
            assert circle.cards[bea.fingerprint].name == "Ana"
