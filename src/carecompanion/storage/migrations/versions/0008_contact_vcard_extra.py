"""What an imported vCard held beyond a contact's fields (issue 16).

ORG, BDAY, CATEGORIES, KIND, the structured name (N) and each address's fields and TYPE were
lost on import; they are now kept, as read, in one column of JSON next to the contact and
written back on export (carecompanion.people.vcard_extra). Contacts imported before keep
nothing: "" (their files were read with the old rules).

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-04
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column(
        "people_contacts",
        sa.Column("vcard_extra", sa.Text, nullable=False, server_default=""),
    )


def downgrade() -> None:
    with op.batch_alter_table("people_contacts") as batch:
        batch.drop_column("vcard_extra")
