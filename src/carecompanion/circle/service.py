"""Circles on the encrypted vault: what the CLI and the Circle page talk to; holds no Qt.

``CircleService`` is a facade: every method is one line handing the work to the service whose
one job it is. It holds no rule and no state of its own, so read it as the table of contents
of what a circle can do, and go to the service it names for how:

- ``identity_service.IdentityService``: this member's keys and name;
- ``registry.CircleRegistry``: the circles this vault is in and the vault's verified copy of
  each (``store`` and ``register`` are the only ways that copy changes);
- ``posts.CirclePosts``: a circle's posts, cached until the circle changes, and read marks;
- ``members.CircleMembers``: the roster rules (add, remove, enrol) and the card in every circle;
- ``sharing.CircleSharing``: entries and mood summaries shared, withdrawals, and the one
  redaction list applied first (``redaction_list``);
- ``replies.CircleReplies``: comments and reactions (``writing.RecordWriter`` signs records for
  both, and keeps a retry from writing one twice);
- ``helping.CircleHelp``: the help calendar: ask, offer, confirm, withdraw, cancel, and the
  calendar as this member sees it (``help.help_requests``, a pure function of the records);
- ``sync.CircleSync``: lock, read, verify, merge and write the circle's file (and copies);
- ``repair.CircleRepair``: a fresh circle file from the vault's verified copy;
- ``passphrase.CirclePassphrase``: a passphrase circle's passphrase, changed or taken in;
- ``joining.CircleJoining``: create, join and leave, which use the others;
- ``names.NameBook``: the names this computer knew members by (``CircleState.names``).

Why a facade rather than ``session.circle_sharing`` and friends at the call sites: the Circle
page, its dialogs and the CLI ask for what a person does ("comment on this post", "sync"), and
should not have to know which of seven services does it, nor be handed three of them; tests,
scripts and benchmarks keep one name for it. The services underneath get their dependencies
in their constructors (built here, once per vault) and never reach into each other.

Local actions sign an item and add it to the circle's copy in the vault at once, marking the
circle "dirty"; ``sync`` then merges with the file under the lock and writes it back. So
nothing is lost when the shared folder is away (a USB stick unplugged): the next sync writes
it. Changes and syncs run one at a time (``serial``), through one lock made here.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from carecompanion.circle.checking import VerifyReport
from carecompanion.circle.help import HelpRequest
from carecompanion.circle.helping import Ask, CircleHelp, HelpBoard
from carecompanion.circle.identity import MemberCard, MemberIdentity
from carecompanion.circle.identity_service import IdentityService
from carecompanion.circle.joining import CircleJoining
from carecompanion.circle.members import CircleMembers
from carecompanion.circle.names import NameBook
from carecompanion.circle.passphrase import CirclePassphrase
from carecompanion.circle.posts import CirclePosts, CircleState
from carecompanion.circle.redact import Redactions
from carecompanion.circle.registry import CircleInfo, CircleRegistry
from carecompanion.circle.repair import CircleRepair, RepairReport
from carecompanion.circle.replies import CircleReplies
from carecompanion.circle.roster import Roster
from carecompanion.circle.sharing import CircleSharing, EntrySource
from carecompanion.circle.sync import CircleSync, SyncReport
from carecompanion.circle.view import Post
from carecompanion.circle.writing import RecordWriter
from carecompanion.clock import Clock
from carecompanion.errors import Notice
from carecompanion.storage.database import Database


class CircleService:
    def __init__(
        self, database: Database, clock: Clock, entry_source: EntrySource | None = None
    ) -> None:
        changes = threading.RLock()
        names = NameBook(database)
        self._identity = IdentityService(database, clock, changes)
        self._registry = CircleRegistry(database, clock, self._identity)
        self._posts = CirclePosts(database, self._registry, self._identity, names)
        self._members = CircleMembers(self._registry, self._identity, clock, changes)
        writer = RecordWriter(self._registry, self._identity, clock)
        self._sharing = CircleSharing(database, self._registry, writer, entry_source, changes)
        self._replies = CircleReplies(self._registry, writer, changes)
        self._help = CircleHelp(self._registry, writer, self._identity, names, clock, changes)
        self._sync = CircleSync(self._registry, self._identity, names, clock, changes)
        self._repair = CircleRepair(self._registry, self._identity, self._sync, clock, changes)
        self._passphrase = CirclePassphrase(self._registry, self._identity, self._sync, changes)
        self._joining = CircleJoining(
            registry=self._registry,
            identity=self._identity,
            members=self._members,
            sync=self._sync,
            posts=self._posts,
            names=names,
            clock=clock,
            changes=changes,
        )

    # -- me -------------------------------------------------------------------------------

    def identity(self) -> MemberIdentity:
        return self._identity.identity()

    def card(self) -> MemberCard:
        return self._identity.card()

    def set_name(self, name: str) -> MemberIdentity:
        return self._members.set_name(name)

    # -- circles in this vault ------------------------------------------------------------

    def circles(self) -> list[CircleInfo]:
        return self._registry.circles()

    def circle(self, circle_id: str) -> CircleInfo:
        return self._registry.circle(circle_id)

    def find_by_file(self, path: Path) -> CircleInfo:
        return self._registry.find_by_file(path)

    def passphrase(self, circle_id: str) -> str | None:
        return self._registry.passphrase(circle_id)

    def create(self, name: str, path: Path, passphrase: str | None = None) -> CircleInfo:
        return self._joining.create(name, path, passphrase)

    def join(self, path: Path, passphrase: str | None = None) -> CircleInfo:
        return self._joining.join(path, passphrase)

    def forget(self, circle_id: str) -> None:
        self._joining.forget(circle_id)

    # -- members --------------------------------------------------------------------------

    def roster(self, circle_id: str) -> Roster:
        return self._registry.roster(circle_id)

    def add_member(self, circle_id: str, card: MemberCard, role: str = "member") -> None:
        self._members.add_member(circle_id, card, role)

    def remove_member(self, circle_id: str, fingerprint: str) -> Notice:
        return self._members.remove_member(circle_id, fingerprint)

    def change_passphrase(self, circle_id: str, new: str) -> None:
        self._passphrase.change(circle_id, new)

    def use_passphrase(self, circle_id: str, passphrase: str) -> SyncReport:
        return self._passphrase.use(circle_id, passphrase)

    # -- sharing --------------------------------------------------------------------------

    def redaction_list(self) -> list[tuple[str, str]]:
        return self._sharing.redaction_list()

    def set_redaction_list(self, pairs: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
        return self._sharing.set_redaction_list(pairs)

    def add_redactions(self, pairs: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
        return self._sharing.add_redactions(pairs)

    def redactions(self, circle_id: str) -> list[tuple[str, str]]:
        return self._sharing.redactions(circle_id)

    def set_redactions(self, circle_id: str, pairs: Iterable[tuple[str, str]]) -> None:
        self._sharing.set_redactions(circle_id, pairs)

    def preview_entry(
        self, circle_id: str, entry_id: int, extra: Redactions = ()
    ) -> dict[str, Any]:
        return self._sharing.preview_entry(circle_id, entry_id, extra)

    def share_entry(self, circle_id: str, entry_id: int, extra: Redactions = ()) -> str:
        return self._sharing.share_entry(circle_id, entry_id, extra)

    def preview_mood_text(self, circle_id: str, text: str) -> str:
        return self._sharing.preview_mood_text(circle_id, text)

    def share_mood(
        self, circle_id: str, text: str, first: date, last: date, figures: Mapping[str, str]
    ) -> str:
        return self._sharing.share_mood(circle_id, text, first, last, figures)

    def shares_of_entry(self, entry_id: int) -> list[tuple[CircleInfo, str, bool]]:
        return self._sharing.shares_of_entry(entry_id)

    def withdraw(self, circle_id: str, rid: str) -> None:
        self._sharing.withdraw(circle_id, rid)

    def withdraw_entry(self, circle_id: str, entry_id: int) -> str:
        return self._sharing.withdraw_entry(circle_id, entry_id)

    def comment(self, circle_id: str, rid: str, text: str) -> str:
        return self._replies.comment(circle_id, rid, text)

    def react(self, circle_id: str, rid: str, reaction: str) -> str:
        return self._replies.react(circle_id, rid, reaction)

    # -- the help calendar ----------------------------------------------------------------

    def help_board(self, circle_id: str) -> HelpBoard:
        return self._help.board(circle_id)

    def ask_for_help(self, circle_id: str, ask: Ask) -> list[str]:
        return self._help.ask(circle_id, ask)

    def edit_request(self, circle_id: str, request_id: str, ask: Ask) -> None:
        self._help.edit_request(circle_id, request_id, ask)

    def offer_help(self, circle_id: str, request_id: str, note: str = "") -> str:
        return self._help.offer(circle_id, request_id, note)

    def withdraw_offer(self, circle_id: str, offer_id: str, reason: str = "") -> HelpRequest:
        return self._help.withdraw_offer(circle_id, offer_id, reason)

    def confirm_offer(self, circle_id: str, offer_id: str, note: str = "") -> HelpRequest:
        return self._help.confirm(circle_id, offer_id, note)

    def cancel_request(self, circle_id: str, request_id: str, reason: str = "") -> HelpRequest:
        return self._help.cancel_request(circle_id, request_id, reason)

    # -- reading --------------------------------------------------------------------------

    def state(self, circle_id: str) -> CircleState:
        return self._posts.state(circle_id)

    def unread_count(self, circle_id: str) -> int:
        return self._posts.unread_count(circle_id)

    def mark_read(self, circle_id: str, posts: Sequence[Post]) -> None:
        self._posts.mark_read(circle_id, posts)

    def acknowledge_names(self, circle_id: str) -> None:
        self._posts.acknowledge_names(circle_id)

    # -- syncing, checking, repairing -----------------------------------------------------

    def sync(self, circle_id: str) -> SyncReport:
        return self._sync.sync(circle_id)

    def verify(
        self, data: bytes, passphrase: str | None, circle_id: str | None = None
    ) -> VerifyReport:
        return self._sync.verify(data, passphrase, circle_id)

    def repair(self, circle_id: str) -> RepairReport:
        return self._repair.repair(circle_id)
