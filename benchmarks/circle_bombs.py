#!/usr/bin/env python3
"""Hostile circle files against the reader: peak memory and time, next to the limits.

Usage: .venv/bin/python benchmarks/circle_bombs.py [--src DIR] [--only NAME] [--cap-mb 4000]

Builds each file the way anyone holding one member's public card can (a document of their
choosing, zlib-compressed and encrypted with age to that member), then reads it in a fresh
child process the way a sync does (decrypt, inflate, parse, verify every signature, keep
what the roster allows: ``engine.open_file_bytes``) and prints the child's peak
resident memory (VmHWM), its memory before reading (the interpreter and the app's
modules), the time, and what the reader said. Issue 14 asks for under 300 MB and 10 s for any
file of at most 64 MiB.

``--src`` reads with another copy of the code (``git archive HEAD src | tar -x -C /tmp/old``
gives the code before a change: ``--src /tmp/old/src``). Each child's address space is capped
(``--cap-mb``) so a reader that would take 7 GB stops with MemoryError instead of starving the
machine; its row then says so.
"""

from __future__ import annotations

import argparse
import base64
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
import zlib
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

MIB = 1024 * 1024
NOW = datetime(2026, 11, 25, 10, 0, tzinfo=UTC)
CIRCLE_ID = "c" * 32
MAGIC = b"carecompanion-circle/1\n"
PASSPHRASE = "correct horse battery staple"


# -- building ----------------------------------------------------------------------------------


class Builder:
    """Members with real keys, and the document text around what a bomb puts in it."""

    def __init__(self) -> None:
        from carecompanion.circle.identity import MemberIdentity

        self.owner = MemberIdentity.generate("Owner", NOW)
        self.reader = MemberIdentity.generate("Reader", NOW)
        self.genesis = self.item(
            "genesis",
            self.owner,
            {
                "by": self.owner.fingerprint,
                "circle": CIRCLE_ID,
                "name": "Bombs",
                "mode": "keys",
                "created": "2026-11-25T10:00:00Z",
            },
        )

    def item(self, kind: str, signer: object, fields: dict[str, object]) -> list[str]:
        from carecompanion.circle.items import make_item

        made = make_item(kind, CIRCLE_ID, fields, signer.sign)  # type: ignore[arg-type, attr-defined]
        return made.to_json()

    def record(self, author: object, n: int, body: str, target: str | None = None) -> list[str]:
        from carecompanion.circle.canonical import b64url
        from carecompanion.circle.items import record_id

        nonce = n.to_bytes(16, "big")
        fingerprint: str = author.fingerprint  # type: ignore[attr-defined]
        return self.item(
            "record",
            author,
            {
                "by": fingerprint,
                "id": record_id(fingerprint, nonce),
                "nonce": b64url(nonce),
                "kind": "entry" if target is None else "reaction",
                "version": 1,
                "created": "2026-11-25T10:00:00Z",
                "updated": "2026-11-25T10:00:00Z",
                "target": target,
                "content": {"title": f"Entry {n}", "body": body, "tags": [], "day": "2026-11-25"}
                if target is None
                else {"reaction": "heart"},
            },
        )

    def cards(self) -> list[dict[str, object]]:
        return [self.owner.card.to_json(), self.reader.card.to_json()]

    def document(self, **sections: object) -> bytes:
        document = {
            "format": "carecompanion.circle",
            "version": 1,
            "circle": CIRCLE_ID,
            "genesis": self.genesis,
            "cards": self.cards(),
            "roster": [],
            "records": [],
            "heads": [],
            **sections,
        }
        return json.dumps(document, separators=(",", ":"), ensure_ascii=False).encode()

    def seal(self, payload: bytes) -> bytes:
        import pyrage

        recipient = pyrage.x25519.Recipient.from_str(self.reader.card.age_recipient)
        return bytes(pyrage.encrypt(payload, [recipient]))


def zlib_of(pieces: Callable[[], object], level: int = 9) -> bytes:
    """A zlib stream of the text ``pieces()`` yields, without the text ever existing whole."""
    compressor = zlib.compressobj(level)
    out = [MAGIC]
    for piece in pieces():  # type: ignore[attr-defined]
        out.append(compressor.compress(piece))
    out.append(compressor.flush())
    return b"".join(out)


def repeated(prefix: bytes, unit: bytes, total: int, suffix: bytes) -> Callable[[], object]:
    def pieces() -> object:
        yield prefix
        block = unit * (MIB // len(unit))
        for _ in range(total // len(block)):
            yield block
        yield suffix

    return pieces


def document_around(builder: Builder, key: str) -> tuple[bytes, bytes]:
    """The text of a valid document up to and after the value of ``key``."""
    marker = "\x00MARK\x00"
    text = builder.document(**{key: marker}).decode()
    before, after = text.split(json.dumps(marker, ensure_ascii=False), 1)
    return before.encode(), after.encode()


def build_all(builder: Builder, rng: random.Random) -> dict[str, tuple[str, bytes]]:
    from carecompanion.circle.identity import MemberIdentity

    files: dict[str, tuple[str, bytes]] = {}

    def add(name: str, what: str, payload: bytes) -> None:
        files[name] = (what, builder.seal(payload))

    authors = [builder.owner]
    words = [
        "tired",
        "mum",
        "slept",
        "doctor",
        "walk",
        "tea",
        "laughed",
        "garden",
        "respite",
        "nurse",
        "calm",
        "rain",
    ]
    honest = [
        builder.record(authors[0], n, " ".join(rng.choice(words) for _ in range(120)))
        for n in range(15_000)
    ]
    add(
        "honest",
        "15,000 journal-sized entries of one member (for reference; ~13 MB of bodies)",
        MAGIC + zlib.compress(builder.document(records=honest), 3),
    )
    add(
        "brackets",
        "zlib bomb: [ then [], to 255 MiB (issue 14, finding 4)",
        zlib_of(repeated(b"[", b"[],", 255 * MIB, b"[]]")),
    )
    before, after = document_around(builder, "records")
    add(
        "records",
        "zlib bomb: a document whose records are [], to 255 MiB",
        zlib_of(repeated(before + b"[", b"[],", 255 * MIB, b"[]]" + after)),
    )
    add(
        "nesting",
        "zlib bomb: [[[[... 255 MiB deep",
        zlib_of(repeated(b"", b"[", 255 * MIB, b"")),
    )
    deep = builder.record(authors[0], 1, "x")
    deep[0] = "[" * 100_000
    add(
        "body",
        "an item body of 100,000 [ (a signature-shaped signature)",
        MAGIC + zlib.compress(builder.document(records=[deep]), 9),
    )
    before, after = document_around(builder, "circle")
    add(
        "string",
        "zlib bomb: one string of 255 MiB",
        zlib_of(repeated(before + b'"', b"a", 255 * MIB, b'"' + after)),
    )
    junk = [
        MemberIdentity.generate(f"Junk {n}", NOW).card.to_json() for n in range(498)
    ]  # with the owner's and the reader's: 500, the most a file may hold
    add(
        "cards",
        "500 member cards, 498 of them junk (every one's signature checked)",
        MAGIC + zlib.compress(builder.document(cards=builder.cards() + junk), 9),
    )
    noise = base64.b64encode(rng.randbytes(63 * MIB - 4096)).decode()[: 62 * MIB]
    before, after = document_around(builder, "circle")
    add(
        "file",
        "a 64 MiB file: one incompressible string of 62 MiB (zlib level 0)",
        MAGIC + zlib.compress(before + json.dumps(noise).encode() + after, 0),
    )
    from carecompanion.circle.agefile import encrypt_with_passphrase

    files["passphrase"] = (
        "the same 64 MiB file in a passphrase circle (scrypt, work factor 18)",
        encrypt_with_passphrase(
            MAGIC + zlib.compress(before + json.dumps(noise).encode() + after, 0), PASSPHRASE
        ),
    )
    # Four authors, each within the per-author quotas; random text, so it hardly compresses.
    writers = [builder.owner, *(MemberIdentity.generate(f"Writer {i}", NOW) for i in range(3))]
    largest = []
    size = 0
    n = 0
    while size < 46 * MIB:
        body = base64.b64encode(rng.randbytes(700)).decode()
        largest.append(builder.record(writers[n % 4], n, body))
        size += len(largest[-1][0]) + 100
        n += 1
    cards = builder.cards() + [writer.card.to_json() for writer in writers[1:]]
    target = "0" * 24
    smallest = [builder.record(writers[n % 4], n, "", target) for n in range(50_000)]
    add(
        "reactions",
        "the most records a reader accepts: 50,000 reactions from 4 members",
        MAGIC + zlib.compress(builder.document(cards=cards, records=smallest), 3),
    )
    add(
        "largest",
        f"the largest document a reader accepts: {n:,} records of random text, 46 MiB",
        MAGIC + zlib.compress(builder.document(cards=cards, records=largest), 1),
    )
    return files


# -- reading, in a child -----------------------------------------------------------------------


def peak_mb() -> float:
    """This process's peak resident memory: VmHWM, which starts again at exec (``ru_maxrss``
    keeps the parent's peak across fork and exec on Linux); ``ru_maxrss`` elsewhere."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def read_in_child(path: str, identity: str, src: str | None) -> None:
    """Runs in the child: read one file as a sync does, print one JSON line."""
    if src:
        sys.path.insert(0, src)
    from carecompanion.circle.engine import open_file_bytes
    from carecompanion.circle.identity import MemberIdentity
    from carecompanion.errors import CareCompanionError

    reader = MemberIdentity("Reader", b"\0" * 32, identity, "2026-11-25T10:00:00Z")
    data = Path(path).read_bytes()
    before = peak_mb()
    start = time.perf_counter()
    try:
        opened = open_file_bytes(data, identity=reader, passphrase=PASSPHRASE)
        dropped = getattr(getattr(opened, "dropped", None), "total", 0)
        said = (
            f"read: {len(opened.content.items):,} items kept, {dropped:,} dropped (no roster "
            f"names their authors, or over a quota), {len(opened.rejected):,} rejected"
        )
    except CareCompanionError as exc:
        said = f"refused: {exc}"
    except MemoryError:
        said = "MemoryError (the address-space cap stopped it)"
    except BaseException as exc:
        said = f"CRASH: {type(exc).__name__}"
    seconds = time.perf_counter() - start
    peak = peak_mb()
    print(json.dumps({"seconds": seconds, "peak": peak, "before": before, "said": said}))


def limit_memory(cap_mb: int) -> Callable[[], None]:
    def apply() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (cap_mb * MIB, cap_mb * MIB))

    return apply


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--src", help="read with the carecompanion package under this folder")
    parser.add_argument("--only", action="append", help="only these files (by name)")
    parser.add_argument("--cap-mb", type=int, default=4000)
    parser.add_argument("--timeout", type=float, default=300)
    parser.add_argument("--read", nargs=2, help=argparse.SUPPRESS)  # the child's job
    args = parser.parse_args()
    if args.read:
        read_in_child(args.read[0], args.read[1], args.src)
        return

    from carecompanion.circle import limits

    print(
        f"limits: file {limits.MAX_FILE_BYTES // MIB} MiB, document "
        f"{limits.MAX_DOCUMENT_BYTES // MIB} MiB, nesting {limits.MAX_DOCUMENT_DEPTH}, "
        f"item body {limits.MAX_ITEM_BODY_BYTES // 1024} KiB, cards {limits.MAX_CARDS}, "
        f"records {limits.MAX_RECORDS:,}; target: under 300 MB and 10 s"
    )
    print("building the files...", flush=True)
    builder = Builder()
    files = build_all(builder, random.Random(14))
    print(f"{'file':<9} {'size':>10} {'peak':>9} {'before':>8} {'time':>8}  what / said")
    with tempfile.TemporaryDirectory() as folder:
        for name, (what, data) in files.items():
            if args.only and name not in args.only:
                continue
            path = Path(folder) / f"{name}.carecircle"
            path.write_bytes(data)
            command = [sys.executable, __file__, "--read", str(path), builder.reader.age_identity]
            if args.src:
                command[2:2] = ["--src", args.src]
            try:
                child = subprocess.run(
                    command,
                    capture_output=True,
                    text=True,
                    timeout=args.timeout,
                    preexec_fn=limit_memory(args.cap_mb),
                    check=False,
                )
                line = child.stdout.strip().splitlines()[-1] if child.stdout.strip() else ""
                result = json.loads(line) if line.startswith("{") else None
            except subprocess.TimeoutExpired:
                result = {"seconds": args.timeout, "peak": 0, "before": 0, "said": "timed out"}
            if result is None:
                print(f"{name:<9} the child failed: {child.stderr.strip().splitlines()[-1:]}")
                continue
            size = f"{len(data) / MIB:.2f} MiB" if len(data) >= MIB else f"{len(data) // 1024} KiB"
            print(
                f"{name:<9} {size:>10} {result['peak']:>6.0f} MB {result['before']:>5.0f} MB "
                f"{result['seconds']:>6.2f} s  {what}\n{'':<49}{result['said'][:90]}",
                flush=True,
            )
            path.unlink()


if __name__ == "__main__":
    main()
