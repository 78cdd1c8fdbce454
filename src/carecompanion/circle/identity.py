"""A member's identity (made with the vault, kept encrypted in it) and their public card.

The identity holds two keys: Ed25519 to sign what the member writes, X25519 (as an age
identity) so circle files can be encrypted to them. The card carries the public halves and the
name, self-signed, and is what members exchange; it holds no secret.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import cached_property
from typing import Any

import pyrage
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import (
    Encoding,
    NoEncryption,
    PrivateFormat,
    PublicFormat,
)

from carecompanion.circle.bounded import JsonLimits, read_json
from carecompanion.circle.canonical import (
    b64url,
    canonical_json,
    from_b64url,
    is_timestamp,
    timestamp,
)
from carecompanion.circle.errors import NAME_LENGTH, CircleFileError, InvalidInput
from carecompanion.circle.limits import MAX_CARD_BYTES, MAX_NAME_CHARS
from carecompanion.errors import Sentence

CARD_FORMAT = "carecompanion.member-card"
CARD_VERSION = 1
_CARD_DOMAIN = b"carecompanion/member-card/v1\x00"
_FINGERPRINT_DOMAIN = b"carecompanion/member-fingerprint/v1\x00"
_SAFETY_DOMAIN = b"carecompanion/safety-number/v1\x00"
_AGE_RECIPIENT = re.compile(r"^age1[02-9ac-hj-np-z]{58}$")
_CARD_KEYS = {"format", "version", "name", "signing_key", "age_recipient", "created", "signature"}
#: A card is one flat object of seven keys; its longest string (the signature, 86 characters)
#: is far below the file's size limit, which bounds every string anyway.
_CARD_JSON = JsonLimits(
    max_depth=1,
    max_values=2 * len(_CARD_KEYS) + 1,
    max_elements=len(_CARD_KEYS),
    max_string_chars=MAX_CARD_BYTES,
)

BAD_CARD = Sentence("circle.card.bad", "This is not a CareCompanion member card, or it is damaged.")
NEWER_CARD = Sentence(
    "circle.card.newer",
    "This member card was made by a newer CareCompanion; please update the app.",
)
CARD_CHANGED = Sentence(
    "circle.card.changed",
    "This member card's signature does not match: it was changed after it was made.",
)


def key_material(signing_key: bytes, age_recipient: str) -> bytes:
    return signing_key + b"\x00" + age_recipient.encode("ascii")


def fingerprint_of(signing_key: bytes, age_recipient: str) -> str:
    return hashlib.sha256(
        _FINGERPRINT_DOMAIN + key_material(signing_key, age_recipient)
    ).hexdigest()[:32]


def safety_number_of(signing_key: bytes, age_recipient: str) -> str:
    """24 digits in six groups of four: short enough to read out over the phone."""
    digest = hashlib.sha256(_SAFETY_DOMAIN + key_material(signing_key, age_recipient)).digest()
    digits = f"{int.from_bytes(digest[:10], 'big') % 10**24:024d}"
    return " ".join(digits[i : i + 4] for i in range(0, 24, 4))


def clean_name(name: str) -> str:
    name = " ".join(name.split())
    if not name or len(name) > MAX_NAME_CHARS:
        raise InvalidInput(NAME_LENGTH, count=MAX_NAME_CHARS)
    return name


@dataclass(frozen=True)
class MemberCard:
    name: str
    signing_key: bytes
    age_recipient: str
    created: str
    signature: bytes

    @cached_property
    def fingerprint(self) -> str:
        return fingerprint_of(self.signing_key, self.age_recipient)

    @cached_property
    def safety_number(self) -> str:
        return safety_number_of(self.signing_key, self.age_recipient)

    @cached_property
    def public_key(self) -> Ed25519PublicKey:
        return Ed25519PublicKey.from_public_bytes(self.signing_key)

    def unsigned_fields(self) -> dict[str, Any]:
        return {
            "format": CARD_FORMAT,
            "version": CARD_VERSION,
            "name": self.name,
            "signing_key": b64url(self.signing_key),
            "age_recipient": self.age_recipient,
            "created": self.created,
        }

    def to_json(self) -> dict[str, Any]:
        return {**self.unsigned_fields(), "signature": b64url(self.signature)}

    def to_bytes(self) -> bytes:
        """The ``.carecard`` file: readable JSON, so people can see it holds no secret."""
        return (json.dumps(self.to_json(), indent=2, ensure_ascii=False) + "\n").encode()

    def verify(self, signature: bytes, message: bytes) -> bool:
        try:
            self.public_key.verify(signature, message)
        except InvalidSignature:
            return False
        return True


def _whole_text(text: str) -> bool:
    """No half of a UTF-16 pair (a lone surrogate): such a name can never be written out."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def card_from_json(value: object) -> MemberCard:
    """Strictly parse and check a card's self-signature; CircleFileError on anything wrong."""
    if not isinstance(value, dict) or set(value) != _CARD_KEYS:
        raise CircleFileError(BAD_CARD)
    if value["format"] != CARD_FORMAT:
        raise CircleFileError(BAD_CARD)
    if value["version"] != CARD_VERSION or isinstance(value["version"], bool):
        raise CircleFileError(NEWER_CARD)
    name, recipient, created = value["name"], value["age_recipient"], value["created"]
    if not isinstance(name, str) or not isinstance(recipient, str) or not _whole_text(name):
        raise CircleFileError(BAD_CARD)
    try:
        if clean_name(name) != name:
            raise ValueError
        signing_key = from_b64url(value["signing_key"], 32)
        signature = from_b64url(value["signature"], 64)
    except ValueError as exc:
        raise CircleFileError(BAD_CARD) from exc
    if not _AGE_RECIPIENT.match(recipient) or not is_timestamp(created):
        raise CircleFileError(BAD_CARD)
    try:
        pyrage.x25519.Recipient.from_str(recipient)
        card = MemberCard(name, signing_key, recipient, created, signature)
        card.public_key  # noqa: B018 - an invalid point is refused here
    except Exception as exc:  # pyrage and cryptography raise their own types
        raise CircleFileError(BAD_CARD) from exc
    if not card.verify(signature, _CARD_DOMAIN + canonical_json(card.unsigned_fields())):
        raise CircleFileError(CARD_CHANGED)
    return card


def card_from_bytes(data: bytes) -> MemberCard:
    """A ``.carecard`` file's bytes (read at most ``MAX_CARD_BYTES`` + 1 of them: more is no
    card). Strict UTF-8 and the bounded reader of circle files: a card nests one level and
    holds seven strings, so brackets nested thousands deep, floats and half characters
    (``"\\ud800"``) are refused at once rather than failing deep in ``json`` or later when
    the name is encoded (issue 16)."""
    if len(data) > MAX_CARD_BYTES:
        raise CircleFileError(BAD_CARD)
    try:
        value = read_json([data], _CARD_JSON)
    except ValueError as exc:  # Malformed, TooLarge
        raise CircleFileError(BAD_CARD) from exc
    return card_from_json(value)


@dataclass(frozen=True)
class MemberIdentity:
    """The secret half. Lives only inside the encrypted vault (and in memory while unlocked)."""

    name: str
    signing_seed: bytes
    age_identity: str
    created: str

    @classmethod
    def generate(cls, name: str, now: datetime) -> MemberIdentity:
        signing = Ed25519PrivateKey.generate()
        seed = signing.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())
        return cls(clean_name(name), seed, str(pyrage.x25519.Identity.generate()), timestamp(now))

    @cached_property
    def _signing_key(self) -> Ed25519PrivateKey:
        return Ed25519PrivateKey.from_private_bytes(self.signing_seed)

    @cached_property
    def signing_public(self) -> bytes:
        return self._signing_key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)

    @cached_property
    def age_recipient(self) -> str:
        return str(pyrage.x25519.Identity.from_str(self.age_identity).to_public())

    @cached_property
    def fingerprint(self) -> str:
        return fingerprint_of(self.signing_public, self.age_recipient)

    @cached_property
    def safety_number(self) -> str:
        return safety_number_of(self.signing_public, self.age_recipient)

    def sign(self, message: bytes) -> bytes:
        return self._signing_key.sign(message)

    @cached_property
    def card(self) -> MemberCard:
        unsigned = MemberCard(self.name, self.signing_public, self.age_recipient, self.created, b"")
        signature = self.sign(_CARD_DOMAIN + canonical_json(unsigned.unsigned_fields()))
        return MemberCard(
            self.name, self.signing_public, self.age_recipient, self.created, signature
        )

    def renamed(self, name: str, now: datetime) -> MemberIdentity:
        """The same keys under a new name, on a card that is always *later* than this one.

        Readers keep the card with the later ``created`` (then the larger signature): a rename
        in the same second as the card it replaces would otherwise win or lose by chance, and
        a clock set back would lose it for ever. So the new card is dated at least one second
        after the old one."""
        previous = datetime.strptime(self.created, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
        created = max(now.astimezone(UTC), previous + timedelta(seconds=1))
        return MemberIdentity(
            clean_name(name), self.signing_seed, self.age_identity, timestamp(created)
        )

    def age_identity_file(self, now: datetime) -> str:
        """The same layout ``age-keygen`` writes, so ``age -d -i FILE`` takes it."""
        return (
            f"# created: {timestamp(now)}\n# public key: {self.age_recipient}\n"
            f"# CareCompanion member {self.name} ({self.fingerprint})\n"
            f"{self.age_identity}\n"
        )
