"""The Circle page never works on a circle on the GUI thread: reading posts, comments,
reactions, withdrawals and syncs all run on workers; a comment shows as "sending…" until
the circle has it; locking waits for a running sync and drops what comes back after."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from carecompanion.circle import posts as posts_module
from carecompanion.circle.errors import READ_ONLY, NotAllowed
from carecompanion.circle.view import build_posts
from carecompanion.clock import FixedClock
from carecompanion.session import VaultSession
from carecompanion.ui.circle.page import CirclePage
from carecompanion.ui.common.workers import current_task
from tests.conftest import VaultFactory
from tests.helpers import GOOD_PASSPHRASE
from tests.ui.circle_support import Person
from tests.ui.conftest import ControllerFactory

WAIT = 15_000


def make_page(qtbot: QtBot, session: VaultSession) -> CirclePage:
    page = CirclePage(session)
    qtbot.addWidget(page)
    page.resize(1200, 760)
    qtbot.waitUntil(lambda: not page.work.busy, timeout=WAIT)
    return page


def wait_idle(qtbot: QtBot, page: CirclePage) -> None:
    qtbot.waitUntil(lambda: not page.work.busy, timeout=WAIT)


def circle_with_a_post(ana: VaultSession, bea: VaultSession, file: Path) -> tuple[str, str]:
    """Ana's circle with Bea in it, and a post of Bea's that Ana has not read."""
    circle_id = ana.circles.create("Tuesday group", file).id
    ana.circles.add_member(circle_id, bea.circles.card())
    ana.circles.sync(circle_id)
    bea.circles.join(file)
    rid = bea.circles.share_entry(circle_id, bea.journal.add("Respite week", "A whole week.").id)
    bea.circles.sync(circle_id)
    return circle_id, rid


def record_threads(
    monkeypatch: pytest.MonkeyPatch, service: Any, names: tuple[str, ...]
) -> list[tuple[str, bool]]:
    """Which service calls ran, and whether on the GUI thread."""
    calls: list[tuple[str, bool]] = []
    for name in names:
        real = getattr(service, name)

        def recorded(*args: Any, _name: str = name, _real: Any = real, **kwargs: Any) -> Any:
            calls.append((_name, threading.current_thread() is threading.main_thread()))
            return _real(*args, **kwargs)

        monkeypatch.setattr(service, name, recorded)
    return calls


SERVICE_CALLS = (
    "circles",
    "circle",
    "state",
    "unread_count",
    "mark_read",
    "comment",
    "react",
    "withdraw",
    "sync",
    "find_by_file",
    "forget",
)


def test_every_circle_call_of_the_page_runs_on_a_worker(
    qtbot: QtBot, person: Person, shared_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ana, bea = person("Ana"), person("Bea")
    circle_id, rid = circle_with_a_post(ana, bea, shared_folder / "t.carecircle")
    mine = ana.circles.share_entry(circle_id, ana.journal.add("My day", "Tired.").id)
    calls = record_threads(monkeypatch, ana.circles, SERVICE_CALLS)
    page = make_page(qtbot, ana)  # reads the posts and syncs
    assert page.posts_model.rowCount() == 2
    page.posts.setCurrentIndex(page.posts_model.index(page.posts_model.row_of(rid), 0))
    qtbot.keyClicks(page.panel.comment_box, "So glad for you.")
    qtbot.mouseClick(page.panel.send_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.panel.reaction_buttons["hug"], Qt.MouseButton.LeftButton)
    wait_idle(qtbot, page)
    qtbot.mouseClick(page.sync_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, page)
    page.posts.setCurrentIndex(page.posts_model.index(page.posts_model.row_of(mine), 0))
    monkeypatch.setattr(QMessageBox, "question", lambda *_a, **_k: QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(page.panel.withdraw_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, page)
    page.open_circle_file(shared_folder / "t.carecircle")
    wait_idle(qtbot, page)

    made = {name for name, _gui in calls}
    assert {"state", "mark_read", "comment", "react", "sync", "withdraw", "find_by_file"} <= made
    assert [name for name, gui in calls if gui] == [], "none on the GUI thread"
    [post] = [p for p in ana.circles.state(circle_id).posts if p.record_id == rid]
    assert [c.text for c in post.comments] == ["So glad for you."]
    assert [r.text for r in post.reactions] == ["hug"]
    assert not post.unread
    assert mine not in {p.record_id for p in ana.circles.state(circle_id).posts}


@pytest.fixture
def shared_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "Shared"
    folder.mkdir()
    return folder


def test_a_comment_shows_as_sending_until_the_circle_has_it(
    qtbot: QtBot, person: Person, shared_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ana, bea = person("Ana"), person("Bea")
    circle_id, rid = circle_with_a_post(ana, bea, shared_folder / "t.carecircle")
    page = make_page(qtbot, ana)
    page.posts.setCurrentIndex(page.posts_model.index(0, 0))
    wait_idle(qtbot, page)
    go_on = threading.Event()
    real_comment = ana.circles.comment

    def held_comment(*args: Any) -> str:
        assert go_on.wait(WAIT / 1000)  # the worker waits: the window does not
        return str(real_comment(*args))

    monkeypatch.setattr(ana.circles, "comment", held_comment)
    qtbot.keyClicks(page.panel.comment_box, "Thinking of you.")
    qtbot.mouseClick(page.panel.send_button, Qt.MouseButton.LeftButton)

    shown = page.panel.comments_model.index(0, 0).data()
    assert shown.startswith("You · sending…") and shown.endswith("Thinking of you.")
    assert page.panel.comment_box.toPlainText() == ""
    assert ana.circles.state(circle_id).posts[0].comments == ()
    go_on.set()
    wait_idle(qtbot, page)
    shown = page.panel.comments_model.index(0, 0).data()
    assert "sending" not in shown and shown.endswith("Thinking of you.")
    assert page.panel.comments_model.rowCount() == 1
    [post] = ana.circles.state(circle_id).posts
    assert [c.text for c in post.comments] == ["Thinking of you."]
    assert post.record_id == rid


def test_a_reaction_waits_as_sending_and_a_failed_comment_comes_back(
    qtbot: QtBot, person: Person, shared_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ana, bea = person("Ana"), person("Bea")
    circle_id, _rid = circle_with_a_post(ana, bea, shared_folder / "t.carecircle")
    page = make_page(qtbot, ana)
    page.posts.setCurrentIndex(page.posts_model.index(0, 0))
    wait_idle(qtbot, page)
    go_on = threading.Event()
    real_react = ana.circles.react

    def held_react(*args: Any) -> str:
        assert go_on.wait(WAIT / 1000)
        return str(real_react(*args))

    monkeypatch.setattr(ana.circles, "react", held_react)
    heart = page.panel.reaction_buttons["heart"]
    qtbot.mouseClick(heart, Qt.MouseButton.LeftButton)
    assert not heart.isEnabled() and heart.accessibleName() == "Heart: sending…"
    go_on.set()
    wait_idle(qtbot, page)
    assert heart.accessibleName() == "Heart: you sent this"

    def refused(*_args: Any) -> str:
        raise NotAllowed(READ_ONLY)

    warned: list[str] = []
    monkeypatch.setattr(ana.circles, "comment", refused)
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, title, _text: warned.append(title))
    qtbot.keyClicks(page.panel.comment_box, "Words I want to keep")
    qtbot.mouseClick(page.panel.send_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, page)
    assert warned == ["Comment not added"]
    assert page.panel.comment_box.toPlainText() == "Words I want to keep", "not lost"
    assert page.panel.comments_model.rowCount() == 0, "no comment left 'sending…'"
    assert ana.circles.state(circle_id).posts[0].comments == ()


def test_refreshing_an_unchanged_circle_builds_nothing(
    qtbot: QtBot, person: Person, shared_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ana, bea = person("Ana"), person("Bea")
    circle_with_a_post(ana, bea, shared_folder / "t.carecircle")
    built: list[int] = []

    def counting(*args: Any) -> Any:
        built.append(1)
        return build_posts(*args)

    monkeypatch.setattr(posts_module, "build_posts", counting)
    page = make_page(qtbot, ana)
    before = len(built)
    page.refresh()
    wait_idle(qtbot, page)
    qtbot.mouseClick(page.sync_button, Qt.MouseButton.LeftButton)  # nothing new in the file
    wait_idle(qtbot, page)
    assert len(built) == before, "the posts came from the cache"
    assert page.posts_model.rowCount() == 1


class OnGuiThread(QObject):
    asked = Signal()

    def __init__(self, action: Callable[[], None]) -> None:
        super().__init__()
        self.asked.connect(action)


def test_locking_during_a_sync_waits_for_it_and_drops_its_result(
    qtbot: QtBot,
    make_controller: ControllerFactory,
    vault_factory: VaultFactory,
    clock: FixedClock,
    shared_folder: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    unlocked, _ = vault_factory()
    before = VaultSession(unlocked, clock)
    circle_id = before.circles.create("Tuesday group", shared_folder / "t.carecircle").id
    before.circles.share_entry(circle_id, before.journal.add("A day", "Rain.").id)
    assert before.circles.circle(circle_id).dirty
    controller = make_controller()
    controller.start_unlocked(unlocked)
    assert controller.session is not None and controller.shell is not None
    service = controller.session.circles
    lock = OnGuiThread(controller.lock)
    real_sync = service.sync
    shown: list[object] = []
    monkeypatch.setattr(CirclePage, "show_view", lambda _page, view: shown.append(view))
    shown_at_lock: list[int] = []
    controller.locked.connect(lambda: shown_at_lock.append(len(shown)))

    def lock_during_sync(circle: str) -> Any:
        task = current_task()
        assert task is not None, "on a worker"
        lock.asked.emit()
        assert task.wait_cancelled(WAIT / 1000)  # the lock has begun, and waits for us
        return real_sync(circle)  # ends its write before the keys go

    monkeypatch.setattr(service, "sync", lock_during_sync)
    # The page syncs every circle once the window is up.
    qtbot.waitUntil(lambda: controller.session is None, timeout=WAIT)
    QApplication.processEvents()  # the sync's result arrives, for a page that is gone
    assert len(shown) == shown_at_lock[0], "dropped: nothing touched the page after the lock"
    controller.unlock(GOOD_PASSPHRASE)
    qtbot.waitUntil(lambda: controller.session is not None, timeout=WAIT)
    assert controller.session is not None
    assert not controller.session.circles.circle(circle_id).dirty, "the sync had finished"


def test_choosing_another_circle_during_a_sync_keeps_that_choice(
    qtbot: QtBot, person: Person, shared_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ana = person("Ana")
    first = ana.circles.create("Aardvark walkers", shared_folder / "a.carecircle").id
    second = ana.circles.create("Zebra carers", shared_folder / "z.carecircle").id
    page = make_page(qtbot, ana)
    assert page.current_circle_id() == first  # circles are listed by name
    entered, go_on = threading.Event(), threading.Event()
    real_sync = ana.circles.sync

    def held_sync(circle_id: str) -> Any:
        entered.set()
        assert go_on.wait(WAIT / 1000)
        return real_sync(circle_id)

    monkeypatch.setattr(ana.circles, "sync", held_sync)
    page.request_sync(first)  # as after a change to the first circle
    qtbot.waitUntil(entered.is_set, timeout=WAIT)
    # The person chooses the other circle while the first one syncs.
    row = page.circles_model.row_of(second)
    page.circle_list.setCurrentIndex(page.circles_model.index(row, 0))
    go_on.set()
    wait_idle(qtbot, page)
    assert page.current_circle_id() == second
    assert page.circle_title.text() == "Zebra carers"
