"""Version-1 circle files under a version-2 reader (docs/circle-format.md, "Version 1 files"):
they open; their roster counts, by version 1's rules with the counter hole closed, until the
owner's app signs it again as version-2 items at its next sync; only then can admins change
the roster, and nothing of version 1 is left in the file."""

from __future__ import annotations

import base64
import hashlib
import json
import zlib
from pathlib import Path
from typing import Any

import pytest
from tests.circle.helpers import NOW
from tests.circle.hostile import Person, people, shared
from tests.circle.test_hostile_members import forge_record

from carecompanion.circle import agefile
from carecompanion.circle.canonical import b64url, canonical_json
from carecompanion.circle.document import MAGIC, decode_document
from carecompanion.circle.engine import head_warnings, open_file_bytes, roster_of
from carecompanion.circle.errors import CircleFileError, NotAllowed
from carecompanion.circle.identity import MemberIdentity
from carecompanion.circle.items import SignedItem, make_item
from carecompanion.circle.verify import author_digest
from carecompanion.circle.view import build_posts

__all__ = ["people", "shared"]  # fixtures

V1_VECTORS = sorted((Path(__file__).parents[1] / "vectors" / "circle" / "v1").glob("*.json"))
CIRCLE = "ab" * 16


@pytest.mark.parametrize("path", V1_VECTORS, ids=lambda p: p.stem)
def test_version_1_vectors_open(path: Path) -> None:
    """What version 1 readers showed and rejected, a version-2 reader shows and rejects; the
    version-1 heads are left out (they covered bodies only), so they warn of nothing."""
    vector: dict[str, Any] = json.loads(path.read_text())
    reader = MemberIdentity("Reader", b"\0" * 32, vector["identity"], "2026-11-25T10:00:00Z")
    data = base64.b64decode(vector["file"])
    expect = vector["expect"]
    if expect["result"] == "error":
        with pytest.raises(CircleFileError) as raised:
            open_file_bytes(data, identity=reader)
        assert expect["message"] in str(raised.value)
        return
    opened = open_file_bytes(data, identity=reader)
    roster = roster_of(opened.content)
    assert roster.legacy
    posts = build_posts(opened.content, roster, "", {})
    assert sorted(p.title for p in posts) == expect["records"]
    assert len(opened.rejected) == expect["rejected"]
    assert not list(opened.content.of_kind("head"))
    assert head_warnings(opened.content, None, roster) == []


def legacy(signer: MemberIdentity, member: str, role: str, version: int, op: int) -> SignedItem:
    fields = {
        "by": signer.fingerprint,
        "member": member,
        "role": role,
        "version": version,
        "op": op,
        "honoured": op if role != "admin" else None,
        "at": "2026-11-25T10:00:00Z",
    }
    return make_item("legacy", CIRCLE, fields, signer.sign)


def v1_head(author: MemberIdentity, records: list[SignedItem]) -> list[str]:
    """A version-1 head: signed under the v1 domain, over the records' bodies only."""
    lines = sorted(
        f"{r.fields['id']} {r.fields['version']} {hashlib.sha256(r.body).hexdigest()}\n"
        for r in records
    )
    body = canonical_json(
        {
            "by": author.fingerprint,
            "seq": 3,
            "count": len(lines),
            "digest": hashlib.sha256("".join(lines).encode()).hexdigest(),
            "at": "2026-11-25T10:00:00Z",
        }
    )
    message = b"carecompanion/circle/v1/head\x00" + CIRCLE.encode() + b"\x00" + body
    return [body.decode(), b64url(author.sign(message))]


def v1_file(ana: Person, others: list[Person], puppet: MemberIdentity) -> tuple[bytes, bytes]:
    """Ana's version-1 circle: Bea an admin (who added Cal), Dee an admin the owner demoted,
    who then signed an item with ``op`` 1 adding her puppet (issue 14, finding 1)."""
    bea, cal, dee = others
    genesis = make_item(
        "genesis",
        CIRCLE,
        {
            "by": ana.fingerprint,
            "circle": CIRCLE,
            "name": "Old circle",
            "mode": "keys",
            "created": "2026-11-25T10:00:00Z",
        },
        ana.me.sign,
    )
    roster = [
        legacy(ana.me, bea.fingerprint, "admin", 1, 1),
        legacy(bea.me, cal.fingerprint, "member", 1, 1),
        legacy(ana.me, dee.fingerprint, "admin", 1, 2),
        legacy(dee.me, puppet.fingerprint, "member", 1, 1),
        legacy(ana.me, dee.fingerprint, "member", 2, 3),  # honoured: 3 >= the puppet's op 1
    ]
    records = [forge_record(bea.me, CIRCLE, 1, "Written under version 1")]
    document = {
        "format": "carecompanion.circle",
        "version": 1,
        "circle": CIRCLE,
        "genesis": genesis.to_json(),
        "cards": [p.me.card.to_json() for p in (ana, *others)] + [puppet.card.to_json()],
        "roster": [item.to_json() for item in roster],
        "records": [item.to_json() for item in records],
        "heads": [v1_head(bea.me, records)],
    }
    payload = MAGIC + zlib.compress(json.dumps(document).encode())
    recipients = [p.me.age_recipient for p in (ana, *others)] + [puppet.age_recipient]
    return agefile.encrypt_to_recipients(payload, recipients), payload


def test_the_owner_reissues_a_version_1_roster(people: dict[str, Person], shared: Path) -> None:
    ana, bea, cal, dee = (people[n] for n in ("Ana", "Bea", "Cal", "Dee"))
    puppet = MemberIdentity.generate("Puppet", NOW)
    data, payload = v1_file(ana, [bea, cal, dee], puppet)
    shared.write_bytes(data)
    parsed = decode_document(payload)  # what a vault that stored a version-1 copy reads
    assert {i.kind for i in parsed.items} == {"legacy", "record"}

    circle_id = bea.circles.join(shared).id
    roster = bea.circles.roster(circle_id)
    assert roster.legacy and roster.role_of(bea.fingerprint) == "admin"
    assert roster.role_of(puppet.fingerprint) is None, "the demoted admin's item is void"
    assert roster.role_of(dee.fingerprint) == "member"
    assert bea.titles(circle_id) == ["Written under version 1"]
    with pytest.raises(NotAllowed, match="organiser needs to sync"):
        bea.circles.add_member(circle_id, puppet.card)
    bea.share(circle_id, "Written under version 2")
    bea.circles.sync(circle_id)
    carried = open_file_bytes(shared.read_bytes(), identity=cal.me).content
    assert {i.kind for i in carried.items.values()} == {"legacy", "record", "head"}

    ana.circles.join(shared)
    ana.circles.sync(circle_id)
    after = open_file_bytes(shared.read_bytes(), identity=cal.me).content
    kinds = {i.kind for i in after.items.values()}
    assert kinds == {"roster", "record", "head"}, "no version-1 roster item is left"
    assert puppet.fingerprint not in after.cards
    roles = {m.name: m.role for m in roster_of(after).members.values()}
    assert roles == {"Ana": "owner", "Bea": "admin", "Cal": "member", "Dee": "member"}
    with pytest.raises(CircleFileError, match="not a member"):
        open_file_bytes(shared.read_bytes(), identity=puppet)

    bea.circles.sync(circle_id)
    bea.circles.remove_member(circle_id, cal.fingerprint)  # the admin can, now
    bea.circles.sync(circle_id)
    for person in (ana, dee):
        person.circles.join(shared) if person is dee else person.circles.sync(circle_id)
        assert person.circles.roster(circle_id).role_of(cal.fingerprint) == "removed"
        assert person.titles(circle_id) == ["Written under version 1", "Written under version 2"]


def test_version_1_heads_are_left_out() -> None:
    """Heads of version 1 are not version-2 heads: signed under the v1 domain, they do not
    verify as heads of version 2 (and no version-2 head digest is the same as theirs)."""
    author = MemberIdentity.generate("Author", NOW)
    record = forge_record(author, CIRCLE, 1, "x")
    body, _signature = v1_head(author, [record])
    assert json.loads(body)["digest"] != author_digest([record])[1]
