"""Comments and reactions on what others shared. Each is a signed record added to the vault's
copy at once (the next sync writes it); the same comment or reaction again, moments later, is
the one already saved (a retry after "try again in a moment"), never a second one."""

from __future__ import annotations

import threading

from carecompanion.circle import errors as said
from carecompanion.circle.content import CircleContent
from carecompanion.circle.errors import CircleError, RecordNotFound
from carecompanion.circle.items import REACTIONS, SignedItem
from carecompanion.circle.registry import CircleRegistry
from carecompanion.circle.serial import one_at_a_time
from carecompanion.circle.writing import RecordWriter


class CircleReplies:
    def __init__(
        self, registry: CircleRegistry, writer: RecordWriter, changes: threading.RLock
    ) -> None:
        self._registry = registry
        self._writer = writer
        self.changes = changes

    @one_at_a_time
    def comment(self, circle_id: str, rid: str, text: str) -> str:
        content = self._writer.writable_copy(circle_id)
        _target(content, rid)
        if not text.strip():
            raise CircleError(said.EMPTY_COMMENT)
        body = {"text": text.strip()}
        same = self._writer.just_written(content, "comment", body, rid)
        if same is not None:
            return same
        item = self._writer.new_record(content, "comment", body, target=rid)
        self._registry.store(circle_id, content, dirty=True)
        return str(item.fields["id"])

    @one_at_a_time
    def react(self, circle_id: str, rid: str, reaction: str) -> str:
        if reaction not in REACTIONS:
            raise CircleError(said.UNKNOWN_REACTION, reactions=", ".join(REACTIONS))
        content = self._writer.writable_copy(circle_id)
        _target(content, rid)
        body = {"reaction": reaction}
        same = self._writer.just_written(content, "reaction", body, rid, window=None)
        if same is not None:
            return same  # the same reaction twice is one reaction
        item = self._writer.new_record(content, "reaction", body, target=rid)
        self._registry.store(circle_id, content, dirty=True)
        return str(item.fields["id"])


def _target(content: CircleContent, rid: str) -> SignedItem:
    """The entry or mood summary a reply is about."""
    target = content.items.get(("record", rid))
    if target is None or target.fields["kind"] not in ("entry", "mood"):
        raise RecordNotFound(said.NO_SUCH_ENTRY)
    return target
