"""Several people syncing the same circle file at the same moment, in a loop, from separate
processes: at the end every record each of them wrote is in the file."""

from __future__ import annotations

import multiprocessing
import time
from pathlib import Path

import pytest
from tests.conftest import VaultFactory
from tests.helpers import GOOD_PASSPHRASE

from carecompanion.circle.engine import open_file_bytes
from carecompanion.circle.files import CircleLockTimeout
from carecompanion.clock import SystemClock
from carecompanion.paths import AppPaths
from carecompanion.session import VaultSession
from carecompanion.vault.vault import Vault

ROUNDS = 6


def _worker(home: str, file: str, rounds: int, results: multiprocessing.Queue[object]) -> None:
    try:
        unlocked = Vault(AppPaths(Path(home))).unlock(GOOD_PASSPHRASE)
    except BaseException as exc:  # say why at once, rather than leave the parent waiting
        results.put((home, repr(exc)))
        return
    session = VaultSession(unlocked, SystemClock())
    circles = session.circles
    circle_id = circles.find_by_file(Path(file)).id
    written = []
    try:
        for n in range(rounds):
            entry = session.journal.add(f"{home} #{n}", "text")
            written.append(circles.share_entry(circle_id, entry.id))
            for _attempt in range(40):
                try:
                    circles.sync(circle_id)
                    break
                except CircleLockTimeout:
                    time.sleep(0.05)
        results.put((home, written))
    except BaseException as exc:  # report, so the parent's assertion says what happened
        results.put((home, repr(exc)))
    finally:
        session.lock()


@pytest.mark.real_kdf  # the worker processes check these vaults against the app's real floor
def test_concurrent_syncs_lose_nothing(tmp_path: Path, vault_factory: VaultFactory) -> None:
    file = tmp_path / "shared" / "busy.carecircle"
    file.parent.mkdir()
    sessions = []
    for name in ("a", "b", "c", "d"):
        unlocked, _key = vault_factory(paths=AppPaths(tmp_path / name))
        sessions.append(VaultSession(unlocked, SystemClock()))
    owner = sessions[0].circles
    circle_id = owner.create("Busy", file).id
    for other in sessions[1:]:
        owner.add_member(circle_id, other.circles.card())
    owner.sync(circle_id)
    for other in sessions[1:]:
        other.circles.join(file)
    identity = owner.identity()
    for session in sessions:
        session.lock()

    context = multiprocessing.get_context("spawn")
    results = context.Queue()
    workers = [
        context.Process(target=_worker, args=(str(tmp_path / name), str(file), ROUNDS, results))
        for name in ("a", "b", "c", "d")
    ]
    for worker in workers:
        worker.start()
    outcomes = dict(results.get(timeout=240) for _ in workers)
    for worker in workers:
        worker.join(timeout=60)
    written = set()
    for home, records in outcomes.items():
        assert isinstance(records, list), f"{home}: {records}"
        written.update(records)
    assert len(written) == 4 * ROUNDS
    final = open_file_bytes(file.read_bytes(), identity=identity).content
    in_file = {item.fields["id"] for item in final.records()}
    assert written <= in_file
    assert not (file.parent / "busy.carecircle.lock").exists()
