"""Our own test vectors (tests/vectors/circle/*.json, written by generate.py there): what a
version 2 reader must accept, reject, leave out and warn about. Fernet-style: data, not code.
(The version-1 vectors, in ``v1/``, are read by test_migration_v1.py.)"""

from __future__ import annotations

import base64
import dataclasses
import json
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from carecompanion.circle.engine import head_warnings, open_file_bytes, roster_of
from carecompanion.circle.errors import CircleFileError
from carecompanion.circle.help import help_requests
from carecompanion.circle.identity import MemberIdentity
from carecompanion.circle.view import build_posts

VECTORS = sorted((Path(__file__).parents[1] / "vectors" / "circle").glob("*.json"))


def test_every_kind_of_vector_is_there() -> None:
    assert {v.stem for v in VECTORS} >= {
        "valid",
        "forged",
        "non_member",
        "wrong_circle",
        "tampered",
        "removed_member",
        "rolled_back",
        "truncated",
        "oversized",
        "newer_version",
        "removed_admin_puppet",
        "pinned_version",
        "former_member",
        "swapped_signature",
        "help_calendar",
        "help_foreign_confirmation",
        "helper_posts",
        "help_in_version_2",
    }


@pytest.mark.parametrize("path", VECTORS, ids=lambda p: p.stem)
def test_vector(path: Path) -> None:
    vector: dict[str, Any] = json.loads(path.read_text())
    reader = MemberIdentity("Reader", b"\0" * 32, vector["identity"], "2026-11-25T10:00:00Z")
    data = base64.b64decode(vector["file"])
    expect = vector["expect"]
    if expect["result"] == "error":
        with pytest.raises(CircleFileError) as raised:
            open_file_bytes(data, identity=reader)
        assert expect["message"] in str(raised.value)
        return
    previous = None
    if "previous" in vector:
        previous = open_file_bytes(base64.b64decode(vector["previous"]), identity=reader).content
    opened = open_file_bytes(data, identity=reader)
    roster = roster_of(opened.content)
    posts = build_posts(opened.content, roster, "", {})
    assert sorted(p.title for p in posts) == expect["records"]
    assert len(opened.rejected) == expect["rejected"]
    dropped = expect.get("dropped", {"cards": 0, "roster": 0, "records": 0, "heads": 0})
    assert dataclasses.asdict(opened.dropped) == dropped
    warnings = head_warnings(opened.content, previous, roster)
    assert len(warnings) == len(expect["warnings"])
    for fragment, warning in zip(expect["warnings"], warnings, strict=True):
        assert fragment in warning
    if "help" in expect:
        now = datetime.fromisoformat(vector["now"].replace("Z", "+00:00"))
        name = {fp: member.name for fp, member in roster.members.items()}
        shown = [
            {
                "what": r.what,
                "state": r.state,
                "needed": r.needed,
                "covered_by": [name[fp] for fp in r.covered_by],
                "offers": [[name[o.by], o.state] for o in r.offers],
            }
            for r in help_requests(opened.content, roster, now)
        ]
        assert shown == expect["help"]
