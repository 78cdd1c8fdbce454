"""Property: any member card the app writes (``identity export-card``) is read back whole by
``circle add-member --card`` (issue 16's "same data back out", for member cards).

Names are any the app accepts: whatever Unicode a person types, blanks collapsed, up to the
length limit; tests/fuzz/test_fuzz_cards.py covers what it refuses.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from carecompanion.circle.identity import MemberIdentity, card_from_bytes, clean_name
from carecompanion.circle.limits import MAX_CARD_BYTES, MAX_NAME_CHARS

NAMES = (
    st.text(st.characters(codec="utf-8"), min_size=1, max_size=MAX_NAME_CHARS)
    .map(lambda text: " ".join(text.split()))
    .filter(bool)
)
WHEN = datetime(2026, 1, 1, tzinfo=UTC)


@settings(max_examples=60)
@given(name=NAMES, rename=st.none() | NAMES)
def test_a_card_we_write_reads_back_as_the_same_card(name: str, rename: str | None) -> None:
    assert clean_name(name) == name
    identity = MemberIdentity.generate(name, WHEN)
    if rename is not None:
        identity = identity.renamed(rename, WHEN + timedelta(days=1))
    data = identity.card.to_bytes()
    assert len(data) <= MAX_CARD_BYTES
    card = card_from_bytes(data)
    assert card == identity.card
    assert (card.name, card.fingerprint) == (identity.name, identity.fingerprint)
