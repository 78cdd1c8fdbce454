"""journal list --limit N / --all (issue 17): the 20 newest in a terminal, every entry when
piped or with --all, the same lines as ever, and a query that reads only what is printed."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from datetime import timedelta

import pytest

from carecompanion.clock import SystemClock
from carecompanion.journal.reads import JournalReads
from carecompanion.journal.service import JournalService
from carecompanion.paths import AppPaths
from carecompanion.vault.vault import Vault
from tests.cli.conftest import Result
from tests.cli.test_cli_commands import PASS
from tests.helpers import GOOD_PASSPHRASE, START

Run = Callable[..., Result]
COUNT = 25


@pytest.fixture
def journal(cli_home: AppPaths) -> AppPaths:
    """COUNT entries, one a day: "Day 0" is the oldest, "Day 24" the newest."""
    unlocked = Vault(cli_home, SystemClock()).unlock(GOOD_PASSPHRASE)
    service = JournalService(unlocked.database, SystemClock())
    for day in range(COUNT):
        service.add(f"Day {day}", "words", entry_at=START + timedelta(days=day))
    unlocked.lock()
    return cli_home


@pytest.fixture
def terminal(monkeypatch: pytest.MonkeyPatch) -> Callable[[], None]:
    """Call it in the test: from then on the command's output goes to a terminal. (pytest
    swaps sys.stdout between a fixture's set-up and the test, so not here.)"""
    return lambda: monkeypatch.setattr(sys.stdout, "isatty", lambda: True)


@pytest.fixture
def limits(monkeypatch: pytest.MonkeyPatch) -> list[int | None]:
    """The ``limit`` each query for a page of the timeline was given."""
    seen: list[int | None] = []
    real = JournalReads.summaries

    def spy(self: JournalReads, *args: object, **kwargs: object) -> object:
        seen.append(kwargs.get("limit"))  # type: ignore[arg-type]
        return real(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(JournalReads, "summaries", spy)
    return seen


def _titles(result: Result) -> list[str]:
    assert result.code == 0, result.err
    return [line.split("\t")[2] for line in result.out.splitlines()]


def newest(count: int) -> list[str]:
    return [f"Day {day}" for day in range(COUNT - 1, COUNT - 1 - count, -1)]


def test_piped_lists_every_entry_as_before(
    cli: Run, journal: AppPaths, limits: list[int | None]
) -> None:
    result = cli("journal", "list", **PASS)
    assert _titles(result) == newest(COUNT)
    first = result.out.splitlines()[0].split("\t")
    assert len(first) == 3 and first[0].isdigit() and first[1].startswith("2026-03-")
    assert result.err == ""
    assert limits == [None]


def test_a_terminal_shows_the_20_newest_and_says_more_are_left(
    cli: Run, journal: AppPaths, terminal: Callable[[], None], limits: list[int | None]
) -> None:
    terminal()
    result = cli("journal", "list", **PASS)
    assert _titles(result) == newest(20)
    assert "--all" in result.err and "20 newest" in result.err
    assert limits == [21], "the query reads one row past what it prints, not every row"


def test_all_lists_every_entry_in_a_terminal(
    cli: Run, journal: AppPaths, terminal: Callable[[], None]
) -> None:
    terminal()
    result = cli("journal", "list", "--all", **PASS)
    assert _titles(result) == newest(COUNT)
    assert result.err == ""


def test_limit_n_lists_the_n_newest(cli: Run, journal: AppPaths, limits: list[int | None]) -> None:
    assert _titles(cli("journal", "list", "--limit", "3", **PASS)) == newest(3)
    result = cli("journal", "list", "--limit", "2", "--json", **PASS)
    rows = json.loads(result.out)
    assert [row["title"] for row in rows] == newest(2)
    assert set(rows[0]) == {"id", "date", "title"}
    assert limits == [4, 3]
    assert _titles(cli("journal", "list", "--limit", "500", **PASS)) == newest(COUNT)


def test_a_terminal_with_few_entries_says_nothing_more(
    cli: Run, journal: AppPaths, terminal: Callable[[], None]
) -> None:
    terminal()
    result = cli("journal", "list", "--since", "2026-03-23", **PASS)
    assert _titles(result) == newest(5)
    assert result.err == ""


@pytest.mark.parametrize(
    "args", [["--limit", "0"], ["--limit", "many"], ["--limit", "-3"], ["--limit", "2", "--all"]]
)
def test_a_bad_limit_is_refused(cli: Run, journal: AppPaths, args: list[str]) -> None:
    with pytest.raises(SystemExit) as refused:
        cli("journal", "list", *args, **PASS)
    assert refused.value.code == 2
