"""People services on a fast throwaway database (a random key and the real migrations; no
vault needed), in a fixed time zone (London), so local days are predictable."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from carecompanion.clock import FixedClock
from carecompanion.people.contacts import PeopleService
from carecompanion.people.groups import GroupService
from carecompanion.storage import migrate
from carecompanion.storage.database import Database

LONDON = ZoneInfo("Europe/London")
FIXTURES = Path(__file__).parents[1] / "fixtures" / "vcard"
# Real pictures' first bytes, enough for the type check (the service never decodes images).
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00" + b"\x00" * 40
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 40


@pytest.fixture
def database(tmp_path: Path) -> Iterator[Database]:
    db = Database(tmp_path / "people.db", os.urandom(32))
    migrate.upgrade(db.engine)
    yield db
    db.close()


@pytest.fixture
def people(database: Database, clock: FixedClock) -> PeopleService:
    return PeopleService(database, clock, LONDON)


@pytest.fixture
def groups(database: Database, clock: FixedClock) -> GroupService:
    return GroupService(database, clock)
