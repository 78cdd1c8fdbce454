#!/usr/bin/env python3
"""The command line with and without an unlocked session (``carecompanion unlock``).

Usage: .venv/bin/python benchmarks/cli_session.py [--entries 3650] [--runs 7] [--workdir DIR]
                                                  [--add]

A vault of N entries (default 3,650: ten years of daily entries, benchmarks/journal.py's
texts) with the default Argon2id cost (256 MiB, t=3, p=4) is built once in --workdir and
reused. Then ``carecompanion journal list`` runs as a whole new process each time,
interleaved:

- *passphrase*: CARECOMPANION_PASSPHRASE set, no agent (Argon2id on every command);
- *session*: no passphrase anywhere, no terminal, an agent started once with
  ``carecompanion unlock --for 30m`` (a command that got no key would fail: each run's exit
  status is checked, and its output compared with the passphrase run's).

With ``--add`` the command is ``journal add`` (a short entry with a tag) instead: each run
adds one, so the vault grows by 2 × runs + 1 entries (its output is one line either way).

Printed: median and min wall time per command, the median peak RSS of the command process
(``wait4``), the agent's own RSS, and how long a key request to the agent takes in-process.
Not a test: it prints figures (interleaved runs, median).
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

#: benchmarks/journal.py's passphrase (not imported from there: this process stays small, see
#: ``run``).
PASSPHRASE = "benchmark lantern harbour morning"
COMMAND = ["journal", "list"]
ADD = ["journal", "add", "--title", "Benchmark", "--text", "Tea with José.", "--tag", "sleep"]
UNLOCK = ["unlock", "--for", "30m"]


def run(data_dir: Path, env: dict[str, str], command: list[str]) -> tuple[float, float, bytes]:
    """Wall seconds, peak RSS in MiB, and stdout of one whole ``carecompanion`` process.

    The peak is ``wait4``'s ``ru_maxrss``, which on Linux also counts the parent's memory at
    the moment it started the child (Python starts children with vfork): so this process
    builds nothing and imports nothing heavy, and its own few MiB are far below any
    command's."""
    started = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-m", "carecompanion", "--data-dir", str(data_dir), *command],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )
    out, err = process.stdout.read() if process.stdout else b"", b""
    if process.stderr:
        err = process.stderr.read()
    _pid, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(
            f"{' '.join(command)} failed ({process.returncode}): {err.decode()[-500:]}"
        )
    return elapsed, usage.ru_maxrss / 1024, out


def private_folder(prefix: str) -> Path:
    folder = Path(tempfile.mkdtemp(prefix=prefix))
    folder.chmod(0o700)
    return folder


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=3650)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--workdir", type=Path, default=None)
    parser.add_argument("--add", action="store_true", help="time journal add, not journal list")
    options = parser.parse_args()
    command = ADD if options.add else COMMAND

    workdir = options.workdir or Path(tempfile.gettempdir()) / "carecompanion-bench-session"
    folder = workdir / f"vault-{options.entries}"
    if not (folder / "complete").exists():
        folder.mkdir(parents=True, exist_ok=True)
        print(f"building a vault of {options.entries:,} entries in {folder} ...", flush=True)
        builder = "import sys; from pathlib import Path; from benchmarks.journal import build; "
        builder += "build(Path(sys.argv[1]), int(sys.argv[2]))"
        subprocess.run(
            [sys.executable, "-c", builder, str(folder), str(options.entries)], check=True
        )
    data_dir = folder / "data"

    base = {k: v for k, v in os.environ.items() if not k.startswith("CARECOMPANION_")}
    no_agent_runtime = private_folder("cc-bench-none-")
    agent_runtime = private_folder("cc-bench-agent-")
    with_passphrase = {
        **base,
        "XDG_RUNTIME_DIR": str(no_agent_runtime),
        "CARECOMPANION_PASSPHRASE": PASSPHRASE,
    }
    with_session = {**base, "XDG_RUNTIME_DIR": str(agent_runtime)}

    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "carecompanion", "--data-dir", str(data_dir), *UNLOCK],
        env={**with_session, "CARECOMPANION_PASSPHRASE": PASSPHRASE},
        check=True,
        stdin=subprocess.DEVNULL,
        capture_output=True,
    )
    unlock_seconds = time.perf_counter() - started

    os.environ["XDG_RUNTIME_DIR"] = str(agent_runtime)
    from carecompanion.vault import agent
    from carecompanion.vault.zeroing import zero

    state = agent.status()
    assert state is not None, "the agent did not start"
    agent_pid = int(state["pid"])

    times: dict[str, list[float]] = {"passphrase": [], "session": []}
    peaks: dict[str, list[float]] = {"passphrase": [], "session": []}
    outputs: dict[str, bytes] = {}
    try:
        run(data_dir, with_session, command)  # warm the file cache for both
        for _ in range(options.runs):
            for name, env in (("passphrase", with_passphrase), ("session", with_session)):
                elapsed, peak, out = run(data_dir, env, command)
                times[name].append(elapsed)
                peaks[name].append(peak)
                outputs.setdefault(name, out)
        if not options.add:
            assert outputs["passphrase"] == outputs["session"], "the same list either way"

        vault_id = state["vault"]
        requests = []
        for _ in range(200):
            begun = time.perf_counter()
            key = agent.fetch_key(vault_id)
            requests.append(time.perf_counter() - begun)
            assert key is not None
            zero(key)
        status_text = Path(f"/proc/{agent_pid}/status").read_text()
        agent_rss = int(status_text.split("VmRSS:")[1].split()[0]) / 1024
    finally:
        agent.end_agent()

    lines = outputs["session"].count(b"\n")
    print()
    print(f"carecompanion {' '.join(command)}: {options.entries:,} entries ({lines:,} lines out)")
    no_bytecode = "PYTHONDONTWRITEBYTECODE" in os.environ
    print(f"whole process, {options.runs} interleaved runs each; cpus={os.cpu_count()}, ", end="")
    print(f"load={os.getloadavg()[0]:.2f}, PYTHONDONTWRITEBYTECODE={no_bytecode}")
    print()
    print(f"{'':<34}{'median':>10}{'min':>10}{'peak RSS':>12}")
    for name, label in (
        ("passphrase", "with the passphrase (Argon2id)"),
        ("session", "with a session (agent)"),
    ):
        print(
            f"{label:<34}{statistics.median(times[name]):>9.3f}s{min(times[name]):>9.3f}s"
            f"{statistics.median(peaks[name]):>8.0f} MiB"
        )
    saved = statistics.median(times["passphrase"]) - statistics.median(times["session"])
    ratio = statistics.median(times["passphrase"]) / statistics.median(times["session"])
    print(f"{'the session saves':<34}{saved:>9.3f}s  ({ratio:.2f}x faster)")
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"(peak RSS includes this process's own {own:.0f} MiB at each start: a floor)")
    print()
    print(f"carecompanion unlock (Argon2id + starting the agent): {unlock_seconds:.3f} s, once")
    request_ms = statistics.median(requests) * 1e3
    print(
        f"a key request to the agent, in-process: median {request_ms:.2f} ms, "
        f"max {max(requests) * 1e3:.2f} ms; the agent's RSS {agent_rss:.1f} MiB"
    )


if __name__ == "__main__":
    main()
