"""Inflating a zlib stream we do not trust, a piece at a time under a running cap.

zlib has no size field to trust (and none is trusted): a 254 KiB stream can inflate to 255 MiB
or to gigabytes. ``inflate`` hands the output on in pieces of at most 1 MiB and stops, with
TooLarge, as soon as the running total passes the limit, so nothing past it is ever produced.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from typing import Final

from carecompanion.circle.bounded import Malformed, TooLarge

#: Input is given to zlib in slices this long, so what it keeps unconsumed stays small.
_INPUT_SLICE: Final = 64 * 1024
#: The most zlib may hand back at once: the JSON reader works on pieces this long.
PIECE: Final = 1024 * 1024


def inflate(data: bytes | memoryview, limit: int, piece: int = PIECE) -> Iterator[bytes]:
    """The zlib stream (RFC 1950) in ``data``, inflated in pieces of at most ``piece`` bytes;
    TooLarge as soon as more than ``limit`` bytes come out, Malformed if the stream is damaged,
    cut short or followed by anything."""
    inflater = zlib.decompressobj()
    view = memoryview(data)
    total = 0
    try:
        for start in range(0, len(view), _INPUT_SLICE):
            pending: bytes | memoryview = view[start : start + _INPUT_SLICE]
            while not inflater.eof:
                out = inflater.decompress(pending, piece)
                total += len(out)
                if total > limit:
                    raise TooLarge("the document is larger than its limit")
                if out:
                    yield out
                pending = inflater.unconsumed_tail
                # A full piece may leave output inside zlib with all the input taken: ask again.
                if not pending and len(out) < piece:
                    break
            if inflater.eof:
                if inflater.unused_data or start + _INPUT_SLICE < len(view):
                    raise Malformed("data after the end of the zlib stream")
                return
    except zlib.error as exc:
        raise Malformed("not a zlib stream") from exc
    raise Malformed("the zlib stream is cut short")
