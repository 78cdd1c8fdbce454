"""The read commands' quick path with an unlocked session (cli/quick_read.py): the same
answers as the full unlock, taken only when the full unlock would have had nothing else to
do, and stepping aside (to the full unlock, which does it) whenever it would."""

from __future__ import annotations

import argparse
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from carecompanion.cli import quick_read
from carecompanion.clock import SystemClock
from carecompanion.mood.reads import MoodReads
from carecompanion.paths import AppPaths
from carecompanion.people.reads import ContactReads, GroupReads
from carecompanion.people.text import by_name
from carecompanion.session import VaultSession
from carecompanion.storage import compaction, migrate
from carecompanion.storage.schema_version import current_revision
from carecompanion.vault import binding
from carecompanion.vault import header as header_module
from carecompanion.vault.header import SLOT_PASSPHRASE
from carecompanion.vault.vault import Vault
from tests.cli.conftest import Result
from tests.cli.household import fill_household
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

#: The other everyday reads, on ``household``'s check-ins, contacts and groups.
EVERYDAY_READS = (
    ("mood", "list"),
    ("mood", "list", "--json"),
    ("mood", "list", "--since", "2000-01-01", "--until", "2999-12-31"),
    ("mood", "list", "--until", "2000-01-01"),
    ("contacts", "list"),
    ("contacts", "list", "--json"),
    ("contacts", "due"),
    ("contacts", "due", "--json"),
    ("groups", "list"),
    ("groups", "list", "--json"),
)


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


@pytest.fixture
def household(diary: AppPaths, tmp_path: Path) -> AppPaths:
    fill_household(diary, tmp_path, entry_id=1)
    return diary


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


def test_mood_contacts_and_groups_read_quick_as_the_full_unlock_does(
    cli: Run, household: AppPaths, runtime: Path, paths_taken: list[str]
) -> None:
    full = [cli(*command, CARECOMPANION_PASSPHRASE=GOOD_PASSPHRASE) for command in EVERYDAY_READS]
    assert set(paths_taken) == {"full"}, "no session yet: the passphrase's full unlock"
    paths_taken.clear()
    _unlock(cli)
    quick = [cli(*command) for command in EVERYDAY_READS]
    assert paths_taken == ["quick"] * len(EVERYDAY_READS)
    for command, before, now in zip(EVERYDAY_READS, full, quick, strict=True):
        assert before.code == 0, (command, before.err)
        assert (now.code, now.out, now.err) == (before.code, before.out, before.err), command
    # Control: the household is there to compare (and every row of it).
    assert quick[0].out.count("\n") == 4 and "Café with Zoë | Allotment | Choir" in quick[0].out
    assert quick[3].out == ""
    assert "Carers' Centre" in quick[4].out and "--04-15" in quick[4].out
    assert "José Müller" in quick[6].out and "Dr Émile Zola" not in quick[6].out
    assert "Phone tree" in quick[8].out and "18:30" in quick[8].out


def test_the_quick_reads_give_the_services_values(
    cli: Run, household: AppPaths, runtime: Path
) -> None:
    """The same frozen values, of the same types (a float stays a float, a flag a bool,
    a time aware UTC), from the bare connection as from the services' unit of work."""
    unlocked = Vault(household, SystemClock()).unlock(GOOD_PASSPHRASE)
    session = VaultSession(unlocked, SystemClock())
    try:
        full = (session.mood.list(), session.people.list(), session.groups.list())
    finally:
        session.lock()
    _unlock(cli)
    with quick_read.quick_rows(_args(household)) as rows:
        assert rows is not None
        quick = (
            MoodReads(rows).between(None, None),
            by_name(ContactReads(rows, None).contacts()),
            by_name(GroupReads(rows).groups()),
        )
    assert quick == full
    assert repr(quick) == repr(full)  # and the same types inside
    checkins, contacts, groups = quick
    assert checkins[1].entry_id == 1 and checkins[1].sleep_hours == 7.5
    assert checkins[2].stress is None and checkins[0].source == "daylio"
    assert any(c.has_photo for c in contacts) and any(c.last_contact_at for c in contacts)
    assert any(c.vcard_extra for c in contacts) and any(c.is_emergency for c in contacts)
    assert any(g.exceptions for g in groups) and any(g.schedule is None for g in groups)
    assert any(g.facilitator_name == "José Müller" for g in groups)


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
