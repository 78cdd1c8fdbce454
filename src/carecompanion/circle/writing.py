"""Signing what this member writes into the vault's copy of a circle: a new record, or a new
version of one of theirs, and the retry check that keeps one saved record from being written
twice. Used by ``sharing`` (entries, mood summaries, withdrawals) and ``replies`` (comments and
reactions); the caller stores the changed copy (``registry.store``)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, timedelta
from typing import Any

from carecompanion.circle import errors as said
from carecompanion.circle.canonical import b64url, timestamp
from carecompanion.circle.content import CircleContent
from carecompanion.circle.engine import roster_of
from carecompanion.circle.errors import NotAllowed, RecordNotFound
from carecompanion.circle.identity import MemberIdentity
from carecompanion.circle.identity_service import IdentityService
from carecompanion.circle.items import SignedItem, make_item, new_nonce, record_id
from carecompanion.circle.registry import CircleRegistry
from carecompanion.clock import Clock

#: A comment or mood summary the same as one this member wrote this recently is a retry.
RETRY_WINDOW = timedelta(minutes=10)


class RecordWriter:
    def __init__(self, registry: CircleRegistry, identity: IdentityService, clock: Clock) -> None:
        self._registry = registry
        self._identity = identity
        self._clock = clock

    def writable_copy(self, circle_id: str, *, offer: bool = False) -> CircleContent:
        """A copy of the circle to add a record to, if this member may write in it (with
        ``offer``: may offer help, which helpers may too)."""
        content = self._registry.content(circle_id).copy()
        roster = roster_of(content)
        me = self._identity.identity().fingerprint
        if not (roster.can_offer(me) if offer else roster.can_write(me)):
            raise NotAllowed(said.READ_ONLY)
        return content

    def just_written(
        self,
        content: CircleContent,
        kind: str,
        body: Mapping[str, Any],
        target: str | None,
        window: timedelta | None = RETRY_WINDOW,
    ) -> str | None:
        """The id of the same record this member wrote moments ago (within ``window``; None:
        ever), so that a retry after "try again in a moment" (it was saved, only the sync had
        to wait) does not write it twice (issue 14, finding 11)."""
        me = self._identity.identity().fingerprint
        since = timestamp(self._clock.now() - window) if window is not None else ""
        for item in content.records():
            f = item.fields
            if (
                item.signer == me
                and f["kind"] == kind
                and f["target"] == target
                and f["content"] == body
                and f["updated"] >= since  # timestamps in one format sort as they read
            ):
                return str(f["id"])
        return None

    def new_record(
        self,
        content: CircleContent,
        kind: str,
        body: Mapping[str, Any],
        target: str | None = None,
        existing: str | None = None,
    ) -> SignedItem:
        """Sign a record (or a new version of this member's ``existing`` one) into
        ``content``."""
        return sign_record(
            content, self._identity.identity(), self._clock.now(), kind, body, target, existing
        )


def sign_record(
    content: CircleContent,
    me: MemberIdentity,
    at: datetime,
    kind: str,
    body: Mapping[str, Any],
    target: str | None = None,
    existing: str | None = None,
    nonce: bytes | None = None,
) -> SignedItem:
    """Sign, as ``me`` at ``at``, a record (or a new version of ``me``'s ``existing`` one) and
    add it to ``content``: the pure part of ``RecordWriter.new_record``. ``nonce``: the new
    record's, when its id must be known before it is signed (a series names its first)."""
    now = timestamp(at)
    if existing is not None:
        current = content.items.get(("record", existing))
        if current is None or current.signer != me.fingerprint:
            raise RecordNotFound(said.NOT_YOURS)
        fields = dict(current.fields)
        fields.update(
            kind=kind,
            version=current.fields["version"] + 1,
            updated=now,
            content=dict(body),
            target=target,
        )
    else:
        nonce = nonce if nonce is not None else new_nonce()
        fields = {
            "by": me.fingerprint,
            "id": record_id(me.fingerprint, nonce),
            "nonce": b64url(nonce),
            "kind": kind,
            "version": 1,
            "created": now,
            "updated": now,
            "target": target,
            "content": dict(body),
        }
    item = make_item("record", content.circle_id, fields, me.sign)
    content.add([item])
    return item
