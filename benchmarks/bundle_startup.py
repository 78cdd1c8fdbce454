#!/usr/bin/env python3
"""Cold start of the built bundle against running from source.

Usage: .venv/bin/python benchmarks/bundle_startup.py [--runs 5]
       (build the bundle first: python3 scripts/dev.py bundle)

Times, for each, the wall clock from starting the process to the first window on screen
(the unlock screen of a new data folder, offscreen; the app prints the moment it is shown
when CARECOMPANION_EXIT_WHEN_SHOWN is set, then quits), and the whole ``--self-test``.
The first run of each is a cold start (nothing in the page cache for that binary yet only
on a freshly built bundle); the median of the rest is the warm figure.
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

ROOT = Path(__file__).resolve().parents[1]
BUNDLE = ROOT / "dist" / "CareCompanion" / "CareCompanion"


def shown_after(command: list[str]) -> float:
    with tempfile.TemporaryDirectory() as home:
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "CARECOMPANION_HOME": home,
               "CARECOMPANION_EXIT_WHEN_SHOWN": "1"}
        start = time.time()
        result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120,
                                check=True)
    line = next(line for line in result.stderr.splitlines()
                if line.startswith("carecompanion-shown"))
    return float(line.split()[1]) - start


def self_test(command: list[str]) -> float:
    with tempfile.TemporaryDirectory() as home:
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "CARECOMPANION_HOME": home}
        start = time.perf_counter()
        subprocess.run([*command, "--self-test"], env=env, capture_output=True, timeout=300,
                       check=True)
        return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    if not BUNDLE.exists():
        raise SystemExit("no bundle: run 'python3 scripts/dev.py bundle' first")
    commands = {"bundle": [str(BUNDLE)],
                "source": [sys.executable, "-m", "carecompanion"]}
    size = sum(f.stat().st_size for f in BUNDLE.parent.rglob("*")
               if f.is_file() and not f.is_symlink())
    print(f"bundle size: {size / 2**20:.0f} MiB")
    for name, command in commands.items():
        times = [shown_after(command) for _ in range(args.runs + 1)]
        print(f"{name}: launch -> unlock screen: first {times[0] * 1000:.0f} ms, "
              f"median of the next {args.runs} {statistics.median(times[1:]) * 1000:.0f} ms")
        tests = [self_test(command) for _ in range(3)]
        print(f"{name}: --self-test: median {statistics.median(tests) * 1000:.0f} ms")


if __name__ == "__main__":
    main()
