"""Who is in a circle: the roster rules for adding and removing members, enrolling oneself in
a passphrase circle, and the card (name and keys) this member is known by in every circle.

Each change signs a roster item and adds it to the registry's copy of the circle, marking it
"dirty"; the next sync writes it to the file. Whether an item counts is decided again by every
reader (``roster.evaluate_roster``): the checks here only stop a member making one that won't.
"""

from __future__ import annotations

import threading

from carecompanion.circle import errors as said
from carecompanion.circle.content import CircleContent
from carecompanion.circle.engine import roster_of
from carecompanion.circle.errors import CircleError, NotAllowed
from carecompanion.circle.identity import MemberCard, MemberIdentity
from carecompanion.circle.identity_service import IdentityService
from carecompanion.circle.limits import MAX_MEMBERS
from carecompanion.circle.registry import CircleRegistry
from carecompanion.circle.roster import Roster
from carecompanion.circle.roster_changes import roster_change
from carecompanion.circle.serial import one_at_a_time
from carecompanion.clock import Clock
from carecompanion.errors import Notice

ASSIGNABLE_ROLES = ("admin", "member", "helper", "reader")


class CircleMembers:
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
    def set_name(self, name: str) -> MemberIdentity:
        """A new name for this member; the new card travels with the next sync of every
        circle."""
        renamed = self._identity.rename(name)
        for info in self._registry.circles():
            content = self._registry.content(info.id).copy()  # a new object: the posts go
            content.add_cards([renamed.card])
            self._registry.store(info.id, content, dirty=True)
        return renamed

    @one_at_a_time
    def add_member(self, circle_id: str, card: MemberCard, role: str = "member") -> None:
        if role not in ASSIGNABLE_ROLES:
            raise CircleError(said.UNKNOWN_ROLE)
        content, roster = self._admin_action(circle_id)
        me = self._identity.identity().fingerprint
        if card.fingerprint == content.owner:
            raise NotAllowed(said.OWNER_STAYS)
        if role == "admin" and me != content.owner:
            raise NotAllowed(said.ONLY_OWNER_MAKES_ADMIN)
        target = roster.members.get(card.fingerprint)
        if target is not None and target.role == "admin" and me != content.owner:
            raise NotAllowed(said.ONLY_OWNER_CHANGES_ADMIN)
        if target is None and len(roster.current()) >= MAX_MEMBERS:
            raise CircleError(said.TOO_MANY_MEMBERS, count=MAX_MEMBERS)
        content.add_cards([card])
        self._roster_item(content, card.fingerprint, role)
        self._registry.store(circle_id, content, dirty=True)

    @one_at_a_time
    def remove_member(self, circle_id: str, fingerprint: str) -> Notice:
        """Remove a member; returns what that means, truthfully: in a keys circle nothing
        written from now on is encrypted to them; in a passphrase circle they still know the
        passphrase, so they can still read until the owner changes it."""
        content, roster = self._admin_action(circle_id)
        me = self._identity.identity().fingerprint
        target = roster.members.get(fingerprint)
        if target is None or target.role == "removed":
            raise CircleError(said.NO_SUCH_MEMBER)
        if fingerprint == content.owner:
            raise NotAllowed(said.OWNER_CANNOT_GO)
        if target.role == "admin" and me != content.owner:
            raise NotAllowed(said.ONLY_OWNER_REMOVES_ADMIN)
        self._roster_item(content, fingerprint, "removed")
        self._registry.store(circle_id, content, dirty=True)
        return said.REMOVED_PASSPHRASE() if content.mode == "passphrase" else said.REMOVED_KEYS()

    def enrol_me(self, content: CircleContent) -> None:
        """In a passphrase circle a member enrols themselves: add this member's card and a
        roster item making them a member to ``content`` (a circle not registered yet)."""
        me = self._identity.identity()
        if roster_of(content).role_of(me.fingerprint) is None:
            content.add_cards([me.card])
            self._roster_item(content, me.fingerprint, "member")

    def _admin_action(self, circle_id: str) -> tuple[CircleContent, Roster]:
        content = self._registry.content(circle_id).copy()
        roster = roster_of(content)
        member = roster.members.get(self._identity.identity().fingerprint)
        if member is None or not member.is_admin:
            raise NotAllowed(said.ONLY_ADMINS_CHANGE)
        return content, roster

    def _roster_item(self, content: CircleContent, member: str, role: str) -> None:
        """Sign the change into ``content`` as every reader will count it (format version 2:
        ``roster_changes``)."""
        roster_change(content, self._identity.identity(), member, role, self._clock.now())
