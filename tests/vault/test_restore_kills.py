"""A restore is one step (issue 15): killed at any step, the next start finishes or undoes it,
and either vault opens whole with its own passphrase; the other is kept; nothing is lost.

The kills are in-process: ``restore_log.crash_hook`` raises ``Crash`` at a named step. Crash
is a BaseException, like the KeyboardInterrupt a signal raises, so no ``except Exception``
clean-up runs: what is on disk is what a power cut at that step would leave. "The next start"
is :func:`finish_interrupted`, which the app and every command run first.
"""

from __future__ import annotations

import errno
import json
import shutil
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from carecompanion.clock import FixedClock
from carecompanion.journal.service import JournalService
from carecompanion.paths import AppPaths
from carecompanion.session import create_vault
from carecompanion.vault import restore, restore_log
from carecompanion.vault.backup import DATABASE_MEMBER
from carecompanion.vault.earlier import list_earlier
from carecompanion.vault.errors import BackupError, RestoreUnfinished, WrongPassphrase
from carecompanion.vault.kdf import KdfParams
from carecompanion.vault.restore import put_back, restore_backup
from carecompanion.vault.restore_log import LOG_NAME, finish_interrupted
from carecompanion.vault.vault import Vault
from tests.helpers import GOOD_PASSPHRASE, OTHER_PASSPHRASE, hash_tree

#: Every step a restore passes, in order (a test checks the list is complete).
STEPS = [
    "staged",
    "log-written",
    "moved-aside:vault.header",
    "moved-aside:vault.db",
    "all-aside",
    "moved-in:vault.db",
    "moved-in:vault.header",
    "staging-removed",
    "before-log-removed",
]
AFTER_THE_LOG = STEPS[STEPS.index("log-written") :]
IN_JOURNAL = "written in the journal"
IN_BACKUP = "kept in the backup"
MARKER = "unmistakable-restore-words-5581"


class Crash(BaseException):
    """The process stops here: nothing after it runs, not even clean-up."""


Hook = Callable[[Callable[[str], None] | None], None]


@pytest.fixture
def set_hook(monkeypatch: pytest.MonkeyPatch) -> Iterator[Hook]:
    def install(hook: Callable[[str], None] | None) -> None:
        monkeypatch.setattr(restore_log, "crash_hook", hook)

    yield install


def crash_at(step: str) -> Callable[[str], None]:
    def hook(reached: str) -> None:
        if reached == step:
            raise Crash(step)

    return hook


def titles(paths: AppPaths, passphrase: str, clock: FixedClock) -> list[str]:
    """The vault in ``paths`` opens whole with ``passphrase``: its entries."""
    unlocked = Vault(paths, clock).unlock(passphrase)
    try:
        return sorted(s.title for s in JournalService(unlocked.database, clock).list_summaries())
    finally:
        unlocked.lock()


@pytest.fixture(scope="module")
def originals(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where the two vaults are made once for this module (see ``_original``)."""
    return tmp_path_factory.mktemp("originals")


def _original(originals: Path, name: str, make: Callable[[Path], None]) -> Path:
    """Made by the first test that asks (its KDF profile is in force then), copied after."""
    made = originals / name
    if not made.exists():
        make(originals / f"{name}.partial")
        (originals / f"{name}.partial").rename(made)
    return made


@pytest.fixture
def journal(paths: AppPaths, clock: FixedClock, fast_kdf: KdfParams, originals: Path) -> AppPaths:
    """The vault in place: GOOD_PASSPHRASE, one entry."""

    def make(folder: Path) -> None:
        unlocked, _key = Vault.create(AppPaths(folder), GOOD_PASSPHRASE, kdf=fast_kdf, clock=clock)
        JournalService(unlocked.database, clock).add(IN_JOURNAL, "")
        unlocked.lock()

    shutil.copytree(_original(originals, "journal", make), paths.data_dir)
    return paths


@pytest.fixture
def backup(tmp_path: Path, clock: FixedClock, fast_kdf: KdfParams, originals: Path) -> Path:
    """A backup of another vault: OTHER_PASSPHRASE, another entry (a mix of the two vaults'
    files would not open)."""

    def make(folder: Path) -> None:
        unlocked, _key = Vault.create(
            AppPaths(folder / "other"), OTHER_PASSPHRASE, kdf=fast_kdf, clock=clock
        )
        JournalService(unlocked.database, clock).add(IN_BACKUP, MARKER * 20, [MARKER])
        unlocked.backup_to(folder / "other.ccbackup")
        unlocked.lock()

    out = tmp_path / "other.ccbackup"
    shutil.copyfile(_original(originals, "backup", make) / "other.ccbackup", out)
    return out


def assert_settled(paths: AppPaths) -> None:
    """No log, no staging folder, no temp file: a clean data folder."""
    names = {p.name for p in paths.data_dir.iterdir()}
    assert LOG_NAME not in names
    assert not [n for n in names if n.startswith(".")], names


def assert_restored(paths: AppPaths, clock: FixedClock) -> None:
    """The backup's vault is in place, whole; the journal it replaced is kept, whole."""
    assert titles(paths, OTHER_PASSPHRASE, clock) == [IN_BACKUP]
    earlier = list_earlier(paths)
    assert len(earlier) == 1 and earlier[0].complete
    assert titles(AppPaths(earlier[0].path), GOOD_PASSPHRASE, clock) == [IN_JOURNAL]


def assert_as_before(paths: AppPaths, clock: FixedClock) -> None:
    assert titles(paths, GOOD_PASSPHRASE, clock) == [IN_JOURNAL]
    assert list_earlier(paths) == []


# -- the steps -------------------------------------------------------------------------------------
def test_the_steps_are_the_ones_killed_below(
    journal: AppPaths, backup: Path, clock: FixedClock, set_hook: Hook
) -> None:
    seen: list[str] = []
    set_hook(seen.append)
    restore_backup(backup, journal, passphrase=OTHER_PASSPHRASE, clock=clock)
    assert seen == STEPS
    set_hook(None)
    assert_restored(journal, clock)
    assert_settled(journal)


@pytest.mark.parametrize("step", STEPS)
def test_killed_at_any_step_the_next_start_ends_it(
    journal: AppPaths, backup: Path, clock: FixedClock, set_hook: Hook, step: str
) -> None:
    set_hook(crash_at(step))
    with pytest.raises(Crash):
        restore_backup(backup, journal, passphrase=OTHER_PASSPHRASE, clock=clock)
    set_hook(None)

    said = finish_interrupted(journal)  # the next start
    assert_settled(journal)
    if step in AFTER_THE_LOG:  # decided: finished
        assert said is not None and said.code == "vault.restore.finished"
        assert str(list_earlier(journal)[0].path) in said
        assert_restored(journal, clock)
    else:  # not begun: the staged copy is a leftover, cleared
        assert said is None
        assert_as_before(journal, clock)
    assert finish_interrupted(journal) is None  # once only


@pytest.mark.parametrize("step", AFTER_THE_LOG)
def test_killed_again_while_finishing(
    journal: AppPaths, backup: Path, clock: FixedClock, set_hook: Hook, step: str
) -> None:
    """Every step of the finishing, killed in turn: the start after that ends it."""
    set_hook(crash_at(step))
    with pytest.raises(Crash):
        restore_backup(backup, journal, passphrase=OTHER_PASSPHRASE, clock=clock)
    finishing: list[str] = []
    set_hook(finishing.append)
    finish_interrupted(_copy_of(journal, "walk"))  # which steps finishing passes
    assert finishing[-1] == "before-log-removed"
    for second in finishing:
        copy = _copy_of(journal, second)
        set_hook(crash_at(second))
        with pytest.raises(Crash):
            finish_interrupted(copy)
        set_hook(None)
        finish_interrupted(copy)
        assert_settled(copy)
        assert_restored(copy, clock)


@pytest.mark.parametrize(
    ("step", "spoilt"),
    [
        ("log-written", "vault.db"),
        ("moved-aside:vault.header", "vault.db"),
        ("all-aside", "vault.header"),
        ("moved-in:vault.db", "vault.header"),
    ],
)
def test_a_staged_copy_spoilt_meanwhile_is_undone(
    journal: AppPaths, backup: Path, clock: FixedClock, set_hook: Hook, step: str, spoilt: str
) -> None:
    """The end cannot be reached (a staged file changed while the computer was off): the
    journal is put back as it was, and the backup file is untouched."""
    before = backup.read_bytes()
    set_hook(crash_at(step))
    with pytest.raises(Crash):
        restore_backup(backup, journal, passphrase=OTHER_PASSPHRASE, clock=clock)
    set_hook(None)
    (staged,) = journal.data_dir.glob(".restore-*")
    data = bytearray((staged / spoilt).read_bytes())
    data[len(data) // 2] ^= 0xFF
    (staged / spoilt).write_bytes(bytes(data))

    said = finish_interrupted(journal)
    assert said is not None and said.code == "vault.restore.undone"
    assert_settled(journal)
    assert_as_before(journal, clock)
    assert backup.read_bytes() == before


@pytest.mark.parametrize("step", ["moved-aside:vault.db", "moved-in:vault.db"])
def test_an_error_midway_is_undone_at_once(
    journal: AppPaths, backup: Path, clock: FixedClock, set_hook: Hook, step: str
) -> None:
    """Not a crash but a refusal (a permission, a full disk): undone there and then, said in
    one sentence."""

    def refuse(reached: str) -> None:
        if reached == step:
            raise PermissionError(errno.EACCES, "Permission denied")

    set_hook(refuse)
    with pytest.raises(BackupError, match=r"could not be restored .*Nothing was changed"):
        restore_backup(backup, journal, passphrase=OTHER_PASSPHRASE, clock=clock)
    set_hook(None)
    assert_settled(journal)
    assert_as_before(journal, clock)


@pytest.mark.parametrize("step", ["moved-aside:vault.db", "moved-in:vault.db"])
def test_killed_while_undoing_the_next_start_ends_the_undo(
    journal: AppPaths, backup: Path, clock: FixedClock, set_hook: Hook, step: str
) -> None:
    """An undo is carried on after a crash, never turned back into finishing over files it
    had already put back."""
    undoing: list[str] = []

    def refuse_then_record(reached: str) -> None:
        if reached == step:
            raise PermissionError(errno.EACCES, "Permission denied")
        if undoing or reached == "undoing":
            undoing.append(reached)

    set_hook(refuse_then_record)
    with pytest.raises(BackupError):
        restore_backup(backup, _copy_of(journal, "walk"), passphrase=OTHER_PASSPHRASE, clock=clock)
    assert undoing[0] == "undoing" and undoing[-1] == "before-log-removed"
    for second in undoing:
        copy = _copy_of(journal, second)

        def refuse_then_crash(reached: str, second: str = second) -> None:
            if reached == step:
                raise PermissionError(errno.EACCES, "Permission denied")
            if reached == second:
                raise Crash(second)

        set_hook(refuse_then_crash)
        with pytest.raises(Crash):
            restore_backup(backup, copy, passphrase=OTHER_PASSPHRASE, clock=clock)
        set_hook(None)
        said = finish_interrupted(copy)
        assert said is not None and said.code == "vault.restore.undone", second
        assert_settled(copy)
        assert_as_before(copy, clock)


def test_finishing_that_cannot_move_a_file_tries_again_next_time(
    journal: AppPaths, backup: Path, clock: FixedClock, set_hook: Hook
) -> None:
    set_hook(crash_at("moved-aside:vault.header"))
    with pytest.raises(Crash):
        restore_backup(backup, journal, passphrase=OTHER_PASSPHRASE, clock=clock)

    def refuse(reached: str) -> None:
        if reached == "moved-aside:vault.db":
            raise PermissionError(errno.EACCES, "Permission denied")

    set_hook(refuse)
    with pytest.raises(RestoreUnfinished, match="tries again each time it starts"):
        finish_interrupted(journal)
    assert (journal.data_dir / LOG_NAME).exists()
    set_hook(None)
    assert finish_interrupted(journal) is not None
    assert_restored(journal, clock)


# -- before anything moves -------------------------------------------------------------------------
def test_a_wrong_passphrase_writes_nothing_at_all(
    journal: AppPaths,
    backup: Path,
    clock: FixedClock,
    tmp_path: Path,
    set_hook: Hook,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Checked against the backup's header before any staging copy is made (issue 15: a
    wrong passphrase used to write a whole staging copy first)."""
    extracted: list[object] = []
    monkeypatch.setattr(restore, "extract_backup", lambda *args: extracted.append(args))
    before = hash_tree(journal.data_dir)
    with pytest.raises(WrongPassphrase):
        restore_backup(backup, journal, passphrase=GOOD_PASSPHRASE, clock=clock)
    fresh = AppPaths(tmp_path / "new-computer")
    with pytest.raises(WrongPassphrase):
        restore_backup(backup, fresh, passphrase=GOOD_PASSPHRASE, clock=clock)
    assert extracted == []
    assert hash_tree(journal.data_dir) == before
    assert not fresh.data_dir.exists()


def test_the_staged_copy_is_never_in_clear(
    journal: AppPaths, backup: Path, clock: FixedClock, set_hook: Hook
) -> None:
    seen: dict[str, bytes] = {}

    def look(reached: str) -> None:
        if reached == "staged":
            for staged in journal.data_dir.glob(".restore-*/*"):
                seen[staged.name] = staged.read_bytes()
                assert staged.stat().st_mode & 0o077 == 0, staged

    set_hook(look)
    restore_backup(backup, journal, passphrase=OTHER_PASSPHRASE, clock=clock)
    assert set(seen) == {"vault.header", "vault.db"}
    for data in seen.values():
        assert MARKER.encode() not in data and MARKER.encode("utf-16-le") not in data
    assert not seen["vault.db"].startswith(b"SQLite format 3")


def test_too_little_space_is_said_before_anything_is_written(
    journal: AppPaths, backup: Path, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    class Usage:
        free = 1024

    monkeypatch.setattr(shutil, "disk_usage", lambda _folder: Usage())
    before = hash_tree(journal.data_dir)
    with pytest.raises(BackupError, match="not enough free space") as refused:
        restore_backup(backup, journal, passphrase=OTHER_PASSPHRASE, clock=clock)
    assert refused.value.code == "vault.restore.no_space"
    assert hash_tree(journal.data_dir) == before
    assert_settled(journal)


def test_a_disk_that_fills_while_staging(
    journal: AppPaths, backup: Path, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(*_args: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(restore, "extract_backup", full)
    with pytest.raises(BackupError, match="not enough free space"):
        restore_backup(backup, journal, passphrase=OTHER_PASSPHRASE, clock=clock)
    assert_settled(journal)
    assert_as_before(journal, clock)


def test_a_backup_that_fails_its_crc(
    journal: AppPaths, backup: Path, clock: FixedClock, tmp_path: Path
) -> None:
    """One flipped byte in the stored database: a damaged backup, one sentence (issue 15: it
    was a zipfile.BadZipFile traceback)."""
    with zipfile.ZipFile(backup) as archive:
        database = archive.read(DATABASE_MEMBER)
    raw = bytearray(backup.read_bytes())
    middle = raw.index(database[4096:4160]) + 10
    raw[middle] ^= 0xFF
    bad = tmp_path / "bad-crc.ccbackup"
    bad.write_bytes(bytes(raw))
    before = hash_tree(journal.data_dir)
    with pytest.raises(BackupError, match="is damaged and cannot be restored"):
        restore_backup(bad, journal, passphrase=OTHER_PASSPHRASE, clock=clock)
    assert hash_tree(journal.data_dir) == before
    assert_settled(journal)


# -- leftovers, the half-done guard, earlier journals --------------------------------------------
def test_leftovers_of_killed_restores_are_cleared(journal: AppPaths, clock: FixedClock) -> None:
    staging = journal.data_dir / ".restore-k1ll3d"
    staging.mkdir()
    (staging / "vault.db").write_bytes(b"\x00" * 4096)
    temp = journal.data_dir / f".{LOG_NAME}.abc123.tmp"
    temp.write_bytes(b"{")
    empty = journal.data_dir / "replaced-20260101-000000"
    empty.mkdir()
    kept = journal.data_dir / "replaced-20260102-000000"
    kept.mkdir()
    (kept / "vault.header").write_text("{}")
    assert finish_interrupted(journal) is None
    assert not staging.exists() and not temp.exists() and not empty.exists()
    assert (kept / "vault.header").exists()
    assert_as_before_except_earlier(journal, clock)


def assert_as_before_except_earlier(paths: AppPaths, clock: FixedClock) -> None:
    assert titles(paths, GOOD_PASSPHRASE, clock) == [IN_JOURNAL]


def test_no_new_vault_while_a_restore_is_half_done(
    journal: AppPaths, backup: Path, clock: FixedClock, set_hook: Hook, fast_kdf: KdfParams
) -> None:
    """Killed with both files aside, the folder looks empty: making a vault there would hide
    the journal (issue 15: ``init`` did, and the journal sat in replaced-* unsaid)."""
    set_hook(crash_at("all-aside"))
    with pytest.raises(Crash):
        restore_backup(backup, journal, passphrase=OTHER_PASSPHRASE, clock=clock)
    set_hook(None)
    assert not journal.header_file.exists() and not journal.database_file.exists()
    with pytest.raises(RestoreUnfinished, match="half-done, so no new vault was made"):
        create_vault(journal, GOOD_PASSPHRASE, kdf=fast_kdf, clock=clock)
    with pytest.raises(RestoreUnfinished, match="half-done"):
        restore_backup(backup, journal, passphrase=OTHER_PASSPHRASE, clock=clock)
    finish_interrupted(journal)
    assert_restored(journal, clock)


def test_an_earlier_journal_is_listed_and_put_back(
    journal: AppPaths, backup: Path, clock: FixedClock
) -> None:
    clock.advance(3600)
    replaced = restore_backup(backup, journal, passphrase=OTHER_PASSPHRASE, clock=clock)
    assert replaced is not None
    (earlier,) = list_earlier(journal)
    assert earlier.path == replaced and earlier.complete
    assert earlier.replaced_at == clock.now()
    assert earlier.started is not None and earlier.started < earlier.replaced_at

    with pytest.raises(WrongPassphrase):
        put_back(earlier.name, journal, passphrase=OTHER_PASSPHRASE, clock=clock)
    clock.advance(60)
    moved = put_back(earlier.name, journal, passphrase=GOOD_PASSPHRASE, clock=clock)
    assert_as_before_except_earlier(journal, clock)
    assert not earlier.path.exists()  # it is the vault again
    (now_earlier,) = list_earlier(journal)
    assert now_earlier.path == moved
    assert titles(AppPaths(now_earlier.path), OTHER_PASSPHRASE, clock) == [IN_BACKUP]
    assert_settled(journal)


@pytest.mark.parametrize("step", ["all-aside", "moved-in:vault.db", "source-removed"])
def test_putting_back_killed_midway(
    journal: AppPaths, backup: Path, clock: FixedClock, set_hook: Hook, step: str
) -> None:
    restore_backup(backup, journal, passphrase=OTHER_PASSPHRASE, clock=clock)
    (earlier,) = list_earlier(journal)
    clock.advance(60)
    set_hook(crash_at(step))
    with pytest.raises(Crash):
        put_back(earlier.name, journal, passphrase=GOOD_PASSPHRASE, clock=clock)
    set_hook(None)
    finish_interrupted(journal)
    assert_settled(journal)
    assert titles(journal, GOOD_PASSPHRASE, clock) == [IN_JOURNAL]
    (kept,) = list_earlier(journal)
    assert titles(AppPaths(kept.path), OTHER_PASSPHRASE, clock) == [IN_BACKUP]


def test_an_unreadable_log_moves_nothing(journal: AppPaths, clock: FixedClock) -> None:
    (journal.data_dir / LOG_NAME).write_text(json.dumps({"format": "something else"}))
    said = finish_interrupted(journal)
    assert said is not None and said.code == "vault.restore.log_unreadable"
    assert not (journal.data_dir / LOG_NAME).exists()
    assert_as_before(journal, clock)


# -- helpers ---------------------------------------------------------------------------------------
def _copy_of(paths: AppPaths, label: str) -> AppPaths:
    """The data folder as it is now, copied beside it (the log names folders, not paths)."""
    copy = paths.data_dir.with_name(f"{paths.data_dir.name}-{label.replace(':', '-')}")
    shutil.copytree(paths.data_dir, copy)
    return AppPaths(copy)
