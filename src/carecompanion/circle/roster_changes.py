"""Signing roster changes the way every reader will count them (docs/circle-format.md,
"Roster items"): each change replaces the member's current item and has its version + 1; an
admin's names the owner's item that made them admin; a removal (or a move to reader) lists
the member's records that stay; the owner's item about someone who made roster changes lists
which of them stay. ``members`` checks who may do what first; this only builds the items.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Final

from carecompanion.circle import errors as said
from carecompanion.circle.canonical import timestamp
from carecompanion.circle.content import CircleContent
from carecompanion.circle.errors import CircleError, NotAllowed
from carecompanion.circle.identity import MemberIdentity
from carecompanion.circle.items import encode_keeps, make_item
from carecompanion.circle.keeping import kept_records, valid_roster_items
from carecompanion.circle.limits import MAX_INTEGER
from carecompanion.circle.roster import NON_WRITER_ROLES, Roster, evaluate_roster

#: The most digests one ``keeps`` lists: 12,000 x 32 bytes is 512,000 base64 characters, which
#: leaves room for the other fields within one item's 512 KiB. Roster items come first, then
#: records, newest first: a person removed after writing more keeps their newest ones.
MAX_KEEPS: Final = 12_000


def roster_of(content: CircleContent) -> Roster:
    return evaluate_roster(content.genesis, content.cards, content.items.values())


def roster_change(
    content: CircleContent, me: MemberIdentity, member: str, role: str, now: datetime
) -> None:
    """Sign "``member`` now has ``role``" as ``me`` and add it to ``content`` (a copy)."""
    owner = content.owner
    roster = roster_of(content)
    if roster.legacy:
        if me.fingerprint != owner and member != me.fingerprint:
            raise NotAllowed(said.NEEDS_OWNER_UPGRADE)
        if me.fingerprint == owner:
            reissue_legacy_roster(content, roster, me, now)
            roster = roster_of(content)
    tip = roster.tips.get(member)
    fields: dict[str, Any] = {
        "by": me.fingerprint,
        "member": member,
        "role": role,
        "version": 1,
        "replaces": None,
        "under": None,
        "keeps": None,
        "at": timestamp(now),
    }
    if tip is not None and (tip.kind == "roster"):
        if tip.fields["version"] >= MAX_INTEGER:
            raise CircleError(said.CHANGED_TOO_OFTEN)
        fields.update(version=tip.fields["version"] + 1, replaces=tip.digest.hex())
    if me.fingerprint != owner and member != me.fingerprint:
        grant = roster.grant_of(me.fingerprint)
        if grant is None:
            raise NotAllowed(said.ONLY_ADMINS_CHANGE)
        if tip is not None and tip.signer == owner and tip.fields["role"] == "removed":
            raise NotAllowed(said.ONLY_OWNER_READDS)
        fields["under"] = grant.digest.hex()
    keeps = _keeps(content, roster, me.fingerprint == owner, member, role)
    if keeps:
        fields["keeps"] = encode_keeps(keeps)
    content.add([make_item("roster", content.circle_id, fields, me.sign)])


def _keeps(
    content: CircleContent, roster: Roster, by_owner: bool, member: str, role: str
) -> list[bytes]:
    """What of ``member``'s stays valid after this change: the owner lists the roster changes
    they made (they count only while the owner's latest word about them lists them); a
    removal or a move to reader lists the records they wrote that count now."""
    digests: list[bytes] = []
    if by_owner:
        digests.extend(i.digest for i in valid_roster_items(roster, content, member))
    if role in NON_WRITER_ROLES:
        digests.extend(r.digest for r in kept_records(content, roster, member))
    return digests[:MAX_KEEPS]


def reissue_legacy_roster(
    content: CircleContent, roster: Roster, me: MemberIdentity, now: datetime
) -> bool:
    """The owner's first write of a version-1 circle: every member's role, as the version-1
    items decide it, signed again as the owner's version-2 items (each a first item, version
    1). From then on the version-1 items count for nothing and are dropped. People removed
    under version 1 keep no records (version 1 showed none of theirs)."""
    if not roster.legacy or me.fingerprint != content.owner:
        return False
    items = [
        make_item(
            "roster",
            content.circle_id,
            {
                "by": me.fingerprint,
                "member": member.fingerprint,
                "role": member.role,
                "version": 1,
                "replaces": None,
                "under": None,
                "keeps": None,
                "at": timestamp(now),
            },
            me.sign,
        )
        for member in roster.members.values()
        if member.fingerprint != content.owner
    ]
    content.add(items)
    return bool(items)
