"""Importing Daylio exports: preview first, duplicates skipped, all or nothing."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from carecompanion.clock import FixedClock
from carecompanion.mood.daylio import read_daylio
from carecompanion.mood.errors import ImportFormatError
from carecompanion.mood.records import CheckInDraft
from carecompanion.mood.repository.activities import ActivityResolver
from carecompanion.mood.service import MoodService
from carecompanion.paths import AppPaths
from carecompanion.vault.vault import UnlockedVault
from tests.helpers import hash_tree
from tests.mood.conftest import BERLIN

FIXTURES = Path(__file__).parents[1] / "fixtures" / "daylio"
NOW = datetime(2026, 11, 1, tzinfo=UTC)


def drafts(name: str, **mood_map: int) -> list[CheckInDraft]:
    return read_daylio(FIXTURES / name, NOW, BERLIN, mood_map).drafts


@pytest.fixture
def later(mood: MoodService, clock: FixedClock) -> MoodService:
    clock.advance((NOW - clock.now()).total_seconds())  # the fixtures run up to autumn 2026
    return mood


def test_preview_writes_nothing_then_import_adds_everything(later: MoodService) -> None:
    entries = drafts("v7_default_moods_mixed_times.csv")
    preview = later.preview_import(entries)
    assert (preview.total, preview.new, preview.duplicates) == (6, 6, 0)
    assert (str(preview.first_day), str(preview.last_day)) == ("2020-05-27", "2020-05-30")
    assert preview.new_activities == ("nap", "work", "good meal", "friends", "walk")
    assert later.count() == 0
    result = later.import_drafts(entries)
    assert (result.added, result.duplicates) == (6, 0)
    imported = later.list()
    assert [c.source for c in imported] == ["daylio"] * 6
    assert [c.mood for c in imported] == [1, 2, 5, 3, 4, 5]
    assert imported[-1].activities == ("nap", "friends", "walk")  # in the list's order
    assert {"nap", "work", "good meal", "friends", "walk"} <= {
        a.name for a in later.activities.list()
    }


def test_importing_twice_adds_nothing(later: MoodService) -> None:
    entries = drafts("v9_scales_bom_german.csv")
    assert later.import_drafts(entries).added == 5
    listed = later.list()
    again = later.import_drafts(drafts("v9_scales_bom_german.csv"))
    assert (again.added, again.duplicates) == (0, 5)
    assert later.preview_import(entries).new == 0
    assert later.list() == listed


def test_an_activity_added_later_in_daylio_is_still_a_duplicate(later: MoodService) -> None:
    entries = drafts("v7_default_moods_mixed_times.csv")
    later.import_drafts(entries)
    changed = [
        CheckInDraft(mood=d.mood, activities=(*d.activities, "reading"), note=d.note, at=d.at)
        for d in entries
    ]
    assert later.import_drafts(changed).added == 0


def test_duplicates_inside_one_file_count_once(later: MoodService) -> None:
    entries = drafts("custom_moods.csv", refreshed=4, anxious=2, **{"ok but sleepy": 3})
    same_twice = entries + entries[:2]
    preview = later.preview_import(same_twice)
    assert (preview.total, preview.new, preview.duplicates) == (9, 7, 2)
    assert later.import_drafts(same_twice).added == 7


def test_a_checkin_typed_in_the_app_is_recognised(later: MoodService) -> None:
    entries = drafts("v7_default_moods_mixed_times.csv")
    first = entries[0]
    later.add(CheckInDraft(mood=first.mood, note="  " + first.note, at=first.at))
    assert later.preview_import(entries).duplicates == 1


def test_a_failure_part_way_leaves_nothing(
    later: MoodService, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = 0
    real = ActivityResolver.__call__

    def fail_on_the_fourth(self, names):  # type: ignore[no-untyped-def]
        nonlocal calls
        calls += 1
        if calls == 4:
            raise RuntimeError("disk trouble")
        return real(self, names)

    monkeypatch.setattr(ActivityResolver, "__call__", fail_on_the_fourth)
    with pytest.raises(RuntimeError, match="disk trouble"):
        later.import_drafts(drafts("v7_default_moods_mixed_times.csv"))
    assert later.count() == 0
    assert "nap" not in {a.name for a in later.activities.list()}


def test_bad_input_changes_no_byte_of_the_vault(
    unlocked_vault: UnlockedVault, paths: AppPaths, clock: FixedClock
) -> None:
    service = MoodService(unlocked_vault.database, clock, BERLIN)
    service.add(CheckInDraft(mood=4, note="before the import"))
    unlocked_vault.database.checkpoint()
    before = hash_tree(paths.data_dir)
    for name in (
        "bad_time_line4.csv",
        "bad_date_line3.csv",
        "not_utf8_line3.csv",
        "custom_moods.csv",
    ):
        with pytest.raises(ImportFormatError):
            service.import_drafts(read_daylio(FIXTURES / name, NOW, BERLIN).drafts)
    assert hash_tree(paths.data_dir) == before
    assert service.count() == 1
