"""Fuzzing the Daylio CSV reader (issue 16): whatever a file holds, reading it ends in check-in
drafts or in one ``ImportFormatError`` naming the file and line, within a time and memory
bound; a failed import leaves the vault as it was; and a valid export comes back out of our
own CSV export as the same check-ins.

The reproducers under ``reproducers/mood`` are the inputs that once crashed, hung or ran
away: small files, and ``recipes.json`` for the big ones (parts repeated, joined here).
"""

from __future__ import annotations

import csv
import io
import json
import time
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta, tzinfo
from datetime import time as time_of_day
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from carecompanion.__main__ import main
from carecompanion.clock import FixedClock
from carecompanion.localtime import from_local
from carecompanion.mood.csv_export import csv_bytes
from carecompanion.mood.daylio import (
    DEFAULT_MOOD_LEVELS,
    MAX_ROWS,
    DaylioFile,
    parse_daylio,
    read_daylio,
)
from carecompanion.mood.errors import ImportFormatError
from carecompanion.mood.service import MoodService
from carecompanion.mood.validation import clean_names
from carecompanion.paths import AppPaths
from carecompanion.vault.vault import UnlockedVault
from tests.conftest import fuzz_examples
from tests.fuzz.bounds import parse_bounds
from tests.helpers import GOOD_PASSPHRASE, hash_tree

REPRODUCERS = Path(__file__).parent / "reproducers" / "mood"
NOW = datetime(2026, 11, 1, tzinfo=UTC)
NEW_YORK = ZoneInfo("America/New_York")
BERLIN = ZoneInfo("Europe/Berlin")
TOKYO = ZoneInfo("Asia/Tokyo")
#: A parse of a fuzz input holds it a few times over; far below a runaway copy.
MEGABYTES = 32
HEADER = "full_date,date,weekday,time,mood,activities,note_title,note\n"


def recipe(name: str) -> str:
    recipes = json.loads((REPRODUCERS / "recipes.json").read_text("utf-8"))["recipes"]
    return "".join(text * times for text, times in recipes[name]["parts"])


def reproducer(name: str) -> str:
    if name.endswith(".csv") and (REPRODUCERS / name).is_file():
        return (REPRODUCERS / name).read_bytes().decode("utf-8")
    return recipe(name)


def outcome(text: str, name: str, tz: tzinfo | None) -> DaylioFile | ImportFormatError:
    """The parse of ``text`` within the bounds: its drafts, or our error (checked for shape)."""
    with parse_bounds(megabytes=MEGABYTES):
        try:
            return parse_daylio(text, name, NOW, tz)
        except ImportFormatError as exc:
            message = str(exc)
            assert message.startswith((f"{name}, line ", f"{name} ")), message
            assert "\n" not in message and "\r" not in message
            return exc


# -- the reproducers ---------------------------------------------------------------------------
def test_every_reproducer_has_a_test() -> None:
    files = {p.name for p in REPRODUCERS.iterdir()} - {"recipes.json", "README.md"}
    recipes = set(json.loads((REPRODUCERS / "recipes.json").read_text("utf-8"))["recipes"])
    assert files | recipes == {
        "year_0001.csv",
        "year_9999.csv",
        "legacy_fugly.csv",
        "br_100k_spaces.csv",
        "br_slash_100k_spaces.csv",
        "rows_60000.csv",
    }


@pytest.mark.parametrize("tz", [BERLIN, NEW_YORK, TOKYO, UTC, None], ids=str)
def test_year_one_is_refused_on_its_line(tz: tzinfo | None) -> None:
    # Was ValueError: year 0 is out of range (localtime.from_local), east of Greenwich.
    result = outcome(reproducer("year_0001.csv"), "year_0001.csv", tz)
    assert isinstance(result, ImportFormatError)
    assert str(result) == "year_0001.csv, line 3: A check-in cannot be dated before 1900."


@pytest.mark.parametrize("tz", [NEW_YORK, BERLIN, TOKYO, UTC, None], ids=str)
def test_the_last_day_of_the_calendar_is_refused_on_its_line(tz: tzinfo | None) -> None:
    # Was OverflowError (date value out of range) under America/New_York.
    result = outcome(reproducer("year_9999.csv"), "year_9999.csv", tz)
    assert isinstance(result, ImportFormatError)
    assert str(result) == "year_9999.csv, line 2: A check-in cannot be in the future."


@pytest.mark.parametrize("tz", [BERLIN, NEW_YORK, TOKYO, UTC, ZoneInfo("Pacific/Kiritimati")])
def test_local_times_convert_everywhere_but_at_the_calendars_very_ends(tz: tzinfo) -> None:
    with pytest.raises(ValueError, match="end of the calendar"):
        from_local(date.min, time_of_day(0, 30), tz)
    with pytest.raises(ValueError, match="end of the calendar"):
        from_local(date.max, time_of_day(23, 30), tz)
    assert from_local(date.min + timedelta(days=1), time_of_day(0, 0), tz).year == 1
    assert from_local(date.max - timedelta(days=1), time_of_day(23, 59), tz).year == 9999


def test_the_legacy_default_mood_fugly_is_level_two() -> None:
    # Was "the mood 'fugly' is not one of Daylio's defaults" for the whole file.
    result = outcome(reproducer("legacy_fugly.csv"), "legacy_fugly.csv", NEW_YORK)
    assert isinstance(result, DaylioFile)
    assert [d.mood for d in result.drafts] == [1, 2, 3, 4, 5]
    assert result.drafts[1].note == "long shift"


def test_a_break_tag_left_open_reads_quickly() -> None:
    # Was 43 s in the <br> pattern (two adjacent \s* over 100,000 spaces).
    with parse_bounds(megabytes=MEGABYTES, seconds=5):
        parsed = parse_daylio(reproducer("br_100k_spaces.csv"), "br.csv", NOW, BERLIN)
    (draft,) = parsed.drafts
    assert draft.note == "<br"  # not a tag (never closed): the person's text, trimmed


def test_a_break_tag_with_a_slash_left_open_is_judged_quickly() -> None:
    with parse_bounds(megabytes=MEGABYTES, seconds=5), pytest.raises(ImportFormatError) as caught:
        parse_daylio(reproducer("br_slash_100k_spaces.csv"), "br.csv", NOW, BERLIN)
    assert str(caught.value).startswith("br.csv, line 2: The note is longer than 20000")


def test_too_many_rows_are_refused_early_in_little_memory() -> None:
    # Was no limit at all: 1.98 M rows took 183 s and 1.16 GB.
    text = recipe("rows_60000.csv")
    started = time.process_time()
    with parse_bounds(megabytes=48), pytest.raises(ImportFormatError) as caught:
        parse_daylio(text, "rows.csv", NOW, BERLIN)
    assert caught.value.line == MAX_ROWS + 2  # the header is line 1
    assert f"more than {MAX_ROWS} entries" in str(caught.value)
    # Refused while reading rows, before any is turned into a check-in (a generous bound:
    # the conversion of 50,000 rows takes seconds).
    assert time.process_time() - started < 5


def test_a_file_over_the_size_limit_is_refused_while_streaming(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import carecompanion.mood.daylio as daylio

    monkeypatch.setattr(daylio, "MAX_FILE_BYTES", 4096)
    path = tmp_path / "big.csv"
    path.write_text(HEADER + "2021-01-01,,,10:00,good,,,\n" * 400, "utf-8")
    monkeypatch.setattr(daylio, "_size_on_disk", lambda _path: 0)  # as /dev/stdin or a pipe says
    with pytest.raises(ImportFormatError, match=r"big\.csv is larger than"):
        read_daylio(path, NOW, BERLIN)


def test_one_endless_line_is_refused_without_reading_it_all(tmp_path: Path) -> None:
    path = tmp_path / "endless.csv"
    with path.open("wb") as handle:
        handle.write(HEADER.encode())
        handle.write(b"2021-01-01,,,10:00,good,,," + b"x" * 3_000_000)
    with parse_bounds(megabytes=24), pytest.raises(ImportFormatError) as caught:
        read_daylio(path, NOW, BERLIN)
    assert caught.value.line == 2
    assert "characters long" in str(caught.value)


# -- the command line and the vault ------------------------------------------------------------
@pytest.fixture
def new_york(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """This process's own zone is New York (the CLI reads in the computer's zone)."""
    monkeypatch.setenv("TZ", "America/New_York")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def run_cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    capsys.readouterr()
    code = main(list(args))
    return code, capsys.readouterr().err


@pytest.mark.parametrize(
    ("name", "line"), [("year_0001.csv", 3), ("year_9999.csv", 2), ("rows_60000.csv", MAX_ROWS + 2)]
)
def test_the_cli_says_one_line_and_leaves_the_vault_as_it_was(
    name: str,
    line: int,
    cli_home: AppPaths,
    tmp_path: Path,
    new_york: None,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("CARECOMPANION_PASSPHRASE", GOOD_PASSPHRASE)
    path = tmp_path / name
    path.write_text(reproducer(name), "utf-8")
    before = hash_tree(cli_home.data_dir)
    code, err = run_cli(capsys, "mood", "import", "--from", "daylio", str(path))
    assert code == 1
    assert err.startswith(f"carecompanion: {path}, line {line}: "), err
    assert len(err.splitlines()) == 1 and "Traceback" not in err
    assert hash_tree(cli_home.data_dir) == before


def test_the_cli_imports_the_legacy_default_moods(
    cli_home: AppPaths,
    new_york: None,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("CARECOMPANION_PASSPHRASE", GOOD_PASSPHRASE)
    path = str(REPRODUCERS / "legacy_fugly.csv")
    code = main(["mood", "import", "--from", "daylio", path])
    out = capsys.readouterr().out
    assert code == 0 and "Imported 5 check-ins" in out


# -- fuzzing: mutated valid exports and hostile rows -------------------------------------------
moods = st.sampled_from(sorted(DEFAULT_MOOD_LEVELS))
safe_names = st.text(
    st.characters(
        codec="utf-8", exclude_characters='|<>&"', exclude_categories=("Cs", "Cc", "Zl", "Zp", "Zs")
    ),
    min_size=1,
    max_size=12,
)
safe_notes = st.text(
    st.characters(
        codec="utf-8", exclude_characters="<>&", exclude_categories=("Cs", "Cc", "Zl", "Zp")
    ),
    max_size=60,
)
#: Local wall-clock times that exist exactly once in every zone used here (clock changes in
#: Europe and North America happen between 01:00 and 04:00).
moments = st.datetimes(min_value=datetime(2015, 1, 1), max_value=datetime(2026, 2, 1)).filter(
    lambda moment: not 1 <= moment.hour <= 3
)
Row = tuple[datetime, str, list[str], str, bool]
rows = st.lists(
    st.tuples(moments, moods, st.lists(safe_names, max_size=4), safe_notes, st.booleans()),
    max_size=12,
    unique_by=lambda row: row[0].replace(second=0, microsecond=0),
)


def export(entries: list[Row], bom: bool = False) -> str:
    """A Daylio export of ``entries`` as Daylio writes it: newest first."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(HEADER.strip().split(","))
    for when, mood, activities, note, twelve_hour in reversed(entries):
        clock = (
            when.strftime("%I:%M %p").lstrip("0").lower() if twelve_hour else when.strftime("%H:%M")
        )
        row = [when.date().isoformat(), "x", "y", clock, mood, " | ".join(activities), "", note]
        writer.writerow(row)
    return ("\ufeff" if bom else "") + buffer.getvalue()


HOSTILE = [
    "<br",
    "<BR/",
    "</p",
    "<",
    ">",
    "&",
    "&#",
    "&#x110000;",
    "&amp",
    '"',
    '""',
    ",",
    "|",
    "\r",
    "\n",
    "\r\n",
    "\x00",
    "\ufeff",
    "\ud800",
    " ",
    "\t",
    "\u2028",
    "0001-01-01",
    "9999-12-31",
    "2021-02-30",
    "24:00",
    "12:00 am",
    "99:99",
    "fugly",
    "FUGLY ",
    "Lausig",
    "mouais",
]
#: Runs of one hostile piece up to this long (longer in the long run: slower to generate).
LONGEST_RUN = 600 if fuzz_examples() < 10_000 else 5_000
hostile_text = st.lists(
    st.one_of(
        st.sampled_from(HOSTILE),
        st.tuples(st.sampled_from(HOSTILE), st.integers(1, LONGEST_RUN)).map(lambda p: p[0] * p[1]),
        st.text(max_size=20),
    ),
    max_size=8,
).map("".join)


@st.composite
def mutated(draw: st.DrawFn) -> str:
    """A valid export with a few edits: text cut out, copied, or hostile text put in."""
    text = export(draw(rows), draw(st.booleans()))
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(text)))
        end = draw(st.integers(at, min(len(text), at + 40)))
        edit = draw(st.sampled_from(["cut", "copy", "insert", "replace"]))
        if edit == "cut":
            text = text[:at] + text[end:]
        elif edit == "copy":
            text = text[:end] + text[at:end] * draw(st.integers(1, 50)) + text[end:]
        elif edit == "insert":
            text = text[:at] + draw(hostile_text) + text[at:]
        else:
            text = text[:at] + draw(hostile_text) + text[end:]
    return text


cells = st.one_of(
    hostile_text,
    st.sampled_from(["2021-06-01", "1899-12-31", "1900-01-01", "2026-11-02", "9999-12-31"]),
    st.sampled_from(["21:35", "9:35 pm", "12:05 a.m.", "0:00", ""]),
    moods,
)


@st.composite
def hostile_files(draw: st.DrawFn) -> str:
    """A header with the required columns (and perhaps others, in any order), then rows of
    hostile cells, some with the wrong number of fields."""
    others = draw(st.lists(st.sampled_from(["date", "note", "activities", "note_title"])))
    columns = draw(st.permutations(["full_date", "time", "mood", *others]))
    lines = [",".join(columns)]
    for _ in range(draw(st.integers(0, 6))):
        count = draw(st.sampled_from([len(columns), len(columns), len(columns) + 1, 1]))
        row = [draw(cells) for _ in range(count)]
        buffer = io.StringIO(newline="")
        csv.writer(buffer, lineterminator="").writerow(row)
        lines.append(buffer.getvalue())
    return draw(st.sampled_from(["\n", "\r\n"])).join(lines) + "\n"


# Two halves of the fuzz budget: the inputs per parser that issue 16 asks for.
@settings(max_examples=fuzz_examples() // 2)
@given(mutated(), st.sampled_from([BERLIN, NEW_YORK, TOKYO]))
def test_fuzz_mutated_exports(text: str, tz: tzinfo) -> None:
    outcome(text, "mutated.csv", tz)


@settings(max_examples=fuzz_examples() // 2)
@given(hostile_files(), st.sampled_from([BERLIN, NEW_YORK, TOKYO, None]))
def test_fuzz_hostile_rows(text: str, tz: tzinfo | None) -> None:
    outcome(text, "hostile.csv", tz)


@settings(max_examples=max(50, fuzz_examples() // 20))
@given(st.binary(max_size=600) | mutated().map(lambda t: t.encode("utf-8", "surrogatepass")))
def test_fuzz_bytes_from_disk(tmp_path_factory: pytest.TempPathFactory, data: bytes) -> None:
    path = tmp_path_factory.getbasetemp() / "bytes.csv"
    path.write_bytes(data)
    with parse_bounds(megabytes=MEGABYTES):
        try:
            read_daylio(path, NOW, BERLIN)
        except ImportFormatError as exc:
            assert str(exc).startswith(str(path)) and "\n" not in str(exc)


def test_a_failed_import_leaves_the_vault_as_it_was(
    unlocked_vault: UnlockedVault, paths: AppPaths, clock: FixedClock
) -> None:
    """The import path as the app and the CLI take it (read, then import the drafts) on
    every reproducer that is refused and on fuzzed files that fail: not a byte changes."""
    service = MoodService(unlocked_vault.database, clock, BERLIN)
    unlocked_vault.database.checkpoint()
    before = hash_tree(paths.data_dir)
    failing = [reproducer(n) for n in ("year_0001.csv", "year_9999.csv", "rows_60000.csv")]
    failing += [
        HEADER + "2021-01-01,,,10:00,good,,,\n" + "2021-01-02,,,10:00,sleepy,,,\n",
        HEADER + "2021-01-01,,,10:00,good,,,\n" + '2021-01-02,,,10:00,good,,,"open\n',
    ]
    for number, text in enumerate(failing):
        path = paths.data_dir.parent / f"failing-{number}.csv"
        path.write_text(text, "utf-8")
        with pytest.raises(ImportFormatError):
            service.import_drafts(read_daylio(path, NOW, BERLIN).drafts)
    assert hash_tree(paths.data_dir) == before


# -- valid input: the same check-ins come out of our CSV export --------------------------------
def activity_set(names: str) -> frozenset[str]:
    """Activities as the check-in has them: in the order of the person's list (not the
    file's), and an activity already on the list (an earlier example's) keeps its spelling."""
    return frozenset(name.casefold() for name in names.split(" | ") if name)


@settings(
    max_examples=max(20, fuzz_examples() // 80),  # each example writes to a database
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(entries=rows, bom=st.booleans())
def test_valid_exports_come_back_out_as_the_same_checkins(
    mood_service: MoodService, entries: list[Row], bom: bool
) -> None:
    for checkin in mood_service.list():
        mood_service.delete(checkin.id)
    parsed = parse_daylio(export(entries, bom), "valid.csv", NOW, NEW_YORK)
    assert mood_service.import_drafts(parsed.drafts).added == len(entries)
    text = csv_bytes(mood_service.list(), NEW_YORK).decode("utf-8-sig")
    out = [
        (row["date"], row["time"], int(row["mood"]), activity_set(row["activities"]), row["note"])
        for row in csv.DictReader(io.StringIO(text, newline=""))
    ]
    expected = [
        (
            when.date().isoformat(),
            when.strftime("%H:%M"),
            DEFAULT_MOOD_LEVELS[mood],
            activity_set(" | ".join(clean_names(activities))),
            note.strip(),
        )
        for when, mood, activities, note, _ in sorted(entries, key=lambda e: e[0])
    ]
    assert out == expected


@pytest.fixture
def mood_service(tmp_path: Path, clock: FixedClock) -> Iterator[MoodService]:
    """One database for every example of a property (each starts by emptying it)."""
    import os

    from carecompanion.storage import migrate
    from carecompanion.storage.database import Database

    database = Database(tmp_path / "mood.db", os.urandom(32))
    migrate.upgrade(database.engine)
    clock.advance((NOW - clock.now()).total_seconds())
    yield MoodService(database, clock, NEW_YORK)
    database.close()


def test_the_default_moods_name_each_level_once_per_language() -> None:
    from carecompanion.mood.daylio_moods import DAYLIO_DEFAULTS, LEGACY_DEFAULTS

    for defaults in DAYLIO_DEFAULTS:
        assert len(defaults.names) == 5 and defaults.source
    assert LEGACY_DEFAULTS["fugly"] == 2
    for name, level in DEFAULT_MOOD_LEVELS.items():
        assert name == name.casefold() and 1 <= level <= 5
