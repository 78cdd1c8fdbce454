"""Issue 15, finding 3 and "one vault, one writer, known to all": the app and the command line
in two real processes on one journal.

The app runs in its own process (tests/ui/app_holder.py: the real controller, offscreen) and
the command line in another; they are kept in step through pipes, never by sleeping. While the
app has the journal open, a command that writes (restore among them) is refused with one line
and changes nothing, and the app's later writes still land in the live journal; a command that
only reads works. A closed or killed app leaves the journal free.
"""

from __future__ import annotations

import os
import queue
import shutil
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from carecompanion.clock import SystemClock
from carecompanion.journal.service import JournalService
from carecompanion.paths import AppPaths
from carecompanion.session import create_vault
from carecompanion.vault.kdf import MINIMUM_KDF
from carecompanion.vault.vault import Vault
from tests.cli.conftest import Result
from tests.helpers import GOOD_PASSPHRASE, OTHER_PASSPHRASE, hash_tree

Run = Callable[..., Result]
ROOT = Path(__file__).resolve().parents[2]
APP_IS_OPEN = "CareCompanion is open on this journal; close it or use it there."
ANSWER_SECONDS = 120  # a bound on a hung process, not a wait: answers come at once


class OtherProcess:
    """A process the test talks to line by line (its stdout read on a thread, so a hung
    process fails the test after ANSWER_SECONDS instead of hanging it)."""

    def __init__(self, command: list[str], log: Path) -> None:
        self._log = log.open("w")
        self.log_path = log
        self.process = subprocess.Popen(
            command,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self._log,
            text=True,
            cwd=ROOT,
        )
        self._lines: queue.Queue[str] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self._lines.put(line.rstrip("\n"))
        self._lines.put("<exited>")

    def say(self, line: str) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write(line + "\n")
        self.process.stdin.flush()

    def answer(self) -> str:
        try:
            return self._lines.get(timeout=ANSWER_SECONDS)
        except queue.Empty:
            self.process.kill()
            raise AssertionError(f"no answer; its log:\n{self.log_path.read_text()}") from None

    def ask(self, line: str) -> str:
        self.say(line)
        return self.answer()

    def kill(self) -> None:
        """As a crash or ``kill -9`` would: the OS takes back whatever it held."""
        self.process.kill()
        self.process.wait()

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait()
        for stream in (self.process.stdin, self.process.stdout):
            if stream is not None:
                stream.close()
        self._log.close()


@pytest.fixture
def journal(isolated_env: Path) -> AppPaths:
    """A vault where the command line looks, at the app's real key cost (other processes
    refuse the tests' fast profile)."""
    paths = AppPaths(isolated_env)
    unlocked, _ = create_vault(paths, GOOD_PASSPHRASE, kdf=MINIMUM_KDF, clock=SystemClock())
    JournalService(unlocked.database, SystemClock()).add("first", "made before the app opened")
    unlocked.lock()
    return paths


@pytest.fixture
def open_app(journal: AppPaths, tmp_path: Path) -> Iterator[OtherProcess]:
    app = OtherProcess(
        [sys.executable, "-m", "tests.ui.app_holder", str(journal.data_dir)],
        tmp_path / "app.log",
    )
    try:
        assert app.ask(GOOD_PASSPHRASE) == "unlocked", app.log_path.read_text()
        yield app
    finally:
        app.close()


def titles(paths: AppPaths) -> list[str]:
    unlocked = Vault(paths).unlock(GOOD_PASSPHRASE)
    try:
        service = JournalService(unlocked.database, SystemClock())
        return sorted(summary.title for summary in service.list_summaries())
    finally:
        unlocked.lock()


def assert_app_is_open(result: Result) -> None:
    assert result.code == 1, result.out
    assert result.err_lines == [f"carecompanion: {APP_IS_OPEN}"], result.err
    assert result.out == ""


@pytest.fixture
def saved_backup(journal: AppPaths, tmp_path: Path) -> Path:
    """A backup of the journal, made before the app opens."""
    unlocked = Vault(journal).unlock(GOOD_PASSPHRASE)
    try:
        return unlocked.backup_to(tmp_path / "saved.ccbackup")
    finally:
        unlocked.lock()


def test_restore_while_the_app_is_open_is_refused_and_the_app_writes_on(
    journal: AppPaths, saved_backup: Path, cli_process: Run, open_app: OtherProcess
) -> None:
    backup = saved_backup
    header_before = journal.header_file.read_bytes()

    restored = cli_process("restore", str(backup), CARECOMPANION_PASSPHRASE=GOOD_PASSPHRASE)
    assert_app_is_open(restored)
    assert [p.name for p in journal.data_dir.glob("replaced-*")] == []
    assert journal.header_file.read_bytes() == header_before

    assert open_app.ask("add written after the restore was refused").startswith("added ")
    assert open_app.ask("quit") == "closed"
    assert titles(journal) == ["first", "written after the restore was refused"]


def test_the_app_holding_the_journal_refuses_writers_and_lets_readers_read(
    journal: AppPaths, tmp_path: Path, cli_process: Run, open_app: OtherProcess
) -> None:
    assert open_app.ask("add from the app").startswith("added ")
    secret = {"CARECOMPANION_PASSPHRASE": GOOD_PASSPHRASE}

    added = cli_process("journal", "add", "--title", "from a terminal", "--text", "x", **secret)
    assert_app_is_open(added)
    header_before = journal.header_file.read_bytes()
    changed = cli_process(
        "passphrase", "change", CARECOMPANION_NEW_PASSPHRASE=OTHER_PASSPHRASE, **secret
    )
    assert_app_is_open(changed)
    assert journal.header_file.read_bytes() == header_before
    backup = tmp_path / "copy.ccbackup"
    made = cli_process("backup", "--out", str(backup), **secret)
    assert_app_is_open(made)  # a backup carries the header: written by the one writer too
    assert not backup.exists()

    listed = cli_process("journal", "list", **secret)
    assert listed.code == 0, listed.err
    assert [line.split("\t")[2] for line in listed.out.splitlines()] == ["from the app", "first"]
    found = cli_process("journal", "search", "app", **secret)
    assert found.code == 0, found.err
    assert "from the app" in found.out
    shown = cli_process("journal", "show", "1", **secret)
    assert shown.code == 0, shown.err
    assert "first" in shown.out
    moods = cli_process("mood", "list", **secret)
    assert (moods.code, moods.err) == (0, "")
    checked = cli_process("unlock-check", **secret)
    assert (checked.code, checked.out.strip()) == (0, "The passphrase is right.")

    assert open_app.ask("quit") == "closed"
    after = cli_process("journal", "add", "--title", "from a terminal", "--text", "x", **secret)
    assert after.code == 0, after.err
    assert titles(journal) == ["first", "from a terminal", "from the app"]


def test_a_killed_app_does_not_keep_the_journal(
    journal: AppPaths, cli_process: Run, open_app: OtherProcess
) -> None:
    open_app.kill()
    added = cli_process(
        "journal",
        "add",
        "--title",
        "after the crash",
        "--text",
        "x",
        CARECOMPANION_PASSPHRASE=GOOD_PASSPHRASE,
    )
    assert added.code == 0, added.err
    assert titles(journal) == ["after the crash", "first"]


# -- two commands ------------------------------------------------------------------------------
HOLD_AS_A_COMMAND = """
import sys
from pathlib import Path
from carecompanion.vault.writer_lock import Holder, WriterLock

claim = WriterLock(Path(sys.argv[1]), Holder.COMMAND).acquire(wait=0)
print("held", flush=True)
sys.stdin.readline()
claim.release()
print("released", flush=True)
sys.stdin.readline()
"""


@pytest.fixture
def busy_command(journal: AppPaths, tmp_path: Path) -> Iterator[OtherProcess]:
    """Another command with the journal: holds it until told to let go."""
    other = OtherProcess(
        [sys.executable, "-c", HOLD_AS_A_COMMAND, str(journal.data_dir)], tmp_path / "cmd.log"
    )
    try:
        assert other.answer() == "held", other.log_path.read_text()
        yield other
    finally:
        other.close()


def test_a_reader_reads_while_another_command_writes(
    journal: AppPaths, cli_process: Run, busy_command: OtherProcess
) -> None:
    listed = cli_process("journal", "list", CARECOMPANION_PASSPHRASE=GOOD_PASSPHRASE)
    assert listed.code == 0, listed.err
    assert listed.out.split("\t")[2].strip() == "first"


def test_a_writer_waits_for_another_command_and_then_writes(
    journal: AppPaths, tmp_path: Path, busy_command: OtherProcess
) -> None:
    writer = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "carecompanion",
            "journal",
            "add",
            "--title",
            "queued",
            "--text",
            "x",
        ],
        env={**os.environ, "CARECOMPANION_PASSPHRASE": GOOD_PASSPHRASE},
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=tmp_path,
    )
    assert busy_command.ask("let go") == "released"
    out, err = writer.communicate(timeout=ANSWER_SECONDS)
    assert (writer.returncode, err) == (0, "")
    assert "queued" in out
    assert titles(journal) == ["first", "queued"]


# -- a swapped-in older file, said in one line -------------------------------------------------
def test_an_older_key_file_put_back_is_one_line_and_changes_nothing(
    cli: Run, cli_home: AppPaths, tmp_path: Path
) -> None:
    old_header = tmp_path / "old.header"
    shutil.copy2(cli_home.header_file, old_header)
    changed = cli(
        "passphrase",
        "change",
        CARECOMPANION_PASSPHRASE=GOOD_PASSPHRASE,
        CARECOMPANION_NEW_PASSPHRASE=OTHER_PASSPHRASE,
    )
    assert changed.code == 0, changed.err
    shutil.copy2(old_header, cli_home.header_file)
    before = hash_tree(cli_home.data_dir)

    result = cli("journal", "list", CARECOMPANION_PASSPHRASE=GOOD_PASSPHRASE)
    assert result.code == 1
    assert len(result.err_lines) == 1, result.err
    assert result.err.startswith("carecompanion: This journal's key file (vault.header) is older")
    assert "damaged" not in result.err
    assert str(cli_home.backups_dir) in result.err
    assert result.out == ""
    assert hash_tree(cli_home.data_dir) == before


def test_with_a_session_the_app_holding_the_journal_still_refuses_writers(
    journal: AppPaths, cli_process: Run, open_app: OtherProcess, runtime: Path
) -> None:
    """The unlocked session's quick path (cli/quick_read.py) beside the open app: a read
    reads (under SQLite's locking, without the passphrase), ``journal add`` never writes
    beside the app (it steps aside to the full unlock, which says the app has the journal),
    and what the app writes meanwhile is read at once."""
    started = cli_process("unlock", CARECOMPANION_PASSPHRASE=GOOD_PASSPHRASE)
    assert started.code == 0, started.err

    added = cli_process("journal", "add", "--title", "from a terminal", "--text", "x")
    assert_app_is_open(added)
    assert open_app.ask("add from the app").startswith("added ")
    listed = cli_process("journal", "list")
    assert listed.code == 0, listed.err
    assert [line.split("\t")[2] for line in listed.out.splitlines()] == ["from the app", "first"]
    found = cli_process("journal", "search", "written")
    assert found.code == 0, found.err
    assert [line.split("\t")[2] for line in found.out.splitlines()] == ["from the app"]

    assert open_app.ask("quit") == "closed"
    assert titles(journal) == ["first", "from the app"]
