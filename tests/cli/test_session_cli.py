"""carecompanion unlock / lock: an unlocked session for the command line. Every command opens
the journal with the session's key when there is one for this vault, and falls back to the
passphrase, without a word, when there is not."""

from __future__ import annotations

import base64
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from carecompanion.cli.session_commands import describe_duration, parse_duration
from carecompanion.clock import SystemClock
from carecompanion.paths import AppPaths
from carecompanion.session import create_vault
from carecompanion.vault import agent
from carecompanion.vault.kdf import KdfParams
from carecompanion.vault.vault import Vault
from tests.agent_support import private_runtime, wait_for_exit
from tests.cli.conftest import Result
from tests.helpers import GOOD_PASSPHRASE, OTHER_PASSPHRASE

Run = Callable[..., Result]
NEEDS_PASSPHRASE = "Passphrase is needed"


@pytest.fixture
def runtime(monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    with private_runtime(monkeypatch) as folder:
        yield folder


def _unlock(cli: Run, *args: str) -> Result:
    result = cli("unlock", *args, CARECOMPANION_PASSPHRASE=GOOD_PASSPHRASE)
    assert result.code == 0, result.err
    return result


def _data_key(paths: AppPaths, passphrase: str = GOOD_PASSPHRASE) -> bytes:
    return bytes(Vault(paths).data_key_for(passphrase))


def test_after_unlock_commands_need_no_passphrase(
    cli: Run, cli_home: AppPaths, runtime: Path
) -> None:
    unlocked = _unlock(cli)
    assert "Unlocked for 15 minutes" in unlocked.out
    added = cli("journal", "add", "--title", "Night shift", "--text", "Slept at last.")
    assert added.code == 0, added.err
    listed = cli("journal", "list")
    assert listed.code == 0, listed.err
    assert listed.out.rstrip("\n").split("\t")[2] == "Night shift"
    assert cli("mood", "add", "--mood", "4").code == 0, "a session's command like any other"


def test_lock_ends_it_and_commands_ask_again(cli: Run, cli_home: AppPaths, runtime: Path) -> None:
    _unlock(cli, "--for", "2h")
    pid = agent.status()
    assert pid is not None
    locked = cli("lock")
    assert (locked.code, locked.out.strip()) == (
        0,
        "Locked: commands ask for the passphrase again.",
    )
    assert wait_for_exit(int(pid["pid"]))
    refused = cli("journal", "list")
    assert refused.code == 1 and NEEDS_PASSPHRASE in refused.err
    with_passphrase = cli("journal", "list", CARECOMPANION_PASSPHRASE=GOOD_PASSPHRASE)
    assert with_passphrase.code == 0, "without a session, the passphrase as before"
    again = cli("lock")
    assert (again.code, again.out.strip()) == (0, "Nothing was unlocked.")


def test_another_vault_gets_nothing_from_the_session(
    cli: Run, cli_home: AppPaths, runtime: Path, tmp_path: Path, fast_kdf: KdfParams
) -> None:
    other = AppPaths(tmp_path / "other")
    created, _ = create_vault(other, OTHER_PASSPHRASE, kdf=fast_kdf, clock=SystemClock())
    created.lock()
    _unlock(cli)
    refused = cli("--data-dir", str(other.data_dir), "journal", "list")
    assert refused.code == 1 and NEEDS_PASSPHRASE in refused.err
    fallback = cli(
        "--data-dir",
        str(other.data_dir),
        "journal",
        "list",
        CARECOMPANION_PASSPHRASE=OTHER_PASSPHRASE,
    )
    assert fallback.code == 0, fallback.err
    assert cli("journal", "list").code == 0, "its own vault still opens"


def test_a_wrong_passphrase_starts_no_session(cli: Run, cli_home: AppPaths, runtime: Path) -> None:
    result = cli("unlock", CARECOMPANION_PASSPHRASE="not the passphrase at all")
    assert result.code == 1 and "does not open this vault" in result.err
    assert agent.status() is None


def test_unlock_always_asks_for_the_passphrase(cli: Run, cli_home: AppPaths, runtime: Path) -> None:
    """A session is never extended by whoever sits at an unlocked terminal."""
    _unlock(cli, "--for", "1m")
    again = cli("unlock", "--for", "12h")
    assert again.code == 1 and NEEDS_PASSPHRASE in again.err
    state = agent.status()
    assert state is not None and state["remaining"] <= 60


def test_checking_or_changing_the_passphrase_needs_it_still(
    cli: Run, cli_home: AppPaths, runtime: Path
) -> None:
    _unlock(cli)
    check = cli("unlock-check")
    assert check.code == 1 and NEEDS_PASSPHRASE in check.err
    change = cli("passphrase", "change", CARECOMPANION_NEW_PASSPHRASE=OTHER_PASSPHRASE)
    assert change.code == 1 and NEEDS_PASSPHRASE in change.err
    assert cli("journal", "list").code == 0, "the session is still there"


def test_changing_the_passphrase_ends_the_session(
    cli: Run, cli_home: AppPaths, runtime: Path
) -> None:
    _unlock(cli)
    changed = cli(
        "passphrase",
        "change",
        CARECOMPANION_PASSPHRASE=GOOD_PASSPHRASE,
        CARECOMPANION_NEW_PASSPHRASE=OTHER_PASSPHRASE,
    )
    assert changed.code == 0, changed.err
    assert agent.status() is None
    refused = cli("journal", "list")
    assert refused.code == 1 and NEEDS_PASSPHRASE in refused.err


def test_a_key_from_before_a_rotation_opens_nothing(
    cli: Run, cli_home: AppPaths, runtime: Path
) -> None:
    """The agent is bound to the vault's id, and the header's MAC checks its key: after the
    key was rotated elsewhere (the app), the old key is refused and the passphrase asked."""
    _unlock(cli)
    unlocked = Vault(cli_home).unlock(GOOD_PASSPHRASE)
    try:
        unlocked.rotate_keys(OTHER_PASSPHRASE)
    finally:
        unlocked.lock()
    assert agent.status() is not None, "rotated behind the session's back"
    refused = cli("journal", "list")
    assert refused.code == 1 and NEEDS_PASSPHRASE in refused.err
    assert cli("journal", "list", CARECOMPANION_PASSPHRASE=OTHER_PASSPHRASE).code == 0


def test_the_key_is_written_in_no_file(
    cli: Run, cli_home: AppPaths, runtime: Path, tmp_path: Path
) -> None:
    key = _data_key(cli_home)
    _unlock(cli)
    assert cli("journal", "add", "--title", "t", "--text", "x").code == 0
    assert cli("journal", "list").code == 0
    forms = [key, key.hex().encode(), key.hex().upper().encode(), base64.b64encode(key)]
    for folder in (cli_home.data_dir, runtime, tmp_path):
        for file in folder.rglob("*"):
            if file.is_file():
                data = file.read_bytes()
                assert not any(form in data for form in forms), file


def test_a_session_of_a_second_ends_by_itself(cli: Run, cli_home: AppPaths, runtime: Path) -> None:
    _unlock(cli, "--for", "1s")
    socket_file = agent.socket_path()
    state = agent.status()
    if state is not None:  # it may be over already on a busy machine
        assert wait_for_exit(int(state["pid"]))
    else:
        assert agent.fetch_key("anything") is None
    deadline_passed = cli("journal", "list")
    assert deadline_passed.code == 1 and NEEDS_PASSPHRASE in deadline_passed.err
    assert not socket_file.exists() or agent.remove_stale_socket(socket_file)


@pytest.mark.parametrize(
    "bad",
    ["", "15", "abc", "0s", "13h", "1d", "-5m", "5 minutes", "9" * 5000 + "m", "0" * 5000 + "1s"],
)
def test_a_bad_duration_is_one_line(cli: Run, cli_home: AppPaths, runtime: Path, bad: str) -> None:
    result = cli("unlock", f"--for={bad}", CARECOMPANION_PASSPHRASE=GOOD_PASSPHRASE)
    assert result.code == 1
    assert len(result.err_lines) == 1 and result.err.startswith("carecompanion: --for ")
    assert agent.status() is None


@pytest.mark.parametrize(
    ("text", "seconds", "said"),
    [
        ("30s", 30, "30 seconds"),
        ("15m", 900, "15 minutes"),
        ("2h", 7200, "2 hours"),
        ("1h30m", 5400, "1 hour 30 minutes"),
        ("12h", 43200, "12 hours"),
        (" 1M ", 60, "1 minute"),
    ],
)
def test_durations(text: str, seconds: int, said: str) -> None:
    assert parse_duration(text) == seconds
    assert describe_duration(seconds) == said


@pytest.mark.real_kdf  # the subprocess checks the vault against the app's real floor
def test_the_real_command_in_its_own_processes(
    cli_process: Run, isolated_env: Path, runtime: Path
) -> None:
    """Whole processes, as a person runs them: init, unlock, then commands with no
    passphrase and no terminal, then lock."""
    created = cli_process(
        "init", "--kdf-memory-mib", "64", CARECOMPANION_PASSPHRASE=GOOD_PASSPHRASE
    )
    assert created.code == 0, created.err
    unlocked = cli_process("unlock", "--for", "10m", CARECOMPANION_PASSPHRASE=GOOD_PASSPHRASE)
    assert unlocked.code == 0 and unlocked.err == "", unlocked.err
    added = cli_process("journal", "add", "--title", "Clinic", "--text", "Long wait.")
    assert added.code == 0, added.err
    listed = cli_process("journal", "list")
    assert (listed.code, listed.out.split("\t")[2].strip()) == (0, "Clinic"), listed.err
    assert cli_process("lock").out.strip() == "Locked: commands ask for the passphrase again."
    refused = cli_process("journal", "list")
    assert refused.code == 1 and NEEDS_PASSPHRASE in refused.err
