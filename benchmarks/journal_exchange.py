#!/usr/bin/env python3
"""Journal import, export, list and open figures (issue 17).

Usage: .venv/bin/python benchmarks/journal_exchange.py [--count 3650] [--memory-security on|off]
                                                       [--only import,export,list,open]

The entries are benchmarks/journal.py's realistic caregiver entries (80-400 words, tags, a
few non-ASCII words), written as jrnl's JSON export. Each step runs in a fresh process, so
its peak memory (ru_maxrss) is its own:

- import: parse the jrnl file, flag duplicates, commit (in batches, with progress), each
  phase timed, entries per second over the whole import, peak memory, database size;
- export: the whole journal to CareCompanion's JSON format;
- list: ``list_summaries()`` (every row) against ``list_summaries(limit=20)``;
- open: unlocking (recovery key: no Argon2id) with today's backup already taken, and how
  many integrity checks ran on the way (there should be none).

- cli-import: ``carecompanion journal import`` into a fresh vault, the whole process (its
  Argon2id at the app's 64 MiB floor included) and its peak memory: a file over 32 MiB is
  read an entry at a time (journal/exchange/large_import.py).

``--memory-security on`` sets ``PRAGMA cipher_memory_security = ON`` on every connection of
the in-process steps (what the app did before issue 17) to weigh its cost; cli-import runs
the app as it is. Not a test: it prints figures.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

PASSPHRASE = "benchmark lantern harbour morning"
STEPS = ("import", "export", "list", "open", "cli-import")


def peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def cpu_s() -> tuple[float, float]:
    """User and system CPU seconds so far: steadier than the wall clock on a busy machine."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime, usage.ru_stime


def write_jrnl_file(path: Path, count: int) -> None:
    """jrnl's JSON export of ``count`` entries (jrnl tags: "@" and no spaces)."""
    from benchmarks.journal import drafts

    tag_counts: Counter[str] = Counter()
    with path.open("w", encoding="utf-8") as out:
        out.write('{"entries": [\n')
        for index, draft in enumerate(drafts(count)):
            tags = ["@" + tag.replace(" ", "-") for tag in draft.tags]
            tag_counts.update(tags)
            local = draft.entry_at.astimezone()
            entry = {
                "title": draft.title,
                "body": draft.body,
                "date": local.strftime("%Y-%m-%d"),
                "time": local.strftime("%H:%M"),
                "tags": tags,
                "starred": draft.is_favourite,
            }
            out.write(("," if index else "") + json.dumps(entry, ensure_ascii=False) + "\n")
        out.write('], "tags": ' + json.dumps(dict(tag_counts)) + "}\n")


def set_memory_security(on: bool) -> None:
    """The app's connection pragmas, with cipher_memory_security as asked."""
    from carecompanion.storage import database

    pragmas = [p for p in database._CONNECT_PRAGMAS if "cipher_memory_security" not in p]
    pragmas.insert(0, f"PRAGMA cipher_memory_security = {'ON' if on else 'OFF'}")
    database._CONNECT_PRAGMAS = tuple(pragmas)  # type: ignore[assignment]


def make_vault(folder: Path) -> None:
    from carecompanion.clock import SystemClock
    from carecompanion.paths import AppPaths
    from carecompanion.vault.kdf import MINIMUM_KDF
    from carecompanion.vault.vault import Vault

    # The KDF is not what is measured here: the app's floor keeps set-up quick.
    unlocked, recovery_key = Vault.create(
        AppPaths(folder / "data"), PASSPHRASE, kdf=MINIMUM_KDF, clock=SystemClock()
    )
    (folder / "recovery-key.txt").write_text(recovery_key)
    unlocked.lock()


def open_vault(folder: Path) -> Any:
    from carecompanion.clock import SystemClock
    from carecompanion.paths import AppPaths
    from carecompanion.vault.vault import Vault

    vault = Vault(AppPaths(folder / "data"), SystemClock())
    return vault.unlock_with_recovery_key((folder / "recovery-key.txt").read_text())


def database_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in (folder / "data").glob("vault.db*"))


def step_import(folder: Path, source: Path) -> dict[str, Any]:
    from carecompanion.clock import SystemClock
    from carecompanion.journal.exchange import (
        ImportSource,
        commit_import,
        preview_entries,
        read_import,
    )
    from carecompanion.journal.service import JournalService

    unlocked = open_vault(folder)  # today's backup of the empty vault: taken here
    journal = JournalService(unlocked.database, SystemClock())
    batches: list[tuple[int, int]] = []
    user, system = cpu_s()
    began = time.perf_counter()
    entries = read_import(ImportSource.JRNL, source)
    parsed = time.perf_counter()
    preview = preview_entries(journal, ImportSource.JRNL, source, entries)
    previewed = time.perf_counter()

    def progress(done: int, total: int) -> None:
        batches.append((done, total))

    result = commit_import(journal, preview, progress=progress)
    committed = time.perf_counter()
    unlocked.lock()
    closed = time.perf_counter()
    user_after, system_after = cpu_s()
    count = len(result.entry_ids)
    return {
        "entries": count,
        "parse_s": parsed - began,
        "preview_s": previewed - parsed,
        "commit_s": committed - previewed,
        "close_s": closed - committed,
        "total_s": closed - began,
        "entries_per_s": count / (closed - began),
        "user_s": user_after - user,
        "system_s": system_after - system,
        "entries_per_cpu_s": count / (user_after - user + system_after - system),
        "progress_reports": len(batches),
        "peak_mib": peak_mib(),
        "database_mib": database_bytes(folder) / 1024 / 1024,
    }


def step_export(folder: Path, out: Path) -> dict[str, Any]:
    from carecompanion.clock import SystemClock
    from carecompanion.journal.exchange import ExportSelection, export_json
    from carecompanion.journal.service import JournalService

    unlocked = open_vault(folder)
    journal = JournalService(unlocked.database, SystemClock())
    user, system = cpu_s()
    began = time.perf_counter()
    result = export_json(journal, ExportSelection.everything(), out)
    took = time.perf_counter() - began
    user_after, system_after = cpu_s()
    unlocked.lock()
    return {
        "entries": result.entries,
        "export_s": took,
        "ms_per_entry": took * 1000 / max(result.entries, 1),
        "cpu_s": user_after - user + system_after - system,
        "peak_mib": peak_mib(),
        "file_mib": out.stat().st_size / 1024 / 1024,
    }


def step_list(folder: Path) -> dict[str, Any]:
    from carecompanion.clock import SystemClock
    from carecompanion.journal.service import JournalService

    unlocked = open_vault(folder)
    journal = JournalService(unlocked.database, SystemClock())
    journal.list_summaries(limit=1)  # warm the connection
    began = time.perf_counter()
    every = journal.list_summaries()
    all_s = time.perf_counter() - began
    began = time.perf_counter()
    twenty = journal.list_summaries(limit=20)
    limited_s = time.perf_counter() - began
    unlocked.lock()
    return {
        "rows_all": len(every),
        "all_ms": all_s * 1000,
        "rows_limited": len(twenty),
        "limit_20_ms": limited_s * 1000,
    }


def step_open(folder: Path) -> dict[str, Any]:
    import sqlalchemy as sa
    from sqlalchemy import event

    checks: Counter[str] = Counter()

    def count(*args: Any) -> None:
        statement = str(args[2]).strip().lower()
        for pragma in ("cipher_integrity_check", "quick_check", "integrity_check"):
            if statement.startswith(f"pragma {pragma}"):
                checks[pragma] += 1

    open_vault(folder).lock()  # the daily backup, if it is still due, is taken here
    event.listen(sa.Engine, "before_cursor_execute", count)
    times = []
    for _ in range(5):
        began = time.perf_counter()
        open_vault(folder).lock()
        times.append(time.perf_counter() - began)
    times.sort()
    return {
        "open_median_ms": times[len(times) // 2] * 1000,
        "checks_per_open": sum(checks.values()) / 5,
    }


def step_cli_import(folder: Path, source: Path) -> dict[str, Any]:
    """The whole command, as a person runs it: a fresh vault, ``carecompanion journal import``
    in its own process (Argon2id at the app's 64 MiB floor included), its peak memory."""
    import os

    fresh = folder / "cli"
    fresh.mkdir()
    make_vault(fresh)
    env = {**os.environ, "CARECOMPANION_PASSPHRASE": PASSPHRASE}
    command = [sys.executable, "-m", "carecompanion", "--data-dir", str(fresh / "data")]
    began = time.perf_counter()
    done = subprocess.run(
        [*command, "journal", "import", "--from", "jrnl", str(source)],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    took = time.perf_counter() - began
    if done.returncode != 0:
        raise SystemExit(done.stderr)
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    count = int(done.stdout.split()[1].replace(",", ""))
    return {
        "said": done.stdout.strip(),
        "whole_process_s": took,
        "entries_per_s": count / took,
        "user_s": usage.ru_utime,
        "system_s": usage.ru_stime,
        "peak_mib": usage.ru_maxrss / 1024,
        "database_mib": database_bytes(fresh) / 1024 / 1024,
    }


def run_step(step: str, folder: Path, source: Path, memory_security: bool) -> dict[str, Any]:
    """One step in a fresh process: its own peak memory, nothing cached from the last."""
    command = [
        sys.executable,
        __file__,
        "--step",
        step,
        "--folder",
        str(folder),
        "--source",
        str(source),
        "--memory-security",
        "on" if memory_security else "off",
    ]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        sys.exit(f"{step} failed:\n{done.stderr}")
    figures: dict[str, Any] = json.loads(done.stdout.splitlines()[-1])
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=3650)
    parser.add_argument("--memory-security", choices=["on", "off"], default="off")
    parser.add_argument("--only", default=",".join(STEPS), help="comma-separated steps")
    parser.add_argument("--workdir", type=Path)
    parser.add_argument("--step", help=argparse.SUPPRESS)
    parser.add_argument("--folder", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--source", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    memory_security = args.memory_security == "on"

    if args.step:
        set_memory_security(memory_security)
        if args.step == "make":
            make_vault(args.folder)
            figures: dict[str, Any] = {}
        elif args.step == "import":
            figures = step_import(args.folder, args.source)
        elif args.step == "export":
            figures = step_export(args.folder, args.folder / "export.json")
        elif args.step == "list":
            figures = step_list(args.folder)
        elif args.step == "cli-import":
            figures = step_cli_import(args.folder, args.source)
        else:
            figures = step_open(args.folder)
        print(json.dumps(figures))
        return 0

    with tempfile.TemporaryDirectory(dir=args.workdir) as work:
        folder = Path(work)
        source = folder / "jrnl.json"
        write_jrnl_file(source, args.count)
        print(
            f"{args.count:,} entries, jrnl JSON {source.stat().st_size / 1024 / 1024:.1f} MiB, "
            f"cipher_memory_security {args.memory_security.upper()}"
        )
        run_step("make", folder, source, memory_security)
        steps = [step for step in args.only.split(",") if step]
        if "import" not in steps and {"export", "list", "open"} & set(steps):
            steps.insert(0, "import")  # these read the entries the import wrote
        for step in STEPS:
            if step in steps:
                figures = run_step(step, folder, source, memory_security)
                print(f"{step}: " + ", ".join(f"{k} {_shown(v)}" for k, v in figures.items()))
    return 0


def _shown(value: object) -> str:
    if isinstance(value, float):
        return f"{value:,.3f}"
    return f"{value:,}" if isinstance(value, int) else repr(value)


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    raise SystemExit(main())
