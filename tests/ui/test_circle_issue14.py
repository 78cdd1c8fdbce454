"""The Circle page for circles that hold against a hostile member (issue 14), driven through
its widgets with real vaults sharing one circle file in a temporary "shared folder": Repair
for a file nobody can read, names told apart and changes shown, a comment saved while the
file is busy said to be saved (never failed), a truthful removal in a passphrase circle with
the passphrase changed and taken in, and one list of words to replace for every circle."""

from __future__ import annotations

import json
import shutil
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel, QMessageBox
from pytestqt.qtbot import QtBot

from carecompanion.circle import files
from carecompanion.circle.errors import CircleFileError
from carecompanion.circle.keeping import Dropped
from carecompanion.circle.sync import SyncReport
from carecompanion.clock import FixedClock
from carecompanion.session import VaultSession
from carecompanion.ui.circle.members_dialog import MembersDialog
from carecompanion.ui.circle.models import AUTHOR_ROLE
from carecompanion.ui.circle.passphrase_dialog import CirclePassphraseDialog
from carecompanion.ui.circle.share_dialog import ShareDialog
from tests.ui.circle_support import WAIT, Person, make_page, wait_idle
from tests.ui.test_accessibility import unnamed_controls

OLD = "lantern garden kettle"
NEW = "harbour violet morning"


def circle_of(owner: VaultSession, others: list[VaultSession], file: Path) -> str:
    circle_id = owner.circles.create("Tuesday group", file).id
    for other in others:
        owner.circles.add_member(circle_id, other.circles.card())
    owner.circles.sync(circle_id)
    for other in others:
        other.circles.join(file)
    return circle_id


def share(session: VaultSession, circle_id: str, title: str) -> str:
    entry = session.journal.add(title, f"{title}, in a few words.")
    record = session.circles.share_entry(circle_id, entry.id)
    session.circles.sync(circle_id)
    return record


def say_yes(asked: list[str]) -> Callable[..., QMessageBox.StandardButton]:
    def answer(_parent: object, _title: str, text: str, *_a: object) -> QMessageBox.StandardButton:
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    return answer


# -- repair --------------------------------------------------------------------------------------


def test_a_damaged_circle_file_is_repaired_from_the_page(
    qtbot: QtBot, person: Person, shared: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ana, bea = person("Ana"), person("Bea")
    file = shared / "t.carecircle"
    circle_id = circle_of(ana, [bea], file)
    share(bea, circle_id, "Before the damage")
    page = make_page(qtbot, ana)
    assert page.repair_button.isHidden()
    file.write_bytes(b"junk " * 200)  # one member's junk: nobody can read the file

    qtbot.mouseClick(page.sync_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not page.repair_button.isHidden(), timeout=WAIT)
    wait_idle(qtbot, page)
    assert "It can be repaired" in page.status.text()
    assert page.repair_button.accessibleName()
    with pytest.raises(CircleFileError):
        bea.circles.sync(circle_id)  # Bea cannot read it either

    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", say_yes(asked))
    qtbot.mouseClick(page.repair_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, page)
    [question] = asked  # asked once, in plain words
    assert "fresh circle file from what it has already checked" in question
    assert "it comes back when they sync" in question
    assert page.status.text().startswith("A fresh circle file was written")
    assert page.repair_button.isHidden()
    page.request_sync(circle_id)  # the watcher's sync after the write: it keeps the words
    wait_idle(qtbot, page)
    assert page.status.text().startswith("A fresh circle file was written")

    bea.circles.sync(circle_id)  # the other member reads the fresh file
    assert [post.title for post in bea.circles.state(circle_id).posts] == ["Before the damage"]

    # The circle's menu offers it too; on a file that reads well it syncs instead.
    assert page.repair_action.text() == "Repair the circle file…"
    page.repair_action.trigger()
    wait_idle(qtbot, page)
    assert len(asked) == 2
    assert page.status.text().startswith("The circle file was fine; it was synced instead.")


# -- names ---------------------------------------------------------------------------------------


def test_members_with_one_name_are_told_apart_and_a_new_name_shows_until_seen(
    qtbot: QtBot, person: Person, shared: Path, clock: FixedClock
) -> None:
    ana, bea, other = person("Ana"), person("Bea"), person("Other")
    other.circles.set_name("Ana")  # anyone can take another member's name
    circle_id = circle_of(ana, [bea, other], shared / "t.carecircle")
    share(ana, circle_id, "From the real Ana")
    share(other, circle_id, "From the other Ana")
    page = make_page(qtbot, bea)
    ana_fp, other_fp = ana.circles.identity().fingerprint, other.circles.identity().fingerprint
    names = bea.circles.state(circle_id).names
    shown = {names[ana_fp].display, names[other_fp].display}
    assert len(shown) == 2 and all(name.startswith("Ana (") for name in shown)

    authors = {
        page.posts_model.value(row).title: page.posts_model.index(row, 0).data(AUTHOR_ROLE)
        for row in range(page.posts_model.rowCount())
    }
    assert authors == {
        "From the real Ana": names[ana_fp].display,
        "From the other Ana": names[other_fp].display,
    }
    assert not page.names_box.isHidden()
    assert "2 members are called Ana" in page.names_note.text()
    assert page.names_seen_button.isHidden(), "nothing changed: nothing to acknowledge"
    row = page.posts_model.row_where(lambda post: post.author == other_fp)
    page.posts.setCurrentIndex(page.posts_model.index(row, 0))
    assert names[other_fp].display in page.panel.meta.text()

    # Ana takes another name: shown as changed until Bea says she has seen it. (A card made
    # later wins; the same second would leave it to the signatures' order.)
    clock.advance(60)
    ana.circles.set_name("Ana M.")
    ana.circles.sync(circle_id)
    qtbot.mouseClick(page.sync_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, page)
    real = next(r for r in page.posts_model.rows if r.author == ana_fp)
    row = page.posts_model.row_of(real.record_id)
    assert page.posts_model.index(row, 0).data(AUTHOR_ROLE) == "Ana M. (was Ana)"
    assert "Ana changed their name to Ana M." in page.names_note.text()
    assert not page.names_seen_button.isHidden()
    qtbot.mouseClick(page.names_seen_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, page)
    assert bea.circles.state(circle_id).names[ana_fp].renamed_from is None
    assert page.posts_model.index(row, 0).data(AUTHOR_ROLE) == "Ana M."
    assert page.names_box.isHidden(), "one Ana left: nothing more to say"


def test_a_removed_members_earlier_posts_say_former_member(
    qtbot: QtBot, person: Person, shared: Path
) -> None:
    ana, bea, cara = person("Ana"), person("Bea"), person("Cara")
    circle_id = circle_of(ana, [bea, cara], shared / "t.carecircle")
    share(cara, circle_id, "Written while in the circle")
    ana.circles.sync(circle_id)
    ana.circles.remove_member(circle_id, cara.circles.identity().fingerprint)
    ana.circles.sync(circle_id)
    page = make_page(qtbot, bea)
    [post] = page.posts_model.rows
    assert page.posts_model.index(0, 0).data(AUTHOR_ROLE) == "Cara (former member)"
    accessible = page.posts_model.index(0, 0).data(Qt.ItemDataRole.AccessibleTextRole)
    assert "by Cara (former member)" in accessible
    page.posts.setCurrentIndex(page.posts_model.index(0, 0))
    assert "Shared by Cara (former member)" in page.panel.meta.text()
    assert post.former_member


# -- saved for later -----------------------------------------------------------------------------


def test_a_comment_saved_while_the_file_is_busy_is_said_saved_and_goes_out_once(
    qtbot: QtBot, person: Person, shared: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ana, bea = person("Ana"), person("Bea")
    file = shared / "t.carecircle"
    circle_id = circle_of(ana, [bea], file)
    share(bea, circle_id, "Respite week booked")
    page = make_page(qtbot, ana)
    page.posts.setCurrentIndex(page.posts_model.index(0, 0))
    wait_idle(qtbot, page)
    # Another member's computer is writing the file (a live lock), for longer than we wait.
    waiting = files.circle_lock.__wrapped__.__kwdefaults__  # type: ignore[attr-defined]
    monkeypatch.setitem(waiting, "timeout", 0.3)
    lock = files.lock_path(file)
    lock.write_text(json.dumps({"token": "ab" * 16, "time": time.time()}))

    qtbot.keyClicks(page.panel.comment_box, "Thinking of you.")
    qtbot.mouseClick(page.panel.send_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, page)
    assert "It is saved on this computer" in page.status.text()
    assert "try again" not in page.status.text()
    assert ana.circles.circle(circle_id).dirty
    [post] = ana.circles.state(circle_id).posts
    assert [c.text for c in post.comments] == ["Thinking of you."]

    lock.unlink()  # the other member is done: the next sync writes it, once
    qtbot.mouseClick(page.sync_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, page)
    assert not ana.circles.circle(circle_id).dirty
    assert "saved on this computer" not in page.status.text()
    bea.circles.sync(circle_id)
    [seen] = bea.circles.state(circle_id).posts
    assert [c.text for c in seen.comments] == ["Thinking of you."]


# -- removal in a passphrase circle --------------------------------------------------------------


def test_removing_from_a_passphrase_circle_says_so_and_the_passphrase_changes(
    qtbot: QtBot, person: Person, shared: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ana, bea, cara = person("Ana"), person("Bea"), person("Cara")
    file = shared / "words.carecircle"
    circle_id = ana.circles.create("Words", file, passphrase=OLD).id
    bea.circles.join(file, OLD)
    cara.circles.join(file, OLD)
    ana.circles.sync(circle_id)
    page = make_page(qtbot, ana)
    dialog = MembersDialog(ana.circles, page.work, circle_id, page.sync_saved)
    qtbot.addWidget(dialog)
    assert unnamed_controls(dialog) == []
    assert dialog.passphrase_button.text() == "Change the passphrase…"
    assert not dialog.passphrase_button.isHidden()

    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", say_yes(asked))
    cara_fp = cara.circles.identity().fingerprint
    row = dialog.model.row_where(lambda member: member.fingerprint == cara_fp)
    dialog.list.setCurrentIndex(dialog.model.index(row, 0))
    qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: "still know the circle passphrase" in dialog.status.text(), timeout=WAIT
    )
    assert "they still know the circle passphrase" in asked[0]
    assert ana.circles.roster(circle_id).role_of(cara_fp) == "removed"
    wait_idle(qtbot, page)

    def change(passphrase: CirclePassphraseDialog) -> int:
        assert unnamed_controls(passphrase) == []
        qtbot.keyClicks(passphrase.passphrase, NEW)
        qtbot.keyClicks(passphrase.repeat, NEW[:-1])
        qtbot.mouseClick(passphrase.save_button, Qt.MouseButton.LeftButton)
        assert passphrase.error.text() == "The two passphrases are not the same."
        qtbot.keyClicks(passphrase.repeat, NEW[-1])
        qtbot.mouseClick(passphrase.save_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: passphrase.result() == QDialog.DialogCode.Accepted, timeout=WAIT)
        return int(passphrase.result())

    monkeypatch.setattr(CirclePassphraseDialog, "exec", change)
    qtbot.mouseClick(dialog.passphrase_button, Qt.MouseButton.LeftButton)
    assert ana.circles.passphrase(circle_id) == NEW
    assert dialog.status.text().startswith("The circle passphrase is changed")
    wait_idle(qtbot, page)
    with pytest.raises(CircleFileError):
        cara.circles.sync(circle_id)  # the removed member's old passphrase opens nothing new

    # Bea's computer no longer opens the file: her page offers to type the new passphrase.
    bea_page = make_page(qtbot, bea)
    assert not bea_page.passphrase_button.isHidden()
    assert bea_page.repair_button.isHidden(), "not hers to replace: she may have been removed"

    def take_in(given: CirclePassphraseDialog) -> int:
        assert unnamed_controls(given) == [] and given.repeat.isHidden()
        qtbot.keyClicks(given.passphrase, OLD)
        qtbot.mouseClick(given.save_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: "does not open" in given.error.text(), timeout=WAIT)
        given.passphrase.clear()
        qtbot.keyClicks(given.passphrase, NEW)
        qtbot.mouseClick(given.save_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: given.result() == QDialog.DialogCode.Accepted, timeout=WAIT)
        return int(given.result())

    monkeypatch.setattr(CirclePassphraseDialog, "exec", take_in)
    qtbot.mouseClick(bea_page.passphrase_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, bea_page)
    assert bea.circles.passphrase(circle_id) == NEW
    assert "with the new passphrase from now on" in bea_page.status.text()
    assert bea_page.passphrase_button.isHidden()


# -- one redaction list --------------------------------------------------------------------------


def test_one_list_of_words_to_replace_serves_every_circle(
    qtbot: QtBot, person: Person, shared: Path
) -> None:
    ana = person("Ana")
    first = ana.circles.create("Tuesday group", shared / "t.carecircle").id
    second = ana.circles.create("Neighbours", shared / "n.carecircle").id
    entry = ana.journal.add("Margaret's day", "Margaret slept well.")
    page = make_page(qtbot, ana)
    dialog = ShareDialog(ana.circles, page.work, entry.id, page.sync_saved)
    qtbot.addWidget(dialog)
    hints = " ".join(widget.text() for widget in dialog.findChildren(QLabel))
    assert "Used for every circle" in hints
    dialog._select(first)
    qtbot.keyClicks(dialog.redactions, "Margaret -> M.")
    dialog._select(second)  # what was typed is kept, for this circle too
    assert dialog.redactions.toPlainText() == "Margaret -> M."
    assert dialog.preview.toPlainText() == "M. slept well."
    for circle_id in (first, second):
        item = dialog.circles_model.item(dialog.circles_model.row_of(circle_id))
        item.setCheckState(Qt.CheckState.Checked)
    qtbot.mouseClick(dialog.share_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted, timeout=WAIT)
    wait_idle(qtbot, page)
    assert ana.circles.redaction_list() == [("Margaret", "M.")]
    for circle_id in (first, second):
        [post] = ana.circles.state(circle_id).posts
        assert (post.title, post.text) == ("M.'s day", "M. slept well.")

    later = ShareDialog(ana.circles, page.work, entry.id)  # any circle: the same list
    qtbot.addWidget(later)
    assert later.redactions.toPlainText() == "Margaret → M."


# -- what a sync says ----------------------------------------------------------------------------


def test_a_rolled_back_file_and_a_persons_own_copy_are_said_plainly(
    qtbot: QtBot, person: Person, shared: Path
) -> None:
    ana, bea = person("Ana"), person("Bea")
    file = shared / "t.carecircle"
    circle_id = circle_of(ana, [bea], file)
    before = file.read_bytes()
    share(ana, circle_id, "Ana's news")
    page = make_page(qtbot, ana)
    file.write_bytes(before)  # restored from an old backup: Ana's post is not in it
    qtbot.mouseClick(page.sync_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, page)
    assert "restored or rolled back" in page.status.text()
    bea.circles.sync(circle_id)
    assert [p.title for p in bea.circles.state(circle_id).posts] == ["Ana's news"]

    # Bea's news reaches Ana only in a copy someone made: merged, and the copy kept.
    share(bea, circle_id, "Bea's news")
    shutil.copy(file, shared / "t-backup.carecircle")
    page.request_sync(circle_id)
    wait_idle(qtbot, page)
    assert "t-backup.carecircle" in page.status.text()
    assert "the copies were kept" in page.status.text()
    assert (shared / "t-backup.carecircle").exists()


def test_what_a_sync_left_out_is_said_once(qtbot: QtBot, person: Person, shared: Path) -> None:
    ana = person("Ana")
    circle_id = ana.circles.create("Tuesday group", shared / "t.carecircle").id
    page = make_page(qtbot, ana)
    report = SyncReport(circle_id, True, 0, dropped=Dropped(cards=1, records=2))
    assert "Left out 3 things" in page.report_words(report)
    assert page.report_words(SyncReport(circle_id, True, 0)) == ""


def test_the_watcher_notices_a_copy_a_person_made_beside_the_file(tmp_path: Path) -> None:
    from carecompanion.ui.circle.watch import file_signature

    file = tmp_path / "t.carecircle"
    file.write_bytes(b"circle")
    before = file_signature(file)
    (tmp_path / "t.carecircle.lock").write_bytes(b"{}")  # our own lock: not a change
    (tmp_path / "other.carecircle").write_bytes(b"another circle")
    assert file_signature(file) == before
    (tmp_path / "t-backup.carecircle").write_bytes(b"circle")  # merged at the next sync
    assert file_signature(file) != before
