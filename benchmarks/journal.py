#!/usr/bin/env python3
"""Journal figures: unlock to first timeline page, search latency, peak memory.

Usage: .venv/bin/python benchmarks/journal.py [--sizes 3650 100000] [--queries 200]
                                              [--workdir DIR] [--search-only]

For each size a vault is built once (kept in --workdir, default a folder under the system temp
directory, and reused on the next run) with the default Argon2id cost (256 MiB, t=3, p=4).
3,650 entries are ten years of daily entries; larger sizes spread over the same ten years.
Each vault is then measured in a fresh process, so its peak memory is its own:

- Argon2id alone (median of 3), reported separately from everything else;
- unlock with the passphrase (Argon2id + header + opening and schema check of the database;
  since issue 17 no integrity check: that runs before backups and on demand, and the full
  check's own time is printed apart), and unlock -> first page = that minus Argon2id plus
  list_summaries(limit=200);
- the first unlock of a day also writes the daily backup: measured once, separately, by
  unlocking with the recovery key (no Argon2id);
- search latency over ~200 realistic queries (common and rare words, two words, prefixes as
  someone types them, phrases), p50/p95/max;
- peak memory (ru_maxrss) of the journal work alone (opened with the recovery key, so no
  Argon2id buffer), and of the whole process including one Argon2id derivation;
- the database's size against the text it holds (titles, bodies, tags) and the attachments.

--search-only measures the search (by kind of query, and with a tag or a year filter) and
the database's size alone, opening the vault with the recovery key: no Argon2id, seconds.

Not a test: it prints figures. Building 100,000 entries takes a few minutes (progress shown).
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from carecompanion.journal.service import AttachmentDraft, EntryDraft

PASSPHRASE = "benchmark lantern harbour morning"
SEED = 20261201
YEARS = 10
END = datetime(2026, 11, 30, 21, 0, tzinfo=UTC)
BATCH = 2000


def _words(text: str) -> list[str]:
    return text.split()


CAREGIVER_WORDS = _words("""
mum dad mother father husband wife partner son daughter sister brother nurse doctor carer
care caregiver appointment clinic hospital pharmacy prescription medication tablets dose
morning evening night sleep slept awake tired exhausted worried anxious calm patient
dementia memory confused sundowning fall fell bathroom shower toilet dressing breakfast
lunch dinner tea soup appetite walk garden wheelchair frame stairs bed pillow blanket
blood pressure sugar insulin therapy physio occupational respite support group volunteer
neighbour friend phone call visit insurance forms paperwork benefits council social worker
cried laughed smiled hugged argued shouted apologised listened remembered forgot asked
today yesterday tomorrow week weekend monday tuesday wednesday thursday friday saturday
sunday hard good better worse quiet difficult lovely kind gentle patient grateful lonely
""")
FUNCTION_WORDS = _words("""
the a an and but or so to of in on at for with from by about after before again then
he she it they we i you his her their our my me him them was were is are be been have had
do did not no yes very just still only also too more most some any all this that there
here when where what who why how because while until as if up down out over
""")
TAGS = [
    "sleep",
    "medication",
    "appointments",
    "falls",
    "respite",
    "gratitude",
    "hard days",
    "dementia",
    "evenings",
    "help",
    "support group",
    "small wins",
    "food",
    "paperwork",
    "family",
    "mood",
    "doctor",
    "walks",
    "night",
    "tired",
]


def vocabulary(rng: random.Random, size: int = 3000) -> list[str]:
    """Made-up but word-like words (so stemming and prefixes behave as with real text)."""
    onsets = [
        "b",
        "c",
        "d",
        "f",
        "g",
        "h",
        "l",
        "m",
        "n",
        "p",
        "r",
        "s",
        "t",
        "v",
        "w",
        "br",
        "cl",
        "dr",
        "gr",
        "pl",
        "st",
        "tr",
        "sh",
        "ch",
        "th",
    ]
    vowels = ["a", "e", "i", "o", "u", "ai", "ea", "oo", "ou"]
    codas = ["", "n", "r", "l", "s", "t", "nd", "st", "ng", "rk", "m"]
    words: set[str] = set()
    while len(words) < size:
        syllables = rng.choice((1, 2, 2, 3))
        words.add(
            "".join(
                rng.choice(onsets) + rng.choice(vowels) + rng.choice(codas)
                for _ in range(syllables)
            )
        )
    return sorted(words)


class TextMaker:
    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        made_up = vocabulary(rng)
        # Zipf-like: function words are the most common, then caregiver words, then the rest.
        self.words = FUNCTION_WORDS + CAREGIVER_WORDS + made_up
        self.weights = [1.0 / (rank + 8) for rank in range(len(self.words))]
        self.made_up = made_up

    def sentence(self) -> str:
        words = self.rng.choices(self.words, self.weights, k=self.rng.randint(6, 18))
        return " ".join(words).capitalize() + self.rng.choice(".....!?")

    def body(self) -> str:
        target = self.rng.randint(150, 400)
        paragraphs, count = [], 0
        while count < target:
            sentences = [self.sentence() for _ in range(self.rng.randint(2, 5))]
            count += sum(len(s.split()) for s in sentences)
            paragraphs.append(" ".join(sentences))
        if self.rng.random() < 0.2:
            paragraphs.insert(1, "- " + "\n- ".join(self.rng.sample(CAREGIVER_WORDS, 3)))
        return "\n\n".join(paragraphs)

    def title(self) -> str:
        return " ".join(self.rng.sample(CAREGIVER_WORDS, self.rng.randint(2, 5))).capitalize()


def drafts(count: int) -> Iterator[EntryDraft]:
    rng = random.Random(SEED)
    maker = TextMaker(rng)
    span = timedelta(days=365 * YEARS)
    for index in range(count):
        when = END - span + span * index / count
        when = when.replace(hour=rng.randint(6, 23), minute=rng.randint(0, 59))
        attachments: tuple[AttachmentDraft, ...] = ()
        if index % 100 == 50:  # a photo now and then
            attachments = (AttachmentDraft("photo.jpg", "image/jpeg", rng.randbytes(50_000)),)
        yield EntryDraft(
            title=maker.title(),
            body=maker.body(),
            entry_at=when,
            tags=tuple(rng.sample(TAGS, rng.choice((0, 1, 1, 2, 3)))),
            is_favourite=rng.random() < 0.03,
            attachments=attachments,
        )


def build(folder: Path, count: int) -> None:
    from carecompanion.clock import SystemClock
    from carecompanion.journal.service import JournalService
    from carecompanion.paths import AppPaths
    from carecompanion.vault.vault import Vault

    paths = AppPaths(folder / "data")
    unlocked, recovery_key = Vault.create(paths, PASSPHRASE, clock=SystemClock())
    (folder / "recovery-key.txt").write_text(recovery_key)
    journal = JournalService(unlocked.database, SystemClock())
    started = time.perf_counter()

    def report(done: int, total: int) -> None:
        if done % BATCH == 0 or done == total:
            rate = done / (time.perf_counter() - started)
            print(f"  built {done:,}/{total:,} entries ({rate:,.0f}/s)", flush=True)

    # As an import writes them: one call, one transaction, then the index settled.
    journal.add_drafts(drafts(count), total=count, progress=report)
    print(f"  written and settled in {time.perf_counter() - started:.1f} s", flush=True)
    unlocked.lock()
    (folder / "complete").write_text(str(count))


QUERY_KINDS = ["common", "rare", "two", "prefix", "prefix", "phrase", "tag"]


def search_queries(count: int) -> list[str]:
    """What people type: common and rare words, pairs, partial words, a phrase now and then.
    The ``index``-th query is of kind ``QUERY_KINDS[index % len(QUERY_KINDS)]``."""
    rng = random.Random(SEED + 1)
    made_up = vocabulary(random.Random(SEED))  # the same words the bodies use
    common = CAREGIVER_WORDS[:60]
    rare = made_up[-800:]
    queries: list[str] = []
    kinds = QUERY_KINDS
    while len(queries) < count:
        kind = kinds[len(queries) % len(kinds)]
        if kind == "common":
            queries.append(rng.choice(common))
        elif kind == "rare":
            queries.append(rng.choice(rare))
        elif kind == "two":
            queries.append(f"{rng.choice(common)} {rng.choice(common + rare)}")
        elif kind == "prefix":
            word = rng.choice(common + rare)
            queries.append(word[: rng.randint(2, max(2, len(word) - 1))])
        elif kind == "phrase":
            first, second = rng.sample(CAREGIVER_WORDS, 2)
            queries.append(f'"{first} {second}"')
        else:
            queries.append(rng.choice(TAGS))
    return queries


def peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def spread(latencies: list[float]) -> dict[str, float]:
    """p50, p95 and max of ``latencies`` (seconds), in milliseconds."""
    cuts = statistics.quantiles(latencies, n=100) if len(latencies) > 1 else latencies * 99
    return {
        "queries": len(latencies),
        "p50_ms": cuts[49] * 1000,
        "p95_ms": cuts[94] * 1000,
        "max_ms": max(latencies) * 1000,
    }


def search_figures(journal: Any, query_count: int) -> dict[str, Any]:
    """Search latency in-process, overall and by kind of query, without and with a filter."""
    from carecompanion.journal.service import EntryFilter

    queries = search_queries(query_count)
    latencies: list[float] = []
    hit_counts: list[int] = []
    by_kind: dict[str, list[float]] = {}
    for index, query in enumerate(queries):
        started = time.perf_counter()
        hits = journal.search(query)
        latencies.append(time.perf_counter() - started)
        hit_counts.append(len(hits))
        by_kind.setdefault(QUERY_KINDS[index % len(QUERY_KINDS)], []).append(latencies[-1])
    search = spread(latencies)
    search["queries_with_hits"] = sum(1 for n in hit_counts if n)
    search["slowest"] = sorted(zip(latencies, queries, strict=True))[-3:]  # type: ignore[assignment]
    # The same kind of queries with a filter: a tag, or one year.
    by_filter: dict[str, list[float]] = {"tag filter": [], "year filter": []}
    rng = random.Random(SEED + 2)
    for index, query in enumerate(queries[: max(query_count // 2, 2)]):
        year = END.year - rng.randint(0, YEARS - 1)
        flt = (
            EntryFilter(tag=rng.choice(TAGS))
            if index % 2
            else EntryFilter(since=date(year, 1, 1), until=date(year, 12, 31))
        )
        started = time.perf_counter()
        journal.search(query, flt)
        by_filter["tag filter" if index % 2 else "year filter"].append(
            time.perf_counter() - started
        )
    return {
        "search": search,
        "search_by_kind": {kind: spread(times) for kind, times in by_kind.items()},
        "filtered_search": spread([t for times in by_filter.values() for t in times]),
        "filtered_by_kind": {kind: spread(times) for kind, times in by_filter.items()},
    }


def storage_figures(folder: Path, count: int) -> dict[str, float]:
    """The database file against the text it holds (titles, bodies, tags) and attachments,
    both taken from the same generated drafts the vault was built from."""
    text = attachments = 0
    for draft in drafts(count):
        text += sum(len(part.encode()) for part in (draft.title, draft.body, *draft.tags))
        attachments += sum(len(a.data) for a in draft.attachments)
    size = sum(p.stat().st_size for p in (folder / "data").glob("vault.db*"))
    return {
        "database_bytes": size,
        "text_bytes": text,
        "attachment_bytes": attachments,
        "ratio": size / text,
        "ratio_without_attachments": (size - attachments) / text,
    }


def measure_search(folder: Path, query_count: int) -> dict[str, Any]:
    """Search and storage figures alone (opened with the recovery key: no Argon2id)."""
    from carecompanion.clock import SystemClock
    from carecompanion.journal.service import JournalService
    from carecompanion.paths import AppPaths
    from carecompanion.vault.vault import Vault

    vault = Vault(AppPaths(folder / "data"), SystemClock())
    unlocked = vault.unlock_with_recovery_key((folder / "recovery-key.txt").read_text())
    journal = JournalService(unlocked.database, SystemClock())
    figures: dict[str, Any] = {"entries": journal.count()}
    journal.search("warm up")  # the first query of a process reads the schema
    figures.update(search_figures(journal, query_count))
    unlocked.lock()
    figures.update(storage_figures(folder, figures["entries"]))
    return figures


def measure(folder: Path, query_count: int) -> dict[str, Any]:
    from carecompanion.clock import SystemClock
    from carecompanion.journal.service import JournalService
    from carecompanion.paths import AppPaths
    from carecompanion.vault.kdf import derive_key
    from carecompanion.vault.vault import Vault

    paths = AppPaths(folder / "data")
    shutil.rmtree(paths.backups_dir, ignore_errors=True)  # so the daily backup is due
    vault = Vault(paths, SystemClock())
    figures: dict[str, Any] = {"rss_after_imports_mib": peak_mib()}

    # 1. The journal work alone: opened with the recovery key (HKDF, no Argon2id buffer).
    started = time.perf_counter()
    unlocked = vault.unlock_with_recovery_key((folder / "recovery-key.txt").read_text())
    figures["first_unlock_of_day_without_argon2_s"] = time.perf_counter() - started
    journal = JournalService(unlocked.database, SystemClock())
    figures["entries"] = journal.count()
    started = time.perf_counter()
    page = journal.list_summaries(limit=200)
    figures["first_page_cold_s"] = time.perf_counter() - started
    started = time.perf_counter()
    pages = 0
    while page and pages < 5:
        page = journal.list_summaries(limit=200, after=(page[-1].entry_at, page[-1].id))
        pages += 1
    figures["next_page_s"] = (time.perf_counter() - started) / max(pages, 1)
    started = time.perf_counter()
    unlocked.database.check_integrity()
    figures["integrity_check_s"] = time.perf_counter() - started

    figures.update(search_figures(journal, query_count))
    figures["peak_rss_journal_mib"] = peak_mib()
    unlocked.lock()

    # 2. A normal unlock with the passphrase (the daily backup is already taken).
    kdf, salt = vault.read_header().passphrase_kdf()
    argon = []
    for _ in range(3):
        started = time.perf_counter()
        derive_key(PASSPHRASE, salt, kdf)
        argon.append(time.perf_counter() - started)
    figures["argon2id_s"] = statistics.median(argon)
    figures["argon2id_params"] = kdf.as_dict()
    # Time the Argon2id inside this very unlock, so subtracting it is exact.
    import carecompanion.vault.vault as vault_module

    inside: list[float] = []

    def timed_derive_key(*args: object) -> bytes:
        began = time.perf_counter()
        try:
            return derive_key(*args)  # type: ignore[arg-type]
        finally:
            inside.append(time.perf_counter() - began)

    vault_module.derive_key = timed_derive_key  # type: ignore[attr-defined,assignment]
    started = time.perf_counter()
    unlocked = vault.unlock(PASSPHRASE)
    unlocked_at = time.perf_counter()
    JournalService(unlocked.database, SystemClock()).list_summaries(limit=200)
    shown_at = time.perf_counter()
    unlocked.lock()
    figures["unlock_total_s"] = unlocked_at - started
    figures["argon2id_in_unlock_s"] = sum(inside)
    figures["first_page_s"] = shown_at - unlocked_at
    figures["unlock_to_first_page_without_argon2_s"] = shown_at - started - sum(inside)
    figures["peak_rss_with_argon2_mib"] = peak_mib()
    figures.update(storage_figures(folder, figures["entries"]))
    return figures


def report(count: int, figures: dict[str, Any]) -> None:
    search = figures["search"]
    assert isinstance(search, dict)
    print(f"\n== {figures['entries']:,} entries ==")
    print(f"Argon2id alone ({figures['argon2id_params']}): {figures['argon2id_s']:.3f} s")
    print(
        f"unlock with passphrase, total:             {figures['unlock_total_s']:.3f} s "
        f"(Argon2id in it: {figures['argon2id_in_unlock_s']:.3f} s)"
    )
    print(f"first page (list_summaries(limit=200)):    {figures['first_page_s'] * 1000:.1f} ms")
    print(
        "unlock -> first page, without Argon2id:    "
        f"{figures['unlock_to_first_page_without_argon2_s']:.3f} s"
    )
    print(
        "the full integrity check (before a backup, or 'check'; not on unlock): "
        f"{figures['integrity_check_s']:.3f} s"
    )
    print(
        "first unlock of a day (writes the daily backup), without Argon2id: "
        f"{figures['first_unlock_of_day_without_argon2_s']:.3f} s"
    )
    print(f"next page (keyset):                        {figures['next_page_s'] * 1000:.1f} ms")
    report_search(figures)
    print(
        f"peak memory (ru_maxrss): journal work {figures['peak_rss_journal_mib']:.0f} MiB; "
        f"whole process incl. one Argon2id {figures['peak_rss_with_argon2_mib']:.0f} MiB "
        f"(after imports: {figures['rss_after_imports_mib']:.0f} MiB)"
    )
    report_storage(figures)


def _spread_text(figures: dict[str, float]) -> str:
    return (
        f"p50 {figures['p50_ms']:5.1f} ms, p95 {figures['p95_ms']:5.1f} ms, "
        f"max {figures['max_ms']:5.1f} ms ({figures['queries']:.0f} queries)"
    )


def report_search(figures: dict[str, Any]) -> None:
    search = figures["search"]
    print(f"search, in-process: {_spread_text(search)}, {search['queries_with_hits']} with hits")
    for kind, spread_figures in figures["search_by_kind"].items():
        print(
            f"  {kind + ' word' if kind in ('common', 'rare', 'tag') else kind:<12}"
            f" {_spread_text(spread_figures)}"
        )
    print("  slowest: " + ", ".join(f"{q!r} {t * 1000:.0f} ms" for t, q in search["slowest"]))
    print(f"search with a tag or year filter: {_spread_text(figures['filtered_search'])}")
    for kind, spread_figures in figures["filtered_by_kind"].items():
        print(f"  {kind:<12} {_spread_text(spread_figures)}")


def report_storage(figures: dict[str, Any]) -> None:
    mib = 1024 * 1024
    print(
        f"database size: {figures['database_bytes'] / mib:.1f} MiB for "
        f"{figures['text_bytes'] / mib:.1f} MiB of text and "
        f"{figures['attachment_bytes'] / mib:.1f} MiB of attachments: "
        f"{figures['ratio']:.2f}x the text ({figures['ratio_without_attachments']:.2f}x "
        "leaving the attachments out)"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[3650, 100_000])
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument(
        "--workdir", type=Path, default=Path(tempfile.gettempdir()) / "carecompanion-bench"
    )
    parser.add_argument("--build", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--measure", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--count", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--search-only", action="store_true", help="search and size figures")
    args = parser.parse_args()

    if args.build:
        build(args.build, args.count)
        return 0
    if args.measure:
        measuring = measure_search if args.search_only else measure
        figures = measuring(args.measure, args.queries)
        print(json.dumps(figures, default=str))
        return 0

    for count in args.sizes:
        folder = args.workdir / f"journal-{count}"
        if not (folder / "complete").is_file():
            if folder.exists():
                shutil.rmtree(folder)
            folder.mkdir(parents=True)
            print(f"building a vault with {count:,} entries in {folder} ...", flush=True)
            started = time.perf_counter()
            subprocess.run(
                [sys.executable, __file__, "--build", str(folder), "--count", str(count)],
                check=True,
            )
            print(f"  built in {time.perf_counter() - started:.0f} s", flush=True)
        result = subprocess.run(
            [
                sys.executable,
                __file__,
                "--measure",
                str(folder),
                "--queries",
                str(args.queries),
                *(["--search-only"] if args.search_only else []),
            ],
            check=True,
            stdout=subprocess.PIPE,
            text=True,
        )
        figures = json.loads(result.stdout.strip().splitlines()[-1])
        figures["folder"] = str(folder)
        if args.search_only:
            print(f"\n== {figures['entries']:,} entries (search and size only) ==")
            report_search(figures)
            report_storage(figures)
        else:
            report(count, figures)
    return 0


if __name__ == "__main__":
    sys.exit(main())
