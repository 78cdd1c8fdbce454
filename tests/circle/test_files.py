"""The circle file on disk: the lock, stale locks, and the conflict copies sync tools make."""

from __future__ import annotations

import json
import socket
import threading
import time
from pathlib import Path

import pytest

from carecompanion.circle.errors import CircleFileError
from carecompanion.circle.files import (
    CircleLockTimeout,
    circle_lock,
    find_conflict_copies,
    lock_path,
    read_circle_file,
)
from carecompanion.circle.limits import MAX_FILE_BYTES


def test_the_lock_keeps_writers_apart(tmp_path: Path) -> None:
    file = tmp_path / "c.carecircle"
    inside, overlaps = [], []

    def writer() -> None:
        for _ in range(20):
            with circle_lock(file, timeout=10):
                if inside:
                    overlaps.append(1)
                inside.append(1)
                time.sleep(0.001)
                inside.pop()

    threads = [threading.Thread(target=writer) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert overlaps == [] and not lock_path(file).exists()


def test_a_held_lock_times_out_with_a_plain_message(tmp_path: Path) -> None:
    file = tmp_path / "c.carecircle"
    with (circle_lock(file), pytest.raises(CircleLockTimeout, match="try again"),
          circle_lock(file, timeout=0.2)):
        pass


def test_an_old_lock_is_stale(tmp_path: Path) -> None:
    file = tmp_path / "c.carecircle"
    lock_path(file).write_text(json.dumps({"host": "another-computer", "pid": 1,
                                           "time": time.time() - 600}))
    with circle_lock(file, timeout=0.5):
        pass


def test_a_lock_left_by_a_dead_process_here_is_stale(tmp_path: Path) -> None:
    file = tmp_path / "c.carecircle"
    lock_path(file).write_text(json.dumps({"host": socket.gethostname(), "pid": 2**22 + 12345,
                                           "time": time.time()}))
    with circle_lock(file, timeout=0.5):
        pass


def test_a_fresh_lock_from_another_computer_is_respected(tmp_path: Path) -> None:
    file = tmp_path / "c.carecircle"
    lock_path(file).write_text(json.dumps({"host": "another-computer", "pid": 1,
                                           "time": time.time()}))
    with pytest.raises(CircleLockTimeout), circle_lock(file, timeout=0.2):
        pass
    assert lock_path(file).exists()  # not ours: never removed


def test_conflict_copies_are_found_by_each_tools_naming(tmp_path: Path) -> None:
    file = tmp_path / "Tuesday group.carecircle"
    copies = [
        "Tuesday group (Ana's conflicted copy 2026-11-25).carecircle",
        "Tuesday group (Ana's conflicted copy 2026-11-25) (1).carecircle",
        "Tuesday group.sync-conflict-20261125-101500-ABCDEFG.carecircle",
        "Tuesday group (conflicted copy 2026-11-25 101500).carecircle",
        "Tuesday group-LAPTOP-ANA.carecircle",
    ]
    others = ["Tuesday group.carecircle.lock", ".Tuesday group.carecircle.x1y2.tmp",
              "Thursday group.carecircle", "Tuesday group.carecard", "notes.txt"]
    for name in [file.name, *copies, *others]:
        (tmp_path / name).write_bytes(b"x")
    assert sorted(p.name for p in find_conflict_copies(file)) == sorted(copies)


def test_reading_refuses_a_missing_or_oversized_file(tmp_path: Path) -> None:
    with pytest.raises(CircleFileError, match="not there"):
        read_circle_file(tmp_path / "missing.carecircle")
    big = tmp_path / "big.carecircle"
    with big.open("wb") as handle:
        handle.truncate(MAX_FILE_BYTES + 1)
    with pytest.raises(CircleFileError, match="too large"):
        read_circle_file(big)
