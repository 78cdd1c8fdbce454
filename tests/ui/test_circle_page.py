"""The Circle page and its dialogs, driven through their widgets, with two real vaults
sharing one circle file in a temporary "shared folder"."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from carecompanion.circle.view import Reply
from carecompanion.clock import FixedClock
from carecompanion.session import VaultSession
from carecompanion.ui.circle.dialogs import JoinCircleDialog, MemberCardDialog, StartCircleDialog
from carecompanion.ui.circle.members_dialog import AddMemberDialog, MembersDialog
from carecompanion.ui.circle.post_panel import PostPanel
from carecompanion.ui.circle.share_dialog import ShareDialog, parse_redactions
from tests.conftest import VaultFactory
from tests.ui.circle_support import WAIT, Person, make_page, wait_idle
from tests.ui.conftest import ControllerFactory
from tests.ui.test_accessibility import unnamed_controls

# The `person` fixture: a fresh vault session for a member of that name.


def two_member_circle(ana: VaultSession, bea: VaultSession, file: Path) -> str:
    circle_id = ana.circles.create("Tuesday group", file).id
    ana.circles.add_member(circle_id, bea.circles.card())
    ana.circles.sync(circle_id)
    bea.circles.join(file)
    return circle_id


def test_empty_state_explains_circles_and_offers_three_ways_in(
    qtbot: QtBot, person: Person, monkeypatch: pytest.MonkeyPatch
) -> None:
    session = person("Ana")
    page = make_page(qtbot, session)
    assert page.body.currentWidget() is page.empty
    words = " ".join(w.text() for w in page.empty.findChildren(type(page.last_synced)))
    assert "no server and no account" in words
    assert [
        b.accessibleName() for b in (page.start_button, page.join_button, page.empty_card_button)
    ] == ["Start a circle", "Join a circle", "My member card"]
    seen: list[str] = []

    def show_card(dialog: MemberCardDialog) -> int:
        seen.append(dialog.safety.text())
        assert dialog.name.text() == "Ana"
        assert unnamed_controls(dialog) == []
        return 0

    monkeypatch.setattr(MemberCardDialog, "exec", show_card)
    qtbot.mouseClick(page.empty_card_button, Qt.MouseButton.LeftButton)
    assert seen == [session.circles.card().safety_number]
    joined: list[bool] = []

    def note_the_passphrase(dialog: JoinCircleDialog) -> int:
        joined.append(dialog.passphrase.isHidden())
        return 0

    monkeypatch.setattr(JoinCircleDialog, "exec", note_the_passphrase)
    qtbot.mouseClick(page.join_button, Qt.MouseButton.LeftButton)
    assert joined == [True], "no passphrase is asked before a file is chosen"


def test_member_card_renames_and_saves_the_card(
    qtbot: QtBot, person: Person, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from carecompanion.circle.identity import card_from_bytes

    session = person("Ana")
    page = make_page(qtbot, session)
    dialog = MemberCardDialog(session.circles, page.work, session.clock)
    qtbot.addWidget(dialog)
    dialog.name.clear()
    qtbot.keyClicks(dialog.name, "Ana M.")
    qtbot.mouseClick(dialog.save_name_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: session.circles.identity().name == "Ana M.", timeout=WAIT)
    target = tmp_path / "ana"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(target), ""))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    card = card_from_bytes((tmp_path / "ana.carecard").read_bytes())
    assert card.name == "Ana M." and card.safety_number == dialog.safety.text()
    # The secret key is exported only after a plain warning.
    monkeypatch.setattr(QMessageBox, "warning", lambda *_a, **_k: QMessageBox.StandardButton.Cancel)
    qtbot.mouseClick(dialog.export_key_button, Qt.MouseButton.LeftButton)
    assert not (tmp_path / "carecompanion-age-key.txt").exists()


def test_starting_a_circle_through_the_dialog(
    qtbot: QtBot, person: Person, shared: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    session = person("Ana")
    page = make_page(qtbot, session)
    chosen = shared / "Tuesday group"  # the dialog adds the .carecircle suffix
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(chosen), ""))

    def fill(dialog: StartCircleDialog) -> int:
        assert unnamed_controls(dialog) == []
        qtbot.keyClicks(dialog.name, "Tuesday group")
        dialog.choose_file()
        dialog.with_passphrase.setChecked(True)
        assert not dialog.passphrase_box.isHidden()
        assert "anyone who has the passphrase can read" in " ".join(
            w.text() for w in dialog.passphrase_box.findChildren(type(dialog.error))
        )
        qtbot.keyClicks(dialog.passphrase, "short")
        dialog._check()
        assert "at least 8" in dialog.error.text()
        dialog.keys.setChecked(True)  # back to member cards
        dialog._check()
        return int(dialog.result())

    monkeypatch.setattr(StartCircleDialog, "exec", fill)
    qtbot.mouseClick(page.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.body.currentWidget() is page.main, timeout=WAIT)
    wait_idle(qtbot, page)
    file = shared / "Tuesday group.carecircle"
    assert file.exists()
    [info] = session.circles.circles()
    assert (info.name, info.mode, info.my_role) == ("Tuesday group", "keys", "owner")
    assert page.circle_title.text() == "Tuesday group"
    assert page.centre_stack.currentWidget() is page.nothing_shared_area
    assert str(file) in page.watcher.watched_paths()
    assert str(shared) in page.watcher.watched_paths()
    assert (
        "Last synced: today" in page.last_synced.text() or "Last synced" in page.last_synced.text()
    )


def test_sharing_from_the_journal_shows_the_redacted_preview(
    qtbot: QtBot,
    make_controller: ControllerFactory,
    vault_factory: VaultFactory,
    clock: FixedClock,
    shared: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    unlocked, _ = vault_factory()
    controller = make_controller()
    controller.start_unlocked(unlocked)
    shell, session = controller.shell, controller.session
    assert shell is not None and session is not None
    circle_id = session.circles.create("Tuesday group", shared / "t.carecircle").id
    entry = session.journal.add(
        "Margaret's hard day",
        "Margaret did not know me today.\n\n**Still** we sang.",
        tags=("Margaret", "evenings"),
    )
    page = shell.journal_page
    page.refresh()
    assert not page.share_button.isEnabled()
    page.open_entry(entry.id)
    assert page.share_button.isEnabled()
    assert page.share_button.accessibleName()

    def check_and_share(dialog: ShareDialog) -> int:
        assert unnamed_controls(dialog) == []
        assert dialog.checked_circles() == [circle_id]
        assert "Margaret did not know me" in dialog.preview.toPlainText()
        dialog.redactions.setPlainText("Margaret → M.")
        dialog.save_redactions()
        assert dialog.preview_title.text() == "M.'s hard day"
        assert "M. did not know me today." in dialog.preview.toPlainText()
        assert "Margaret" not in dialog.preview.toPlainText() + dialog.preview_meta.text()
        assert "Tags: evenings, M." in dialog.preview_meta.text()
        qtbot.mouseClick(dialog.share_button, Qt.MouseButton.LeftButton)
        return int(dialog.result())

    monkeypatch.setattr(ShareDialog, "exec", check_and_share)
    qtbot.mouseClick(page.share_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, shell.circle_page)  # sharing runs in the background
    [post] = session.circles.state(circle_id).posts
    assert (post.title, post.mine) == ("M.'s hard day", True)
    assert session.circles.redactions(circle_id) == [("Margaret", "M.")]
    circle_page = shell.circle_page
    wait_idle(qtbot, circle_page)
    assert not session.circles.circle(circle_id).dirty, "synced after sharing"

    # Changed since: the dialog says so and offers to share the new version.
    clock.advance(60)
    session.journal.update(entry.id, body="Margaret knew me today after all.")

    def offers_new_version(dialog: ShareDialog) -> int:
        assert "changed since" in dialog.state.text()
        assert dialog.share_button.text() == "Share the new version"
        assert not dialog.withdraw_button.isHidden()
        assert "M. knew me" in dialog.preview.toPlainText()
        qtbot.mouseClick(dialog.share_button, Qt.MouseButton.LeftButton)
        return int(dialog.result())

    monkeypatch.setattr(ShareDialog, "exec", offers_new_version)
    circle_page.open_share_dialog(entry.id)
    wait_idle(qtbot, circle_page)
    [post] = session.circles.state(circle_id).posts
    assert post.version == 2 and "M. knew me" in post.text

    def withdraw(dialog: ShareDialog) -> int:
        assert dialog.state.text().startswith("This entry is shared")
        assert not dialog.share_button.isEnabled()
        monkeypatch.setattr(
            QMessageBox, "question", lambda *_a, **_k: QMessageBox.StandardButton.Yes
        )
        qtbot.mouseClick(dialog.withdraw_button, Qt.MouseButton.LeftButton)
        # after the sync of the new version, which may still be running: one job at a time
        qtbot.waitUntil(dialog.withdraw_button.isHidden, timeout=WAIT)
        assert "Withdrawn" in dialog.status.text()
        return 0

    monkeypatch.setattr(ShareDialog, "exec", withdraw)
    circle_page.open_share_dialog(entry.id)
    assert session.circles.state(circle_id).posts == []
    wait_idle(qtbot, circle_page)


def test_redaction_lines_accept_arrows_and_bare_words() -> None:
    assert parse_redactions("Margaret → M.\nDr Okafor -> the doctor\n\nSt Anne's\n") == [
        ("Margaret", "M."),
        ("Dr Okafor", "the doctor"),
        ("St Anne's", ""),
    ]


def test_another_members_post_arrives_unread_then_comment_and_react(
    qtbot: QtBot, person: Person, shared: Path
) -> None:
    ana, bea = person("Ana"), person("Bea")
    circle_id = two_member_circle(ana, bea, shared / "t.carecircle")
    page = make_page(qtbot, ana)
    entry = bea.journal.add("Respite week booked", "Finally a **whole week**.")
    record = bea.circles.share_entry(circle_id, entry.id)
    bea.circles.sync(circle_id)

    qtbot.mouseClick(page.sync_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.posts_model.rowCount() == 1, timeout=WAIT)
    wait_idle(qtbot, page)
    post = page.posts_model.value(0)
    assert (post.author_name, post.title, post.unread) == ("Bea", "Respite week booked", True)
    assert "1 new" in page.circles_model.index(0, 0).data()
    accessible = page.posts_model.index(0, 0).data(Qt.ItemDataRole.AccessibleTextRole)
    assert accessible.startswith("New, Respite week booked, by Bea")
    assert page.right_stack.currentWidget() is page.choose_hint

    page.posts.setCurrentIndex(page.posts_model.index(0, 0))  # opening marks it read
    assert page.right_stack.currentWidget() is page.panel_area  # the panel, scrolling
    assert "whole week" in page.panel.body.toPlainText()
    assert not page.posts_model.value(0).unread
    assert "nothing new" in page.circles_model.index(0, 0).data()
    wait_idle(qtbot, page)  # the read mark is written in the background
    assert not ana.circles.state(circle_id).posts[0].unread
    assert page.panel.withdraw_button.isHidden(), "only your own posts can be withdrawn"

    qtbot.keyClicks(page.panel.comment_box, "So glad for you.")
    qtbot.mouseClick(page.panel.send_button, Qt.MouseButton.LeftButton)
    heart = page.panel.reaction_buttons["heart"]
    qtbot.mouseClick(heart, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, page)
    state = ana.circles.state(circle_id)
    assert [c.text for c in state.posts[0].comments] == ["So glad for you."]
    assert [r.text for r in state.posts[0].reactions] == ["heart"]
    assert page.panel.comments_model.rowCount() == 1
    assert page.panel.comment_box.toPlainText() == ""
    assert not heart.isEnabled() and "you sent this" in heart.accessibleName()
    assert not ana.circles.circle(circle_id).dirty

    bea.circles.sync(circle_id)
    [seen] = bea.circles.state(circle_id).posts
    assert seen.record_id == record
    assert [(c.author_name, c.text) for c in seen.comments] == [("Ana", "So glad for you.")]
    assert [(r.author_name, r.text) for r in seen.reactions] == [("Ana", "heart")]


def test_the_watcher_syncs_when_another_member_writes(
    qtbot: QtBot, person: Person, shared: Path
) -> None:
    ana, bea = person("Ana"), person("Bea")
    circle_id = two_member_circle(ana, bea, shared / "t.carecircle")
    page = make_page(qtbot, ana)
    assert page.posts_model.rowCount() == 0
    entry = bea.journal.add("Written on Bea's computer", "hello")
    bea.circles.share_entry(circle_id, entry.id)
    bea.circles.sync(circle_id)  # an atomic rename over the file, as sync tools do too
    qtbot.waitUntil(lambda: page.posts_model.rowCount() == 1, timeout=WAIT)
    assert page.posts_model.value(0).title == "Written on Bea's computer"
    wait_idle(qtbot, page)
    # Our own writes (and the lock file) do not set off an endless round of syncs: when the
    # watcher's pause ends (called here rather than waited for, so no machine is too slow
    # for it), the file is what our sync left, and nothing asks for another.
    # The sync's own write may have started the pause: let that round end first.
    qtbot.waitUntil(lambda: not page.watcher._timer.isActive() and not page.work.busy, timeout=WAIT)
    with qtbot.assertNotEmitted(page.watcher.changed):
        page.watcher._check()
    assert not page.work.busy


def test_sync_trouble_is_a_calm_status_line(qtbot: QtBot, person: Person, shared: Path) -> None:
    ana, bea = person("Ana"), person("Bea")
    file = shared / "t.carecircle"
    two_member_circle(ana, bea, file)
    page = make_page(qtbot, ana)
    file.write_bytes(b"not a circle at all")
    qtbot.mouseClick(page.sync_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not page.status.isHidden(), timeout=WAIT)
    assert "not a circle file" in page.status.text()
    wait_idle(qtbot, page)


def test_members_dialog_adds_after_comparing_and_removes(
    qtbot: QtBot, person: Person, tmp_path: Path, shared: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ana, bea = person("Ana"), person("Bea")
    circle_id = ana.circles.create("Tuesday group", shared / "t.carecircle").id
    page = make_page(qtbot, ana)
    card_file = tmp_path / "Bea.carecard"
    card_file.write_bytes(bea.circles.card().to_bytes())
    dialog = MembersDialog(ana.circles, page.work, circle_id, page.request_sync)
    qtbot.addWidget(dialog)
    assert unnamed_controls(dialog) == []
    assert dialog.model.rowCount() == 1
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(card_file), ""))

    def compare(add: AddMemberDialog) -> int:
        assert unnamed_controls(add) == []
        assert bea.circles.card().safety_number in [
            w.text() for w in add.findChildren(type(dialog.status))
        ]
        assert not add.add_button.isEnabled(), "not before the numbers were compared"
        add.matches.setChecked(True)
        add.role.setCurrentIndex(add.role.findData("reader"))
        qtbot.mouseClick(add.add_button, Qt.MouseButton.LeftButton)
        return int(add.result())

    monkeypatch.setattr(AddMemberDialog, "exec", compare)
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    # Added in the background: the roster changes on the worker, then the dialog's list
    # when the worker's result reaches the GUI thread (wait for both, not for the first).
    qtbot.waitUntil(
        lambda: (
            ana.circles.roster(circle_id).role_of(bea.circles.identity().fingerprint) == "reader"
            and dialog.model.rowCount() == 2
        ),
        timeout=WAIT,
    )
    assert "Bea · reader" in dialog.model.index(1, 0).data()

    asked: list[str] = []

    def yes(_parent: object, title: str, text: str, *_a: object) -> QMessageBox.StandardButton:
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", yes)
    dialog.list.setCurrentIndex(dialog.model.index(1, 0))
    assert dialog.remove_button.isEnabled()
    qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    assert "What they could already read stays with them" in asked[0]
    qtbot.waitUntil(
        lambda: (
            ana.circles.roster(circle_id).role_of(bea.circles.identity().fingerprint) == "removed"
        ),
        timeout=WAIT,
    )  # after the sync
    # The list follows when the worker's result reaches the GUI thread, which may be a
    # moment after the roster changed (a loaded machine: CI saw 2 rows here).
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1, timeout=WAIT)
    wait_idle(qtbot, page)
    assert not ana.circles.circle(circle_id).dirty


def test_join_asks_a_passphrase_only_when_the_file_needs_one(
    qtbot: QtBot, person: Person, shared: Path
) -> None:
    ana = person("Ana")
    keys = shared / "keys.carecircle"
    words = shared / "words.carecircle"
    ana.circles.create("Keys", keys)
    ana.circles.create("Words", words, passphrase="lantern garden kettle")
    dialog = JoinCircleDialog()
    qtbot.addWidget(dialog)
    assert unnamed_controls(dialog) == []
    dialog.use_file(keys)
    assert dialog.passphrase.isHidden() and dialog.chosen_passphrase() is None
    dialog.use_file(words)
    assert not dialog.passphrase.isHidden()
    dialog.passphrase.setText("lantern garden kettle")
    assert dialog.chosen_passphrase() == "lantern garden kettle"
    bad = shared / "bad.carecircle"
    bad.write_bytes(b"hello")
    dialog.use_file(bad)
    assert "not a circle file" in dialog.error.text()


def test_joining_a_passphrase_circle_from_the_page(
    qtbot: QtBot, person: Person, shared: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ana, bea = person("Ana"), person("Bea")
    file = shared / "words.carecircle"
    ana.circles.create("Words", file, passphrase="lantern garden kettle")
    page = make_page(qtbot, bea)

    def fill(dialog: JoinCircleDialog) -> int:
        assert dialog.chosen_path() == file
        dialog.passphrase.setText("lantern garden kettle")
        dialog._check()
        return int(dialog.result())

    monkeypatch.setattr(JoinCircleDialog, "exec", fill)
    page.open_circle_file(file)  # not one of ours yet: the Join dialog opens for it
    qtbot.waitUntil(lambda: page.circles_model.rowCount() == 1, timeout=WAIT)
    wait_idle(qtbot, page)
    assert bea.circles.circles()[0].my_role == "member"
    page.open_circle_file(file)  # now it is: shown, no dialog
    assert page.circle_title.text() == "Words"
    wait_idle(qtbot, page)


def test_the_main_window_opens_circle_files(
    qtbot: QtBot, make_controller: ControllerFactory, vault_factory: VaultFactory, shared: Path
) -> None:
    unlocked, _ = vault_factory()
    controller = make_controller()
    controller.start_unlocked(unlocked)
    shell, session = controller.shell, controller.session
    assert shell is not None and session is not None
    file = shared / "t.carecircle"
    session.circles.create("Tuesday group", file)
    controller.window.open_circle_file(file)
    assert shell.pages.currentWidget() is shell.circle_page
    wait_idle(qtbot, shell.circle_page)
    assert shell.circle_page.circle_title.text() == "Tuesday group"


def test_circle_page_controls_are_named(
    qtbot: QtBot,
    make_controller: ControllerFactory,
    vault_factory: VaultFactory,
    clock: FixedClock,
    tmp_path: Path,
    shared: Path,
) -> None:
    unlocked, _ = vault_factory()
    controller = make_controller()
    controller.start_unlocked(unlocked)
    shell, session = controller.shell, controller.session
    assert shell is not None and session is not None
    shell.show_section(3)
    assert unnamed_controls(controller.window) == []
    circle_id = session.circles.create("Tuesday group", shared / "t.carecircle").id
    entry = session.journal.add("A day", "text")
    session.circles.share_entry(circle_id, entry.id)
    page = shell.circle_page
    page.refresh()
    wait_idle(qtbot, page)  # read in the background
    page.posts.setCurrentIndex(page.posts_model.index(0, 0))
    assert page.right_stack.currentWidget() is page.panel_area  # the panel, scrolling
    assert not page.panel.withdraw_button.isHidden()
    assert unnamed_controls(controller.window) == []
    for code, widget in page.panel.reaction_buttons.items():
        assert widget.accessibleName(), code
    wait_idle(qtbot, page)


def test_locking_stops_the_watcher_and_forgets_posts(
    qtbot: QtBot, person: Person, shared: Path
) -> None:
    ana = person("Ana")
    circle_id = ana.circles.create("Tuesday group", shared / "t.carecircle").id
    ana.circles.share_entry(circle_id, ana.journal.add("A day", "text").id)
    page = make_page(qtbot, ana)
    assert page.posts_model.rowCount() == 1
    page.clear()
    assert page.posts_model.rowCount() == 0 and page.circles_model.rowCount() == 0
    assert page.watcher.watched_paths() == []
    assert isinstance(QDialog, type)


def test_sharing_how_the_week_went(
    qtbot: QtBot,
    person: Person,
    shared: Path,
    clock: FixedClock,
) -> None:
    from datetime import timedelta

    from carecompanion.mood.records import CheckInDraft
    from carecompanion.ui.circle.mood_share_dialog import MoodShareDialog

    ana, bea = person("Ana"), person("Bea")
    circle_id = two_member_circle(ana, bea, shared / "t.carecircle")
    ana.circles.set_redactions(circle_id, [("Margaret", "M.")])
    for days_ago, mood in ((1, 2), (2, 2)):
        ana.mood.add(
            CheckInDraft(
                mood=mood, stress=8, sleep_hours=5, at=clock.now() - timedelta(days=days_ago)
            )
        )
    page = make_page(qtbot, ana)
    dialog = MoodShareDialog(ana.circles, ana.mood, page.work, page.request_sync, page)
    qtbot.addWidget(dialog)
    assert dialog.text.toPlainText() == "This week was hard: mood 2/5, slept about 5 h."
    dialog.text.setPlainText("Margaret had a hard week, so did I.")
    stress = next(
        row
        for row in range(dialog.figures_model.rowCount())
        if dialog.figures_model.item(row).text().startswith("stress")
    )
    dialog.figures_model.item(stress).setCheckState(Qt.CheckState.Unchecked)
    assert dialog.preview.text().startswith("M. had a hard week, so did I.")
    assert "stress" not in dialog.preview.text() and "mood: 2/5" in dialog.preview.text()
    assert unnamed_controls(dialog) == []
    dialog.share_button.click()
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted, timeout=WAIT)
    wait_idle(qtbot, page)
    bea.circles.sync(circle_id)
    (post,) = bea.circles.state(circle_id).posts
    assert post.kind == "mood" and post.text == "M. had a hard week, so did I."
    assert "stress" not in post.content["figures"] and post.content["figures"]["mood"] == "2/5"


def test_the_syncing_note_does_not_make_the_page_wider(
    qtbot: QtBot, person: Person, shared: Path
) -> None:
    # A reaction starts a sync, and its "Syncing…" note beside Sync now made the window
    # wider than a 1366×768 screen at 150 % (911 logical pixels): it goes under the button.
    ana, bea = person("Ana"), person("Bea")
    two_member_circle(ana, bea, shared / "t.carecircle")
    page = make_page(qtbot, ana)
    page.show()
    assert page.progress.isHidden()
    before = page.minimumSizeHint().width()
    page.progress.setText("Starting “The Tuesday evening carers’ group”…")  # the longest note
    page.progress.show()  # as a sync's start shows it
    QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
    assert page.progress.isVisible()
    assert page.minimumSizeHint().width() <= before


def test_a_long_comment_wraps_onto_more_lines_in_a_narrow_pane(qtbot: QtBot) -> None:
    # Comments were cut to their first line ("That coffee counts a…") in a small window.
    panel = PostPanel()
    qtbot.addWidget(panel)
    words = "That coffee counts as looking after yourself too, and so does the nap after it."
    comments = [
        Reply("c1", "comment", "bea", "Bea", "Short", "2026-03-03T12:00:00+00:00", False),
        Reply("c2", "comment", "bea", "Bea", words, "2026-03-03T12:05:00+00:00", False),
    ]
    panel.setEnabled(True)
    panel.comments_model.set_rows(comments)
    panel.comments.show()
    panel.resize(1000, 700)
    panel.show()
    qtbot.waitExposed(panel)
    view, model = panel.comments, panel.comments_model
    short, wide = (view.visualRect(model.index(row, 0)).height() for row in (0, 1))
    assert wide == short, "one line for the comment when the pane has room"
    panel.resize(240, 700)
    QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
    narrow = view.visualRect(model.index(1, 0))
    assert narrow.height() > wide
    assert narrow.right() <= view.viewport().width(), "wrapped, not scrolled sideways"
    assert view.horizontalScrollBar().maximum() == 0
