"""Journal search, attachments and templates.

Adds each entry's local day, import fingerprint and tag copy; the attachments and
journal_templates tables; and the FTS5 full-text index. The index is an external-content FTS5
table reading the entries through a view, kept in step by triggers, so it lives in the same
encrypted database (never a separate file) and no write path can forget to update it.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-01
"""

import hashlib
import unicodedata
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

# The view gives FTS5 the column names it indexes; content_rowid ties index rows to entry ids.
SEARCH_INDEX_SQL = (
    """
    CREATE VIEW journal_search_source AS
        SELECT id, title, body, tag_text AS tags FROM journal_entries
    """,
    """
    CREATE VIRTUAL TABLE journal_fts USING fts5(
        title, body, tags,
        content='journal_search_source', content_rowid='id',
        tokenize='porter unicode61 remove_diacritics 2',
        prefix='2 3'
    )
    """,
    # External content: FTS5 must be told the exact old values to remove a row.
    """
    CREATE TRIGGER journal_fts_after_insert AFTER INSERT ON journal_entries BEGIN
        INSERT INTO journal_fts (rowid, title, body, tags)
        VALUES (new.id, new.title, new.body, new.tag_text);
    END
    """,
    """
    CREATE TRIGGER journal_fts_after_delete AFTER DELETE ON journal_entries BEGIN
        INSERT INTO journal_fts (journal_fts, rowid, title, body, tags)
        VALUES ('delete', old.id, old.title, old.body, old.tag_text);
    END
    """,
    """
    CREATE TRIGGER journal_fts_after_update AFTER UPDATE OF title, body, tag_text
    ON journal_entries BEGIN
        INSERT INTO journal_fts (journal_fts, rowid, title, body, tags)
        VALUES ('delete', old.id, old.title, old.body, old.tag_text);
        INSERT INTO journal_fts (rowid, title, body, tags)
        VALUES (new.id, new.title, new.body, new.tag_text);
    END
    """,
)

_STORED_FORMAT = "%Y-%m-%dT%H:%M:%S.%fZ"  # UtcDateTime's text form


# A frozen copy of carecompanion.journal.fingerprint as it was when this migration was written:
# migrations import no domain code, which may change after them (a test checks the copy).
def _normalise_text(text: str) -> str:
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    return "\n".join(line.rstrip() for line in text.split("\n")).strip()


def entry_fingerprint(entry_at: datetime, title: str, body: str) -> str:
    minute = entry_at.astimezone(UTC).strftime("%Y-%m-%dT%H:%MZ")
    canonical = "\x1f".join((minute, _normalise_text(title), _normalise_text(body)))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def _backfill_entries() -> None:
    bind = op.get_bind()
    # The local time zone of the person who wrote them is unknown here: UTC is the best guess.
    bind.exec_driver_sql("UPDATE journal_entries SET entry_day = substr(entry_at, 1, 10)")
    bind.exec_driver_sql(
        """
        UPDATE journal_entries SET tag_text = coalesce((
            SELECT group_concat(name, char(10)) FROM (
                SELECT tags.name AS name FROM entry_tags JOIN tags ON tags.id = entry_tags.tag_id
                WHERE entry_tags.entry_id = journal_entries.id ORDER BY tags.name
            )
        ), '')
        """
    )
    rows = bind.exec_driver_sql("SELECT id, entry_at, title, body FROM journal_entries").all()
    for entry_id, entry_at, title, body in rows:
        when = datetime.strptime(entry_at, _STORED_FORMAT).replace(tzinfo=UTC)
        bind.exec_driver_sql(
            "UPDATE journal_entries SET fingerprint = ? WHERE id = ?",
            (entry_fingerprint(when, title, body), entry_id),
        )


def upgrade() -> None:
    op.add_column(
        "journal_entries",
        sa.Column("entry_day", sa.String(10), nullable=False, server_default=""),
    )
    op.add_column(
        "journal_entries",
        sa.Column("fingerprint", sa.String(64), nullable=False, server_default=""),
    )
    op.add_column(
        "journal_entries", sa.Column("tag_text", sa.Text, nullable=False, server_default="")
    )
    _backfill_entries()
    op.create_index("ix_journal_entries_entry_day", "journal_entries", ["entry_day"])
    op.create_index("ix_journal_entries_fingerprint", "journal_entries", ["fingerprint"])
    # Filters read ids from narrow indexes, never from the (wide) entry rows.
    op.create_index("ix_journal_entries_is_favourite", "journal_entries", ["is_favourite"])

    op.create_table(
        "attachments",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "entry_id",
            sa.Integer,
            sa.ForeignKey("journal_entries.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("uid", sa.String(32), nullable=False, unique=True),
        sa.Column("filename", sa.Text, nullable=False),
        sa.Column("mime_type", sa.String(255), nullable=False),
        sa.Column("size", sa.Integer, nullable=False),
        sa.Column("data", sa.LargeBinary, nullable=False),
        sa.Column("created_at", sa.String(32), nullable=False),
    )
    op.create_index("ix_attachments_entry_id", "attachments", ["entry_id"])

    op.create_table(
        "journal_templates",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("uid", sa.String(32), nullable=False, unique=True),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("body", sa.Text, nullable=False),
        sa.Column("tag_text", sa.Text, nullable=False),
        sa.Column("created_at", sa.String(32), nullable=False),
        sa.Column("updated_at", sa.String(32), nullable=False),
    )

    bind = op.get_bind()
    for statement in SEARCH_INDEX_SQL:
        bind.exec_driver_sql(statement)
    bind.exec_driver_sql("INSERT INTO journal_fts (journal_fts) VALUES ('rebuild')")


def downgrade() -> None:
    bind = op.get_bind()
    for name in (
        "journal_fts_after_update",
        "journal_fts_after_delete",
        "journal_fts_after_insert",
    ):
        bind.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name}")
    bind.exec_driver_sql("DROP TABLE IF EXISTS journal_fts")
    bind.exec_driver_sql("DROP VIEW IF EXISTS journal_search_source")
    op.drop_table("journal_templates")
    op.drop_index("ix_attachments_entry_id", table_name="attachments")
    op.drop_table("attachments")
    op.drop_index("ix_journal_entries_is_favourite", table_name="journal_entries")
    op.drop_index("ix_journal_entries_fingerprint", table_name="journal_entries")
    op.drop_index("ix_journal_entries_entry_day", table_name="journal_entries")
    # SQLite (3.35+) drops columns in place; no table copy, so 0001's indexes stay.
    op.drop_column("journal_entries", "tag_text")
    op.drop_column("journal_entries", "fingerprint")
    op.drop_column("journal_entries", "entry_day")
