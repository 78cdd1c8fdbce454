#!/usr/bin/env python3
"""Start-up figures: launch to unlock screen, and unlock to main window.

Usage: .venv/bin/python benchmarks/startup.py [--runs 5]

- launch -> unlock screen: a fresh `python -m carecompanion` process (offscreen) until the
  unlock screen is shown, median of N runs (warm file cache).
- unlock -> main window: in-process, from the Unlock press to the main window being shown,
  with the default Argon2id cost (256 MiB, t=3, p=4); Argon2id alone is reported separately.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

PASSPHRASE = "benchmark lantern harbour morning"


def launch_to_unlock_screen(data_dir: Path, runs: int) -> list[float]:
    env = {**os.environ, "CARECOMPANION_EXIT_WHEN_SHOWN": "1", "QT_QPA_PLATFORM": "offscreen"}
    times = []
    for _ in range(runs):
        started = time.time()
        result = subprocess.run(
            [sys.executable, "-m", "carecompanion", "--data-dir", str(data_dir)],
            env=env,
            capture_output=True,
            text=True,
            check=True,
            timeout=60,
        )
        marker = next(
            line for line in result.stderr.splitlines() if line.startswith("carecompanion-shown ")
        )
        times.append(float(marker.split()[1]) - started)
    return times


def unlock_to_main_window(data_dir: Path, runs: int) -> tuple[list[float], list[float]]:
    from PySide6.QtWidgets import QApplication

    from carecompanion.clock import SystemClock
    from carecompanion.paths import AppPaths
    from carecompanion.ui.app.controller import AppController
    from carecompanion.ui.app.launch import create_application
    from carecompanion.ui.app.main_window import dispose
    from carecompanion.ui.common import theme
    from carecompanion.vault.kdf import derive_key
    from carecompanion.vault.vault import Vault

    app = create_application()
    theme.apply(app, "light")
    paths = AppPaths(data_dir)
    kdf, salt = Vault(paths).read_header().passphrase_kdf()
    totals, kdf_times = [], []
    for _ in range(runs):
        started = time.perf_counter()
        derive_key(PASSPHRASE, salt, kdf)
        kdf_times.append(time.perf_counter() - started)

        controller = AppController(paths, SystemClock())
        controller.start()
        started = time.perf_counter()
        controller.unlock(PASSPHRASE)
        while controller.shell is None or not controller.shell.isVisible():
            QApplication.processEvents()
            time.sleep(0.001)
        totals.append(time.perf_counter() - started)
        controller.lock()
        dispose(controller.window)
    return totals, kdf_times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    from carecompanion.clock import SystemClock
    from carecompanion.demo import fill_demo_journal
    from carecompanion.journal.service import JournalService
    from carecompanion.paths import AppPaths
    from carecompanion.vault.vault import Vault

    with tempfile.TemporaryDirectory() as folder:
        data_dir = Path(folder)
        unlocked, _ = Vault.create(AppPaths(data_dir), PASSPHRASE, clock=SystemClock())
        fill_demo_journal(
            JournalService(unlocked.database, SystemClock()), SystemClock().now().astimezone()
        )
        unlocked.lock()
        launch = launch_to_unlock_screen(data_dir, args.runs)
        unlock, kdf = unlock_to_main_window(data_dir, args.runs)

    def ms(values: list[float]) -> str:
        return (
            f"median {statistics.median(values) * 1000:.0f} ms, "
            f"min {min(values) * 1000:.0f} ms, max {max(values) * 1000:.0f} ms"
        )

    print(f"launch -> unlock screen:        {ms(launch)}  ({args.runs} runs)")
    print(f"unlock -> main window:          {ms(unlock)}  (includes Argon2id)")
    print(f"  of which Argon2id 256 MiB/3/4: {ms(kdf)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
