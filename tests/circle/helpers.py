"""Members and signed items for the circle tests, made once per process (key generation and
signing are the slow part)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime
from functools import cache
from typing import Any

from carecompanion.circle.canonical import b64url
from carecompanion.circle.content import CircleContent
from carecompanion.circle.identity import MemberIdentity
from carecompanion.circle.items import SignedItem, encode_keeps, make_item, record_id

NOW = datetime(2026, 11, 25, 10, 0, tzinfo=UTC)
CIRCLE_ID = "c" * 32


@cache
def member(name: str) -> MemberIdentity:
    return MemberIdentity.generate(name, NOW)


def genesis(
    owner: MemberIdentity,
    circle_id: str = CIRCLE_ID,
    mode: str = "keys",
    name: str = "Tuesday group",
) -> SignedItem:
    return make_item(
        "genesis",
        circle_id,
        {
            "by": owner.fingerprint,
            "circle": circle_id,
            "name": name,
            "mode": mode,
            "created": "2026-11-25T10:00:00Z",
        },
        owner.sign,
    )


def content(
    owner: MemberIdentity, *others: MemberIdentity, circle_id: str = CIRCLE_ID, mode: str = "keys"
) -> CircleContent:
    result = CircleContent(genesis(owner, circle_id, mode))
    result.add_cards([owner.card, *(m.card for m in others)])
    return result


def record(
    author: MemberIdentity,
    n: int,
    version: int = 1,
    kind: str = "entry",
    circle_id: str = CIRCLE_ID,
    target: str | None = None,
    text: str = "",
) -> SignedItem:
    nonce = n.to_bytes(16, "big")
    contents: dict[str, dict[str, Any]] = {
        "entry": {
            "title": f"Entry {n}",
            "body": text or f"text {n} v{version}",
            "tags": [],
            "day": "2026-11-25",
        },
        "withdrawal": {},
        "comment": {"text": text or f"comment {n}"},
        "reaction": {"reaction": "heart"},
    }
    content = contents[kind]
    return make_item(
        "record",
        circle_id,
        {
            "by": author.fingerprint,
            "id": record_id(author.fingerprint, nonce),
            "nonce": b64url(nonce),
            "kind": kind,
            "version": version,
            "created": "2026-11-25T10:00:00Z",
            "updated": "2026-11-25T10:00:00Z",
            "target": target,
            "content": content,
        },
        author.sign,
    )


def roster_item(
    signer: MemberIdentity,
    member_fp: str,
    role: str,
    *,
    replaces: SignedItem | None = None,
    under: SignedItem | None = None,
    keeps: Iterable[SignedItem] = (),
    version: int | None = None,
    circle_id: str = CIRCLE_ID,
    at: str = "2026-11-25T10:00:00Z",
) -> SignedItem:
    """A version-2 roster item: ``replaces`` the member's item it follows (its version + 1
    unless ``version`` says otherwise), ``under`` the owner's item making the signer admin."""
    if version is None:
        version = replaces.fields["version"] + 1 if replaces is not None else 1
    digests = [item.digest for item in keeps]
    return make_item(
        "roster",
        circle_id,
        {
            "by": signer.fingerprint,
            "member": member_fp,
            "role": role,
            "version": version,
            "replaces": replaces.digest.hex() if replaces is not None else None,
            "under": under.digest.hex() if under is not None else None,
            "keeps": encode_keeps(digests) if digests else None,
            "at": at,
        },
        signer.sign,
    )


def legacy_item(
    signer: MemberIdentity,
    member_fp: str,
    role: str,
    version: int,
    op: int,
    honoured: int | None = None,
    circle_id: str = CIRCLE_ID,
) -> SignedItem:
    """A version-1 roster item, as version-1 files hold them."""
    return make_item(
        "legacy",
        circle_id,
        {
            "by": signer.fingerprint,
            "member": member_fp,
            "role": role,
            "version": version,
            "op": op,
            "honoured": honoured,
            "at": "2026-11-25T10:00:00Z",
        },
        signer.sign,
    )
