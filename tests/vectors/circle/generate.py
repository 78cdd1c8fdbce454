#!/usr/bin/env python3
"""Write the circle test vectors (``*.json`` next to this file). Run it only when the format
changes on purpose: the vectors pin what version 2 readers must accept and refuse. The
version-1 vectors this script wrote before are kept, as they were, in ``v1/``: a version-2
reader must still open them (tests/circle/test_migration_v1.py).

Usage: .venv/bin/python tests/vectors/circle/generate.py [NAME...]

With names, only those vectors are written again (each run makes new keys, so writing one
vector again changes nothing else). Version 3 (the help calendar) added the ``help_*`` and
``helper_*`` vectors and moved ``newer_version`` to version 4; the others were written for
version 2 and still hold.

Each vector is one JSON object: ``description``; ``identity`` (the reader's age secret key);
``file`` (the circle file, base64); optionally ``previous`` (a file the reader saw before);
and ``expect``: ``{"result": "ok", "records": [...], "rejected": N, "warnings": [...]}`` or
``{"result": "error", "message": "fragment of the one error"}``; an ok result may say what
the reader leaves out (``"dropped": {"cards": N, "roster": N, "records": N, "heads": N}``)
and, with ``now`` (a UTC timestamp), the help calendar the reader computes then (``"help"``:
per request, soonest first: ``what``, ``state``, ``needed``, ``covered_by`` (names) and
``offers``, each ``[name, state]``).
"""

from __future__ import annotations

import base64
import json
import sys
import zlib
from datetime import UTC, datetime
from pathlib import Path

from carecompanion.circle import agefile
from carecompanion.circle.canonical import b64url
from carecompanion.circle.content import CircleContent
from carecompanion.circle.document import (
    HELP_VERSION,
    MAGIC,
    encode_document,
    encode_unchecked,
)
from carecompanion.circle.engine import refresh_head, roster_of, seal
from carecompanion.circle.identity import MemberIdentity
from carecompanion.circle.items import SignedItem, encode_keeps, make_item, record_id

HERE = Path(__file__).parent
#: The vectors to write (all when empty): ``generate.py NAME...``.
ONLY: set[str] = set()
NOW = datetime(2026, 11, 25, 10, 0, tzinfo=UTC)
CIRCLE = "0123456789abcdef0123456789abcdef"


def person(name: str) -> MemberIdentity:
    return MemberIdentity.generate(name, NOW)


OWNER, MEMBER, OUTSIDER = person("Rosa"), person("Sam"), person("Mallory")
PUPPET = person("Puppet")


def roster(
    signer: MemberIdentity,
    member: MemberIdentity,
    role: str,
    replaces: SignedItem | None = None,
    under: SignedItem | None = None,
    keeps: tuple[SignedItem, ...] = (),
    version: int | None = None,
) -> SignedItem:
    if version is None:
        version = replaces.fields["version"] + 1 if replaces is not None else 1
    return make_item(
        "roster",
        CIRCLE,
        {
            "by": signer.fingerprint,
            "member": member.fingerprint,
            "role": role,
            "version": version,
            "replaces": replaces.digest.hex() if replaces is not None else None,
            "under": under.digest.hex() if under is not None else None,
            "keeps": encode_keeps(i.digest for i in keeps) if keeps else None,
            "at": "2026-11-25T10:00:00Z",
        },
        signer.sign,
    )


ADD_SAM = roster(OWNER, MEMBER, "member")


def base() -> CircleContent:
    genesis = make_item(
        "genesis",
        CIRCLE,
        {
            "by": OWNER.fingerprint,
            "circle": CIRCLE,
            "name": "Vector circle",
            "mode": "keys",
            "created": "2026-11-25T10:00:00Z",
        },
        OWNER.sign,
    )
    content = CircleContent(genesis)
    content.add_cards([OWNER.card, MEMBER.card])
    content.add([ADD_SAM])
    return content


def entry(
    author: MemberIdentity,
    n: int,
    title: str,
    circle: str = CIRCLE,
    signer: MemberIdentity | None = None,
) -> SignedItem:
    nonce = bytes([n]) * 16
    return make_item(
        "record",
        circle,
        {
            "by": author.fingerprint,
            "id": record_id(author.fingerprint, nonce),
            "nonce": b64url(nonce),
            "kind": "entry",
            "version": 1,
            "created": "2026-11-25T10:00:00Z",
            "updated": "2026-11-25T10:00:00Z",
            "target": None,
            "content": {"title": title, "body": "text", "tags": [], "day": "2026-11-25"},
        },
        (signer or author).sign,
    )


def sealed(content: CircleContent, heads: bool = True) -> bytes:
    if heads:
        for member in (OWNER, MEMBER):
            refresh_head(content, member, NOW)
    return seal(content, roster_of(content), None)[0]


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


def write(
    name: str,
    description: str,
    file: bytes,
    expect: dict[str, object],
    previous: bytes | None = None,
    now: str | None = None,
) -> None:
    if ONLY and name not in ONLY:
        return
    vector: dict[str, object] = {
        "description": description,
        "identity": MEMBER.age_identity,
        "file": b64(file),
    }
    if previous is not None:
        vector["previous"] = b64(previous)
    if now is not None:
        vector["now"] = now
    vector["expect"] = expect
    (HERE / f"{name}.json").write_text(json.dumps(vector, indent=2) + "\n")


def main() -> None:
    valid = base()
    valid.add([entry(OWNER, 1, "Hello circle"), entry(MEMBER, 2, "Hi from Sam")])
    valid_file = sealed(valid)
    write(
        "valid",
        "Two members, one entry each, heads for both.",
        valid_file,
        {"result": "ok", "records": ["Hello circle", "Hi from Sam"], "rejected": 0, "warnings": []},
    )

    forged = base()
    forged.add(
        [entry(OWNER, 1, "Hello circle"), entry(OWNER, 3, "Forged in Rosa's name", signer=MEMBER)]
    )
    write(
        "forged",
        "A record claiming the owner as author, signed by another member.",
        sealed(forged, heads=False),
        {"result": "ok", "records": ["Hello circle"], "rejected": 1, "warnings": []},
    )

    outsider = base()
    outsider.add_cards([OUTSIDER.card])
    outsider.add([entry(OUTSIDER, 4, "From a non-member")])
    write(
        "non_member",
        "A validly signed record from someone not in the roster: it and the card are left out.",
        sealed(outsider),
        {
            "result": "ok",
            "records": [],
            "rejected": 0,
            "warnings": [],
            "dropped": {"cards": 1, "roster": 0, "records": 1, "heads": 0},
        },
    )

    other = base()
    other.add([entry(MEMBER, 5, "Replayed", circle="f" * 32)])
    write(
        "wrong_circle",
        "A record signed for another circle, replayed into this one.",
        sealed(other, heads=False),
        {"result": "ok", "records": [], "rejected": 1, "warnings": []},
    )

    tampered = bytearray(valid_file)
    tampered[len(tampered) // 2] ^= 0x20
    write(
        "tampered",
        "One byte of the encrypted payload changed.",
        bytes(tampered),
        {"result": "error", "message": "damaged"},
    )

    removed = base()
    removed.add([roster(OWNER, MEMBER, "removed", replaces=ADD_SAM)])
    write(
        "removed_member",
        "Written after the reader was removed: not encrypted to them.",
        sealed(removed),
        {"result": "error", "message": "not a member"},
    )

    newer = valid.copy()  # the same circle, one write later: Rosa's head moves to seq 2
    newer.add([entry(OWNER, 6, "Later news")])
    newer_file = sealed(newer)
    write(
        "rolled_back",
        "The reader saw a newer file before; this one is older.",
        valid_file,
        {
            "result": "ok",
            "records": ["Hello circle", "Hi from Sam"],
            "rejected": 0,
            "warnings": ["older writing from Rosa"],
        },
        previous=newer_file,
    )

    truncated = base()
    truncated.add(
        [
            entry(OWNER, 1, "Hello circle"),
            entry(MEMBER, 2, "Hi from Sam"),
            entry(OWNER, 6, "Later news"),
        ]
    )
    for member in (OWNER, MEMBER):
        refresh_head(truncated, member, NOW)
    del truncated.items[("record", entry(OWNER, 6, "Later news").fields["id"])]
    write(
        "truncated",
        "The owner's head counts a record that is missing from the file.",
        seal(truncated, roster_of(truncated), None)[0],
        {
            "result": "ok",
            "records": ["Hello circle", "Hi from Sam"],
            "rejected": 0,
            "warnings": ["missing"],
        },
    )

    bomb = MAGIC + zlib.compress(b"{" + b" " * (300 * 1024 * 1024), 9)
    write(
        "oversized",
        "A payload that inflates past the 256 MiB limit.",
        agefile.encrypt_to_recipients(bomb, [MEMBER.age_recipient]),
        {"result": "error", "message": "too large"},
    )

    newer_version = bytearray(encode_document(valid))
    document = json.loads(zlib.decompress(bytes(newer_version[len(MAGIC) :])))
    document["version"] = HELP_VERSION + 1
    write(
        "newer_version",
        "A document of a future format version.",
        agefile.encrypt_to_recipients(
            MAGIC + zlib.compress(json.dumps(document).encode()), [MEMBER.age_recipient]
        ),
        {"result": "error", "message": "newer CareCompanion"},
    )

    hostile_vectors()
    help_vectors()


def unchecked(content: CircleContent) -> bytes:
    """Sealed as a hostile writer would: whatever the content holds."""
    for member in (OWNER, MEMBER):
        refresh_head(content, member, NOW)
    recipients = [OWNER.age_recipient, MEMBER.age_recipient]
    return agefile.encrypt_to_recipients(encode_unchecked(content), recipients)


def hostile_vectors() -> None:
    """Issue 14: what a hostile or removed member signs with their own keys."""
    grant = roster(OWNER, OUTSIDER, "admin")
    adds_nobody: tuple[SignedItem, ...] = ()
    removed = roster(OWNER, OUTSIDER, "removed", replaces=grant, keeps=adds_nobody)
    puppet = base()
    puppet.add_cards([OUTSIDER.card, PUPPET.card])
    puppet.add([entry(OWNER, 1, "Hello circle"), grant, removed])
    puppet.add([roster(OUTSIDER, PUPPET, "member", under=grant)])  # after her removal
    write(
        "removed_admin_puppet",
        "A removed admin adds a second identity of hers: the item and the puppet's card are "
        "left out.",
        unchecked(puppet),
        {
            "result": "ok",
            "records": ["Hello circle"],
            "rejected": 0,
            "warnings": [],
            "dropped": {"cards": 1, "roster": 1, "records": 0, "heads": 0},
        },
    )

    pinned = base()
    pinned.add_cards([OUTSIDER.card])
    pinned.add([entry(MEMBER, 2, "Hi from Sam"), grant])
    pinned.add([roster(OUTSIDER, MEMBER, "reader", ADD_SAM, grant, version=2**53 - 1)])
    write(
        "pinned_version",
        "An admin's roster item whose version is not the one it replaces + 1: left out.",
        unchecked(pinned),
        {
            "result": "ok",
            "records": ["Hi from Sam"],
            "rejected": 0,
            "warnings": [],
            "dropped": {"cards": 0, "roster": 1, "records": 0, "heads": 0},
        },
    )

    add_mallory = roster(OWNER, OUTSIDER, "member")
    before = entry(OUTSIDER, 7, "From Mallory, before")
    gone = roster(OWNER, OUTSIDER, "removed", replaces=add_mallory, keeps=(before,))
    former = base()
    former.add_cards([OUTSIDER.card])
    former.add([add_mallory, before, gone, entry(OUTSIDER, 8, "From Mallory, after")])
    write(
        "former_member",
        "A removed member's post from before stays (the removal keeps it); one signed after "
        "is left out.",
        unchecked(former),
        {
            "result": "ok",
            "records": ["From Mallory, before"],
            "rejected": 0,
            "warnings": [],
            "dropped": {"cards": 0, "roster": 0, "records": 1, "heads": 0},
        },
    )

    swapped = base()
    swapped.add([entry(OWNER, 1, "Hello circle"), entry(MEMBER, 2, "Hi from Sam")])
    for member in (OWNER, MEMBER):
        refresh_head(swapped, member, NOW)
    real = swapped.items[("record", entry(OWNER, 1, "Hello circle").fields["id"])]
    swapped.items[real.key] = SignedItem("record", real.body, b"\xff" * 64, real.fields)
    write(
        "swapped_signature",
        "A record's signature replaced with 0xFF bytes; the author's head covers the record "
        "whole (signature included), so it vouches for nothing: the record is rejected.",
        agefile.encrypt_to_recipients(encode_unchecked(swapped), [MEMBER.age_recipient]),
        {
            "result": "ok",
            "records": ["Hi from Sam"],
            "rejected": 1,
            "warnings": ["missing"],
        },
    )


HELPER = person("Hana")


def help_record(
    author: MemberIdentity,
    n: int,
    kind: str,
    content: dict[str, object],
    target: str | None = None,
    version: int = 1,
    created: str = "2026-11-25T10:00:00Z",
) -> SignedItem:
    """A help calendar record (format version 3); ``n`` makes its nonce, so a later version
    of one record has the same ``n``."""
    nonce = bytes([n]) * 16
    return make_item(
        "record",
        CIRCLE,
        {
            "by": author.fingerprint,
            "id": record_id(author.fingerprint, nonce),
            "nonce": b64url(nonce),
            "kind": kind,
            "version": version,
            "created": created,
            "updated": created,
            "target": target,
            "content": content,
        },
        author.sign,
    )


def request(n: int, what: str, start: str, end: str, needed: int = 1) -> SignedItem:
    body = {
        "what": what,
        "start": start,
        "end": end,
        "zone": "Europe/London",
        "needed": needed,
        "where": "at home",
        "note": "she likes the radio on",
        "series": None,
    }
    return help_record(OWNER, n, "request", body)


def rid(item: SignedItem) -> str:
    return str(item.fields["id"])


def help_base() -> CircleContent:
    """Rosa's circle with Sam (member) and Hana (helper: offers help, posts nothing)."""
    content = base()
    content.add_cards([HELPER.card])
    content.add([roster(OWNER, HELPER, "helper")])
    return content


def help_vectors() -> None:
    """Version 3: the help calendar's records, judged by the roster like every record."""
    sit = request(20, "Sit with Mum", "2026-12-03T14:00", "2026-12-03T17:00")
    sam = help_record(MEMBER, 21, "offer", {"note": "I can do it"}, rid(sit))
    hana = help_record(HELPER, 22, "offer", {"note": ""}, rid(sit), created="2026-11-25T10:00:30Z")
    confirm_sam = help_record(OWNER, 23, "confirmation", {"note": ""}, rid(sam))
    # Sam withdraws after he was confirmed (a new version of his offer): the slot reopens,
    # and Rosa confirms Hana, a minute later.
    sam_out = help_record(
        MEMBER, 21, "withdrawal", {"reason": "I have a cold"}, rid(sit), version=2
    )
    confirm_hana = help_record(
        OWNER, 24, "confirmation", {"note": ""}, rid(hana), created="2026-11-25T10:01:00Z"
    )
    lift = request(25, "A lift to the clinic", "2026-12-04T09:00", "2026-12-04T11:00")
    sam_lift = help_record(MEMBER, 26, "offer", {"note": ""}, rid(lift))
    cancel_lift = help_record(OWNER, 27, "cancellation", {"reason": "appointment moved"}, rid(lift))
    meal = request(28, "A meal", "2026-11-20T18:00", "2026-11-20T19:00", needed=2)
    hana_meal = help_record(HELPER, 29, "offer", {"note": ""}, rid(meal))
    calendar = help_base()
    calendar.add([sit, sam, hana, confirm_sam, sam_out, confirm_hana])
    calendar.add([lift, sam_lift, cancel_lift, meal, hana_meal])
    write(
        "help_calendar",
        "Version 3: a request covered by a helper after the member first confirmed withdrew; "
        "a cancelled request (its offer released); a past one (closed, its offer released).",
        unchecked_to(calendar, HELPER),
        {
            "result": "ok",
            "records": [],
            "rejected": 0,
            "warnings": [],
            "help": [
                {
                    "what": "A meal",
                    "state": "closed",
                    "needed": 2,
                    "covered_by": [],
                    "offers": [["Hana", "released"]],
                },
                {
                    "what": "Sit with Mum",
                    "state": "covered",
                    "needed": 1,
                    "covered_by": ["Hana"],
                    "offers": [["Sam", "withdrawn"], ["Hana", "confirmed"]],
                },
                {
                    "what": "A lift to the clinic",
                    "state": "cancelled",
                    "needed": 1,
                    "covered_by": [],
                    "offers": [["Sam", "released"]],
                },
            ],
        },
        now="2026-11-25T10:00:00Z",
    )

    forged = help_base()
    hana_offer = help_record(HELPER, 22, "offer", {"note": ""}, rid(sit))
    sam_confirms = help_record(MEMBER, 30, "confirmation", {"note": ""}, rid(hana_offer))
    forged.add([sit, hana_offer, sam_confirms])
    write(
        "help_foreign_confirmation",
        "A member confirms an offer on someone else's request: validly signed and kept, but "
        "only the requester's confirmation counts, so the offer stays offered.",
        unchecked_to(forged, HELPER),
        {
            "result": "ok",
            "records": [],
            "rejected": 0,
            "warnings": [],
            "help": [
                {
                    "what": "Sit with Mum",
                    "state": "open",
                    "needed": 1,
                    "covered_by": [],
                    "offers": [["Hana", "offered"]],
                }
            ],
        },
        now="2026-11-25T10:00:00Z",
    )

    posts = help_base()
    posts.add([sit, hana_offer, entry(HELPER, 31, "A helper's post")])
    write(
        "helper_posts",
        "A helper's offer counts; a post signed by the helper does not (left out).",
        unchecked_to(posts, HELPER),
        {
            "result": "ok",
            "records": [],
            "rejected": 0,
            "warnings": [],
            "dropped": {"cards": 0, "roster": 0, "records": 1, "heads": 0},
            "help": [
                {
                    "what": "Sit with Mum",
                    "state": "open",
                    "needed": 1,
                    "covered_by": [],
                    "offers": [["Hana", "offered"]],
                }
            ],
        },
        now="2026-11-25T10:00:00Z",
    )

    older = help_base()
    older.add([sit])
    document = json.loads(zlib.decompress(encode_unchecked(older)[len(MAGIC) :]))
    assert document["version"] == HELP_VERSION
    document["version"] = 2
    write(
        "help_in_version_2",
        "A version-2 document holding a help record (only version 3 has them): damaged.",
        agefile.encrypt_to_recipients(
            MAGIC + zlib.compress(json.dumps(document).encode()), [MEMBER.age_recipient]
        ),
        {"result": "error", "message": "damaged"},
    )


def unchecked_to(content: CircleContent, *others: MemberIdentity) -> bytes:
    """Sealed whatever it holds, with heads for the owner and the member, to them and
    ``others``."""
    for member in (OWNER, MEMBER):
        refresh_head(content, member, NOW)
    recipients = [OWNER.age_recipient, MEMBER.age_recipient, *(m.age_recipient for m in others)]
    return agefile.encrypt_to_recipients(encode_unchecked(content), recipients)


if __name__ == "__main__":
    ONLY.update(sys.argv[1:])
    main()
