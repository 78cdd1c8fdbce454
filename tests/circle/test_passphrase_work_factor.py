"""Passphrase circle files are written with our fixed scrypt work factor, never rage's timed one,
and any age implementation (rage, through pyrage) opens them."""

from __future__ import annotations

import os

import pyrage
import pytest
from tests.conftest import TEST_SCRYPT_WORK_FACTOR

from carecompanion.circle import agefile
from carecompanion.circle.errors import CircleFileError

PASSPHRASE = "our tuesday kettle, ñandú"
CHUNK = 64 * 1024


def test_the_work_factor_is_ours_not_timed_by_the_machine() -> None:
    written = agefile.encrypt_with_passphrase(b"payload", PASSPHRASE)
    header = agefile.check_age_header(written)
    assert (header.kind, header.work_factor) == ("scrypt", TEST_SCRYPT_WORK_FACTOR)
    assert written.startswith(b"age-encryption.org/v1\n-> scrypt ")


@pytest.mark.real_kdf
def test_the_app_writes_ages_default_work_factor() -> None:
    written = agefile.encrypt_with_passphrase(b"payload", PASSPHRASE)
    assert agefile.check_age_header(written).work_factor == agefile.SCRYPT_WORK_FACTOR == 18
    assert agefile.SCRYPT_WORK_FACTOR <= agefile.MAX_SCRYPT_WORK_FACTOR
    assert bytes(pyrage.passphrase.decrypt(written, PASSPHRASE)) == b"payload"


@pytest.mark.parametrize("size", [0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 3 * CHUNK, 3 * CHUNK + 17])
def test_rage_opens_every_payload_size(size: int) -> None:
    """age's STREAM has edge cases at chunk boundaries (a full last chunk, an empty payload)."""
    payload = os.urandom(size)
    written = agefile.encrypt_with_passphrase(payload, PASSPHRASE)
    assert bytes(pyrage.passphrase.decrypt(written, PASSPHRASE)) == payload
    assert agefile.decrypt_with_passphrase(written, PASSPHRASE) == payload


def test_each_file_has_its_own_salt_and_keys() -> None:
    first = agefile.encrypt_with_passphrase(b"same", PASSPHRASE)
    second = agefile.encrypt_with_passphrase(b"same", PASSPHRASE)
    assert first != second
    assert first.split(b"\n")[1] != second.split(b"\n")[1]  # the salt


def test_a_wrong_passphrase_and_a_changed_byte_are_refused() -> None:
    written = agefile.encrypt_with_passphrase(b"x" * 1000, PASSPHRASE)
    with pytest.raises(CircleFileError, match="does not open"):
        agefile.decrypt_with_passphrase(written, "not the circle passphrase")
    changed = bytearray(written)
    changed[-5] ^= 1
    with pytest.raises(CircleFileError, match="damaged"):
        agefile.decrypt_with_passphrase(bytes(changed), PASSPHRASE)
