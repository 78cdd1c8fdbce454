"""A circle file rewritten with nothing new in it (another member's app wrote the same
document again: new ciphertext, the same payload) is neither parsed nor verified again
(issue 17: 389 ms at 20,000 records); anything that differs is still verified in full."""

from __future__ import annotations

import json
import zlib
from pathlib import Path
from typing import Any

import pytest
from tests.conftest import VaultFactory

from carecompanion.circle import agefile, document, engine
from carecompanion.circle.engine import open_file_bytes, roster_of, seal
from carecompanion.circle.identity import MemberCard
from carecompanion.circle.writing import sign_record
from carecompanion.clock import FixedClock
from carecompanion.paths import AppPaths
from carecompanion.session import VaultSession


@pytest.fixture
def ana(vault_factory: VaultFactory, clock: FixedClock, tmp_path: Path) -> VaultSession:
    unlocked, _ = vault_factory(paths=AppPaths(tmp_path / "ana"))
    session = VaultSession(unlocked, clock)
    session.circles.set_name("Ana")
    return session


class Counts:
    def __init__(self) -> None:
        self.verified = 0  # signatures checked
        self.decoded = 0  # documents parsed from a file


@pytest.fixture
def counts(monkeypatch: pytest.MonkeyPatch) -> Counts:
    counted = Counts()
    verify, decode = MemberCard.verify, document.decode_document

    def counting_verify(card: MemberCard, signature: bytes, message: bytes) -> bool:
        counted.verified += 1
        return verify(card, signature, message)

    def counting_decode(*args: Any) -> Any:
        counted.decoded += 1
        return decode(*args)

    monkeypatch.setattr(MemberCard, "verify", counting_verify)
    monkeypatch.setattr(engine, "decode_document", counting_decode)
    return counted


def shared_circle(ana: VaultSession, folder: Path) -> tuple[str, Path]:
    file = folder / "t.carecircle"
    circle_id = ana.circles.create("Tuesday group", file).id
    entry = ana.journal.add("A long day", "We walked to the river.")
    ana.circles.share_entry(circle_id, entry.id)
    ana.circles.sync(circle_id)  # the share written to the file
    return circle_id, file


def payload_of(ana: VaultSession, file: Path) -> bytes:
    return agefile.decrypt_with_identity(file.read_bytes(), ana.circles.identity().age_identity)


def reencrypt(ana: VaultSession, file: Path, circle_id: str, payload: bytes) -> None:
    recipients = sorted(m.card.age_recipient for m in ana.circles.roster(circle_id).current())
    file.write_bytes(agefile.encrypt_to_recipients(payload, recipients))


def test_a_rewritten_file_with_nothing_new_is_not_verified_again(
    ana: VaultSession, tmp_path: Path, counts: Counts
) -> None:
    circle_id, file = shared_circle(ana, tmp_path)
    before = file.read_bytes()
    reencrypt(ana, file, circle_id, payload_of(ana, file))  # new ciphertext, same document
    assert file.read_bytes() != before
    report = ana.circles.sync(circle_id)
    assert report.nothing_new and not report.wrote and report.new_records == 0
    assert (counts.verified, counts.decoded) == (0, 0)
    assert file.read_bytes() != before, "the file is left as it is"
    # The new file is the one the vault knows now: the next sync does not even decrypt it.
    assert ana.circles.sync(circle_id).nothing_new
    assert [p.title for p in ana.circles.state(circle_id).posts] == ["A long day"]


def test_a_new_record_in_a_rewritten_file_is_verified(
    ana: VaultSession, tmp_path: Path, clock: FixedClock, counts: Counts
) -> None:
    circle_id, file = shared_circle(ana, tmp_path)
    me = ana.circles.identity()
    # Ana's other computer adds a comment and writes the file (without a new head).
    opened = open_file_bytes(file.read_bytes(), identity=me).content
    [post] = ana.circles.state(circle_id).posts
    sign_record(opened, me, clock.now(), "comment", {"text": "Thinking of you"}, post.record_id)
    file.write_bytes(seal(opened, roster_of(opened), None)[0])
    counts.verified = counts.decoded = 0
    report = ana.circles.sync(circle_id)
    assert report.new_records == 1 and not report.rejected
    assert counts.decoded == 1 and counts.verified >= 1, "the new record's signature checked"
    [post] = ana.circles.state(circle_id).posts
    assert [c.text for c in post.comments] == ["Thinking of you"]


def test_a_changed_record_in_a_rewritten_file_is_refused(
    ana: VaultSession, tmp_path: Path, counts: Counts
) -> None:
    circle_id, file = shared_circle(ana, tmp_path)
    payload = payload_of(ana, file)
    magic, packed = payload.split(b"\n", 1)
    doc = json.loads(zlib.decompress(packed))
    body = json.loads(doc["records"][0][0])
    body["content"]["title"] = "Someone else's words"
    doc["records"][0][0] = json.dumps(body)  # the signature no longer matches
    changed = magic + b"\n" + zlib.compress(json.dumps(doc).encode())
    reencrypt(ana, file, circle_id, changed)
    report = ana.circles.sync(circle_id)
    assert counts.decoded == 1 and counts.verified >= 1
    assert report.new_records == 0 and len(report.rejected) == 1
    assert [p.title for p in ana.circles.state(circle_id).posts] == ["A long day"]
