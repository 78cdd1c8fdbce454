"""Our age header check and the pyrage wrappers: every refusal is one CircleFileError."""

from __future__ import annotations

import base64
import contextlib
import shutil
import subprocess
from pathlib import Path

import pyrage
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from carecompanion.circle import agefile
from carecompanion.circle.errors import TOO_LARGE, CircleError, CircleFileError
from carecompanion.circle.limits import MAX_FILE_BYTES

ALICE = pyrage.x25519.Identity.generate()
BOB = pyrage.x25519.Identity.generate()
TO_ALICE = agefile.encrypt_to_recipients(b"just alice", [str(ALICE.to_public())])
TO_BOTH = agefile.encrypt_to_recipients(
    b"hello circle", [str(ALICE.to_public()), str(BOB.to_public())]
)
PASSPHRASE = "a long circle passphrase"
MESSAGES = {agefile.NOT_A_CIRCLE, agefile.ARMORED, TOO_LARGE, agefile.TOO_SLOW}
NEEDS_AGE = pytest.mark.skipif(
    shutil.which("age") is None, reason="Debian's age package is not installed"
)


@pytest.fixture
def passphrase_file() -> bytes:
    """At the tests' scrypt work factor (tests/conftest.py, kdf_profile): milliseconds."""
    return agefile.encrypt_with_passphrase(b"x", PASSPHRASE)


# -- hand-built headers (no pyrage: each rule alone) ----------------------------------------------
def b64(data: bytes) -> str:
    return base64.b64encode(data).decode().rstrip("=")


def wrap(body: str) -> str:
    """Body lines of 64 columns; the last one shorter (empty when the body fills them)."""
    return "".join(body[i : i + 64] + "\n" for i in range(0, len(body), 64)) + (
        "\n" if len(body) % 64 == 0 else ""
    )


def stanza(*args: str, body: bytes = bytes(32)) -> str:
    return "-> " + " ".join(args) + "\n" + wrap(b64(body))


def x25519(share: bytes = bytes(32), body: bytes = bytes(32)) -> str:
    return stanza("X25519", b64(share), body=body)


def scrypt(work_factor: str = "18", salt: bytes = bytes(16), body: bytes = bytes(32)) -> str:
    return stanza("scrypt", b64(salt), work_factor, body=body)


def header(
    *stanzas: str, version: str = "age-encryption.org/v1", mac: str = b64(bytes(32))
) -> bytes:
    return (version + "\n" + "".join(stanzas) + "--- " + mac + "\n").encode() + b"payload"


def test_hand_built_headers_are_read() -> None:
    one = header(x25519())
    assert agefile.check_age_header(one) == agefile.AgeHeader(
        "x25519", 1, None, len(one) - len(b"payload")
    )
    several = agefile.check_age_header(header(x25519(), x25519(), x25519()))
    assert (several.kind, several.stanzas) == ("x25519", 3)
    greased = agefile.check_age_header(header(x25519(), stanza("a-grease", "!~", body=b"")))
    assert (greased.kind, greased.stanzas) == ("x25519", 1)  # unknown stanza skipped
    for factor in ("1", "19", str(agefile.MAX_SCRYPT_WORK_FACTOR)):
        read = agefile.check_age_header(header(scrypt(factor)))
        assert (read.kind, read.stanzas, read.work_factor) == ("scrypt", 1, int(factor))
    body_of_48 = header(x25519(), stanza("other", body=bytes(48)))  # 64 columns + empty line
    assert agefile.check_age_header(body_of_48).stanzas == 1
    assert agefile.check_age_header(header(*[x25519()] * agefile.MAX_STANZAS)).stanzas == 256


REFUSED = {
    "empty": b"",
    "only the version": b"age-encryption.org/v1\n",
    "no stanza": header(),
    "version 2": header(x25519(), version="age-encryption.org/v2"),
    "version with a space": header(x25519(), version="age-encryption.org/v1 "),
    "CRLF": header(x25519()).replace(b"\n", b"\r\n"),
    "stanza without arrow": header(x25519().replace("-> ", "->", 1)),
    "stanza without type": header("-> \n\n", x25519()),
    "double space": header(x25519().replace(" ", "  ", 1)),
    "trailing space": header(x25519().replace("\n", " \n", 1)),
    "non-VCHAR argument": header(x25519(), stanza("grease", "tab\there", body=b"")),
    "DEL in argument": header(x25519(), stanza("grease", "\x7f", body=b"")),
    "non-ASCII argument": header(x25519(), stanza("grease", "é", body=b"")),
    "padded body": header(x25519().replace(b64(bytes(32)) + "\n", b64(bytes(32)) + "=\n")),
    "non-canonical body": header(
        stanza("X25519", b64(bytes(32)), body=b"")[:-1]
        + "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAB\n"
    ),
    "body line of 65": header(x25519(), stanza("grease", body=bytes(48)).replace("\n\n", "A\n", 1)),
    "full last line, no empty one": header(x25519(), stanza("grease", body=bytes(48))[:-1]),
    "CR in body": header(x25519().replace("\n", "\r\n").replace("\r\n", "\n", 1)),
    "MAC of 42": header(x25519(), mac=b64(bytes(32))[:-1]),
    "MAC of 44": header(x25519(), mac=b64(bytes(32)) + "A"),
    "MAC padded": header(x25519(), mac=base64.b64encode(bytes(32)).decode()),
    "MAC without space": header(x25519()).replace(b"--- ", b"---", 1),
    "no newline after MAC": header(x25519())[: -len(b"\npayload")],
    "X25519 with 2 arguments": header(stanza("X25519", b64(bytes(32)), "x")),
    "X25519 without argument": header(stanza("X25519")),
    "X25519 share of 31": header(x25519(share=bytes(31))),
    "X25519 share padded": header(stanza("X25519", base64.b64encode(bytes(32)).decode())),
    "X25519 body of 31": header(x25519(body=bytes(31))),
    "X25519 body of 33": header(x25519(body=bytes(33))),
    "only unknown stanzas": header(stanza("grease", body=b"")),
    "scrypt and X25519": header(scrypt(), x25519()),
    "two scrypt": header(scrypt(), scrypt()),
    "scrypt and grease": header(scrypt(), stanza("grease", body=b"")),
    "scrypt salt of 15": header(scrypt(salt=bytes(15))),
    "scrypt salt of 17": header(scrypt(salt=bytes(17))),
    "scrypt body of 16": header(scrypt(body=bytes(16))),
    "scrypt extra argument": header(stanza("scrypt", b64(bytes(16)), "18", "x")),
    "work factor 0": header(scrypt("0")),
    "work factor leading zero": header(scrypt("018")),
    "work factor +": header(scrypt("+18")),
    "work factor hex": header(scrypt("0x12")),
    "work factor negative": header(scrypt("-1")),
    "work factor huge": header(scrypt("1" * 40)),
    "too many stanzas": header(*[x25519()] * (agefile.MAX_STANZAS + 1)),
    "header over 64 KiB": header(x25519(), stanza("grease", body=bytes(49_200))),
    "armored": b"-----BEGIN AGE ENCRYPTED FILE-----\nYWdlLWVuY3J5cHRpb24ub3JnL3YxCg==\n",
}


@pytest.mark.parametrize("name", REFUSED)
def test_each_rule_is_enforced(name: str) -> None:
    with pytest.raises(CircleFileError) as refused:
        agefile.check_age_header(REFUSED[name])
    assert refused.value.code in {sentence.code for sentence in MESSAGES}


def test_refusals_say_why_in_plain_words() -> None:
    with pytest.raises(CircleFileError, match="armored"):
        agefile.check_age_header(REFUSED["armored"])
    with pytest.raises(CircleFileError, match="too large"):
        agefile.check_age_header(header(x25519()).ljust(MAX_FILE_BYTES + 1, b"\0"))
    with pytest.raises(CircleFileError, match="not a circle file"):
        agefile.check_age_header(REFUSED["two scrypt"])


@pytest.mark.parametrize("factor", ["22", "23", "30", "64", "99"])
def test_a_costly_scrypt_work_factor_is_refused_at_once(
    factor: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    def never(*_args: object) -> bytes:
        raise AssertionError("pyrage must not be reached")

    # "At once" is that nothing reaches scrypt (pyrage), not a time: a clock bound would fail
    # on a loaded machine.
    monkeypatch.setattr(pyrage.passphrase, "decrypt", never)
    with pytest.raises(CircleFileError, match="take too long"):
        agefile.decrypt_with_passphrase(header(scrypt(factor)), PASSPHRASE)


# -- properties ------------------------------------------------------------------------------------
SPECIAL_BYTES = [0, 10, 13, 32, 45, 61, 62, 65, 255]  # NUL \n \r space - = > A
GOOD_HEADERS = [TO_ALICE, TO_BOTH, header(x25519(), x25519()), header(scrypt("19"))]


@settings(max_examples=500, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(GOOD_HEADERS), st.data())
def test_any_mutated_header_is_read_or_refused_never_anything_else(
    good: bytes, data: st.DataObject
) -> None:
    damaged = bytearray(good[: good.index(b"\n--- ") + 60])
    for _ in range(data.draw(st.integers(0, 4))):
        where = data.draw(st.integers(0, len(damaged)))
        action = data.draw(st.sampled_from(["set", "insert", "delete"]))
        byte = data.draw(st.sampled_from(SPECIAL_BYTES) | st.integers(0, 255))
        if action == "set" and where < len(damaged):
            damaged[where] = byte
        elif action == "insert":
            damaged.insert(where, byte)
        elif where < len(damaged):
            del damaged[where]
    if data.draw(st.booleans()):
        damaged = damaged[: data.draw(st.integers(0, len(damaged)))]
    with contextlib.suppress(CircleFileError):
        agefile.check_age_header(bytes(damaged))


@settings(max_examples=300)
@given(st.binary(max_size=400))
def test_random_bytes_after_the_version_line_never_crash(tail: bytes) -> None:
    with contextlib.suppress(CircleFileError):
        agefile.check_age_header(b"age-encryption.org/v1\n" + tail)


@settings(max_examples=200, deadline=None)
@given(st.data())
def test_a_damaged_file_never_gets_past_decryption(data: st.DataObject) -> None:
    header_end = TO_BOTH.index(b"\n--- ") + 48
    damaged = bytearray(TO_BOTH[:header_end])
    for _ in range(data.draw(st.integers(1, 3))):
        damaged[data.draw(st.integers(0, len(damaged) - 1))] = data.draw(st.integers(0, 255))
    if data.draw(st.booleans()):
        damaged = damaged[: data.draw(st.integers(0, len(damaged)))]
    try:
        opened = agefile.decrypt_with_identity(bytes(damaged) + TO_BOTH[header_end:], str(ALICE))
    except CircleFileError:
        return
    assert opened == b"hello circle"  # only a change that kept the same header (no-op)


# -- pyrage round trips ----------------------------------------------------------------------------
def test_round_trip_to_one_and_several_members() -> None:
    assert agefile.check_age_header(TO_ALICE).kind == "x25519"
    assert agefile.decrypt_with_identity(TO_ALICE, str(ALICE)) == b"just alice"
    header_read = agefile.check_age_header(TO_BOTH)
    assert (header_read.kind, header_read.stanzas, header_read.work_factor) == ("x25519", 2, None)
    assert TO_BOTH[header_read.length - 48 : header_read.length].startswith(b"--- ")
    assert agefile.decrypt_with_identity(TO_BOTH, str(ALICE)) == b"hello circle"
    assert agefile.decrypt_with_identity(TO_BOTH, str(BOB)) == b"hello circle"


def test_someone_else_cannot_open_it() -> None:
    outsider = pyrage.x25519.Identity.generate()
    with pytest.raises(CircleFileError, match="not a member"):
        agefile.decrypt_with_identity(TO_BOTH, str(outsider))
    with pytest.raises(CircleFileError, match="not a member"):
        agefile.decrypt_with_identity(TO_BOTH, "AGE-SECRET-KEY-1NOTAKEY")


@pytest.mark.parametrize("position", [-1, -20, 200])
def test_a_flipped_byte_is_refused(position: int) -> None:
    damaged = bytearray(TO_BOTH)
    damaged[position] ^= 0x01
    with pytest.raises(CircleFileError) as refused:
        agefile.decrypt_with_identity(bytes(damaged), str(ALICE))
    assert b"hello" not in str(refused.value).encode()


def test_a_changed_payload_is_called_damaged() -> None:
    damaged = bytearray(TO_BOTH)
    damaged[-1] ^= 0x01
    with pytest.raises(CircleFileError, match="damaged or was changed"):
        agefile.decrypt_with_identity(bytes(damaged), str(ALICE))


def test_the_wrong_kind_of_file_for_the_wrong_key(passphrase_file: bytes) -> None:
    with pytest.raises(CircleFileError):
        agefile.decrypt_with_identity(passphrase_file, str(ALICE))
    with pytest.raises(CircleFileError):
        agefile.decrypt_with_passphrase(TO_BOTH, PASSPHRASE)


def test_passphrase_round_trip_and_failures(passphrase_file: bytes) -> None:
    read = agefile.check_age_header(passphrase_file)
    assert read.kind == "scrypt" and read.work_factor is not None
    assert read.work_factor <= agefile.MAX_SCRYPT_WORK_FACTOR
    assert agefile.decrypt_with_passphrase(passphrase_file, PASSPHRASE) == b"x"
    with pytest.raises(CircleFileError, match="passphrase does not open"):
        agefile.decrypt_with_passphrase(passphrase_file, "not it")
    damaged = bytearray(passphrase_file)
    damaged[-1] ^= 0x01
    with pytest.raises(CircleFileError, match="damaged or was changed"):
        agefile.decrypt_with_passphrase(bytes(damaged), PASSPHRASE)


def test_encrypting_needs_valid_recipients() -> None:
    with pytest.raises(CircleError):
        agefile.encrypt_to_recipients(b"x", [])
    with pytest.raises(CircleError):
        agefile.encrypt_to_recipients(b"x", ["age1notarecipient"])


# -- interop with the Go reference implementation --------------------------------------------------
@NEEDS_AGE
def test_the_reference_age_tool_opens_our_files(tmp_path: Path) -> None:
    key = tmp_path / "key.txt"
    key.write_text(f"{BOB}\n")
    decrypted = subprocess.run(
        ["age", "-d", "-i", str(key)], input=TO_BOTH, capture_output=True, check=True
    ).stdout
    assert decrypted == b"hello circle"


@NEEDS_AGE
def test_files_from_the_reference_age_tool_open(tmp_path: Path) -> None:
    plain = tmp_path / "plain"
    plain.write_bytes(b"from the Go implementation")
    out = tmp_path / "out.age"
    subprocess.run(
        [
            "age",
            "-r",
            str(ALICE.to_public()),
            "-r",
            str(BOB.to_public()),
            "-o",
            str(out),
            str(plain),
        ],
        check=True,
    )
    assert agefile.check_age_header(out.read_bytes()).stanzas == 2
    assert agefile.decrypt_with_identity(out.read_bytes(), str(BOB)) == plain.read_bytes()
    armored = tmp_path / "out.txt"
    subprocess.run(
        ["age", "-a", "-r", str(ALICE.to_public()), "-o", str(armored), str(plain)], check=True
    )
    with pytest.raises(CircleFileError, match="armored"):
        agefile.decrypt_with_identity(armored.read_bytes(), str(ALICE))
