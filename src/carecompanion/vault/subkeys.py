"""Independent keys derived from the data key, one per use, in buffers that can be wiped.

Kept apart from vault.py so the command line's read path (cli/quick_read.py) can check a
session key against the header and key the database without importing the whole vault.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from carecompanion.vault.zeroing import zero


def subkey(data_key: bytes | bytearray, purpose: str) -> bytearray:
    """Independent keys for each use, so no key ever does two jobs. Derived straight into a
    buffer the caller can wipe (``wiped``): HKDF's ``derive`` would return unwipeable bytes."""
    key = bytearray(32)
    HKDF(
        algorithm=hashes.SHA256(), length=32, salt=None, info=b"carecompanion " + purpose.encode()
    ).derive_into(data_key, key)
    return key


@contextlib.contextmanager
def wiped(key: bytearray) -> Iterator[bytearray]:
    """Use ``key`` for one block, then zero it: ``with wiped(subkey(k, "header mac")) as m:``.

    What this cannot reach: Python keeps the data key's first copy (the ``bytes`` that
    AES-GCM's unwrap returns) until it is collected, unzeroed, and OpenSSL, SQLCipher and the
    allocator may copy keys in their own memory. Wiping shortens the time keys lie around in
    memory this process controls; it is not a guarantee against reading its memory."""
    try:
        yield key
    finally:
        zero(key)
