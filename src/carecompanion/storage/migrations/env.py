"""Alembic environment: always run on a connection the app hands over (never from a URL),
because only the unlocked app knows the database key.

Running the migrations needs no models: each revision says in full what it creates. So this
imports no domain code (storage sits below the domains). Comparing the models with the
schema (``alembic.autogenerate``, when writing a new revision) needs the complete metadata:
import every domain's ``models`` and hand ``Base.metadata`` in as the config attribute
``target_metadata``, as tests/helpers.py's ``complete_metadata`` does for the tests.
"""

from alembic import context

from carecompanion.storage.models import is_managed_by_hand

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=context.config.attributes.get("target_metadata"),
    render_as_batch=True,  # SQLite alters tables by copying them
    # The FTS5 index and its shadow tables are written by hand (migration 0002).
    include_name=lambda name, type_, _parents: not is_managed_by_hand(name, type_),
)
with context.begin_transaction():
    context.run_migrations()
