"""Is the database's schema the one this code writes? Answered without Alembic.

Alembic and Mako (and, through Mako, Pygments) take about 80 ms to import, so every command
paid that for a check that needs one number: the revision in ``alembic_version`` against the
newest migration file's. That number is read here with one query, and the newest revision
from the migration files' own ``revision = "…"`` lines. Only a database that is not current
(a migration is due, or it was written by a newer version of the app) brings Alembic in, and
Alembic's own reading of the migrations then decides (``storage/migrate.py``): this module
can only ever say "current", never mistake an older or newer schema for it.
"""

from __future__ import annotations

import enum
import functools
import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

#: The Alembic script folder (its versions/ holds one file per revision). Alembic reads it
#: from here too (storage/migrate.py), so a test that adds a revision patches this one name.
MIGRATIONS_DIR = Path(__file__).with_name("migrations")

_REVISION = re.compile(r"""^revision(?:\s*:[^=\n]*)?\s*=\s*["']([^"'\n]+)["']""", re.MULTILINE)
_DOWN_REVISION = re.compile(
    r"""^down_revision(?:\s*:[^=\n]*)?\s*=\s*(?:None|["']([^"'\n]+)["'])\s*$""", re.MULTILINE
)


class SchemaState(enum.Enum):
    EMPTY = "empty"
    CURRENT = "current"
    OLDER = "older"
    NEWER = "newer"


def head_revision() -> str | None:
    """The newest migration's revision, read from the files; None when the files do not say
    it plainly (a revision with several parents, a branch): then Alembic is asked."""
    return _head_in(MIGRATIONS_DIR / "versions")


@functools.cache
def _head_in(versions: Path) -> str | None:
    revisions: set[str] = set()
    parents: set[str] = set()
    for script in sorted(versions.glob("*.py")):
        text = script.read_text(encoding="utf-8")
        revision = _REVISION.findall(text)
        if not revision:
            continue  # __init__.py, or a helper module: not a migration
        down = _DOWN_REVISION.findall(text)
        if len(revision) != 1 or len(down) != 1:
            return None
        revisions.add(revision[0])
        if down[0]:
            parents.add(down[0])
    heads = revisions - parents
    return heads.pop() if len(heads) == 1 else None


def current_revision(engine: Engine) -> str | None:
    """The revision the database says it is at (None: an empty database, never migrated)."""
    with engine.connect() as conn:
        return revision_in(lambda sql: conn.exec_driver_sql(sql).all())


def revision_in(rows: Callable[[str], Sequence[Sequence[Any]]]) -> str | None:
    """``current_revision`` through ``rows`` (runs one statement, returns its rows): on the
    engine, or on the command line's bare connection (cli/quick_read.py)."""
    has_table = rows(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'"
    )
    if not has_table:
        return None
    found = rows("SELECT version_num FROM alembic_version")
    if not found:
        return None
    # Several rows would be several heads: never equal to ours, so Alembic decides.
    return "+".join(sorted(str(row[0]) for row in found))


def schema_state(engine: Engine) -> SchemaState:
    current = current_revision(engine)
    if current is None:
        return SchemaState.EMPTY
    if current == head_revision():
        return SchemaState.CURRENT
    # Not current: a migration is due, or this vault is newer than the app. Alembic's reading
    # of the migrations says which (and the caller needs Alembic now anyway to upgrade).
    from carecompanion.storage import migrate

    return migrate.alembic_schema_state(engine)
