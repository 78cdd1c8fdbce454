"""age v1 (https://age-encryption.org/v1) through pyrage, behind our own header check.

pyrage accepts a few malformed files the spec rejects, and would spend half a minute on a
hostile scrypt work factor before refusing, so the header is parsed here first, strictly,
and only files that pass reach pyrage.
"""

from __future__ import annotations

import base64
import binascii
import hmac
import io
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from hashlib import sha256

import pyrage
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from carecompanion.circle.errors import TOO_LARGE, CircleError, CircleFileError
from carecompanion.circle.limits import MAX_FILE_BYTES
from carecompanion.errors import Sentence

MAX_HEADER_BYTES = 64 * 1024
MAX_STANZAS = 256
# Files from other age tools may carry a higher work factor than ours (rage picks it by timing:
# 19-20 here, 2-14 s); 21 is the most we accept, refusing the 2^22-and-up factors that would
# stall the app.
MAX_SCRYPT_WORK_FACTOR = 21
#: The scrypt work factor (log2 N) of the passphrase circle files we write: age's own default
#: (the Go reference tool), 256 MiB and about half a second here. Fixed by us, because rage
#: picks it by timing the machine: under load it chose 2^20 (1 GiB, ~14 s to every open).
#: A module constant, not an option; only the tests' ``kdf_profile`` fixture lowers it.
SCRYPT_WORK_FACTOR = 18
_FILE_KEY_BYTES = 16
_CHUNK_BYTES = 64 * 1024  # age's STREAM chunk size
_VERSION_LINE = b"age-encryption.org/v1"
_ARG = re.compile(rb"^[\x21-\x7e]+$")
_WORK_FACTOR = re.compile(rb"^[1-9][0-9]?$")

NOT_A_CIRCLE = Sentence("circle.file.not_a_circle", "This is not a circle file, or it is damaged.")
ARMORED = Sentence(
    "circle.file.armored",
    "This file is in the text (armored) form of age; circle files are binary.",
)
TOO_SLOW = Sentence(
    "circle.file.too_slow",
    "This circle file is protected by a passphrase that would take too long to check; "
    "it was not made by CareCompanion.",
)
NOT_A_MEMBER = Sentence(
    "circle.file.not_a_member",
    "You are not a member of this circle, or your key cannot open this file.",
)
WRONG_PASSPHRASE = Sentence(
    "circle.file.wrong_passphrase",
    "That circle passphrase does not open this file (or the file was changed).",
)
DAMAGED = Sentence(
    "circle.file.damaged",
    "The circle file is damaged or was changed by someone outside the circle.",
)
NO_RECIPIENTS = Sentence(
    "circle.no_recipients", "A circle file needs at least one member to encrypt to."
)
BAD_RECIPIENT = Sentence(
    "circle.bad_recipient",
    "A member's circle key is not valid, so the circle file was not written.",
)


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
        raise CircleError(NO_RECIPIENTS)
    try:
        parsed = [pyrage.x25519.Recipient.from_str(r) for r in recipients]
    except pyrage.RecipientError as exc:
        raise CircleError(BAD_RECIPIENT) from exc
    return bytes(pyrage.encrypt(payload, parsed))


def encrypt_with_passphrase(payload: bytes, passphrase: str) -> bytes:
    """Encrypt to the circle passphrase with age's scrypt recipient at SCRYPT_WORK_FACTOR.

    Written here with pyca/cryptography, by the age v1 spec, because pyrage cannot be given a
    work factor. Any age tool (and pyrage, which opens these files) reads the result."""
    file_key = os.urandom(_FILE_KEY_BYTES)
    salt = os.urandom(16)
    wrap_key = Scrypt(
        salt=b"age-encryption.org/v1/scrypt" + salt,
        length=32,
        n=2**SCRYPT_WORK_FACTOR,
        r=8,
        p=1,
    ).derive(passphrase.encode("utf-8"))
    # The wrap key is used once, so age's all-zero nonce is safe.
    body = ChaCha20Poly1305(wrap_key).encrypt(bytes(12), file_key, None)
    header = b"".join(
        (
            _VERSION_LINE,
            b"\n-> scrypt ",
            _b64e(salt),
            b" ",
            str(SCRYPT_WORK_FACTOR).encode("ascii"),
            b"\n",
            _b64e(body),  # 43 characters: one body line, shorter than 64 as age requires
            b"\n---",
        )
    )
    mac = hmac.new(_hkdf(file_key, b"", b"header"), header, sha256).digest()
    nonce = os.urandom(16)
    payload_key = _hkdf(file_key, nonce, b"payload")
    return header + b" " + _b64e(mac) + b"\n" + nonce + _stream_encrypt(payload_key, payload)


def _b64e(data: bytes) -> bytes:
    return base64.b64encode(data).rstrip(b"=")


def _hkdf(key: bytes, salt: bytes, info: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=salt, info=info).derive(key)


def _stream_encrypt(key: bytes, payload: bytes) -> bytes:
    """age's STREAM: 64 KiB chunks, each sealed with a big-endian counter nonce whose last
    byte marks the final chunk (empty only when the whole payload is)."""
    aead = ChaCha20Poly1305(key)
    count = max(1, -(-len(payload) // _CHUNK_BYTES))
    sealed = []
    for index in range(count):
        chunk = payload[index * _CHUNK_BYTES : (index + 1) * _CHUNK_BYTES]
        last = b"\x01" if index == count - 1 else b"\x00"
        sealed.append(aead.encrypt(index.to_bytes(11, "big") + last, chunk, None))
    return b"".join(sealed)


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
        return _decrypt_streaming(data, key)
    except pyrage.DecryptError as exc:
        message = str(exc).lower()
        if "no matching keys" in message or "no identity matched" in message:
            raise CircleFileError(NOT_A_MEMBER) from exc
        raise CircleFileError(DAMAGED) from exc
    except Exception as exc:  # pyrage raises several types for malformed input (OSError too)
        raise CircleFileError(DAMAGED) from exc


def _decrypt_streaming(data: bytes, key: pyrage.x25519.Identity) -> bytes:
    """The payload, decrypted a chunk at a time into one buffer: ``pyrage.decrypt`` holds the
    plaintext twice at its peak (its own and the returned copy), 128 MB for a 64 MiB file."""
    out = io.BytesIO()
    pyrage.decrypt_io(io.BytesIO(data), out, [key])
    return out.getvalue()  # the buffer itself, not a copy


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
