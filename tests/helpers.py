"""Constants and small helpers shared by the tests (fixtures live in conftest.py)."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime
from pathlib import Path

GOOD_PASSPHRASE = "a quiet evening walk by the sea"
OTHER_PASSPHRASE = "lanterns drifting over a calm harbour"
START = datetime(2026, 3, 3, 12, 0, tzinfo=UTC)  # a Tuesday, midday UTC


def hash_tree(root: Path) -> dict[str, str]:
    """Every file under ``root`` (relative path -> SHA-256): compare to prove nothing changed."""
    return {
        str(path.relative_to(root)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }
