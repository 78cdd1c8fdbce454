"""Fuzzing what a circle file holds once decrypted: the payload (magic line + zlib stream) and
the document inside it, as any member who holds the age keys could write it.

Each input is parsed and verified (``open_payload``: the bounded inflate and JSON reader, the
document's sections, every signature, the roster and what a reader keeps) inside
``parse_bounds``: it is read, or refused with one ``CircleError`` — never another exception,
never a hang, never more memory than the bound. The age header has its own fuzz tests in
``tests/circle/test_agefile.py``; member cards in ``test_fuzz_cards.py``.
"""

from __future__ import annotations

import json
import zlib

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from carecompanion.circle.document import MAGIC, encode_document
from carecompanion.circle.engine import open_payload
from carecompanion.circle.errors import CircleError
from tests.circle.helpers import content, member, record
from tests.conftest import fuzz_examples
from tests.fuzz.bounds import parse_bounds

OWNER, BEA = member("Ana"), member("Bea")


def _valid_payload() -> bytes:
    circle = content(OWNER, BEA)
    circle.add([record(OWNER, n, text=f"day {n} — «ñ»") for n in range(3)])
    return encode_document(circle)


PAYLOAD = _valid_payload()
DOCUMENT = zlib.decompress(PAYLOAD[len(MAGIC) :])
# Bytes that steer a JSON reader into its corners: nesting, strings, escapes, numbers.
SPECIAL = [ord(c) for c in '[]{}",:\\0-eE.u'] + [0x00, 0x7F, 0xC3, 0xED, 0xFF]


def _open(payload: bytes) -> None:
    try:
        with parse_bounds(megabytes=96):
            open_payload(payload)
    except CircleError:
        pass


def _mutate(data: bytes, draw: st.DataObject) -> bytes:
    damaged = bytearray(data)
    for _ in range(draw.draw(st.integers(1, 6), label="mutations")):
        where = draw.draw(st.integers(0, len(damaged)))
        action = draw.draw(st.sampled_from(["set", "insert", "delete", "repeat"]))
        byte = draw.draw(st.sampled_from(SPECIAL) | st.integers(0, 255))
        if action == "set" and where < len(damaged):
            damaged[where] = byte
        elif action == "insert":
            damaged.insert(where, byte)
        elif action == "repeat":
            damaged[where:where] = bytes([byte]) * draw.draw(st.integers(1, 5_000))
        elif where < len(damaged):
            del damaged[where]
    return bytes(damaged)


def test_the_valid_payload_opens() -> None:
    opened = open_payload(PAYLOAD)
    assert len(opened.content.items) >= 3


@settings(max_examples=fuzz_examples(), suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_a_mutated_document_is_read_or_refused_within_bounds(data: st.DataObject) -> None:
    document = _mutate(DOCUMENT, data)
    _open(MAGIC + zlib.compress(document, 3))


@settings(max_examples=fuzz_examples() // 4, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_a_mutated_compressed_stream_is_read_or_refused_within_bounds(data: st.DataObject) -> None:
    _open(_mutate(PAYLOAD, data))


# Hostile documents built on purpose: shapes a member could write to hurt every reader.
HOSTILE = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=6) | st.dictionaries(st.text(max_size=8), inner),
    max_leaves=40,
)


@settings(max_examples=fuzz_examples() // 4, suppress_health_check=[HealthCheck.too_slow])
@given(section=st.sampled_from(["cards", "roster", "records", "heads", "genesis"]), value=HOSTILE)
def test_any_json_in_any_section_is_read_or_refused(section: str, value: object) -> None:
    document = json.loads(DOCUMENT)
    document[section] = value
    _open(MAGIC + zlib.compress(json.dumps(document).encode(), 3))


def test_a_body_nested_100_000_deep_is_refused_within_bounds() -> None:
    """Reproducer (issue 16): 100,000 ``[`` in an item body was a RecursionError."""
    document = json.loads(DOCUMENT)
    body, signature = document["records"][0]
    document["records"][0] = ["[" * 100_000, signature]
    _open(MAGIC + zlib.compress(json.dumps(document).encode(), 3))
    del body
