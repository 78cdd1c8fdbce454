"""The bounded reader (circle/bounded.py): it refuses before it allocates.

Each refusal is checked on input given lazily (an endless generator, or a zlib stream that
would inflate to gigabytes): the reader must stop after a small, fixed amount of it, so these
tests need no memory measurement to show that nothing huge was built (the figures are in
benchmarks/circle_bombs.py).
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from carecompanion.circle.bounded import JsonLimits, JsonReader, Malformed, TooLarge, read_json
from carecompanion.circle.inflate import inflate

MIB = 1024 * 1024
LIMITS = JsonLimits(max_depth=6, max_values=10_000, max_elements=1_000, max_string_chars=1_000)
WIDE = JsonLimits(max_depth=64, max_values=10**6, max_elements=10**6, max_string_chars=10**6)


class Endless:
    """``first``, then ``unit`` for ever, counting the pieces taken."""

    def __init__(self, first: bytes, unit: bytes) -> None:
        self.first, self.unit, self.taken = first, unit, 0

    def __iter__(self) -> Iterator[bytes]:
        yield self.first
        while True:
            self.taken += 1
            yield self.unit


def bomb(prefix: bytes, unit: bytes, megabytes: int, suffix: bytes = b"") -> bytes:
    compressor = zlib.compressobj(9)
    block = unit * (MIB // len(unit))
    parts = [compressor.compress(prefix)]
    parts += [compressor.compress(block) for _ in range(megabytes)]
    return b"".join([*parts, compressor.compress(suffix), compressor.flush()])


# -- inflate --------------------------------------------------------------------------------


def test_inflate_stops_at_the_cap_whatever_the_stream_would_give() -> None:
    stream = bomb(b"", b"\0", 256)  # 256 MiB of zeros in ~250 KiB
    produced = 0
    with pytest.raises(TooLarge):
        for piece in inflate(stream, 4 * MIB):
            produced += len(piece)
            assert len(piece) <= MIB
    assert produced <= 4 * MIB


def test_inflate_gives_back_exactly_what_was_compressed() -> None:
    data = bytes(range(256)) * 20_000
    assert b"".join(inflate(zlib.compress(data), len(data))) == data
    with pytest.raises(TooLarge):
        list(inflate(zlib.compress(data), len(data) - 1))


@settings(max_examples=200)
@given(
    data=st.binary(max_size=5_000) | st.integers(0, 5_000).map(lambda n: b"ab" * n),
    piece=st.integers(1, 700),
    level=st.integers(0, 9),
)
def test_inflate_in_any_piece_size_gives_back_the_whole_stream(
    data: bytes, piece: int, level: int
) -> None:
    pieces = list(inflate(zlib.compress(data, level), len(data), piece))
    assert b"".join(pieces) == data
    assert all(0 < len(out) <= piece for out in pieces)


@pytest.mark.parametrize(
    "stream",
    [
        b"",
        b"not zlib at all",
        zlib.compress(b"hello")[:-3],  # cut short
        zlib.compress(b"hello") + b"more",  # something after the end
        zlib.compress(b"hello") + zlib.compress(b"again"),
        zlib.compressobj(wbits=-15).compress(b"raw deflate") + b"\0",  # no zlib header
    ],
)
def test_inflate_refuses_what_is_not_one_whole_zlib_stream(stream: bytes) -> None:
    with pytest.raises(Malformed):
        list(inflate(stream, MIB))


# -- the JSON reader: refusing before allocating ---------------------------------------------


def test_deep_nesting_is_refused_at_the_bracket_that_goes_too_deep() -> None:
    endless = Endless(b"[", b"[")
    with pytest.raises(Malformed):
        read_json(endless, LIMITS)
    assert endless.taken <= LIMITS.max_depth


def test_a_huge_array_is_refused_after_its_limit_not_after_the_end() -> None:
    endless = Endless(b"[", b"[],")  # the shape of issue 14's 254 KiB, 6.9 GB file
    with pytest.raises(TooLarge):
        read_json(endless, LIMITS)
    assert endless.taken <= LIMITS.max_elements


def test_a_huge_array_in_pieces_of_a_megabyte_stops_within_one_piece() -> None:
    endless = Endless(b'{"records":[', b"[]," * (MIB // 3))
    limits = JsonLimits(6, 10**6, 16, 100, section_elements={"records": 1_000})
    with pytest.raises(TooLarge):
        read_json(endless, limits)
    assert endless.taken == 1


def test_too_many_values_are_refused_even_in_small_arrays() -> None:
    endless = Endless(b"[", b"[1,2,3],")
    limits = JsonLimits(4, max_values=1_000, max_elements=10**9, max_string_chars=10)
    with pytest.raises(TooLarge):
        read_json(endless, limits)
    assert endless.taken <= 1_000 // 4 + 1


def test_a_long_string_is_refused_before_its_end_arrives() -> None:
    endless = Endless(b'["', b"a" * 4096)
    with pytest.raises(TooLarge):
        read_json(endless, LIMITS)
    # Escapes may make the text up to six times the string: no more than that is held.
    assert endless.taken * 4096 <= 6 * LIMITS.max_string_chars + 2 * 4096


def test_a_long_escaped_string_is_refused_once_complete() -> None:
    with pytest.raises(TooLarge):
        read_json([b'"' + b"\\n" * 1_001 + b'"'], LIMITS)
    assert read_json([b'"' + b"\\n" * 1_000 + b'"'], LIMITS) == "\n" * 1_000


def test_an_object_with_endless_keys_is_refused() -> None:
    endless = Endless(b'{"a":1', b',"b":1')
    with pytest.raises(Malformed):  # the second "b"
        read_json(endless, LIMITS)
    keys = (f',"k{n}":1'.encode() for n in range(10**9))
    with pytest.raises(TooLarge):
        read_json(_chain(b'{"a":1', keys), LIMITS)


def _chain(first: bytes, rest: Iterator[bytes]) -> Iterator[bytes]:
    yield first
    yield from rest


@pytest.mark.parametrize(
    "text",
    [
        "1.5",
        "1e3",
        "[1,]",
        "[,1]",
        '{"a" 1}',
        '{"a":1,}',
        '{"a":1,"a":2}',
        '"\\ud800"',  # half of a UTF-16 pair: no text
        '["\\udc00x"]',
        '"\\x"',
        '"a\x01b"',
        "01",
        "-",
        "tru",
        "nul",
        "[1] [2]",
        "",
        "[",
        '{"a":[}',
        "1" * 25,
    ],
)
def test_what_is_not_json_in_the_subset_is_malformed(text: str) -> None:
    with pytest.raises(Malformed):
        read_json([text.encode()], WIDE)


def test_text_that_is_not_utf8_is_malformed() -> None:
    for data in (b'"\xff"', b'"\xed\xa0\x80"', b'"\xc3'):  # bad byte, a surrogate, cut short
        with pytest.raises(Malformed):
            read_json([data], WIDE)


# -- the JSON reader: the same values as json.loads ------------------------------------------

_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(2**63) + 1, 2**63 - 1)
    | st.text(st.characters(codec="utf-8")),
    lambda inner: (
        st.lists(inner, max_size=5) | st.dictionaries(st.text(max_size=5), inner, max_size=5)
    ),
    max_leaves=30,
)


@settings(max_examples=300)
@given(value=_values, data=st.data(), ascii_only=st.booleans(), spaced=st.booleans())
def test_any_value_read_in_any_pieces_is_what_json_reads(
    value: Any, data: st.DataObject, ascii_only: bool, spaced: bool
) -> None:
    separators = (", ", ": ") if spaced else (",", ":")
    text = json.dumps(value, ensure_ascii=ascii_only, separators=separators).encode()
    cuts = sorted(data.draw(st.lists(st.integers(0, len(text)), max_size=6)))
    pieces = [text[a:b] for a, b in zip([0, *cuts], [*cuts, len(text)], strict=True)]
    assert read_json(pieces, WIDE) == json.loads(text)


@settings(max_examples=300)
@given(st.binary(max_size=300), st.integers(1, 8))
def test_any_bytes_give_a_value_or_one_of_two_errors(blob: bytes, step: int) -> None:
    reader = JsonReader(LIMITS)
    try:
        for start in range(0, len(blob), step):
            reader.feed(blob[start : start + step])
        value = reader.finish()
    except (Malformed, TooLarge):
        return
    assert value == json.loads(blob)
