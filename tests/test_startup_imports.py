"""The unlock screen comes up before the database stack is loaded.

SQLAlchemy, Alembic and the domain services take about 0.3 s to import on a 2-core machine,
as long again as everything else before the first window (benchmarks/startup.py). The app
loads them on a thread while the passphrase is typed (ui/app/launch.py, ``_preload``), so what
runs before the first window must not import them: the GUI's start (``ui.launch``, with its
controller and workers) and ``vault.vault``, which the controller imports before the window
to see whether the keyring remembers the vault. Checked by module, not by the clock, so the
test holds on any machine.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

HEAVY = ("sqlalchemy", "alembic", "carecompanion.session", "carecompanion.journal.service")

PROBE = """
import json, sys
import carecompanion.ui.app.launch
import carecompanion.vault.vault
print(json.dumps(sorted(m for m in sys.modules if m in sys.argv[1:])))
"""
LOADED = "import carecompanion.session, carecompanion.storage.migrate\n"


def test_the_first_window_needs_no_database_stack() -> None:
    result = subprocess.run(
        [sys.executable, "-c", PROBE, *HEAVY],
        capture_output=True,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        timeout=120,
        check=False,
        stdin=subprocess.DEVNULL,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.strip().splitlines()[-1]) == []


def test_the_probe_would_see_them() -> None:
    """Control: the same probe, after an import that loads the services, reports them."""
    result = subprocess.run(
        [sys.executable, "-c", LOADED + PROBE, *HEAVY],
        capture_output=True,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        timeout=120,
        check=False,
        stdin=subprocess.DEVNULL,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.strip().splitlines()[-1]) == sorted(HEAVY)
