#!/usr/bin/env python3
"""Circle sync figures: a circle of 20 members with 20,000 records.

Usage: .venv/bin/python benchmarks/circle.py [--members 20] [--records 20000] [--runs 5]

Builds the circle with real keys and signatures (journal-sized entries, one in four a
comment), seals it to every member, then times, as the app runs them:

- cold: read, decrypt, parse, verify (through the authors' heads), merge and write back, with
  nothing known beforehand (engine level, no vault);
- cold without heads: the same, every record's signature checked one by one (the fallback);
- join: the same through CircleService into an encrypted vault (what a new member waits for);
- sync after a local comment: merge with the vault's copy and write the file again;
- sync with nothing new: the file is unchanged since the last sync;
- sync of a rewritten file with nothing new in it (another member wrote the same content):
  decrypt, and find the payload byte for byte the vault's stored document, so nothing is
  parsed or verified again (issue 17's goal: <= 0.2 s at 20,000 records).

Reported: the median of ``--runs`` runs in milliseconds, and the file size per record.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from carecompanion.circle.canonical import b64url
from carecompanion.circle.content import CircleContent
from carecompanion.circle.engine import open_file_bytes, refresh_head, roster_of, seal
from carecompanion.circle.files import write_circle_file
from carecompanion.circle.identity import MemberIdentity
from carecompanion.circle.items import make_item, record_id
from carecompanion.circle.service import CircleService
from carecompanion.clock import FixedClock
from carecompanion.storage import migrate
from carecompanion.storage.database import Database

NOW = datetime(2026, 11, 25, 10, 0, tzinfo=UTC)
WORDS = (
    "tired",
    "mum",
    "slept",
    "doctor",
    "walk",
    "tea",
    "laughed",
    "forgot",
    "garden",
    "respite",
    "nurse",
    "pills",
    "sister",
    "calm",
    "rain",
    "cried",
    "better",
    "today",
)


def text(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words))


def build(people: list[MemberIdentity], records: int, with_heads: bool) -> CircleContent:
    rng = random.Random(7)
    members = len(people)
    owner = people[0]
    circle_id = os.urandom(16).hex()
    genesis = make_item(
        "genesis",
        circle_id,
        {
            "by": owner.fingerprint,
            "circle": circle_id,
            "name": "Benchmark",
            "mode": "keys",
            "created": "2026-11-25T10:00:00Z",
        },
        owner.sign,
    )
    content = CircleContent(genesis)
    content.add_cards(p.card for p in people)
    content.add(
        make_item(
            "roster",
            circle_id,
            {
                "by": owner.fingerprint,
                "member": p.fingerprint,
                "role": "member",
                "version": 1,
                "replaces": None,
                "under": None,
                "keeps": None,
                "at": "2026-11-25T10:00:00Z",
            },
            owner.sign,
        )
        for p in people[1:]
    )
    entries: list[str] = []
    items = []
    for n in range(records):
        author = people[n % members]
        nonce = n.to_bytes(16, "big")
        rid = record_id(author.fingerprint, nonce)
        if n % 4 == 3 and entries:
            kind, target = "comment", rng.choice(entries)
            body: dict[str, object] = {"text": text(rng, 25)}
        else:
            kind, target = "entry", None
            body = {
                "title": text(rng, 5),
                "body": text(rng, 120),
                "tags": ["week"],
                "day": "2026-11-25",
            }
            entries.append(rid)
        items.append(
            make_item(
                "record",
                circle_id,
                {
                    "by": author.fingerprint,
                    "id": rid,
                    "nonce": b64url(nonce),
                    "kind": kind,
                    "version": 1,
                    "created": "2026-11-25T10:00:00Z",
                    "updated": "2026-11-25T10:00:00Z",
                    "target": target,
                    "content": body,
                },
                author.sign,
            )
        )
    content.add(items)
    if with_heads:
        for person in people:
            refresh_head(content, person, NOW)
    return content


def median_ms(
    runs: int, work: Callable[[], object], before: Callable[[], object] = lambda: None
) -> float:
    times = []
    for _ in range(runs):
        before()
        start = time.perf_counter()
        work()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--members", type=int, default=20)
    parser.add_argument("--records", type=int, default=20_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    print(f"building {args.records} records from {args.members} members...", flush=True)
    people = [MemberIdentity.generate(f"Member {i}", NOW) for i in range(args.members)]
    content = build(people, args.records, with_heads=True)
    headless = build(people, args.records, with_heads=False)
    roster = roster_of(content)
    data, payload = seal(content, roster, None)
    headless_data, _payload = seal(headless, roster_of(headless), None)
    reader = people[5]
    print(
        f"file: {len(data) / 1e6:.2f} MB, {len(data) / args.records:.0f} bytes per record "
        f"(payload {len(payload) / args.records:.0f} compressed)"
    )

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        path = folder / "Benchmark.carecircle"

        def full_cycle(blob: bytes) -> None:
            opened = open_file_bytes(blob, identity=reader)
            merged = opened.content
            refresh_head(merged, reader, NOW)
            sealed, _ = seal(merged, roster_of(merged), None)
            write_circle_file(path, sealed)

        print(
            f"cold read-verify-merge-write (heads): "
            f"{median_ms(args.runs, lambda: full_cycle(data)):.0f} ms"
        )
        print(
            f"cold read-verify-merge-write (no heads, every signature): "
            f"{median_ms(max(1, args.runs // 2), lambda: full_cycle(headless_data)):.0f} ms"
        )

        database = Database(folder / "vault.db", os.urandom(32))
        migrate.upgrade(database.engine)
        clock = FixedClock(NOW)
        service = CircleService(database, clock)
        # The reader's identity, as their vault holds it.
        from carecompanion.circle.models import IdentityRow

        with database.session() as session:
            session.add(
                IdentityRow(
                    id=1,
                    name=reader.name,
                    signing_seed=reader.signing_seed,
                    age_identity=reader.age_identity,
                    created=reader.created,
                )
            )

        def forget() -> None:
            for info in service.circles():
                service.forget(info.id)

        write_circle_file(path, data)
        print(
            f"join (read, verify, store in the vault): "
            f"{median_ms(args.runs, lambda: service.join(path), forget):.0f} ms"
        )
        write_circle_file(path, data)
        forget()
        circle_id = service.join(path).id
        some_entry = next(
            item.fields["id"] for item in content.records() if item.fields["kind"] == "entry"
        )

        def comment() -> None:
            service.comment(circle_id, some_entry, "Thinking of you")

        print(
            f"sync after a local comment (merge, write file and vault): "
            f"{median_ms(args.runs, lambda: service.sync(circle_id), comment):.0f} ms"
        )
        print(
            f"sync with nothing new (file unchanged): "
            f"{median_ms(args.runs * 4, lambda: service.sync(circle_id)):.1f} ms"
        )

        def rewrite() -> None:
            current = open_file_bytes(path.read_bytes(), identity=reader).content
            sealed, _ = seal(current, roster_of(current), None)  # new ciphertext, same items
            write_circle_file(path, sealed)

        print(
            f"sync of a rewritten file with nothing new (nothing verified twice): "
            f"{median_ms(args.runs, lambda: service.sync(circle_id), rewrite):.0f} ms"
        )
        database.close()


if __name__ == "__main__":
    main()
