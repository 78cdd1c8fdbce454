"""The vault header: a small JSON file holding the data key, wrapped several ways.

Each *slot* wraps the same random data key with AES-256-GCM under a different key (the
passphrase's Argon2id key, the recovery key, the OS keyring's key). The associated data of a
slot binds the format, version, vault id, slot name and the slot's parameters, so editing any
of them (for example lowering the KDF cost) makes the slot fail to open. Once opened, a MAC
keyed from the data key covers the whole header, so a tampered header is reported as such.

Version 2 adds the *generation*: a number raised by one at every header write, covered by
the MAC. The database holds the same number (:mod:`carecompanion.vault.binding`), so a genuine
older header or database put back in place of the current one is noticed, and a session
holding an older header cannot write it over a newer one
(:meth:`~carecompanion.vault.vault.UnlockedVault.save_header`). A version 1 header (written
before generations) is read as generation 0 and written as version 2 at its next change.
"""

from __future__ import annotations

import base64
import binascii
import hmac
import json
import os
from dataclasses import dataclass, field, replace
from hashlib import sha256
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from carecompanion.errors import Sentence
from carecompanion.vault.errors import HeaderDamaged, NewerVaultVersion
from carecompanion.vault.kdf import MAXIMUM_KDF, SALT_LENGTH, KdfParams, meets_floor

# What a damaged header is said with; ``{what}`` is a technical name ("the passphrase salt").
PART_MISSING = Sentence(
    "vault.header.part_missing", "The vault header is damaged: {what} is missing."
)
PART_INVALID = Sentence(
    "vault.header.part_invalid", "The vault header is damaged: {what} is not valid."
)
NONCE_INVALID = Sentence(
    "vault.header.nonce_invalid", "The vault header is damaged: the {slot} nonce is not valid."
)
TAMPERED = Sentence(
    "vault.header.tampered",
    "The vault header has been changed by something other than CareCompanion "
    "(damage or tampering). Restore it from a backup.",
)
KDF_MISSING = Sentence(
    "vault.header.kdf_missing", "The vault header is damaged: key settings are missing."
)
KDF_UNKNOWN = Sentence(
    "vault.header.kdf_unknown", "The vault header names a key-derivation method we do not use."
)
KDF_TOO_WEAK = Sentence(
    "vault.header.kdf_too_weak",
    "The vault header asks for weaker passphrase protection than CareCompanion "
    "ever uses, so it was refused (it may have been tampered with).",
)
KDF_INVALID = Sentence(
    "vault.header.kdf_invalid", "The vault header is damaged: key settings are not valid."
)
KDF_TOO_COSTLY = Sentence(
    "vault.header.kdf_too_costly",
    "The vault header asks for far more work to unlock than CareCompanion ever "
    "sets, so it was refused (it may have been tampered with).",
)
SALT_INVALID = Sentence(
    "vault.header.salt_invalid", "The vault header is damaged: the passphrase salt is not valid."
)
TOO_LARGE = Sentence(
    "vault.header.too_large", "The vault header is far larger than it should be: refused."
)
UNREADABLE = Sentence("vault.header.unreadable", "The vault header is damaged and cannot be read.")
NOT_A_HEADER = Sentence("vault.header.not_a_header", "This is not a CareCompanion vault header.")
VERSION_INVALID = Sentence(
    "vault.header.version_invalid", "The vault header is damaged: its version is not valid."
)
SLOTS_INVALID = Sentence(
    "vault.header.slots_invalid", "The vault header is damaged: its key slots are not valid."
)
FIELD_MISSING = Sentence(
    "vault.header.field_missing", "The vault header is damaged: a required field is missing."
)
GENERATION_INVALID = Sentence(
    "vault.header.generation_invalid",
    "The vault header is damaged: its generation is not valid.",
)

FORMAT = "carecompanion-vault"
VERSION = 2
#: The version a slot's associated data names. Wrapping has not changed since version 1, and
#: a header upgraded from version 1 keeps the slots wrapped then, so it stays 1.
SLOT_VERSION = 1
MAX_HEADER_BYTES = 64 * 1024
#: SQLite's largest integer: the database holds the same number.
MAX_GENERATION = 2**63 - 1
NONCE_BYTES = 12

SLOT_PASSPHRASE = "passphrase"  # noqa: S105 (a slot name, not a password)
SLOT_RECOVERY = "recovery"
SLOT_DEVICE = "device"
#: Only while the data key is being replaced: the new data key, wrapped under a key derived
#: from the old one, so an interrupted rotation can be undone (see vault/rotation.py).
SLOT_ROTATING = "rotating"
KNOWN_SLOTS = (SLOT_PASSPHRASE, SLOT_RECOVERY, SLOT_DEVICE, SLOT_ROTATING)


def b64e(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def b64d(text: object, what: str) -> bytes:
    if not isinstance(text, str):
        raise HeaderDamaged(PART_MISSING, what=what)
    try:
        return base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError) as exc:
        raise HeaderDamaged(PART_INVALID, what=what) from exc


def canonical_json(value: object) -> bytes:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=True).encode()


@dataclass(frozen=True)
class VaultHeader:
    vault_id: str
    created: str
    slots: dict[str, dict[str, Any]] = field(default_factory=dict)
    version: int = VERSION
    mac: str = ""
    #: Raised by one at each write (0 for a version 1 header, which had none).
    generation: int = 0

    # -- wrapping ---------------------------------------------------------------------------
    def _aad(self, slot_name: str, params: dict[str, Any]) -> bytes:
        return canonical_json(
            {
                "format": FORMAT,
                "version": SLOT_VERSION,
                "vault_id": self.vault_id,
                "slot": slot_name,
                "params": params,
            }
        )

    def with_slot(
        self,
        slot_name: str,
        data_key: bytes | bytearray,
        wrap_key: bytes | bytearray,
        params: dict[str, Any],
    ) -> VaultHeader:
        nonce = os.urandom(NONCE_BYTES)
        wrapped = AESGCM(wrap_key).encrypt(nonce, data_key, self._aad(slot_name, params))
        slots = dict(self.slots)
        slots[slot_name] = {**params, "nonce": b64e(nonce), "wrapped": b64e(wrapped)}
        return replace(self, slots=slots, mac="")

    def without_slot(self, slot_name: str) -> VaultHeader:
        slots = {name: slot for name, slot in self.slots.items() if name != slot_name}
        return replace(self, slots=slots, mac="")

    def slot_params(self, slot_name: str) -> dict[str, Any]:
        slot = self.slots[slot_name]
        return {k: v for k, v in slot.items() if k not in ("nonce", "wrapped")}

    def unwrap(self, slot_name: str, wrap_key: bytes | bytearray) -> bytes | None:
        """The data key, or None when ``wrap_key`` is not the right one for this slot."""
        slot = self.slots[slot_name]
        nonce = b64d(slot.get("nonce"), f"the {slot_name} nonce")
        if len(nonce) != NONCE_BYTES:
            raise HeaderDamaged(NONCE_INVALID, slot=slot_name)
        wrapped = b64d(slot.get("wrapped"), f"the {slot_name} key")
        try:
            return AESGCM(wrap_key).decrypt(
                nonce, wrapped, self._aad(slot_name, self.slot_params(slot_name))
            )
        except InvalidTag:
            return None

    # -- the whole-header MAC ----------------------------------------------------------------
    def _body(self) -> dict[str, Any]:
        body: dict[str, Any] = {
            "format": FORMAT,
            "version": self.version,
            "vault_id": self.vault_id,
            "created": self.created,
            "slots": self.slots,
        }
        if self.version >= 2:
            body["generation"] = self.generation
        return body

    def as_generation(self, generation: int) -> VaultHeader:
        """This header as written at ``generation``, in the current format (unsigned)."""
        return replace(self, version=VERSION, generation=generation, mac="")

    def signed(self, mac_key: bytes | bytearray) -> VaultHeader:
        digest = hmac.new(mac_key, canonical_json(self._body()), sha256).digest()
        return replace(self, mac=b64e(digest))

    def verify_mac(self, mac_key: bytes | bytearray) -> None:
        expected = hmac.new(mac_key, canonical_json(self._body()), sha256).digest()
        if not hmac.compare_digest(expected, b64d(self.mac, "the header checksum")):
            raise HeaderDamaged(TAMPERED)

    # -- KDF parameters ----------------------------------------------------------------------
    def passphrase_kdf(self) -> tuple[KdfParams, bytes]:
        params = self.slot_params(SLOT_PASSPHRASE)
        try:
            kdf = KdfParams(
                memory_kib=int(params["memory_kib"]),
                iterations=int(params["iterations"]),
                lanes=int(params["lanes"]),
            )
        except (KeyError, TypeError, ValueError, OverflowError) as exc:
            raise HeaderDamaged(KDF_MISSING) from exc
        if params.get("kdf") != "argon2id":
            raise HeaderDamaged(KDF_UNKNOWN)
        if not meets_floor(kdf):
            raise HeaderDamaged(KDF_TOO_WEAK)
        if not kdf.is_valid_argon2():
            raise HeaderDamaged(KDF_INVALID)
        if not MAXIMUM_KDF.is_at_least(kdf):
            # A tampered header must not make unlocking exhaust memory or hang for minutes.
            raise HeaderDamaged(KDF_TOO_COSTLY)
        salt = b64d(params.get("salt"), "the passphrase salt")
        if len(salt) < SALT_LENGTH:
            raise HeaderDamaged(SALT_INVALID)
        return kdf, salt

    # -- bytes on disk -----------------------------------------------------------------------
    def to_bytes(self) -> bytes:
        document = {**self._body(), "mac": self.mac}
        return json.dumps(document, sort_keys=True, indent=2).encode() + b"\n"

    @classmethod
    def from_bytes(cls, data: bytes) -> VaultHeader:
        if len(data) > MAX_HEADER_BYTES:
            raise HeaderDamaged(TOO_LARGE)
        try:
            document = json.loads(data.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
            raise HeaderDamaged(UNREADABLE) from exc
        if not isinstance(document, dict) or document.get("format") != FORMAT:
            raise HeaderDamaged(NOT_A_HEADER)
        version = document.get("version")
        if not isinstance(version, int) or version < 1:
            raise HeaderDamaged(VERSION_INVALID)
        if version > VERSION:
            raise NewerVaultVersion()
        slots = document.get("slots")
        if (
            not isinstance(slots, dict)
            or SLOT_PASSPHRASE not in slots
            or not all(name in KNOWN_SLOTS and isinstance(s, dict) for name, s in slots.items())
        ):
            raise HeaderDamaged(SLOTS_INVALID)
        vault_id, created, mac = (document.get(k) for k in ("vault_id", "created", "mac"))
        if not all(isinstance(v, str) for v in (vault_id, created, mac)):
            raise HeaderDamaged(FIELD_MISSING)
        generation = document.get("generation") if version >= 2 else 0
        if type(generation) is not int or not 0 <= generation <= MAX_GENERATION:
            raise HeaderDamaged(GENERATION_INVALID)
        header = cls(
            vault_id=str(vault_id),
            created=str(created),
            slots=slots,
            version=version,
            mac=str(mac),
            generation=generation,
        )
        header.passphrase_kdf()  # validates the KDF parameters before any expensive work
        return header
