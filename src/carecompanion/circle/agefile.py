"""age v1 (https://age-encryption.org/v1) through pyrage, behind our own header check.

pyrage accepts a few malformed files the spec rejects, and would spend half a minute on a
hostile scrypt work factor before refusing, so the header is parsed here first, strictly,
and only files that pass reach pyrage.
"""

from __future__ import annotations

import base64
import binascii
import re
from collections.abc import Sequence
from dataclasses import dataclass

import pyrage

from carecompanion.circle.errors import CircleError, CircleFileError
from carecompanion.circle.limits import MAX_FILE_BYTES

MAX_HEADER_BYTES = 64 * 1024
MAX_STANZAS = 256
# rage picks the work factor by timing (19 here, ~2 s); 21 leaves room for a computer four
# times faster, and refuses the 2^22-and-up factors that would stall the app.
MAX_SCRYPT_WORK_FACTOR = 21
_VERSION_LINE = b"age-encryption.org/v1"
_ARG = re.compile(rb"^[\x21-\x7e]+$")
_WORK_FACTOR = re.compile(rb"^[1-9][0-9]?$")

NOT_A_CIRCLE = "This is not a circle file, or it is damaged."
ARMORED = "This file is in the text (armored) form of age; circle files are binary."
TOO_LARGE = "This circle file is too large to open."
TOO_SLOW = (
    "This circle file is protected by a passphrase that would take too long to check; "
    "it was not made by CareCompanion."
)
NOT_A_MEMBER = "You are not a member of this circle, or your key cannot open this file."
WRONG_PASSPHRASE = "That circle passphrase does not open this file (or the file was changed)."  # noqa: S105
DAMAGED = "The circle file is damaged or was changed by someone outside the circle."


@dataclass(frozen=True)
class AgeHeader:
    """What the header check found, so a caller can ask for a key or a passphrase before any
    decryption is tried."""

    kind: str  # "x25519" or "scrypt"
    stanzas: int  # X25519 stanzas (one per member); skipped unknown stanzas are not counted
    work_factor: int | None  # scrypt's log2(N); None for x25519
    length: int  # bytes up to and including the MAC line


def _b64(text: bytes, length: int | None = None) -> bytes:
    """Canonical unpadded standard base64, as age requires."""
    if b"=" in text or b"\r" in text:
        raise ValueError("padding")
    try:
        data = base64.b64decode(text + b"=" * (-len(text) % 4), validate=True)
    except binascii.Error as exc:
        raise ValueError("base64") from exc
    if base64.b64encode(data).rstrip(b"=") != text:
        raise ValueError("not canonical")
    if length is not None and len(data) != length:
        raise ValueError("length")
    return data


def check_age_header(data: bytes) -> AgeHeader:
    """Parse the age v1 header strictly (docs/circle-format.md, "Reading rules before
    decryption"), so nothing malformed, oversized or slow to refuse ever reaches pyrage.
    Every refusal is one CircleFileError with a plain sentence."""
    if len(data) > MAX_FILE_BYTES:
        raise CircleFileError(TOO_LARGE)
    # The armor may have whitespace around it (age's spec): look past it for a clear message.
    if data[:1024].lstrip(b" \t\r\n").startswith(b"-----BEGIN AGE ENCRYPTED FILE-----"):
        raise CircleFileError(ARMORED)
    try:
        return _parse(data)
    except ValueError as exc:
        raise CircleFileError(NOT_A_CIRCLE) from exc


def _parse(data: bytes) -> AgeHeader:
    end = data.find(b"\n--- ", 0, MAX_HEADER_BYTES)
    if end < 0:
        raise ValueError("no header end")
    # The MAC line is "--- " and 43 characters: its newline must be at exactly that place,
    # and the whole header, MAC line included, within MAX_HEADER_BYTES.
    mac_end = end + 5 + 43
    if mac_end >= min(len(data), MAX_HEADER_BYTES) or data[mac_end : mac_end + 1] != b"\n":
        raise ValueError("MAC line")
    lines = data[:end].split(b"\n")
    if lines[0] != _VERSION_LINE:
        raise ValueError("version")
    _b64(data[end + 5 : mac_end], 32)
    stanzas: list[tuple[list[bytes], bytes]] = []
    index = 1
    while index < len(lines):
        line = lines[index]
        if not line.startswith(b"-> "):
            raise ValueError("stanza")
        args = line[3:].split(b" ")
        if not args or not all(_ARG.match(arg) for arg in args):
            raise ValueError("stanza arguments")
        index += 1
        body = b""
        while True:
            if index >= len(lines):
                raise ValueError("stanza body")
            chunk = lines[index]
            index += 1
            if len(chunk) > 64:
                raise ValueError("body line")
            body += chunk
            if len(chunk) < 64:
                break
        stanzas.append((args, _b64(body)))
        if len(stanzas) > MAX_STANZAS:
            raise ValueError("too many stanzas")
    if not stanzas:
        raise ValueError("no stanza")
    # The age spec has readers skip stanza types they do not know (rage adds a random
    # "grease" stanza to every file to keep readers honest), so those may stand next to the
    # X25519 stanzas; they are never processed. scrypt must stand alone, as the spec says.
    x25519 = [(args, body) for args, body in stanzas if args[0] == b"X25519"]
    kinds = {args[0] for args, _body in stanzas}
    if x25519 and b"scrypt" not in kinds:
        for args, body in x25519:
            if len(args) != 2 or len(body) != 32:
                raise ValueError("X25519 stanza")
            _b64(args[1], 32)
        return AgeHeader("x25519", len(x25519), None, mac_end + 1)
    types = {args[0] for args, _body in stanzas}
    if types == {b"scrypt"} and len(stanzas) == 1:
        ((args, body),) = stanzas
        if len(args) != 3 or len(body) != 32 or not _WORK_FACTOR.match(args[2]):
            raise ValueError("scrypt stanza")
        _b64(args[1], 16)
        work_factor = int(args[2])
        if work_factor > MAX_SCRYPT_WORK_FACTOR:
            raise CircleFileError(TOO_SLOW)
        return AgeHeader("scrypt", 1, work_factor, mac_end + 1)
    raise ValueError("stanza types")


def encrypt_to_recipients(payload: bytes, recipients: Sequence[str]) -> bytes:
    """Encrypt to every member's ``age1...`` recipient (binary age; rage adds a grease
    stanza, which our reader skips)."""
    if not recipients:
        raise CircleError("A circle file needs at least one member to encrypt to.")
    try:
        parsed = [pyrage.x25519.Recipient.from_str(r) for r in recipients]
    except pyrage.RecipientError as exc:
        raise CircleError(
            "A member's circle key is not valid, so the circle file was not written."
        ) from exc
    return bytes(pyrage.encrypt(payload, parsed))


def encrypt_with_passphrase(payload: bytes, passphrase: str) -> bytes:
    """Encrypt to the circle passphrase; rage picks the scrypt work factor by timing."""
    return bytes(pyrage.passphrase.encrypt(payload, passphrase))


def decrypt_with_identity(data: bytes, identity: str) -> bytes:
    """Open a members' circle file with this person's ``AGE-SECRET-KEY-1...`` identity, after
    our own header check; every failure is one CircleFileError without file content."""
    header = check_age_header(data)
    if header.kind != "x25519":
        raise CircleFileError(NOT_A_MEMBER)
    try:
        key = pyrage.x25519.Identity.from_str(identity)
    except pyrage.IdentityError as exc:  # a key of a kind pyrage cannot use (e.g. ML-KEM)
        raise CircleFileError(NOT_A_MEMBER) from exc
    try:
        return bytes(pyrage.decrypt(data, [key]))
    except pyrage.DecryptError as exc:
        message = str(exc).lower()
        if "no matching keys" in message or "no identity matched" in message:
            raise CircleFileError(NOT_A_MEMBER) from exc
        raise CircleFileError(DAMAGED) from exc
    except Exception as exc:  # pyrage raises several types for malformed input
        raise CircleFileError(DAMAGED) from exc


def decrypt_with_passphrase(data: bytes, passphrase: str) -> bytes:
    """Open a passphrase circle file, after our header check refused work factors that would
    stall the app; every failure is one CircleFileError without file content."""
    header = check_age_header(data)
    if header.kind != "scrypt":
        raise CircleFileError(NOT_A_CIRCLE)
    try:
        return bytes(pyrage.passphrase.decrypt(data, passphrase))
    except pyrage.DecryptError as exc:
        message = str(exc).lower()
        # rage says "Decryption failed" when the passphrase does not unwrap the file key (a
        # changed stanza body looks the same); "Header MAC is invalid" and "decryption error"
        # (the payload) mean the file was changed.
        if "passphrase" in message or message.startswith("decryption failed"):
            raise CircleFileError(WRONG_PASSPHRASE) from exc
        raise CircleFileError(DAMAGED) from exc
    except Exception as exc:
        raise CircleFileError(DAMAGED) from exc
