"""carecompanion contacts ... and groups ...: the CLI contract (lines, JSON, one-line errors,
exit codes, files written whole)."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import icalendar
import pytest
import recurring_ical_events

from carecompanion.clock import FixedClock
from carecompanion.paths import AppPaths
from carecompanion.people.vcard_read import read_vcard_file
from tests.cli.conftest import Result
from tests.helpers import GOOD_PASSPHRASE, hash_tree

Run = Callable[..., Result]
PASS = {"CARECOMPANION_PASSPHRASE": GOOD_PASSPHRASE}
FIXTURES = Path(__file__).parents[1] / "fixtures" / "vcard"
NOW = datetime(2026, 3, 3, 12, tzinfo=UTC)  # a Tuesday


def one_line_error(result: Result, *fragments: str) -> None:
    assert result.code == 1, result.out
    assert "Traceback" not in result.err
    assert len(result.err_lines) == 1, result.err
    assert result.err.startswith("carecompanion: ")
    for fragment in fragments:
        assert fragment in result.err, result.err


@pytest.fixture
def fixed_clock(monkeypatch: pytest.MonkeyPatch) -> FixedClock:
    clock = FixedClock(NOW)
    # A command on the full path gets its session (and so its clock) from vault_session;
    # the read commands' quick path (contacts due, groups list) asks the clock itself.
    for module in ("vault_commands", "contact_commands", "group_commands"):
        monkeypatch.setattr(f"carecompanion.cli.{module}.clock", lambda: clock)
    return clock


@pytest.fixture
def home(fixed_clock: FixedClock, cli_home: AppPaths) -> AppPaths:
    return cli_home


def lines(result: Result) -> list[list[str]]:
    assert result.code == 0, result.err
    return [line.split("\t") for line in result.out.splitlines()]


def test_add_and_list_lines_and_json_say_the_same(cli: Run, home: AppPaths) -> None:
    added = cli(
        "contacts",
        "add",
        "--name",
        "José Müller",
        "--role",
        "nurse",
        "--phone",
        "+44 20 7946 0958",
        "--phone",
        "0161 555 0100",
        "--email",
        "jose@example.org",
        "--every",
        "14",
        **PASS,
    )
    assert lines(added) == [
        [
            "1",
            "José Müller",
            "professional",
            "nurse",
            "+44 20 7946 0958 | 0161 555 0100",
            "jose@example.org",
            "14",
            "2026-03-17",
            "False",
            "",  # organisation and birthday: from an imported card only
            "",
        ]
    ]
    first = json.loads(
        cli(
            "contacts", "add", "--name", "Ann", "--role", "friend", "--emergency", "--json", **PASS
        ).out
    )
    assert first["id"] == 2 and first["emergency"] is True and first["phones"] == []
    listed = lines(cli("contacts", "list", **PASS))
    assert [row[:2] for row in listed] == [["2", "Ann"], ["1", "José Müller"]]  # by name
    document = json.loads(cli("contacts", "list", "--json", **PASS).out)
    assert [d["id"] for d in document] == [2, 1]
    assert document[1]["phones"] == [
        {"number": "+44 20 7946 0958", "kind": "mobile"},
        {"number": "0161 555 0100", "kind": "mobile"},
    ]
    assert [str(v) if v is not None else "" for v in document[0].values()][:4] == listed[0][:4]


@pytest.mark.parametrize(
    ("role", "relation", "detail"),
    [
        ("peer-caregiver", "peer", ""),
        ("Crisis line", "crisis_line", ""),
        ("social worker", "professional", "social worker"),
        ("professional:dementia adviser", "professional", "dementia adviser"),
    ],
)
def test_roles(cli: Run, home: AppPaths, role: str, relation: str, detail: str) -> None:
    (row,) = lines(cli("contacts", "add", "--name", "X", "--role", role, **PASS))
    assert row[2:4] == [relation, detail]


def test_due_and_log(cli: Run, home: AppPaths, fixed_clock: FixedClock) -> None:
    cli("contacts", "add", "--name", "Weekly", "--every", "7", **PASS)
    cli("contacts", "add", "--name", "Daily", "--every", "1", **PASS)
    cli("contacts", "add", "--name", "Never", **PASS)
    assert cli("contacts", "due", **PASS).out == ""
    fixed_clock.advance(9 * 86400)
    due = lines(cli("contacts", "due", **PASS))
    assert [(row[0], row[1], row[2], row[3]) for row in due] == [
        ("2", "Daily", "2026-03-04", "8"),
        ("1", "Weekly", "2026-03-10", "2"),
    ]
    logged = lines(
        cli("contacts", "log", "2", "--note", "Rang her\tback", "--kind", "call", **PASS)
    )
    assert logged[0][:3] == ["1", "2", "call"] and logged[0][4] == "Rang her back"
    assert datetime.fromisoformat(logged[0][3]) == NOW + timedelta(days=9)
    document = json.loads(cli("contacts", "due", "--json", **PASS).out)
    assert [d["name"] for d in document] == ["Weekly"]
    assert set(document[0]) == {"id", "name", "due_on", "days_overdue", "last_contact", "phones"}
    at = json.loads(
        cli(
            "contacts",
            "log",
            "1",
            "--note",
            "visit",
            "--kind",
            "visit",
            "--at",
            "2026-03-11T10:00+00:00",
            "--json",
            **PASS,
        ).out
    )
    assert at["kind"] == "visit" and datetime.fromisoformat(at["at"]) == datetime(
        2026, 3, 11, 10, tzinfo=UTC
    )
    assert cli("contacts", "due", **PASS).out == ""


@pytest.mark.parametrize(
    ("args", "fragments"),
    [
        (["contacts", "log", "9", "--note", "x"], ["no contact with id 9"]),
        (["contacts", "log", "one", "--note", "x"], ["ID must be a number"]),
        (["contacts", "log", "1", "--note", "x", "--at", "soon"], ["--at needs a date"]),
        (["contacts", "add", "--name", "X", "--role", "frend"], ["--role 'frend'"]),
        (["contacts", "add", "--name", "X", "--every", "0"], ["--every needs"]),
        (["contacts", "add", "--name", " "], ["needs a name"]),
        (["contacts", "add", "--name", "X", "--email", "x.example.org"], ["e-mail address"]),
        (["groups", "add", "--name", "G", "--weekly", "XX", "--at", "19:00"], ["MO, TU"]),
        (["groups", "add", "--name", "G", "--weekly", "MO", "--at", "7pm"], ["like 19:00"]),
        (
            [
                "groups",
                "add",
                "--name",
                "G",
                "--weekly",
                "MO",
                "--at",
                "19:00",
                "--tz",
                "Mars/Base",
            ],
            ["time zone name"],
        ),
        (
            ["groups", "add", "--name", "G", "--weekly", "MO", "--at", "19:00", "--duration", "0"],
            ["--duration"],
        ),
        (["contacts", "import-vcard", "nowhere.vcf"], ["There is no file at nowhere.vcf"]),
    ],
)
def test_user_mistakes_are_one_line(
    cli: Run, home: AppPaths, args: list[str], fragments: list[str]
) -> None:
    cli("contacts", "add", "--name", "Ann", **PASS)
    one_line_error(cli(*args, **PASS), *fragments)


def test_without_a_vault_or_passphrase(cli: Run, isolated_env: Path) -> None:
    one_line_error(cli("contacts", "list", **PASS))
    assert cli("groups", "list").code == 1


def test_import_vcard_dry_run_then_for_real_then_again(cli: Run, home: AppPaths) -> None:
    google = str(FIXTURES / "google_contacts_3_0.vcf")
    dry = cli("contacts", "import-vcard", google, "--dry-run", **PASS)
    assert dry.code == 0
    assert (
        dry.out == f"{google}: 4 contacts; 4 would be added, 0 are already here. "
        "Nothing was written.\n"
    )
    assert dry.err == (
        f"carecompanion: warning: {google}, line 16: the photo is a web link; "
        "it was not downloaded.\n"
    )
    assert cli("contacts", "list", **PASS).out == ""
    real = cli("contacts", "import-vcard", google, **PASS)
    assert real.out == f"Imported 4 contacts from {google}; 0 were already here.\n"
    again = cli("contacts", "import-vcard", google, **PASS)
    assert again.out == f"Imported 0 contacts from {google}; 4 were already here.\n"
    assert len(lines(cli("contacts", "list", **PASS))) == 4


def test_a_bad_vcard_file_is_one_line_and_changes_nothing(cli: Run, home: AppPaths) -> None:
    cli("contacts", "add", "--name", "Ann", **PASS)
    before = hash_tree(home.data_dir)
    bad = FIXTURES / "bad_photo_line9.vcf"
    one_line_error(
        cli("contacts", "import-vcard", str(bad), **PASS),
        f"{bad}, line 9:",
        "photo on this line is damaged",
    )
    assert hash_tree(home.data_dir) == before


def test_export_vcard_reads_back_and_never_replaces(
    cli: Run, home: AppPaths, tmp_path: Path
) -> None:
    cli("contacts", "add", "--name", "李小龙", "--phone", "+86 137 0000 0001", **PASS)
    cli("contacts", "add", "--name", "Ann", "--every", "3", **PASS)
    exports = tmp_path / "exports"
    exports.mkdir()
    out = exports / "contacts.vcf"
    result = cli("contacts", "export-vcard", "--out", str(out), "--vcard-version", "4.0", **PASS)
    assert result.code == 0, result.err
    assert "Wrote 2 contacts" in result.out and "not encrypted" in result.out
    assert out.stat().st_mode & 0o777 == 0o600
    assert [c.draft.name for c in read_vcard_file(out)] == ["Ann", "李小龙"]
    assert out.read_bytes().startswith(b"BEGIN:VCARD\r\nVERSION:4.0\r\n")
    assert [p.name for p in exports.iterdir()] == ["contacts.vcf"]  # no temp file left
    content = out.read_bytes()
    one_line_error(cli("contacts", "export-vcard", "--out", str(out), **PASS), "already exists")
    assert out.read_bytes() == content
    one_line_error(
        cli("contacts", "export-vcard", "--out", str(tmp_path / "no" / "x.vcf"), **PASS),
        "does not exist",
    )


def test_groups_add_list_and_export_ics(
    cli: Run, home: AppPaths, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    added = lines(
        cli(
            "groups",
            "add",
            "--name",
            "Carers' café",
            "--weekly",
            "tu",
            "--at",
            "19:00",
            "--tz",
            "Europe/London",
            "--duration",
            "90",
            "--where",
            "Library",
            **PASS,
        )
    )
    assert added == [
        [
            "1",
            "Carers' café",
            "in_person",
            "Every Tuesday at 19:00 (Europe/London)",
            "2026-03-03T19:00+00:00",
            "Library",
        ]
    ]
    monkeypatch.setattr("carecompanion.people.zones.system_zone_name", lambda: "America/New_York")
    other = json.loads(
        cli(
            "groups",
            "add",
            "--name",
            "Online",
            "--weekly",
            "MO",
            "--at",
            "18:30",
            "--kind",
            "video",
            "--every-other-week",
            "--json",
            **PASS,
        ).out
    )
    assert other == {
        "id": 2,
        "name": "Online",
        "kind": "video",
        "schedule": "Every other Monday at 18:30 (America/New_York)",
        "next_meeting": "2026-03-09T18:30-04:00",
        "location": "",
    }
    listed = lines(cli("groups", "list", **PASS))
    assert [row[0] for row in listed] == ["1", "2"]
    assert json.loads(cli("groups", "list", "--json", **PASS).out)[1] == other
    out = tmp_path / "meetings.ics"
    result = cli("groups", "export-ics", "--out", str(out), **PASS)
    assert result.code == 0 and "2 groups" in result.out
    calendar = icalendar.Calendar.from_ical(out.read_bytes())
    found = recurring_ical_events.of(calendar).between(
        datetime(2026, 3, 1, tzinfo=UTC), datetime(2026, 4, 15, tzinfo=UTC)
    )
    starts = sorted((str(e["SUMMARY"]), e["DTSTART"].dt.isoformat()) for e in found)
    assert starts[:2] == [
        ("Carers' café", "2026-03-03T19:00:00+00:00"),
        ("Carers' café", "2026-03-10T19:00:00+00:00"),
    ]
    assert ("Carers' café", "2026-03-31T19:00:00+01:00") in starts  # after the change
    assert ("Online", "2026-03-23T18:30:00-04:00") in starts
    one_line_error(cli("groups", "export-ics", "--out", str(out), **PASS), "already exists")


def test_groups_add_without_a_known_zone(
    cli: Run, home: AppPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("carecompanion.people.zones.system_zone_name", lambda: None)
    one_line_error(
        cli("groups", "add", "--name", "G", "--weekly", "MO", "--at", "19:00", **PASS), "pass --tz"
    )


def test_as_a_real_process(cli_process: Run, isolated_env: Path) -> None:
    env = {**PASS, "CARECOMPANION_HOME": str(isolated_env)}
    assert cli_process("init", "--kdf-memory-mib", "64", **env).code == 0
    assert cli_process("contacts", "add", "--name", "Zoë", **env).code == 0
    listed = cli_process("contacts", "list", "--json", **env)
    assert json.loads(listed.out)[0]["name"] == "Zoë"
    one_line_error(
        cli_process("contacts", "log", "7", "--note", "x", **env), "no contact with id 7"
    )
