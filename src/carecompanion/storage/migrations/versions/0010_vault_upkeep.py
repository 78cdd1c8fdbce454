"""When the database's integrity was last checked (issue 17).

One row: when a check last passed (``checked_at``: the quick check or the full one) and when
the full check last passed (``full_checked_at``), both UTC ISO-8601 text, NULL for never.
The app runs the quick check in the background at most once a day and reads here whether one
is due; it lives inside the encrypted database, so no plaintext file says when the journal
was opened.

The table is the vault's, read and written by raw SQL there (vault/upkeep.py); no domain
models it (storage.models lists it as made by hand).

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-05
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    upkeep = op.create_table(
        "vault_upkeep",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("checked_at", sa.String(32), nullable=True),
        sa.Column("full_checked_at", sa.String(32), nullable=True),
        sa.CheckConstraint("id = 1", name="vault_upkeep_one_row"),
    )
    op.bulk_insert(upkeep, [{"id": 1, "checked_at": None, "full_checked_at": None}])


def downgrade() -> None:
    op.drop_table("vault_upkeep")
