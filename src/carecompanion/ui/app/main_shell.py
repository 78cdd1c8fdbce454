"""The unlocked app: a sidebar (Journal, Mood, People, Circles), the pages, settings and lock."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, QSize, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QWidget,
)

from carecompanion.circle.help import HelpRequest
from carecompanion.circle.help_news import next_for_me, next_promised
from carecompanion.circle.helping import HelpBoard
from carecompanion.session import VaultSession
from carecompanion.ui.app.sidebar import SectionList, Sidebar
from carecompanion.ui.circle.help_model import coming_words, promised_words
from carecompanion.ui.circle.page import CirclePage
from carecompanion.ui.common import theme
from carecompanion.ui.common.i18n import format_when
from carecompanion.ui.common.widgets import button, label
from carecompanion.ui.journal.page import JournalPage
from carecompanion.ui.mood.checkin_flow import (
    CheckInFlow,
    CheckInShortcut,
    ClosedForLock,
    LockOutcome,
)
from carecompanion.ui.mood.notice import Notice
from carecompanion.ui.mood.page import MoodPage
from carecompanion.ui.people.page import PeoplePage

CIRCLES_SECTION = 3


def _sidebar_button(text: str, accessible: str, object_name: str, icon: str) -> QPushButton:
    widget = button(text, accessible)
    widget.setObjectName(object_name)
    widget.setIcon(theme.icon(icon, 48))
    widget.setIconSize(QSize(22, 22))
    return widget


class MainShell(QWidget):
    lock_requested = Signal()
    settings_requested = Signal()

    def __init__(self, session: VaultSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.pages = QStackedWidget()
        # One check-in, from any page (Ctrl+K), the Mood page and the tray; saying "saved"
        # over whichever page the person is on.
        self.checkin = CheckInFlow(session, self)
        self.checkin.saved.connect(self._checkin_saved)
        self.notice = Notice(self.pages)
        sections = self._build_pages()
        self.navigation_model = self._build_navigation_model(sections)
        self.sidebar = self._build_sidebar()
        self._lay_out()
        self._add_shortcuts(len(sections))
        self.show_section(0)

    # -- building ---------------------------------------------------------------------------
    def _build_pages(self) -> list[tuple[str, str, QWidget]]:
        """The pages, as (icon name, title, page), in the sidebar's order."""
        self.journal_page = JournalPage(self.session)
        # Mood and People are built the first time they are shown: unlocking opens the
        # journal at once instead of drawing charts nobody has asked for yet.
        self._mood_page: MoodPage | None = None
        self._people_page: PeoplePage | None = None
        self._mood_slot = QWidget()
        self._people_slot = QWidget()
        # Built at once: it watches the circle files and syncs them in the background.
        self.circle_page = CirclePage(self.session)
        self.journal_page.share_requested.connect(self.circle_page.open_share_dialog)
        self.circle_page.boards_changed.connect(self.refresh_help)
        return [
            ("journal", self.tr("Journal"), self.journal_page),
            ("mood", self.tr("Mood"), self._mood_slot),
            ("people", self.tr("People"), self._people_slot),
            ("circles", self.tr("Circles"), self.circle_page),
        ]

    def _build_navigation_model(
        self, sections: list[tuple[str, str, QWidget]]
    ) -> QStandardItemModel:
        """One sidebar row per section, each with its page in the stack at the same index."""
        model = QStandardItemModel(self)
        for icon_name, title, page in sections:
            item = QStandardItem(theme.icon(icon_name, 48), title)
            item.setEditable(False)
            item.setData(title, Qt.ItemDataRole.AccessibleTextRole)
            model.appendRow(item)
            self.pages.addWidget(page)
        return model

    def _build_sidebar(self) -> Sidebar:
        """The name, the sections, the next meeting, then help, settings and lock."""
        sidebar = Sidebar()
        sidebar.setObjectName("sidebar")
        # As wide as its words (no set minimum, which would cut a translation's longer
        # "Need help now"); never as wide as the pages.
        sidebar.setMaximumWidth(320)
        sidebar.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Preferred)
        side = sidebar.column
        side.setContentsMargins(10, 16, 10, 12)
        brand = self._build_brand()
        side.addWidget(brand)
        self.navigation = self._build_navigation()
        side.addWidget(self.navigation, 1)
        self.next_meeting = label("", "hint")
        self.next_meeting.setAccessibleName(self.tr("Next group meeting"))
        side.addWidget(self.next_meeting)
        # The help calendar (issue 18): what someone is doing for me, what I promised.
        self.help_coming = label("", "hint")
        self.help_coming.setAccessibleName(self.tr("Help coming"))
        side.addWidget(self.help_coming)
        self.help_promised = label("", "hint")
        self.help_promised.setAccessibleName(self.tr("Help I promised"))
        side.addWidget(self.help_promised)
        self._build_sidebar_buttons()
        side.addWidget(self.help_button)
        side.addSpacing(8)
        side.addWidget(self.settings_button)
        side.addWidget(self.lock_button)
        # A short window keeps the sections, help, settings and lock; the name goes first.
        sidebar.add_optional(brand)
        sidebar.add_optional(self.next_meeting)
        sidebar.add_optional(self.help_coming)
        sidebar.add_optional(self.help_promised)
        for widget in (self.help_coming, self.help_promised):
            sidebar.set_wanted(widget, False)
        return sidebar

    def _build_brand(self) -> QWidget:
        brand = QWidget()
        brand_row = QHBoxLayout(brand)
        brand_row.setContentsMargins(0, 0, 0, 10)
        logo = QLabel()
        logo.setPixmap(theme.app_icon().pixmap(32, 32))
        brand_row.addWidget(logo)
        brand_row.addWidget(label("CareCompanion", "brand", wrap=False))
        brand_row.addStretch(1)
        return brand

    def _build_navigation(self) -> SectionList:
        navigation = SectionList()
        navigation.setObjectName("navigation")
        navigation.setModel(self.navigation_model)
        navigation.setIconSize(QSize(24, 24))
        # A list view asks for 256 px whatever it holds: let the sidebar's buttons and
        # labels set its width instead.
        navigation.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Expanding)
        navigation.setAccessibleName(self.tr("Sections"))
        navigation.selectionModel().currentChanged.connect(
            lambda current, _previous: self._section_changed(current.row())
        )
        return navigation

    def _build_sidebar_buttons(self) -> None:
        self.settings_button = _sidebar_button(
            self.tr("Settings"), self.tr("Settings"), "sidebarButton", "settings"
        )
        self.settings_button.clicked.connect(self.settings_requested)
        self.lock_button = _sidebar_button(
            self.tr("Lock"), self.tr("Lock the journal now"), "sidebarButton", "lock"
        )
        self.lock_button.setToolTip(self.tr("Lock now (Ctrl+L)"))
        self.lock_button.clicked.connect(self.lock_requested)
        self.help_button = _sidebar_button(
            self.tr("Need help now"), self.tr("Need help now"), "helpButton", "help"
        )
        self.help_button.setToolTip(self.tr("People and helplines to call (F1)"))
        self.help_button.clicked.connect(self.open_help)

    def _lay_out(self) -> None:
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.sidebar)
        layout.addWidget(self.pages, 1)

    def _add_shortcuts(self, section_count: int) -> None:
        """F1 help, Ctrl+L lock, Ctrl+K check in, Ctrl+1… a section."""
        help_shortcut = QShortcut(QKeySequence("F1"), self)
        help_shortcut.activated.connect(self.open_help)
        lock_shortcut = QShortcut(QKeySequence("Ctrl+L"), self)
        lock_shortcut.activated.connect(self.lock_requested)
        self.checkin_shortcut = CheckInShortcut(self, self.check_in)
        for number in range(section_count):
            shortcut = QShortcut(QKeySequence(f"Ctrl+{number + 1}"), self)
            shortcut.activated.connect(lambda row=number: self.show_section(row))

    # -- sections ---------------------------------------------------------------------------
    @property
    def mood_page(self) -> MoodPage:
        if self._mood_page is None:
            self._mood_page = MoodPage(self.session, checkin=self.checkin)
            self._swap(self._mood_slot, self._mood_page)
        return self._mood_page

    @property
    def people_page(self) -> PeoplePage:
        if self._people_page is None:
            self._people_page = PeoplePage(self.session)
            self._people_page.meetings_changed.connect(self.refresh_next_meeting)
            self._swap(self._people_slot, self._people_page)
        return self._people_page

    def _swap(self, slot: QWidget, page: QWidget) -> None:
        index = self.pages.indexOf(slot)
        current = self.pages.currentIndex()
        self.pages.insertWidget(index, page)
        self.pages.removeWidget(slot)
        slot.deleteLater()
        self.pages.setCurrentIndex(current)

    def _section_changed(self, row: int) -> None:
        if row == 1:
            _ = self.mood_page
        elif row == 2:
            _ = self.people_page
        self.pages.setCurrentIndex(max(0, row))
        self.refresh_next_meeting()
        self.refresh_help()

    def refresh_next_meeting(self) -> None:
        """The next meeting, on every page: the app's 'home' is wherever the person is."""
        upcoming = self.session.groups.upcoming(limit=1)
        if not upcoming:
            self.sidebar.set_wanted(self.next_meeting, False)
            return
        meeting = upcoming[0]
        when = format_when(meeting.start, "short_day_time")
        self.next_meeting.setText(
            self.tr("Next meeting:\n{when}\n{name}").format(when=when, name=meeting.group_name)
        )
        self.sidebar.set_wanted(self.next_meeting, True)

    def refresh_help(self) -> None:
        """The next thing someone is doing for me and the next thing I promised, across
        every circle, as their last syncs left them (worked out by ``help_news``)."""
        now = self.session.clock.now()
        coming: tuple[HelpBoard, HelpRequest] | None = None
        promised: HelpRequest | None = None
        for board in self.circle_page.help_boards():
            mine = next_for_me(board.requests, board.me, now)
            if mine is not None and (coming is None or mine.start < coming[1].start):
                coming = (board, mine)
            kept = next_promised(board.requests, board.me, now)
            if kept is not None and (promised is None or kept.start < promised.start):
                promised = kept
        if coming is not None:
            self.help_coming.setText(coming_words(*coming))
        if promised is not None:
            self.help_promised.setText(promised_words(promised))
        self.sidebar.set_wanted(self.help_coming, coming is not None)
        self.sidebar.set_wanted(self.help_promised, promised is not None)

    def open_help(self) -> None:
        from carecompanion.ui.people.help_dialog import HelpDialog

        HelpDialog(self.session.people, self).exec()

    def show_section(self, row: int) -> None:
        index = self.navigation_model.index(row, 0)
        self.navigation.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
        )

    def check_in(self) -> None:
        """Ctrl+K, the tray: a check-in over the page the person is on (they stay there)."""
        self.checkin.open()

    def _checkin_saved(self, _checkin: object, corrected: bool) -> None:
        self.notice.show_message(
            self.tr("Check-in corrected.")
            if corrected
            else self.tr("Check-in saved. Thank you for taking a moment for yourself.")
        )

    def close_checkin_for_lock(self) -> ClosedForLock:
        """Before the vault locks: an open check-in is saved if a mood was chosen."""
        return self.checkin.close_for_lock()

    def tell_checkin_at_lock(self, closed: ClosedForLock) -> None:
        """After unlocking: what became of the check-in that was open when the app locked."""
        checkin_id = closed.checkin_id
        if closed.outcome == LockOutcome.SAVED and checkin_id is not None:
            self.notice.show_message(
                self.tr("Your check-in was saved when the journal locked."),
                self.tr("Open it"),
                lambda: self.checkin.open(self.session.mood.get(checkin_id)),
            )
        elif closed.outcome == LockOutcome.NOT_SAVED:
            self.notice.show_message(
                self.tr(
                    "The check-in you had started was not saved when the journal locked: "
                    "it had no mood yet."
                ),
                self.tr("Check in"),
                self.check_in,
            )

    def show_help_calendar(self) -> None:
        """The Circles page, on its help calendar (a help notice was clicked)."""
        self.show_section(CIRCLES_SECTION)
        self.circle_page.tabs.setCurrentWidget(self.circle_page.help_tab)

    def open_circle_file(self, path: Path) -> None:
        """A .carecircle file opened from outside: show that circle, or offer to join it."""
        self.show_section(CIRCLES_SECTION)
        self.circle_page.open_circle_file(path)

    def clear(self) -> None:
        """Drop every decrypted object the pages hold; called before the vault locks."""
        self.checkin.close_for_lock()  # the controller asked first; this one finds none open
        self.checkin_shortcut.stop()
        self.notice.dismiss()
        self.next_meeting.clear()
        self.help_coming.clear()
        self.help_promised.clear()
        for index in range(self.pages.count()):
            page = self.pages.widget(index)
            clear = getattr(page, "clear", None)
            if callable(clear):
                clear()
