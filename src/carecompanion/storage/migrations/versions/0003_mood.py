"""Mood and well-being: check-ins, self-care activities, emotions, self-checks, support contacts.

Seeds the default self-care activities (a frozen copy: carecompanion.mood.defaults may change
later, this migration must not).

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-02
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

DEFAULT_ACTIVITIES = (
    "A walk",
    "Talked to a friend",
    "Respite",
    "Exercise",
    "Time for a hobby",
    "Support group meeting",
    "Rest",
    "Time outdoors",
    "Time with family",
    "Meditation or prayer",
    "Music",
)


def upgrade() -> None:
    activities = op.create_table(
        "mood_activities",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.String(80, collation="NOCASE"), nullable=False, unique=True),
        sa.Column("position", sa.Integer, nullable=False, server_default="0"),
        sa.Column("archived", sa.Boolean, nullable=False, server_default=sa.false()),
    )
    op.create_table(
        "mood_checkins",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("uid", sa.String(32), nullable=False, unique=True),
        sa.Column("at", sa.String(32), nullable=False),
        sa.Column("day", sa.String(10), nullable=False),
        sa.Column("mood", sa.Integer, nullable=False),
        sa.Column("stress", sa.Integer, nullable=True),
        sa.Column("sleep_hours", sa.Float, nullable=True),
        sa.Column("energy", sa.Integer, nullable=True),
        sa.Column("care_hours", sa.Float, nullable=True),
        sa.Column("note", sa.Text, nullable=False, server_default=""),
        sa.Column(
            "entry_id",
            sa.Integer,
            sa.ForeignKey("journal_entries.id", ondelete="SET NULL"),
            nullable=True,
        ),
        sa.Column("source", sa.String(16), nullable=False, server_default="app"),
        sa.Column("fingerprint", sa.String(64), nullable=False),
        sa.Column("created_at", sa.String(32), nullable=False),
        sa.Column("updated_at", sa.String(32), nullable=False),
        sa.CheckConstraint("mood BETWEEN 1 AND 5", name="ck_mood_checkins_mood"),
        sa.CheckConstraint(
            "stress IS NULL OR stress BETWEEN 0 AND 10", name="ck_mood_checkins_stress"
        ),
        sa.CheckConstraint(
            "energy IS NULL OR energy BETWEEN 0 AND 10", name="ck_mood_checkins_energy"
        ),
        sa.CheckConstraint(
            "sleep_hours IS NULL OR sleep_hours BETWEEN 0 AND 24",
            name="ck_mood_checkins_sleep_hours",
        ),
        sa.CheckConstraint(
            "care_hours IS NULL OR care_hours BETWEEN 0 AND 24", name="ck_mood_checkins_care_hours"
        ),
    )
    op.create_index("ix_mood_checkins_at", "mood_checkins", ["at"])
    op.create_index("ix_mood_checkins_day", "mood_checkins", ["day"])
    op.create_index("ix_mood_checkins_entry_id", "mood_checkins", ["entry_id"])
    op.create_index("ix_mood_checkins_fingerprint", "mood_checkins", ["fingerprint"])

    op.create_table(
        "mood_checkin_activities",
        sa.Column(
            "checkin_id",
            sa.Integer,
            sa.ForeignKey("mood_checkins.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column(
            "activity_id",
            sa.Integer,
            sa.ForeignKey("mood_activities.id", ondelete="CASCADE"),
            primary_key=True,
        ),
    )
    op.create_index(
        "ix_mood_checkin_activities_activity_id", "mood_checkin_activities", ["activity_id"]
    )
    op.create_table(
        "mood_checkin_emotions",
        sa.Column(
            "checkin_id",
            sa.Integer,
            sa.ForeignKey("mood_checkins.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("name", sa.String(80), primary_key=True),
        sa.Column("position", sa.Integer, nullable=False, server_default="0"),
    )
    op.create_table(
        "mood_assessments",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("uid", sa.String(32), nullable=False, unique=True),
        sa.Column("instrument", sa.String(32), nullable=False),
        sa.Column("taken_at", sa.String(32), nullable=False),
        sa.Column("day", sa.String(10), nullable=False),
        sa.Column("answers", sa.Text, nullable=False),
        sa.Column("score", sa.Integer, nullable=False),
        sa.Column("high", sa.Boolean, nullable=True),
        sa.Column("interpretation", sa.Text, nullable=False, server_default=""),
        sa.Column("created_at", sa.String(32), nullable=False),
    )
    op.create_index("ix_mood_assessments_instrument", "mood_assessments", ["instrument"])
    op.create_index("ix_mood_assessments_taken_at", "mood_assessments", ["taken_at"])
    op.create_table(
        "mood_support_contacts",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("reach", sa.Text, nullable=False, server_default=""),
        sa.Column("kind", sa.String(16), nullable=False, server_default="person"),
        sa.Column("position", sa.Integer, nullable=False, server_default="0"),
    )
    op.create_table(
        "mood_settings",
        sa.Column("key", sa.String(64), primary_key=True),
        sa.Column("value", sa.Text, nullable=False, server_default=""),
    )
    op.bulk_insert(
        activities,
        [
            {"name": name, "position": position, "archived": False}
            for position, name in enumerate(DEFAULT_ACTIVITIES)
        ],
    )


def downgrade() -> None:
    op.drop_table("mood_settings")
    op.drop_table("mood_support_contacts")
    op.drop_index("ix_mood_assessments_taken_at", table_name="mood_assessments")
    op.drop_index("ix_mood_assessments_instrument", table_name="mood_assessments")
    op.drop_table("mood_assessments")
    op.drop_table("mood_checkin_emotions")
    op.drop_index("ix_mood_checkin_activities_activity_id", table_name="mood_checkin_activities")
    op.drop_table("mood_checkin_activities")
    for name in ("fingerprint", "entry_id", "day", "at"):
        op.drop_index(f"ix_mood_checkins_{name}", table_name="mood_checkins")
    op.drop_table("mood_checkins")
    op.drop_table("mood_activities")
