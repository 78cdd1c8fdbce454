"""Every CLI command, run in-process through carecompanion.__main__.main (fast)."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest

from carecompanion.paths import AppPaths
from carecompanion.vault.header import SLOT_PASSPHRASE
from carecompanion.vault.recovery import parse_recovery_key
from carecompanion.vault.vault import Vault
from tests.cli.conftest import Result
from tests.helpers import GOOD_PASSPHRASE, OTHER_PASSPHRASE

Run = Callable[..., Result]
PASS = {"CARECOMPANION_PASSPHRASE": GOOD_PASSPHRASE}


def assert_one_line_error(result: Result, *fragments: str) -> None:
    assert result.code == 1
    assert "Traceback" not in result.err
    assert len(result.err_lines) == 1, result.err
    assert result.err.startswith("carecompanion: ")
    for fragment in fragments:
        assert fragment in result.err, result.err


@pytest.fixture
def home(isolated_env: Path) -> AppPaths:
    return AppPaths(isolated_env)


@pytest.fixture
def recovery_key(cli: Run, home: AppPaths) -> str:
    """A vault made with ``init --json``; returns its recovery key."""
    result = cli("init", "--kdf-memory-mib", "64", "--json", **PASS)
    assert result.code == 0, result.err
    document = json.loads(result.out)
    assert document["data_dir"] == str(home.data_dir)
    key: str = document["recovery_key"]
    return key


# -- init ------------------------------------------------------------------------------------------
def test_init_json(recovery_key: str, home: AppPaths) -> None:
    assert len(parse_recovery_key(recovery_key)) == 20
    kdf, _ = Vault(home).read_header().passphrase_kdf()
    assert kdf.memory_kib == 64 * 1024


def test_init_text_shows_the_key_once(cli: Run, home: AppPaths) -> None:
    result = cli("init", "--kdf-memory-mib", "64", **PASS)
    assert result.code == 0
    assert "recovery key" in result.out
    lines = [line.strip() for line in result.out.splitlines()]
    keys = [line for line in lines if line.count("-") == 8 and len(line) == 44]
    assert len(keys) == 1
    parse_recovery_key(keys[0])


def test_init_data_dir_option_wins(cli: Run, tmp_path: Path, home: AppPaths) -> None:
    elsewhere = tmp_path / "elsewhere"
    result = cli("--data-dir", str(elsewhere), "init", "--kdf-memory-mib", "64", **PASS)
    assert result.code == 0
    assert (elsewhere / "vault.header").is_file()
    assert not home.vault_exists()


def test_init_refuses_an_existing_vault(cli: Run, recovery_key: str, home: AppPaths) -> None:
    header = home.header_file.read_bytes()
    assert_one_line_error(cli("init", "--kdf-memory-mib", "64", **PASS), "already exists")
    assert home.header_file.read_bytes() == header


def test_init_refuses_a_weak_passphrase(cli: Run, home: AppPaths) -> None:
    result = cli("init", "--kdf-memory-mib", "64", CARECOMPANION_PASSPHRASE="password1")
    assert_one_line_error(result, "too easy to guess")
    assert not home.vault_exists()


def test_init_refuses_kdf_below_minimum(cli: Run, home: AppPaths) -> None:
    assert_one_line_error(cli("init", "--kdf-memory-mib", "32", **PASS), "at least 64")
    assert not home.data_dir.exists()


def test_init_without_passphrase_or_terminal(cli: Run, home: AppPaths) -> None:
    assert_one_line_error(cli("init", "--kdf-memory-mib", "64"), "CARECOMPANION_PASSPHRASE")
    assert not home.data_dir.exists()


# -- unlock-check ----------------------------------------------------------------------------------
def test_unlock_check(cli: Run, recovery_key: str) -> None:
    right = cli("unlock-check", **PASS)
    assert (right.code, right.out, right.err) == (0, "The passphrase is right.\n", "")
    wrong = cli("unlock-check", CARECOMPANION_PASSPHRASE=OTHER_PASSPHRASE)
    assert_one_line_error(wrong, "That passphrase does not open this vault")


def test_no_vault(cli: Run) -> None:
    for command in (
        ["unlock-check"],
        ["journal", "list"],
        ["backup", "--out", "x"],
        ["passphrase", "change"],
        ["recover"],
    ):
        assert_one_line_error(cli(*command, **PASS), "No CareCompanion vault")


def test_damaged_header_is_one_line(cli: Run, recovery_key: str, home: AppPaths) -> None:
    home.header_file.write_text("{ this is not json")
    assert_one_line_error(cli("unlock-check", **PASS), "header")


# -- journal ---------------------------------------------------------------------------------------
def test_journal_add_and_list(cli: Run, recovery_key: str) -> None:
    first = cli(
        "journal", "add", "--title", "Pharmacy", "--text", "New dosage.", "--tag", "meds", **PASS
    )
    assert first.code == 0
    fields = first.out.rstrip("\n").split("\t")
    assert fields[0] == "1" and fields[2] == "Pharmacy"
    stamp = datetime.fromisoformat(fields[1])
    assert stamp.tzinfo is not None and stamp.microsecond == 0  # ISO, to the second

    second = cli(
        "journal", "add", "--title", "Two\nlines\tand a tab", "--text", "x", "--json", **PASS
    )
    assert json.loads(second.out)["id"] == 2

    listed = cli("journal", "list", **PASS)
    assert listed.code == 0
    lines = listed.out.splitlines()
    assert len(lines) == 2  # no header
    assert lines[0].split("\t")[0] == "2"
    assert lines[0].split("\t")[2] == "Two lines and a tab"  # one line per entry, always
    assert lines[1].split("\t") == ["1", fields[1], "Pharmacy"]

    rows = json.loads(cli("journal", "list", "--json", **PASS).out)
    assert [(r["id"], r["title"]) for r in rows] == [(2, "Two\nlines\tand a tab"), (1, "Pharmacy")]


def test_journal_list_empty(cli: Run, recovery_key: str) -> None:
    assert cli("journal", "list", **PASS).out == ""
    assert json.loads(cli("journal", "list", "--json", **PASS).out) == []


def test_journal_add_from_a_file(
    cli: Run, recovery_key: str, home: AppPaths, tmp_path: Path
) -> None:
    text = tmp_path / "entry.md"
    text.write_text("# Heading\n\nCafé, naïve, 🌊\n", encoding="utf-8")
    assert (
        cli("journal", "add", "--title", "From a file", "--text-file", str(text), **PASS).code == 0
    )
    unlocked = Vault(home).unlock(GOOD_PASSPHRASE)
    try:
        from carecompanion.clock import SystemClock
        from carecompanion.journal.service import JournalService

        assert JournalService(unlocked.database, SystemClock()).get(1).body == text.read_text()
    finally:
        unlocked.lock()


def test_journal_add_bad_input(cli: Run, recovery_key: str, tmp_path: Path) -> None:
    assert_one_line_error(
        cli("journal", "add", "--title", "t", "--text-file", str(tmp_path / "missing.md"), **PASS),
        "There is no file at",
    )
    binary = tmp_path / "photo.jpg"
    binary.write_bytes(b"\xff\xd8\xff\xe0 not text")
    assert_one_line_error(
        cli("journal", "add", "--title", "t", "--text-file", str(binary), **PASS),
        "not UTF-8 text",
    )
    assert_one_line_error(
        cli("journal", "add", "--title", tmp_path.name, "--text-file", str(tmp_path), **PASS),
        "could not be read",
    )
    assert_one_line_error(
        cli("journal", "add", "--title", " ", "--text", " ", **PASS), "needs a title or some text"
    )
    assert cli("journal", "list", **PASS).out == ""


def test_journal_wrong_passphrase(cli: Run, recovery_key: str) -> None:
    result = cli(
        "journal", "add", "--title", "t", "--text", "x", CARECOMPANION_PASSPHRASE=OTHER_PASSPHRASE
    )
    assert_one_line_error(result, "does not open")
    assert cli("journal", "list", **PASS).out == ""


# -- passphrase change and recovery ----------------------------------------------------------------
def changed_pages(before: bytes, after: bytes, page: int = 4096) -> int:
    """How many database pages differ (SQLCipher's default page size)."""
    pages = max(len(before), len(after)) // page
    return sum(
        before[i * page : (i + 1) * page] != after[i * page : (i + 1) * page] for i in range(pages)
    )


def test_passphrase_change(cli: Run, recovery_key: str, home: AppPaths) -> None:
    database = home.database_file.read_bytes()
    result = cli("passphrase", "change", CARECOMPANION_NEW_PASSPHRASE=OTHER_PASSPHRASE, **PASS)
    assert result.code == 0, result.err
    assert "recovery key still works" in result.out
    # Instant: the database is not re-encrypted; only the page holding the header/database
    # binding (the header's new generation, vault/binding.py) is rewritten.
    assert changed_pages(database, home.database_file.read_bytes()) <= 2
    assert cli("unlock-check", **PASS).code == 1
    assert cli("unlock-check", CARECOMPANION_PASSPHRASE=OTHER_PASSPHRASE).code == 0


def test_passphrase_change_can_rotate_the_key(
    cli: Run, recovery_key: str, home: AppPaths, tmp_path: Path
) -> None:
    cli("journal", "add", "--title", "before the rotation", "--text", "x", **PASS)
    old_backup = tmp_path / "old.ccbackup"
    assert cli("backup", "--out", str(old_backup), **PASS).code == 0
    result = cli(
        "passphrase",
        "change",
        "--rotate-key",
        CARECOMPANION_NEW_PASSPHRASE=OTHER_PASSPHRASE,
        **PASS,
    )
    assert result.code == 0, result.err
    new_key = next(line.strip() for line in result.out.splitlines() if line.strip().count("-") == 8)
    assert parse_recovery_key(new_key) != parse_recovery_key(recovery_key)
    assert "old recovery key no longer" in result.out
    assert "shown only this once" in result.out

    assert cli("unlock-check", **PASS).code == 1
    assert cli("unlock-check", CARECOMPANION_PASSPHRASE=OTHER_PASSPHRASE).code == 0
    with_old_key = cli(
        "recover",
        CARECOMPANION_RECOVERY_KEY=recovery_key,
        CARECOMPANION_NEW_PASSPHRASE=GOOD_PASSPHRASE,
    )
    assert_one_line_error(with_old_key, "does not open")
    with_new_key = cli(
        "recover", CARECOMPANION_RECOVERY_KEY=new_key, CARECOMPANION_NEW_PASSPHRASE=GOOD_PASSPHRASE
    )
    assert with_new_key.code == 0, with_new_key.err
    titles = [r["title"] for r in json.loads(cli("journal", "list", "--json", **PASS).out)]
    assert titles == ["before the rotation"]


def test_passphrase_change_refuses_weak(cli: Run, recovery_key: str, home: AppPaths) -> None:
    header = home.header_file.read_bytes()
    result = cli("passphrase", "change", CARECOMPANION_NEW_PASSPHRASE="qwerty", **PASS)
    assert_one_line_error(result, "too easy to guess")
    assert home.header_file.read_bytes() == header


def test_passphrase_change_needs_the_new_one(cli: Run, recovery_key: str) -> None:
    assert_one_line_error(cli("passphrase", "change", **PASS), "CARECOMPANION_NEW_PASSPHRASE")


def test_recover(cli: Run, recovery_key: str, home: AppPaths) -> None:
    salt_before = Vault(home).read_header().slots[SLOT_PASSPHRASE]["salt"]
    result = cli(
        "recover",
        CARECOMPANION_RECOVERY_KEY=recovery_key.lower().replace("-", " "),
        CARECOMPANION_NEW_PASSPHRASE=OTHER_PASSPHRASE,
    )
    assert result.code == 0, result.err
    assert Vault(home).read_header().slots[SLOT_PASSPHRASE]["salt"] != salt_before
    assert cli("unlock-check", CARECOMPANION_PASSPHRASE=OTHER_PASSPHRASE).code == 0
    assert cli("unlock-check", **PASS).code == 1


def test_recover_never_takes_the_unlock_variable_as_the_new_passphrase(
    cli: Run, recovery_key: str, home: AppPaths
) -> None:
    """CARECOMPANION_PASSPHRASE, left in a script's environment to unlock, must not quietly
    become the new passphrase: the new one is asked for, or named by its own variable."""
    header = home.header_file.read_bytes()
    result = cli(
        "recover",
        CARECOMPANION_RECOVERY_KEY=recovery_key,
        CARECOMPANION_PASSPHRASE=OTHER_PASSPHRASE,
    )
    assert_one_line_error(result, "CARECOMPANION_NEW_PASSPHRASE")
    assert home.header_file.read_bytes() == header
    assert cli("unlock-check", CARECOMPANION_PASSPHRASE=OTHER_PASSPHRASE).code == 1


def test_recover_with_a_typo(cli: Run, recovery_key: str, home: AppPaths) -> None:
    header = home.header_file.read_bytes()
    typo = ("Z" if recovery_key[0] != "Z" else "Y") + recovery_key[1:]
    result = cli(
        "recover", CARECOMPANION_RECOVERY_KEY=typo, CARECOMPANION_NEW_PASSPHRASE=OTHER_PASSPHRASE
    )
    assert_one_line_error(result, "typo")
    assert home.header_file.read_bytes() == header


def test_recover_without_a_key(cli: Run, recovery_key: str) -> None:
    assert_one_line_error(
        cli("recover", CARECOMPANION_NEW_PASSPHRASE=OTHER_PASSPHRASE), "CARECOMPANION_RECOVERY_KEY"
    )


# -- backup and restore ----------------------------------------------------------------------------
def test_backup_and_restore(cli: Run, recovery_key: str, home: AppPaths, tmp_path: Path) -> None:
    cli("journal", "add", "--title", "before", "--text", "x", **PASS)
    out = tmp_path / "saved.ccbackup"
    made = cli("backup", "--out", str(out), **PASS)
    assert made.code == 0, made.err
    assert str(out) in made.out
    cli("journal", "add", "--title", "after", "--text", "x", **PASS)

    restored = cli("restore", str(out), **PASS)
    assert restored.code == 0, restored.err
    assert "kept in" in restored.out
    replaced = [p for p in home.data_dir.iterdir() if p.name.startswith("replaced-")]
    assert len(replaced) == 1 and (replaced[0] / "vault.db").is_file()
    titles = [r["title"] for r in json.loads(cli("journal", "list", "--json", **PASS).out)]
    assert titles == ["before"]


def test_restore_with_the_recovery_key(
    cli: Run, recovery_key: str, home: AppPaths, tmp_path: Path
) -> None:
    out = tmp_path / "saved.ccbackup"
    assert cli("backup", "--out", str(out), **PASS).code == 0
    target = tmp_path / "new-computer"
    result = cli(
        "--data-dir", str(target), "restore", str(out), CARECOMPANION_RECOVERY_KEY=recovery_key
    )
    assert result.code == 0, result.err
    assert "kept in" not in result.out  # nothing was there to replace
    assert cli("--data-dir", str(target), "unlock-check", **PASS).code == 0


def test_restore_refusals(cli: Run, recovery_key: str, home: AppPaths, tmp_path: Path) -> None:
    out = tmp_path / "saved.ccbackup"
    assert cli("backup", "--out", str(out), **PASS).code == 0
    header, database = home.header_file.read_bytes(), home.database_file.read_bytes()

    assert_one_line_error(
        cli("restore", str(tmp_path / "missing.ccbackup"), **PASS), "There is no backup file"
    )
    notes = tmp_path / "notes.txt"
    notes.write_text("hello")
    assert_one_line_error(cli("restore", str(notes), **PASS), "not a CareCompanion backup")
    assert_one_line_error(
        cli("restore", str(out), CARECOMPANION_PASSPHRASE=OTHER_PASSPHRASE), "does not open"
    )
    assert_one_line_error(cli("restore", str(out)), "CARECOMPANION_PASSPHRASE")
    assert (home.header_file.read_bytes(), home.database_file.read_bytes()) == (header, database)


def test_backup_to_an_impossible_place(cli: Run, recovery_key: str, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    assert_one_line_error(
        cli("backup", "--out", str(blocker / "b.ccbackup"), **PASS), "could not be written"
    )
