"""An entry's date and time as it was where it was written, on screen and on paper (issue 16)."""

from __future__ import annotations

import unicodedata
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from pypdf import PdfReader

from carecompanion.clock import FixedClock
from carecompanion.journal.exchange import ExportSelection
from carecompanion.journal.service import EntryDraft, JournalService
from carecompanion.render.formats import format_entry_when, format_when
from carecompanion.render.journal_pdf import export_pdf
from carecompanion.vault.vault import UnlockedVault

TOKYO = ZoneInfo("Asia/Tokyo")
NEW_YORK = ZoneInfo("America/New_York")
# 31 December 2024, 23:30 in New York; 1 January 2025, 13:30 in Tokyo.
NEW_YEARS_EVE = datetime(2025, 1, 1, 4, 30, tzinfo=UTC)
# 25 December 2024, 08:00 in Tokyo; 24 December, 18:00 in New York.
CHRISTMAS_MORNING = datetime(2024, 12, 24, 23, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("at", "zone", "reader", "expected"),
    [
        (NEW_YEARS_EVE, "America/New_York", TOKYO, "23:30 (New York time)"),
        (NEW_YEARS_EVE, "America/New_York", NEW_YORK, "23:30"),
        (CHRISTMAS_MORNING, "Asia/Tokyo", NEW_YORK, "08:00 (Tokyo time)"),
        (CHRISTMAS_MORNING, "+09:00", NEW_YORK, "08:00 (UTC+09:00)"),
        (CHRISTMAS_MORNING, "+09:00", TOKYO, "08:00"),  # the same clock: nothing to say
    ],
)
def test_a_time_from_another_zone_says_where(
    at: datetime, zone: str, reader: ZoneInfo, expected: str
) -> None:
    assert format_entry_when(at, zone, "time", reader=reader) == expected


def test_days_are_the_entrys_own_and_all_day_entries_have_no_time() -> None:
    day = format_entry_when(NEW_YEARS_EVE, "America/New_York", "day", reader=TOKYO)
    assert day == format_when(datetime(2024, 12, 31), "day")  # no place: a day is a day
    assert (
        format_entry_when(NEW_YEARS_EVE, "America/New_York", "day_time", all_day=True, reader=TOKYO)
        == day
    )
    assert format_entry_when(NEW_YEARS_EVE, "America/New_York", "time", all_day=True) == ""
    month = format_entry_when(CHRISTMAS_MORNING, "Asia/Tokyo", "month", reader=NEW_YORK)
    assert month == format_when(datetime(2024, 12, 25), "month")


@pytest.mark.usefixtures("qapp")
def test_the_printed_journal_shows_each_entry_where_it_was_written(
    unlocked_vault: UnlockedVault, clock: FixedClock, tmp_path: Path
) -> None:
    journal = JournalService(unlocked_vault.database, clock, TOKYO)
    journal.add_draft(
        EntryDraft("Fireworks", "Over the river.", NEW_YEARS_EVE, time_zone="America/New_York")
    )
    journal.add_draft(EntryDraft("Presents", "Socks again.", CHRISTMAS_MORNING))  # in Tokyo
    out = tmp_path / "journal.pdf"
    export_pdf(journal, ExportSelection(), out, tz=TOKYO, title="Our year")
    reader = PdfReader(out)
    text = unicodedata.normalize(
        "NFKC", " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    )
    assert "Tuesday, 31 December 2024, 23:30 (New York time)" in text
    assert "Wednesday, 25 December 2024, 08:00" in text
    assert "08:00 (" not in text  # written in Tokyo, printed in Tokyo: no place named
    assert "January 2025" not in text  # New Year's Eve stays in December
