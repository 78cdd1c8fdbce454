"""Creating, joining and leaving circles: what puts a circle in the registry or takes it out.

A new circle is its signed genesis, written to its file by a first sync. Joining registers a
circle file: a keys circle must already list this member (an admin added their card); in a
passphrase circle the member enrols themselves, and a first sync writes that. Leaving forgets
the circle on this computer only; the file is untouched.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

from carecompanion.circle import errors as said
from carecompanion.circle import files
from carecompanion.circle.canonical import timestamp
from carecompanion.circle.content import CircleContent
from carecompanion.circle.engine import file_digest, open_file_bytes, roster_of
from carecompanion.circle.errors import CircleError, NotAllowed
from carecompanion.circle.identity import clean_name
from carecompanion.circle.identity_service import IdentityService
from carecompanion.circle.items import make_item
from carecompanion.circle.members import CircleMembers
from carecompanion.circle.names import NameBook
from carecompanion.circle.posts import CirclePosts
from carecompanion.circle.registry import CircleInfo, CircleRegistry
from carecompanion.circle.serial import one_at_a_time
from carecompanion.circle.sync import CircleSync
from carecompanion.clock import Clock

MIN_PASSPHRASE_CHARS = 8


class CircleJoining:
    def __init__(
        self,
        *,
        registry: CircleRegistry,
        identity: IdentityService,
        members: CircleMembers,
        sync: CircleSync,
        posts: CirclePosts,
        names: NameBook,
        clock: Clock,
        changes: threading.RLock,
    ) -> None:
        self._registry = registry
        self._identity = identity
        self._members = members
        self._names = names
        self._sync = sync
        self._posts = posts
        self._clock = clock
        self.changes = changes

    @one_at_a_time
    def create(self, name: str, path: Path, passphrase: str | None = None) -> CircleInfo:
        name = clean_name(name)
        if path.exists():
            raise CircleError(said.FILE_EXISTS, file=path.name)
        if not path.parent.is_dir():
            raise CircleError(said.NO_FOLDER, folder=str(path.parent))
        if passphrase is not None and len(passphrase) < MIN_PASSPHRASE_CHARS:
            raise CircleError(said.PASSPHRASE_TOO_SHORT)
        me = self._identity.identity()
        circle_id = os.urandom(16).hex()
        genesis = make_item(
            "genesis",
            circle_id,
            {
                "by": me.fingerprint,
                "circle": circle_id,
                "name": name,
                "mode": "passphrase" if passphrase is not None else "keys",
                "created": timestamp(self._clock.now()),
            },
            me.sign,
        )
        content = CircleContent(genesis, {me.fingerprint: me.card})
        info = self._registry.register(content, path, passphrase, "", dirty=True)
        self._sync.sync(info.id)
        return self._registry.circle(info.id)

    @one_at_a_time
    def join(self, path: Path, passphrase: str | None = None) -> CircleInfo:
        """Register a circle file: a keys circle must already list this member (an admin added
        their card); in a passphrase circle the member enrols themselves."""
        data = files.read_circle_file(path)
        me = self._identity.identity()
        content = open_file_bytes(data, identity=me, passphrase=passphrase).content
        if content.mode == "passphrase":
            self._members.enrol_me(content)
            info = self._registry.register(content, path, passphrase, file_digest(data), dirty=True)
            self._sync.sync(info.id)
            return self._registry.circle(info.id)
        if roster_of(content).role_of(me.fingerprint) in (None, "removed"):
            raise NotAllowed(said.NOT_ON_ROSTER)
        info = self._registry.register(content, path, None, file_digest(data), dirty=False)
        self._names.remember(info.id, content)  # the names members are known by from now on
        return self._registry.circle(info.id)

    @one_at_a_time
    def forget(self, circle_id: str) -> None:
        """Leave a circle on this computer: its cached copy goes; the file is untouched."""
        self._registry.remove(circle_id)
        self._posts.drop(circle_id)
