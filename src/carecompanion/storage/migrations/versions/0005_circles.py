"""Caregiver circles: the member identity, registered circles with their last merged
document, read markers, and which journal entry each shared record came from.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-25
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "circle_identity",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("signing_seed", sa.LargeBinary, nullable=False),
        sa.Column("age_identity", sa.Text, nullable=False),
        sa.Column("created", sa.String(32), nullable=False),
    )
    op.create_table(
        "circles",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("mode", sa.String(16), nullable=False),
        sa.Column("file_path", sa.Text, nullable=False),
        sa.Column("passphrase", sa.Text, nullable=True),
        sa.Column("redactions", sa.Text, nullable=False),
        sa.Column("document", sa.LargeBinary, nullable=False),
        sa.Column("last_file_digest", sa.String(64), nullable=False),
        sa.Column("dirty", sa.Boolean, nullable=False),
        sa.Column("joined_at", sa.String(32), nullable=False),
        sa.Column("last_synced_at", sa.String(32), nullable=True),
    )
    op.create_table(
        "circle_read_marks",
        sa.Column(
            "circle_id",
            sa.String(32),
            sa.ForeignKey("circles.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("record_id", sa.String(24), primary_key=True),
        sa.Column("version", sa.Integer, nullable=False),
    )
    op.create_table(
        "circle_shares",
        sa.Column(
            "circle_id",
            sa.String(32),
            sa.ForeignKey("circles.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("record_id", sa.String(24), primary_key=True),
        sa.Column("entry_id", sa.Integer, nullable=False),
        sa.Column("entry_updated_at", sa.String(32), nullable=False),
    )
    op.create_index("ix_circle_shares_entry_id", "circle_shares", ["entry_id"])


def downgrade() -> None:
    op.drop_index("ix_circle_shares_entry_id", table_name="circle_shares")
    op.drop_table("circle_shares")
    op.drop_table("circle_read_marks")
    op.drop_table("circles")
    op.drop_table("circle_identity")
