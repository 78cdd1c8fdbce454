"""Reading Daylio CSV exports: the real shapes in tests/fixtures/daylio, and broken files."""

from __future__ import annotations

import csv
import io
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from carecompanion.mood.daylio import (
    DEFAULT_MOOD_LEVELS,
    UnknownMoods,
    note_text,
    parse_daylio,
    parse_time,
    read_daylio,
)
from carecompanion.mood.errors import ImportFormatError
from carecompanion.mood.records import CheckInDraft
from carecompanion.mood.validation import clean_names
from tests.helpers import START
from tests.mood.conftest import BERLIN

FIXTURES = Path(__file__).parents[1] / "fixtures" / "daylio"
NOW = datetime(2026, 11, 1, tzinfo=UTC)


def read(name: str, **mood_map: int) -> list[CheckInDraft]:
    return read_daylio(FIXTURES / name, NOW, BERLIN, mood_map).drafts


def local(draft_at: datetime | None) -> datetime:
    assert draft_at is not None
    return draft_at.astimezone(BERLIN).replace(tzinfo=None)


def test_seven_columns_default_moods_mixed_times() -> None:
    drafts = read("v7_default_moods_mixed_times.csv")
    assert [local(d.at) for d in drafts] == [  # oldest first, 12- and 24-hour times
        datetime(2020, 5, 27, 7, 9),
        datetime(2020, 5, 28, 14, 58),
        datetime(2020, 5, 29, 12, 38),
        datetime(2020, 5, 29, 21, 24),
        datetime(2020, 5, 30, 8, 2),
        datetime(2020, 5, 30, 18, 50),
    ]
    assert [d.mood for d in drafts] == [1, 2, 5, 3, 4, 5]  # awful bad rad meh good rad
    assert drafts[-1].activities == ("friends", "walk", "nap")
    assert drafts[-1].note == "Lovely evening"
    assert drafts[2].activities == ("work",) and drafts[4].activities == ()


def test_eight_columns_renamed_moods_and_stray_spaces() -> None:
    with pytest.raises(UnknownMoods) as caught:
        read("v8_renamed_moods_12h.csv")
    assert caught.value.moods == ("sad", "average", "happy")  # spaces trimmed, file order
    assert "line 2" in str(caught.value)
    drafts = read("v8_renamed_moods_12h.csv", SAD=2, average=3, Happy=4)  # any case
    assert [d.mood for d in drafts] == [3, 4, 3, 2]
    assert [local(d.at) for d in drafts] == [
        datetime(2021, 9, 26, 0, 5),  # 12:05 am
        datetime(2021, 9, 26, 9, 15),
        datetime(2021, 9, 27, 23, 0),
        datetime(2021, 9, 28, 22, 0),
    ]
    assert drafts[1].note == "Sunday\n\nLong walk by the river with Dad"  # title first
    assert drafts[2].activities == ("stressed", "eat out", "cook", "nature / walk")
    assert drafts[3].activities[-1] == "tired"


def test_nine_columns_bom_scales_german_and_html_notes() -> None:
    drafts = read("v9_scales_bom_german.csv")
    assert [d.mood for d in drafts] == [1, 2, 3, 4, 5]  # Lausig .. Super
    assert drafts[-1].note == (
        "Ein guter Tag\n\nMit Mama im Park.\nSie hat gelacht, zum ersten Mal seit Wochen."
    )
    assert drafts[-1].activities == ("Familie", "Natur", "Entspannen")
    assert drafts[1].note == 'Nacht war unruhig, "schon wieder", sagt sie.'
    assert drafts[3].note == 'Arzttermin um 9, alles "ok" & ruhig.'
    assert local(drafts[0].at) == datetime(2026, 9, 23, 23, 5)


def test_renamed_and_added_moods_are_listed_together() -> None:
    with pytest.raises(UnknownMoods) as caught:
        read("custom_moods.csv")
    assert caught.value.moods == ("Refreshed", "ok but sleepy", "Anxious")  # "OK" is known
    message = str(caught.value)
    assert message.startswith(f"{FIXTURES / 'custom_moods.csv'}, line 4: the mood names")
    parsed = read_daylio(
        FIXTURES / "custom_moods.csv",
        NOW,
        BERLIN,
        {"refreshed": 4, "OK but sleepy": 3, "anxious": 2},
    )
    assert parsed.mood_names == {
        "Anxious": 2,
        "bad": 2,
        "ok but sleepy": 3,
        "good": 4,
        "Refreshed": 4,
        "OK": 3,
    }
    assert len(parsed.entries) == 7
    assert parsed.entries[0].line == 8  # the last line holds the oldest entry


@pytest.mark.parametrize(
    ("name", "line", "message"),
    [
        ("bad_time_line4.csv", 4, "'25:61' is not a time of day"),
        ("bad_date_line3.csv", 3, "'2021-02-30' is not a real date"),
        ("bad_field_count_line3.csv", 3, "6 fields where the header has 8"),
        ("not_daylio.csv", 1, "there is no full_date, time, mood column"),
        ("not_utf8_line3.csv", 3, "not UTF-8"),
    ],
)
def test_one_clear_error_naming_file_and_line(name: str, line: int, message: str) -> None:
    with pytest.raises(ImportFormatError) as caught:
        read_daylio(FIXTURES / name, NOW, BERLIN)
    text = str(caught.value)
    assert text.startswith(f"{FIXTURES / name}, line {line}: "), text
    assert message in text
    assert "\n" not in text


def test_file_level_errors(tmp_path: Path) -> None:
    with pytest.raises(ImportFormatError, match="There is no file at"):
        read_daylio(tmp_path / "missing.csv", NOW)
    with pytest.raises(ImportFormatError, match="is a folder"):
        read_daylio(tmp_path, NOW)
    (tmp_path / "empty.csv").write_bytes(b"")
    with pytest.raises(ImportFormatError, match=r"empty\.csv is empty"):
        read_daylio(tmp_path / "empty.csv", NOW)
    (tmp_path / "binary.csv").write_bytes(b"full_date\x00")
    with pytest.raises(ImportFormatError, match="not a text file"):
        read_daylio(tmp_path / "binary.csv", NOW)


HEADER = "full_date,date,weekday,time,mood,activities,note_title,note\n"


def test_header_only_and_blank_lines() -> None:
    assert parse_daylio(HEADER, "x.csv", NOW).entries == ()
    text = HEADER + "2021-01-01,,,10:00,good,,,\n\n"
    assert len(parse_daylio(text, "x.csv", NOW).entries) == 1


def test_entries_from_the_future_or_with_bad_names_are_refused() -> None:
    future = HEADER + "2027-01-01,,,10:00,good,,,\n"
    with pytest.raises(ImportFormatError, match=r"x\.csv, line 2: .*future"):
        parse_daylio(future, "x.csv", NOW, BERLIN)
    long_name = HEADER + f"2021-01-01,,,10:00,good,{'x' * 81},,\n"
    with pytest.raises(ImportFormatError, match=r"line 2: .*at most 80"):
        parse_daylio(long_name, "x.csv", NOW)
    with pytest.raises(ImportFormatError, match="level from 1 to 5"):
        parse_daylio(HEADER, "x.csv", NOW, mood_map={"meh": 7})


def test_columns_are_found_by_name() -> None:
    shuffled = "mood,note,time,full_date\nrad,hello,9:00 pm,2021-06-01\n"
    (entry,) = parse_daylio(shuffled, "x.csv", NOW, BERLIN).entries
    assert (entry.draft.mood, entry.draft.note, local(entry.draft.at)) == (
        5,
        "hello",
        datetime(2021, 6, 1, 21, 0),
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("21:35", time(21, 35)),
        ("7:05", time(7, 5)),
        ("00:00", time(0, 0)),
        ("9:35 pm", time(21, 35)),
        ("9:35PM", time(21, 35)),
        ("12:05 am", time(0, 5)),
        ("12:30 pm", time(12, 30)),
        ("12:05 a.m.", time(0, 5)),
        ("11:59 p.m.", time(23, 59)),
        ("08:13:59", time(8, 13)),
    ],
)
def test_times(text: str, expected: time) -> None:
    assert parse_time(text) == expected


@pytest.mark.parametrize(
    "text", ["", "24:00", "25:61", "13:00 pm", "0:10 am", "12:60", "abends", "9:35 m", "9.35"]
)
def test_not_times(text: str) -> None:
    assert parse_time(text) is None


def test_note_text() -> None:
    assert note_text("", "a<br>b<BR/>c<br />d") == "a\nb\nc\nd"
    assert note_text("Title", "<b>bold</b> &amp; <i>it</i>") == "Title\n\nbold & it"
    assert note_text("", "<ul><li>one</li><li>two</li></ul>") == "one\ntwo"
    assert note_text("", "x<br><br><br><br>y") == "x\n\ny"
    assert note_text("  ", "  ") == ""


# -- any well-formed export reads back what was written ------------------------------------------
names = st.text(
    st.characters(
        codec="utf-8", exclude_characters='|<>&"', exclude_categories=("Cs", "Cc", "Zl", "Zp", "Zs")
    ),
    min_size=1,
    max_size=15,
)
notes = st.text(
    st.characters(
        codec="utf-8", exclude_characters="<>&", exclude_categories=("Cs", "Cc", "Zl", "Zp")
    ),
    max_size=80,
)
entries = st.lists(
    st.tuples(
        st.datetimes(min_value=datetime(2015, 1, 1), max_value=datetime(2026, 2, 1)),
        st.sampled_from(sorted(DEFAULT_MOOD_LEVELS)),
        st.lists(names, max_size=4),
        notes,
        st.booleans(),
    ),
    max_size=25,
)


@given(entries, st.booleans())
def test_written_exports_read_back(
    rows: list[tuple[datetime, str, list[str], str, bool]], bom: bool
) -> None:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(HEADER.strip().split(","))
    for when, mood, activities, note, twelve_hour in rows:
        clock = (
            when.strftime("%I:%M %p").lstrip("0").lower() if twelve_hour else when.strftime("%H:%M")
        )
        writer.writerow(
            [
                when.date().isoformat(),
                "x",
                "y",
                clock,
                mood.upper(),
                " | ".join(activities),
                "",
                note,
            ]
        )
    text = ("\ufeff" if bom else "") + buffer.getvalue()
    parsed = parse_daylio(text, "generated.csv", START, BERLIN)
    assert len(parsed.entries) == len(rows)
    for entry, (when, mood, activities, note, _) in zip(
        parsed.entries, reversed(rows), strict=True
    ):
        draft = entry.draft
        assert draft.mood == DEFAULT_MOOD_LEVELS[mood]
        assert draft.activities == clean_names(activities)
        assert draft.note == note.strip()
        wall, written = local(draft.at), when.replace(second=0, microsecond=0)
        # A time the spring clock change skipped (02:30 on that Sunday) moves an hour on.
        assert wall == written or wall - written == timedelta(hours=1)


def test_the_drafts_are_days_not_utc() -> None:
    (entry,) = parse_daylio(HEADER + "2021-03-01,,,23:30,good,,,\n", "x.csv", NOW, BERLIN).entries
    assert entry.draft.at == datetime(2021, 3, 1, 22, 30, tzinfo=UTC)
    assert entry.draft.at.astimezone(BERLIN).date() == date(2021, 3, 1)
