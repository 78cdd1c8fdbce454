"""Issue 14, "Bounded reading": hostile payloads are refused with one CircleFileError before
they cost memory or time (finding 4: a 254 KiB file took 6.9 GB and 93 s, then "damaged").

The reader must refuse each bomb after inflating a little of it: a spy on zlib fails the test
as soon as more than 16 MiB come out (the reader before this change inflated 255 MiB and then
built 85 million lists). Peak memory and time are measured in benchmarks/circle_bombs.py, not
here.
"""

from __future__ import annotations

import json
import zlib
from typing import Any

import pytest
from tests.circle.helpers import CIRCLE_ID, content, member, record

from carecompanion.circle.document import MAGIC, decode_document, encode_document
from carecompanion.circle.engine import open_payload
from carecompanion.circle.errors import CircleFileError

MIB = 1024 * 1024
OWNER, ADA = member("Owner"), member("Ada")
SPY_LIMIT = 16 * MIB


@pytest.fixture
def inflated(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many bytes zlib has inflated; more than SPY_LIMIT fails the test at once."""
    real = zlib.decompressobj
    total = [0]

    class Spy:
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            self._inflater = real(*args, **kwargs)

        def decompress(self, data: bytes, max_length: int = 0) -> bytes:
            out = self._inflater.decompress(data, max_length)
            total[0] += len(out)
            if total[0] > SPY_LIMIT:
                raise AssertionError("the reader inflated past 16 MiB before refusing")
            return out

        def __getattr__(self, name: str) -> Any:
            return getattr(self._inflater, name)

    monkeypatch.setattr(zlib, "decompressobj", Spy)
    return total


def document_text(**sections: object) -> bytes:
    """A valid document's text with some sections replaced."""
    result = content(OWNER, ADA)
    result.add([record(OWNER, 1)])
    document = json.loads(zlib.decompress(encode_document(result)[len(MAGIC) :]))
    document.update(sections)
    return json.dumps(document).encode()


def around(key: str) -> tuple[bytes, bytes]:
    """The document's text before and after the value of ``key``."""
    text = document_text(**{key: "\x00HERE\x00"})
    before, after = text.split(b'"\\u0000HERE\\u0000"')
    return before, after


def bomb(prefix: bytes, unit: bytes, megabytes: int, suffix: bytes) -> bytes:
    compressor = zlib.compressobj(9)
    block = unit * (MIB // len(unit))
    parts = [MAGIC, compressor.compress(prefix)]
    parts += [compressor.compress(block) for _ in range(megabytes)]
    return b"".join([*parts, compressor.compress(suffix), compressor.flush()])


def refused(payload: bytes) -> str:
    with pytest.raises(CircleFileError) as raised:
        open_payload(payload)
    return raised.value.code


def test_finding_4_brackets_inflating_to_hundreds_of_megabytes(inflated: list[int]) -> None:
    payload = bomb(b"[", b"[],", 128, b"[]]")
    assert len(payload) < 256 * 1024
    assert refused(payload) == "circle.file.too_large"
    assert inflated[0] <= 2 * MIB


def test_a_records_section_of_empty_lists(inflated: list[int]) -> None:
    before, after = around("records")
    payload = bomb(before + b"[", b"[],", 128, b"[]]" + after)
    assert refused(payload) == "circle.file.too_large"
    assert inflated[0] <= SPY_LIMIT


def test_nesting_deeper_than_a_circle_file_has(inflated: list[int]) -> None:
    assert refused(bomb(b"", b"[", 128, b"")) == "circle.file.not_ours"
    assert inflated[0] <= 2 * MIB


def test_one_string_of_a_hundred_megabytes(inflated: list[int]) -> None:
    before, after = around("circle")
    assert refused(bomb(before + b'"', b"a", 128, b'"' + after)) == "circle.file.too_large"
    assert inflated[0] <= 8 * MIB


def test_a_document_past_its_size_limit_is_too_large() -> None:
    before, after = around("circle")
    padding = b" " * MIB  # whitespace: nothing to refuse but the size itself
    payload = bomb(before + f'"{CIRCLE_ID}"'.encode(), padding, 64, after)
    assert refused(payload) == "circle.file.too_large"
    # The same under the limit is a valid document, whitespace and all.
    assert (
        len(open_payload(bomb(before + f'"{CIRCLE_ID}"'.encode(), padding, 8, after)).content.items)
        == 1
    )


def test_an_item_body_nested_a_hundred_thousand_deep() -> None:
    deep = record(OWNER, 2).to_json()
    deep[0] = "[" * 100_000  # json.loads of the body raised RecursionError: a traceback
    text = document_text(records=[deep])
    assert refused(MAGIC + zlib.compress(text)) == "circle.file.not_ours"


def test_half_a_character_in_an_item_body() -> None:
    item = record(OWNER, 2).to_json()
    item[0] = item[0][:-1] + ',"z":"\ud800"}'  # encoding it back to bytes raised an error
    text = json.dumps(json.loads(document_text(records=[item]))).encode()
    assert b"\\ud800" in text
    assert refused(MAGIC + zlib.compress(text)) == "circle.file.not_ours"


@pytest.mark.parametrize(
    "sections",
    [
        {"cards": [{}] * 501},
        {"records": [["x", "y"]] * 100_001},
        {"heads": [[]] * 501},
        {"genesis": [[[[[[["deep"]]]]]]]},
        {"version": 1.0},
        {"circle": CIRCLE_ID, "extra": "x" * (600 * 1024)},
    ],
    ids=["cards", "records", "heads", "nesting", "float", "long string"],
)
def test_limits_are_refused_whole_with_one_error(sections: dict[str, object]) -> None:
    with pytest.raises(CircleFileError):
        decode_document(MAGIC + zlib.compress(document_text(**sections)))


def test_a_changed_payload_is_damaged_not_a_disk_error() -> None:
    """Decryption streams (pyrage.decrypt_io, to hold the payload once), which reports a bad
    chunk as OSError: it must still be one CircleFileError, never "the folder is unreachable"
    (what a sync says of an OSError)."""
    from carecompanion.circle import agefile

    data = bytearray(agefile.encrypt_to_recipients(b"x" * 200_000, [OWNER.age_recipient]))
    assert agefile.decrypt_with_identity(bytes(data), OWNER.age_identity) == b"x" * 200_000
    data[-100] ^= 1
    with pytest.raises(CircleFileError) as raised:
        agefile.decrypt_with_identity(bytes(data), OWNER.age_identity)
    assert raised.value.code == "circle.file.damaged"
    with pytest.raises(CircleFileError) as raised:
        agefile.decrypt_with_identity(bytes(data[:-20]), OWNER.age_identity)
    assert raised.value.code == "circle.file.damaged"
    with pytest.raises(CircleFileError) as raised:
        agefile.decrypt_with_identity(bytes(data), ADA.age_identity)
    assert raised.value.code == "circle.file.not_a_member"
