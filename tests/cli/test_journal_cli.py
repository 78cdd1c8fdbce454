"""journal add --at/--favourite, list filters, search and show, run in-process."""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterator

import pytest

from carecompanion.clock import SystemClock
from carecompanion.journal.service import JournalService
from carecompanion.paths import AppPaths
from carecompanion.vault.vault import Vault
from tests.cli.conftest import Result
from tests.cli.test_cli_commands import PASS, assert_one_line_error
from tests.helpers import GOOD_PASSPHRASE

Run = Callable[..., Result]


@pytest.fixture
def new_york(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """This computer's local zone is New York for the test (the CLI uses the local zone)."""
    monkeypatch.setenv("TZ", "America/New_York")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.fixture
def vault(cli: Run, cli_home: AppPaths, new_york: None) -> AppPaths:
    """A vault with a few entries written through the CLI."""
    for args in (
        [
            "--title",
            "The first fall",
            "--text",
            "He slipped in the **bathroom** tonight.",
            "--tag",
            "falls",
            "--tag",
            "worried",
            "--at",
            "2025-03-02T23:30",
            "--favourite",
        ],
        [
            "--title",
            "Pharmacy",
            "--text",
            "New tablets after breakfast.",
            "--tag",
            "medication",
            "--at",
            "2025-03-03T09:00:00-05:00",
        ],
        [
            "--title",
            "Respite",
            "--text",
            "Sam takes Saturday; I will walk by the river.",
            "--tag",
            "respite",
            "--tag",
            "falls",
            "--at",
            "2025-04-01T12:00:00+00:00",
        ],
    ):
        assert cli("journal", "add", *args, **PASS).code == 0
    return cli_home


def lines(result: Result) -> list[list[str]]:
    assert result.code == 0, result.err
    return [line.split("\t") for line in result.out.splitlines()]


def test_add_at_and_favourite(cli: Run, vault: AppPaths) -> None:
    rows = lines(cli("journal", "list", **PASS))
    assert rows == [
        ["3", "2025-04-01T08:00:00-04:00", "Respite"],  # shown in local time
        ["2", "2025-03-03T09:00:00-05:00", "Pharmacy"],
        ["1", "2025-03-02T23:30:00-05:00", "The first fall"],  # no offset given: local
    ]
    assert json.loads(cli("journal", "show", "1", "--json", **PASS).out)["is_favourite"]
    assert not json.loads(cli("journal", "show", "2", "--json", **PASS).out)["is_favourite"]


def test_list_filters(cli: Run, vault: AppPaths) -> None:
    def ids(*args: str) -> list[str]:
        return [row[0] for row in lines(cli("journal", "list", *args, **PASS))]

    assert ids("--tag", "falls") == ["3", "1"]
    assert ids("--tag", "FALLS", "--until", "2025-03-31") == ["1"]
    # 23:30 on 2 March in New York is 3 March in UTC: the local day counts.
    assert ids("--since", "2025-03-02", "--until", "2025-03-02") == ["1"]
    assert ids("--since", "2025-03-03") == ["3", "2"]
    assert ids("--favourites") == ["1"]
    assert ids("--tag", "nobody") == []
    as_json = json.loads(cli("journal", "list", "--tag", "falls", "--json", **PASS).out)
    assert as_json == [
        {"id": 3, "date": "2025-04-01T08:00:00-04:00", "title": "Respite"},
        {"id": 1, "date": "2025-03-02T23:30:00-05:00", "title": "The first fall"},
    ]


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (["--since", "yesterday"], "--since needs a date like 2026-03-01, not 'yesterday'"),
        (["--until", "2025-02-30"], "--until needs a date like"),
        (["--since", "20250301"], "--since needs a date like"),
        (["--since", "2025-05-01", "--until", "2025-04-01"], "is after --until"),
    ],
)
def test_bad_dates_are_one_line(cli: Run, vault: AppPaths, args: list[str], fragment: str) -> None:
    assert_one_line_error(cli("journal", "list", *args, **PASS), fragment)
    assert_one_line_error(cli("journal", "search", "fall", *args, **PASS), fragment)


def test_bad_add_time(cli: Run, vault: AppPaths) -> None:
    assert_one_line_error(
        cli("journal", "add", "--title", "t", "--text", "x", "--at", "last tuesday", **PASS),
        "--at needs a date and time like 2026-03-01T21:30, not 'last tuesday'",
    )
    assert len(lines(cli("journal", "list", **PASS))) == 3


def test_search(cli: Run, vault: AppPaths) -> None:
    rows = lines(cli("journal", "search", "bathroom", **PASS))
    assert rows == [
        [
            "1",
            "2025-03-02T23:30:00-05:00",
            "The first fall",
            "He slipped in the **bathroom** tonight.",
        ]
    ]
    assert {row[0] for row in lines(cli("journal", "search", "falls", **PASS))} == {"1", "3"}
    assert [
        row[0] for row in lines(cli("journal", "search", "fall", "--since", "2025-04-01", **PASS))
    ] == ["3"]
    assert [
        row[0] for row in lines(cli("journal", "search", "falls", "--tag", "worried", **PASS))
    ] == ["1"]
    hits = json.loads(cli("journal", "search", '"after breakfast"', "--json", **PASS).out)
    assert hits == [
        {
            "id": 2,
            "date": "2025-03-03T09:00:00-05:00",
            "title": "Pharmacy",
            "snippet": "New tablets **after breakfast**.",
        }
    ]


@pytest.mark.parametrize(
    "query",
    [
        ["nothing like this"],
        ['"'],
        ["AND"],
        ["("],
        ["*"],
        ["x -y"],
        ["--", "-x"],
        [""],
    ],
)
def test_search_without_hits_prints_nothing(cli: Run, vault: AppPaths, query: list[str]) -> None:
    result = cli("journal", "search", *query, **PASS)
    assert (result.code, result.out, result.err) == (0, "", "")


def test_show(cli: Run, vault: AppPaths) -> None:
    unlocked = Vault(vault).unlock(GOOD_PASSPHRASE)
    try:
        JournalService(unlocked.database, SystemClock()).add_attachment(
            1, "grab-rails.jpg", "image/jpeg", b"\xff" * 2048
        )
    finally:
        unlocked.lock()
    shown = cli("journal", "show", "1", **PASS)
    assert shown.code == 0, shown.err
    assert shown.out.splitlines() == [
        "The first fall",
        "Date: 2025-03-02T23:30:00-05:00",
        "Tags: falls, worried",
        "Favourite: yes",
        "Attachments:",
        "  1\tgrab-rails.jpg\timage/jpeg\t2.0 KB",
        "",
        "He slipped in the **bathroom** tonight.",
    ]
    document = json.loads(cli("journal", "show", "1", "--json", **PASS).out)
    assert document["body"] == "He slipped in the **bathroom** tonight."
    assert document["tags"] == ["falls", "worried"]
    assert document["date"] == "2025-03-02T23:30:00-05:00"
    # Written under TZ=America/New_York: the entry keeps that zone, by name.
    assert (document["time_zone"], document["all_day"]) == ("America/New_York", False)
    assert [(a["filename"], a["size"]) for a in document["attachments"]] == [
        ("grab-rails.jpg", 2048)
    ]
    assert set(document) == {
        "id",
        "uid",
        "title",
        "date",
        "time_zone",
        "all_day",
        "created_at",
        "updated_at",
        "tags",
        "is_favourite",
        "attachments",
        "body",
    }
    plain = cli("journal", "show", "2", **PASS).out.splitlines()
    assert plain[2:5] == ["Tags: medication", "Favourite: no", "Attachments: (none)"]


def test_show_errors(cli: Run, vault: AppPaths) -> None:
    assert_one_line_error(
        cli("journal", "show", "42", **PASS), "There is no journal entry with id 42."
    )
    assert_one_line_error(cli("journal", "show", "first", **PASS), "ID must be a number")
