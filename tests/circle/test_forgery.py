"""Forged, impersonated and replayed items are rejected and reported, never shown; a file
that is malformed in any way is refused with one error."""

from __future__ import annotations

import json
import zlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.circle.helpers import CIRCLE_ID, content, member, record, roster_item

from carecompanion.circle.canonical import b64url
from carecompanion.circle.content import CircleContent
from carecompanion.circle.document import MAGIC, decode_document, encode_document
from carecompanion.circle.engine import open_payload, roster_of
from carecompanion.circle.errors import CircleFileError
from carecompanion.circle.items import SignedItem, make_item, record_id
from carecompanion.circle.verify import signature_ok
from carecompanion.circle.view import build_posts

OWNER, ADA, EVE = member("Owner"), member("Ada"), member("Eve")


def circle(*items: SignedItem) -> CircleContent:
    result = content(OWNER, ADA)
    result.add([roster_item(OWNER, ADA.fingerprint, "member"), *items])
    return result


def shown(result: CircleContent) -> list[str]:
    return [p.title for p in build_posts(result, roster_of(result), OWNER.fingerprint, {})]


def reopen(result: CircleContent) -> tuple[CircleContent, list[str]]:
    opened = open_payload(encode_document(result))
    return opened.content, [r.reason for r in opened.rejected]


def test_a_record_signed_by_someone_else_is_rejected() -> None:
    real = record(ADA, 1)
    fields = dict(real.fields)
    fields["content"] = {**fields["content"], "title": "Forged"}
    forged = make_item("record", CIRCLE_ID, fields, EVE.sign)  # claims to be Ada's
    kept, rejected = reopen(circle(forged))
    assert shown(kept) == [] and rejected == [
        "its signature does not match: it was forged or changed"
    ]


def test_a_non_member_with_a_valid_signature_is_not_shown() -> None:
    result = circle(record(EVE, 1))
    result.add_cards([EVE.card])  # Eve slipped her card in, but nobody added her
    kept, rejected = reopen(result)
    assert rejected == [] and shown(kept) == []


def test_an_edit_of_someone_elses_record_cannot_be_expressed() -> None:
    ada_record = record(ADA, 1)
    fields = {**ada_record.fields, "by": OWNER.fingerprint, "version": 2}
    with pytest.raises(ValueError, match="does not belong to its author"):
        make_item("record", CIRCLE_ID, fields, OWNER.sign)


def test_a_record_replayed_from_another_circle_is_rejected() -> None:
    other = record(ADA, 1, circle_id="d" * 32)
    kept, rejected = reopen(circle(other))
    assert shown(kept) == [] and len(rejected) == 1


def test_a_roster_change_by_a_member_is_ignored() -> None:
    sneaky = roster_item(ADA, EVE.fingerprint, "member")
    result = circle(sneaky, record(EVE, 1))
    result.add_cards([EVE.card])
    kept, _rejected = reopen(result)
    roster = roster_of(kept)
    assert roster.role_of(EVE.fingerprint) is None and sneaky.key not in kept.items
    assert roster_of(result).ignored == (sneaky,)
    assert shown(kept) == []


def test_a_forged_high_version_cannot_shadow_the_real_record() -> None:
    real = record(ADA, 1, 1)
    fields = {**real.fields, "version": 99, "kind": "withdrawal", "content": {}}
    forged = make_item("record", CIRCLE_ID, fields, EVE.sign)
    kept, rejected = reopen(circle(forged))
    merged = circle(real)
    merged.add(kept.items.values())
    assert merged.items[real.key] == real and len(rejected) == 1


def _document(result: CircleContent) -> dict[str, object]:
    payload = encode_document(result)
    loaded: dict[str, object] = json.loads(zlib.decompress(payload[len(MAGIC) :]))
    return loaded


def _payload(document: object) -> bytes:
    return MAGIC + zlib.compress(json.dumps(document).encode())


@pytest.mark.parametrize(
    "change",
    [
        lambda d: d.pop("heads"),
        lambda d: d.update(extra=1),
        lambda d: d.update(version=4),  # newer than version 3 (the help calendar)
        lambda d: d.update(version=1),
        lambda d: d.update(circle="e" * 32),
        lambda d: d.update(records=[["{}", "AAAA"]]),
        lambda d: d["records"].append(d["records"][0]),
        lambda d: d["cards"].append(d["cards"][0]),
        lambda d: d.update(cards=[{**d["cards"][0], "name": "Someone else"}]),
    ],
)
def test_malformed_documents_are_refused_with_one_error(change: object) -> None:
    document = _document(circle(record(ADA, 1)))
    change(document)  # type: ignore[operator]
    with pytest.raises(CircleFileError):
        open_payload(_payload(document))


def test_a_decompression_bomb_is_refused() -> None:
    bomb = MAGIC + zlib.compress(b" " * (300 * 1024 * 1024), 9)
    with pytest.raises(CircleFileError, match="too large"):
        decode_document(bomb)


VALID = encode_document(
    circle(record(ADA, 1), record(ADA, 2, kind="comment", target=record(ADA, 1).fields["id"]))
)


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_any_damaged_payload_gives_one_clear_error_or_a_valid_reading(data: st.DataObject) -> None:
    raw = bytearray(zlib.decompress(VALID[len(MAGIC) :]))
    for _ in range(data.draw(st.integers(1, 4))):
        position = data.draw(st.integers(0, len(raw) - 1))
        raw[position] = data.draw(st.integers(0, 255))
    try:
        opened = open_payload(MAGIC + zlib.compress(bytes(raw)))
    except CircleFileError:
        return
    # Whatever was accepted verifies: a damaged item is refused or rejected, never accepted.
    kept = opened.content
    assert all(signature_ok(item, kept.circle_id, kept.cards) for item in kept.items.values())
    assert set(kept.items) <= set(circle(record(ADA, 1)).items) | {
        ("record", record(ADA, 2).fields["id"])
    }


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=2000))
def test_random_bytes_never_crash_the_reader(blob: bytes) -> None:
    for payload in (blob, MAGIC + blob, MAGIC + zlib.compress(blob)):
        with pytest.raises(CircleFileError):
            open_payload(payload)


def test_record_ids_are_bound_to_the_author() -> None:
    nonce = b"\x01" * 16
    assert record_id(ADA.fingerprint, nonce) != record_id(EVE.fingerprint, nonce)
    assert len(record_id(ADA.fingerprint, nonce)) == 24
    assert b64url(nonce)


def test_verify_file_is_ok_only_when_everything_checks_out() -> None:
    from tests.circle.helpers import NOW

    from carecompanion.circle.checking import verify_file
    from carecompanion.circle.engine import refresh_head, seal

    good = circle(record(ADA, 1))
    refresh_head(good, ADA, NOW)
    data, _payload = seal(good, roster_of(good), None)
    report = verify_file(data, ADA)
    assert report.ok and len(report.records) == 1

    fields = {**record(ADA, 2).fields}
    bad = circle(record(ADA, 1), make_item("record", CIRCLE_ID, fields, EVE.sign))
    data, _payload = seal(bad, roster_of(bad), None)
    report = verify_file(data, ADA)
    assert not report.ok and len(report.rejected) == 1

    sneaky = circle(roster_item(ADA, EVE.fingerprint, "admin"))
    data, _payload = seal(sneaky, roster_of(sneaky), None)
    assert not verify_file(data, ADA).ok
