"""Issue 14, findings 7 and 13: only a sync tool's exact conflict names are ever removed, and
the lock file tells the sync service nothing about who holds it."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import warnings
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from carecompanion.circle import files
from carecompanion.circle.files import (
    CircleLockTimeout,
    circle_lock,
    find_conflict_copies,
    find_copies,
    lock_path,
)

STEM = "family"


def _dead_pid() -> int:
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return process.pid


def _names(folder: Path, *names: str) -> Path:
    file = folder / f"{STEM}.carecircle"
    for name in [file.name, *names]:
        (folder / name).write_bytes(b"x")
    return file


# -- conflict names: exact, or only a person's own copy ---------------------------------------
EXACT = [
    # Syncthing FAQ, "What if there is a conflict?": NAME.sync-conflict-DATE-TIME-MODIFIEDBY.EXT
    "family.sync-conflict-20261125-101500-ABCDEF7.carecircle",
    "family.sync-conflict-20261125-101500.carecircle",  # before v0.14
    # Dropbox: the editor's name, "conflicted copy" and the date
    "family (Ana's conflicted copy 2026-11-25).carecircle",
    "family (Ana's conflicted copy 2026-11-25) (1).carecircle",
    "family (Ana's conflicted copy 2026-11-25 (1)).carecircle",
    # Nextcloud / ownCloud >= 2.5 (makeConflictFileName), with and without the user
    "family (conflicted copy 2026-11-25 101500).carecircle",
    "family (conflicted copy ana 2026-11-25 101500).carecircle",
    "family_conflict-20261125-101500.carecircle",  # the older ownCloud tag
    # OneDrive: the Windows computer name (NetBIOS: upper case, at most 15 characters)
    "family-DESKTOP-7QK2M1B.carecircle",
    "family-DESKTOP-7QK2M1B-1.carecircle",
    "family-LAPTOP-ANA.carecircle",
    # the Linux OneDrive client keeps a local copy as NAME-HOST-safeBackup-NNNN
    "family-ana-laptop-safeBackup-0001.carecircle",
]
PEOPLES_OWN = [
    "family-backup.carecircle",
    "family-Backup-2.carecircle",
    "family copy.carecircle",
    "family - Copy.carecircle",
    "family (1).carecircle",
    "family (copy).carecircle",
    "family.old.carecircle",
    "family_2026.carecircle",
    "family (my conflicted copy).carecircle",
    "family.sync-conflict-2026.carecircle",
    "family-A-NAME-LONGER-THAN-15.carecircle",
    "family-1234.carecircle",  # a computer name is never only digits
]
NEVER = [
    "family.carecircle.lock",
    "family.carecircle.lock.break",
    ".family.carecircle.x1y2.tmp",
    ".family (conflicted copy 2026-11-25 101500).carecircle",
    "~syncthing~family.carecircle.tmp",
    "families.carecircle",
    "family2.carecircle",
    "other (Ana's conflicted copy 2026-11-25).carecircle",
    "family (Ana's conflicted copy 2026-11-25).carecard",
    "notes.txt",
]


def test_only_exact_conflict_names_may_be_removed(tmp_path: Path) -> None:
    file = _names(tmp_path, *EXACT, *PEOPLES_OWN, *NEVER)
    (tmp_path / "family-FOLDER.carecircle").mkdir()
    found = {copy.path.name: copy.conflict for copy in find_copies(file)}
    assert found == {**dict.fromkeys(EXACT, True), **dict.fromkeys(PEOPLES_OWN, False)}
    assert sorted(p.name for p in find_conflict_copies(file)) == sorted(EXACT)


def test_a_persons_backup_is_not_a_onedrive_conflict(tmp_path: Path) -> None:
    """Finding 7: family-backup.carecircle matched the OneDrive pattern and was removed."""
    file = _names(tmp_path, "family-backup.carecircle")
    assert find_conflict_copies(file) == []
    assert [(c.path.name, c.conflict) for c in find_copies(file)] == [
        ("family-backup.carecircle", False)
    ]


@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyz -_.()'0123456789", min_size=1, max_size=30))
def test_a_lower_case_suffix_is_never_a_conflict_copy(suffix: str) -> None:
    """Whatever a person appends in lower case, it is never taken for a sync tool's copy
    (save Nextcloud's and Dropbox's own words, which a person does not type by chance)."""
    name = f"{STEM}{suffix}.carecircle"
    assert not files.is_conflict_name(Path(f"/x/{STEM}.carecircle"), name) or (
        "conflict" in suffix or "safebackup" in suffix.casefold()
    )


# -- the lock: a random token, nothing about the computer ------------------------------------
def test_the_lock_holds_a_random_token_and_no_host_or_pid(tmp_path: Path) -> None:
    file = tmp_path / "c.carecircle"
    with circle_lock(file, clock=lambda: 1234.5):
        text = lock_path(file).read_text()
        info = json.loads(text)
    assert set(info) == {"token", "time"}
    assert info["time"] == 1234.5 and len(info["token"]) == 32
    assert socket.gethostname() not in text
    assert str(os.getpid()) not in text.replace(info["token"], "")


def test_each_lock_has_its_own_token(tmp_path: Path) -> None:
    file = tmp_path / "c.carecircle"
    tokens = set()
    for _ in range(3):
        with circle_lock(file):
            tokens.add(json.loads(lock_path(file).read_text())["token"])
    assert len(tokens) == 3


def test_a_token_lock_left_by_a_dead_process_here_is_stale(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Stale detection still works: this computer keeps who holds its locks in a private,
    local folder, never in the shared one."""
    records = tmp_path / "records"
    monkeypatch.setattr(files, "_records_folder", lambda: records)
    file = tmp_path / "shared" / "c.carecircle"
    file.parent.mkdir()
    token = "ab" * 16
    lock_path(file).write_text(json.dumps({"token": token, "time": time.time()}))
    records.mkdir()
    (records / token).write_text(str(_dead_pid()))
    with circle_lock(file, timeout=0.5):
        pass
    assert not (records / token).exists()  # tidied with the lock it described


def test_a_token_lock_of_a_live_process_here_is_respected(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    records = tmp_path / "records"
    monkeypatch.setattr(files, "_records_folder", lambda: records)
    file = tmp_path / "c.carecircle"
    token = "cd" * 16
    lock_path(file).write_text(json.dumps({"token": token, "time": time.time()}))
    records.mkdir()
    (records / token).write_text(str(os.getppid()))
    with pytest.raises(CircleLockTimeout), circle_lock(file, timeout=0.2):
        pass


def test_a_token_that_is_not_hex_is_never_used_as_a_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    records = tmp_path / "records"
    records.mkdir()
    monkeypatch.setattr(files, "_records_folder", lambda: records)
    outside = tmp_path / "victim"
    outside.write_text(str(_dead_pid()))
    file = tmp_path / "c.carecircle"
    lock_path(file).write_text(json.dumps({"token": "../victim", "time": time.time()}))
    with pytest.raises(CircleLockTimeout), circle_lock(file, timeout=0.2):
        pass
    assert outside.exists()


def test_our_record_goes_with_our_lock(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    records = tmp_path / "records"
    monkeypatch.setattr(files, "_records_folder", lambda: records)
    file = tmp_path / "c.carecircle"
    with circle_lock(file):
        token = json.loads(lock_path(file).read_text())["token"]
        assert (records / token).read_text() == str(os.getpid())
        if os.name == "posix":
            assert records.stat().st_mode & 0o077 == 0
    assert list(records.iterdir()) == []


def test_no_local_folder_still_locks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(files, "_records_folder", lambda: None)
    file = tmp_path / "c.carecircle"
    with circle_lock(file):
        assert lock_path(file).exists()
    assert not lock_path(file).exists()


def test_the_lock_records_folder_says_nothing_without_a_runtime_dir(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """With no XDG_RUNTIME_DIR (cron, a bare console) platformdirs warned on stderr at every
    circle write, breaking the command line's one line."""
    from carecompanion.circle import files

    monkeypatch.delenv("XDG_RUNTIME_DIR", raising=False)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        folder = files._records_folder()
    assert folder is None or folder.name == "locks"
