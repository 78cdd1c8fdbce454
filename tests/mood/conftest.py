"""Mood services on a fast throwaway database, in a fixed time zone (Berlin), so local days
are predictable. Most tests need no vault: a random key and the real migrations suffice."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from carecompanion.clock import FixedClock
from carecompanion.mood.assessments import AssessmentService
from carecompanion.mood.service import MoodService
from carecompanion.storage import migrate
from carecompanion.storage.database import Database

BERLIN = ZoneInfo("Europe/Berlin")


@pytest.fixture
def database(tmp_path: Path) -> Iterator[Database]:
    db = Database(tmp_path / "mood.db", os.urandom(32))
    migrate.upgrade(db.engine)
    yield db
    db.close()


@pytest.fixture
def mood(database: Database, clock: FixedClock) -> MoodService:
    return MoodService(database, clock, BERLIN)


@pytest.fixture
def assessments(database: Database, clock: FixedClock) -> AssessmentService:
    return AssessmentService(database, clock, BERLIN)
