"""Every field of the help calendar stays encrypted: what, where and the note of a request (and
its edit), an offer's note, a withdrawal's reason, a confirmation's note, a cancellation's
reason. Scanned in both members' vaults, their WAL, backups and the log (every SQL statement
logged), and in the shared folder; the circle file opens only with a member's key."""

from __future__ import annotations

import dataclasses
import logging
import zlib
from datetime import datetime
from pathlib import Path

import pytest

from carecompanion.circle import agefile
from carecompanion.circle.errors import CircleFileError
from carecompanion.circle.helping import Ask
from carecompanion.circle.identity import MemberIdentity
from carecompanion.clock import FixedClock
from carecompanion.paths import AppPaths
from carecompanion.session import VaultSession
from carecompanion.vault.vault import UnlockedVault
from tests.canary import assert_no_plaintext, new_marker
from tests.conftest import VaultFactory

FIELDS = (
    "what",
    "where",
    "note",
    "edited what",
    "offer note",
    "withdrawal reason",
    "confirmation note",
    "cancellation reason",
)


def opened(file: Path, member: VaultSession) -> str:
    """The circle file's document, as a member's key opens it."""
    key = member.circles.identity().age_identity
    payload = agefile.decrypt_with_identity(file.read_bytes(), key)
    return zlib.decompress(payload[len(b"carecompanion-circle/1\n") :]).decode()


def test_no_help_field_reaches_the_disk_in_clear(
    everything_logged: Path,
    unlocked_vault: UnlockedVault,
    vault_factory: VaultFactory,
    paths: AppPaths,
    clock: FixedClock,
    tmp_path: Path,
) -> None:
    marker = {field: new_marker() for field in FIELDS}
    shared = tmp_path / "Shared"
    shared.mkdir()
    file = shared / "Family.carecircle"
    ana = VaultSession(unlocked_vault, clock)
    bea_home = tmp_path / "Bea"
    bea_vault, _key = vault_factory(paths=AppPaths(bea_home))
    bea = VaultSession(bea_vault, clock)
    circle_id = ana.circles.create("Family", file).id
    ana.circles.add_member(circle_id, bea.circles.card())
    ana.circles.sync(circle_id)
    bea.circles.join(file)

    ask = Ask(
        what=marker["what"],
        start=datetime(2026, 3, 5, 14, 0),
        end=datetime(2026, 3, 5, 17, 0),
        zone="Europe/London",
        where=marker["where"],
        note=marker["note"],
    )
    [rid] = ana.circles.ask_for_help(circle_id, ask)
    ana.circles.sync(circle_id)
    bea.circles.sync(circle_id)
    first = bea.circles.offer_help(circle_id, rid, marker["offer note"])
    bea.circles.sync(circle_id)
    ana.circles.sync(circle_id)
    ana.circles.confirm_offer(circle_id, first, marker["confirmation note"])
    ana.circles.sync(circle_id)
    bea.circles.sync(circle_id)
    before = opened(file, bea)  # the offer's note goes when the offer is withdrawn
    bea.circles.withdraw_offer(circle_id, first, marker["withdrawal reason"])
    bea.circles.sync(circle_id)
    ana.circles.sync(circle_id)
    ana.circles.edit_request(circle_id, rid, dataclasses.replace(ask, what=marker["edited what"]))
    ana.circles.cancel_request(circle_id, rid, marker["cancellation reason"])
    ana.circles.sync(circle_id)
    bea.circles.sync(circle_id)
    assert (
        bea.circles.help_board(circle_id).request(rid).cancel_reason
        == (marker["cancellation reason"])
    )

    # Only a member's key opens the file; inside, every field is there (so the scan below
    # would have found one that leaked).
    document = before + opened(file, bea)
    outsider = MemberIdentity.generate("Mallory", clock.now())
    with pytest.raises(CircleFileError, match="not a member"):
        agefile.decrypt_with_identity(file.read_bytes(), outsider.age_identity)
    for field in FIELDS:
        assert marker[field] in document, field

    unlocked_vault.backup_to(paths.backups_dir / "manual.ccbackup")
    logging.getLogger("carecompanion").handlers[-1].flush()
    ana.lock()
    bea.lock()
    markers = list(marker.values())
    scanned = assert_no_plaintext(paths.data_dir, markers)
    assert {"vault.db", "carecompanion.log", "backups/manual.ccbackup!vault.db"} <= set(scanned)
    assert_no_plaintext(bea_home, markers)
    assert_no_plaintext(shared, markers)
