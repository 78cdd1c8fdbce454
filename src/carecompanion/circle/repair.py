"""Repair: a fresh circle file written from what this vault verified, when the file cannot be
read (issue 14: one malformed item from one member, or planted junk that made it too large,
made the file refused by everyone, with no way out but deleting it by hand).

The vault keeps its own verified copy of every circle (``registry``), so it can always write
the circle again. Who may:

- any member (reader or writer) may repair a file that is damaged, too large or refused: it is
  their copy of the circle too, and writing it needs no more than the sync does;
- only the owner may also replace a file they cannot open at all: one not encrypted to them, or
  to another passphrase, or written by a newer CareCompanion. The owner is never removed, so
  such a file was written by someone else (a removed member, a hostile one); for anyone else
  it may mean they were removed, or that the owner changed the passphrase.
- nobody replaces a file that holds another circle, or that cannot be reached.

What others wrote that this vault has not seen yet is not lost: it is in their vaults, and their
next sync merges it into the fresh file (a sync is a union). Items in the vault's copy that no
rule lets anyone write (``keeping.keep``: cards of people the roster does not name, items their
signer could not write) are left out, so the fresh file is one every member's app accepts.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

from carecompanion.circle import errors as said
from carecompanion.circle import files
from carecompanion.circle.content import CircleContent
from carecompanion.circle.engine import file_digest, open_file_bytes, refresh_head, roster_of, seal
from carecompanion.circle.errors import CircleError, CircleFileError, NotAllowed, can_repair
from carecompanion.circle.identity_service import IdentityService
from carecompanion.circle.keeping import keep
from carecompanion.circle.registry import CircleRegistry, FileState
from carecompanion.circle.serial import one_at_a_time
from carecompanion.circle.sync import CircleSync, SyncReport
from carecompanion.clock import Clock
from carecompanion.errors import Notice


@dataclass(frozen=True)
class RepairReport:
    circle_id: str
    #: What was wrong with the file that was replaced; None when it was fine (then it was
    #: synced instead, ``synced``).
    problem: Notice | None
    #: Items and cards of the vault's copy that no rule allows, not written.
    left_out: int = 0
    synced: SyncReport | None = None

    @property
    def repaired(self) -> bool:
        return self.problem is not None


class CircleRepair:
    def __init__(
        self,
        registry: CircleRegistry,
        identity: IdentityService,
        sync: CircleSync,
        clock: Clock,
        changes: threading.RLock,
    ) -> None:
        self._registry = registry
        self._identity = identity
        self._sync = sync
        self._clock = clock
        self.changes = changes

    @one_at_a_time
    def repair(self, circle_id: str) -> RepairReport:
        """Write a fresh circle file from the vault's copy if the file cannot be read (and
        this member may replace it); sync instead if it can."""
        known = self._registry.file_state(circle_id)
        content = self._registry.content(circle_id)
        me = self._identity.identity()
        if not roster_of(content).can_read(me.fingerprint):
            raise NotAllowed(said.REPAIR_NOT_IN)
        try:
            with files.circle_lock(known.path):
                problem = self._problem(known, content, me.fingerprint == content.owner)
                if problem is not None:
                    return self._write_fresh(circle_id, known, content, problem)
        except OSError as exc:
            raise CircleError(said.UNREACHABLE, folder=str(known.path.parent)) from exc
        return RepairReport(circle_id, None, synced=self._sync.sync(circle_id))

    def _problem(self, known: FileState, content: CircleContent, owner: bool) -> Notice | None:
        """What is wrong with the file, if a repair may replace it; None if it reads well.
        Raises what no repair may paper over."""
        if not known.path.exists():
            return None  # a sync writes it
        try:
            data = files.read_circle_file(known.path)
            opened = open_file_bytes(
                data,
                identity=self._identity.identity(),
                passphrase=known.passphrase,
                cached=content,
            )
        except CircleFileError as exc:
            if not can_repair(exc.code, owner):
                raise
            return exc.notice
        if opened.content.genesis != content.genesis:
            raise CircleFileError(said.WRONG_CIRCLE)
        return None

    def _write_fresh(
        self, circle_id: str, known: FileState, content: CircleContent, problem: Notice
    ) -> RepairReport:
        kept = keep(content)  # only what the roster lets anyone write (``keeping``)
        fresh, roster, left_out = kept.content.copy(), kept.roster, kept.dropped.total
        me = self._identity.identity()
        if roster.can_offer(me.fingerprint):
            refresh_head(fresh, me, self._clock.now())
        sealed, payload = seal(fresh, roster, known.passphrase)
        files.write_circle_file(known.path, sealed)
        self._registry.store(
            circle_id,
            fresh,
            dirty=False,
            file_hash=file_digest(sealed),
            synced=True,
            payload=payload,
        )
        return RepairReport(circle_id, problem, left_out)
