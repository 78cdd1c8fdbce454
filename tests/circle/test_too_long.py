"""What a person writes past one of the circle format's limits is said to them plainly (a
CircleError with its own code), never a surprise from the format's checks."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.conftest import VaultFactory

from carecompanion.circle.errors import InvalidInput
from carecompanion.circle.limits import MAX_COMMENT_CHARS, MAX_TITLE_CHARS
from carecompanion.clock import FixedClock
from carecompanion.errors import CareCompanionError
from carecompanion.session import VaultSession


@pytest.fixture
def session(vault_factory: VaultFactory, clock: FixedClock) -> VaultSession:
    unlocked, _key = vault_factory()
    return VaultSession(unlocked, clock)


def test_a_comment_over_the_limit_is_said_plainly(session: VaultSession, tmp_path: Path) -> None:
    circles = session.circles
    circle_id = circles.create("Tuesday group", tmp_path / "Tuesday.carecircle").id
    rid = circles.share_entry(circle_id, session.journal.add("A hard week", "Mum slept").id)
    with pytest.raises(InvalidInput) as refused:
        circles.comment(circle_id, rid, "x" * (MAX_COMMENT_CHARS + 1))
    assert refused.value.code == "circle.too_long"
    assert isinstance(refused.value, CareCompanionError)
    circles.comment(circle_id, rid, "x" * MAX_COMMENT_CHARS)  # at the limit: fine


def test_an_entry_whose_title_is_too_long_to_share_is_said_plainly(
    session: VaultSession, tmp_path: Path
) -> None:
    circles = session.circles
    circle_id = circles.create("Tuesday group", tmp_path / "Tuesday.carecircle").id
    entry = session.journal.add("t" * (MAX_TITLE_CHARS + 1), "body")
    with pytest.raises(InvalidInput) as refused:
        circles.share_entry(circle_id, entry.id)
    assert refused.value.code == "circle.too_long"
