"""The Journal page: find on the left (search, timeline, calendar), write on the right."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QListView,
    QMenu,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from carecompanion.journal.search import waits_for_more
from carecompanion.journal.templates import Template
from carecompanion.session import VaultSession
from carecompanion.ui.common.page_layout import PAGE_MARGINS, PANE_GAP, PageHeader
from carecompanion.ui.common.tab_strip import TabStrip
from carecompanion.ui.common.widgets import EmptyState, button, label
from carecompanion.ui.journal import template_words
from carecompanion.ui.journal.calendar_view import CalendarView
from carecompanion.ui.journal.delegate import EntryDelegate
from carecompanion.ui.journal.editor import EntryEditor
from carecompanion.ui.journal.filter_bar import FilterBar
from carecompanion.ui.journal.search_model import SearchResultsModel
from carecompanion.ui.journal.timeline_model import ENTRY_ID_ROLE, TimelineModel


class JournalPage(QWidget):
    share_requested = Signal(int)  # entry id: the main shell opens the Share with circle dialog

    def __init__(self, session: VaultSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        new, more, share = (
            self._build_new_button(),
            self._build_more_button(),
            self._build_share_button(),
        )
        header = PageHeader(self.tr("Journal"), [share, more, new])
        left = self._build_finder()
        self.editor = self._build_editor()
        self.welcome = self._build_welcome()
        self.right = QStackedWidget()
        self.right.addWidget(self.welcome)
        self.right.addWidget(self.editor)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(PAGE_MARGINS)
        layout.setSpacing(14)
        layout.addWidget(header)
        layout.addWidget(self._build_splitter(left), 1)
        self._add_shortcuts()
        self.refresh()

    # -- building -----------------------------------------------------------------------------
    def _build_new_button(self) -> QToolButton:
        """New entry; its arrow offers the templates."""
        self.new_button = QToolButton()
        self.new_button.setText(self.tr("New entry"))
        self.new_button.setObjectName("primaryTool")
        self.new_button.setAccessibleName(self.tr("New entry"))
        self.new_button.setToolTip(self.tr("New entry (Ctrl+N); the arrow offers templates"))
        self.new_button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        self.new_button.setMinimumHeight(44)
        self.new_button.clicked.connect(lambda: self.new_entry())
        self.template_menu = QMenu(self)
        self.template_menu.aboutToShow.connect(self._fill_template_menu)
        self.new_button.setMenu(self.template_menu)
        return self.new_button

    def _build_more_button(self) -> QToolButton:
        self.more_button = QToolButton()
        self.more_button.setText(self.tr("Import and export"))
        self.more_button.setAccessibleName(self.tr("Import and export"))
        self.more_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.more_button.setMinimumHeight(44)
        more = QMenu(self)
        more.addAction(self.tr("Import entries…"), self.open_import)
        more.addAction(self.tr("Export entries…"), self.open_export)
        more.addSeparator()
        more.addAction(self.tr("Manage templates…"), self.open_templates)
        self.more_button.setMenu(more)
        return self.more_button

    def _build_share_button(self) -> QPushButton:
        self.share_button = button(
            self.tr("Share with circle…"), self.tr("Share this entry with a circle")
        )
        self.share_button.setToolTip(
            self.tr("Choose what to share with your circle and see exactly what they will read")
        )
        self.share_button.clicked.connect(self.share_entry)
        self.share_button.setEnabled(False)
        return self.share_button

    def _build_finder(self) -> QWidget:
        """The left pane: search and filters above the timeline or the calendar."""
        self.filters = FilterBar()
        self.filters.changed.connect(self.refresh_list)
        timeline_tab = self._build_timeline()
        self.calendar = CalendarView(self._session.journal)
        self.calendar.entry_chosen.connect(self.open_entry)
        self.calendar.entry_entered.connect(self._write_in_entry)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("Timeline or calendar"))
        self.tabs.addTab(timeline_tab, self.tr("Timeline"))
        self.tabs.addTab(self.calendar, self.tr("Calendar"))
        self.tabs.currentChanged.connect(self._tab_changed)
        self.tab_strip = TabStrip(self.tabs)  # wraps in a narrow pane: no tab cut or hidden
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.filters)
        left_layout.addWidget(self.tab_strip)
        left_layout.addWidget(self.tabs, 1)
        return left

    def _build_timeline(self) -> QWidget:
        """The entries, newest first (or the search's results), with a hint when none match."""
        self.timeline_model = TimelineModel()
        self.search_model = SearchResultsModel()
        self.list = QListView()
        self.list.setObjectName("entries")
        self.list.setAccessibleName(self.tr("Journal entries"))
        self.list.setItemDelegate(EntryDelegate(self.list))
        self.list.setModel(self.timeline_model)
        self.list.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)
        self.list.selectionModel().currentChanged.connect(self._current_changed)
        self.list.activated.connect(lambda _index: self._write_in_entry())
        self.list_hint = label("", "hint")
        self.list_hint.hide()
        timeline_tab = QWidget()
        timeline_layout = QVBoxLayout(timeline_tab)
        timeline_layout.setContentsMargins(0, 8, 0, 0)
        timeline_layout.addWidget(self.list_hint)
        timeline_layout.addWidget(self.list, 1)
        return timeline_tab

    def _build_editor(self) -> EntryEditor:
        editor = EntryEditor(self._session.journal)
        editor.saved.connect(self._entry_saved)
        editor.saved.connect(lambda _id: self._update_share())
        editor.deleted.connect(lambda _id: self.refresh_list())
        editor.deleted.connect(lambda _id: self._update_share())
        return editor

    def _build_welcome(self) -> QWidget:
        """What an empty journal shows: what it is for, and one button to start."""
        welcome = QWidget()
        welcome_layout = QVBoxLayout(welcome)
        welcome_layout.addWidget(
            EmptyState(
                "journal",
                self.tr("Nothing written yet"),
                self.tr(
                    "This is your space for the long days and the small wins: what happened, "
                    "how you felt, what you want to remember. Only you can read it."
                ),
            ),
            1,
        )
        first = button(
            self.tr("Write your first entry"), self.tr("Write your first entry"), primary=True
        )
        first.clicked.connect(lambda: self.new_entry())
        welcome_layout.addWidget(first, alignment=Qt.AlignmentFlag.AlignHCenter)
        welcome_layout.addStretch(1)
        return welcome

    def _build_splitter(self, left: QWidget) -> QSplitter:
        splitter = QSplitter()
        splitter.setHandleWidth(PANE_GAP)
        splitter.addWidget(left)
        splitter.addWidget(self.right)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([380, 620])
        splitter.setChildrenCollapsible(False)
        return splitter

    def _add_shortcuts(self) -> None:
        # Window-wide while this page is on screen (Qt ignores shortcuts of hidden pages).
        for keys, slot in (
            ("Ctrl+N", self.new_entry),
            ("Ctrl+F", self.focus_search),
            ("Ctrl+S", self.editor.flush),
        ):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(slot)
        # In the search box: Enter or Down goes on to what was found, Escape starts over.
        search = self.filters.search
        search.returnPressed.connect(self._to_results)
        for key, slot in ((Qt.Key.Key_Down, self._to_results), (Qt.Key.Key_Escape, search.clear)):
            in_search = QShortcut(QKeySequence(key), search)
            in_search.setContext(Qt.ShortcutContext.WidgetShortcut)
            in_search.activated.connect(slot)

    # -- lists ------------------------------------------------------------------------------
    def refresh(self) -> None:
        tags = self._session.journal.all_tags()
        self.filters.set_tags(tags)
        self.editor.set_known_tags([name for name, _count in tags])
        self.refresh_list()
        if self._session.journal.count() == 0 and self.editor.entry_id is None:
            self.right.setCurrentWidget(self.welcome)
        else:
            self.right.setCurrentWidget(self.editor)

    def refresh_list(self) -> None:
        journal = self._session.journal
        flt = self.filters.entry_filter()
        if self.filters.query:
            self.list.setModel(self.search_model)
            hits = journal.search(self.filters.query, flt)
            self.search_model.set_rows(hits)
            if hits:
                self._hint("")
            elif waits_for_more(self.filters.query):
                self._hint(self.tr("Keep typing: words are found from their third letter."))
            else:
                self._hint(self.tr("No entries match your search."))
        else:
            self.editor.mark_words(())  # the search is over: so are its marks
            self.list.setModel(self.timeline_model)
            self.timeline_model.reset(
                lambda limit, after: journal.list_summaries(flt, limit=limit, after=after)
            )
            empty = self.timeline_model.rowCount() == 0
            self._hint(
                self.tr("No entries match these filters.")
                if empty and self.filters.is_filtering()
                else ""
            )
        self.list.selectionModel().currentChanged.connect(self._current_changed)
        self._select(self.editor.entry_id)

    def _hint(self, text: str) -> None:
        self.list_hint.setText(text)
        self.list_hint.setVisible(bool(text))

    def _select(self, entry_id: int | None) -> None:
        if entry_id is None:
            return
        model = self.list.model()
        for row in range(model.rowCount()):
            index = model.index(row, 0)
            if index.data(ENTRY_ID_ROLE) == entry_id:
                self.list.selectionModel().setCurrentIndex(
                    index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                )
                return

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        entry_id = current.data(ENTRY_ID_ROLE)
        if entry_id is not None:
            self.open_entry(int(entry_id))

    def _tab_changed(self, index: int) -> None:
        if self.tabs.widget(index) is self.calendar:
            self.editor.flush()
            self.calendar.refresh()

    def _entry_saved(self, entry_id: int) -> None:
        if self.filters.query:
            return  # keep the results steady while the person edits one of them
        self.timeline_model.reset(
            lambda limit, after: self._session.journal.list_summaries(
                self.filters.entry_filter(), limit=limit, after=after
            )
        )
        self._select(entry_id)

    # -- actions ----------------------------------------------------------------------------
    def open_entry(self, entry_id: int) -> None:
        self.right.setCurrentWidget(self.editor)
        self.editor.load(entry_id)
        if self.list.model() is self.search_model:
            self.editor.mark_words(self.search_model.matched_words(entry_id))
        self._update_share()

    def _update_share(self) -> None:
        self.share_button.setEnabled(self.editor.entry_id is not None)

    def share_entry(self) -> None:
        """Save what is being written, then ask to share exactly that with a circle."""
        self.editor.flush()
        if self.editor.entry_id is not None:
            self.share_requested.emit(self.editor.entry_id)

    def new_entry(self, template: Template | None = None) -> None:
        self.list.clearSelection()
        self.right.setCurrentWidget(self.editor)
        if template is None:
            self.editor.new_entry()
        else:
            self.editor.new_entry(template.title, template.body, template.tags)
        self._update_share()
        self.editor.title.setFocus() if template is None else self.editor.body.setFocus()

    def _to_results(self) -> None:
        """From the search box to the list, its first entry open (or the one already open)."""
        self.filters.search_now()
        self.tabs.setCurrentIndex(0)
        model = self.list.model()
        entries = [
            model.index(row, 0)
            for row in range(model.rowCount())
            if model.index(row, 0).data(ENTRY_ID_ROLE) is not None
        ]
        if not entries:
            return
        if self.list.currentIndex().data(ENTRY_ID_ROLE) is None:
            self.list.selectionModel().setCurrentIndex(
                entries[0], QItemSelectionModel.SelectionFlag.ClearAndSelect
            )
        self.list.setFocus(Qt.FocusReason.OtherFocusReason)

    def _write_in_entry(self) -> None:
        """Enter on an entry in a list: it is open already; the cursor goes into its text."""
        if self.right.currentWidget() is self.editor and self.editor.entry_id is not None:
            self.editor.body.setFocus(Qt.FocusReason.OtherFocusReason)

    def focus_search(self) -> None:
        self.tabs.setCurrentIndex(0)
        self.filters.search.setFocus()
        self.filters.search.selectAll()

    def _fill_template_menu(self) -> None:
        self.template_menu.clear()
        self.template_menu.addAction(self.tr("Blank entry"), lambda: self.new_entry())
        self.template_menu.addSeparator()
        for template in map(template_words.shown, self._session.templates.list_templates()):
            self.template_menu.addAction(template.name, partial(self.new_entry, template))
        self.template_menu.addSeparator()
        self.template_menu.addAction(self.tr("Manage templates…"), self.open_templates)

    def open_templates(self) -> None:
        from carecompanion.ui.journal.templates_dialog import TemplatesDialog

        TemplatesDialog(self._session.templates, self).exec()

    def open_import(self) -> None:
        from carecompanion.ui.journal.exchange_dialogs import ImportDialog

        self.editor.flush()
        if ImportDialog(self._session, self).exec():
            self.refresh()

    def open_export(self) -> None:
        from carecompanion.ui.journal.exchange_dialogs import ExportDialog

        self.editor.flush()
        ExportDialog(self._session, self._selected_ids(), self).exec()

    def _selected_ids(self) -> list[int]:
        return [
            int(i.data(ENTRY_ID_ROLE))
            for i in self.list.selectionModel().selectedIndexes()
            if i.data(ENTRY_ID_ROLE) is not None
        ]

    def clear(self) -> None:
        """Save what is being written, then drop every decrypted row and field."""
        self.editor.clear()
        self._update_share()
        self.timeline_model.clear()
        self.search_model.clear()
        self.calendar.clear()
        self.filters.search.clear()
        self.filters.set_tags([])
