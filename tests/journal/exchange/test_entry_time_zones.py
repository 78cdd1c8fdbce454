"""Each entry keeps the zone it was written in (issue 16): its day and clock time are those
where it was written, whichever zone the journal is imported or read in."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from carecompanion.clock import FixedClock
from carecompanion.journal.exchange import (
    ExportSelection,
    ImportSource,
    commit_import,
    export_json,
    export_markdown,
    preview_import,
)
from carecompanion.journal.service import EntryDraft, JournalService
from carecompanion.localtime import foreign_zone, system_zone_name, zone_name, zone_named
from carecompanion.vault.vault import UnlockedVault
from tests.journal.exchange.conftest import dayone_zip, png_bytes

TOKYO = ZoneInfo("Asia/Tokyo")
NEW_YORK = ZoneInfo("America/New_York")

# (where it was written, its wall-clock time there, the zone the journal is read in)
NEW_YEAR_IN_NEW_YORK = (NEW_YORK, datetime(2024, 12, 31, 23, 30), TOKYO)
NEW_YEAR_IN_TOKYO = (TOKYO, datetime(2025, 1, 1, 0, 30), NEW_YORK)
CHRISTMAS_IN_TOKYO = (TOKYO, datetime(2024, 12, 25, 8, 0), NEW_YORK)
CHRISTMAS_IN_NEW_YORK = (NEW_YORK, datetime(2024, 12, 25, 19, 0), TOKYO)
CASES = {
    "New Year's Eve in New York, read in Tokyo": NEW_YEAR_IN_NEW_YORK,
    "New Year in Tokyo, read in New York": NEW_YEAR_IN_TOKYO,
    "Christmas morning in Tokyo, read in New York": CHRISTMAS_IN_TOKYO,
    "Christmas evening in New York, read in Tokyo": CHRISTMAS_IN_NEW_YORK,
}


def journal_in(unlocked: UnlockedVault, clock: FixedClock, tz: ZoneInfo) -> JournalService:
    return JournalService(unlocked.database, clock, tz)


def _dayone_file(tmp_path: Path, entries: list[dict[str, object]]) -> Path:
    path = tmp_path / "export.zip"
    media = {"photos/cf80411fda6ba991b6110b2365fb8286.png": png_bytes()}
    path.write_bytes(dayone_zip(json.dumps({"entries": entries}, indent=2).encode(), media))
    return path


def _write_file(tmp_path: Path, kind: str, written: datetime, zone: ZoneInfo) -> Path:
    """One entry written at ``written`` (wall clock) in ``zone``, as ``kind`` records it."""
    moment = written.replace(tzinfo=zone)
    if kind == "dayone":
        utc = moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        return _dayone_file(
            tmp_path, [{"creationDate": utc, "timeZone": zone.key, "text": "Fireworks"}]
        )
    entry: dict[str, object] = {"title": "Fireworks", "entry_at": moment.isoformat()}
    if kind == "json-named":
        entry["time_zone"] = zone.key
    document = {"format": "carecompanion-journal", "version": 1, "entries": [entry]}
    path = tmp_path / "journal.json"
    path.write_text(json.dumps(document, indent=2))
    return path


_SOURCES = {"dayone": ImportSource.DAYONE, "json-named": ImportSource.JSON}
_SOURCES["json-offset"] = ImportSource.JSON


@pytest.mark.parametrize("kind", ["dayone", "json-named", "json-offset"])
@pytest.mark.parametrize("case", list(CASES))
def test_an_imported_entry_keeps_the_day_and_time_it_was_written(
    unlocked_vault: UnlockedVault, clock: FixedClock, tmp_path: Path, kind: str, case: str
) -> None:
    zone, written, reader = CASES[case]
    journal = journal_in(unlocked_vault, clock, reader)
    path = _write_file(tmp_path, kind, written, zone)
    commit_import(journal, preview_import(journal, _SOURCES[kind], path, tz=reader))

    (summary,) = journal.list_summaries()
    assert summary.local_at.replace(tzinfo=None) == written
    assert journal.days_with_entries(written.year, written.month) == {written.day}
    assert [s.id for s in journal.entries_on(written.date())] == [summary.id]
    expected_zone = (
        zone.key
        if kind != "json-offset"
        else zone_name(timezone(written.replace(tzinfo=zone).utcoffset() or timedelta(0)))
    )
    assert journal.get(summary.id).time_zone == expected_zone
    # And read where the journal is, the time names the place it was written.
    place = "New York" if zone is NEW_YORK else "Tokyo"
    if kind == "json-offset":
        place = "UTC+09:00" if zone is TOKYO else "UTC-05:00"
    assert foreign_zone(summary.entry_at, summary.time_zone, reader) == place
    assert foreign_zone(summary.entry_at, summary.time_zone, zone) is None


def test_our_json_export_keeps_each_entrys_zone_through_an_import_elsewhere(
    unlocked_vault: UnlockedVault, clock: FixedClock, tmp_path: Path
) -> None:
    tokyo = journal_in(unlocked_vault, clock, TOKYO)
    zone, written, _reader = NEW_YEAR_IN_NEW_YORK
    commit_import(
        tokyo,
        preview_import(tokyo, ImportSource.DAYONE, _write_file(tmp_path, "dayone", written, zone)),
    )
    morning = tokyo.add_draft(
        EntryDraft("Christmas morning", "", datetime(2024, 12, 25, 8, tzinfo=TOKYO))
    )
    assert morning.time_zone == "Asia/Tokyo"  # written here: this journal's zone, by name
    out = tmp_path / "out.json"
    export_json(tokyo, ExportSelection(), out, tz=TOKYO)
    exported = json.loads(out.read_text())["entries"]
    assert [(e["entry_at"], e["time_zone"]) for e in exported] == [
        ("2024-12-25T08:00:00+09:00", "Asia/Tokyo"),
        ("2024-12-31T23:30:00-05:00", "America/New_York"),
    ]

    for summary in tokyo.list_summaries():
        tokyo.delete(summary.id)
    new_york = journal_in(unlocked_vault, clock, NEW_YORK)
    commit_import(new_york, preview_import(new_york, ImportSource.JSON, out, tz=NEW_YORK))
    summaries = new_york.list_summaries()
    assert [(s.title, s.time_zone, s.local_at.replace(tzinfo=None)) for s in summaries] == [
        ("Fireworks", "America/New_York", datetime(2024, 12, 31, 23, 30)),
        ("Christmas morning", "Asia/Tokyo", datetime(2024, 12, 25, 8, 0)),
    ]
    assert new_york.days_with_entries(2024, 12) == {25, 31}


def test_dayone_keeps_the_zone_all_day_and_the_photos_own_date(
    unlocked_vault: UnlockedVault, clock: FixedClock, tmp_path: Path
) -> None:
    entry = {
        "creationDate": "2024-07-04T16:00:00Z",
        "timeZone": "America/New_York",
        "isAllDay": True,
        "text": "Fourth of July\n\n![](dayone-moment://AAAA)",
        "photos": [
            {
                "identifier": "AAAA",
                "md5": "cf80411fda6ba991b6110b2365fb8286",
                "type": "png",
                "date": "2024-07-03T22:15:00Z",
            }
        ],
    }
    journal = journal_in(unlocked_vault, clock, TOKYO)
    commit_import(
        journal, preview_import(journal, ImportSource.DAYONE, _dayone_file(tmp_path, [entry]))
    )
    (summary,) = journal.list_summaries()
    stored = journal.get(summary.id)
    assert (stored.time_zone, stored.is_all_day, summary.is_all_day) == (
        "America/New_York",
        True,
        True,
    )
    assert stored.attachments[0].created_at == datetime(2024, 7, 3, 22, 15, tzinfo=UTC)
    # All day, and that survives our own export.
    out = tmp_path / "out.json"
    export_json(journal, ExportSelection(), out, tz=TOKYO)
    (exported,) = json.loads(out.read_text())["entries"]
    assert exported["all_day"] is True
    assert exported["attachments"][0]["created_at"] == "2024-07-03T18:15:00-04:00"
    journal.delete(summary.id)
    commit_import(journal, preview_import(journal, ImportSource.JSON, out))
    again = journal.get(journal.list_summaries()[0].id)
    assert (again.time_zone, again.is_all_day) == ("America/New_York", True)
    assert again.attachments[0].created_at == datetime(2024, 7, 3, 22, 15, tzinfo=UTC)


def test_a_photo_date_that_is_no_date_keeps_the_photo(
    unlocked_vault: UnlockedVault, clock: FixedClock, tmp_path: Path
) -> None:
    photo: dict[str, object] = {
        "identifier": "AAAA",
        "md5": "cf80411fda6ba991b6110b2365fb8286",
        "type": "png",
    }
    entries: list[dict[str, object]] = [
        {
            "creationDate": "2024-07-04T16:00:00Z",
            "text": f"day {n}",
            "photos": [photo | {"date": d}],
        }
        for n, d in enumerate(["yesterday", "0001-01-01T00:00:00Z", 5])
    ]
    journal = journal_in(unlocked_vault, clock, TOKYO)
    commit_import(
        journal, preview_import(journal, ImportSource.DAYONE, _dayone_file(tmp_path, entries))
    )
    for summary in journal.list_summaries():
        (attachment,) = journal.get(summary.id).attachments
        assert attachment.created_at == clock.now()
        # No timeZone: the entry was written where the import runs.
        assert summary.time_zone == "Asia/Tokyo"


def test_a_markdown_date_keeps_its_offset_and_a_bare_one_the_importing_zone(
    unlocked_vault: UnlockedVault, clock: FixedClock, tmp_path: Path
) -> None:
    folder = tmp_path / "notes"
    folder.mkdir()
    (folder / "a.md").write_text("---\ntitle: Morning\ndate: 2024-12-25T08:00:00+09:00\n---\nx\n")
    (folder / "b.md").write_text("---\ntitle: Evening\ndate: 2024-12-24 21:00\n---\ny\n")
    journal = journal_in(unlocked_vault, clock, NEW_YORK)
    commit_import(journal, preview_import(journal, ImportSource.MARKDOWN, folder, tz=NEW_YORK))
    found = {s.title: s for s in journal.list_summaries()}
    assert found["Morning"].time_zone == "+09:00"
    assert found["Evening"].time_zone == "America/New_York"
    assert journal.days_with_entries(2024, 12) == {24, 25}

    out = tmp_path / "md"
    export_markdown(journal, ExportSelection(), out, tz=NEW_YORK)
    names = sorted(p.name for p in out.glob("*.md"))
    assert names == ["2024-12-24-2100-evening.md", "2024-12-25-0800-morning.md"]
    assert "date: 2024-12-25T08:00:00+09:00" in (out / names[1]).read_text()


def test_jrnl_entries_keep_the_zone_they_were_read_in(
    unlocked_vault: UnlockedVault, clock: FixedClock, tmp_path: Path
) -> None:
    path = tmp_path / "jrnl.json"
    path.write_text(
        json.dumps({"entries": [{"title": "t", "body": "", "date": "2024-12-31", "time": "23:30"}]})
    )
    journal = journal_in(unlocked_vault, clock, TOKYO)
    commit_import(journal, preview_import(journal, ImportSource.JRNL, path, tz=NEW_YORK))
    (summary,) = journal.list_summaries()
    assert summary.time_zone == "America/New_York"
    assert journal.days_with_entries(2024, 12) == {31}


def test_moving_an_entry_files_it_by_its_own_zone(
    unlocked_vault: UnlockedVault, clock: FixedClock
) -> None:
    journal = journal_in(unlocked_vault, clock, TOKYO)
    entry = journal.add_draft(
        EntryDraft(
            "Eve", "", datetime(2024, 12, 31, 23, 0, tzinfo=NEW_YORK), time_zone="America/New_York"
        )
    )
    journal.update(entry.id, entry_at=datetime(2024, 12, 31, 23, 45, tzinfo=NEW_YORK))
    assert journal.days_with_entries(2024, 12) == {31}
    assert journal.days_with_entries(2025, 1) == set()


def test_an_unknown_zone_in_a_draft_is_refused(
    unlocked_vault: UnlockedVault, clock: FixedClock
) -> None:
    journal = journal_in(unlocked_vault, clock, TOKYO)
    with pytest.raises(ValueError, match="time zone"):
        journal.add_draft(EntryDraft("x", "", clock.now(), time_zone="Mars/Olympus_Mons"))


@pytest.fixture
def computer_in_tokyo(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("TZ", "Asia/Tokyo")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_a_new_entry_records_the_computers_zone_when_it_is_written(
    unlocked_vault: UnlockedVault, clock: FixedClock, computer_in_tokyo: None
) -> None:
    journal = JournalService(unlocked_vault.database, clock)  # the computer's own zone
    entry = journal.add("Written here", "")
    assert entry.time_zone == "Asia/Tokyo"
    assert system_zone_name(clock.now()) == "Asia/Tokyo"


@given(
    at=st.datetimes(
        min_value=datetime(1970, 1, 2), max_value=datetime(2200, 1, 1), timezones=st.just(UTC)
    ),
    zone=st.sampled_from(["Asia/Tokyo", "America/New_York", "Australia/Lord_Howe", "+05:45"]),
    reader=st.sampled_from([TOKYO, NEW_YORK, UTC]),
)
def test_a_zone_is_named_only_when_its_clock_differs(
    at: datetime, zone: str, reader: ZoneInfo
) -> None:
    own = zone_named(zone)
    assert own is not None
    differs = at.astimezone(own).utcoffset() != at.astimezone(reader).utcoffset()
    assert (foreign_zone(at, zone, reader) is not None) == differs


@pytest.mark.parametrize(
    ("name", "kept"),
    [
        ("Asia/Tokyo", True),
        ("+09:00", True),
        ("-03:30", True),
        ("UTC", True),
        ("+24:00", False),
        ("../etc/passwd", False),
        ("a/" * 40 + "b", False),
        ("Mars/Olympus_Mons", False),
        ("", False),
    ],
)
def test_zone_names_are_checked_before_zoneinfo_sees_them(name: str, kept: bool) -> None:
    assert (zone_named(name) is not None) == kept


def test_zone_names_round_trip() -> None:
    assert zone_name(TOKYO) == "Asia/Tokyo"
    assert zone_name(UTC) == "UTC"
    assert zone_name(timezone(timedelta(hours=-3, minutes=-30))) == "-03:30"
    assert zone_named("-03:30") == timezone(timedelta(hours=-3, minutes=-30))
    assert (
        date(2024, 12, 31)
        == datetime(2025, 1, 1, 4, 30, tzinfo=UTC).astimezone(zone_named("America/New_York")).date()
    )
