"""Fuzzing member cards (issue 16): whatever a ``.carecard`` file holds, reading it gives a
card or a ``CircleFileError``, within a time and memory bound; ``circle add-member --card``
ends in one line naming the file and leaves the vault as it was.

The reproducers under ``reproducers/cards`` once ended in a traceback (``RecursionError``,
``UnicodeEncodeError``); each is read here.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from carecompanion.circle.errors import CircleFileError
from carecompanion.circle.identity import MemberCard, MemberIdentity, card_from_bytes
from carecompanion.circle.limits import MAX_CARD_BYTES
from tests.cli.conftest import Result
from tests.cli.conftest import cli as cli  # the fixture `two` uses
from tests.cli.test_circle_cli import ok, one_line_error
from tests.cli.test_circle_cli import two as two  # the fixture
from tests.conftest import fuzz_examples
from tests.fuzz.bounds import ParseBoundExceeded, parse_bounds

Run = Callable[..., Result]
REPRODUCERS = Path(__file__).parent / "reproducers" / "cards"
#: A card is at most 4 KiB; reading one honestly takes a few hundred kilobytes.
MEGABYTES = 4

AMY = MemberIdentity.generate("Amy", datetime(2026, 1, 1, tzinfo=UTC))
GOOD: dict[str, Any] = AMY.card.to_json()
GOOD_BYTES = AMY.card.to_bytes()


def _not_a_hang(exc: BaseException) -> None:
    """The hang guard's own exception, caught on its way out and turned into ours, is still
    a hang."""
    cause: BaseException | None = exc
    while cause is not None:
        if isinstance(cause, ParseBoundExceeded):
            raise cause
        cause = cause.__cause__ or cause.__context__


def _read(data: bytes) -> MemberCard | None:
    """The card, or None after a CircleFileError; anything else fails the test."""
    with parse_bounds(megabytes=MEGABYTES):
        try:
            card = card_from_bytes(data)
        except CircleFileError as exc:
            _not_a_hang(exc)
            return None
    assert card.name and card.to_bytes()  # what was read can be written again
    return card


@pytest.mark.parametrize("name", sorted(p.name for p in REPRODUCERS.iterdir()))
def test_reproducers_are_refused_cleanly(name: str) -> None:
    assert _read((REPRODUCERS / name).read_bytes()) is None


def test_a_good_card_reads_and_a_byte_more_than_the_limit_does_not() -> None:
    assert _read(GOOD_BYTES) == AMY.card
    with pytest.raises(CircleFileError):
        card_from_bytes(GOOD_BYTES + b" " * (MAX_CARD_BYTES + 1 - len(GOOD_BYTES)))


@pytest.mark.parametrize(
    "data",
    [
        b"[" * 100_000,
        b"{" * 3_000,
        b'{"a":' * 3_000,
        b'"' + b"\\ud800" * 600 + b'"',
        json.dumps({**GOOD, "name": "\udfff"}).encode(),
        json.dumps({**GOOD, "name": "a\ud83d"}).encode(),
        json.dumps({**GOOD, "version": 1.0}).encode(),
        json.dumps({**GOOD, "version": True}).encode(),
        json.dumps(GOOD).encode("utf-16"),
        json.dumps(GOOD).encode()[:-1] + b"\xff}",
        json.dumps(GOOD).encode() + b"[]",
        b"\xef\xbb\xbf" + json.dumps(GOOD).encode(),
        json.dumps({**GOOD, "name": 10**400}).encode(),
    ],
)
def test_hostile_cards_are_refused(data: bytes) -> None:
    assert _read(data) is None


# -- generated cards ---------------------------------------------------------------------------
JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=12,
)


@settings(max_examples=fuzz_examples())
@given(
    key=st.sampled_from(sorted(GOOD)),
    value=JSON | st.sampled_from(["", " Amy", "Amy ", "a" * 121, "\ud800", "\x00", "Amy\n"]),
    drop=st.booleans(),
    ascii_only=st.booleans(),
)
def test_cards_with_one_field_changed(
    key: str, value: object, drop: bool, ascii_only: bool
) -> None:
    changed = dict(GOOD)
    if drop:
        del changed[key]
    else:
        changed[key] = value
    text = json.dumps(changed, ensure_ascii=ascii_only)  # "\\ud800" or the raw surrogate
    card = _read(text.encode("utf-8", "surrogatepass"))
    assert card is None or card == AMY.card  # a change leaves the signature unmatched


@settings(max_examples=fuzz_examples())
@given(
    cut=st.integers(0, len(GOOD_BYTES)),
    length=st.integers(0, 20),
    insert=st.lists(
        st.sampled_from([b"[", b"{", b'"', b"\\", b"\\u", b"d800", b",", b":", b"\xff", b"\x00"])
        | st.binary(max_size=6),
        max_size=6,
    ),
    repeat=st.integers(1, 3_000),
)
def test_damaged_cards(cut: int, length: int, insert: list[bytes], repeat: int) -> None:
    pieces = [*insert[:-1], *(insert[-1:] * repeat)]
    _read(GOOD_BYTES[:cut] + b"".join(pieces) + GOOD_BYTES[cut + length :])


@settings(max_examples=fuzz_examples() // 4)
@given(data=JSON.map(lambda v: json.dumps(v).encode()) | st.binary(max_size=200))
def test_any_json_or_bytes(data: bytes) -> None:
    _read(data)


# -- at the command line -----------------------------------------------------------------------
def _folder_bytes(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        digest.update(str(path.relative_to(folder)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


@pytest.mark.parametrize("name", [*sorted(p.name for p in REPRODUCERS.iterdir()), "huge"])
def test_add_member_refuses_bad_cards_in_one_line(
    two: tuple[Run, Run], tmp_path: Path, name: str
) -> None:
    ana, _bea = two
    file = tmp_path / "c.carecircle"
    ok(ana("circle", "create", "--name", "C", "--file", str(file)))
    card = REPRODUCERS / name
    if name == "huge":  # a video given by mistake; sparse: no disk, only what is read
        card = tmp_path / "huge.carecard"
        with card.open("wb") as handle:
            handle.truncate(256 * 1024 * 1024)
    before = _folder_bytes(tmp_path / "Ana"), file.read_bytes()
    with parse_bounds(megabytes=64):
        result = ana("circle", "add-member", str(file), "--card", str(card))
    one_line_error(result, str(card))
    assert len(result.err.splitlines()) == 1
    assert (_folder_bytes(tmp_path / "Ana"), file.read_bytes()) == before
