"""Alembic environment: always run on a connection the app hands over (never from a URL),
because only the unlocked app knows the database key."""

from alembic import context

import carecompanion.circle.models  # the circle tables belong to the same metadata
import carecompanion.mood.models  # and the mood tables
import carecompanion.people.models  # noqa: F401  # and the people tables
from carecompanion.storage.models import Base, is_managed_by_hand

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,  # SQLite alters tables by copying them
    # The FTS5 index and its shadow tables are written by hand (migration 0002).
    include_name=lambda name, type_, _parents: not is_managed_by_hand(name, type_),
)
with context.begin_transaction():
    context.run_migrations()
