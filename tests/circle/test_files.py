"""The circle file on disk: the lock, stale locks, and the conflict copies sync tools make."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import IO, Any

import pytest

from carecompanion.circle import files
from carecompanion.circle.errors import CircleFileError
from carecompanion.circle.files import (
    CircleLockTimeout,
    circle_lock,
    find_conflict_copies,
    lock_path,
    read_circle_file,
    write_circle_file,
)
from carecompanion.circle.limits import MAX_FILE_BYTES

SRC = Path(__file__).resolve().parents[2] / "src"


def write_lock(file: Path, **fields: object) -> None:
    lock_path(file).write_text(json.dumps(fields))


def dead_pid() -> int:
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return process.pid


# -- the lock ------------------------------------------------------------------------------------
def _overlaps(file: Path, writers: int, rounds: int, hold: float) -> int:
    """How often a writer found another inside the lock, with ``writers`` threads each taking
    it ``rounds`` times (all starting together) and holding it ``hold`` seconds."""
    inside: list[int] = []
    overlaps: list[int] = []
    start = threading.Barrier(writers)

    def writer() -> None:
        start.wait()
        for _ in range(rounds):
            with circle_lock(file, timeout=10):
                if inside:
                    overlaps.append(1)
                inside.append(1)
                time.sleep(hold)
                inside.pop()

    threads = [threading.Thread(target=writer) for _ in range(writers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return len(overlaps)


def test_the_lock_keeps_threads_apart(tmp_path: Path) -> None:
    file = tmp_path / "c.carecircle"
    assert _overlaps(file, writers=4, rounds=20, hold=0.001) == 0
    assert not lock_path(file).exists()


WORKER = """
import os, sys, time
from pathlib import Path
from carecompanion.circle.files import circle_lock
file, log = Path(sys.argv[1]), Path(sys.argv[2])
for _ in range(15):
    with circle_lock(file, timeout=30):
        with log.open("a") as out:
            out.write(f"in {os.getpid()}\\n")
        time.sleep(0.002)
        with log.open("a") as out:
            out.write(f"out {os.getpid()}\\n")
"""


def test_the_lock_keeps_processes_apart(tmp_path: Path) -> None:
    file, log = tmp_path / "c.carecircle", tmp_path / "log"
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    workers = [
        subprocess.Popen([sys.executable, "-c", WORKER, str(file), str(log)], env=env)
        for _ in range(3)
    ]
    assert [worker.wait(timeout=60) for worker in workers] == [0, 0, 0]
    lines = log.read_text().splitlines()
    assert len(lines) == 3 * 15 * 2
    for enter, leave in zip(lines[::2], lines[1::2], strict=True):
        assert enter.startswith("in ") and leave == "out " + enter[3:]
    assert not lock_path(file).exists()


def test_a_held_lock_times_out_with_a_plain_message(tmp_path: Path) -> None:
    file = tmp_path / "c.carecircle"
    started = time.monotonic()
    with (
        circle_lock(file),
        pytest.raises(CircleLockTimeout, match="try again"),
        circle_lock(file, timeout=0.2),
    ):
        pass
    assert time.monotonic() - started >= 0.2  # it waited; no upper bound: a loaded CI is slow


def test_an_old_lock_is_stale(tmp_path: Path) -> None:
    file = tmp_path / "c.carecircle"
    write_lock(file, host="another-computer", pid=1, time=time.time() - 600)
    with circle_lock(file, timeout=0.5):
        assert "token" in json.loads(lock_path(file).read_text())  # ours now


def test_staleness_follows_the_given_clock(tmp_path: Path) -> None:
    file = tmp_path / "c.carecircle"
    write_lock(file, host="another-computer", pid=1, time=1000.0)
    with pytest.raises(CircleLockTimeout), circle_lock(file, timeout=0.2, clock=lambda: 1100.0):
        pass
    with circle_lock(file, timeout=0.2, clock=lambda: 1121.0):
        pass


def test_a_lock_left_by_a_dead_process_here_is_stale(tmp_path: Path) -> None:
    file = tmp_path / "c.carecircle"
    write_lock(file, host=socket.gethostname(), pid=dead_pid(), time=time.time())
    with circle_lock(file, timeout=0.5):
        pass


def test_a_fresh_lock_from_a_live_process_here_is_respected(tmp_path: Path) -> None:
    file = tmp_path / "c.carecircle"
    write_lock(file, host=socket.gethostname(), pid=os.getppid(), time=time.time())
    with pytest.raises(CircleLockTimeout), circle_lock(file, timeout=0.2):
        pass


def test_a_fresh_lock_from_another_computer_is_respected(tmp_path: Path) -> None:
    file = tmp_path / "c.carecircle"
    write_lock(file, host="another-computer", pid=dead_pid(), time=time.time())
    with pytest.raises(CircleLockTimeout), circle_lock(file, timeout=0.2):
        pass
    assert lock_path(file).exists()  # not ours: never removed


@pytest.mark.parametrize(
    "content",
    [
        "",
        "garbage",
        '{"time": "soon"}',
        '{"host": "x"}',
        '{"host": "x", "pid": 1, "time": Infinity}',
        '{"host": "x", "pid": 1, "time": NaN}',
        '{"host": "x", "pid": 1, "time": 1e300}',
        "[[[[[[[[[",
    ],
)
def test_an_unreadable_lock_goes_by_its_age_on_disk(tmp_path: Path, content: str) -> None:
    file = tmp_path / "c.carecircle"
    lock_path(file).write_text(content)
    with pytest.raises(CircleLockTimeout), circle_lock(file, timeout=0.2):
        pass  # just written: not stale
    old = time.time() - 600
    os.utime(lock_path(file), (old, old))
    with circle_lock(file, timeout=0.5):
        pass


def test_a_stale_lock_is_broken_only_once(tmp_path: Path) -> None:
    """Two writers that both judged the same lock stale: the second must not delete the
    lock the first one took in the meantime."""
    file = tmp_path / "c.carecircle"
    write_lock(file, host="another-computer", pid=1, time=time.time() - 600)
    seen = lock_path(file).read_bytes()
    files._break_if_unchanged(lock_path(file), seen, time.time)  # the first writer
    write_lock(file, host="another-computer", pid=2, time=time.time())  # ...takes it
    files._break_if_unchanged(lock_path(file), seen, time.time)  # the second, too late
    assert json.loads(lock_path(file).read_text())["pid"] == 2


def test_many_writers_on_a_stale_lock_still_take_turns(tmp_path: Path) -> None:
    file = tmp_path / "c.carecircle"
    write_lock(file, host="another-computer", pid=1, time=time.time() - 600)
    assert _overlaps(file, writers=6, rounds=1, hold=0.01) == 0
    assert not lock_path(file).exists()


def test_a_guard_left_by_a_crash_does_not_block_for_ever(tmp_path: Path) -> None:
    file = tmp_path / "c.carecircle"
    write_lock(file, host="another-computer", pid=1, time=time.time() - 600)
    guard = lock_path(file).with_name(lock_path(file).name + ".break")
    guard.write_text("")
    old = time.time() - 60
    os.utime(guard, (old, old))
    with circle_lock(file, timeout=1):
        pass
    assert not guard.exists()


def test_a_lock_that_is_no_longer_ours_is_left_alone(tmp_path: Path) -> None:
    file = tmp_path / "c.carecircle"
    with circle_lock(file):
        write_lock(file, host="another-computer", pid=7, time=time.time())  # broke ours
    assert json.loads(lock_path(file).read_text())["pid"] == 7


def test_the_lock_is_released_when_the_writer_fails(tmp_path: Path) -> None:
    file = tmp_path / "c.carecircle"
    with pytest.raises(RuntimeError), circle_lock(file):
        raise RuntimeError("boom")
    assert not lock_path(file).exists()


# -- conflict copies -------------------------------------------------------------------------------
def test_conflict_copies_are_found_by_each_tools_naming(tmp_path: Path) -> None:
    file = tmp_path / "Tuesday group.carecircle"
    copies = [
        # Dropbox
        "Tuesday group (Ana's conflicted copy 2026-11-25).carecircle",
        "Tuesday group (Ana's conflicted copy 2026-11-25) (1).carecircle",
        "Tuesday group (ANA-LAPTOP's conflicted copy 2026-11-25).carecircle",
        # Syncthing, now and before v0.14
        "Tuesday group.sync-conflict-20261125-101500-ABCDEFG.carecircle",
        "Tuesday group.sync-conflict-20261125-101500.carecircle",
        # Nextcloud / ownCloud, with and without the user, and the old tag
        "Tuesday group (conflicted copy 2026-11-25 101500).carecircle",
        "Tuesday group (conflicted copy ana 2026-11-25 101500).carecircle",
        "Tuesday group_conflict-20261125-101500.carecircle",
        # OneDrive
        "Tuesday group-LAPTOP-ANA.carecircle",
        "Tuesday group-DESKTOP-7QK2M1B-1.carecircle",
    ]
    others = [
        "Tuesday group.carecircle.lock",
        "Tuesday group.carecircle.lock.break",
        ".Tuesday group.carecircle.x1y2.tmp",
        ".Tuesday group.carecircle.abc123",
        ".Tuesday group (conflicted copy 2026-11-25 101500).carecircle",
        "~syncthing~Tuesday group.carecircle.tmp",
        "Tuesday group.sync-conflict-20261125-101500-ABCDEFG.carecircle.lock",
        "Thursday group.carecircle",
        "Thursday group (Ana's conflicted copy 2026-11-25).carecircle",
        "Tuesday groups.carecircle",
        "Tuesday group (copy).carecircle",
        "Tuesday group.carecard",
        "Tuesday group (Ana's conflicted copy 2026-11-25).carecard",
        "notes.txt",
    ]
    for name in [file.name, *copies, *others]:
        (tmp_path / name).write_bytes(b"x")
    (tmp_path / "Tuesday group-folder.carecircle").mkdir()
    assert sorted(p.name for p in find_conflict_copies(file)) == sorted(copies)


def test_no_folder_no_copies(tmp_path: Path) -> None:
    assert find_conflict_copies(tmp_path / "gone" / "c.carecircle") == []


# -- reading and writing ---------------------------------------------------------------------------
def test_reading_refuses_a_missing_or_oversized_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with pytest.raises(CircleFileError, match="not there"):
        read_circle_file(tmp_path / "missing.carecircle")
    big = tmp_path / "big.carecircle"
    with big.open("wb") as handle:
        handle.truncate(MAX_FILE_BYTES + 1)
    reads: list[int] = []
    real_open = Path.open

    def counting_open(self: Path, *args: Any, **kwargs: Any) -> IO[Any]:
        handle: IO[Any] = real_open(self, *args, **kwargs)
        real_read = handle.read

        def counting_read(size: int = -1) -> Any:
            reads.append(size)
            return real_read(size)

        # A stand-in on this one open file only, so that any read of it is counted.
        handle.read = counting_read  # type: ignore[method-assign]
        return handle

    monkeypatch.setattr(Path, "open", counting_open)
    with pytest.raises(CircleFileError, match="too large"):
        read_circle_file(big)
    assert reads == []  # refused from its size, not read


def test_reading_a_folder_or_a_forbidden_file_is_a_plain_error(tmp_path: Path) -> None:
    with pytest.raises(CircleFileError):
        read_circle_file(tmp_path)
    if os.name == "posix" and os.geteuid() != 0:
        locked = tmp_path / "locked.carecircle"
        locked.write_bytes(b"x")
        locked.chmod(0)
        with pytest.raises(CircleFileError, match="not allowed"):
            read_circle_file(locked)


def test_writing_replaces_the_file_whole(tmp_path: Path) -> None:
    file = tmp_path / "c.carecircle"
    write_circle_file(file, b"first")
    write_circle_file(file, b"second")
    assert read_circle_file(file) == b"second"
    assert [p.name for p in tmp_path.iterdir()] == ["c.carecircle"]  # no temp file left
    if os.name == "posix":
        assert file.stat().st_mode & 0o777 == 0o644
