"""Migration 0006: the per-circle redaction lists become one list for every circle (issue 14,
finding 13), up with data and down again."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from carecompanion.circle.service import CircleService
from carecompanion.clock import FixedClock
from carecompanion.storage import migrate
from carecompanion.storage.database import Database


@pytest.fixture
def bare(tmp_path: Path) -> Iterator[Database]:
    db = Database(tmp_path / "migrations.db", os.urandom(32))
    yield db
    db.close()


def add_circle(db: Database, circle_id: str, joined: str, pairs: object) -> None:
    with db.engine.begin() as conn:
        conn.execute(
            sa.text(
                "INSERT INTO circles (id, name, mode, file_path, passphrase, redactions, "
                "document, last_file_digest, dirty, joined_at, last_synced_at) VALUES "
                "(:id, 'C', 'keys', '/x', NULL, :redactions, x'00', '', 0, :joined, NULL)"
            ),
            {"id": circle_id, "redactions": json.dumps(pairs), "joined": joined},
        )


def test_the_lists_of_every_circle_become_one(bare: Database, clock: FixedClock) -> None:
    migrate.upgrade(bare.engine, "0005")
    add_circle(
        bare, "b" * 32, "2026-02-01T00:00:00.000000Z", [["Margaret", "Mum"], ["clinic", "C."]]
    )
    add_circle(
        bare, "a" * 32, "2026-01-01T00:00:00.000000Z", [["MARGARET", "M."], ["St Mary's", "S."]]
    )
    add_circle(bare, "c" * 32, "2026-03-01T00:00:00.000000Z", "not a list")
    migrate.upgrade(bare.engine)
    columns = {c["name"] for c in sa.inspect(bare.engine).get_columns("circles")}
    assert "redactions" not in columns
    # In the order the circles were joined; a word in two lists keeps its first replacement.
    assert CircleService(bare, clock).redaction_list() == [
        ("MARGARET", "M."),
        ("St Mary's", "S."),
        ("clinic", "C."),
    ]
    migrate.downgrade(bare.engine, "0005")
    with bare.engine.connect() as conn:
        lists = {
            json.dumps(json.loads(text))
            for (text,) in conn.execute(sa.text("SELECT redactions FROM circles"))
        }
    assert lists == {json.dumps([["MARGARET", "M."], ["St Mary's", "S."], ["clinic", "C."]])}
