"""Parsing the vault header: anything odd is HeaderDamaged (or NewerVaultVersion), never a crash."""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from carecompanion.vault.errors import HeaderDamaged, NewerVaultVersion
from carecompanion.vault.header import (
    FORMAT,
    MAX_HEADER_BYTES,
    SLOT_PASSPHRASE,
    SLOT_RECOVERY,
    VERSION,
    VaultHeader,
    b64e,
)

# The header's KDF checks are tested against the app's real floor, not the tests' profile.
pytestmark = pytest.mark.real_kdf

KEY = b"k" * 32
DATA_KEY = b"d" * 32


def valid_document() -> dict[str, Any]:
    header = VaultHeader(vault_id="0" * 32, created="2026-03-03T12:00:00+00:00")
    header = header.with_slot(
        SLOT_PASSPHRASE,
        DATA_KEY,
        KEY,
        {
            "kdf": "argon2id",
            "memory_kib": 65536,
            "iterations": 3,
            "lanes": 4,
            "salt": b64e(b"s" * 16),
        },
    )
    header = header.with_slot(SLOT_RECOVERY, DATA_KEY, KEY, {"salt": b64e(b"r" * 16)})
    document = json.loads(header.signed(b"m" * 32).to_bytes())
    assert isinstance(document, dict)
    return document


def parse(document: object) -> VaultHeader:
    return VaultHeader.from_bytes(json.dumps(document).encode())


def test_round_trip_through_bytes() -> None:
    header = VaultHeader.from_bytes(json.dumps(valid_document()).encode())
    assert header.version == VERSION
    again = VaultHeader.from_bytes(header.to_bytes())
    assert again == header
    assert again.unwrap(SLOT_PASSPHRASE, KEY) == DATA_KEY
    assert again.unwrap(SLOT_PASSPHRASE, b"x" * 32) is None
    again.verify_mac(b"m" * 32)
    with pytest.raises(HeaderDamaged):
        again.verify_mac(b"n" * 32)


def test_header_holds_no_secret_in_clear() -> None:
    raw = VaultHeader.from_bytes(json.dumps(valid_document()).encode()).to_bytes()
    assert DATA_KEY not in raw
    assert b64e(DATA_KEY).encode() not in raw


def test_newer_version_is_reported_as_such() -> None:
    document = valid_document()
    document["version"] = VERSION + 1
    with pytest.raises(NewerVaultVersion):
        parse(document)


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda d: d.update(format="something-else"), "not a CareCompanion vault header"),
        (lambda d: d.update(version=0), "version"),
        (lambda d: d.update(version="1"), "version"),
        (lambda d: d.update(version=1.0), "version"),
        (lambda d: d.pop("slots"), "key slots"),
        (lambda d: d["slots"].pop(SLOT_PASSPHRASE), "key slots"),
        (lambda d: d["slots"].update(unknown={}), "key slots"),
        (lambda d: d["slots"].update(recovery="not a dict"), "key slots"),
        (lambda d: d.pop("vault_id"), "required field"),
        (lambda d: d.update(created=5), "required field"),
        (lambda d: d.pop("mac"), "required field"),
        (lambda d: d["slots"][SLOT_PASSPHRASE].pop("memory_kib"), "key settings"),
        (lambda d: d["slots"][SLOT_PASSPHRASE].update(lanes="four"), "key settings"),
        (lambda d: d["slots"][SLOT_PASSPHRASE].update(iterations=None), "key settings"),
        (lambda d: d["slots"][SLOT_PASSPHRASE].update(kdf="pbkdf2"), "key-derivation"),
        (lambda d: d["slots"][SLOT_PASSPHRASE].update(memory_kib=65535), "weaker"),
        (lambda d: d["slots"][SLOT_PASSPHRASE].update(iterations=2), "weaker"),
        (lambda d: d["slots"][SLOT_PASSPHRASE].update(lanes=1), "weaker"),
        (lambda d: d["slots"][SLOT_PASSPHRASE].update(memory_kib=math.inf), "key settings"),
        (lambda d: d["slots"][SLOT_PASSPHRASE].update(memory_kib=math.nan), "key settings"),
        (lambda d: d["slots"][SLOT_PASSPHRASE].update(lanes=2**24), "key settings"),
        (lambda d: d["slots"][SLOT_PASSPHRASE].update(iterations=2**32), "key settings"),
        (lambda d: d["slots"][SLOT_PASSPHRASE].update(lanes=65536), "key settings"),
        (lambda d: d["slots"][SLOT_PASSPHRASE].pop("salt"), "salt"),
        (lambda d: d["slots"][SLOT_PASSPHRASE].update(salt="!!not base64!!"), "salt"),
        (lambda d: d["slots"][SLOT_PASSPHRASE].update(salt=b64e(b"short")), "salt"),
    ],
)
def test_damaged_fields_are_refused(mutate: Any, message: str) -> None:
    document = valid_document()
    mutate(document)
    with pytest.raises(HeaderDamaged, match=message):
        parse(document)


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"\xff\xfe",
        b"null",
        b"[]",
        b'"carecompanion-vault"',
        b"{",
        b"[" * 60000,
        b'{"format": "carecompanion-vault", "version": 1e400}',
        b" " * (MAX_HEADER_BYTES + 1),
    ],
)
def test_garbage_bytes_are_refused(data: bytes) -> None:
    with pytest.raises(HeaderDamaged):
        VaultHeader.from_bytes(data)


def test_oversized_header_is_refused_before_parsing() -> None:
    document = valid_document()
    document["created"] = "x" * MAX_HEADER_BYTES
    with pytest.raises(HeaderDamaged, match="larger"):
        parse(document)


def test_damaged_nonce_or_key_is_refused_when_unwrapping() -> None:
    for field, value, message in [
        ("nonce", None, "nonce is missing"),
        ("nonce", "***", "nonce is not valid"),
        ("nonce", b64e(b""), "nonce is not valid"),
        ("nonce", b64e(b"n" * 4), "nonce is not valid"),
        ("wrapped", 12, "key is missing"),
    ]:
        document = valid_document()
        document["slots"][SLOT_PASSPHRASE][field] = value
        header = parse(document)
        with pytest.raises(HeaderDamaged, match=message):
            header.unwrap(SLOT_PASSPHRASE, KEY)


def test_editing_any_bound_field_breaks_the_slot() -> None:
    """The slot's associated data binds format, version, vault id, slot name and parameters."""
    original = parse(valid_document())
    assert original.unwrap(SLOT_PASSPHRASE, KEY) == DATA_KEY
    mutations: list[Callable[[dict[str, Any]], None]] = [
        lambda d: d.update(vault_id="1" * 32),
        lambda d: d["slots"][SLOT_PASSPHRASE].update(iterations=4),
        lambda d: d["slots"][SLOT_PASSPHRASE].update(memory_kib=65536 * 2),
        lambda d: d["slots"][SLOT_PASSPHRASE].update(salt=b64e(b"t" * 16)),
        lambda d: d["slots"][SLOT_PASSPHRASE].update(extra="field"),
    ]
    for mutate in mutations:
        document = valid_document()
        mutate(document)
        assert parse(document).unwrap(SLOT_PASSPHRASE, KEY) is None


# -- property tests ----------------------------------------------------------------------------
json_scalars = st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20)
json_values = st.recursive(
    json_scalars,
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4)
    ),
    max_leaves=12,
)
slot_values = st.dictionaries(
    st.sampled_from(["kdf", "memory_kib", "iterations", "lanes", "salt", "nonce", "wrapped"])
    | st.text(max_size=8),
    json_scalars | st.sampled_from(["argon2id", 65536, 3, 4, b64e(b"s" * 16), 2**40, -1]),
    max_size=8,
)
header_like = st.fixed_dictionaries(
    {},
    optional={
        "format": st.just(FORMAT) | json_values,
        "version": st.sampled_from([0, 1, 2, -1, True, 1.0]) | json_values,
        "vault_id": st.text(max_size=34) | json_values,
        "created": st.text(max_size=30) | json_values,
        "mac": st.text(max_size=44) | json_values,
        "slots": st.dictionaries(
            st.sampled_from([SLOT_PASSPHRASE, SLOT_RECOVERY, "device"]) | st.text(max_size=8),
            slot_values | json_values,
            max_size=3,
        )
        | json_values,
    },
)


def _parse_or_refuse(data: bytes) -> None:
    try:
        header = VaultHeader.from_bytes(data)
    except (HeaderDamaged, NewerVaultVersion):
        return
    # What parses must be usable: reading its parameters and trying a key never crash.
    kdf, salt = header.passphrase_kdf()
    assert kdf.is_valid_argon2()
    assert len(salt) >= 16
    try:
        result = header.unwrap(SLOT_PASSPHRASE, KEY)
    except HeaderDamaged:
        return
    assert result is None or result == DATA_KEY


@given(st.binary(max_size=512))
@example(b'{"format":"carecompanion-vault","version":1,"slots":[]}')
def test_arbitrary_bytes_never_crash_the_parser(data: bytes) -> None:
    _parse_or_refuse(data)


@given(json_values)
def test_arbitrary_json_never_crashes_the_parser(value: object) -> None:
    _parse_or_refuse(json.dumps(value).encode())


@given(header_like)
@example(
    {
        "format": FORMAT,
        "version": 1,
        "vault_id": "",
        "created": "",
        "mac": "",
        "slots": {
            "passphrase": {
                "kdf": "argon2id",
                "memory_kib": math.inf,
                "iterations": 3,
                "lanes": 4,
                "salt": b64e(b"s" * 16),
            }
        },
    }
)
@example(
    {
        "format": FORMAT,
        "version": 1,
        "vault_id": "",
        "created": "",
        "mac": "",
        "slots": {
            "passphrase": {
                "kdf": "argon2id",
                "memory_kib": 65536,
                "iterations": 3,
                "lanes": 4,
                "salt": b64e(b"s" * 16),
                "nonce": "",
                "wrapped": "",
            }
        },
    }
)
def test_header_shaped_json_never_crashes_the_parser(document: dict[str, Any]) -> None:
    _parse_or_refuse(json.dumps(document).encode())


@given(st.binary(min_size=1, max_size=64), st.integers(min_value=0, max_value=10_000))
def test_corrupting_a_valid_header_never_crashes(junk: bytes, position: int) -> None:
    data = bytearray(json.dumps(valid_document()).encode())
    position %= len(data)
    data[position : position + len(junk)] = junk
    _parse_or_refuse(bytes(data))


def test_a_header_asking_for_absurd_kdf_work_is_refused(vault_factory: Any, paths: Any) -> None:
    """A tampered header must not be able to make unlocking eat all memory or hang."""
    from carecompanion.vault.errors import HeaderDamaged
    from carecompanion.vault.header import VaultHeader

    vault_factory()[0].lock()
    import json

    document = json.loads(paths.header_file.read_text())
    document["slots"]["passphrase"]["memory_kib"] = 64 * 1024 * 1024  # 64 GiB
    paths.header_file.write_text(json.dumps(document))
    with pytest.raises(HeaderDamaged, match="far more work"):
        VaultHeader.from_bytes(paths.header_file.read_bytes())
