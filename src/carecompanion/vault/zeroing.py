"""Zeroing a key buffer, standard library only: the session agent (vault/agent.py) uses it
without loading the vault's cryptography, and the vault re-exports it."""

from __future__ import annotations


def zero(buffer: bytearray) -> None:
    """Overwrite ``buffer`` in place (a bytearray: bytes cannot be wiped)."""
    for index in range(len(buffer)):
        buffer[index] = 0
