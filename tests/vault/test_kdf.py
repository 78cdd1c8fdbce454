"""Argon2id: the primitive is pinned to RFC 9106's test vector; derive_key is deterministic."""

from __future__ import annotations

import unicodedata
from typing import TypedDict

import pytest
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

from carecompanion.vault.kdf import (
    DEFAULT_KDF,
    KEY_LENGTH,
    MINIMUM_KDF,
    SALT_LENGTH,
    KdfParams,
    derive_key,
    new_salt,
    normalize_passphrase,
)

# The KDF itself, at the app's real costs and floor (never the tests' fast profile).
pytestmark = pytest.mark.real_kdf

# RFC 9106, section 5.3 (Argon2id test vector).
RFC9106_TAG = bytes.fromhex("0d640df58d78766c08c037a34a8b53c9d01ef0452d75b65eb52520e96b01e659")


class _Argon2Inputs(TypedDict):
    """Argon2id's keyword arguments, typed so that `**` passes them on checked."""

    salt: bytes
    length: int
    iterations: int
    lanes: int
    memory_cost: int
    secret: bytes
    ad: bytes


def test_argon2id_matches_rfc9106_test_vector() -> None:
    kdf = Argon2id(
        salt=b"\x02" * 16,
        length=32,
        iterations=3,
        lanes=4,
        memory_cost=32,
        secret=b"\x03" * 8,
        ad=b"\x04" * 12,
    )
    assert kdf.derive(b"\x01" * 32) == RFC9106_TAG


def test_argon2id_vector_is_sensitive_to_every_input() -> None:
    """The known-answer test above would notice a change in any parameter."""
    base: _Argon2Inputs = {
        "salt": b"\x02" * 16,
        "length": 32,
        "iterations": 3,
        "lanes": 4,
        "memory_cost": 32,
        "secret": b"\x03" * 8,
        "ad": b"\x04" * 12,
    }
    changed: tuple[_Argon2Inputs, ...] = (
        {**base, "iterations": 4},
        {**base, "lanes": 2},
        {**base, "memory_cost": 64},
        {**base, "ad": b"\x05" * 12},
        {**base, "secret": b"\x05" * 8},
        {**base, "salt": b"\x05" * 16},
    )
    for inputs in changed:
        assert Argon2id(**inputs).derive(b"\x01" * 32) != RFC9106_TAG, inputs


def test_derive_key_is_deterministic_for_fixed_salt_and_params() -> None:
    salt = bytes(range(SALT_LENGTH))
    first = derive_key("a quiet evening walk by the sea", salt, MINIMUM_KDF)
    second = derive_key("a quiet evening walk by the sea", salt, MINIMUM_KDF)
    assert first == second
    assert len(first) == KEY_LENGTH


def test_derive_key_is_plain_argon2id_of_the_utf8_passphrase() -> None:
    salt = b"\x07" * SALT_LENGTH
    expected = Argon2id(
        salt=salt,
        length=32,
        iterations=MINIMUM_KDF.iterations,
        lanes=MINIMUM_KDF.lanes,
        memory_cost=MINIMUM_KDF.memory_kib,
    ).derive("café au lait".encode())
    assert derive_key("café au lait", salt, MINIMUM_KDF) == expected


def test_derive_key_depends_on_passphrase_salt_and_params() -> None:
    salt = b"\x01" * SALT_LENGTH
    key = derive_key("a quiet evening walk by the sea", salt, MINIMUM_KDF)
    assert derive_key("a quiet evening walk by the seA", salt, MINIMUM_KDF) != key
    assert derive_key("a quiet evening walk by the sea", b"\x02" * SALT_LENGTH, MINIMUM_KDF) != key
    stronger = KdfParams(MINIMUM_KDF.memory_kib, MINIMUM_KDF.iterations + 1, MINIMUM_KDF.lanes)
    assert derive_key("a quiet evening walk by the sea", salt, stronger) != key


def test_passphrases_are_folded_to_nfc() -> None:
    composed = "caf\u00e9 by the sea"
    decomposed = unicodedata.normalize("NFD", composed)
    assert composed != decomposed
    assert normalize_passphrase(decomposed) == composed.encode()
    salt = b"\x03" * SALT_LENGTH
    assert derive_key(decomposed, salt, MINIMUM_KDF) == derive_key(composed, salt, MINIMUM_KDF)


def test_parameters_follow_rfc9106() -> None:
    assert KdfParams(memory_kib=64 * 1024, iterations=3, lanes=4) == MINIMUM_KDF
    assert DEFAULT_KDF.is_at_least(MINIMUM_KDF)
    assert DEFAULT_KDF.memory_kib == 256 * 1024


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        (KdfParams(64 * 1024, 3, 4), True),
        (KdfParams(128 * 1024, 5, 8), True),
        (KdfParams(64 * 1024 - 1, 3, 4), False),
        (KdfParams(64 * 1024, 2, 4), False),
        (KdfParams(64 * 1024, 3, 3), False),
        (KdfParams(1024 * 1024, 1, 4), False),
    ],
)
def test_is_at_least_requires_every_parameter(params: KdfParams, expected: bool) -> None:
    assert params.is_at_least(MINIMUM_KDF) is expected


def test_salts_are_random_and_16_bytes() -> None:
    salts = {new_salt() for _ in range(20)}
    assert len(salts) == 20
    assert all(len(s) == SALT_LENGTH == 16 for s in salts)
