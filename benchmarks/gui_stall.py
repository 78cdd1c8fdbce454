#!/usr/bin/env python3
"""The longest GUI-thread stall on the Circle page, with a circle of 20,000 records.

Usage: .venv/bin/python benchmarks/gui_stall.py [--members 20] [--records 20000]

Builds the circle as benchmarks/circle.py does (real keys and signatures), joins it from a
real vault, opens the real CirclePage offscreen and drives it through its widgets: open the
page, choose a post, add a comment, send a reaction, and sync after another member wrote to
the file. A 5 ms QTimer beats on the GUI thread all along; for each action the longest gap
between two beats is the longest time the window could not paint or answer a key. Goal: no
gap over 50 ms. Also printed: how long the action took until its result was on screen.

Not a test: the figures depend on the machine and its load.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # benchmarks.circle

from PySide6.QtCore import QEventLoop, QTimer

from benchmarks.circle import NOW, build
from carecompanion.circle.canonical import b64url
from carecompanion.circle.engine import open_file_bytes, refresh_head, roster_of, seal
from carecompanion.circle.files import read_circle_file, write_circle_file
from carecompanion.circle.identity import MemberIdentity
from carecompanion.circle.items import make_item, new_nonce, record_id
from carecompanion.clock import FixedClock
from carecompanion.paths import AppPaths
from carecompanion.session import VaultSession, create_vault
from carecompanion.vault.kdf import MINIMUM_KDF

GOAL_MS = 50.0
TIMEOUT_S = 120.0


class Heartbeat:
    """A 5 ms timer on the GUI thread; the longest gap between its beats is the stall."""

    def __init__(self) -> None:
        self.timer = QTimer()
        self.timer.setInterval(5)
        self.timer.timeout.connect(self._beat)
        self._last = time.perf_counter()
        self.longest = 0.0

    def start(self) -> None:
        self.reset()
        self.timer.start()

    def reset(self) -> None:
        self._last = time.perf_counter()
        self.longest = 0.0

    def _beat(self) -> None:
        now = time.perf_counter()
        self.longest = max(self.longest, now - self._last)
        self._last = now


def run_until(done: Callable[[], bool], timeout: float = TIMEOUT_S) -> None:
    """Let the event loop run (as the app's would) until ``done()``."""
    loop = QEventLoop()
    check = QTimer()
    check.setInterval(2)
    check.timeout.connect(lambda: loop.quit() if done() else None)
    check.start()
    deadline = time.perf_counter() + timeout
    while not done():
        if time.perf_counter() > deadline:
            raise SystemExit("timed out waiting for the page")
        loop.exec()
    check.stop()


def measure(
    heart: Heartbeat, name: str, action: Callable[[], None], done: Callable[[], bool]
) -> tuple[str, float, float]:
    """Start ``action`` from the event loop (a click would) and wait for ``done``."""
    run_until(lambda: True)  # drain what came before
    heart.reset()
    started = time.perf_counter()
    QTimer.singleShot(0, action)
    run_until(lambda: time.perf_counter() - started > 0.02 and done())
    elapsed = (time.perf_counter() - started) * 1000
    stall = heart.longest * 1000
    flag = "ok" if stall <= GOAL_MS else "OVER"
    print(f"{name:<34} longest stall {stall:7.0f} ms   done after {elapsed:7.0f} ms   {flag}")
    return name, stall, elapsed


def other_member_comments(path: Path, author: MemberIdentity, target: str) -> None:
    """Another member's computer adds a comment and writes the file (outside the app)."""
    opened = open_file_bytes(read_circle_file(path), identity=author)
    content = opened.content
    nonce = new_nonce()
    content.add(
        [
            make_item(
                "record",
                content.circle_id,
                {
                    "by": author.fingerprint,
                    "id": record_id(author.fingerprint, nonce),
                    "nonce": b64url(nonce),
                    "kind": "comment",
                    "version": 1,
                    "created": "2026-11-25T11:00:00Z",
                    "updated": "2026-11-25T11:00:00Z",
                    "target": target,
                    "content": {"text": "Written on another computer"},
                },
                author.sign,
            )
        ]
    )
    refresh_head(content, author, NOW)
    sealed, _ = seal(content, roster_of(content), None)
    write_circle_file(path, sealed)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--members", type=int, default=20)
    parser.add_argument("--records", type=int, default=20_000)
    args = parser.parse_args()

    from carecompanion.ui.app.launch import create_application
    from carecompanion.ui.circle.page import CirclePage
    from carecompanion.ui.common import theme

    app = create_application()
    theme.apply(app, "light")
    clock = FixedClock(NOW)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        unlocked, _key = create_vault(
            AppPaths(folder / "vault"), "benchmark lantern harbour", kdf=MINIMUM_KDF, clock=clock
        )
        session = VaultSession(unlocked, clock)
        me = session.circles.identity()
        print(f"building {args.records} records from {args.members} members...", flush=True)
        others = [MemberIdentity.generate(f"Member {i}", NOW) for i in range(args.members - 1)]
        people = [others[0], me, *others[1:]]  # the first is the organiser
        content = build(people, args.records, with_heads=True)
        data, _payload = seal(content, roster_of(content), None)
        path = folder / "Shared" / "Benchmark.carecircle"
        path.parent.mkdir()
        write_circle_file(path, data)
        session.circles.join(path)
        print(f"file: {len(data) / 1e6:.1f} MB; joined", flush=True)

        heart = Heartbeat()
        heart.start()
        results = []
        page_box: list[CirclePage] = []

        def open_page() -> None:
            page = CirclePage(session)
            page.resize(1200, 760)
            page.show()
            page_box.append(page)

        def page_ready() -> bool:
            return bool(page_box) and page_box[0].posts_model.rowCount() > 0 and idle()

        def idle() -> bool:
            return bool(page_box) and not page_box[0].work.busy

        # Opening includes building the page's widgets (~50 ms, with or without circles).
        results.append(measure(heart, "open the page", open_page, page_ready))
        page = page_box[0]
        # A post of someone else's, near the top, so it is one a person would open.
        row = next(
            n for n, post in enumerate(page.posts_model.rows) if not post.mine and post.comments
        )
        target = page.posts_model.rows[row].record_id

        def choose() -> None:
            page.posts.setCurrentIndex(page.posts_model.index(row, 0))

        results.append(
            measure(heart, "choose a post", choose, lambda: page.panel.post is not None and idle())
        )
        comments_before = page.panel.comments_model.rowCount()

        def comment() -> None:
            page.panel.comment_box.setPlainText("Thinking of you all this week")
            page.panel.send_button.click()

        def comment_done() -> bool:
            rows = page.panel.comments_model.rows
            return (
                len(rows) == comments_before + 1
                and not rows[-1].record_id.startswith("sending:")  # shown, then stored
                and idle()
            )

        results.append(measure(heart, "comment", comment, comment_done))
        heart_button = page.panel.reaction_buttons["heart"]
        results.append(
            measure(
                heart,
                "react",
                heart_button.click,
                lambda: "you sent this" in heart_button.accessibleName() and idle(),
            )
        )
        other_member_comments(path, others[3], target)
        count = page.panel.comments_model.rowCount()
        results.append(
            measure(
                heart,
                "sync (another member's comment)",
                page.sync_button.click,
                lambda: page.panel.comments_model.rowCount() == count + 1 and idle(),
            )
        )
        results.append(measure(heart, "sync (nothing new)", page.sync_button.click, lambda: idle()))
        heart.timer.stop()
        worst = max(stall for _name, stall, _elapsed in results)
        print(f"worst stall: {worst:.0f} ms (goal: under {GOAL_MS:.0f} ms)")
        page.clear()
        page.deleteLater()
        run_until(lambda: True)
        session.lock()
    app.quit()


if __name__ == "__main__":
    main()
