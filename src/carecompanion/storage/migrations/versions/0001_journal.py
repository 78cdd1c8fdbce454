"""The first tables: journal entries and tags.

Revision ID: 0001
Revises:
Create Date: 2026-11-25
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "journal_entries",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("uid", sa.String(32), nullable=False, unique=True),
        sa.Column("title", sa.Text, nullable=False, server_default=""),
        sa.Column("body", sa.Text, nullable=False, server_default=""),
        sa.Column("entry_at", sa.String(32), nullable=False),
        sa.Column("created_at", sa.String(32), nullable=False),
        sa.Column("updated_at", sa.String(32), nullable=False),
        sa.Column("is_favourite", sa.Boolean, nullable=False, server_default=sa.false()),
    )
    op.create_index("ix_journal_entries_entry_at", "journal_entries", ["entry_at"])
    op.create_table(
        "tags",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.String(200, collation="NOCASE"), nullable=False, unique=True),
    )
    op.create_table(
        "entry_tags",
        sa.Column(
            "entry_id",
            sa.Integer,
            sa.ForeignKey("journal_entries.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column(
            "tag_id", sa.Integer, sa.ForeignKey("tags.id", ondelete="CASCADE"), primary_key=True
        ),
    )
    op.create_index("ix_entry_tags_tag_id", "entry_tags", ["tag_id"])


def downgrade() -> None:
    op.drop_table("entry_tags")
    op.drop_table("tags")
    op.drop_index("ix_journal_entries_entry_at", table_name="journal_entries")
    op.drop_table("journal_entries")
