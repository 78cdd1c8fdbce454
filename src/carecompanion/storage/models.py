"""The ORM models. Every table lives inside the SQLCipher-encrypted database."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Column, ForeignKey, Index, Integer, LargeBinary, String, Table, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from carecompanion.storage.types import UtcDateTime

# The full-text index is an FTS5 virtual table plus the shadow tables FTS5 creates for it
# (journal_fts_data, _idx, _docsize, _config). SQLAlchemy cannot model them, so migrations
# create them by hand and schema comparison leaves them out (see is_managed_by_hand).
SEARCH_INDEX_TABLE = "journal_fts"


def is_managed_by_hand(name: str | None, type_: str) -> bool:
    """True for schema objects created by raw SQL in the migrations, not by these models."""
    return (
        type_ == "table"
        and name is not None
        and (name == SEARCH_INDEX_TABLE or name.startswith(SEARCH_INDEX_TABLE + "_"))
    )


class Base(DeclarativeBase):
    pass


entry_tags = Table(
    "entry_tags",
    Base.metadata,
    Column(
        "entry_id", Integer, ForeignKey("journal_entries.id", ondelete="CASCADE"), primary_key=True
    ),
    Column("tag_id", Integer, ForeignKey("tags.id", ondelete="CASCADE"), primary_key=True),
    Index("ix_entry_tags_tag_id", "tag_id"),  # created by migration 0001
)


class JournalEntry(Base):
    """A journal entry. Triggers (migration 0002) mirror title, body and tag_text into the
    FTS5 index; a future migration that rebuilds this table (Alembic's batch mode copies it)
    drops those triggers and must create them again (0002's SEARCH_INDEX_SQL)."""

    __tablename__ = "journal_entries"

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(String(32), unique=True)
    title: Mapped[str] = mapped_column(Text, default="")
    body: Mapped[str] = mapped_column(Text, default="")  # Markdown
    entry_at: Mapped[datetime] = mapped_column(UtcDateTime, index=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime)
    is_favourite: Mapped[bool] = mapped_column(default=False, index=True)
    # The local calendar day (YYYY-MM-DD) the entry belongs to, fixed when it is written:
    # an entry made at 23:30 stays on that evening even if the user later changes time zone.
    entry_day: Mapped[str] = mapped_column(String(10), index=True, server_default="")
    # sha256 of the normalised date, title and body: how imports recognise duplicates.
    fingerprint: Mapped[str] = mapped_column(String(64), index=True, server_default="")
    # The tag names, newline-separated in display order: a copy of entry_tags kept for the
    # search index (FTS5 reads it through a view) and for cheap timeline rows.
    tag_text: Mapped[str] = mapped_column(Text, server_default="")

    tags: Mapped[list[Tag]] = relationship(
        secondary=entry_tags, back_populates="entries", order_by="Tag.name"
    )
    attachments: Mapped[list[Attachment]] = relationship(
        back_populates="entry",
        order_by="Attachment.id",
        cascade="all, delete-orphan",
        passive_deletes=True,
    )


class Tag(Base):
    __tablename__ = "tags"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200, collation="NOCASE"), unique=True)

    entries: Mapped[list[JournalEntry]] = relationship(secondary=entry_tags, back_populates="tags")


class Attachment(Base):
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

    entry: Mapped[JournalEntry] = relationship(back_populates="attachments")


class JournalTemplate(Base):
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
