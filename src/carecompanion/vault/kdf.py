"""Argon2id, the key-derivation function that turns a passphrase into a wrapping key.

Parameters are stored in the vault header so they can be raised later; anything below
RFC 9106's second recommended option (64 MiB, 3 passes, 4 lanes) is refused outright, so a
header edited to weaken the KDF cannot make a passphrase cheaper to guess.
"""

from __future__ import annotations

import os
import unicodedata
from dataclasses import dataclass

from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

KEY_LENGTH = 32
SALT_LENGTH = 16
_MAX_U32 = 2**32 - 1
_MAX_LANES = 2**24 - 1


@dataclass(frozen=True)
class KdfParams:
    memory_kib: int
    iterations: int
    lanes: int

    def is_at_least(self, other: KdfParams) -> bool:
        return (
            self.memory_kib >= other.memory_kib
            and self.iterations >= other.iterations
            and self.lanes >= other.lanes
        )

    def is_valid_argon2(self) -> bool:
        """Within Argon2's own limits (RFC 9106, section 3.1), so deriving cannot fail."""
        return (
            1 <= self.lanes <= _MAX_LANES
            and 1 <= self.iterations <= _MAX_U32
            and 8 * self.lanes <= self.memory_kib <= _MAX_U32
        )

    def as_dict(self) -> dict[str, int]:
        return {"memory_kib": self.memory_kib, "iterations": self.iterations, "lanes": self.lanes}


#: What a new vault uses: about half a second on a 2020s laptop.
DEFAULT_KDF = KdfParams(memory_kib=256 * 1024, iterations=3, lanes=4)
#: The ceiling a header may ask for: 4 GiB, 32 passes, 16 lanes. Far above anything we set,
#: low enough that a tampered header cannot exhaust memory or stall unlocking for minutes.
MAXIMUM_KDF = KdfParams(memory_kib=4 * 1024 * 1024, iterations=32, lanes=16)
#: RFC 9106, section 4, second recommended option: the floor we never go below.
MINIMUM_KDF = KdfParams(memory_kib=64 * 1024, iterations=3, lanes=4)
#: The floor every new vault, new passphrase and header is checked against: MINIMUM_KDF, and
#: nothing but MINIMUM_KDF in the app. It is a module variable and not an option on purpose:
#: no setting, environment variable, constructor argument or CLI flag reaches it. Only the
#: tests' ``kdf_profile`` fixture (tests/conftest.py) lowers it, with monkeypatch, inside the
#: test process and for one test at a time, so that most tests unlock in a millisecond.
_floor = MINIMUM_KDF
#: What a passphrase change brings an older, cheaper vault up to: DEFAULT_KDF. Lowered, like
#: the floor, only by the tests' ``kdf_profile`` fixture, so that their passphrase changes stay
#: at the test profile's cost.
_target = DEFAULT_KDF


def meets_floor(params: KdfParams) -> bool:
    """True when ``params`` is at least the floor (always MINIMUM_KDF outside the tests)."""
    return params.is_at_least(_floor)


def raised_to_default(current: KdfParams) -> KdfParams:
    """The settings for a new passphrase: each parameter at least today's default, and never
    lower than ``current`` (a vault made at 64 MiB gets 256 MiB; one made at 1 GiB keeps it)."""
    return KdfParams(
        memory_kib=max(current.memory_kib, _target.memory_kib),
        iterations=max(current.iterations, _target.iterations),
        lanes=max(current.lanes, _target.lanes),
    )


def normalize_passphrase(passphrase: str) -> bytes:
    """The same passphrase typed on macOS and Linux can differ in Unicode form: fold to NFC."""
    return unicodedata.normalize("NFC", passphrase).encode("utf-8")


def new_salt() -> bytes:
    return os.urandom(SALT_LENGTH)


def derive_key(passphrase: str, salt: bytes, params: KdfParams) -> bytes:
    """The 256-bit key that wraps the vault's data key."""
    kdf = Argon2id(
        salt=salt,
        length=KEY_LENGTH,
        iterations=params.iterations,
        lanes=params.lanes,
        memory_cost=params.memory_kib,
    )
    return kdf.derive(normalize_passphrase(passphrase))
