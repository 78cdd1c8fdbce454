"""Alembic environment: always run on a connection the app hands over (never from a URL),
because only the unlocked app knows the database key."""

from alembic import context

from carecompanion.storage.models import Base

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,  # SQLite alters tables by copying them
)
with context.begin_transaction():
    context.run_migrations()
