"""The database's raw SQLCipher key, kept in one buffer that closing the database zeroes.

SQLAlchemy would keep a key given in the engine URL for the engine's whole life (its URL,
its pool's connect arguments), out of reach of any wipe. The engine gets a ``creator``
instead, which keys each new connection from this buffer: once :meth:`RawKey.wipe` has run,
the engine holds no key and cannot open the database again.

What Python cannot promise: ``PRAGMA key`` is SQL text, so each new connection builds a short-
lived ``str`` holding the key in hex, which is freed but not zeroed; SQLCipher keeps its own
copy inside each open connection (in memory it locks, and wipes when the connection closes,
whether ``cipher_memory_security`` is on or off). Wiping narrows where a key lingers; it
cannot rule out a copy.
"""

from __future__ import annotations

import hmac

KEY_BYTES = 32


class RawKey:
    """A 256-bit SQLCipher key in a wipeable buffer."""

    def __init__(self, key: bytes | bytearray) -> None:
        if len(key) != KEY_BYTES:
            raise ValueError("the database key must be 32 bytes")
        self._buffer = bytearray(key)
        self._wiped = False

    @property
    def wiped(self) -> bool:
        return self._wiped

    def pragma(self) -> str:
        """``PRAGMA key`` for a raw key (no key derivation: the vault has done it)."""
        if self._wiped:
            raise RuntimeError("the database is closed (locked): its key is gone")
        return f"PRAGMA key = \"x'{self._buffer.hex()}'\""

    def rekey_pragma(self, new: RawKey) -> str:
        """``PRAGMA rekey`` to ``new``, said on a connection keyed with this key."""
        return new.pragma().replace("PRAGMA key", "PRAGMA rekey", 1)

    def matches(self, key: bytes | bytearray) -> bool:
        return not self._wiped and hmac.compare_digest(self._buffer, key)

    def replace(self, new: bytes | bytearray) -> None:
        """Take ``new`` as the key (after a rekey), zeroing the old one in place."""
        if len(new) != KEY_BYTES:
            raise ValueError("the database key must be 32 bytes")
        self._buffer[:] = new
        self._wiped = False

    def wipe(self) -> None:
        for index in range(len(self._buffer)):
            self._buffer[index] = 0
        self._wiped = True
