"""One redaction list for every circle, and the names members were known by.

Each circle had its own list of words replaced in what is shared, so a name redacted for one
circle went out in another (issue 14, finding 13). The lists are merged into one, in the order
the circles were joined; a word in several lists keeps the replacement it had first. The
per-circle column goes. ``circle_known_names`` keeps the name this computer first saw for
each member, so a changed name shows as changed (finding 10).

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-02
"""

import json

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def _pairs(text: str) -> list[tuple[str, str]]:
    """A circle's old list, as stored (JSON [[word, replacement], ...]); anything else is no
    list (the app never wrote one)."""
    try:
        value = json.loads(text)
    except ValueError:
        return []
    if not isinstance(value, list):
        return []
    return [
        (pair[0], pair[1])
        for pair in value
        if isinstance(pair, list)
        and len(pair) == 2
        and isinstance(pair[0], str)
        and isinstance(pair[1], str)
    ]


def upgrade() -> None:
    redactions = op.create_table(
        "circle_redactions",
        sa.Column("position", sa.Integer, primary_key=True),
        sa.Column("word", sa.Text, nullable=False),
        sa.Column("replacement", sa.Text, nullable=False),
    )
    op.create_table(
        "circle_known_names",
        sa.Column(
            "circle_id",
            sa.String(32),
            sa.ForeignKey("circles.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("fingerprint", sa.String(32), primary_key=True),
        sa.Column("name", sa.Text, nullable=False),
    )
    rows = (
        op.get_bind()
        .execute(sa.text("SELECT redactions FROM circles ORDER BY joined_at, id"))
        .all()
    )
    merged: list[dict[str, object]] = []
    seen: set[str] = set()
    for (text,) in rows:
        for word, replacement in _pairs(text):
            key = " ".join(word.split()).casefold()
            if not key or key in seen:
                continue
            seen.add(key)
            merged.append({"position": len(merged), "word": word, "replacement": replacement})
    if merged:
        op.bulk_insert(redactions, merged)
    with op.batch_alter_table("circles") as batch:
        batch.drop_column("redactions")


def downgrade() -> None:
    pairs = (
        op.get_bind()
        .execute(sa.text("SELECT word, replacement FROM circle_redactions ORDER BY position"))
        .all()
    )
    with op.batch_alter_table("circles") as batch:
        batch.add_column(sa.Column("redactions", sa.Text, nullable=False, server_default="[]"))
    # Every circle gets the whole list back: none of them shares a redacted word.
    text = json.dumps([[word, replacement] for word, replacement in pairs], ensure_ascii=False)
    op.get_bind().execute(sa.text("UPDATE circles SET redactions = :text"), {"text": text})
    op.drop_table("circle_known_names")
    op.drop_table("circle_redactions")
