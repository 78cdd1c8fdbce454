"""Syncing a circle with its file, and ``circle verify``.

A sync takes the circle's lock file, reads the file and any conflict copies a sync tool left
beside it, verifies them, merges them with the vault's copy, and writes the file back if
anything differs. The vault changes only after the file is written, so a sync cut short loses
nothing; the next one starts again from the vault's copy.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from pathlib import Path

from carecompanion.circle import errors as said
from carecompanion.circle import files
from carecompanion.circle.content import CircleContent, merge
from carecompanion.circle.engine import (
    decrypt,
    file_digest,
    head_warnings,
    open_file_bytes,
    open_payload,
    refresh_head,
    roster_of,
    seal,
)
from carecompanion.circle.errors import CircleError, CircleFileError
from carecompanion.circle.identity import MemberIdentity
from carecompanion.circle.identity_service import IdentityService
from carecompanion.circle.items import SignedItem
from carecompanion.circle.registry import CircleRegistry, FileState
from carecompanion.circle.roster import Roster
from carecompanion.circle.serial import one_at_a_time
from carecompanion.circle.verify import Rejection
from carecompanion.clock import Clock
from carecompanion.errors import Notice


@dataclass(frozen=True)
class SyncReport:
    circle_id: str
    wrote: bool
    new_records: int
    rejected: tuple[Rejection, ...] = ()
    warnings: tuple[Notice, ...] = ()
    merged_copies: tuple[Path, ...] = ()
    nothing_new: bool = False


@dataclass
class VerifyReport:
    circle_id: str
    name: str
    roster: Roster
    records: list[SignedItem]
    rejected: list[Rejection] = field(default_factory=list)
    warnings: list[Notice] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.rejected and not self.warnings and not self.roster.ignored


class CircleSync:
    def __init__(
        self,
        registry: CircleRegistry,
        identity: IdentityService,
        clock: Clock,
        changes: threading.RLock,
    ) -> None:
        self._registry = registry
        self._identity = identity
        self._clock = clock
        self.changes = changes

    @one_at_a_time
    def sync(self, circle_id: str) -> SyncReport:
        """Read the file and any conflict copies, verify, merge with the vault's copy, and
        write back if anything differs. The vault changes only after the file is written."""
        known = self._registry.file_state(circle_id)
        try:
            return self._sync_locked(circle_id, known)
        except OSError as exc:
            raise CircleError(said.UNREACHABLE, folder=str(known.path.parent)) from exc

    def _sync_locked(self, circle_id: str, known: FileState) -> SyncReport:
        path, passphrase, dirty = known.path, known.passphrase, known.dirty
        cached = self._registry.content(circle_id)
        me = self._identity.identity()
        with files.circle_lock(path):
            data = files.read_circle_file(path) if path.exists() else None
            digest = file_digest(data) if data is not None else ""
            copies = files.find_conflict_copies(path)
            if data is not None and digest == known.last_digest and not dirty and not copies:
                return SyncReport(circle_id, wrote=False, new_records=0, nothing_new=True)
            merged = cached.copy()
            rejected: list[Rejection] = []
            sources: list[CircleContent] = []
            if data is not None:
                opened = open_file_bytes(data, identity=me, passphrase=passphrase, cached=cached)
                if opened.content.circle_id != circle_id:
                    raise CircleFileError(said.WRONG_CIRCLE)
                sources.append(opened.content)
                rejected.extend(opened.rejected)
            merged_copies: list[Path] = []
            for copy in copies:
                try:
                    other = open_file_bytes(
                        files.read_circle_file(copy),
                        identity=me,
                        passphrase=passphrase,
                        cached=cached,
                    )
                except CircleError:
                    continue  # not a copy of this circle (or unreadable): leave it alone
                if other.content.genesis != cached.genesis:
                    continue
                sources.append(other.content)
                rejected.extend(other.rejected)
                merged_copies.append(copy)
            for source in sources:
                merged = merge(merged, source)
            roster = roster_of(merged)
            warnings: list[Notice] = []
            for source in sources:
                # Only the main file can be "rolled back"; a conflict copy is older by nature.
                previous = cached if source is sources[0] and data is not None else None
                warnings.extend(
                    w for w in head_warnings(source, previous, roster) if w not in warnings
                )
            if roster.can_write(me.fingerprint):
                refresh_head(merged, me, self._clock.now())
            new_records = sum(
                1
                for key, item in merged.items.items()
                if key[0] == "record" and cached.items.get(key) != item
            )
            file_content = sources[0] if data is not None else None
            must_write = (
                file_content is None or merged_copies or dirty or _differs(merged, file_content)
            )
            wrote, payload = False, None
            if must_write and roster.can_read(me.fingerprint):
                sealed, payload = seal(merged, roster, passphrase)
                files.write_circle_file(path, sealed)
                digest, wrote = file_digest(sealed), True
                for copy in merged_copies:
                    copy.unlink(missing_ok=True)
            if payload is None and not dirty and not _differs(merged, cached):
                # Someone rewrote the file with nothing new for us: the vault's copy stands
                # (re-encoding 20,000 records would cost more than the whole read).
                self._registry.mark_synced(circle_id, digest)
            else:
                self._registry.store(
                    circle_id, merged, dirty=False, file_hash=digest, synced=True, payload=payload
                )
        return SyncReport(
            circle_id, wrote, new_records, tuple(rejected), tuple(warnings), tuple(merged_copies)
        )


def verify_file(
    data: bytes, identity: MemberIdentity | None, passphrase: str | None = None
) -> VerifyReport:
    """``circle verify``: every signature, the roster and the heads, changing nothing."""
    opened = open_payload(decrypt(data, identity, passphrase))
    roster = roster_of(opened.content)
    rejected = list(opened.rejected)
    records = list(opened.content.records())
    for item in records:
        if not roster.can_write(item.signer):
            name = roster.members[item.signer].name if item.signer in roster.members else "someone"
            rejected.append(
                Rejection(
                    "record", item.signer, f"written by {name}, who may not write in this circle"
                )
            )
    warnings = head_warnings(opened.content, None, roster)
    return VerifyReport(
        opened.content.circle_id, opened.content.name, roster, records, rejected, warnings
    )


def _differs(a: CircleContent, b: CircleContent) -> bool:
    if a.cards.keys() != b.cards.keys() or a.items.keys() != b.items.keys():
        return True
    if any(a.cards[fp].signature != b.cards[fp].signature for fp in a.cards):
        return True
    return any(item.signature != b.items[key].signature for key, item in a.items.items())
