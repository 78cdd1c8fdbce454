"""Long text stored compressed inside the encrypted database, readable from SQL.

A journal entry's body is 1-3 KB of prose. Stored as it is, it left most pages of
journal_entries half empty (two 2 KB rows do not fit in one 4 KB SQLCipher page), so the
table took 1.7x the text it holds; packed, 0.8x (benchmarks/journal.py, 20,000 entries).

The stored form says which it is: TEXT is the text itself (short texts, and texts that do
not shrink, are kept so), a BLOB is ``FORMAT_DEFLATE`` followed by the raw deflate stream of
the UTF-8 text. Both read back the same, so rows written either way mix freely, and a row
someone writes in plain SQL stays readable.

SQL reads it with the function ``UNPACK_FUNCTION`` (registered on every connection by
storage.database): the full-text index reads entry bodies through a view that unpacks them.

Compression is applied before encryption, so a row's length says a little about how
repetitive its text is. Nothing outside the encrypted file shows a row's length, and
SQLCipher encrypts whole pages, so this stays inside what the encryption already hides.
"""

from __future__ import annotations

import zlib

#: The SQL function that turns a stored value back into text (NULL stays NULL).
UNPACK_FUNCTION = "cc_unpack_text"
#: The first byte of a packed BLOB: raw deflate (RFC 1951) of the UTF-8 text follows.
FORMAT_DEFLATE = 1

# Below this many bytes deflate gains too little to be worth a row's mixed type.
_MIN_BYTES = 128
# Kept as text unless deflate saves at least a tenth.
_MIN_SAVING = 0.9
# Level 1: 2 % more bytes than level 6 on the benchmark's entries, in 70 % of the time (an
# import of 100,000 entries deflates every body once).
_LEVEL = 1


# Values packed a moment ago and the texts they hold. The search index's trigger unpacks an
# entry's body the instant it is written (migration 0011); this spares it inflating what was
# just deflated (about 5 % of an import's write). A hit is always right: deflate is a
# function, so equal packed bytes hold equal text. Taken out when read, bounded, and
# forgotten when the journal locks (``forget_packed``).
_just_packed: dict[bytes, str] = {}
_JUST_PACKED_MOST = 1024


def pack_text(text: str) -> str | bytes:
    """The value to store for ``text``: the text itself or its packed bytes."""
    raw = text.encode("utf-8")
    if len(raw) < _MIN_BYTES:
        return text
    deflate = zlib.compressobj(_LEVEL, zlib.DEFLATED, -zlib.MAX_WBITS)
    packed = bytes((FORMAT_DEFLATE,)) + deflate.compress(raw) + deflate.flush()
    if len(packed) > len(raw) * _MIN_SAVING:
        return text
    if len(_just_packed) >= _JUST_PACKED_MOST:
        _just_packed.clear()  # packed and never read back (a write rolled back)
    _just_packed[packed] = text
    return packed


def forget_packed() -> None:
    """No text left behind from the values packed lately (the journal is locking)."""
    _just_packed.clear()


def unpack_text(value: str | bytes | None) -> str | None:
    """The text a stored value holds: as it is, or unpacked from its packed bytes."""
    if value is None or isinstance(value, str):
        return value
    data = bytes(value)
    just_packed = _just_packed.pop(data, None)
    if just_packed is not None:
        return just_packed
    if not data or data[0] != FORMAT_DEFLATE:
        raise ValueError("unknown packed text format")
    return zlib.decompress(data[1:], -zlib.MAX_WBITS).decode("utf-8")
