"""The journal tables, on the shared declarative ``Base`` (so Alembic sees one metadata).

Layout decisions:

- Tags are normalised (``tags`` and the ``entry_tags`` links): the filter menus count entries
  per tag, and a tag nobody uses any more is dropped. Each entry also keeps ``tag_text``, its
  tag names newline-separated, for the search index and for cheap timeline rows.
- Attachments are stored whole inside the encrypted database, never as files beside it; the
  data column is deferred, so listing them pulls no photos into memory.
- The full-text index (``journal_fts``) is an FTS5 table that SQLAlchemy cannot model:
  migration 0002 creates it by hand (0011 remakes it), with the triggers that keep it in step
  with ``journal_entries``, and ``repository`` queries it in raw SQL.
- An entry's body is stored packed (``PackedText``: deflated when that saves space), since
  1-3 KB rows left SQLCipher's 4 KB pages half empty; the index reads it unpacked in SQL.

Only the repository (and the search-index queries it uses) reads and writes these rows; the
service and everything above it see the frozen values of ``entries``.
"""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy import Column, ForeignKey, Index, Integer, LargeBinary, String, Table, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from carecompanion.journal.search_terms import SEARCH_INDEX_TABLE as SEARCH_INDEX_TABLE
from carecompanion.storage.models import Base
from carecompanion.storage.types import PackedText, UtcDateTime

# SEARCH_INDEX_TABLE: the FTS5 index over title, body and tags (migration 0002), and its
# shadow tables' prefix (journal_fts_data, _idx, _docsize, _config).

entry_tags = Table(
    "entry_tags",
    Base.metadata,
    Column(
        "entry_id", Integer, ForeignKey("journal_entries.id", ondelete="CASCADE"), primary_key=True
    ),
    Column("tag_id", Integer, ForeignKey("tags.id", ondelete="CASCADE"), primary_key=True),
    Index("ix_entry_tags_tag_id", "tag_id"),  # created by migration 0001
)


class EntryRow(Base):
    """A journal entry. Triggers (migration 0011) mirror title, body and tag_text into the
    FTS5 index; a future migration that rebuilds this table (Alembic's batch mode copies it)
    drops those triggers and must create them again (0011's PACKED_SEARCH_SOURCE)."""

    __tablename__ = "journal_entries"

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(String(32), unique=True)
    title: Mapped[str] = mapped_column(Text, default="")
    body: Mapped[str] = mapped_column(PackedText, default="")  # Markdown, packed
    entry_at: Mapped[datetime] = mapped_column(UtcDateTime, index=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime)
    is_favourite: Mapped[bool] = mapped_column(default=False, index=True)
    # The local calendar day (YYYY-MM-DD) the entry belongs to, fixed when it is written:
    # an entry made at 23:30 stays on that evening even if the user later changes time zone.
    entry_day: Mapped[str] = mapped_column(String(10), index=True, server_default="")
    # Where the entry was written (migration 0009): an IANA name, or an offset ("+09:00")
    # when only that is known. Its day and clock time are shown in this zone wherever the
    # journal is read; NULL (entries written before 0009) means this computer's zone.
    time_zone: Mapped[str | None] = mapped_column(String(64), nullable=True)
    # An entry about a whole day, not a moment (Day One's isAllDay): shown without a time.
    is_all_day: Mapped[bool] = mapped_column(default=False, server_default=sa.false())
    # sha256 of the normalised date, title and body: how imports recognise duplicates.
    fingerprint: Mapped[str] = mapped_column(String(64), index=True, server_default="")
    # The tag names, newline-separated in display order: a copy of entry_tags kept for the
    # search index (FTS5 reads it through a view) and for cheap timeline rows.
    tag_text: Mapped[str] = mapped_column(Text, server_default="")

    tags: Mapped[list[TagRow]] = relationship(
        secondary=entry_tags, back_populates="entries", order_by="TagRow.name"
    )
    attachments: Mapped[list[AttachmentRow]] = relationship(
        back_populates="entry",
        order_by="AttachmentRow.id",
        cascade="all, delete-orphan",
        passive_deletes=True,
    )


class TagRow(Base):
    __tablename__ = "tags"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200, collation="NOCASE"), unique=True)

    entries: Mapped[list[EntryRow]] = relationship(secondary=entry_tags, back_populates="tags")


class AttachmentRow(Base):
    """A photo or document, stored whole inside the encrypted database (never as a file)."""

    __tablename__ = "attachments"

    id: Mapped[int] = mapped_column(primary_key=True)
    entry_id: Mapped[int] = mapped_column(
        ForeignKey("journal_entries.id", ondelete="CASCADE"), index=True
    )
    uid: Mapped[str] = mapped_column(String(32), unique=True)
    filename: Mapped[str] = mapped_column(Text)
    mime_type: Mapped[str] = mapped_column(String(255))
    size: Mapped[int] = mapped_column()
    # Deferred: listing attachments must not pull megabytes of photos into memory.
    data: Mapped[bytes] = mapped_column(LargeBinary, deferred=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)

    entry: Mapped[EntryRow] = relationship(back_populates="attachments")


class TemplateRow(Base):
    """A user's own entry template (the built-in ones live in code and are never stored)."""

    __tablename__ = "journal_templates"

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(Text)
    title: Mapped[str] = mapped_column(Text, default="")
    body: Mapped[str] = mapped_column(Text, default="")  # Markdown
    tag_text: Mapped[str] = mapped_column(Text, default="")  # newline-separated
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime)
