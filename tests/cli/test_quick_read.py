"""The read commands' quick path with an unlocked session (cli/quick_read.py): the same
answers as the full unlock, taken only when the full unlock would have had nothing else to
do, and stepping aside (to the full unlock, which does it) whenever it would."""

from __future__ import annotations

import argparse
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from carecompanion.cli import quick_read
from carecompanion.clock import SystemClock
from carecompanion.paths import AppPaths
from carecompanion.storage import compaction, migrate
from carecompanion.storage.schema_version import current_revision
from carecompanion.vault import binding
from carecompanion.vault import header as header_module
from carecompanion.vault.header import SLOT_PASSPHRASE
from carecompanion.vault.vault import Vault
from tests.agent_support import private_runtime
from tests.cli.conftest import Result
from tests.helpers import GOOD_PASSPHRASE

Run = Callable[..., Result]

READS = (
    ("journal", "list"),
    ("journal", "list", "--json"),
    ("journal", "list", "--tag", "sleep"),
    ("journal", "list", "--tag", "SLEEP", "--since", "2020-01-01", "--limit", "1"),
    ("journal", "list", "--favourites"),
    ("journal", "search", "doctor"),
    ("journal", "search", "tabl", "--json"),
    ("journal", "search", "slept", "--tag", "sleep"),
    ("journal", "search", "nothing-matches-this"),
    ("journal", "show", "1"),
    ("journal", "show", "2", "--json"),
    ("journal", "show", "999"),
)


@pytest.fixture
def runtime(monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    with private_runtime(monkeypatch) as folder:
        yield folder


@pytest.fixture
def paths_taken(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Which way each read command went: "quick" or "full"."""
    taken: list[str] = []
    real_open = quick_read._open

    def spying_open(*args: Any) -> Any:
        reads = real_open(*args)
        taken.append("full" if reads is None else "quick")
        return reads

    monkeypatch.setattr(quick_read, "_open", spying_open)
    return taken


@pytest.fixture
def diary(cli: Run, cli_home: AppPaths) -> AppPaths:
    entries = [
        ("Appointment", "The doctor changed Mum's tablets; she slept better.", "sleep"),
        ("Night shift", "Up three times. The doctor's number is on the fridge.", "night"),
        ("Respite", "Two hours to myself: slept in the chair.", "sleep"),
    ]
    for title, text, tag in entries:
        added = cli(
            "journal",
            "add",
            "--title",
            title,
            "--text",
            text,
            "--tag",
            tag,
            CARECOMPANION_PASSPHRASE=GOOD_PASSPHRASE,
        )
        assert added.code == 0, added.err
    return cli_home


def _unlock(cli: Run) -> None:
    result = cli("unlock", CARECOMPANION_PASSPHRASE=GOOD_PASSPHRASE)
    assert result.code == 0, result.err


def test_the_quick_path_answers_as_the_full_unlock_does(
    cli: Run, diary: AppPaths, runtime: Path, paths_taken: list[str]
) -> None:
    full = [cli(*command, CARECOMPANION_PASSPHRASE=GOOD_PASSPHRASE) for command in READS]
    assert set(paths_taken) == {"full"}, "no session yet: the passphrase's full unlock"
    paths_taken.clear()
    _unlock(cli)
    quick = [cli(*command) for command in READS]
    assert paths_taken == ["quick"] * len(READS)
    for command, before, now in zip(READS, full, quick, strict=True):
        assert (now.code, now.out, now.err) == (before.code, before.out, before.err), command
    assert "Appointment" in quick[0].out and "**doctor**" in quick[5].out


def test_a_due_daily_backup_is_taken_by_the_full_unlock(
    cli: Run, diary: AppPaths, runtime: Path, paths_taken: list[str]
) -> None:
    _unlock(cli)
    for backup in diary.backups_dir.glob("*.ccbackup"):
        backup.unlink()
    assert cli("journal", "list").code == 0
    assert paths_taken == ["full"]
    assert list(diary.backups_dir.glob("*.ccbackup")), "today's backup was taken"
    assert cli("journal", "list").code == 0
    assert paths_taken == ["full", "quick"], "and the next command is quick again"


def test_a_due_migration_is_run_by_the_full_unlock(
    cli: Run, diary: AppPaths, runtime: Path, paths_taken: list[str]
) -> None:
    _unlock(cli)
    unlocked = Vault(diary, SystemClock()).unlock(GOOD_PASSPHRASE)
    try:
        migrate.downgrade(unlocked.database.engine, "-1")
    finally:
        unlocked.lock()
    listed = cli("journal", "list")
    assert listed.code == 0, listed.err
    assert paths_taken == ["full"]
    unlocked = Vault(diary, SystemClock()).unlock(GOOD_PASSPHRASE)
    try:
        assert current_revision(unlocked.database.engine) == migrate.head_revision()
    finally:
        unlocked.lock()


def test_an_owed_compaction_is_done_by_the_full_unlock(
    cli: Run, diary: AppPaths, runtime: Path, paths_taken: list[str]
) -> None:
    _unlock(cli)
    unlocked = Vault(diary, SystemClock()).unlock(GOOD_PASSPHRASE)
    try:
        with unlocked.database.engine.begin() as conn:
            compaction.mark_due(conn)  # as a migration that rewrote the journal leaves it
    finally:
        unlocked.lock()
    assert cli("journal", "list").code == 0
    assert cli("journal", "list").code == 0
    assert paths_taken == ["full", "quick"]


def test_an_unsettled_header_write_is_settled_by_the_full_unlock(
    cli: Run, diary: AppPaths, runtime: Path, paths_taken: list[str]
) -> None:
    """A header write cut short after step 1 (the database expects the next generation):
    the full unlock settles it; the quick path never reads past it."""
    _unlock(cli)
    unlocked = Vault(diary, SystemClock()).unlock(GOOD_PASSPHRASE)
    try:
        generation = unlocked.header.generation
        binding.propose(unlocked.database.engine, generation + 1)
    finally:
        unlocked.lock()
    assert cli("journal", "list").code == 0
    assert cli("journal", "list").code == 0
    assert paths_taken == ["full", "quick"]


def test_an_interrupted_key_rotation_takes_the_full_unlock(
    cli: Run, diary: AppPaths, runtime: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A header holding the rotating slot (a rotation stopped part way) is the full
    unlock's to settle: here every header is made to look so."""
    _unlock(cli)
    with quick_read.quick_reads(_args(diary)) as reads:
        assert reads is not None, "control: quick when nothing is unusual"
    monkeypatch.setattr(header_module, "SLOT_ROTATING", SLOT_PASSPHRASE)
    with quick_read.quick_reads(_args(diary)) as reads:
        assert reads is None


def test_damage_is_said_by_the_full_unlock(
    cli: Run, diary: AppPaths, runtime: Path, paths_taken: list[str]
) -> None:
    _unlock(cli)
    assert cli("journal", "list").code == 0
    database = diary.database_file
    for leftover in (Path(f"{database}-wal"), Path(f"{database}-shm")):
        if leftover.exists():
            leftover.unlink()
    with database.open("r+b") as file:
        file.seek(0)
        file.write(os.urandom(4096))
    damaged = cli("journal", "list")
    assert paths_taken == ["quick", "full"]
    assert damaged.code == 1 and "damaged" in damaged.err and "backups" in damaged.err


def test_no_session_no_quick_path(cli: Run, diary: AppPaths, runtime: Path) -> None:
    with quick_read.quick_reads(_args(diary)) as reads:
        assert reads is None


def _args(paths: AppPaths) -> argparse.Namespace:
    return argparse.Namespace(data_dir=str(paths.data_dir), command="journal list")
