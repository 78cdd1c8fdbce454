"""People and peer groups: contacts, their phones, e-mails and "how they help", the contact
log, support groups with members and meeting schedules, crisis lines, people settings.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-09
"""

from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def _contact_child(name: str, *columns: sa.Column[Any]) -> None:
    op.create_table(
        name,
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "contact_id",
            sa.Integer,
            sa.ForeignKey("people_contacts.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("position", sa.Integer, nullable=False),
        *columns,
    )
    op.create_index(f"ix_{name}_contact_id", name, ["contact_id"])


def upgrade() -> None:
    op.create_table(
        "people_contacts",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("uid", sa.String(64), nullable=False, unique=True),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("relation", sa.String(16), nullable=False),
        sa.Column("role", sa.Text, nullable=False),
        sa.Column("address", sa.Text, nullable=False),
        sa.Column("notes", sa.Text, nullable=False),
        sa.Column("best_times", sa.Text, nullable=False),
        sa.Column("is_emergency", sa.Boolean, nullable=False),
        sa.Column("check_in_days", sa.Integer, nullable=True),
        sa.Column("photo", sa.LargeBinary, nullable=True),
        sa.Column("photo_type", sa.String(32), nullable=False),
        sa.Column("created_at", sa.String(32), nullable=False),
        sa.Column("updated_at", sa.String(32), nullable=False),
        sa.CheckConstraint(
            "check_in_days IS NULL OR check_in_days BETWEEN 1 AND 3650",
            name="ck_people_contacts_check_in_days",
        ),
    )
    op.create_index("ix_people_contacts_is_emergency", "people_contacts", ["is_emergency"])
    _contact_child(
        "people_contact_phones",
        sa.Column("number", sa.Text, nullable=False),
        sa.Column("kind", sa.Text, nullable=False),
    )
    _contact_child(
        "people_contact_emails",
        sa.Column("address", sa.Text, nullable=False),
        sa.Column("kind", sa.Text, nullable=False),
    )
    op.create_table(
        "people_contact_helps",
        sa.Column(
            "contact_id",
            sa.Integer,
            sa.ForeignKey("people_contacts.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("position", sa.Integer, primary_key=True),
        sa.Column("text", sa.Text, nullable=False),
    )
    op.create_table(
        "people_contact_log",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "contact_id",
            sa.Integer,
            sa.ForeignKey("people_contacts.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("at", sa.String(32), nullable=False),
        sa.Column("note", sa.Text, nullable=False),
        sa.Column("created_at", sa.String(32), nullable=False),
    )
    op.create_index("ix_people_contact_log_contact_id", "people_contact_log", ["contact_id"])
    op.create_index("ix_people_contact_log_at", "people_contact_log", ["at"])

    op.create_table(
        "people_groups",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("uid", sa.String(64), nullable=False, unique=True),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("location", sa.Text, nullable=False),
        sa.Column(
            "facilitator_id",
            sa.Integer,
            sa.ForeignKey("people_contacts.id", ondelete="SET NULL"),
            nullable=True,
        ),
        sa.Column("notes", sa.Text, nullable=False),
        sa.Column("created_at", sa.String(32), nullable=False),
        sa.Column("updated_at", sa.String(32), nullable=False),
    )
    op.create_index("ix_people_groups_facilitator_id", "people_groups", ["facilitator_id"])
    op.create_table(
        "people_group_members",
        sa.Column(
            "group_id",
            sa.Integer,
            sa.ForeignKey("people_groups.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column(
            "contact_id",
            sa.Integer,
            sa.ForeignKey("people_contacts.id", ondelete="CASCADE"),
            primary_key=True,
        ),
    )
    op.create_index("ix_people_group_members_contact_id", "people_group_members", ["contact_id"])
    op.create_table(
        "people_group_schedules",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "group_id",
            sa.Integer,
            sa.ForeignKey("people_groups.id", ondelete="CASCADE"),
            nullable=False,
            unique=True,
        ),
        sa.Column("frequency", sa.String(8), nullable=False),
        sa.Column("interval", sa.Integer, nullable=False),
        sa.Column("week_of_month", sa.Integer, nullable=True),
        sa.Column("first_date", sa.String(10), nullable=False),
        sa.Column("start_time", sa.String(5), nullable=False),
        sa.Column("duration_minutes", sa.Integer, nullable=False),
        sa.Column("tz", sa.String(64), nullable=False),
        sa.Column("until_date", sa.String(10), nullable=True),
        sa.CheckConstraint(
            "frequency IN ('once', 'weekly', 'monthly')", name="ck_people_group_schedules_frequency"
        ),
        sa.CheckConstraint("interval BETWEEN 1 AND 52", name="ck_people_group_schedules_interval"),
        sa.CheckConstraint(
            "duration_minutes BETWEEN 1 AND 1440", name="ck_people_group_schedules_duration"
        ),
    )
    op.create_table(
        "people_schedule_exceptions",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "schedule_id",
            sa.Integer,
            sa.ForeignKey("people_group_schedules.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("original_date", sa.String(10), nullable=False),
        sa.Column("cancelled", sa.Boolean, nullable=False),
        sa.Column("new_date", sa.String(10), nullable=True),
        sa.Column("new_time", sa.String(5), nullable=True),
        sa.Column("duration_minutes", sa.Integer, nullable=True),
        sa.Column("note", sa.Text, nullable=False),
        sa.UniqueConstraint(
            "schedule_id", "original_date", name="uq_people_schedule_exceptions_day"
        ),
    )
    op.create_table(
        "people_crisis_resources",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("phone", sa.Text, nullable=False),
        sa.Column("text_number", sa.Text, nullable=False),
        sa.Column("url", sa.Text, nullable=False),
        sa.Column("hours", sa.Text, nullable=False),
        sa.Column("description", sa.Text, nullable=False),
        sa.Column("source_url", sa.Text, nullable=False),
    )
    op.create_table(
        "people_settings",
        sa.Column("key", sa.String(64), primary_key=True),
        sa.Column("value", sa.Text, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("people_settings")
    op.drop_table("people_crisis_resources")
    op.drop_table("people_schedule_exceptions")
    op.drop_table("people_group_schedules")
    op.drop_index("ix_people_group_members_contact_id", table_name="people_group_members")
    op.drop_table("people_group_members")
    op.drop_index("ix_people_groups_facilitator_id", table_name="people_groups")
    op.drop_table("people_groups")
    op.drop_index("ix_people_contact_log_at", table_name="people_contact_log")
    op.drop_index("ix_people_contact_log_contact_id", table_name="people_contact_log")
    op.drop_table("people_contact_log")
    op.drop_table("people_contact_helps")
    for name in ("people_contact_emails", "people_contact_phones"):
        op.drop_index(f"ix_{name}_contact_id", table_name=name)
        op.drop_table(name)
    op.drop_index("ix_people_contacts_is_emergency", table_name="people_contacts")
    op.drop_table("people_contacts")
