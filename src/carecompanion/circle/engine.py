"""Reading and sealing circle files: age, the document, signatures, what may be kept and the
merge, with no vault and no Qt, so the CLI, the service and the tests share one path."""

from __future__ import annotations

import hashlib
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime

from carecompanion.circle import agefile
from carecompanion.circle.canonical import timestamp
from carecompanion.circle.content import CircleContent
from carecompanion.circle.document import decode_document, encode_document
from carecompanion.circle.errors import A_MEMBER, CUT_SHORT, ROLLED_BACK, CircleFileError
from carecompanion.circle.identity import MemberIdentity
from carecompanion.circle.items import SignedItem, make_item
from carecompanion.circle.keeping import Dropped, Kept, combine, keep
from carecompanion.circle.roster import Roster
from carecompanion.circle.roster_changes import reissue_legacy_roster, roster_of
from carecompanion.circle.verify import (
    Known,
    Rejection,
    author_digest,
    verify_genesis,
    verify_items,
)
from carecompanion.errors import Notice, Sentence

NOT_A_MEMBER = agefile.NOT_A_MEMBER
NEEDS_PASSPHRASE = Sentence(
    "circle.needs_passphrase",
    "This circle is protected by a circle passphrase; enter it to open the circle.",
)
PASSPHRASE_TO_WRITE = Sentence(
    "circle.passphrase_to_write", "This circle's passphrase is needed to write it."
)


__all__ = ["Dropped", "Kept", "combine", "keep", "roster_of"]


@dataclass
class Opened:
    """A circle file after decryption and verification: only verified items are in it, and
    of those only what its roster allows (``dropped`` counts what was left out)."""

    content: CircleContent
    rejected: list[Rejection] = field(default_factory=list)
    dropped: Dropped = field(default_factory=Dropped)


def file_digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def decrypt(data: bytes, identity: MemberIdentity | None, passphrase: str | None) -> bytes:
    header = agefile.check_age_header(data)
    if header.kind == "scrypt":
        if passphrase is None:
            raise CircleFileError(NEEDS_PASSPHRASE)
        return agefile.decrypt_with_passphrase(data, passphrase)
    if identity is None:
        raise CircleFileError(NOT_A_MEMBER)
    return agefile.decrypt_with_identity(data, identity.age_identity)


def open_payload(payload: bytes, cached: CircleContent | None = None) -> Opened:
    """Parse and verify; items the vault already holds (``cached``) are neither parsed nor
    verified again."""
    reuse = {item.body: item for item in cached.items.values()} if cached else None
    known = known_items(cached)
    document = decode_document(payload, reuse)
    verify_genesis(document.genesis, document.cards)
    verified = verify_items(document.circle_id, document.items, document.cards, known)
    content = CircleContent(document.genesis, dict(document.cards))
    content.add(verified.items)
    kept = keep(content)
    return Opened(kept.content, verified.rejected, kept.dropped)


def open_file_bytes(
    data: bytes,
    *,
    identity: MemberIdentity | None,
    passphrase: str | None = None,
    cached: CircleContent | None = None,
) -> Opened:
    return open_payload(decrypt(data, identity, passphrase), cached)


def known_items(content: CircleContent | None) -> Known:
    if content is None:
        return {}
    return {key: item.digest for key, item in content.items.items()}


def seal(content: CircleContent, roster: Roster, passphrase: str | None) -> tuple[bytes, bytes]:
    """Encode and encrypt: to the passphrase in a passphrase circle, else to every member who
    can read. Returns (file bytes, payload)."""
    payload = encode_document(content)
    if content.mode == "passphrase":
        if passphrase is None:
            raise CircleFileError(PASSPHRASE_TO_WRITE)
        return agefile.encrypt_with_passphrase(payload, passphrase), payload
    recipients = sorted(member.card.age_recipient for member in roster.current())
    return agefile.encrypt_to_recipients(payload, recipients), payload


def reissue_if_legacy(kept: Kept, identity: MemberIdentity, now: datetime) -> Kept:
    """The owner's sync of a circle whose roster is still version 1's signs it again as
    version-2 items (docs/circle-format.md, "Version 1 files"); anyone else's changes
    nothing."""
    content = kept.content.copy()
    if not reissue_legacy_roster(content, kept.roster, identity, now):
        return kept
    again = keep(content)
    return Kept(again.content, again.roster, kept.dropped + again.dropped)


def records_by(content: CircleContent, author: str) -> list[SignedItem]:
    return [item for item in content.records() if item.signer == author]


def refresh_head(content: CircleContent, identity: MemberIdentity, now: datetime) -> bool:
    """Sign a new head when the member's records changed since their last head."""
    mine = records_by(content, identity.fingerprint)
    head = content.items.get(("head", identity.fingerprint))
    count, digest = author_digest(mine)
    if head is not None and (head.fields["count"], head.fields["digest"]) == (count, digest):
        return False
    if head is None and not mine:
        return False
    seq = head.fields["seq"] + 1 if head is not None else 1
    content.add(
        [
            make_item(
                "head",
                content.circle_id,
                {
                    "by": identity.fingerprint,
                    "seq": seq,
                    "count": count,
                    "digest": digest,
                    "at": timestamp(now),
                },
                identity.sign,
            )
        ]
    )
    return True


def head_warnings(
    content: CircleContent, previous: CircleContent | None, roster: Roster
) -> list[Notice]:
    """Rolled back (a head older than one seen before, or gone) or truncated (records
    missing). ``previous`` is what this computer saw before, when ``content`` is the main file."""
    warnings: list[Notice] = []
    by_author: dict[str, list[SignedItem]] = defaultdict(list)
    for record in content.records():
        by_author[record.signer].append(record)

    def name(author: str) -> str | Notice:
        return roster.members[author].name if author in roster.members else A_MEMBER()

    rolled_back = set()
    if previous is not None:
        for seen in previous.of_kind("head"):
            head = content.items.get(("head", seen.signer))
            if head is None or head.fields["seq"] < seen.fields["seq"]:
                rolled_back.add(seen.signer)
                warnings.append(ROLLED_BACK(name=name(seen.signer)))
    for head in content.of_kind("head"):
        if head.signer in rolled_back:
            continue
        count, digest = author_digest(by_author.get(head.signer, []))
        if (count, digest) != (head.fields["count"], head.fields["digest"]):
            warnings.append(CUT_SHORT(name=name(head.signer)))
    return warnings
