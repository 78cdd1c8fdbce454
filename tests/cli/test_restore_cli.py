"""Restore on the command line under crashes (issue 15): every command finishes an
interrupted restore first and says so in one line; ``init`` never hides a half-done one; the
replaced journals are listed and put back."""

from __future__ import annotations

import errno
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from carecompanion.paths import AppPaths
from carecompanion.vault import restore_log
from carecompanion.vault.restore_log import LOG_NAME
from tests.cli.conftest import Result
from tests.helpers import GOOD_PASSPHRASE, OTHER_PASSPHRASE

Run = Callable[..., Result]
PASS = {"CARECOMPANION_PASSPHRASE": GOOD_PASSPHRASE}


class Crash(BaseException):
    """The process stops at this step (see tests/vault/test_restore_kills.py)."""


def crash_at(step: str) -> Callable[[str], None]:
    def hook(reached: str) -> None:
        if reached == step:
            raise Crash(step)

    return hook


def titles(cli: Run) -> list[str]:
    listed = cli("journal", "list", "--json", **PASS)
    assert listed.code == 0, listed.err
    return [row["title"] for row in json.loads(listed.out)]


@pytest.fixture
def saved(cli: Run, cli_home: AppPaths, tmp_path: Path) -> Path:
    """A backup holding "before"; the journal holds "before" and "after"."""
    assert cli("journal", "add", "--title", "before", "--text", "x", **PASS).code == 0
    out = tmp_path / "saved.ccbackup"
    assert cli("backup", "--out", str(out), **PASS).code == 0
    assert cli("journal", "add", "--title", "after", "--text", "x", **PASS).code == 0
    return out


def killed_restore(cli: Run, saved: Path, step: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(restore_log, "crash_hook", crash_at(step))
    with pytest.raises(Crash):
        cli("restore", str(saved), **PASS)
    monkeypatch.setattr(restore_log, "crash_hook", None)


def test_killed_after_the_header_moved_the_next_command_finishes_it(
    cli: Run, cli_home: AppPaths, saved: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 15: the CLI then said there was no vault."""
    killed_restore(cli, saved, "moved-aside:vault.header", monkeypatch)
    assert not cli_home.header_file.exists()
    listed = cli("journal", "list", **PASS)
    assert listed.code == 0
    assert "Traceback" not in listed.err
    assert len(listed.err.splitlines()) == 1, listed.err
    assert listed.err.startswith("carecompanion: A restore that was interrupted has been finished")
    assert "replaced-" in listed.err
    assert titles(cli) == ["before"]
    assert not list(cli_home.data_dir.glob(".restore-*"))


def test_init_after_a_kill_never_makes_an_empty_journal(
    cli: Run, cli_home: AppPaths, saved: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 15: killed with both files aside, ``init`` made an empty journal and the real
    one sat in replaced-* with nothing said."""
    killed_restore(cli, saved, "all-aside", monkeypatch)
    made = cli("init", "--kdf-memory-mib", "64", **PASS)
    assert made.code == 1
    lines = made.err.splitlines()
    assert len(lines) == 2, made.err  # the restore finished, then init's refusal
    assert "has been finished" in lines[0] and "already exists" in lines[1]
    assert titles(cli) == ["before"]


def test_init_refuses_while_the_restore_cannot_be_finished(
    cli: Run, cli_home: AppPaths, saved: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    killed_restore(cli, saved, "moved-aside:vault.header", monkeypatch)

    def refuse(source: Path, target: Path) -> None:
        raise PermissionError(errno.EACCES, "Permission denied")

    with monkeypatch.context() as patch:  # no file can be moved
        patch.setattr(restore_log, "_move", refuse)
        for command in (("init", "--kdf-memory-mib", "64"), ("journal", "list")):
            result = cli(*command, **PASS)
            assert result.code == 1
            assert len(result.err.splitlines()) == 1, result.err
            assert "could not be finished yet (Permission denied)" in result.err
            assert "tries again each time it starts" in result.err
        assert not cli_home.header_file.exists()  # no new vault over the moving one
        assert (cli_home.data_dir / LOG_NAME).exists()
    assert titles(cli) == ["before"]


def test_replaced_list_and_put_back(
    cli: Run, cli_home: AppPaths, saved: Path, tmp_path: Path
) -> None:
    empty = cli("--data-dir", str(tmp_path / "nothing"), "replaced", "list")
    assert (empty.code, empty.out.startswith("No earlier journals")) == (0, True)
    restored = cli("restore", str(saved), **PASS)
    assert restored.code == 0, restored.err
    listed = cli("replaced", "list", "--json")
    assert listed.code == 0, listed.err
    (row,) = json.loads(listed.out)
    assert row["name"].startswith("replaced-") and row["complete"] is True
    assert row["path"] == str(cli_home.data_dir / row["name"])
    assert cli("replaced", "list").out.split("\t")[0] == row["name"]

    wrong = cli("replaced", "put-back", row["name"], CARECOMPANION_PASSPHRASE=OTHER_PASSPHRASE)
    assert wrong.code == 1 and len(wrong.err.splitlines()) == 1
    assert "does not open" in wrong.err
    missing = cli("replaced", "put-back", "replaced-20990101-000000", **PASS)
    assert missing.code == 1 and "no earlier journal called" in missing.err

    back = cli("replaced", "put-back", row["name"], **PASS)
    assert back.code == 0, back.err
    assert f"The earlier journal {row['name']} is back" in back.out
    assert titles(cli) == ["after", "before"]
    (now,) = json.loads(cli("replaced", "list", "--json").out)
    assert now["name"] != row["name"]  # the restored one went aside in turn


def test_a_damaged_backup_is_said_as_the_backup_s(
    cli: Run, cli_home: AppPaths, saved: Path, tmp_path: Path
) -> None:
    """Issue 15: a bad CRC was a zipfile traceback; a failing check was said as if the
    journal in place were damaged, with advice to restore a backup."""
    raw = bytearray(saved.read_bytes())
    raw[len(raw) // 2] ^= 0xFF
    bad = tmp_path / "bad.ccbackup"
    bad.write_bytes(bytes(raw))
    result = cli("restore", str(bad), **PASS)
    assert result.code == 1
    assert len(result.err.splitlines()) == 1, result.err
    assert "is damaged and cannot be restored" in result.err
    assert "automatic backups" not in result.err
    assert titles(cli) == ["after", "before"]
