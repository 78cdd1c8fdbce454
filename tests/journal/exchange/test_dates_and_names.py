"""Dates read from import files and the names export gives files."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from carecompanion.journal.exchange.dates import date_from_file_name, parse_datetime
from carecompanion.journal.exchange.files import safe_file_name, unique_name
from carecompanion.journal.exchange.markdown_export import slug

NEW_YORK = ZoneInfo("America/New_York")


def test_naive_times_follow_the_zones_daylight_saving() -> None:
    winter = parse_datetime("2024-01-15 09:00", NEW_YORK)
    summer = parse_datetime("2024-07-15 09:00", NEW_YORK)
    assert winter is not None and summer is not None
    assert winter.utcoffset() == timedelta(hours=-5)
    assert summer.utcoffset() == timedelta(hours=-4)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024-05-01T21:30:00Z", datetime(2024, 5, 1, 21, 30, tzinfo=UTC)),
        (
            "2024-05-01 21:30 +02:00",
            datetime(2024, 5, 1, 21, 30, tzinfo=timezone(timedelta(hours=2))),
        ),
        (
            "2024-05-01T21:30:05.25-0330",
            datetime(
                2024, 5, 1, 21, 30, 5, 250000, tzinfo=timezone(-timedelta(hours=3, minutes=30))
            ),
        ),
        ("2024-05-01", datetime(2024, 5, 1, 12, 0, tzinfo=NEW_YORK)),
        ("2024-02-30", None),
        ("May 1st", None),
        ("2024-05-01 25:00", None),
        ("2024-05-01T10:00+25:00", None),
    ],
)
def test_parse_datetime(text: str, expected: datetime | None) -> None:
    assert parse_datetime(text, NEW_YORK) == expected


@pytest.mark.parametrize(
    ("stem", "expected", "rest"),
    [
        ("2024-05-01-2130-a-hard-night", datetime(2024, 5, 1, 21, 30), "-a-hard-night"),
        ("20240501", datetime(2024, 5, 1, 12, 0), ""),
        ("2024_05_01 07.45 early", datetime(2024, 5, 1, 7, 45), " early"),
        ("2024-05-01T213005", datetime(2024, 5, 1, 21, 30, 5), ""),
        ("2024-05-01-12-steps", datetime(2024, 5, 1, 12, 0), "-12-steps"),
        ("2024-0501", None, "2024-0501"),
        ("20241301", None, "20241301"),
        ("notes-2024-05-01", None, "notes-2024-05-01"),
    ],
)
def test_dates_in_file_names(stem: str, expected: datetime | None, rest: str) -> None:
    found, left = date_from_file_name(stem, UTC)
    assert found == (expected.replace(tzinfo=UTC) if expected else None)
    assert left == rest


def test_slugs_and_safe_names() -> None:
    assert slug("A hard night: Mum & me!") == "a-hard-night-mum-me"
    assert slug("Café crème") == "cafe-creme"
    assert slug("日記") == "entry"
    assert slug("x" * 100) == "x" * 48
    assert safe_file_name("../a:b*c?.png") == ".._a_b_c_.png"
    assert safe_file_name("..") == "attachment"
    assert safe_file_name("CON.txt") == "_CON.txt"
    assert safe_file_name("trailing. ") == "trailing"
    taken: set[str] = set()
    assert [unique_name(n, taken) for n in ("a.png", "A.PNG", "a.png", "b")] == [
        "a.png",
        "A (2).PNG",
        "a (3).png",
        "b",
    ]


@given(st.text(max_size=300))
def test_safe_file_names_are_never_paths(name: str) -> None:
    safe = safe_file_name(name)
    assert safe and "/" not in safe and "\\" not in safe and safe not in (".", "..")
    assert len(safe) <= 120 and not any(ord(c) < 32 for c in safe)
