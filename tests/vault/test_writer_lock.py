"""The vault's writer lock across real processes: who holds it is said, a dead holder frees it,
and one process's sessions share it.

The other process is a small Python script that takes the lock and then waits for a line on
its stdin; it answers on stdout. Nothing sleeps: each step waits for the other's line.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from carecompanion.clock import FixedClock
from carecompanion.paths import AppPaths
from carecompanion.vault.errors import VaultInUse
from carecompanion.vault.vault import UnlockedVault, Vault
from carecompanion.vault.writer_lock import (
    APP_MARK_NAME,
    LOCK_NAME,
    Holder,
    WriterLock,
)
from tests.conftest import VaultFactory
from tests.helpers import GOOD_PASSPHRASE

ROOT = Path(__file__).resolve().parents[2]
APP_IS_OPEN = "CareCompanion is open on this journal; close it or use it there."
COMMAND_IS_RUNNING = (
    "Another CareCompanion command is using this journal; try again when it has finished."
)

HOLD = """
import sys
from pathlib import Path
from carecompanion.vault.writer_lock import Holder, WriterLock

lock = WriterLock(Path(sys.argv[1]), Holder[sys.argv[2]])
try:
    claim = lock.acquire(wait=0)
except Exception as exc:
    print(f"refused {getattr(exc, 'code', type(exc).__name__)}", flush=True)
    sys.exit(0)
print("held", flush=True)
sys.stdin.readline()
claim.release()
print("released", flush=True)
sys.stdin.readline()
"""


class Holding:
    """Another process that took (or tried to take) the lock of ``data_dir``."""

    def __init__(self, data_dir: Path, holder: Holder) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-c", HOLD, str(data_dir), holder.name],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            cwd=ROOT,
        )
        self.first = self.answer()

    def answer(self) -> str:
        assert self.process.stdout is not None
        return self.process.stdout.readline().strip()

    def ask(self, line: str = "go") -> str:
        assert self.process.stdin is not None
        self.process.stdin.write(line + "\n")
        self.process.stdin.flush()
        return self.answer()

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
        self.process.communicate()


@pytest.fixture
def other(paths: AppPaths) -> Iterator[Callable[[Holder], Holding]]:
    started: list[Holding] = []

    def start(holder: Holder) -> Holding:
        paths.ensure()
        holding = Holding(paths.data_dir, holder)
        started.append(holding)
        return holding

    yield start
    for holding in started:
        holding.close()


@pytest.mark.parametrize(
    ("holder", "said"),
    [(Holder.APP, APP_IS_OPEN), (Holder.COMMAND, COMMAND_IS_RUNNING)],
)
def test_a_second_writer_is_told_who_has_the_vault(
    paths: AppPaths, other: Callable[[Holder], Holding], holder: Holder, said: str
) -> None:
    holding = other(holder)
    assert holding.first == "held"
    with pytest.raises(VaultInUse) as raised:
        WriterLock(paths.data_dir).acquire(wait=0)
    assert str(raised.value) == said
    assert WriterLock(paths.data_dir).who_holds() is holder
    assert holding.ask() == "released"
    WriterLock(paths.data_dir).acquire(wait=0).release()


def test_the_app_is_refused_at_once_even_when_asked_to_wait(
    paths: AppPaths, other: Callable[[Holder], Holding]
) -> None:
    """Waiting is for a command, which ends soon; the app may stay open for hours."""
    assert other(Holder.APP).first == "held"
    with pytest.raises(VaultInUse, match="close it or use it there"):
        WriterLock(paths.data_dir).acquire(wait=3600)


def test_a_killed_holder_frees_the_vault(
    paths: AppPaths, other: Callable[[Holder], Holding]
) -> None:
    holding = other(Holder.APP)
    assert holding.first == "held"
    holding.process.kill()  # as kill -9 or a crash: no clean-up runs
    holding.process.wait()
    claim = WriterLock(paths.data_dir).acquire(wait=0)
    claim.release()
    assert (paths.data_dir / LOCK_NAME).exists(), "the lock file stays: only its OS lock went"


def test_sessions_of_one_process_share_the_lock(
    vault_factory: VaultFactory,
    paths: AppPaths,
    clock: FixedClock,
    other: Callable[[Holder], Holding],
) -> None:
    created, _ = vault_factory()
    second = Vault(paths, clock).unlock(GOOD_PASSPHRASE)  # the same process: counted
    created.lock()
    assert other(Holder.COMMAND).first == "refused vault.in_use.command", "still held"
    second.lock()
    holding = other(Holder.COMMAND)
    assert holding.first == "held", "the last session let go"


def test_a_reader_reads_while_another_process_writes(
    vault_factory: VaultFactory,
    paths: AppPaths,
    clock: FixedClock,
    other: Callable[[Holder], Holding],
    autolock: Callable[[UnlockedVault], UnlockedVault],
) -> None:
    created, _ = vault_factory()
    created.lock()
    assert other(Holder.APP).first == "held"
    header_before = paths.header_file.read_bytes()
    clock.advance(86400)  # a daily backup would be due: a reader leaves that to the writer
    reader = autolock(Vault(paths, clock, read_only=True).unlock(GOOD_PASSPHRASE))
    assert not reader.is_writer
    assert [p.name for p in paths.backups_dir.iterdir()] == []
    with pytest.raises(VaultInUse, match="close it or use it there"):
        reader.change_passphrase("lanterns drifting over a calm harbour")
    assert paths.header_file.read_bytes() == header_before
    with pytest.raises(VaultInUse):
        Vault(paths, clock).unlock(GOOD_PASSPHRASE)  # a writer is refused, as before


def test_a_reader_takes_the_lock_when_it_is_free(
    vault_factory: VaultFactory,
    paths: AppPaths,
    clock: FixedClock,
    other: Callable[[Holder], Holding],
    autolock: Callable[[UnlockedVault], UnlockedVault],
) -> None:
    created, _ = vault_factory()
    created.lock()
    reader = autolock(Vault(paths, clock, read_only=True).unlock(GOOD_PASSPHRASE))
    assert reader.is_writer
    assert other(Holder.COMMAND).first == "refused vault.in_use.command"


def test_a_failed_unlock_lets_go(
    vault_factory: VaultFactory,
    paths: AppPaths,
    clock: FixedClock,
    other: Callable[[Holder], Holding],
) -> None:
    created, _ = vault_factory()
    created.lock()
    with pytest.raises(Exception, match="does not open"):
        Vault(paths, clock).unlock("not the passphrase at all, no")
    assert other(Holder.COMMAND).first == "held"


def test_the_app_leaves_its_mark_only_while_it_holds(paths: AppPaths) -> None:
    paths.ensure()
    claim = WriterLock(paths.data_dir, Holder.APP).acquire(wait=0)
    assert (paths.data_dir / APP_MARK_NAME).exists()
    claim.release()
    claim.release()  # twice is harmless
    assert WriterLock(paths.data_dir).who_holds() is Holder.COMMAND


def test_no_folder_is_no_vault(tmp_path: Path) -> None:
    from carecompanion.vault.errors import VaultNotFound

    with pytest.raises(VaultNotFound):
        WriterLock(tmp_path / "missing").acquire(wait=0)


def test_a_reader_whose_journal_is_rekeyed_meanwhile_is_not_told_it_is_damaged(
    vault_factory: VaultFactory,
    paths: AppPaths,
    tmp_path: Path,
    clock: FixedClock,
    other: Callable[[Holder], Holding],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The app rotates the data key (a new header, the database re-encrypted) while a command
    reads beside it: between the reader's header and its database, the key changed. That is
    said as what it is, never as damage."""
    from carecompanion.vault import vault as vault_module
    from carecompanion.vault.kdf import KdfParams, derive_key

    created, _ = vault_factory()
    created.lock()
    elsewhere = AppPaths(tmp_path / "rekeyed")
    vault_factory(paths=elsewhere)[0].lock()  # stands in for the same journal under a new key
    assert other(Holder.APP).first == "held"

    def derive_while_the_app_rekeys(passphrase: str, salt: bytes, params: KdfParams) -> bytes:
        key = derive_key(passphrase, salt, params)
        for name in ("vault.header", "vault.db"):
            (paths.data_dir / name).write_bytes((elsewhere.data_dir / name).read_bytes())
        return key

    monkeypatch.setattr(vault_module, "derive_key", derive_while_the_app_rekeys)
    with pytest.raises(VaultInUse) as raised:
        Vault(paths, clock, read_only=True).unlock(GOOD_PASSPHRASE)
    assert raised.value.code == "vault.changed_while_opening"
    assert "damaged" not in str(raised.value)
