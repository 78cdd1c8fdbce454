"""The circle tables, on the shared declarative ``Base`` (so Alembic sees one metadata).

Layout decisions:

- The member identity is one row: both secret keys live only inside the encrypted database.
- Each circle keeps its last merged document (the decrypted, compressed payload) as one
  blob. It is what the Circle page reads offline, what the next sync merges with (so a rolled
  back or truncated file loses nothing), and what says which items were already verified.
- Read markers and the link from a shared record back to the journal entry it came from are
  small tables of their own.
- The redaction list (words replaced in everything shared) is one list for every circle
  (migration 0006 merged the per-circle lists): a name redacted once never goes out elsewhere.
- The name this computer knew each member by, so a changed name shows as changed.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from carecompanion.storage.models import Base
from carecompanion.storage.types import UtcDateTime


class IdentityRow(Base):
    __tablename__ = "circle_identity"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    signing_seed: Mapped[bytes] = mapped_column(LargeBinary)
    age_identity: Mapped[str] = mapped_column(Text)
    created: Mapped[str] = mapped_column(String(32))


class CircleRow(Base):
    __tablename__ = "circles"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    mode: Mapped[str] = mapped_column(String(16))
    file_path: Mapped[str] = mapped_column(Text)
    passphrase: Mapped[str | None] = mapped_column(Text)
    document: Mapped[bytes] = mapped_column(LargeBinary, deferred=True)
    last_file_digest: Mapped[str] = mapped_column(String(64), default="")
    dirty: Mapped[bool] = mapped_column(Boolean, default=False)
    joined_at: Mapped[datetime] = mapped_column(UtcDateTime)
    last_synced_at: Mapped[datetime | None] = mapped_column(UtcDateTime)


class ReadMarkRow(Base):
    __tablename__ = "circle_read_marks"

    circle_id: Mapped[str] = mapped_column(
        String(32), ForeignKey("circles.id", ondelete="CASCADE"), primary_key=True
    )
    record_id: Mapped[str] = mapped_column(String(24), primary_key=True)
    version: Mapped[int] = mapped_column(Integer)


class ShareRow(Base):
    __tablename__ = "circle_shares"

    circle_id: Mapped[str] = mapped_column(
        String(32), ForeignKey("circles.id", ondelete="CASCADE"), primary_key=True
    )
    record_id: Mapped[str] = mapped_column(String(24), primary_key=True)
    entry_id: Mapped[int] = mapped_column(Integer, index=True)
    entry_updated_at: Mapped[datetime] = mapped_column(UtcDateTime)


class RedactionRow(Base):
    """One word of the redaction list and what replaces it, in the order the person gave."""

    __tablename__ = "circle_redactions"

    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    word: Mapped[str] = mapped_column(Text)
    replacement: Mapped[str] = mapped_column(Text)


class KnownNameRow(Base):
    __tablename__ = "circle_known_names"

    circle_id: Mapped[str] = mapped_column(
        String(32), ForeignKey("circles.id", ondelete="CASCADE"), primary_key=True
    )
    fingerprint: Mapped[str] = mapped_column(String(32), primary_key=True)
    name: Mapped[str] = mapped_column(Text)
