"""The command line shows and files each entry where it was written (issue 16)."""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from carecompanion.paths import AppPaths
from tests.cli.conftest import Result
from tests.cli.test_cli_commands import PASS

Run = Callable[..., Result]


@pytest.fixture
def tokyo(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """This computer is in Tokyo (the CLI uses the local zone)."""
    monkeypatch.setenv("TZ", "Asia/Tokyo")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_a_new_york_entry_imported_in_tokyo_stays_on_new_years_eve(
    cli: Run, cli_home: AppPaths, tokyo: None, tmp_path: Path
) -> None:
    journal = tmp_path / "Journal.json"
    entry = {
        "creationDate": "2025-01-01T04:30:00Z",
        "timeZone": "America/New_York",
        "text": "Fireworks",
    }
    journal.write_text(json.dumps({"entries": [entry]}))
    imported = cli("journal", "import", "--from", "dayone", str(journal), **PASS)
    assert imported.code == 0, imported.err
    # Written here: Tokyo, by name.
    added = cli("journal", "add", "--title", "Tea", "--text", "x", "--json", **PASS)
    assert added.code == 0, added.err

    listed = json.loads(cli("journal", "list", "--json", **PASS).out)
    assert [(row["title"], row["date"]) for row in listed][-1] == (
        "Fireworks",
        "2024-12-31T23:30:00-05:00",
    )
    on_the_day = cli(
        "journal", "list", "--since", "2024-12-31", "--until", "2024-12-31", "--json", **PASS
    )
    assert [row["title"] for row in json.loads(on_the_day.out)] == ["Fireworks"]
    shown = json.loads(cli("journal", "show", str(listed[0]["id"]), "--json", **PASS).out)
    assert shown["time_zone"] == "Asia/Tokyo"
    assert shown["date"].endswith("+09:00")
