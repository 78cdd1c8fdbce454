"""Issue 14, finding 2 (writing): "Limits are checked on reading, never on writing". A removed
member's 497 junk cards let the owner's next add-member succeed, then every sync failed; junk
grew a file to 65.7 MiB that everyone refused, and each vault wrote it again.

Now the writer refuses whatever a reader would refuse or trim, with one CircleFull that says
what to do, before anything is written: the vault and the file stay as they were.
"""

from __future__ import annotations

import contextlib
import zlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.circle.helpers import NOW, content, member, record
from tests.circle.hostile import Person, make_circle, people, shared
from tests.circle.test_hostile_members import forge_record

from carecompanion.circle import document, quota
from carecompanion.circle.agefile import encrypt_to_recipients
from carecompanion.circle.content import CircleContent
from carecompanion.circle.document import decode_document, encode_document, encode_unchecked
from carecompanion.circle.engine import open_file_bytes
from carecompanion.circle.errors import CircleFileError
from carecompanion.circle.identity import MemberIdentity
from carecompanion.circle.items import SignedItem
from carecompanion.circle.limits import MAX_CARDS
from carecompanion.circle.quota import CircleFull, over_quota
from carecompanion.errors import CareCompanionError

__all__ = ["people", "shared"]  # fixtures

OWNER, ADA, BEN = member("Owner"), member("Ada"), member("Ben")
#: Records of three authors with bodies from a few bytes to a few KiB, made once.
POOL: list[SignedItem] = [
    record(author, n, text="x" * (n * 397 % 3000 + 1))
    for author in (OWNER, ADA, BEN)
    for n in range(12)
]


def vault_state(person: Person, circle_id: str, file: Path) -> tuple[object, ...]:
    """What must not change when a write is refused."""
    held = person.content(circle_id)
    info = person.circles.circle(circle_id)
    return (set(held.cards), dict(held.items), info.dirty, file.read_bytes())


# -- the writer refuses, and nothing changes --------------------------------------------------


def test_finding_2_add_member_past_the_card_limit_is_refused_and_nothing_changes(
    people: dict[str, Person], shared: Path
) -> None:
    ana, cal = people["Ana"], people["Cal"]
    circle_id = make_circle(people, shared, {"Bea": "member"})
    planted = ana.content(circle_id)  # what a vault held after junk got in
    planted.add_cards(MemberIdentity.generate(f"Junk {n}", NOW).card for n in range(MAX_CARDS - 2))
    ana.circles._registry.store(circle_id, planted, dirty=False)
    before = vault_state(ana, circle_id, shared)

    with pytest.raises(CircleFull) as refused:
        ana.circles.add_member(circle_id, cal.circles.card())
    assert isinstance(refused.value, CareCompanionError)
    assert refused.value.code == "circle.full"
    assert "carecompanion circle repair" in str(refused.value)
    assert vault_state(ana, circle_id, shared) == before


def test_finding_2_a_change_that_would_make_the_file_too_large_is_refused(
    people: dict[str, Person], shared: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ana, bea = people["Ana"], people["Bea"]
    circle_id = make_circle(people, shared, {"Bea": "member"})
    ana.share(circle_id, "A hard week")
    ana.circles.sync(circle_id)
    size = _document_bytes(ana.content(circle_id))
    monkeypatch.setattr(document, "MAX_DOCUMENT_BYTES", size + 3000)
    before = vault_state(ana, circle_id, shared)

    entry = ana.session.journal.add("Long", "word " * 2000)
    with pytest.raises(CircleFull):
        ana.circles.share_entry(circle_id, entry.id)
    assert vault_state(ana, circle_id, shared) == before
    ana.circles.sync(circle_id)
    assert shared.read_bytes() == before[-1]
    bea.circles.sync(circle_id)  # the file everyone reads is still one they can read
    assert bea.titles(circle_id) == ["A hard week"]


def test_a_sync_whose_merged_copy_would_be_too_large_writes_nothing(
    people: dict[str, Person], shared: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each copy fits, both together would not: the sync says so once, before the file or the
    vault is touched, and the file stays one everyone can read."""
    ana, bea = people["Ana"], people["Bea"]
    circle_id = make_circle(people, shared, {"Bea": "member"})
    for person in (ana, bea):
        entry = person.session.journal.add(f"{person.name}'s week", "word " * 1000)
        person.circles.share_entry(circle_id, entry.id)
    bea.circles.sync(circle_id)
    largest = max(_document_bytes(ana.content(circle_id)), _document_bytes(bea.content(circle_id)))
    monkeypatch.setattr(document, "MAX_DOCUMENT_BYTES", largest + 1000)
    before = vault_state(ana, circle_id, shared)

    with pytest.raises(CircleFull) as refused:
        ana.circles.sync(circle_id)
    assert refused.value.code == "circle.full"
    assert vault_state(ana, circle_id, shared) == before
    assert open_file_bytes(shared.read_bytes(), identity=ana.me).content.records()


def test_a_person_past_their_own_quota_is_told_and_nothing_changes(
    people: dict[str, Person], shared: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ana = people["Ana"]
    circle_id = make_circle(people, shared, {"Bea": "member"})
    monkeypatch.setattr(quota, "MAX_RECORDS_PER_AUTHOR", 2)
    ana.share(circle_id, "One")
    ana.share(circle_id, "Two")
    before = vault_state(ana, circle_id, shared)
    with pytest.raises(CircleFull) as refused:
        ana.share(circle_id, "Three")
    assert refused.value.code == "circle.full.author"
    assert refused.value.params["name"] == "Ana"
    assert vault_state(ana, circle_id, shared) == before


def test_the_same_limits_refuse_a_file_and_the_writing_of_it() -> None:
    crowded = content(OWNER, *(MemberIdentity.generate(f"J{n}", NOW) for n in range(MAX_CARDS)))
    with pytest.raises(CircleFull):
        encode_document(crowded)
    with pytest.raises(CircleFileError, match="too large"):
        decode_document(encode_unchecked(crowded))


# -- never a file a reader refuses or trims ---------------------------------------------------


def _circle(items: list[SignedItem]) -> CircleContent:
    result = content(OWNER, ADA, BEN)
    result.add(items)
    return result


@settings(max_examples=60)
@given(
    chosen=st.lists(st.sampled_from(POOL), unique=True, max_size=len(POOL)),
    document_limit=st.integers(2_000, 40_000),
    per_author=st.integers(1, 12),
    author_bytes=st.integers(1, 30_000),
)
def test_whatever_the_writer_writes_a_reader_takes_whole(
    chosen: list[SignedItem],
    document_limit: int,
    per_author: int,
    author_bytes: int,
) -> None:
    circle = _circle(chosen)
    with smaller(document_limit, per_author, author_bytes):
        try:
            payload = encode_document(circle)
        except CircleFull:
            # Refused: then a reader would have refused the file or dropped part of it.
            assert _document_bytes(circle) > document_limit or over_quota(circle.items.values())
            return
        parsed = decode_document(payload)
        assert set(parsed.items) == set(circle.items.values())
        assert not over_quota(parsed.items)


@contextlib.contextmanager
def smaller(document_bytes: int, per_author: int, author_bytes: int) -> Iterator[None]:
    """Smaller limits for one hypothesis example (the ``monkeypatch`` fixture would last for
    all of a test's examples)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(document, "MAX_DOCUMENT_BYTES", document_bytes)
        patch.setattr(quota, "MAX_RECORDS_PER_AUTHOR", per_author)
        patch.setattr(quota, "MAX_RECORD_BYTES_PER_AUTHOR", author_bytes)
        yield


def _document_bytes(circle: CircleContent) -> int:
    return len(zlib.decompress(encode_unchecked(circle)[len(document.MAGIC) :]))


# -- what a reader drops ----------------------------------------------------------------------


@settings(max_examples=100)
@given(
    chosen=st.lists(st.sampled_from(POOL), unique=True, max_size=len(POOL)),
    order=st.randoms(use_true_random=False),
    per_author=st.integers(1, 12),
    author_bytes=st.integers(1, 30_000),
)
def test_over_quota_drops_only_an_authors_own_excess_the_same_in_any_order(
    chosen: list[SignedItem],
    order: object,
    per_author: int,
    author_bytes: int,
) -> None:
    shuffled = list(chosen)
    order.shuffle(shuffled)  # type: ignore[attr-defined]
    with smaller(10**9, per_author, author_bytes):
        dropped = over_quota(chosen)
        assert set(over_quota(shuffled)) == set(dropped)
    for author in (OWNER, ADA, BEN):
        mine = sorted(
            (item for item in chosen if item.signer == author.fingerprint),
            key=lambda item: item.fields["id"],
        )
        kept = [item for item in mine if item not in dropped]
        assert kept == mine[: len(kept)], "a prefix in record-id order"
        assert len(kept) <= per_author
        assert sum(len(item.body) for item in kept) <= author_bytes
        if len(mine) <= per_author and sum(len(item.body) for item in mine) <= author_bytes:
            assert kept == mine, "an author within the quotas loses nothing"


@settings(max_examples=100)
@given(
    first=st.lists(st.sampled_from(POOL), unique=True),
    second=st.lists(st.sampled_from(POOL), unique=True),
    per_author=st.integers(1, 12),
)
def test_a_count_quota_gives_the_same_wherever_it_is_applied(
    first: list[SignedItem],
    second: list[SignedItem],
    per_author: int,
) -> None:
    """Trimming each copy and then their union keeps what trimming the union keeps, so every
    vault ends with the same records of a flooding author, whatever order it synced in."""

    def trimmed(items: list[SignedItem]) -> set[SignedItem]:
        return set(items) - set(over_quota(items))

    union = list(set(first) | set(second))
    with smaller(10**9, per_author, 10**9):
        assert trimmed(list(trimmed(first) | trimmed(second))) == trimmed(union)


def test_a_flooding_members_excess_is_dropped_on_reading(
    people: dict[str, Person], shared: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A member writes more records than one person may (with their own keys, into a file of
    their making): the others keep the first ones in record-id order and nothing of anyone
    else's is lost."""
    ana, bea = people["Ana"], people["Bea"]
    circle_id = make_circle(people, shared, {"Bea": "member"})
    ana.share(circle_id, "Ana's week")
    ana.circles.sync(circle_id)
    bea.circles.sync(circle_id)
    monkeypatch.setattr(quota, "MAX_RECORDS_PER_AUTHOR", 3)
    flood = bea.content(circle_id)
    mine = [forge_record(bea.me, circle_id, n, f"junk {n}") for n in range(6)]
    flood.add(mine)
    # A hostile writer is bound by none of our checks: encode_unchecked, as their app would.
    payload = encode_unchecked(flood)
    shared.write_bytes(encrypt_to_recipients(payload, [ana.me.age_recipient, bea.me.age_recipient]))

    ana.circles.sync(circle_id)
    kept = {item.fields["id"] for item in ana.content(circle_id).records()}
    first = sorted(item.fields["id"] for item in mine)[:3]
    assert kept >= set(first) and not kept & ({item.fields["id"] for item in mine} - set(first))
    assert "Ana's week" in ana.titles(circle_id)
    written = open_file_bytes(shared.read_bytes(), identity=bea.me).content
    assert {item.fields["id"] for item in written.records()} == kept
