"""The real command, in a subprocess with no terminal: exit codes, output shape, one-line errors."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from carecompanion.paths import AppPaths
from tests.cli.conftest import Result
from tests.helpers import GOOD_PASSPHRASE

Run = Callable[..., Result]
KEY_SHAPE = re.compile(r"\b[0-9A-HJKMNP-TV-Z]{4}(?:-[0-9A-HJKMNP-TV-Z]{4}){8}\b")


def assert_one_line_error(result: Result, *fragments: str) -> None:
    assert result.code == 1
    assert "Traceback" not in result.err
    assert len(result.err_lines) == 1, result.err
    assert result.err.startswith("carecompanion: ")
    for fragment in fragments:
        assert fragment in result.err


def test_full_session(cli_process: Run, isolated_env: Path) -> None:
    created = cli_process(
        "init", "--kdf-memory-mib", "64", CARECOMPANION_PASSPHRASE=GOOD_PASSPHRASE
    )
    assert created.code == 0, created.err
    assert created.err == ""
    assert len(KEY_SHAPE.findall(created.out)) == 1
    assert str(isolated_env) in created.out
    assert (isolated_env / "vault.header").is_file()

    right = cli_process("unlock-check", CARECOMPANION_PASSPHRASE=GOOD_PASSPHRASE)
    assert (right.code, right.out.strip()) == (0, "The passphrase is right.")

    wrong = cli_process("unlock-check", CARECOMPANION_PASSPHRASE="not the right one at all")
    assert_one_line_error(wrong, "does not open this vault")
    assert wrong.out == ""

    added = cli_process(
        "journal",
        "add",
        "--title",
        "Clinic day",
        "--text",
        "Long wait.",
        "--tag",
        "health",
        "--tag",
        "appointments",
        CARECOMPANION_PASSPHRASE=GOOD_PASSPHRASE,
    )
    assert added.code == 0, added.err
    entry_id, date, title = added.out.rstrip("\n").split("\t")
    assert (entry_id, title) == ("1", "Clinic day")
    assert datetime.fromisoformat(date).tzinfo is not None

    cli_process(
        "journal",
        "add",
        "--title",
        "Second",
        "--text",
        "x",
        CARECOMPANION_PASSPHRASE=GOOD_PASSPHRASE,
    )
    listed = cli_process("journal", "list", CARECOMPANION_PASSPHRASE=GOOD_PASSPHRASE)
    assert listed.code == 0
    lines = listed.out.splitlines()
    assert [line.split("\t")[0] for line in lines] == ["2", "1"]  # newest first, id first
    assert all(len(line.split("\t")) == 3 for line in lines)  # no header line

    as_json = cli_process("journal", "list", "--json", CARECOMPANION_PASSPHRASE=GOOD_PASSPHRASE)
    rows = json.loads(as_json.out)
    assert [row["title"] for row in rows] == ["Second", "Clinic day"]
    assert set(rows[0]) == {"id", "date", "title"}


def test_no_vault(cli_process: Run) -> None:
    result = cli_process("journal", "list", CARECOMPANION_PASSPHRASE=GOOD_PASSPHRASE)
    assert_one_line_error(result, "No CareCompanion vault", "carecompanion init")


@pytest.mark.real_kdf  # the subprocess checks the vault this test makes against the real floor
@pytest.mark.parametrize("command", [["init", "--kdf-memory-mib", "64"], ["unlock-check"]])
def test_missing_passphrase_without_a_terminal(
    cli_process: Run, command: list[str], isolated_env: Path, vault_factory: Any
) -> None:
    if command[0] == "unlock-check":
        vault_factory(paths=AppPaths(isolated_env))
    result = cli_process(*command)
    assert_one_line_error(result, "CARECOMPANION_PASSPHRASE", "terminal")


def test_missing_text_file(cli_process: Run, tmp_path: Path) -> None:
    result = cli_process(
        "journal",
        "add",
        "--title",
        "t",
        "--text-file",
        str(tmp_path / "nope.md"),
        CARECOMPANION_PASSPHRASE=GOOD_PASSPHRASE,
    )
    assert_one_line_error(result, "There is no file at", "nope.md")


def test_usage_errors_exit_2(cli_process: Run) -> None:
    result = cli_process("journal", "add", "--title", "t")  # neither --text nor --text-file
    assert result.code == 2
    assert "Traceback" not in result.err
