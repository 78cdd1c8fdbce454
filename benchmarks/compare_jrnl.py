#!/usr/bin/env python3
"""CareCompanion against jrnl 4.6 (encryption on), side by side, whole process (issue 17).

Usage: .venv/bin/python benchmarks/compare_jrnl.py [--sizes 3650 [100000]] [--runs 7]
                                                   [--workdir .cache/compare-jrnl]

- jrnl 4.6 comes from the package index into its own environment under --workdir (the first
  run needs the network; later runs reuse it, offline), with its bytecode compiled, as ours
  has (scripts/dev.py compiles .venv and src/; this script checks src/ too).
- The same generated entries for both: caregiving days, 80-400 words, 0-3 tags, some
  non-ASCII words (José, Zoë, café, Müller...), from a fixed seed. jrnl gets them in its own
  text format (``jrnl --import``); CareCompanion as jrnl's JSON export
  (``journal import --from jrnl``), the way someone moving from jrnl brings them.
- jrnl encrypts (its v3 format: PBKDF2, 100,000 iterations). Its password comes from a
  keyring backend that reads it from the environment, as when jrnl's keyring remembers it.
  Ours is a vault at the default Argon2id cost (256 MiB, 3 passes, 4 lanes) opened with
  CARECOMPANION_PASSPHRASE and, when this checkout has ``carecompanion unlock``, through the
  unlocked session (the agent) with no passphrase.
- Each operation is a fresh process, timed from start to exit (wall clock), with its own peak
  memory (``wait4``'s ru_maxrss). Runs are interleaved, operation by operation (jrnl, ours,
  ours with the session), and the median is reported; import is timed once per size, into an
  empty journal. The journals are built anew at every run of this script.
- Then ``-X importtime`` of one of our read commands (with the passphrase, and through an
  unlocked session): its ten costliest imports, and which of
  the modules a read command does not need it loaded.

Not a test, and not run by the test suite: it prints figures, and docs/performance.md keeps
them with the machine they were measured on. Keep the machine quiet while it runs.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
JRNL_VERSION = "4.6"
PASSPHRASE = "benchmark lantern harbour morning"
SEED = 20261205
END = datetime(2026, 11, 30, 21, 0)
YEARS = 10
LIST_LIMIT = 20
SEARCH_WORD = "pharmacy"
TAG = "respite"
#: What no read command needs (issue 17), looked for in the -X importtime run.
NOT_NEEDED = ("alembic", "mako", "pygments", "asyncio", "PySide6")


# -- the entries -----------------------------------------------------------------------------
def _words(text: str) -> list[str]:
    return text.split()


CARE_WORDS = _words("""
mum dad mother father husband wife partner son daughter sister brother nurse doctor carer
appointment clinic hospital pharmacy prescription medication tablets dose morning evening
night sleep awake tired exhausted worried anxious calm patient dementia memory confused
sundowning fall bathroom shower dressing breakfast lunch dinner tea soup appetite walk garden
wheelchair stairs bed pillow blanket blood pressure sugar insulin physio respite support group
volunteer neighbour friend phone call visit insurance forms paperwork benefits council
cried laughed smiled hugged argued listened remembered forgot asked today yesterday tomorrow
week weekend hard good better worse quiet difficult lovely kind gentle grateful lonely
""")
FUNCTION_WORDS = _words("""
the a an and but or so to of in on at for with from by about after before again then he she
it they we i you his her their our my me him them was were is are be been have had do did
not no very just still only also too more some all this that there here when what because
while until as if up down out over
""")
#: Not every entry is plain ASCII: names, places, a few French, German and Spanish words.
NON_ASCII_WORDS = _words("""
José Zoë Chloé Renée Müller Łukasz Søren Beatriz café crème naïve déjà résumé Größe día
mañana señora niño São Zürich Kraków Malmö €12 25°C ½ —
""")
TAGS = (
    "sleep",
    "medication",
    "appointments",
    "falls",
    "respite",
    "gratitude",
    "dementia",
    "evenings",
    "help",
    "food",
    "paperwork",
    "family",
    "mood",
    "doctor",
    "walks",
)


@dataclass(frozen=True)
class Entry:
    when: datetime
    title: str  # one sentence ending in a full stop: jrnl's title is the first sentence
    body: str  # ends with its tags as words ("@sleep"), where jrnl finds them
    tags: tuple[str, ...]


def entries(count: int) -> Iterator[Entry]:
    rng = random.Random(SEED)
    words = FUNCTION_WORDS + CARE_WORDS
    weights = [1.0 / (rank + 6) for rank in range(len(words))]  # Zipf-like
    span = timedelta(days=365 * YEARS)
    for index in range(count):
        when = END - span + span * index / count
        when = when.replace(hour=rng.randint(6, 23), minute=rng.randint(0, 59), second=0)
        title = " ".join(rng.sample(CARE_WORDS, rng.randint(2, 5))).capitalize() + "."
        target = rng.randint(80, 400)
        sentences: list[str] = []
        written = 0
        while written < target:
            sentence = rng.choices(words, weights, k=min(rng.randint(6, 16), target - written))
            if rng.random() < 0.15:
                sentence[rng.randrange(len(sentence))] = rng.choice(NON_ASCII_WORDS)
            written += len(sentence)
            sentences.append(" ".join(sentence).capitalize() + rng.choice(".....!?"))
        paragraphs = [" ".join(sentences[i : i + 4]) for i in range(0, len(sentences), 4)]
        tags = tuple(rng.sample(TAGS, rng.choice((0, 1, 1, 2, 3))))
        if tags:
            paragraphs.append(" ".join(f"@{tag}" for tag in tags))
        yield Entry(when, title, "\n\n".join(paragraphs), tags)


def write_jrnl_text(items: Sequence[Entry], path: Path) -> None:
    """jrnl's own journal format, as ``jrnl --import`` reads it."""
    with open(path, "w", encoding="utf-8") as out:
        for entry in items:
            out.write(f"[{entry.when:%Y-%m-%d %H:%M}] {entry.title}\n{entry.body}\n\n")


def write_jrnl_json(items: Sequence[Entry], path: Path) -> None:
    """The same entries as ``jrnl --export json`` writes them."""
    counts: dict[str, int] = {}
    for entry in items:
        for tag in entry.tags:
            counts[f"@{tag}"] = counts.get(f"@{tag}", 0) + 1
    document = {
        "tags": counts,
        "entries": [
            {
                "title": entry.title,
                "body": entry.body,
                "date": f"{entry.when:%Y-%m-%d}",
                "time": f"{entry.when:%H:%M}",
                "tags": [f"@{tag}" for tag in entry.tags],
                "starred": False,
            }
            for entry in items
        ],
    }
    path.write_text(json.dumps(document, ensure_ascii=False, indent=4), encoding="utf-8")


# -- measuring -------------------------------------------------------------------------------
@dataclass
class Samples:
    """One operation of one tool: the wall seconds and peak memory (KiB) of each run."""

    seconds: list[float] = field(default_factory=list)
    peak_kib: list[int] = field(default_factory=list)

    def add(self, seconds: float, peak_kib: int) -> None:
        self.seconds.append(seconds)
        self.peak_kib.append(peak_kib)

    @property
    def median_s(self) -> float:
        return statistics.median(self.seconds)

    @property
    def peak_mib(self) -> float:
        return max(self.peak_kib) / 1024


class CommandFailed(RuntimeError):
    pass


def run_child(command: Sequence[str], env: dict[str, str]) -> tuple[float, int, str]:
    """Run ``command`` to its end: (wall seconds, its own peak RSS in KiB, what it printed).

    What it prints goes to a file, never a pipe, so it is never held up by this process, and a
    background process it leaves (the agent) holds no pipe open. ``wait4`` gives this child's
    own peak memory (RUSAGE_CHILDREN would be the largest of every child so far)."""
    with tempfile.TemporaryFile() as out:
        started = time.perf_counter()
        process = subprocess.Popen(
            list(command), env=env, stdin=subprocess.DEVNULL, stdout=out, stderr=out
        )
        _pid, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        text = out.read().decode(errors="replace")
    if process.returncode != 0:
        raise CommandFailed(f"{' '.join(command)} exited {process.returncode}:\n{text[-1500:]}")
    return elapsed, int(usage.ru_maxrss), text


# -- jrnl --------------------------------------------------------------------------------------
KEYRING_BACKEND = '''"""jrnl's password from the environment: jrnl asks its keyring first."""
import os

from keyring.backend import KeyringBackend


class EnvKeyring(KeyringBackend):
    priority = 1

    def get_password(self, service, username):
        return os.environ.get("JRNL_BENCH_PASSWORD")

    def set_password(self, service, username, password):
        pass

    def delete_password(self, service, username):
        pass
'''

JRNL_CONFIG = """colors:
  body: none
  date: none
  tags: none
  title: none
default_hour: 9
default_minute: 0
editor: ''
encrypt: true
highlight: false
indent_character: '|'
journals:
  default:
    journal: {journal}
linewrap: 79
tagsymbols: '@'
template: false
timeformat: '%Y-%m-%d %H:%M'
version: '{version}'
"""


def find_uv() -> str | None:
    bootstrapped = ROOT / ".cache" / "uv-bootstrap" / "bin" / "uv"
    if bootstrapped.exists():
        return str(bootstrapped)
    return shutil.which("uv")


def ensure_jrnl(workdir: Path) -> Path:
    """jrnl 4.6 in a venv of its own under ``workdir`` (installed once, then reused)."""
    venv = workdir / f"jrnl-{JRNL_VERSION}"
    jrnl = venv / "bin" / "jrnl"
    if jrnl.exists():
        probe = subprocess.run([str(jrnl), "--version"], capture_output=True, text=True)
        if f"v{JRNL_VERSION}" in probe.stdout:
            return jrnl
    print(f"installing jrnl {JRNL_VERSION} into {venv} (once)...", flush=True)
    shutil.rmtree(venv, ignore_errors=True)
    base_python = getattr(sys, "_base_executable", sys.executable)
    uv = find_uv()
    if uv is not None:
        subprocess.run([uv, "venv", "-q", "--python", base_python, str(venv)], check=True)
        subprocess.run(
            [
                uv,
                "pip",
                "install",
                "-q",
                "--python",
                str(venv / "bin" / "python"),
                f"jrnl=={JRNL_VERSION}",
            ],
            check=True,
        )
    else:
        subprocess.run([base_python, "-m", "venv", str(venv)], check=True)
        pip = [str(venv / "bin" / "python"), "-m", "pip", "install", "-q"]
        subprocess.run([*pip, f"jrnl=={JRNL_VERSION}"], check=True)
    # Its bytecode, as ours has it: compileall writes it whatever PYTHONDONTWRITEBYTECODE says.
    compile_tree(venv / "bin" / "python", venv)
    return jrnl


def compile_tree(python: Path, folder: Path) -> None:
    subprocess.run(
        [
            str(python),
            "-c",
            "import compileall, sys; compileall.compile_dir(sys.argv[1], quiet=2)",
            str(folder),
        ],
        check=True,
    )


class Jrnl:
    name = "jrnl"

    def __init__(self, executable: Path, home: Path) -> None:
        self.executable = executable
        self.home = home
        self.journal = home / "journal.txt"
        self.config = home / "jrnl.yaml"
        keyring_dir = home / "keyring"
        keyring_dir.mkdir(parents=True, exist_ok=True)
        (keyring_dir / "bench_keyring.py").write_text(KEYRING_BACKEND)
        self.env = {
            **os.environ,
            "HOME": str(home),
            "XDG_CONFIG_HOME": str(home / "config"),
            "XDG_DATA_HOME": str(home / "data"),
            "PYTHONPATH": str(keyring_dir),
            "PYTHON_KEYRING_BACKEND": "bench_keyring.EnvKeyring",
            "JRNL_BENCH_PASSWORD": PASSPHRASE,
        }
        # jrnl's own config as it writes it (so it never rewrites it), encryption on.
        self.config.write_text(JRNL_CONFIG.format(journal=self.journal, version=JRNL_VERSION))

    def _command(self, *args: str) -> list[str]:
        return [str(self.executable), "--config-file", str(self.config), *args]

    def import_(self, text_file: Path) -> tuple[float, int]:
        self.journal.unlink(missing_ok=True)
        seconds, peak, _out = run_child(
            self._command("--import", "--file", str(text_file)), self.env
        )
        return seconds, peak

    def operation(self, name: str) -> list[str]:
        return self._command(*JRNL_OPERATIONS[name])

    def stored_bytes(self) -> int:
        return self.journal.stat().st_size


JRNL_OPERATIONS: dict[str, tuple[str, ...]] = {
    "list recent": ("-n", str(LIST_LIMIT), "--format", "short"),
    "full-text search": ("-contains", SEARCH_WORD, "--format", "short"),
    "tag filter": (f"@{TAG}", "--format", "short"),
    "add": ("Added by the benchmark. Mum slept through the night, then tea with José. @sleep",),
}


# -- CareCompanion -----------------------------------------------------------------------------
class Ours:
    name = "CareCompanion"

    def __init__(self, home: Path) -> None:
        self.data_dir = home / "vault"
        runtime = home / "runtime"  # the agent's socket: this benchmark's own, not the user's
        runtime.mkdir(parents=True, exist_ok=True, mode=0o700)
        os.chmod(runtime, 0o700)
        self.env = {
            **os.environ,
            "CARECOMPANION_PASSPHRASE": PASSPHRASE,
            "XDG_RUNTIME_DIR": str(runtime),
        }
        self.session_env = {k: v for k, v in self.env.items() if k != "CARECOMPANION_PASSPHRASE"}
        executable = Path(sys.executable).with_name("carecompanion")
        self.program = (
            [str(executable)] if executable.exists() else [sys.executable, "-m", "carecompanion"]
        )
        self.has_limit = "--limit" in self._help("journal", "list")
        self.has_session = "--for" in self._help("unlock")

    def _help(self, *command: str) -> str:
        result = subprocess.run(
            [*self.command(*command), "--help"],
            capture_output=True,
            text=True,
            env=self.env,
            check=False,
        )
        return result.stdout if result.returncode == 0 else ""

    def command(self, *args: str) -> list[str]:
        return [*self.program, "--data-dir", str(self.data_dir), *args]

    def import_(self, json_file: Path) -> tuple[float, int]:
        shutil.rmtree(self.data_dir, ignore_errors=True)
        run_child(self.command("init"), self.env)  # at the default Argon2id cost; not timed
        seconds, peak, _out = run_child(
            self.command("journal", "import", "--from", "jrnl", str(json_file)), self.env
        )
        return seconds, peak

    def operation(self, name: str) -> list[str]:
        listing = ["journal", "list", *(["--limit", str(LIST_LIMIT)] if self.has_limit else [])]
        arguments = {
            "list recent": listing,
            "full-text search": ["journal", "search", SEARCH_WORD],
            "tag filter": ["journal", "list", "--tag", TAG],  # every match (not a terminal)
            "add": [
                "journal",
                "add",
                "--title",
                "Added by the benchmark.",
                "--text",
                "Mum slept through the night, then tea with José.",
                "--tag",
                "sleep",
            ],
        }[name]
        return self.command(*arguments)

    def unlock(self) -> None:
        run_child(self.command("unlock", "--for", "30m"), self.env)

    def lock(self) -> None:
        run_child(self.command("lock"), self.session_env)

    def stored_bytes(self) -> int:
        return sum(
            path.stat().st_size
            for path in self.data_dir.iterdir()
            if path.name.startswith("vault.db")
        )


OPERATIONS = ("list recent", "full-text search", "tag filter", "add")
READ_OPERATIONS = OPERATIONS[:3]


# -- one size ----------------------------------------------------------------------------------
#: The columns of the table: jrnl, ours with the passphrase, ours through the session.
JRNL, OURS, SESSION = "jrnl", "ours", "ours, unlocked session"


@dataclass
class SizeResult:
    size: int
    text_bytes: int
    samples: dict[tuple[str, str], Samples] = field(default_factory=dict)  # (operation, tool)
    stored: dict[str, int] = field(default_factory=dict)  # tool -> bytes on disk
    has_session: bool = False
    has_limit: bool = False

    def of(self, operation: str, tool: str) -> Samples:
        return self.samples.setdefault((operation, tool), Samples())


def measure_size(size: int, runs: int, workdir: Path, jrnl_bin: Path) -> SizeResult:
    folder = workdir / f"size-{size}"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    items = list(entries(size))
    text_file, json_file = folder / "entries.txt", folder / "entries.json"
    write_jrnl_text(items, text_file)
    write_jrnl_json(items, json_file)
    result = SizeResult(size, sum(len((e.title + e.body).encode()) for e in items))
    jrnl, ours = Jrnl(jrnl_bin, folder / "jrnl"), Ours(folder / "ours")
    result.has_session, result.has_limit = ours.has_session, ours.has_limit

    print(f"{size:,} entries: importing into jrnl...", flush=True)
    result.of("import", JRNL).add(*jrnl.import_(text_file))
    print(f"{size:,} entries: importing into CareCompanion...", flush=True)
    result.of("import", OURS).add(*ours.import_(json_file))
    result.stored = {JRNL: jrnl.stored_bytes(), OURS: ours.stored_bytes()}

    for run in range(runs):
        print(f"{size:,} entries: run {run + 1} of {runs}...", flush=True)
        for operation in OPERATIONS:  # interleaved: each tool in turn, operation by operation
            for tool, command, env in (
                (JRNL, jrnl.operation(operation), jrnl.env),
                (OURS, ours.operation(operation), ours.env),
            ):
                seconds, peak, _out = run_child(command, env)
                result.of(operation, tool).add(seconds, peak)
        if result.has_session:
            try:
                ours.unlock()
            except CommandFailed as exc:  # this machine cannot run the agent: said, skipped
                print(f"no unlocked session here, measured without it:\n{exc}", flush=True)
                result.has_session = False
                continue
            try:
                for operation in OPERATIONS:
                    seconds, peak, _out = run_child(ours.operation(operation), ours.session_env)
                    result.of(operation, SESSION).add(seconds, peak)
            except CommandFailed as exc:
                print(f"the unlocked session failed, measured without it:\n{exc}", flush=True)
                result.has_session = False
            finally:
                ours.lock()
    return result


def import_profile(workdir: Path, size: int, *, session: bool = False) -> str:
    """``-X importtime`` of ``journal list`` on the vault just measured: the ten costliest
    imports (cumulative), the total, and which of NOT_NEEDED were loaded. ``session``: through
    an unlocked session (the read commands' quick path), else with the passphrase."""
    ours = Ours(workdir / f"size-{size}" / "ours")
    command = [sys.executable, "-X", "importtime", "-m", "carecompanion"]
    command += ["--data-dir", str(ours.data_dir), "journal", "list"]
    if session:
        ours.unlock()
    try:
        with tempfile.TemporaryFile() as err:
            env = ours.session_env if session else ours.env
            subprocess.run(command, env=env, stdout=subprocess.DEVNULL, stderr=err, check=True)
            err.seek(0)
            lines = err.read().decode(errors="replace").splitlines()
    finally:
        if session:
            ours.lock()
    how = " (unlocked session)" if session else " (passphrase)"
    return format_import_profile(lines, " ".join(["python", *command[1:]]) + how)


def format_import_profile(lines: Sequence[str], command: str) -> str:
    rows: list[tuple[int, int, str]] = []  # (cumulative us, self us, module) at the top level
    total_self = 0
    loaded: set[str] = set()
    for line in lines:
        if not line.startswith("import time:") or "imported package" in line:
            continue
        self_us, cumulative_us, module = line[len("import time:") :].split("|", 2)
        total_self += int(self_us)
        name = module.strip()
        loaded.add(name.partition(".")[0])
        if module.startswith(" ") and not module.startswith("   "):  # depth 0
            rows.append((int(cumulative_us), int(self_us), name))
    rows.sort(reverse=True)
    out = [f"`{command}`: {total_self / 1000:.0f} ms of imports in all; the ten costliest:", ""]
    out += ["| import | cumulative | self |", "|---|---:|---:|"]
    out += [
        f"| {name} | {cum / 1000:.1f} ms | {own / 1000:.1f} ms |" for cum, own, name in rows[:10]
    ]
    present = [name for name in NOT_NEEDED if name in loaded]
    out += ["", f"Loaded of {', '.join(NOT_NEEDED)}: {', '.join(present) if present else 'none'}."]
    return "\n".join(out)


# -- the table -------------------------------------------------------------------------------
def _seconds(value: float) -> str:
    if value >= 60:
        minutes, seconds = divmod(round(value), 60)
        return f"{minutes} min {seconds} s"
    return f"{value:.2f} s" if value < 10 else f"{value:.1f} s"


def _ratio(ours: float, theirs: float, slower: str = "slower", faster: str = "faster") -> str:
    if theirs <= 0 or ours <= 0:
        return "—"
    ratio = ours / theirs
    if ratio >= 1:
        return f"{ratio:.1f}× {slower}"
    return f"{theirs / ours:.1f}× {faster}"


def _mib(kib_or_bytes: float, divisor: int) -> str:
    value = kib_or_bytes / divisor
    return f"{value:,.0f} MiB" if value >= 10 else f"{value:.1f} MiB"


def format_table(results: Sequence[SizeResult]) -> str:
    """The issue's table: one column per size and way of opening ours, "ours / jrnl (ratio)"."""
    columns: list[tuple[SizeResult, str]] = []
    for result in results:
        columns.append((result, OURS))
        if result.has_session:
            columns.append((result, SESSION))
    header = ["operation"] + [
        f"{r.size:,} entries: ours{' (unlocked session)' if tool == SESSION else ''} / jrnl"
        for r, tool in columns
    ]
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]

    def timing(operation: str) -> list[str]:
        cells = []
        for result, tool in columns:
            ours, theirs = (
                result.samples.get((operation, tool)),
                result.samples.get((operation, JRNL)),
            )
            if ours is None or theirs is None or not ours.seconds or not theirs.seconds:
                cells.append("—")
                continue
            cells.append(
                f"{_seconds(ours.median_s)} / {_seconds(theirs.median_s)} "
                f"({_ratio(ours.median_s, theirs.median_s)})"
            )
        return cells

    names = {
        "list recent": f"list recent ({LIST_LIMIT})",
        "full-text search": f"full-text search ('{SEARCH_WORD}')",
        "tag filter": f"tag filter (@{TAG})",
        "add": "add an entry",
    }
    for operation in OPERATIONS:
        lines.append("| " + " | ".join([names[operation], *timing(operation)]) + " |")

    def peak(result: SizeResult, tool: str, operations: Sequence[str]) -> float:
        return max(
            (result.of(op, tool).peak_mib for op in operations if result.of(op, tool).peak_kib),
            default=0.0,
        )

    for label, operations in (
        ("peak memory, reading (list, search, tag)", READ_OPERATIONS),
        ("peak memory, adding", ("add",)),
    ):
        memory = []
        for result, tool in columns:
            ours_peak, theirs_peak = peak(result, tool, operations), peak(result, JRNL, operations)
            ratio = _ratio(ours_peak, theirs_peak, "more", "less")
            memory.append(f"{_mib(ours_peak, 1)} / {_mib(theirs_peak, 1)} ({ratio})")
        lines.append("| " + " | ".join([label, *memory]) + " |")

    imports = []
    for result, tool in columns:
        if tool == SESSION:
            imports.append("—")
            continue
        ours, theirs = result.of("import", OURS), result.of("import", JRNL)
        if not ours.seconds or not theirs.seconds:
            imports.append("—")
            continue
        imports.append(
            f"{_seconds(ours.median_s)}, {_mib(ours.peak_kib[0], 1024)} / "
            f"{_seconds(theirs.median_s)}, {_mib(theirs.peak_kib[0], 1024)} "
            f"({_ratio(ours.median_s, theirs.median_s)})"
        )
    lines.append("| " + " | ".join(["import all (time, peak memory)", *imports]) + " |")

    sizes = []
    for result, tool in columns:
        if tool == SESSION:
            sizes.append("—")
            continue
        ours_b, theirs_b = result.stored.get(OURS, 0), result.stored.get(JRNL, 0)
        text = max(result.text_bytes, 1)
        sizes.append(
            f"{_mib(ours_b, 1 << 20)} / {_mib(theirs_b, 1 << 20)} for "
            f"{_mib(text, 1 << 20)} of text ({ours_b / text:.1f}× / {theirs_b / text:.1f}×)"
        )
    lines.append("| " + " | ".join(["size on disk", *sizes]) + " |")
    return "\n".join(lines)


# -- the machine -----------------------------------------------------------------------------
def machine() -> str:
    model = platform.processor() or platform.machine()
    with open("/proc/cpuinfo", encoding="utf-8") as info:
        for line in info:
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    load = ", ".join(f"{value:.2f}" for value in os.getloadavg())
    return (
        f"{os.cpu_count()} cores ({model}), load average {load}; "
        f"Python {platform.python_version()}, {platform.system()} {platform.release()}"
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--sizes", type=int, nargs="+", default=[3650], metavar="N")
    parser.add_argument("--runs", type=int, default=7, help="runs of each operation (median)")
    parser.add_argument("--workdir", type=Path, default=ROOT / ".cache" / "compare-jrnl")
    args = parser.parse_args(argv)
    args.workdir.mkdir(parents=True, exist_ok=True)
    jrnl_bin = ensure_jrnl(args.workdir)
    compile_tree(Path(sys.executable), ROOT / "src")  # as scripts/dev.py leaves it
    before = machine()
    command = "python benchmarks/compare_jrnl.py " + " ".join(
        sys.argv[1:] if argv is None else argv
    )
    results = [measure_size(size, args.runs, args.workdir, jrnl_bin) for size in args.sizes]
    after = machine()
    print()
    print(f"Measured with `{command.strip()}`, {args.runs} interleaved runs, medians.")
    print(f"Machine before: {before}")
    print(f"Machine after:  {after}")
    if not results[0].has_session:
        print(
            "(This checkout has no `carecompanion unlock`: the unlocked session is not measured.)"
        )
    if not results[0].has_limit:
        print(f"(`journal list` has no --limit here: ours lists every entry, jrnl {LIST_LIMIT}.)")
    print()
    print(format_table(results))
    print()
    print(import_profile(args.workdir, args.sizes[0]))
    if results[0].has_session:
        print()
        print(import_profile(args.workdir, args.sizes[0], session=True))
    return 0


if __name__ == "__main__":
    sys.exit(main())
