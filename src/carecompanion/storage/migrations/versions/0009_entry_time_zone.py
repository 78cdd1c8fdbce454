"""Each journal entry keeps its own time zone, and whether it is an all-day entry (issue 16).

``time_zone``: where the entry was written, an IANA name ("America/New_York") or, when only
an offset is known (a date in a file that carries one), the offset itself ("+09:00"). The
entry's day and clock time are shown in it, wherever the journal is read. NULL, for every
entry written before this migration, means "this computer's zone", as before: their days
were fixed in it and they read the same as they always did.

``is_all_day``: Day One's ``isAllDay``, an entry about a day rather than a moment; shown
without a time.

Both live inside the encrypted database, like every other column.

The downgrade drops the columns with SQLite's own ``ALTER TABLE ... DROP COLUMN`` (3.35+),
not Alembic's batch mode: a batch rebuild of journal_entries would drop the search index's
triggers (migration 0002).

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-05
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("journal_entries", sa.Column("time_zone", sa.String(64), nullable=True))
    op.add_column(
        "journal_entries",
        sa.Column("is_all_day", sa.Boolean, nullable=False, server_default=sa.false()),
    )


def downgrade() -> None:
    op.execute("ALTER TABLE journal_entries DROP COLUMN is_all_day")
    op.execute("ALTER TABLE journal_entries DROP COLUMN time_zone")
