"""Our age header check and the pyrage wrappers: every refusal is one CircleFileError."""

from __future__ import annotations

import contextlib
import shutil
import subprocess
from pathlib import Path

import pyrage
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from carecompanion.circle import agefile
from carecompanion.circle.errors import CircleFileError

ALICE = pyrage.x25519.Identity.generate()
BOB = pyrage.x25519.Identity.generate()
TO_BOTH = agefile.encrypt_to_recipients(b"hello circle", [str(ALICE.to_public()),
                                                          str(BOB.to_public())])


def test_round_trip_to_several_members() -> None:
    header = agefile.check_age_header(TO_BOTH)
    assert (header.kind, header.stanzas) == ("x25519", 2)
    assert agefile.decrypt_with_identity(TO_BOTH, str(BOB)) == b"hello circle"


def test_someone_else_cannot_open_it() -> None:
    outsider = pyrage.x25519.Identity.generate()
    with pytest.raises(CircleFileError, match="not a member"):
        agefile.decrypt_with_identity(TO_BOTH, str(outsider))


@pytest.mark.parametrize("position", [-1, -20, 200])
def test_a_flipped_byte_is_refused(position: int) -> None:
    damaged = bytearray(TO_BOTH)
    damaged[position] ^= 0x01
    with pytest.raises(CircleFileError):
        agefile.decrypt_with_identity(bytes(damaged), str(ALICE))


def test_header_rules() -> None:
    good = TO_BOTH
    cases = [
        b"",
        b"age-encryption.org/v2\n" + good.split(b"\n", 1)[1],
        good.replace(b"-> X25519 ", b"-> X25519  ", 1),
        good.replace(b"\n--- ", b"\n---  ", 1),
        b"-----BEGIN AGE ENCRYPTED FILE-----\n",
        b"age-encryption.org/v1\n-> scrypt c2FsdHNhbHRzYWx0c2FsdA 10\nAAAA\n-> X25519 x\n",
    ]
    for data in cases:
        with pytest.raises(CircleFileError):
            agefile.check_age_header(data)


def test_scrypt_must_be_alone_and_cheap() -> None:
    file = agefile.encrypt_with_passphrase(b"x", "a long circle passphrase")
    header = agefile.check_age_header(file)
    assert header.kind == "scrypt" and header.work_factor is not None
    assert header.work_factor <= agefile.MAX_SCRYPT_WORK_FACTOR
    hostile = file.replace(f" {header.work_factor}\n".encode(), b" 30\n", 1)
    with pytest.raises(CircleFileError, match="too long"):
        agefile.check_age_header(hostile)
    assert agefile.decrypt_with_passphrase(file, "a long circle passphrase") == b"x"
    with pytest.raises(CircleFileError, match="passphrase"):
        agefile.decrypt_with_passphrase(file, "not it")


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_any_damaged_header_is_refused_or_read_never_crashes(data: st.DataObject) -> None:
    header_end = TO_BOTH.index(b"\n--- ") + 48
    damaged = bytearray(TO_BOTH[:header_end])
    for _ in range(data.draw(st.integers(1, 3))):
        damaged[data.draw(st.integers(0, len(damaged) - 1))] = data.draw(st.integers(0, 255))
    if data.draw(st.booleans()):
        damaged = damaged[:data.draw(st.integers(0, len(damaged)))]
    with contextlib.suppress(CircleFileError):  # anything else fails the test
        agefile.decrypt_with_identity(bytes(damaged) + TO_BOTH[header_end:], str(ALICE))


@pytest.mark.skipif(shutil.which("age") is None, reason="Debian's age package is not installed")
def test_files_from_the_reference_age_tool_open(tmp_path: Path) -> None:
    plain = tmp_path / "plain"
    plain.write_bytes(b"from the Go implementation")
    out = tmp_path / "out.age"
    subprocess.run(["age", "-r", str(ALICE.to_public()), "-o", str(out), str(plain)],
                   check=True)
    assert agefile.decrypt_with_identity(out.read_bytes(), str(ALICE)) == plain.read_bytes()
    key = tmp_path / "key.txt"
    key.write_text(f"{BOB}\n")
    decrypted = subprocess.run(["age", "-d", "-i", str(key)], input=TO_BOTH,
                               capture_output=True, check=True).stdout
    assert decrypted == b"hello circle"
