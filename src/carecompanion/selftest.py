"""``carecompanion --self-test``: prove the app works on this computer, without touching its data.

Opens a temporary vault, writes and reads an entry, builds the main window offscreen, and
exits 0. The packaged app runs it as its smoke test.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path


def run_self_test() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    try:
        _check()
    except Exception as exc:
        print(f"CareCompanion self-test FAILED: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 1
    print("CareCompanion self-test passed.")
    return 0


def _check() -> None:
    from carecompanion.clock import SystemClock
    from carecompanion.paths import AppPaths
    from carecompanion.vault.kdf import MINIMUM_KDF
    from carecompanion.vault.vault import Vault

    clock = SystemClock()
    with tempfile.TemporaryDirectory(prefix="carecompanion-selftest-") as folder:
        paths = AppPaths(Path(folder))
        passphrase = "self test harbour lantern"
        unlocked, _ = Vault.create(paths, passphrase, kdf=MINIMUM_KDF, clock=clock)
        from carecompanion.journal.service import JournalService

        written = JournalService(unlocked.database, clock).add("Self-test", "It works.", ["test"])
        unlocked.lock()
        unlocked = Vault(paths, clock).unlock(passphrase)
        read = JournalService(unlocked.database, clock).get(written.id)
        if (read.title, read.body, read.tags) != ("Self-test", "It works.", ("test",)):
            raise RuntimeError("the entry read back differs from the one written")

        from carecompanion.ui.app.controller import AppController
        from carecompanion.ui.app.launch import create_application

        app = create_application()
        from carecompanion.ui.common import theme

        theme.apply(app, "light")
        controller = AppController(paths, clock)
        controller.start_unlocked(unlocked)
        app.processEvents()
        shell = controller.shell
        if shell is None or shell.journal_page.timeline_model.entry_count() != 1:
            raise RuntimeError("the main window did not show the journal")
        controller.lock()
        app.processEvents()
        from carecompanion.ui.app.main_window import dispose

        dispose(controller.window)
