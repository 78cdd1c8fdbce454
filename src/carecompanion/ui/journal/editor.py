"""Writing an entry: title, date, tags, favourite, rich text saved as Markdown, attachments.

Autosave: every change restarts a short timer; when it fires the entry is saved. Locking,
closing, switching entries and Ctrl+S save at once, so nothing typed is ever lost. A new
entry is created on its first real change, so opening "New entry" and leaving adds nothing.
"""

from __future__ import annotations

import logging
import mimetypes
from collections.abc import Callable, Iterable
from datetime import datetime
from itertools import pairwise
from pathlib import Path

from PySide6.QtCore import QDate, QDateTime, QSize, Qt, QTime, QTimer, QTimeZone, Signal
from PySide6.QtGui import (
    QAction,
    QKeySequence,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextListFormat,
)
from PySide6.QtWidgets import (
    QCompleter,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLineEdit,
    QListView,
    QMessageBox,
    QTextEdit,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from carecompanion.journal.service import (
    Entry,
    EntryDraft,
    JournalService,
    clean_tags,
)
from carecompanion.localtime import foreign_zone, is_offset_name, zone_named
from carecompanion.ui.common import error_words, theme
from carecompanion.ui.common.date_time_field import OneStopDateTimeEdit
from carecompanion.ui.common.i18n import date_pattern
from carecompanion.ui.common.widgets import label
from carecompanion.ui.journal import formatting
from carecompanion.ui.journal.attachments_model import (
    ATTACHMENT_ID_ROLE,
    AttachmentsModel,
    human_size,
)
from carecompanion.vault.errors import DatabaseDamaged, StorageError

log = logging.getLogger(__name__)

AUTOSAVE_DELAY_MS = 800
#: A save the disk refused (full, read-only, busy) is tried again this often, so the words
#: are saved as soon as there is room, without a click.
SAVE_RETRY_MS = 5000
MARKDOWN = QTextDocument.MarkdownFeature.MarkdownDialectGitHub


class TagCompleter(QCompleter):
    """Completes the tag after the last comma, keeping the ones already typed."""

    def splitPath(self, path: str) -> list[str]:
        return [path.split(",")[-1].strip()]

    def pathFromIndex(self, index) -> str:  # type: ignore[no-untyped-def]
        widget = self.widget()
        typed = widget.text() if isinstance(widget, QLineEdit) else ""
        kept = [part.strip() for part in typed.split(",")[:-1] if part.strip()]
        return ", ".join([*kept, str(index.data())]) + ", "


def parse_tags(text: str) -> tuple[str, ...]:
    return tuple(clean_tags(text.split(",")))


_WALL = QTimeZone(QTimeZone.Initialization.UTC)


def _wall_field(day: QDate, clock: QTime) -> QDateTime:
    """A wall-clock date and time as the date field holds it."""
    return QDateTime(day, clock, _WALL)


class EntryEditor(QWidget):
    saved = Signal(int)  # entry id, after every save
    deleted = Signal(int)

    def __init__(self, journal: JournalService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._journal = journal
        self.entry_id: int | None = None
        self._dirty = False
        self._loading = False
        self._autosave = QTimer(self)
        self._autosave.setSingleShot(True)
        self._autosave.setInterval(AUTOSAVE_DELAY_MS)
        self._autosave.timeout.connect(self._autosave_now)
        self._build_fields()
        self.body = self._build_body()
        self.toolbar = self._build_toolbar()
        self.attachments_model = AttachmentsModel()
        self.attachments = self._build_attachments()
        self.status = label("", "hint", wrap=False)
        self.words = label("", "hint", wrap=False)
        self.problem = label("", "hint", wrap=True)  # why the words are not saved yet
        self.problem.hide()
        self._lay_out()
        self._chain_tabs()
        self._connect()
        self.new_entry()

    # -- building -----------------------------------------------------------------------------
    def _build_fields(self) -> None:
        """The title, the date and time, the favourite star and the tags."""
        self.title = QLineEdit()
        self.title.setObjectName("entryTitle")
        self.title.setPlaceholderText(self.tr("Title (optional)"))
        self.title.setAccessibleName(self.tr("Entry title"))
        self.title.setMinimumHeight(44)
        self.when = OneStopDateTimeEdit()  # one Tab stop, not one per section
        self.when.setCalendarPopup(True)
        self.when.setDisplayFormat(date_pattern("day_time"))
        self.when.setAccessibleName(self.tr("Entry date and time"))
        self.when.setMinimumHeight(40)
        # The field holds a wall-clock date and time, not a moment in this computer's zone:
        # kept in UTC, where no daylight-saving change skips an hour, and read back on the
        # clock of the entry's own zone (_entry_at).
        self.when.setTimeZone(_WALL)
        # The entry's own zone, named when its clock is not this computer's: the date and
        # time above are as they were where it was written.
        self.zone_note = label("", "hint", wrap=False)
        self.zone_note.hide()
        # Where the entry shown was written (None: this computer's zone), whether it is an
        # all-day entry, and the wall time shown with the moment it stands for.
        self._zone: str | None = None
        self._all_day = False
        self._shown_at: tuple[datetime, datetime] | None = None
        self.favourite = QToolButton()
        self.favourite.setCheckable(True)
        self.favourite.setText("☆")
        self.favourite.setObjectName("favourite")
        self.favourite.setToolTip(self.tr("Mark as favourite"))
        self.favourite.setAccessibleName(self.tr("Favourite"))
        self.favourite.setMinimumSize(QSize(40, 40))
        self.tags = QLineEdit()
        self.tags.setPlaceholderText(self.tr("Tags, separated by commas"))
        self.tags.setAccessibleName(self.tr("Tags"))
        self.tags.setMinimumHeight(40)
        self.tag_completer = TagCompleter(self)
        self.tag_completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.tags.setCompleter(self.tag_completer)

    def _build_body(self) -> QTextEdit:
        body = QTextEdit()
        body.setObjectName("entryBody")
        body.setAcceptRichText(False)  # pasted text arrives as plain text, not web pages
        body.setAccessibleName(self.tr("Entry text"))
        body.setPlaceholderText(self.tr("Write whatever you need to. Only you can read this."))
        body.setTabChangesFocus(True)
        return body

    def _build_attachments(self) -> QListView:
        """The entry's attachments as a row of thumbnails; a double-click opens one."""
        attachments = QListView()
        attachments.setObjectName("attachments")
        attachments.setAccessibleName(self.tr("Attachments"))
        attachments.setModel(self.attachments_model)
        attachments.setViewMode(QListView.ViewMode.IconMode)
        attachments.setIconSize(QSize(96, 96))
        attachments.setGridSize(QSize(130, 130))
        attachments.setFixedHeight(150)
        attachments.setWrapping(False)
        attachments.setFlow(QListView.Flow.LeftToRight)
        attachments.doubleClicked.connect(self._open_attachment)
        return attachments

    def _lay_out(self) -> None:
        head = QHBoxLayout()
        head.addWidget(self.title, 1)
        head.addWidget(self.favourite)
        meta = QHBoxLayout()
        meta.addWidget(self.when)
        meta.addWidget(self.zone_note)
        meta.addWidget(self.tags, 1)
        foot = QHBoxLayout()
        foot.addWidget(self.words)
        foot.addStretch(1)
        foot.addWidget(self.status)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        layout.addLayout(head)
        layout.addLayout(meta)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.body, 1)
        layout.addWidget(self.attachments)
        layout.addWidget(self.problem)
        layout.addLayout(foot)

    def _chain_tabs(self) -> None:
        # Writing comes first: Tab goes from the title straight to the text; the toolbar's
        # buttons come last (Ctrl+B and Ctrl+I reach the most used without Tab).
        buttons = [
            widget
            for action in self.toolbar.actions()
            if isinstance(widget := self.toolbar.widgetForAction(action), QToolButton)
        ]
        extension = self.toolbar.findChild(QToolButton, "qt_toolbar_ext_button")
        chain: list[QWidget] = [self.title, self.body, self.when, self.tags, self.favourite]
        chain += buttons + ([extension] if extension is not None else [])
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _connect(self) -> None:
        # Enter ends the title, as in a word processor: on to the text.
        self.title.returnPressed.connect(
            lambda: self.body.setFocus(Qt.FocusReason.OtherFocusReason)
        )
        self.title.textEdited.connect(self._changed)
        self.tags.textEdited.connect(self._changed)
        self.when.dateTimeChanged.connect(self._changed)
        self.favourite.toggled.connect(self._favourite_toggled)
        self.body.textChanged.connect(self._changed)
        self.body.textChanged.connect(self._count_words)

    # -- toolbar --------------------------------------------------------------------------
    def _action(
        self,
        toolbar: QToolBar,
        text: str,
        tip: str,
        shortcut: str | None,
        slot: Callable[[], object],
        icon_name: str | None = None,
    ) -> QAction:
        action = QAction(text, self)
        if icon_name is not None:
            action.setIcon(theme.icon(icon_name, 40))
        action.setToolTip(
            self.tr("{tip} ({shortcut})").format(
                tip=tip,
                shortcut=QKeySequence(shortcut).toString(QKeySequence.SequenceFormat.NativeText),
            )
            if shortcut
            else tip
        )
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(slot)
        toolbar.addAction(action)
        button = toolbar.widgetForAction(action)
        if button is not None:
            button.setAccessibleName(tip)
            button.setMinimumSize(QSize(36, 36))
            # A Tab stop (a toolbar's buttons take no focus in Qt): the heading, the lists,
            # the link, Attach and Delete have no shortcut, so Tab is the keyboard's way.
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        return action

    def _build_toolbar(self) -> QToolBar:
        bar = QToolBar()
        bar.setObjectName("formatting")
        bar.setAccessibleName(self.tr("Formatting"))
        bar.setIconSize(QSize(20, 20))
        self._add_formatting(bar)
        bar.addSeparator()
        self._action(bar, self.tr("Undo"), self.tr("Undo"), "Ctrl+Z", self.body.undo, "undo")
        self._action(bar, self.tr("Redo"), self.tr("Redo"), "Ctrl+Shift+Z", self.body.redo, "redo")
        bar.addSeparator()
        self._action(
            bar,
            self.tr("Attach"),
            self.tr("Attach a photo or document"),
            None,
            self.choose_attachment,
            "attach",
        )
        self._action(
            bar,
            self.tr("Delete"),
            self.tr("Delete this entry"),
            None,
            self._confirm_delete,
            "trash",
        )
        extension = bar.findChild(QToolButton, "qt_toolbar_ext_button")
        if extension is not None:  # shown when the window is too narrow for every button
            extension.setAccessibleName(self.tr("More formatting"))
            extension.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        return bar

    def _add_formatting(self, bar: QToolBar) -> None:
        """Bold, italic, heading, the two lists and a link."""
        # The letters drawn on the buttons: lupdate needs each disambiguation written out.
        self._action(
            bar,
            self.tr("B", "letter on the Bold button"),
            self.tr("Bold"),
            "Ctrl+B",
            lambda: formatting.toggle_bold(self.body),
        )
        self._action(
            bar,
            self.tr("I", "letter on the Italic button"),
            self.tr("Italic"),
            "Ctrl+I",
            lambda: formatting.toggle_italic(self.body),
        )
        self._action(
            bar,
            self.tr("H", "letter on the Heading button"),
            self.tr("Heading"),
            None,
            lambda: formatting.set_heading(
                self.body, 0 if self.body.textCursor().blockFormat().headingLevel() else 2
            ),
        )
        self._action(
            bar,
            "•",
            self.tr("Bulleted list"),
            None,
            lambda: formatting.toggle_list(self.body, QTextListFormat.Style.ListDisc),
            "list-bullet",
        )
        self._action(
            bar,
            "1.",
            self.tr("Numbered list"),
            None,
            lambda: formatting.toggle_list(self.body, QTextListFormat.Style.ListDecimal),
            "list-number",
        )
        # Not Ctrl+K: that is the check-in, on every page (ui/mood/checkin_flow.py).
        self._action(
            bar, self.tr("Link"), self.tr("Insert link"), "Ctrl+Shift+K", self._insert_link, "link"
        )

    def _insert_link(self) -> None:
        url, ok = QInputDialog.getText(self, self.tr("Insert link"), self.tr("Web address:"))
        if ok and url.strip():
            formatting.insert_link(self.body, url.strip(), self.body.textCursor().selectedText())

    # -- loading ------------------------------------------------------------------------------
    def set_known_tags(self, tags: list[str]) -> None:
        from PySide6.QtCore import QStringListModel

        self.tag_completer.setModel(QStringListModel(tags, self.tag_completer))

    def new_entry(self, title: str = "", body: str = "", tags: tuple[str, ...] = ()) -> None:
        """An empty (or templated) page; it becomes an entry on its first real change."""
        self.flush()
        self._loading = True
        self.entry_id = None
        self.title.setText(title)
        self.body.setMarkdown(body)
        self.tags.setText(", ".join(tags))
        self.favourite.setChecked(False)
        self._set_favourite_text()
        self._show_when(None, None, False)
        self.attachments_model.clear()
        self.attachments.hide()
        self.body.document().clearUndoRedoStacks()
        self._loading = False
        self._dirty = False
        self.status.setText(self.tr("New entry"))
        self._count_words()

    def load(self, entry_id: int) -> None:
        if entry_id == self.entry_id:
            return
        self.flush()
        entry = self._journal.get(entry_id)
        self._show(entry)

    def _show(self, entry: Entry) -> None:
        self._loading = True
        self.body.setExtraSelections([])
        self.entry_id = entry.id
        self.title.setText(entry.title)
        self.body.setMarkdown(entry.body)
        self.tags.setText(", ".join(entry.tags))
        for field in (self.title, self.tags):  # a long one shows its start, not its end
            field.setCursorPosition(0)
        self.favourite.setChecked(entry.is_favourite)
        self._set_favourite_text()
        self._show_when(entry.entry_at, entry.time_zone, entry.is_all_day)
        self._show_attachments(entry)
        self.body.document().clearUndoRedoStacks()
        self._loading = False
        self._dirty = False
        self.status.setText(self.tr("Saved"))
        self._count_words()

    def mark_words(self, words: Iterable[str]) -> int:
        """Mark every place the body says one of ``words`` (what a search matched), on the
        theme's mark colour, so the person sees why this entry was found. Marks are not part
        of the text: they go with the next entry shown or the first change. Returns how many
        places were marked."""
        marked = theme.current().color("mark")
        document = self.body.document()
        selections = []
        for word in sorted({w for w in words if w.strip()}, key=len, reverse=True):
            cursor = document.find(word)
            while not cursor.isNull():
                selection = QTextEdit.ExtraSelection()
                char_format = QTextCharFormat()
                char_format.setBackground(marked)
                selection.format = char_format
                selection.cursor = QTextCursor(cursor)
                selections.append(selection)
                cursor = document.find(word, cursor)
        self.body.setExtraSelections(selections)
        return len(selections)

    def _show_attachments(self, entry: Entry) -> None:
        self.attachments_model.set_attachments(entry.attachments, self._journal.attachment_data)
        self.attachments.setVisible(bool(entry.attachments))

    # -- saving -------------------------------------------------------------------------------
    def _changed(self, *_args: object) -> None:
        if self._loading:
            return
        if self.body.extraSelections():
            self.body.setExtraSelections([])  # the search's marks end where writing starts
        self._dirty = True
        self.status.setText(self.tr("Editing…"))
        self._autosave.start(AUTOSAVE_DELAY_MS)

    def _favourite_toggled(self, _checked: bool) -> None:
        self._set_favourite_text()
        self._changed()

    def _set_favourite_text(self) -> None:
        self.favourite.setText("★" if self.favourite.isChecked() else "☆")

    def _count_words(self) -> None:
        count = formatting.word_count(self.body.toPlainText())
        self.words.setText(
            self.tr("1 word") if count == 1 else self.tr("{count} words").format(count=count)
        )

    def _show_when(self, at: datetime | None, zone: str | None, all_day: bool) -> None:
        """The date and time on the clock where the entry was written (now, for a new one);
        the date alone for an all-day entry; its zone named when that clock is not ours."""
        self._zone, self._all_day = zone, all_day
        self.when.setDisplayFormat(date_pattern("day" if all_day else "day_time"))
        if at is None:
            self._shown_at = None
            now = QDateTime.currentDateTime()  # this computer's clock: a new entry's zone
            self.when.setDateTime(_wall_field(now.date(), now.time()))
            self.zone_note.hide()
            return
        wall = at.astimezone(zone_named(zone)).replace(tzinfo=None)
        wall = wall.replace(microsecond=wall.microsecond // 1000 * 1000)  # what Qt keeps
        self._shown_at = (wall, at)
        self.when.setDateTime(
            _wall_field(
                QDate(wall.year, wall.month, wall.day),
                QTime(wall.hour, wall.minute, wall.second, wall.microsecond // 1000),
            )
        )
        place = None if all_day else foreign_zone(at, zone)
        if place is not None and zone is not None and not is_offset_name(zone):
            place = self.tr("{place} time").format(place=place)
        self.zone_note.setText(place or "")
        self.zone_note.setVisible(place is not None)
        self.when.setAccessibleDescription(place or "")

    def _entry_at(self) -> datetime:
        """The moment the date and time fields say, read on the entry's own clock."""
        shown = self.when.dateTime()
        day, clock = shown.date(), shown.time()
        wall = datetime(
            day.year(),
            day.month(),
            day.day(),
            clock.hour(),
            clock.minute(),
            clock.second(),
            clock.msec() * 1000,
        )
        if self._shown_at is not None and wall == self._shown_at[0]:
            return self._shown_at[1]  # unchanged: the very moment, whatever the clock did
        tz = zone_named(self._zone)
        return wall.astimezone() if tz is None else wall.replace(tzinfo=tz)

    def is_blank(self) -> bool:
        return not self.title.text().strip() and not self.body.toPlainText().strip()

    def _autosave_now(self) -> None:
        """A save the disk refused (full, read-only, busy) is said calmly on the page; the
        words stay here, unsaved, and saving is tried again until the disk has room. Damage
        is not the disk's: it goes on to the app's handler."""
        try:
            self.flush()
        except StorageError as exc:
            if isinstance(exc, DatabaseDamaged):
                raise
            self.status.setText(self.tr("Not saved yet"))
            self.problem.setText(error_words.message(exc))
            self.problem.setAccessibleDescription(self.problem.text())
            self.problem.show()
            self._autosave.start(SAVE_RETRY_MS)

    def flush(self) -> None:
        """Save now if anything changed since the last save."""
        self._autosave.stop()
        if not self._dirty:
            return
        markdown = (
            self.body.toMarkdown(MARKDOWN).rstrip() + "\n"
            if not self.body.document().isEmpty()
            else ""
        )
        tags = parse_tags(self.tags.text())
        if self.entry_id is None:
            if self.is_blank():
                self._dirty = False
                return
            entry = self._journal.add_draft(
                EntryDraft(
                    title=self.title.text(),
                    body=markdown,
                    entry_at=self._entry_at(),
                    tags=tags,
                    is_favourite=self.favourite.isChecked(),
                )
            )
            self.entry_id = entry.id
        else:
            self._journal.update(
                self.entry_id,
                title=self.title.text(),
                body=markdown,
                tags=tags,
                entry_at=self._entry_at(),
                is_favourite=self.favourite.isChecked(),
            )
        self._dirty = False
        self.problem.hide()
        self.status.setText(self.tr("Saved"))
        self.saved.emit(self.entry_id)

    def clear(self) -> None:
        """Save, then forget everything shown: called before the vault locks. On a disk
        that still refuses the save, the unsaved words go too: the keys must not wait."""
        try:
            self.flush()
        except StorageError as exc:
            if isinstance(exc, DatabaseDamaged):
                raise
            log.warning("unsaved words dropped at lock: %s", exc.code)
        self.problem.hide()
        self._loading = True
        self.entry_id = None
        self.title.clear()
        self.tags.clear()
        self.body.clear()
        self.body.document().clearUndoRedoStacks()
        self.attachments_model.clear()
        self.set_known_tags([])
        self._loading = False

    # -- attachments and deleting ---------------------------------------------------------------
    def choose_attachment(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Attach a photo or document"))
        if path:
            self.attach_file(Path(path))

    def attach_file(self, path: Path) -> bool:
        from carecompanion.journal.service import AttachmentTooLarge

        if self.entry_id is None:
            self._dirty = True
            if self.is_blank():
                self.title.setText(path.stem)
            self.flush()
        if self.entry_id is None:
            return False
        mime = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        try:
            data = path.read_bytes()
            self._journal.add_attachment(self.entry_id, path.name, mime, data)
        except AttachmentTooLarge as exc:
            QMessageBox.information(self, self.tr("Too large to attach"), error_words.message(exc))
            return False
        except OSError as exc:
            QMessageBox.warning(
                self,
                self.tr("Could not attach"),
                self.tr("{name} could not be read ({reason}).").format(
                    name=path.name, reason=exc.strerror
                ),
            )
            return False
        self._show_attachments(self._journal.get(self.entry_id))
        self.saved.emit(self.entry_id)
        return True

    def _open_attachment(self, index) -> None:  # type: ignore[no-untyped-def]
        attachment_id = int(index.data(ATTACHMENT_ID_ROLE))
        info = self.attachments_model.attachment(index.row())
        data = self._journal.attachment_data(attachment_id)
        from carecompanion.ui.journal.attachment_viewer import AttachmentViewer

        AttachmentViewer(info.filename, info.mime_type, data, human_size(info.size), self).exec()

    def _confirm_delete(self) -> None:
        if self.entry_id is None:
            self.new_entry()
            return
        answer = QMessageBox.question(
            self,
            self.tr("Delete this entry?"),
            self.tr(
                "This entry and its attachments will be deleted from this computer. "
                "Backups made before today keep a copy."
            ),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.delete_current()

    def delete_current(self) -> None:
        if self.entry_id is None:
            return
        entry_id = self.entry_id
        self._autosave.stop()
        self._dirty = False
        self._journal.delete(entry_id)
        self.new_entry()
        self.deleted.emit(entry_id)
