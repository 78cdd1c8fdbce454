"""The circles this vault is in: their rows, files, and the vault's verified copy of each.

Each circle's last merged document is kept in the vault (what the Circle page reads offline
and what the next sync merges with). Decoding 20,000 records takes a while, so the decoded
``CircleContent`` is kept in memory too. That copy is never changed in place: ``store`` and
``register`` always put a new object in, so "the same object" means "the same circle", which
is what the post cache (``posts.CirclePosts``) relies on.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from carecompanion.circle import errors as said
from carecompanion.circle.content import CircleContent
from carecompanion.circle.document import decode_document, encode_document
from carecompanion.circle.engine import roster_of
from carecompanion.circle.errors import CircleError, CircleNotFound
from carecompanion.circle.identity_service import IdentityService
from carecompanion.circle.models import CircleRow
from carecompanion.circle.roster import Roster
from carecompanion.clock import Clock
from carecompanion.storage.database import Database


@dataclass(frozen=True)
class CircleInfo:
    id: str
    name: str
    mode: str  # keys or passphrase
    file_path: Path
    my_role: str | None
    last_synced_at: datetime | None
    dirty: bool


@dataclass(frozen=True)
class FileState:
    """Where a circle's file is and what the vault knew of it at the last sync."""

    path: Path
    passphrase: str | None
    last_digest: str
    dirty: bool  # local changes not yet written to the file


def circle_row(session: Session, circle_id: str) -> CircleRow:
    row = session.get(CircleRow, circle_id)
    if row is None:
        raise CircleNotFound(said.NOT_IN_JOURNAL)
    return row


class CircleRegistry:
    def __init__(self, database: Database, clock: Clock, identity: IdentityService) -> None:
        self._db = database
        self._clock = clock
        self._identity = identity
        self._contents: dict[str, CircleContent] = {}
        #: The SHA-256 of each cached copy's stored document (its payload as written), so a
        #: sync can tell a rewritten file that holds exactly the vault's copy (``holds_payload``).
        self._documents: dict[str, bytes] = {}

    # -- reading --------------------------------------------------------------------------

    def circles(self) -> list[CircleInfo]:
        with self._db.session() as session:
            rows = session.scalars(select(CircleRow).order_by(CircleRow.name)).all()
            return [self._info(row) for row in rows]

    def circle(self, circle_id: str) -> CircleInfo:
        with self._db.session() as session:
            return self._info(circle_row(session, circle_id))

    def find_by_file(self, path: Path) -> CircleInfo:
        wanted = _normal(path)
        for info in self.circles():
            if _normal(info.file_path) == wanted:
                return info
        raise CircleNotFound(said.NOT_JOINED, file=path.name)

    def passphrase(self, circle_id: str) -> str | None:
        with self._db.session() as session:
            return circle_row(session, circle_id).passphrase

    def file_state(self, circle_id: str) -> FileState:
        with self._db.session() as session:
            row = circle_row(session, circle_id)
            return FileState(Path(row.file_path), row.passphrase, row.last_file_digest, row.dirty)

    def content(self, circle_id: str) -> CircleContent:
        """The vault's verified copy of the circle. Shared: ``copy()`` it before changing it."""
        return self._content(circle_id)

    def roster(self, circle_id: str) -> Roster:
        return roster_of(self._content(circle_id))

    def _info(self, row: CircleRow) -> CircleInfo:
        roster = roster_of(self._content(row.id, row))
        return CircleInfo(
            row.id,
            row.name,
            row.mode,
            Path(row.file_path),
            roster.role_of(self._identity.identity().fingerprint),
            row.last_synced_at,
            row.dirty,
        )

    def _content(self, circle_id: str, row: CircleRow | None = None) -> CircleContent:
        cached = self._contents.get(circle_id)
        if cached is None:
            if row is None or "document" not in row.__dict__:  # a deferred column
                with self._db.session() as session:
                    document = circle_row(session, circle_id).document
            else:
                document = row.document
            cached = _trusted_content(document)
            self._contents[circle_id] = cached
            self._documents[circle_id] = hashlib.sha256(document).digest()
        return cached

    def holds_payload(self, circle_id: str, payload: bytes) -> bool:
        """Whether ``payload`` (a file's, decrypted) is byte for byte the document the vault's
        copy was stored as: then the file holds exactly that copy, verified before it was stored
        (the writer is deterministic, so another member's app writing the same content writes
        the same document), and nothing in it needs parsing or verifying again."""
        self._content(circle_id)
        known = self._documents.get(circle_id)
        return known is not None and hashlib.sha256(payload).digest() == known

    # -- changing -------------------------------------------------------------------------
    # Callers hold the vault's circle lock (``serial.one_at_a_time``) around these.

    def store(
        self,
        circle_id: str,
        content: CircleContent,
        *,
        dirty: bool,
        file_hash: str | None = None,
        synced: bool = False,
        payload: bytes | None = None,
    ) -> None:
        """Keep ``content`` (a new object, never the cached one changed in place) as the
        circle's copy; ``payload`` is its encoded document when the caller has it already."""
        document = payload if payload is not None else encode_document(content)
        with self._db.session() as session:
            row = circle_row(session, circle_id)
            row.document = document
            row.name = content.name
            row.dirty = dirty
            if file_hash is not None:
                row.last_file_digest = file_hash
            if synced:
                row.last_synced_at = self._clock.now()
        self._contents[circle_id] = content
        self._documents[circle_id] = hashlib.sha256(document).digest()

    def set_passphrase(self, circle_id: str, passphrase: str) -> None:
        """The passphrase this vault opens and writes a passphrase circle's file with."""
        with self._db.session() as session:
            circle_row(session, circle_id).passphrase = passphrase

    def mark_synced(self, circle_id: str, file_hash: str) -> None:
        """The file was read and has nothing new: the vault's copy stands."""
        with self._db.session() as session:
            row = circle_row(session, circle_id)
            row.last_file_digest = file_hash
            row.last_synced_at = self._clock.now()

    def register(
        self,
        content: CircleContent,
        path: Path,
        passphrase: str | None,
        file_hash: str,
        dirty: bool,
    ) -> CircleInfo:
        document = encode_document(content)
        with self._db.session() as session:
            if session.get(CircleRow, content.circle_id) is not None:
                raise CircleError(said.ALREADY_IN, name=content.name)
            session.add(
                CircleRow(
                    id=content.circle_id,
                    name=content.name,
                    mode=content.mode,
                    file_path=str(path.absolute()),
                    passphrase=passphrase,
                    document=document,
                    last_file_digest=file_hash,
                    dirty=dirty,
                    joined_at=self._clock.now(),
                    last_synced_at=None if dirty else self._clock.now(),
                )
            )
        self._contents[content.circle_id] = content
        self._documents[content.circle_id] = hashlib.sha256(document).digest()
        return self.circle(content.circle_id)

    def remove(self, circle_id: str) -> None:
        """The circle's row (with its read marks and shares) and cached copy go."""
        with self._db.session() as session:
            session.delete(circle_row(session, circle_id))
        self._contents.pop(circle_id, None)
        self._documents.pop(circle_id, None)


def _trusted_content(document: bytes) -> CircleContent:
    """The vault's own copy: verified before it was stored, inside the encrypted database."""
    parsed = decode_document(document)
    content = CircleContent(parsed.genesis, parsed.cards)
    content.add(parsed.items)
    return content


def _normal(path: Path) -> str:
    return os.path.normcase(str(path.expanduser().absolute()))
