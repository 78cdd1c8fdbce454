#!/usr/bin/env python3
"""Journal import, export, list and open figures (issue 17).

Usage: .venv/bin/python benchmarks/journal_exchange.py [--count 3650] [--memory-security on|off]
                                                       [--only import,export,list,open]
                                                       [--format jrnl|dayone|markdown]
                                                       [--stream-over BYTES]

The entries are benchmarks/journal.py's realistic caregiver entries (80-400 words, tags, a
few non-ASCII words), written as jrnl's JSON export, or with ``--format`` as a Day One export
zip (Journal.json with Day One's own keys, a photo every hundredth entry in ``photos/``) or a
folder of Markdown files with front matter (as our Markdown export writes them, the photos in
``attachments/``). Each step runs in a fresh process, so its peak memory (ru_maxrss) is its own:

- import: as ``journal import`` does it: parse the input, flag duplicates, commit (in
  batches, with progress), each phase timed (a large input is read once, an entry at a
  time, and written as it is read: all of it is commit; settle_s the search index settled
  after it), entries per second over the whole import, peak memory, database
  size;
- export: the whole journal to CareCompanion's JSON format;
- list: ``list_summaries()`` (every row) against ``list_summaries(limit=20)``;
- open: unlocking (recovery key: no Argon2id) with today's backup already taken, and how
  many integrity checks ran on the way (there should be none).

- cli-import: ``carecompanion journal import`` into a fresh vault, the whole process (its
  Argon2id at the app's 64 MiB floor included) and its peak memory: an input over 32 MiB (a
  Day One zip's members unpacked, a Markdown folder's files) is read an entry at a time
  (journal/exchange/large_import.py).

``--stream-over BYTES`` sets large_import.STREAM_OVER_BYTES for import and cli-import: 0
reads every input an entry at a time, 10**15 reads every input whole (as Day One and
Markdown were read before), to compare the two on the same input.

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


def write_dayone_zip(path: Path, count: int) -> None:
    """Day One's JSON export of ``count`` entries: ``Journal.json`` (with the keys Day One
    writes besides the ones imported: richText, location, weather, device) and a photo every
    hundredth entry in ``photos/<md5>.jpeg``, as the app zips it."""
    import hashlib
    import zipfile

    from benchmarks.journal import drafts

    photos: dict[str, bytes] = {}  # written after Journal.json: one member open at a time
    with (
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive,
        archive.open("Journal.json", "w", force_zip64=True) as out,
    ):
        out.write(b'{\n  "metadata" : {\n    "version" : "1.0"\n  },\n  "entries" : [\n')
        for index, draft in enumerate(drafts(count)):
            moment = draft.entry_at.strftime("%Y-%m-%dT%H:%M:%SZ")
            text = f"# {draft.title}\n\n{draft.body}"
            entry: dict[str, Any] = {
                "uuid": f"{index:032X}",
                "creationDate": moment,
                "modifiedDate": moment,
                "timeZone": "Europe/London",
                "isAllDay": False,
                "starred": draft.is_favourite,
                "tags": list(draft.tags),
                "creationDevice": "Sam’s iPhone",
                "creationOSName": "iOS",
                "duration": 0,
                "location": {"localityName": "London", "latitude": 51.5, "longitude": -0.12},
                "weather": {"temperatureCelsius": 9, "conditionsDescription": "Cloudy"},
            }
            for attachment in draft.attachments:
                md5 = hashlib.md5(attachment.data).hexdigest()  # Day One names media by MD5
                identifier = f"{index:016X}{0:016X}"
                entry["photos"] = [
                    {"identifier": identifier, "md5": md5, "type": "jpeg", "date": moment}
                ]
                text += f"\n\n![](dayone-moment://{identifier})"
                photos[f"photos/{md5}.jpeg"] = attachment.data
            entry["text"] = text
            rich = {"meta": {"version": 1}, "contents": [{"text": text}]}
            entry["richText"] = json.dumps(rich, ensure_ascii=False)
            written = json.dumps(entry, ensure_ascii=False, indent=2)
            out.write(((",\n" if index else "") + written).encode())
        out.write(b"\n  ]\n}\n")
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as archive:
        for name, data in photos.items():
            archive.writestr(name, data)


def write_markdown_folder(folder: Path, count: int) -> None:
    """``count`` Markdown files with front matter, as our Markdown export writes them (the
    photos in ``attachments/<entry>/`` and linked after the attachments marker)."""
    from benchmarks.journal import drafts
    from carecompanion.journal.exchange.markdown_import import ATTACHMENTS_MARKER

    folder.mkdir()
    for index, draft in enumerate(drafts(count)):
        stem = f"{draft.entry_at:%Y-%m-%d-%H%M}-entry-{index}"
        tags = ", ".join(json.dumps(tag, ensure_ascii=False) for tag in draft.tags)
        text = (
            f"---\ntitle: {json.dumps(draft.title, ensure_ascii=False)}\n"
            f"date: {draft.entry_at.isoformat(timespec='seconds')}\n"
            f"tags: [{tags}]\nfavourite: {'true' if draft.is_favourite else 'false'}\n---\n\n"
            f"{draft.body}\n"
        )
        if draft.attachments:
            (folder / "attachments" / stem).mkdir(parents=True)
            for attachment in draft.attachments:
                (folder / "attachments" / stem / attachment.filename).write_bytes(attachment.data)
            links = "\n".join(
                f"- ![{a.filename}](attachments/{stem}/{a.filename})" for a in draft.attachments
            )
            text += f"\n{ATTACHMENTS_MARKER}\n## Attachments\n\n{links}\n"
        (folder / f"{stem}.md").write_text(text, encoding="utf-8")


def write_source(kind: str, folder: Path, count: int) -> Path:
    """The import's input in format ``kind``: a file, or a folder for Markdown."""
    if kind == "dayone":
        source = folder / "Day One export.zip"
        write_dayone_zip(source, count)
    elif kind == "markdown":
        source = folder / "markdown"
        write_markdown_folder(source, count)
    else:
        source = folder / "jrnl.json"
        write_jrnl_file(source, count)
    return source


def source_mib(source: Path) -> float:
    paths = source.rglob("*") if source.is_dir() else [source]
    return sum(p.stat().st_size for p in paths if p.is_file()) / 1024 / 1024


def set_memory_security(on: bool) -> None:
    """The app's connection pragmas, with cipher_memory_security as asked (they moved from
    storage/database.py to storage/connection.py; either is patched, where they are)."""
    import importlib

    module: Any = importlib.import_module("carecompanion.storage.database")
    if not hasattr(module, "_CONNECT_PRAGMAS"):
        module = importlib.import_module("carecompanion.storage.connection")
    pragmas = [p for p in module._CONNECT_PRAGMAS if "cipher_memory_security" not in p]
    pragmas.insert(0, f"PRAGMA cipher_memory_security = {'ON' if on else 'OFF'}")
    module._CONNECT_PRAGMAS = tuple(pragmas)


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


def step_import(
    folder: Path, source: Path, kind: str, stream_over: int | None = None
) -> dict[str, Any]:
    """As ``journal import`` does it (cli/exchange_commands.py): a large input read once, an
    entry at a time, and written as it is read (large_import.import_in_one_read: all of it
    in commit_s), anything else read whole; settle_s is the index settled after the write."""
    from carecompanion.clock import SystemClock
    from carecompanion.journal.exchange import (
        ImportSource,
        commit_import,
        preview_entries,
        read_import,
    )
    from carecompanion.journal.exchange import large_import as large
    from carecompanion.journal.service import JournalService

    if stream_over is not None:
        large.STREAM_OVER_BYTES = stream_over
    unlocked = open_vault(folder)  # today's backup of the empty vault: taken here
    journal = JournalService(unlocked.database, SystemClock())
    settling = [0.0]
    settle = journal.settle

    def timed_settle() -> None:
        start = time.perf_counter()
        settle()
        settling[0] += time.perf_counter() - start

    journal.settle = timed_settle  # type: ignore[method-assign]
    batches: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> None:
        batches.append((done, total))

    user, system = cpu_s()
    began = time.perf_counter()
    streamed = large.is_large(ImportSource(kind), source)
    if streamed:  # read once, checked and written as it is read (the app reads it twice)
        parsed = previewed = time.perf_counter()
        done = large.import_in_one_read(journal, ImportSource(kind), source, progress=progress)
        ids = done.entry_ids
    else:
        entries = read_import(ImportSource(kind), source)
        parsed = time.perf_counter()
        preview = preview_entries(journal, ImportSource(kind), source, entries)
        previewed = time.perf_counter()
        ids = commit_import(journal, preview, progress=progress).entry_ids
    committed = time.perf_counter()
    unlocked.lock()
    closed = time.perf_counter()
    user_after, system_after = cpu_s()
    count = len(ids)
    return {
        "entries": count,
        "streamed": streamed,
        "parse_s": parsed - began,
        "preview_s": previewed - parsed,
        "commit_s": committed - previewed,
        "settle_s": settling[0],
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


#: The command line, run with large_import.STREAM_OVER_BYTES set first (``--stream-over``).
_CLI_WITH_THRESHOLD = (
    "import sys\n"
    "from carecompanion.journal.exchange import large_import\n"
    "large_import.STREAM_OVER_BYTES = int(sys.argv.pop(1))\n"
    "from carecompanion.__main__ import main\n"
    "raise SystemExit(main())\n"
)


def step_cli_import(
    folder: Path, source: Path, kind: str, stream_over: int | None = None
) -> dict[str, Any]:
    """The whole command, as a person runs it: a fresh vault, ``carecompanion journal import``
    in its own process (Argon2id at the app's 64 MiB floor included), its peak memory."""
    import os

    fresh = folder / "cli"
    fresh.mkdir()
    make_vault(fresh)
    env = {**os.environ, "CARECOMPANION_PASSPHRASE": PASSPHRASE}
    command = [sys.executable, "-m", "carecompanion", "--data-dir", str(fresh / "data")]
    if stream_over is not None:  # the app as it is, but for where it starts streaming
        command[1:3] = ["-c", _CLI_WITH_THRESHOLD, str(stream_over)]
    began = time.perf_counter()
    done = subprocess.run(
        [*command, "journal", "import", "--from", kind, str(source)],
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


def run_step(
    step: str,
    folder: Path,
    source: Path,
    memory_security: bool,
    kind: str = "jrnl",
    stream_over: int | None = None,
) -> dict[str, Any]:
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
        "--format",
        kind,
        *(["--stream-over", str(stream_over)] if stream_over is not None else []),
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
    parser.add_argument(
        "--format", choices=["jrnl", "dayone", "markdown"], default="jrnl", help="what to import"
    )
    parser.add_argument(
        "--stream-over",
        type=int,
        metavar="BYTES",
        help="import, cli-import: stream inputs over BYTES (large_import.STREAM_OVER_BYTES; "
        "0 always, a huge number never, to compare with reading the input whole)",
    )
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
            figures = step_import(args.folder, args.source, args.format, args.stream_over)
        elif args.step == "export":
            figures = step_export(args.folder, args.folder / "export.json")
        elif args.step == "list":
            figures = step_list(args.folder)
        elif args.step == "cli-import":
            figures = step_cli_import(args.folder, args.source, args.format, args.stream_over)
        else:
            figures = step_open(args.folder)
        print(json.dumps(figures))
        return 0

    with tempfile.TemporaryDirectory(dir=args.workdir) as work:
        folder = Path(work)
        source = write_source(args.format, folder, args.count)
        print(
            f"{args.count:,} entries, {args.format} {source_mib(source):.1f} MiB, "
            f"cipher_memory_security {args.memory_security.upper()}"
        )
        run_step("make", folder, source, memory_security, args.format)
        steps = [step for step in args.only.split(",") if step]
        if "import" not in steps and {"export", "list", "open"} & set(steps):
            steps.insert(0, "import")  # these read the entries the import wrote
        for step in STEPS:
            if step in steps:
                figures = run_step(
                    step, folder, source, memory_security, args.format, args.stream_over
                )
                print(f"{step}: " + ", ".join(f"{k} {_shown(v)}" for k, v in figures.items()))
    return 0


def _shown(value: object) -> str:
    if isinstance(value, float):
        return f"{value:,.3f}"
    return f"{value:,}" if isinstance(value, int) else repr(value)


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    raise SystemExit(main())
