"""Syncing a circle with its file (``checking`` has ``circle verify``).

A sync takes the circle's lock file, reads the file and the copies beside it (a sync tool's
conflict copies, and copies people made), verifies them, merges them with the vault's copy,
and writes the file back if anything differs. Only a sync tool's conflict copies, named
exactly as it names them, are removed afterwards; a person's own copy is merged and kept
(``files.find_copies``). The vault changes only after the file is written, so a sync cut short
loses nothing; the next one starts again from the vault's copy.

A file that cannot be read is reported so that the person learns Repair exists
(``errors.RepairableFile``, ``repair.CircleRepair``).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from pathlib import Path

from carecompanion.circle import errors as said
from carecompanion.circle import files
from carecompanion.circle.checking import VerifyReport, sync_warnings, verify_file
from carecompanion.circle.content import CircleContent, differs
from carecompanion.circle.engine import (
    combine,
    decrypt,
    file_digest,
    open_file_bytes,
    open_payload,
    refresh_head,
    reissue_if_legacy,
    roster_of,
    seal,
)
from carecompanion.circle.errors import (
    CircleError,
    CircleFileError,
    as_repairable,
)
from carecompanion.circle.identity import MemberIdentity
from carecompanion.circle.identity_service import IdentityService
from carecompanion.circle.keeping import Dropped
from carecompanion.circle.names import NameBook
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
    #: A sync tool's conflict copies (named exactly as it names them, and of this circle):
    #: merged, then removed once the merged file was written.
    merged_copies: tuple[Path, ...] = ()
    nothing_new: bool = False
    #: Copies people made (``family-backup.carecircle``) of this circle: merged, and kept.
    kept_copies: tuple[Path, ...] = ()
    #: What was left out because its signer could not write it (``keeping.Dropped``): say it
    #: once (``errors.DROPPED``); it is not stored, and the file is written without it.
    dropped: Dropped = field(default_factory=Dropped)


@dataclass
class _Read:
    """What one sync read: the main file and the copies beside it, each verified."""

    main: CircleContent | None  # None: no file yet
    fresh: bool  # the main file was opened now (not the one the vault already holds)
    conflicts: list[tuple[Path, CircleContent]] = field(default_factory=list)
    kept: list[tuple[Path, CircleContent]] = field(default_factory=list)
    rejected: list[Rejection] = field(default_factory=list)
    dropped: Dropped = field(default_factory=Dropped)  # by the main file and the copies
    main_dropped: Dropped = field(default_factory=Dropped)  # by the main file


class CircleSync:
    def __init__(
        self,
        registry: CircleRegistry,
        identity: IdentityService,
        names: NameBook,
        clock: Clock,
        changes: threading.RLock,
    ) -> None:
        self._registry = registry
        self._identity = identity
        self._names = names
        self._clock = clock
        self.changes = changes
        #: Copies beside a circle file that hold nothing to merge any more (merged and kept,
        #: or not of this circle), as they were then (size, mtime): not opened again until
        #: they change, so a person's own copy costs nothing at every sync.
        self._settled: dict[tuple[str, Path], tuple[int, int]] = {}
        #: A file already decrypted (by its digest), so that the sync right after does not
        #: derive a passphrase circle's key a second time (``adopt``).
        self._adopted: tuple[str, bytes] | None = None

    @one_at_a_time
    def sync(self, circle_id: str) -> SyncReport:
        """Read the file and any copies beside it, verify, merge with the vault's copy, and
        write back if anything differs. The vault changes only after the file is written."""
        known = self._registry.file_state(circle_id)
        try:
            return self._sync_locked(circle_id, known)
        except OSError as exc:
            raise CircleError(said.UNREACHABLE, folder=str(known.path.parent)) from exc

    def _sync_locked(self, circle_id: str, known: FileState) -> SyncReport:
        path = known.path
        cached = self._registry.content(circle_id)
        me = self._identity.identity()
        with files.circle_lock(path):
            data = self._read(path, cached, me)
            digest = file_digest(data) if data is not None else ""
            known_file = data is not None and digest == known.last_digest
            copies = [c for c in files.find_copies(path) if not self._is_settled(circle_id, c)]
            payload, rewritten = None, False
            if data is not None and not known_file:
                payload = self._decrypt(data, digest, known, cached, me)
                # Rewritten with the vault's very document in it: not parsed or verified again.
                if self._registry.holds_payload(circle_id, payload):
                    known_file, rewritten, payload = True, True, None
            if known_file and not known.dirty and not copies and not _to_reissue(cached, me):
                if rewritten:
                    self._registry.mark_synced(circle_id, digest)
                return SyncReport(circle_id, wrote=False, new_records=0, nothing_new=True)
            read = self._open_all(circle_id, payload, known_file, copies, known, cached, me)
            # Roster first, then records judged by it (keeping.combine); the owner's first
            # sync of a version-1 circle signs its roster again as version 2.
            sources = [read.main, *(c for _p, c in read.conflicts + read.kept)]
            kept = combine(cached, [s for s in sources if s is not None and s is not cached])
            kept = reissue_if_legacy(kept, me, self._clock.now())
            merged, roster, dropped = kept.content, kept.roster, read.dropped + kept.dropped
            warnings = _warnings(read, cached, roster, me)
            if roster.can_offer(me.fingerprint):
                refresh_head(merged, me, self._clock.now())
            new_records = sum(
                1
                for key, item in merged.items.items()
                if key[0] == "record" and cached.items.get(key) != item
            )
            must_write = (
                read.main is None
                or bool(read.conflicts)
                or known.dirty
                or bool(read.main_dropped)  # what may not be kept is not left in the file
                or differs(merged, read.main)
            )
            wrote, payload = False, None
            if must_write and roster.can_read(me.fingerprint):
                sealed, payload = seal(merged, roster, known.passphrase)
                files.write_circle_file(path, sealed)
                digest, wrote = file_digest(sealed), True
                for copy, _content in read.conflicts:
                    copy.unlink(missing_ok=True)
            for copy, _content in read.kept:
                self._settle(circle_id, copy)  # merged into the vault's copy below
            if payload is None and not known.dirty and not differs(merged, cached):
                # Someone rewrote the file with nothing new for us: the vault's copy stands
                # (re-encoding 20,000 records would cost more than the whole read).
                self._registry.mark_synced(circle_id, digest)
            else:
                self._registry.store(
                    circle_id, merged, dirty=False, file_hash=digest, synced=True, payload=payload
                )
        # The names members were known by before this sync, then those seen for the first
        # time (only after the file was handled: a sync that fails changes nothing).
        self._names.remember(circle_id, cached)
        self._names.remember(circle_id, merged)
        return SyncReport(
            circle_id,
            wrote,
            new_records,
            tuple(read.rejected),
            tuple(warnings),
            tuple(p for p, _c in read.conflicts if wrote),
            kept_copies=tuple(p for p, _c in read.kept),
            dropped=dropped,
        )

    def _read(self, path: Path, cached: CircleContent, me: MemberIdentity) -> bytes | None:
        try:
            return files.read_circle_file(path) if path.exists() else None
        except CircleFileError as exc:
            raise as_repairable(exc, me.fingerprint == cached.owner) from exc

    def _decrypt(
        self, data: bytes, digest: str, known: FileState, cached: CircleContent, me: MemberIdentity
    ) -> bytes:
        """The main file's payload (the one ``adopt`` left, when it is of this file)."""
        adopted, self._adopted = self._adopted, None
        if adopted is not None and adopted[0] == digest:
            return adopted[1]
        try:
            return decrypt(data, me, known.passphrase)
        except CircleFileError as exc:
            raise as_repairable(exc, me.fingerprint == cached.owner) from exc

    def _open_all(
        self,
        circle_id: str,
        payload: bytes | None,
        known_file: bool,
        copies: list[files.Copy],
        known: FileState,
        cached: CircleContent,
        me: MemberIdentity,
    ) -> _Read:
        """Verify the main file (``payload``, decrypted; None when there is none, or when it
        is ``known_file``: it holds the vault's copy, which is not opened again: in a passphrase
        circle, that saves a key derivation at every sync of a local change, and at the first
        sync after joining) and the copies."""
        if payload is None:
            read = _Read(cached if known_file else None, fresh=False)
        else:
            try:
                opened = open_payload(payload, cached)
            except CircleFileError as exc:
                raise as_repairable(exc, me.fingerprint == cached.owner) from exc
            if opened.content.circle_id != circle_id:
                raise CircleFileError(said.WRONG_CIRCLE)
            read = _Read(
                opened.content,
                fresh=True,
                rejected=list(opened.rejected),
                dropped=opened.dropped,
                main_dropped=opened.dropped,
            )
        for copy in copies:
            try:
                other = open_file_bytes(
                    files.read_circle_file(copy.path),
                    identity=me,
                    passphrase=known.passphrase,
                    cached=cached,
                )
            except CircleError:
                other = None  # not a copy of this circle (or unreadable): leave it alone
            if other is None or other.content.genesis != cached.genesis:
                self._settle(circle_id, copy)
                continue
            read.rejected.extend(other.rejected)
            read.dropped += other.dropped
            (read.conflicts if copy.conflict else read.kept).append((copy.path, other.content))
        return read

    def adopt(self, digest: str, payload: bytes) -> None:
        """The decrypted payload of the file with ``digest``, for the next sync to open
        without decrypting it again (one passphrase key derivation per open)."""
        self._adopted = (digest, payload)

    def _is_settled(self, circle_id: str, copy: files.Copy) -> bool:
        seen = self._settled.get((circle_id, copy.path))
        return seen is not None and seen == _stamp(copy.path)

    def _settle(self, circle_id: str, copy: files.Copy | Path) -> None:
        path = copy.path if isinstance(copy, files.Copy) else copy
        stamp = _stamp(path)
        if stamp is not None:
            self._settled[(circle_id, path)] = stamp

    def verify(
        self, data: bytes, passphrase: str | None, circle_id: str | None = None
    ) -> VerifyReport:
        """``circle verify`` of a file; for a circle of this vault, also whether the vault has
        seen newer writing than the file holds (the file is stale)."""
        if circle_id is None:
            return verify_file(data, self._identity.identity(), passphrase)
        known = self._registry.content(circle_id)
        names = self._names.known(circle_id)
        return verify_file(data, self._identity.identity(), passphrase, known, names)


def _stamp(path: Path) -> tuple[int, int] | None:
    try:
        info = path.stat()
    except OSError:
        return None
    return (info.st_size, info.st_mtime_ns)


def _warnings(
    read: _Read, cached: CircleContent, roster: Roster, me: MemberIdentity
) -> list[Notice]:
    main = read.main if read.fresh else None
    conflicts = [c for _p, c in read.conflicts]
    return sync_warnings(main, conflicts, [c for _p, c in read.kept], cached, roster, me)


def _to_reissue(cached: CircleContent, me: MemberIdentity) -> bool:
    """The owner holds a version-1 roster: their sync signs it again (even with nothing new)."""
    return me.fingerprint == cached.owner and roster_of(cached).legacy
