"""A passphrase circle's passphrase: changed by the owner, or taken in by a member when the
owner changed it (issue 14, finding 12).

Anyone who knows a circle's passphrase can open its file, so removing someone from a
passphrase circle only stops what they write from counting: they can still read until the
owner changes the passphrase (``members.remove_member`` says so). Changing it writes the file
again, encrypted to the new passphrase; every member then enters the new one once
(``use``), as the owner tells them. Only the owner changes it, so nobody can lock the circle
away from the others, and a file written with another passphrase can only be the owner's
old one or a hostile one, which the owner may repair.

Each open of the file derives the key once: ``use`` hands the file it opened to the sync
(``CircleSync.adopt``), which then does not derive it again.
"""

from __future__ import annotations

import threading

from carecompanion.circle import errors as said
from carecompanion.circle import files
from carecompanion.circle.engine import decrypt, file_digest, roster_of, seal
from carecompanion.circle.errors import CircleError, NotAllowed
from carecompanion.circle.files import CircleLockTimeout
from carecompanion.circle.identity_service import IdentityService
from carecompanion.circle.registry import CircleRegistry
from carecompanion.circle.serial import one_at_a_time
from carecompanion.circle.sync import CircleSync, SyncReport

MIN_PASSPHRASE_CHARS = 8
#: A change merges the file first, then writes it again under the lock; if someone wrote in
#: between, it merges again, at most this many times.
_ATTEMPTS = 3


def check_new_passphrase(passphrase: str) -> None:
    if len(passphrase) < MIN_PASSPHRASE_CHARS:
        raise CircleError(said.PASSPHRASE_TOO_SHORT)


class CirclePassphrase:
    def __init__(
        self,
        registry: CircleRegistry,
        identity: IdentityService,
        sync: CircleSync,
        changes: threading.RLock,
    ) -> None:
        self._registry = registry
        self._identity = identity
        self._sync = sync
        self.changes = changes

    @one_at_a_time
    def change(self, circle_id: str, new: str) -> None:
        """The owner's new passphrase: everything in the file is merged first (with the old
        one), then the file is written again, encrypted to the new one."""
        content = self._registry.content(circle_id)
        if content.mode != "passphrase":
            raise CircleError(said.NO_PASSPHRASE)
        if self._identity.identity().fingerprint != content.owner:
            raise NotAllowed(said.ONLY_OWNER_PASSPHRASE)
        check_new_passphrase(new)
        for _attempt in range(_ATTEMPTS):
            self._sync.sync(circle_id)
            known = self._registry.file_state(circle_id)
            try:
                with files.circle_lock(known.path):
                    data = files.read_circle_file(known.path) if known.path.exists() else None
                    if data is not None and file_digest(data) != known.last_digest:
                        continue  # someone wrote since the sync: merge that first
                    current = self._registry.content(circle_id)
                    sealed, _payload = seal(current, roster_of(current), new)
                    files.write_circle_file(known.path, sealed)
                    self._registry.set_passphrase(circle_id, new)
                    self._registry.mark_synced(circle_id, file_digest(sealed))
                    return
            except OSError as exc:
                raise CircleError(said.UNREACHABLE, folder=str(known.path.parent)) from exc
        raise CircleLockTimeout()

    @one_at_a_time
    def use(self, circle_id: str, passphrase: str) -> SyncReport:
        """The passphrase the owner changed to, as they told this member: kept if it opens the
        circle file (else "That circle passphrase does not open this file"), then synced."""
        content = self._registry.content(circle_id)
        if content.mode != "passphrase":
            raise CircleError(said.NO_PASSPHRASE)
        known = self._registry.file_state(circle_id)
        data = files.read_circle_file(known.path)
        payload = decrypt(data, None, passphrase)  # the one key derivation of this open
        self._registry.set_passphrase(circle_id, passphrase)
        self._sync.adopt(file_digest(data), payload)
        return self._sync.sync(circle_id)
