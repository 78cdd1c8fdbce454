"""The core never imports Qt: only carecompanion.ui and carecompanion.render may, so the core
stays testable alone."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

SKIPPED = (
    "carecompanion.ui",  # the one place Qt belongs
    "carecompanion.render",  # QtGui renderers for the UI and the CLI (tests/render)
    "carecompanion.storage.migrations.env",  # only runs inside Alembic, on a live connection
)

PROBE = textwrap.dedent(
    """
    import importlib, json, pkgutil, sys

    import carecompanion

    skipped = tuple(sys.argv[1:])
    imported = []
    for info in pkgutil.walk_packages(carecompanion.__path__, "carecompanion."):
        name = info.name
        if any(name == s or name.startswith(s + ".") for s in skipped):
            continue
        importlib.import_module(name)
        imported.append(name)

    # The command-line path must stay Qt-free too, not just the imports.
    from carecompanion.__main__ import main

    exit_code = main(["unlock-check"])  # no vault here: a one-line error, exit 1
    qt = sorted(m for m in sys.modules if m == "PySide6" or m.startswith("PySide6."))
    print(json.dumps({"imported": imported, "qt": qt, "exit_code": exit_code}))
    """
)


def test_core_modules_do_not_import_qt(tmp_path: Path) -> None:
    env = {**os.environ, "CARECOMPANION_HOME": str(tmp_path / "nothing-here")}
    env.pop("CARECOMPANION_PASSPHRASE", None)
    result = subprocess.run(
        [sys.executable, "-c", PROBE, *SKIPPED],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
        stdin=subprocess.DEVNULL,
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["qt"] == []
    assert report["exit_code"] == 1
    imported = set(report["imported"])
    # The walk really covered the core (so an empty list cannot pass by accident).
    for expected in (
        "carecompanion.__main__",
        "carecompanion.paths",
        "carecompanion.vault.vault",
        "carecompanion.vault.device_keys",
        "carecompanion.vault.backup",
        "carecompanion.storage.migrate",
        "carecompanion.journal.service",
        "carecompanion.cli.runner",
        "carecompanion.cli.vault_commands",
        "carecompanion.cli.journal_commands",
    ):
        assert expected in imported
    assert not any(name.startswith("carecompanion.ui") for name in imported)


def test_probe_would_notice_qt(tmp_path: Path) -> None:
    """Control: the same probe, made to import Qt, reports it."""
    probe = "import PySide6.QtCore\n" + PROBE
    env = {**os.environ, "CARECOMPANION_HOME": str(tmp_path / "nothing-here")}
    result = subprocess.run(
        [sys.executable, "-c", probe, *SKIPPED],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
        stdin=subprocess.DEVNULL,
    )
    assert result.returncode == 0, result.stderr
    assert "PySide6.QtCore" in json.loads(result.stdout.strip().splitlines()[-1])["qt"]
