"""This vault's member identity: the keys circles know the person by, and their name.

Made on first use (a vault that predates circles has none), then kept in the encrypted
database. Only the identity row is here; a new name reaching the circles is
``members.CircleMembers.set_name``'s job.
"""

from __future__ import annotations

import threading

from carecompanion.circle.identity import MemberCard, MemberIdentity, clean_name
from carecompanion.circle.models import IdentityRow
from carecompanion.circle.serial import one_at_a_time
from carecompanion.clock import Clock
from carecompanion.storage.database import Database

DEFAULT_MEMBER_NAME = "CareCompanion member"


class IdentityService:
    def __init__(self, database: Database, clock: Clock, changes: threading.RLock) -> None:
        self._db = database
        self._clock = clock
        self.changes = changes
        self._identity: MemberIdentity | None = None

    def identity(self) -> MemberIdentity:
        """The member identity, made on first use for a vault that predates circles."""
        known = self._identity
        if known is not None:  # read without waiting for a sync that holds the lock
            return known
        return self._load()

    def card(self) -> MemberCard:
        return self.identity().card

    @one_at_a_time
    def _load(self) -> MemberIdentity:
        if self._identity is None:
            with self._db.session() as session:
                row = session.get(IdentityRow, 1)
                if row is None:
                    made = MemberIdentity.generate(DEFAULT_MEMBER_NAME, self._clock.now())
                    row = IdentityRow(
                        id=1,
                        name=made.name,
                        signing_seed=made.signing_seed,
                        age_identity=made.age_identity,
                        created=made.created,
                    )
                    session.add(row)
                self._identity = MemberIdentity(
                    row.name, row.signing_seed, row.age_identity, row.created
                )
        return self._identity

    @one_at_a_time
    def rename(self, name: str) -> MemberIdentity:
        """Keep a new name (a new self-signed card) in the vault."""
        renamed = self.identity().renamed(clean_name(name), self._clock.now())
        with self._db.session() as session:
            row = session.get(IdentityRow, 1)
            assert row is not None
            row.name, row.created = renamed.name, renamed.created
        self._identity = renamed
        return renamed
