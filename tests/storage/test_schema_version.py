"""The schema version read without Alembic (storage/schema_version.py), and Alembic asked
whenever that reading is not "current"."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from carecompanion.storage import migrate, schema_version
from carecompanion.storage.database import Database
from carecompanion.storage.schema_version import SchemaState

REVISION = '''"""{doc}"""

revision{annotation} = "{revision}"
down_revision{annotation} = {down}
branch_labels = None
depends_on = None
'''


@pytest.fixture
def database(tmp_path: Path) -> Iterator[Database]:
    db = Database(tmp_path / "version.db", os.urandom(32))
    yield db
    db.close()


def _write(folder: Path, revision: str, down: str | None, annotation: str = "") -> None:
    folder.mkdir(parents=True, exist_ok=True)
    text = REVISION.format(
        doc=f"revision {revision}",
        annotation=annotation,
        revision=revision,
        down="None" if down is None else f'"{down}"',
    )
    (folder / f"{revision}_test.py").write_text(text)


def test_the_files_say_the_same_head_as_alembic() -> None:
    assert schema_version.head_revision() == migrate.head_revision()


def test_annotated_revisions_are_read_too(tmp_path: Path) -> None:
    versions = tmp_path / "migrations" / "versions"
    _write(versions, "a1", None, annotation=": str")
    _write(versions, "b2", "a1", annotation=": str | None")
    (versions / "__init__.py").write_text("")
    assert schema_version._head_in(versions) == "b2"


def test_a_branch_is_left_to_alembic(tmp_path: Path) -> None:
    versions = tmp_path / "migrations" / "versions"
    _write(versions, "a1", None)
    _write(versions, "b2", "a1")
    _write(versions, "c3", "a1")  # two heads: the files do not say plainly which is newest
    assert schema_version._head_in(versions) is None


def test_states_without_and_with_alembic(database: Database) -> None:
    assert schema_version.current_revision(database.engine) is None
    assert schema_version.schema_state(database.engine) is SchemaState.EMPTY
    migrate.upgrade(database.engine)
    assert schema_version.current_revision(database.engine) == migrate.head_revision()
    assert schema_version.schema_state(database.engine) is SchemaState.CURRENT

    previous = migrate.head_revision()
    migrate.downgrade(database.engine, "-1")
    assert schema_version.current_revision(database.engine) != previous
    assert schema_version.schema_state(database.engine) is SchemaState.OLDER

    with database.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = 'from-a-newer-app'")
    assert schema_version.schema_state(database.engine) is SchemaState.NEWER


def test_when_the_files_cannot_say_alembic_decides(
    database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    migrate.upgrade(database.engine)
    monkeypatch.setattr(schema_version, "head_revision", lambda: None)
    assert schema_version.schema_state(database.engine) is SchemaState.CURRENT
