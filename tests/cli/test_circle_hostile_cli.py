"""Issue 14 at the command line: what a hostile admin forged ends in one clean line, never a
traceback, and ``circle verify`` passes after a removal."""

from __future__ import annotations

import json
from pathlib import Path

from carecompanion.circle.identity import MemberIdentity
from carecompanion.cli.io import clock
from carecompanion.paths import AppPaths
from carecompanion.session import VaultSession
from carecompanion.vault.vault import Vault
from tests.circle.hostile import forge_roster, write_hostile_file
from tests.cli.conftest import Result
from tests.cli.test_circle_cli import Run, ok
from tests.cli.test_circle_cli import two as two  # the fixture
from tests.helpers import GOOD_PASSPHRASE


def _forged_pin(home: Path, file: Path, member: str) -> None:
    """Bea, an admin, signs with her own keys a roster item pinning ``member`` at the
    largest version there is, and writes it into the circle file for everyone."""
    session = VaultSession(Vault(AppPaths(home), clock()).unlock(GOOD_PASSPHRASE), clock())
    try:
        circles = session.circles
        circle_id = circles.find_by_file(file).id
        me = circles.identity()
        content = circles._registry.content(circle_id).copy()
        content.add([forge_roster(me, content, member, "member", version=2**53 - 1)])
        known = [m.card.age_recipient for m in circles.roster(circle_id).current()]
        write_hostile_file(file, content, known)
    finally:
        session.lock()


def test_an_admins_pinned_version_ends_in_no_traceback(
    two: tuple[Run, Run], tmp_path: Path
) -> None:
    ana, bea = two
    file = tmp_path / "c.carecircle"
    bea_card, cal_card = tmp_path / "bea.carecard", tmp_path / "cal.carecard"
    ok(bea("identity", "export-card", "--out", str(bea_card)))
    cal = MemberIdentity.generate("Cal", clock().now())
    cal_card.write_bytes(cal.card.to_bytes())
    ok(ana("circle", "create", "--name", "C", "--file", str(file)))
    ok(ana("circle", "add-member", str(file), "--card", str(bea_card), "--role", "admin"))
    ok(ana("circle", "add-member", str(file), "--card", str(cal_card)))
    ok(bea("circle", "join", str(file)))
    _forged_pin(tmp_path / "Bea", file, cal.fingerprint)

    ok(ana("circle", "sync", str(file)))
    result: Result = ana("circle", "remove-member", str(file), "--member", cal.fingerprint)
    assert "Traceback" not in result.err
    assert result.code == 0, result.err
    shown = json.loads(ok(ana("circle", "show", str(file), "--json")))
    roles = {m["fingerprint"]: m["role"] for m in shown["members"]}
    assert roles[cal.fingerprint] == "removed"
    assert "OK" in ok(ana("circle", "verify", str(file)))
    assert "OK" in ok(bea("circle", "verify", str(file)))
