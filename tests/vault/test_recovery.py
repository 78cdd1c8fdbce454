"""The printed recovery key: format, forgiving parser, typo detection."""

from __future__ import annotations

import re

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from carecompanion.vault.errors import WrongRecoveryKey
from carecompanion.vault.recovery import (
    ALPHABET,
    SECRET_BYTES,
    format_recovery_key,
    generate_recovery_secret,
    parse_recovery_key,
    recovery_wrap_key,
)

KEY_SHAPE = re.compile(r"^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){8}$")


def test_format_is_nine_groups_of_four_crockford_symbols() -> None:
    key = format_recovery_key(bytes(range(SECRET_BYTES)))
    assert KEY_SHAPE.match(key), key
    assert not set(key) & set("ILOU")


def test_known_encoding() -> None:
    """All-zero secret: 32 zero symbols, then the checksum; pins the encoding."""
    key = format_recovery_key(bytes(SECRET_BYTES))
    assert key.startswith("0000-0000-0000-0000-0000-0000-0000-0000-")
    assert parse_recovery_key(key) == bytes(SECRET_BYTES)
    # All-ones: every body symbol is the last letter of the alphabet.
    key = format_recovery_key(b"\xff" * SECRET_BYTES)
    assert key.startswith("ZZZZ-" * 8)


def test_generated_secrets_are_160_random_bits() -> None:
    secrets = {generate_recovery_secret() for _ in range(10)}
    assert len(secrets) == 10
    assert all(len(s) == SECRET_BYTES == 20 for s in secrets)


@given(st.binary(min_size=SECRET_BYTES, max_size=SECRET_BYTES))
@example(bytes(SECRET_BYTES))
@example(b"\xff" * SECRET_BYTES)
def test_format_parse_round_trip(secret: bytes) -> None:
    key = format_recovery_key(secret)
    assert KEY_SHAPE.match(key)
    assert parse_recovery_key(key) == secret


@given(st.binary(min_size=SECRET_BYTES, max_size=SECRET_BYTES))
def test_parser_forgives_case_spaces_and_lookalikes(secret: bytes) -> None:
    key = format_recovery_key(secret)
    sloppy = key.lower().replace("-", " ").replace("0", "O").replace("1", "l")
    assert parse_recovery_key("  " + sloppy + "\n") == secret
    shouty = key.replace("-", "").replace("1", "I").replace("0", "o")
    assert parse_recovery_key(shouty) == secret


def test_lookalike_letters_map_to_digits() -> None:
    secret = bytes.fromhex("00" * 10 + "08" * 10)
    key = format_recovery_key(secret)
    assert key == "0000-0000-0000-0000-1040-G208-1040-G208-MTV2"
    variants = [
        key.replace("0", "O"),
        key.replace("0", "o"),
        key.replace("1", "I"),
        key.replace("1", "i"),
        key.replace("1", "L"),
        key.replace("1", "l"),
        key.replace("V", "U"),
        key.replace("-", " "),
        key.replace("-", ""),
        key.lower(),
    ]
    for variant in variants:
        assert parse_recovery_key(variant) == secret, variant


@given(
    st.binary(min_size=SECRET_BYTES, max_size=SECRET_BYTES),
    st.integers(min_value=0, max_value=35),
    st.sampled_from(ALPHABET),
)
def test_a_single_typo_is_reported_as_a_typo(secret: bytes, position: int, symbol: str) -> None:
    body = format_recovery_key(secret).replace("-", "")
    if body[position] == symbol:
        return
    typo = body[:position] + symbol + body[position + 1 :]
    with pytest.raises(WrongRecoveryKey, match="typo"):
        parse_recovery_key(typo)


def test_wrong_length_is_reported_with_the_count() -> None:
    key = format_recovery_key(bytes(range(SECRET_BYTES)))
    with pytest.raises(WrongRecoveryKey, match=r"36 letters and digits.*this one has 32"):
        parse_recovery_key(key[:-5])
    with pytest.raises(WrongRecoveryKey, match="this one has 0"):
        parse_recovery_key("")


def test_symbols_outside_the_alphabet_are_refused() -> None:
    key = format_recovery_key(bytes(range(SECRET_BYTES)))
    with pytest.raises(WrongRecoveryKey):
        parse_recovery_key("Ä" + key[1:])  # same length, a letter that is not Crockford


@given(st.text())
@example("")
@example("ı" * 36)  # dotless i upper-cases to I, a look-alike of 1
@example("ß" * 18)  # upper-cases to two letters
@example("٣" * 36)  # Arabic-Indic digit: isalnum() but not ours
def test_arbitrary_text_only_ever_raises_wrong_recovery_key(text: str) -> None:
    try:
        secret = parse_recovery_key(text)
    except WrongRecoveryKey:
        return
    assert len(secret) == SECRET_BYTES


def test_wrap_key_depends_on_secret_and_salt() -> None:
    secret = bytes(range(SECRET_BYTES))
    key = recovery_wrap_key(secret, b"\x00" * 16)
    assert len(key) == 32
    assert recovery_wrap_key(secret, b"\x00" * 16) == key
    assert recovery_wrap_key(secret, b"\x01" * 16) != key
    assert recovery_wrap_key(bytes(SECRET_BYTES), b"\x00" * 16) != key
