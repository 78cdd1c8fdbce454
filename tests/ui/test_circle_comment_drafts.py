"""A half-written comment stays with its post while the Circle page lives: choosing another
post used to clear the box. Each post keeps its own draft, in memory only, and the page
drops them all when the app locks. What was sent is read back from the CircleService."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from carecompanion.clock import FixedClock
from carecompanion.session import VaultSession
from carecompanion.ui.circle.page import CirclePage
from tests.conftest import VaultFactory
from tests.helpers import GOOD_PASSPHRASE
from tests.ui.circle_support import WAIT, Person, make_page, wait_idle
from tests.ui.conftest import ControllerFactory


def _two_posts(session: VaultSession, shared: Path) -> str:
    circle_id = session.circles.create("Tuesday group", shared / "t.carecircle").id
    for title in ("Respite week booked", "A good day"):
        entry = session.journal.add(title, "Words.")
        session.circles.share_entry(circle_id, entry.id)
    session.circles.sync(circle_id)
    return circle_id


def _go_to(qtbot: QtBot, page: CirclePage, row: int) -> None:
    """Arrow keys in the posts list, as a person moves between posts."""
    page.posts.setFocus()
    if page.posts.currentIndex().row() < 0:
        qtbot.keyClick(page.posts, Qt.Key.Key_Home)
    while page.posts.currentIndex().row() != row:
        here = page.posts.currentIndex().row()
        qtbot.keyClick(page.posts, Qt.Key.Key_Down if row > here else Qt.Key.Key_Up)
    wait_idle(qtbot, page)  # the read mark is written in the background


def _write(qtbot: QtBot, page: CirclePage, text: str) -> None:
    page.panel.comment_box.setFocus()
    qtbot.keyClicks(page.panel.comment_box, text)


def _comments(session: VaultSession, circle_id: str, title: str) -> list[str]:
    [post] = [p for p in session.circles.state(circle_id).posts if p.title == title]
    return [c.text for c in post.comments]


def test_each_post_keeps_its_half_written_comment(
    qtbot: QtBot, person: Person, shared: Path
) -> None:
    ana = person("Ana")
    circle_id = _two_posts(ana, shared)
    page = make_page(qtbot, ana, show=True)
    assert page.posts_model.rowCount() == 2
    first, second = (page.posts_model.value(row).title for row in (0, 1))
    _go_to(qtbot, page, 0)
    _write(qtbot, page, "So glad you")
    _go_to(qtbot, page, 1)
    assert page.panel.comment_box.toPlainText() == "", "another post: its own, empty box"
    assert not page.panel.send_button.isEnabled()
    _write(qtbot, page, "Lovely")
    _go_to(qtbot, page, 0)
    assert page.panel.comment_box.toPlainText() == "So glad you", "the draft is back"
    assert page.panel.send_button.isEnabled()
    qtbot.keyClicks(page.panel.comment_box, " got a break.")
    qtbot.keyClick(page.panel.comment_box, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    wait_idle(qtbot, page)
    _go_to(qtbot, page, 1)
    assert page.panel.comment_box.toPlainText() == "Lovely"
    qtbot.keyClick(page.panel.comment_box, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    wait_idle(qtbot, page)
    _go_to(qtbot, page, 0)
    assert page.panel.comment_box.toPlainText() == "", "sent: no draft left"
    assert _comments(ana, circle_id, first) == ["So glad you got a break."]
    assert _comments(ana, circle_id, second) == ["Lovely"]


def test_locking_drops_every_draft(
    qtbot: QtBot,
    make_controller: ControllerFactory,
    vault_factory: VaultFactory,
    clock: FixedClock,
    shared: Path,
) -> None:
    unlocked, _ = vault_factory()
    circle_id = _two_posts(VaultSession(unlocked, clock), shared)
    controller = make_controller()
    controller.start_unlocked(unlocked)
    assert controller.shell is not None
    controller.shell.show_section(3)  # Circles
    page = controller.shell.circle_page
    wait_idle(qtbot, page)
    _go_to(qtbot, page, 0)
    _write(qtbot, page, "Not for anyone yet")
    _go_to(qtbot, page, 1)
    _write(qtbot, page, "Nor this")
    panel = page.panel
    rids = [page.posts_model.value(row).record_id for row in (0, 1)]
    controller.lock()
    assert panel.comment_box.toPlainText() == ""
    assert not panel.comment_box.document().isUndoAvailable(), "not even in the undo history"
    assert [panel.draft(rid) for rid in rids] == ["", ""]
    controller.unlock(GOOD_PASSPHRASE)
    qtbot.waitUntil(lambda: controller.shell is not None, timeout=WAIT)
    assert controller.shell is not None and controller.session is not None
    page = controller.shell.circle_page
    wait_idle(qtbot, page)
    _go_to(qtbot, page, 0)
    assert page.panel.comment_box.toPlainText() == ""
    _go_to(qtbot, page, 1)
    assert page.panel.comment_box.toPlainText() == ""
    assert all(not p.comments for p in controller.session.circles.state(circle_id).posts)
    QApplication.processEvents()


def test_a_comment_not_sent_goes_back_to_its_own_post(
    qtbot: QtBot, person: Person, shared: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # It used to go into whatever box was showing when the failure came back.
    ana = person("Ana")
    circle_id = _two_posts(ana, shared)
    page = make_page(qtbot, ana, show=True)
    entered, go_on = threading.Event(), threading.Event()

    def refused(*_args: object) -> str:
        entered.set()
        assert go_on.wait(WAIT / 1000)
        raise OSError("the shared folder is gone")

    monkeypatch.setattr(ana.circles, "comment", refused)
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, title, _text: warned.append(title))
    _go_to(qtbot, page, 0)
    _write(qtbot, page, "Thinking of you")
    qtbot.keyClick(page.panel.comment_box, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(entered.is_set, timeout=WAIT)
    page.posts.setFocus()
    qtbot.keyClick(page.posts, Qt.Key.Key_Down)  # on to the other post while it is sent
    go_on.set()
    wait_idle(qtbot, page)
    assert warned == ["Comment not added"]
    assert page.panel.comment_box.toPlainText() == "", "not in another post's box"
    _go_to(qtbot, page, 0)
    assert page.panel.comment_box.toPlainText() == "Thinking of you"
    assert all(not p.comments for p in ana.circles.state(circle_id).posts)


def test_a_comment_not_sent_is_kept_beside_one_written_meanwhile(
    qtbot: QtBot, person: Person, shared: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Sent, refused, and meanwhile another comment begun on the same post: both stay."""
    ana = person("Ana")
    _two_posts(ana, shared)
    page = make_page(qtbot, ana, show=True)
    entered, go_on = threading.Event(), threading.Event()

    def refused(*_args: object) -> str:
        entered.set()
        assert go_on.wait(WAIT / 1000)
        raise OSError("the shared folder is gone")

    monkeypatch.setattr(ana.circles, "comment", refused)
    monkeypatch.setattr(QMessageBox, "warning", lambda *_args: None)
    _go_to(qtbot, page, 0)
    _write(qtbot, page, "Thinking of you")
    qtbot.keyClick(page.panel.comment_box, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(entered.is_set, timeout=WAIT)
    _write(qtbot, page, "And of your mum")
    go_on.set()
    wait_idle(qtbot, page)
    assert page.panel.comment_box.toPlainText() == "Thinking of you\n\nAnd of your mum"
