"""Migration 0008 (a contact's kept vCard properties) up and down, with contacts on both
sides."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from carecompanion.clock import FixedClock
from carecompanion.people.contacts import PeopleService
from carecompanion.people.vcard_read import read_vcard_file
from carecompanion.storage import migrate
from carecompanion.storage.database import Database
from tests.helpers import schema_drift
from tests.people.conftest import FIXTURES

INSERT = (
    "INSERT INTO people_contacts (uid, name, relation, role, address, notes, best_times, "
    "is_emergency, check_in_days, photo_type, created_at, updated_at) VALUES "
    "('4f9a1c2e8b7d4e6f9a0b1c2d3e4f5a6b', 'Ann', 'friend', '', '', '', '', 0, NULL, '', "
    "'2026-03-01T10:00:00.000000Z', '2026-03-01T10:00:00.000000Z')"
)


@pytest.fixture
def bare(tmp_path: Path) -> Iterator[Database]:
    db = Database(tmp_path / "migrations.db", os.urandom(32))
    yield db
    db.close()


def columns(db: Database) -> set[str]:
    return {c["name"] for c in sa.inspect(db.engine).get_columns("people_contacts")}


def test_a_contact_from_before_keeps_nothing_and_reads(bare: Database, clock: FixedClock) -> None:
    migrate.upgrade(bare.engine, "0007")
    with bare.engine.begin() as conn:
        conn.exec_driver_sql(INSERT)
    migrate.upgrade(bare.engine, "0008")
    assert "vcard_extra" in columns(bare)
    (ann,) = PeopleService(bare, clock).list()
    assert ann.name == "Ann" and ann.vcard_extra == ()
    assert "N:;Ann;;;" in PeopleService(bare, clock).export_vcard()
    migrate.upgrade(bare.engine, "head")  # and the later migrations take it from there
    assert schema_drift(bare.engine) == []


def test_down_drops_the_column_and_keeps_the_contacts(bare: Database, clock: FixedClock) -> None:
    migrate.upgrade(bare.engine, "0008")
    people = PeopleService(bare, clock)
    people.import_cards(read_vcard_file(FIXTURES / "outlook_2_1.vcf"))
    migrate.downgrade(bare.engine, "0007")
    assert "vcard_extra" not in columns(bare)
    with bare.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT name FROM people_contacts").scalars().all() == [
            "Jürgen Müller"
        ]
    migrate.upgrade(bare.engine, "0008")
    assert [c.vcard_extra for c in people.list()] == [()]
