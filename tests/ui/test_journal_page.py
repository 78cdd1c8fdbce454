"""The journal page, driven like a person would: write, autosave, lock, find, tag, attach."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QTextCursor
from pytestqt.qtbot import QtBot

from carecompanion.clock import FixedClock
from carecompanion.journal.service import JournalService
from carecompanion.paths import AppPaths
from carecompanion.ui.app.controller import AppController
from carecompanion.ui.journal.editor import AUTOSAVE_DELAY_MS
from carecompanion.ui.journal.page import JournalPage
from carecompanion.ui.journal.timeline_model import ENTRY_ID_ROLE
from carecompanion.vault.vault import Vault
from tests.conftest import VaultFactory
from tests.helpers import GOOD_PASSPHRASE
from tests.ui.conftest import ControllerFactory, activate


def _open(
    make_controller: ControllerFactory,
    vault_factory: VaultFactory,
    entries: int = 0,
    clock: FixedClock | None = None,
) -> tuple[AppController, JournalPage]:
    unlocked, _ = vault_factory()
    if entries:
        journal = JournalService(unlocked.database, clock or FixedClock())
        for number in range(entries):
            journal.add(f"Entry number {number}", f"Body of entry {number}.", ["daily"])
    controller = make_controller()
    controller.start_unlocked(unlocked)
    assert controller.shell is not None
    return controller, controller.shell.journal_page


def _reunlock(qtbot: QtBot, controller: AppController) -> JournalPage:
    view = controller.unlock_view
    qtbot.keyClicks(view.passphrase, GOOD_PASSPHRASE)
    qtbot.keyClick(view.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: controller.shell is not None, timeout=10_000)
    assert controller.shell is not None
    return controller.shell.journal_page


def test_empty_journal_invites_the_first_entry(
    qtbot: QtBot, make_controller: ControllerFactory, vault_factory: VaultFactory
) -> None:
    _controller, page = _open(make_controller, vault_factory)
    assert page.right.currentWidget() is page.welcome
    page.new_entry()
    assert page.right.currentWidget() is page.editor


def test_typing_autosaves_and_survives_a_lock(
    qtbot: QtBot,
    make_controller: ControllerFactory,
    vault_factory: VaultFactory,
    paths: AppPaths,
    clock: FixedClock,
) -> None:
    controller, page = _open(make_controller, vault_factory)
    page.new_entry()
    qtbot.keyClicks(page.editor.title, "The night of the first fall")
    qtbot.keyClicks(page.editor.body, "He slipped in the bathroom. No bones broken.")
    qtbot.waitUntil(lambda: page.editor.entry_id is not None, timeout=AUTOSAVE_DELAY_MS * 5)
    assert page.timeline_model.entry_count() == 1
    assert "1" in page.editor.words.text() or "8" in page.editor.words.text()

    # Typed after the last autosave, then locked at once: still saved.
    qtbot.keyClicks(page.editor.body, " Booked the therapist.")
    controller.lock()
    page = _reunlock(qtbot, controller)
    entry_id = page.timeline_model.index(1, 0).data(ENTRY_ID_ROLE)
    assert controller.session is not None
    entry = controller.session.journal.get(int(entry_id))
    assert entry.title == "The night of the first fall"
    assert "Booked the therapist." in entry.body


def test_blank_new_entry_adds_nothing(
    qtbot: QtBot, make_controller: ControllerFactory, vault_factory: VaultFactory
) -> None:
    controller, page = _open(make_controller, vault_factory)
    page.new_entry()
    page.editor.flush()
    controller.lock()
    page = _reunlock(qtbot, controller)
    assert controller.session is not None and controller.session.journal.count() == 0


def test_search_finds_an_entry_and_opens_it(
    qtbot: QtBot,
    make_controller: ControllerFactory,
    vault_factory: VaultFactory,
    clock: FixedClock,
) -> None:
    controller, page = _open(make_controller, vault_factory, entries=5, clock=clock)
    assert controller.session is not None
    journal = controller.session.journal
    target = journal.add("Memory clinic", "The neurologist suggested a new dose.", ["doctor"])
    page.refresh()
    page.focus_search()
    qtbot.keyClicks(page.filters.search, "neurolog")
    qtbot.waitUntil(
        lambda: page.list.model() is page.search_model and page.search_model.rowCount() == 1,
        timeout=15_000,  # a ceiling for a loaded machine, not a wait: it returns when true
    )
    index = page.search_model.index(0, 0)
    snippet, highlights = index.data(Qt.ItemDataRole.UserRole + 10)
    assert highlights and "neurolog" in snippet[highlights[0][0] : highlights[0][1]].lower()
    page.list.setCurrentIndex(index)
    assert page.editor.entry_id == target.id
    marks = page.editor.body.extraSelections()
    assert [m.cursor.selectedText().lower() for m in marks] == ["neurologist"]
    page.editor.body.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(page.editor.body, " Ask about sleep.")
    assert page.editor.body.extraSelections() == []  # writing ends the search's marks
    page.editor.mark_words(["neurologist"])
    page.filters.search.clear()
    qtbot.waitUntil(lambda: page.list.model() is page.timeline_model, timeout=3_000)
    assert page.editor.body.extraSelections() == []  # and so does the end of the search
    page.filters.search.clear()
    qtbot.waitUntil(lambda: page.list.model() is page.timeline_model, timeout=3_000)


def test_two_letters_say_keep_typing_and_three_find_words(
    qtbot: QtBot,
    make_controller: ControllerFactory,
    vault_factory: VaultFactory,
    clock: FixedClock,
) -> None:
    """Words are searched as prefixes from their third letter (migration 0012): two letters
    that find nothing say to keep typing, not that nothing matches."""
    controller, page = _open(make_controller, vault_factory, entries=0, clock=clock)
    assert controller.session is not None
    mum = controller.session.journal.add("Mum", "Mum slept through the night.")
    page.refresh()
    page.focus_search()
    qtbot.keyClicks(page.filters.search, "Mu")
    qtbot.waitUntil(lambda: page.list.model() is page.search_model, timeout=15_000)
    qtbot.waitUntil(lambda: "Keep typing" in page.list_hint.text(), timeout=15_000)
    qtbot.keyClicks(page.filters.search, "m")
    qtbot.waitUntil(lambda: page.search_model.rowCount() == 1, timeout=15_000)
    assert page.search_model.index(0, 0).data(ENTRY_ID_ROLE) == mum.id
    assert not page.list_hint.isVisible()
    qtbot.keyClicks(page.filters.search, " zzz")
    qtbot.waitUntil(lambda: "No entries match" in page.list_hint.text(), timeout=15_000)


def test_a_search_result_marks_its_words_in_the_list_on_the_mark_colour() -> None:
    from carecompanion.ui.journal.delegate import highlighted_html

    html = highlighted_html("Dad & <b>me", ((0, 3),), "#FBE3A1")
    assert html == '<b style="background-color: #FBE3A1">Dad</b> &amp; &lt;b&gt;me'


def test_editing_tags_updates_the_filter(
    qtbot: QtBot,
    make_controller: ControllerFactory,
    vault_factory: VaultFactory,
    clock: FixedClock,
) -> None:
    controller, page = _open(make_controller, vault_factory, entries=2, clock=clock)
    first_entry = page.timeline_model.index(1, 0)
    page.list.setCurrentIndex(first_entry)
    page.editor.tags.selectAll()
    qtbot.keyClicks(page.editor.tags, "respite, hope")
    page.editor.flush()
    assert controller.session is not None and page.editor.entry_id is not None
    entry = controller.session.journal.get(page.editor.entry_id)
    assert set(entry.tags) == {"respite", "hope"}
    page.refresh()
    names = [page.filters.tag.itemData(i) for i in range(page.filters.tag.count())]
    assert "respite" in names


def test_attach_a_photo_shows_a_thumbnail(
    qtbot: QtBot,
    make_controller: ControllerFactory,
    vault_factory: VaultFactory,
    tmp_path: Path,
    paths: AppPaths,
) -> None:
    controller, page = _open(make_controller, vault_factory)
    photo = tmp_path / "garden.png"
    image = QImage(40, 30, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.darkGreen)
    image.save(str(photo))
    page.new_entry()
    assert page.editor.attach_file(photo)
    assert page.editor.entry_id is not None, "attaching to a new page creates the entry"
    model = page.editor.attachments_model
    assert model.rowCount() == 1
    assert model.data(model.index(0, 0), Qt.ItemDataRole.DecorationRole) is not None
    controller.lock()
    assert photo.read_bytes() not in b"".join(
        f.read_bytes() for f in paths.data_dir.rglob("*") if f.is_file()
    )


def test_keyboard_only_new_entry_type_and_search(
    qtbot: QtBot,
    make_controller: ControllerFactory,
    vault_factory: VaultFactory,
) -> None:
    controller, page = _open(make_controller, vault_factory)
    activate(qtbot, controller.window)
    shell = controller.shell
    assert shell is not None
    shell.navigation.setFocus()
    qtbot.keyClick(shell.navigation, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert page.editor.title.hasFocus()
    qtbot.keyClicks(page.editor.title, "Keyboard only")
    qtbot.keyClick(page.editor.title, Qt.Key.Key_Tab)
    assert page.editor.body.hasFocus(), "Tab moves from the title to the text"
    qtbot.keyClicks(page.editor.body, "Typed without a mouse about respite.")
    qtbot.keyClick(page.editor.body, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert page.editor.entry_id is not None
    qtbot.keyClick(page.editor.body, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert page.filters.search.hasFocus()
    qtbot.keyClicks(page.filters.search, "respite")
    qtbot.waitUntil(lambda: page.search_model.rowCount() == 1, timeout=3_000)


def test_lock_clears_the_editor_and_lists(
    qtbot: QtBot,
    make_controller: ControllerFactory,
    vault_factory: VaultFactory,
    clock: FixedClock,
) -> None:
    controller, page = _open(make_controller, vault_factory, entries=3, clock=clock)
    page.list.setCurrentIndex(page.timeline_model.index(1, 0))
    assert page.editor.title.text()
    controller.lock()
    assert page.timeline_model.rowCount() == 0
    assert page.editor.title.text() == "" and page.editor.body.toPlainText() == ""


def test_templates_fill_a_new_entry(
    qtbot: QtBot,
    make_controller: ControllerFactory,
    vault_factory: VaultFactory,
) -> None:
    controller, page = _open(make_controller, vault_factory)
    assert controller.session is not None
    templates = controller.session.templates.list_templates()
    assert len(templates) >= 7
    page.new_entry(templates[0])
    assert page.editor.body.toPlainText().strip()
    assert page.editor.entry_id is None, "a template alone is not yet an entry"


def test_vault_still_opens_after_gui_edits(
    qtbot: QtBot,
    make_controller: ControllerFactory,
    vault_factory: VaultFactory,
    paths: AppPaths,
) -> None:
    controller, page = _open(make_controller, vault_factory)
    page.new_entry()
    qtbot.keyClicks(page.editor.title, "Still here")
    page.editor.flush()
    controller.lock()
    Vault(paths).unlock(GOOD_PASSPHRASE).lock()
