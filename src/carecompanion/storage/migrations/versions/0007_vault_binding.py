"""The database's half of the header/database binding (issue 15).

One row: the generation of the vault header this database belongs with, and the one a
header write in progress is about to write (see carecompanion.vault.binding). A database
upgraded here belonged with a header of version 1, which has no generation: 0.

The table is the vault's, read and written by raw SQL there; no domain models it
(storage.models lists it as made by hand).

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-04
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    binding = op.create_table(
        "vault_binding",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("generation", sa.Integer, nullable=False),
        sa.Column("pending", sa.Integer, nullable=True),
        sa.CheckConstraint("id = 1", name="vault_binding_one_row"),
    )
    op.bulk_insert(binding, [{"id": 1, "generation": 0, "pending": None}])


def downgrade() -> None:
    op.drop_table("vault_binding")
