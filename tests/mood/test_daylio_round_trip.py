"""Property: a valid Daylio export, imported into the vault, comes back out through our CSV
export with the same moments, moods, activities and notes (issue 16's "same data back out").

test_daylio.py checks what the parser makes of a file; this follows it through the vault.
Times in the hour the clocks change (02:xx in Berlin) are left out: one does not exist, the
other exists twice, and test_daylio.py covers both.
"""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from carecompanion.clock import FixedClock
from carecompanion.mood import csv_export
from carecompanion.mood.daylio import DEFAULT_MOOD_LEVELS, parse_daylio
from carecompanion.mood.service import MoodService
from carecompanion.mood.validation import clean_names
from tests.mood.conftest import BERLIN

NOW = datetime(2026, 11, 1, tzinfo=UTC)
HEADER = ["full_date", "date", "weekday", "time", "mood", "activities", "note_title", "note"]
NAMES = st.text(
    st.characters(
        codec="utf-8", exclude_characters='|<>&"', exclude_categories=("Cs", "Cc", "Zl", "Zp", "Zs")
    ),
    min_size=1,
    max_size=15,
)
NOTES = st.text(
    st.characters(
        codec="utf-8", exclude_characters="<>&", exclude_categories=("Cs", "Cc", "Zl", "Zp")
    ),
    max_size=80,
)
ROWS = st.lists(
    st.tuples(
        st.datetimes(min_value=datetime(2015, 1, 1), max_value=datetime(2026, 10, 1))
        .filter(lambda when: when.hour != 2)
        .map(lambda when: when.replace(second=0, microsecond=0)),
        st.sampled_from(sorted(DEFAULT_MOOD_LEVELS)),
        st.lists(NAMES, max_size=4),
        NOTES,
    ),
    min_size=1,
    max_size=12,
    unique_by=lambda row: row[0],  # one check-in a minute: the same minute is a duplicate
)


def _daylio(rows: list[tuple[datetime, str, list[str], str]]) -> str:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(HEADER)
    for when, mood, activities, note in rows:
        day = when.date().isoformat()
        writer.writerow(
            [day, "x", "y", when.strftime("%H:%M"), mood, " | ".join(activities), "", note]
        )
    return buffer.getvalue()


@settings(max_examples=25, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=ROWS)
def test_a_daylio_export_comes_back_out_through_ours(
    mood: MoodService, clock: FixedClock, rows: list[tuple[datetime, str, list[str], str]]
) -> None:
    if clock.now() < NOW:
        clock.advance((NOW - clock.now()).total_seconds())
    parsed = parse_daylio(_daylio(rows), "daylio.csv", NOW, BERLIN)
    result = mood.import_drafts(parsed.drafts)
    assert result.added == len(rows)
    checkins = mood.list()
    exported = list(
        csv.DictReader(io.StringIO(csv_export.csv_bytes(checkins, BERLIN).decode("utf-8-sig")))
    )
    for checkin in checkins:
        mood.delete(checkin.id)
    back = {datetime.fromisoformat(row["datetime"]).replace(tzinfo=None): row for row in exported}
    assert sorted(back) == sorted(when for when, *_ in rows)
    for when, word, activities, note in rows:
        row = back[when]
        assert int(row["mood"]) == DEFAULT_MOOD_LEVELS[word]
        listed = row["activities"].split(csv_export.LIST_SEPARATOR) if row["activities"] else []
        # An activity is one per name whatever its case (the vault's first spelling stays),
        # and a check-in's activities are shown in the order of the person's activity list.
        assert sorted(a.casefold() for a in listed) == sorted(
            a.casefold() for a in clean_names(activities)
        )
        assert row["note"] == note.strip()
