"""CSV export: documented columns, one row per check-in, read back exactly; atomic writing."""

from __future__ import annotations

import csv
import io
import os
import stat
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from carecompanion.mood import csv_export
from carecompanion.mood.csv_export import COLUMNS, csv_bytes, write_csv
from carecompanion.mood.records import CheckIn, CheckInDraft
from carecompanion.mood.service import MoodService
from tests.helpers import START
from tests.mood.conftest import BERLIN

TRICKY_NOTE = 'Said "not today", then laughed.\nNew line, comma; tab\there. =1+1 ✓ 🌧'


def read_back(data: bytes) -> list[dict[str, str]]:
    assert data.startswith(b"\xef\xbb\xbf")  # the BOM spreadsheet programs look for
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def test_round_trip_through_the_file(mood: MoodService, tmp_path: Path) -> None:
    journal_free = mood.add(
        CheckInDraft(
            mood=2,
            stress=9,
            sleep_hours=4.75,
            energy=1,
            care_hours=11.5,
            activities=("Respite", "A walk"),
            emotions=("Overwhelmed", "Guilty"),
            note=TRICKY_NOTE,
            at=START - timedelta(days=1, hours=3),
        )
    )
    plain = mood.add(CheckInDraft(mood=5))
    folder = tmp_path / "exports"
    folder.mkdir()
    out = folder / "mood.csv"
    assert write_csv(out, mood.list(), BERLIN) == 2
    rows = read_back(out.read_bytes())
    assert list(rows[0]) == list(COLUMNS)
    assert rows[0] == {
        "id": str(journal_free.id),
        "date": "2026-03-02",
        "time": "10:00",  # 09:00 UTC is 10:00 in Berlin in March
        "datetime": "2026-03-02T10:00:00+01:00",
        "mood": "2",
        "mood_word": "bad",
        "stress": "9",
        "energy": "1",
        "sleep_hours": "4.75",
        "care_hours": "11.5",
        "activities": "A walk | Respite",  # the list's order
        "emotions": "Overwhelmed | Guilty",  # as chosen
        "note": TRICKY_NOTE,
        "journal_entry_id": "",
    }
    assert rows[1]["id"] == str(plain.id)
    assert [
        rows[1][c] for c in ("stress", "energy", "sleep_hours", "care_hours", "activities", "note")
    ] == [""] * 6
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert sorted(p.name for p in folder.iterdir()) == ["mood.csv"]  # no temp file left


def test_an_empty_export_has_the_header_only(tmp_path: Path) -> None:
    out = tmp_path / "empty.csv"
    assert write_csv(out, []) == 0
    assert out.read_bytes() == b"\xef\xbb\xbf" + ",".join(COLUMNS).encode() + b"\r\n"


def test_a_failed_write_leaves_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "mood.csv"
    out.write_bytes(b"the old export")

    def broken_replace(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError, match="No space"):
        write_csv(out, [])
    assert out.read_bytes() == b"the old export"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mood.csv"]


def test_the_columns_are_documented() -> None:
    doc = (Path(__file__).parents[2] / "docs" / "mood.md").read_text(encoding="utf-8")
    for column in COLUMNS:
        assert f"| `{column}` |" in doc, column


names = (
    st.text(
        st.characters(
            codec="utf-8", exclude_characters="|", exclude_categories=("Cs", "Cc", "Zl", "Zp")
        ),
        min_size=1,
        max_size=12,
    )
    .map(lambda s: " ".join(s.split()))
    .filter(bool)
)


@given(
    note=st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=200),
    activities=st.lists(names, max_size=4, unique_by=str.casefold),
    sleep=st.none() | st.floats(min_value=0, max_value=24, allow_nan=False),
    minutes=st.integers(min_value=0, max_value=60 * 24 * 400),
)
def test_any_checkin_reads_back(
    note: str, activities: list[str], sleep: float | None, minutes: int
) -> None:
    at = datetime(2025, 1, 1, tzinfo=UTC) + timedelta(minutes=minutes)
    checkin = CheckIn(
        id=1,
        uid="u" * 32,
        at=at,
        day=date(2025, 1, 1),
        mood=3,
        stress=None,
        sleep_hours=sleep,
        energy=None,
        care_hours=None,
        activities=tuple(activities),
        emotions=(),
        note=note,
        entry_id=None,
        source="app",
        created_at=at,
        updated_at=at,
    )
    (row,) = read_back(csv_bytes([checkin], BERLIN))
    assert row["note"] == note
    joined = row["activities"]
    assert (joined.split(csv_export.LIST_SEPARATOR) if joined else []) == activities
    assert (float(row["sleep_hours"]) if row["sleep_hours"] else None) == sleep
    assert datetime.fromisoformat(row["datetime"]) == at
