"""Schema migrations through Alembic, run on the app's own (unlocked) connection.

Imported only when a migration is due (or a test asks): whether one is due is answered
without Alembic, by ``storage/schema_version.py``, whose names are also re-exported here.
"""

from __future__ import annotations

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.engine import Engine

from carecompanion.storage import compaction, schema_version
from carecompanion.storage.errors import NewerVaultVersion
from carecompanion.storage.schema_version import SchemaState as SchemaState
from carecompanion.storage.schema_version import schema_state as schema_state

#: The script folder, for reading (a test that adds a revision patches schema_version's).
MIGRATIONS_DIR = schema_version.MIGRATIONS_DIR


def _config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(schema_version.MIGRATIONS_DIR))
    return config


def head_revision() -> str:
    head = ScriptDirectory.from_config(_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def alembic_schema_state(engine: Engine) -> SchemaState:
    """Alembic's own answer, from its reading of every migration (``schema_state`` asks
    it whenever the database is not at the head it reads from the files)."""
    current = current_revision(engine)
    if current is None:
        return SchemaState.EMPTY
    script = ScriptDirectory.from_config(_config())
    if current == script.get_current_head():
        return SchemaState.CURRENT
    known = {rev.revision for rev in script.walk_revisions()}
    return SchemaState.OLDER if current in known else SchemaState.NEWER


def upgrade(engine: Engine, revision: str = "head") -> None:
    if schema_state(engine) is SchemaState.NEWER:
        raise NewerVaultVersion()
    config = _config()
    before = current_revision(engine)
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, revision)
    if before is not None and _rewrote_the_journal(config, before, revision):
        # Rows rewritten in place leave their pages part empty, not free: only VACUUM packs
        # them again. Once, after the migration that did it.
        compaction.compact(engine, when_free=0.0)


def _rewrote_the_journal(config: Config, before: str, after: str) -> bool:
    """Whether a migration run from ``before`` up to ``after`` says it rewrites much of the
    database (its module sets ``REWRITES_THE_JOURNAL = True``)."""
    script = ScriptDirectory.from_config(config)
    return any(
        getattr(step.module, "REWRITES_THE_JOURNAL", False)
        for step in script.iterate_revisions(after, before)
    )


def downgrade(engine: Engine, revision: str) -> None:
    config = _config()
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, revision)
