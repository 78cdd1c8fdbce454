#!/usr/bin/env python3
"""Cold start of the built bundle against running from source.

Usage: .venv/bin/python benchmarks/bundle_startup.py [--runs 5]
       (build the bundle first: python3 scripts/dev.py bundle)

Times, for each, the wall clock from starting the process to the first window on screen
(the unlock screen of a new data folder, offscreen; the app prints the moment it is shown
when CARECOMPANION_EXIT_WHEN_SHOWN is set, then quits), and the whole ``--self-test``.
The first run of each is the cold start when ``--drop-caches`` empties the page cache before
it (Linux, as root); otherwise it is only as cold as the cache happens to be. The median of
the rest is the warm figure.

Running from source is timed with its bytecode cached, as a developer's checkout has it:
with PYTHONDONTWRITEBYTECODE set, every run would compile ~450 modules again (about a second).
The cache goes to a temporary PYTHONPYCACHEPREFIX, filled by one untimed run.
"""

from __future__ import annotations

import argparse
import atexit
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BUNDLE = ROOT / "dist" / "CareCompanion" / "CareCompanion"


def drop_caches() -> None:
    os.sync()
    Path("/proc/sys/vm/drop_caches").write_text("3\n")


def shown_after(command: list[str], extra_env: dict[str, str]) -> float:
    with tempfile.TemporaryDirectory() as home:
        env = {
            **os.environ,
            **extra_env,
            "QT_QPA_PLATFORM": "offscreen",
            "CARECOMPANION_HOME": home,
            "CARECOMPANION_EXIT_WHEN_SHOWN": "1",
        }
        start = time.time()
        result = subprocess.run(
            command, env=env, capture_output=True, text=True, timeout=120, check=True
        )
    line = next(
        line for line in result.stderr.splitlines() if line.startswith("carecompanion-shown")
    )
    return float(line.split()[1]) - start


def self_test(command: list[str], extra_env: dict[str, str]) -> float:
    with tempfile.TemporaryDirectory() as home:
        env = {
            **os.environ,
            **extra_env,
            "QT_QPA_PLATFORM": "offscreen",
            "CARECOMPANION_HOME": home,
        }
        start = time.perf_counter()
        subprocess.run(
            [*command, "--self-test"], env=env, capture_output=True, timeout=300, check=True
        )
        return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument(
        "--drop-caches",
        action="store_true",
        help="empty the page cache before each first run (Linux, root)",
    )
    args = parser.parse_args()
    if not BUNDLE.exists():
        raise SystemExit("no bundle: run 'python3 scripts/dev.py bundle' first")
    commands = {"bundle": [str(BUNDLE)], "source": [sys.executable, "-m", "carecompanion"]}
    pycache = tempfile.mkdtemp(prefix="carecompanion-pycache-")
    atexit.register(shutil.rmtree, pycache, ignore_errors=True)
    environments: dict[str, dict[str, str]] = {
        "bundle": {},
        "source": {"PYTHONPYCACHEPREFIX": pycache},
    }
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    self_test(commands["source"], environments["source"])  # fills the bytecode cache
    size = sum(
        f.stat().st_size for f in BUNDLE.parent.rglob("*") if f.is_file() and not f.is_symlink()
    )
    print(f"bundle size: {size / 2**20:.0f} MiB")
    first = "cold" if args.drop_caches else "first"
    for name, command in commands.items():
        if args.drop_caches:
            drop_caches()
        times = [shown_after(command, environments[name]) for _ in range(args.runs + 1)]
        print(
            f"{name}: launch -> unlock screen: {first} {times[0] * 1000:.0f} ms, "
            f"median of the next {args.runs} {statistics.median(times[1:]) * 1000:.0f} ms"
        )
        if args.drop_caches:
            drop_caches()
        tests = [self_test(command, environments[name]) for _ in range(args.runs + 1)]
        print(
            f"{name}: --self-test: {first} {tests[0] * 1000:.0f} ms, "
            f"median of the next {args.runs} {statistics.median(tests[1:]) * 1000:.0f} ms"
        )


if __name__ == "__main__":
    main()
