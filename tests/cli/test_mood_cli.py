"""carecompanion mood ...: the CLI contract (lines, JSON, one-line errors, exit codes)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

import pytest

from carecompanion.paths import AppPaths
from tests.cli.conftest import Result
from tests.helpers import GOOD_PASSPHRASE, hash_tree

Run = Callable[..., Result]
PASS = {"CARECOMPANION_PASSPHRASE": GOOD_PASSPHRASE}
FIXTURES = Path(__file__).parents[1] / "fixtures" / "daylio"


def one_line_error(result: Result, *fragments: str) -> None:
    assert result.code == 1, result.out
    assert "Traceback" not in result.err
    assert len(result.err_lines) == 1, result.err
    assert result.err.startswith("carecompanion: ")
    for fragment in fragments:
        assert fragment in result.err, result.err


@pytest.fixture
def home(cli_home: AppPaths) -> AppPaths:
    return cli_home


def test_add_prints_one_line_id_first(cli: Run, home: AppPaths) -> None:
    result = cli(
        "mood",
        "add",
        "--mood",
        "4",
        "--stress",
        "3",
        "--sleep",
        "7,5",
        "--energy",
        "6",
        "--care-hours",
        "5",
        "--activity",
        "A walk",
        "--activity",
        "Choir",
        "--emotion",
        "Calm",
        "--note",
        "Quiet\tday\nfinally",
        "--at",
        "2026-03-01T21:30+01:00",
        **PASS,
    )
    assert result.code == 0, result.err
    (line,) = result.out.splitlines()
    cells = line.split("\t")
    assert cells[0] == "1"
    assert datetime.fromisoformat(cells[1]) == datetime.fromisoformat("2026-03-01T21:30+01:00")
    assert cells[2:] == ["4", "3", "7.5", "6", "5.0", "A walk | Choir", "Calm", "Quiet day finally"]


def test_list_lines_and_json_say_the_same(cli: Run, home: AppPaths) -> None:
    cli("mood", "add", "--mood", "2", "--at", "2026-01-05T08:00", "--note", "early", **PASS)
    cli("mood", "add", "--mood", "5", "--at", "2026-01-04T20:00", "--activity", "Rest", **PASS)
    lines = cli("mood", "list", **PASS)
    assert lines.code == 0
    rows = [line.split("\t") for line in lines.out.splitlines()]
    assert [r[0] for r in rows] == ["2", "1"]  # oldest first, id first
    assert not lines.out.startswith("id")  # no header line
    document = json.loads(cli("mood", "list", "--json", **PASS).out)
    assert [d["id"] for d in document] == [2, 1]
    assert document[0]["activities"] == ["Rest"] and rows[0][7] == "Rest"
    assert document[1]["note"] == rows[1][-1] == "early"
    assert [d["at"] for d in document] == [r[1] for r in rows]
    assert set(document[0]) == {
        "id",
        "at",
        "mood",
        "stress",
        "sleep_hours",
        "energy",
        "care_hours",
        "activities",
        "emotions",
        "note",
    }


def test_list_by_day(cli: Run, home: AppPaths) -> None:
    for day in ("2026-01-03", "2026-01-04", "2026-01-05"):
        cli("mood", "add", "--mood", "3", "--at", f"{day}T12:00", **PASS)
    picked = cli("mood", "list", "--since", "2026-01-04", "--json", **PASS)
    assert [date.fromisoformat(d["at"][:10]) for d in json.loads(picked.out)] == [
        date(2026, 1, 4),
        date(2026, 1, 5),
    ]
    until = cli("mood", "list", "--until", "2026-01-03", **PASS)
    assert len(until.out.splitlines()) == 1
    assert cli("mood", "list", "--since", "2027-01-01", **PASS).out == ""


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (["add", "--mood", "6"], "Mood must be a whole number from 1 to 5"),
        (["add", "--mood", "three"], "--mood needs a whole number"),
        (["add", "--mood", "3", "--stress", "11"], "Stress must be a whole number from 0 to 10"),
        (["add", "--mood", "3", "--energy", "2.5"], "--energy needs a whole number"),
        (["add", "--mood", "3", "--sleep", "lots"], "--sleep needs a number of hours"),
        (["add", "--mood", "3", "--care-hours", "30"], "Hours of care must be a number of hours"),
        (["add", "--mood", "3", "--at", "yesterday"], "--at needs a date and time"),
        (["add", "--mood", "3", "--at", "2999-01-01T10:00"], "cannot be in the future"),
        (["add", "--mood", "3", "--activity", "walk | run"], "'|' cannot be used"),
        (["list", "--since", "2026-02-30"], "--since needs a date like 2026-03-01"),
        (["list", "--since", "2026-03-02", "--until", "2026-03-01"], "is after --until"),
    ],
)
def test_user_mistakes_are_one_line(
    cli: Run, home: AppPaths, args: list[str], fragment: str
) -> None:
    one_line_error(cli("mood", *args, **PASS), fragment)
    assert cli("mood", "list", **PASS).out == ""  # and nothing was added


def test_a_wrong_passphrase_is_one_line(cli: Run, home: AppPaths) -> None:
    one_line_error(cli("mood", "list", CARECOMPANION_PASSPHRASE="not the passphrase"))


def test_export_csv_reads_back(cli: Run, home: AppPaths, tmp_path: Path) -> None:
    cli(
        "mood",
        "add",
        "--mood",
        "4",
        "--activity",
        "Rest",
        "--activity",
        "Music",
        "--note",
        'She said "hello", then slept.',
        "--at",
        "2026-02-01T10:00",
        **PASS,
    )
    cli("mood", "add", "--mood", "1", "--at", "2026-02-02T10:00", **PASS)
    out = tmp_path / "mood.csv"
    result = cli("mood", "export", "--format", "csv", "--out", str(out), **PASS)
    assert result.code == 0, result.err
    assert "2 check-ins" in result.out and "not encrypted" in result.out
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"), newline="")))
    assert [r["mood"] for r in rows] == ["4", "1"]
    assert rows[0]["note"] == 'She said "hello", then slept.'
    assert rows[0]["activities"] == "Rest | Music"
    assert rows[0]["date"] == "2026-02-01"
    since = tmp_path / "since.csv"
    cli("mood", "export", "--format", "csv", "--out", str(since), "--since", "2026-02-02", **PASS)
    assert len(since.read_text(encoding="utf-8-sig").splitlines()) == 2


def test_export_never_replaces_a_file(cli: Run, home: AppPaths, tmp_path: Path) -> None:
    out = tmp_path / "taken.csv"
    out.write_text("mine")
    one_line_error(
        cli("mood", "export", "--format", "csv", "--out", str(out), **PASS), "already exists"
    )
    assert out.read_text() == "mine"
    one_line_error(
        cli(
            "mood",
            "export",
            "--format",
            "csv",
            "--out",
            str(tmp_path / "no" / "such" / "x.csv"),
            **PASS,
        ),
        "does not exist",
    )


def test_report_writes_the_pdf_for_the_period(
    cli: Run, home: AppPaths, tmp_path: Path, qapp: object
) -> None:
    """Drawn by carecompanion.render (in this process on the tests' QApplication; a real
    start makes a QGuiApplication: tests/cli/test_cli_layers.py)."""
    from pypdf import PdfReader

    for day in ("2026-02-02", "2026-02-03", "2026-02-05"):
        added = cli("mood", "add", "--mood", "4", "--stress", "2", "--at", f"{day}T21:00", **PASS)
        assert added.code == 0, added.err
    out = tmp_path / "report.pdf"
    result = cli(
        "mood",
        "report",
        "--out",
        str(out),
        "--since",
        "2026-02-01",
        "--until",
        "2026-02-28",
        **PASS,
    )
    assert result.code == 0, result.err
    assert result.out == (
        f"Wrote the mood report for 2026-02-01 to 2026-02-28 to {out}. "
        "It is not encrypted: keep it somewhere safe.\n"
    )
    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(out).pages)
    assert "1 February 2026 to 28 February 2026" in text
    assert "Days with a check-in: 3 (of 28), 3 check-ins." in text
    assert "Week starting" in text, "the chart's figures as a table"


def test_report_never_replaces_a_file(cli: Run, home: AppPaths, tmp_path: Path) -> None:
    out = tmp_path / "report.pdf"
    out.write_bytes(b"mine")
    one_line_error(cli("mood", "report", "--out", str(out), **PASS), "already exists")
    assert out.read_bytes() == b"mine"


def test_import_daylio_dry_run_then_for_real_then_again(cli: Run, home: AppPaths) -> None:
    path = str(FIXTURES / "v9_scales_bom_german.csv")
    dry = cli("mood", "import", "--from", "daylio", path, "--dry-run", **PASS)
    assert dry.code == 0, dry.err
    assert (
        "5 check-ins from 2026-09-23 to 2026-09-26; 5 would be added, 0 are already here" in dry.out
    )
    assert "Nothing was written" in dry.out
    assert cli("mood", "list", **PASS).out == ""
    first = cli("mood", "import", "--from", "daylio", path, **PASS)
    assert first.out.startswith("Imported 5 check-ins")
    again = cli("mood", "import", "--from", "daylio", path, **PASS)
    assert "Imported 0 check-ins" in again.out and "5 were already here" in again.out
    assert len(cli("mood", "list", **PASS).out.splitlines()) == 5


def test_import_unknown_moods_says_how_to_map_them(cli: Run, home: AppPaths) -> None:
    path = str(FIXTURES / "v8_renamed_moods_12h.csv")
    one_line_error(
        cli("mood", "import", "--from", "daylio", path, **PASS),
        "line 2",
        "'sad', 'average', 'happy'",
        "--mood-map 'sad=N'",
    )
    result = cli(
        "mood",
        "import",
        "--from",
        "daylio",
        path,
        "--mood-map",
        "sad=2",
        "--mood-map",
        "average=3",
        "--mood-map",
        "happy=4",
        **PASS,
    )
    assert result.code == 0 and "Imported 4" in result.out
    one_line_error(
        cli("mood", "import", "--from", "daylio", path, "--mood-map", "sad", **PASS), "NAME=N"
    )


@pytest.mark.parametrize(
    ("name", "line"),
    [
        ("bad_time_line4.csv", 4),
        ("bad_date_line3.csv", 3),
        ("bad_field_count_line3.csv", 3),
        ("not_utf8_line3.csv", 3),
        ("not_daylio.csv", 1),
    ],
)
def test_bad_import_files_change_nothing(cli: Run, home: AppPaths, name: str, line: int) -> None:
    cli("mood", "add", "--mood", "3", **PASS)
    before = hash_tree(home.data_dir)
    path = FIXTURES / name
    one_line_error(
        cli("mood", "import", "--from", "daylio", str(path), **PASS), f"{path}, line {line}:"
    )
    assert hash_tree(home.data_dir) == before


def test_import_a_missing_file(cli: Run, home: AppPaths, tmp_path: Path) -> None:
    one_line_error(
        cli("mood", "import", "--from", "daylio", str(tmp_path / "nope.csv"), **PASS),
        "There is no file at",
    )


@pytest.mark.real_kdf  # the subprocess checks the vault against the app's real floor
def test_the_real_entry_point(cli_process: Run, home: AppPaths) -> None:
    env = {**PASS, "CARECOMPANION_HOME": str(home.data_dir)}
    added = cli_process("mood", "add", "--mood", "5", "--note", "from a subprocess", **env)
    assert added.code == 0, added.err
    listed = cli_process("mood", "list", "--json", **env)
    assert json.loads(listed.out)[0]["note"] == "from a subprocess"
    missing = cli_process("mood", "list", **{**env, "CARECOMPANION_HOME": "/nonexistent/x"})
    assert missing.code == 1 and len(missing.err_lines) == 1 and "Traceback" not in missing.err
