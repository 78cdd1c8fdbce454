"""The Circle page: your circles on the left, what their members shared in the middle, the
chosen post with its comments and reactions on the right.

Nothing here touches a circle on the GUI thread: reading the posts, every change and every
sync go through one CircleWork queue (see ui/circle/work.py) and run in the background; the
page shows what it asked for when the answer comes (a comment appears at once as "sending…").
Syncs start with the Sync now button, after each local change, and when the circle file
changes in its shared folder. The service caches each circle's posts until the circle
changes, so reading them again after a sync with nothing new costs next to nothing.

When a sync cannot read the file but this computer can write a fresh one from what it has
checked (``RepairableFile``), the status says so and offers Repair; when a passphrase circle's
file no longer opens with the passphrase this computer knows, it offers to type the new one.
What a sync says stays until a sync has something else to say (a sync that found nothing
new leaves it), so the watcher's sync after our own write does not wipe it at once.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListView,
    QMenu,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from carecompanion.circle.errors import (
    DROPPED,
    NOTHING_TO_REPAIR,
    REPAIRED,
    SAVED_FOR_LATER,
    CircleNotFound,
    RepairableFile,
)
from carecompanion.circle.help_news import help_news
from carecompanion.circle.helping import HelpBoard
from carecompanion.circle.posts import CircleState
from carecompanion.circle.registry import CircleInfo
from carecompanion.circle.repair import RepairReport
from carecompanion.circle.service import CircleService
from carecompanion.circle.sync import SyncReport
from carecompanion.circle.view import Post, Reply
from carecompanion.errors import CareCompanionError
from carecompanion.session import VaultSession
from carecompanion.ui.circle.delegate import PostDelegate
from carecompanion.ui.circle.help_model import HelpView
from carecompanion.ui.circle.help_tab import HelpTab, read_help
from carecompanion.ui.circle.models import (
    CircleListModel,
    CircleRow,
    PostListModel,
    role_words,
    sending_comment,
)
from carecompanion.ui.circle.post_panel import PostPanel
from carecompanion.ui.circle.watch import CircleWatcher, Signature, file_signature
from carecompanion.ui.circle.work import CircleWork, message_for
from carecompanion.ui.common import error_words
from carecompanion.ui.common.i18n import format_when
from carecompanion.ui.common.page_layout import PAGE_MARGINS, PANE_GAP, PageHeader
from carecompanion.ui.common.screen_fit import scrolling
from carecompanion.ui.common.tab_strip import TabStrip
from carecompanion.ui.common.widgets import EmptyState, button, label
from carecompanion.ui.common.workers import workers_for

translate = QCoreApplication.translate  # lupdate reads translate("Context", "...")


def synced_words(when: datetime | None) -> str:
    if when is None:
        return translate("CirclePage", "not synced yet")
    local = when.astimezone()
    if local.date() == datetime.now().astimezone().date():
        return translate("CirclePage", "today at {time}").format(time=format_when(local, "time"))
    return translate("CirclePage", "{day} at {time}").format(
        day=format_when(local, "short_day"), time=format_when(local, "time")
    )


@dataclass(frozen=True)
class PageView:
    """What the page shows, read in the background: every circle with its unread count, and
    the chosen circle's roster and posts."""

    circles: list[CircleRow]
    state: CircleState | None


def read_view(service: CircleService, circle_id: str | None) -> PageView:
    """On a worker: the circles, and ``circle_id``'s posts (the first circle's if it is gone).
    Cheap when nothing changed: the service keeps each circle's posts until it changes."""
    infos = service.circles()
    rows = [CircleRow(info, service.unread_count(info.id)) for info in infos]
    ids = [info.id for info in infos]
    chosen = circle_id if circle_id in ids else (ids[0] if ids else None)
    return PageView(rows, service.state(chosen) if chosen is not None else None)


class CirclePage(QWidget):
    #: After a sync, what changed in a help calendar for this member (``help_news.HelpNews``
    #: list), for a tray notice.
    help_notices = Signal(list)
    #: A circle's help calendar changed (``help_boards``): the sidebar shows what is next.
    boards_changed = Signal()

    def __init__(self, session: VaultSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._service = session.circles
        self.work = CircleWork(self, workers_for(session))
        self.work.busy_changed.connect(self._busy_changed)
        self.watcher = CircleWatcher(self)
        self.watcher.changed.connect(self._files_changed)
        self._state: CircleState | None = None
        self._notes: dict[str, str] = {}  # per circle: what the last sync had to say
        self._troubled: set[str] = set()  # circles whose last sync failed
        self._repairable: set[str] = set()  # ... with a file this computer can write afresh
        self._new_passphrase: set[str] = set()  # ... that the passphrase known here won't open
        self._saved: set[str] = set()  # circles with a sync asked for after a local change
        self._waiting: set[str] = set()  # circles with a sync queued, not started yet
        self._reading = False  # a read of the page's view is queued, not started yet
        # The circle the person chose (or the page was asked to show): reads show that one,
        # even if the person moved on while a read was under way.
        self._asked: str | None = None
        self._selecting = False  # the page itself is choosing a row: not the person
        # What this member is sending, per post (record id), until the circle has it.
        self._sending_comments: dict[str, list[Reply]] = {}
        self._sending_reactions: dict[str, set[str]] = {}
        self._sent_count = 0
        # Per circle, its help calendar as the last sync left it, and the view of it the Help
        # tab has not shown yet (so it need not read it again).
        self._boards: dict[str, HelpBoard] = {}
        self._fresh_help: dict[str, HelpView] = {}

        header = self._build_header()
        self.main = self._build_panes()
        self.empty = self._build_empty()
        self.body = QStackedWidget()
        self.body.addWidget(self.empty)
        self.body.addWidget(self.main)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(PAGE_MARGINS)
        layout.setSpacing(14)
        layout.addWidget(header)
        layout.addWidget(self.body, 1)
        self.refresh()
        # After the window is drawn: read what others wrote while this computer was off.
        QTimer.singleShot(0, self.sync_all)

    # -- building ---------------------------------------------------------------------------
    def _build_header(self) -> PageHeader:
        """The title, My member card, Members, and a menu to start, join, share or leave."""
        self.card_button = button(self.tr("My member card"), self.tr("My member card"))
        self.card_button.clicked.connect(self.open_member_card)
        self.members_button = button(self.tr("Members"), self.tr("Members of this circle"))
        self.members_button.clicked.connect(self.open_members)
        self.more_button = QToolButton()
        self.more_button.setText(self.tr("Start or join"))
        self.more_button.setAccessibleName(self.tr("Start or join a circle"))
        self.more_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.more_button.setMinimumHeight(44)
        more = QMenu(self)
        more.addAction(self.tr("Start a circle…"), self.start_circle)
        more.addAction(self.tr("Join a circle…"), lambda: self.join_circle())
        more.addAction(self.tr("Share how my week went…"), self.open_mood_share)
        more.addSeparator()
        self.repair_action = more.addAction(self.tr("Repair the circle file…"), self.repair_circle)
        more.addAction(self.tr("Leave this circle on this computer…"), self.forget_circle)
        self.more_button.setMenu(more)
        return PageHeader(
            self.tr("Circles"), [self.card_button, self.members_button, self.more_button]
        )

    def _build_panes(self) -> QSplitter:
        """Circles on the left; beside them the chosen circle's name, then its posts (the
        chosen post on the right) or its help calendar, in two tabs."""
        left = self._build_circles_pane()
        centre = self._build_posts_pane()
        self.right_stack = self._build_post_pane()
        posts = QSplitter()
        posts.setHandleWidth(PANE_GAP)
        posts.addWidget(centre)
        posts.addWidget(self.right_stack)
        # Three panes side by side fit 911 px (1366×768 at 150 %) beside the sidebar; the
        # left one is as wide as its words (a set minimum would override them).
        centre.setMinimumWidth(180)
        posts.setStretchFactor(0, 2)
        posts.setStretchFactor(1, 3)
        posts.setSizes([360, 470])
        posts.setChildrenCollapsible(False)
        splitter = QSplitter()
        splitter.setHandleWidth(PANE_GAP)
        splitter.addWidget(left)
        splitter.addWidget(self._build_circle_side(posts))
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([210, 830])
        splitter.setChildrenCollapsible(False)
        return splitter

    def _build_circle_side(self, posts: QWidget) -> QWidget:
        """The chosen circle's name and roster over two tabs: its posts, and its help
        calendar (ui/circle/help_tab.py)."""
        self.help_tab = HelpTab(self._session, self.work)
        self.help_tab.changed.connect(self.sync_saved)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("Posts or help calendar"))
        self.tabs.addTab(posts, self.tr("Posts"))
        self.tabs.addTab(self.help_tab, self.tr("Help calendar"))
        self.tab_strip = TabStrip(self.tabs)  # wraps in a narrow pane: no tab cut or hidden
        side = QWidget()
        layout = QVBoxLayout(side)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.circle_title)
        layout.addWidget(self.circle_detail)
        layout.addWidget(self.names_box)
        layout.addWidget(self.tab_strip)
        layout.addWidget(self.tabs, 1)
        return side

    def _build_circles_pane(self) -> QWidget:
        """The person's circles, Sync now, when each last synced and what it found."""
        self.circles_model = CircleListModel()
        self.circle_list = QListView()
        self.circle_list.setObjectName("circles")
        self.circle_list.setModel(self.circles_model)
        self.circle_list.setAccessibleName(self.tr("Your circles"))
        self.circle_list.setSpacing(4)
        self.circle_list.setWordWrap(True)
        self.circle_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.circle_list.selectionModel().currentChanged.connect(self._circle_changed)
        self.sync_button = button(self.tr("Sync now"), self.tr("Sync all circles now"))
        self.sync_button.clicked.connect(lambda: self.sync_all())
        # Under the button and wrapping, not beside it: a note as wide as its words made the
        # window wider than a small screen (1366×768 at 150 %) whenever a sync started.
        self.progress = label(self.tr("Syncing…"), "hint")
        self.progress.setAccessibleName(self.tr("Syncing"))
        self.progress.hide()
        self.last_synced = label("", "hint")
        self.last_synced.setAccessibleName(self.tr("Last synced"))
        self.status = label("", "notice")
        self.status.setAccessibleName(self.tr("Circle status"))
        self.status.hide()
        self.repair_button = button(
            self.tr("Repair the circle file…"),
            self.tr("Repair the circle file from what this computer has checked"),
        )
        self.repair_button.clicked.connect(self.repair_circle)
        self.repair_button.hide()
        self.passphrase_button = button(
            self.tr("Type the new passphrase…"),
            self.tr("Type the new circle passphrase the organiser gave you"),
        )
        self.passphrase_button.clicked.connect(self.enter_new_passphrase)
        self.passphrase_button.hide()
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(label(self.tr("Your circles"), "sectionTitle", wrap=False))
        left_layout.addWidget(self.circle_list, 1)
        left_layout.addWidget(self.sync_button, alignment=Qt.AlignmentFlag.AlignLeft)
        left_layout.addWidget(self.progress)
        left_layout.addWidget(self.last_synced)
        left_layout.addWidget(self.status)
        left_layout.addWidget(self.repair_button)
        left_layout.addWidget(self.passphrase_button)
        return left

    def _build_posts_pane(self) -> QWidget:
        """The chosen circle's posts (or why there are none)."""
        self.posts_model = PostListModel()
        self.posts = QListView()
        self.posts.setObjectName("entries")
        self.posts.setAccessibleName(self.tr("Shared posts"))
        self.posts.setItemDelegate(PostDelegate(self.posts))
        self.posts.setModel(self.posts_model)
        self.posts.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)
        # Every post is drawn the same height (see PostDelegate.sizeHint): 20,000 posts are
        # laid out at once instead of asking the delegate for each.
        self.posts.setUniformItemSizes(True)
        self.posts.setMouseTracking(True)
        self.posts.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.posts.selectionModel().currentChanged.connect(self._post_changed)
        self.circle_title = label("", "sectionTitle", wrap=False)
        self.circle_detail = label("", "hint")
        self.names_box = self._build_names_box()
        self.nothing_shared = EmptyState(
            "journal",
            self.tr("Nothing shared yet"),
            self.tr(
                "When someone in the circle shares an entry, it appears here. To share one "
                "of yours, open it in your journal and choose “Share with circle…”."
            ),
        )
        self.centre_stack = QStackedWidget()
        self.centre_stack.addWidget(self.posts)
        self.nothing_shared_area = scrolling(self.nothing_shared)  # a narrow pane scrolls it
        self.centre_stack.addWidget(self.nothing_shared_area)
        centre = QWidget()
        centre_layout = QVBoxLayout(centre)
        centre_layout.setContentsMargins(0, 0, 0, 0)
        centre_layout.addWidget(self.centre_stack, 1)
        return centre

    def _build_names_box(self) -> QWidget:
        """A calm line when members share a name or one changed theirs; the latter until the
        person says they have seen it."""
        self.names_note = label("", "notice")
        self.names_note.setAccessibleName(self.tr("About members' names"))
        self.names_seen_button = button(self.tr("Got it"), self.tr("I have seen the new names"))
        self.names_seen_button.clicked.connect(self.acknowledge_names)
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.names_note)
        layout.addWidget(self.names_seen_button, alignment=Qt.AlignmentFlag.AlignRight)
        box.hide()
        return box

    def _build_post_pane(self) -> QStackedWidget:
        """The chosen post with its reactions and comments, or a hint to choose one."""
        self.panel = PostPanel()
        self.panel.comment_requested.connect(self.add_comment)
        self.panel.react_requested.connect(self.react)
        self.panel.withdraw_requested.connect(self.withdraw_post)
        # Scrolling: under the tabs, a short window has little height for it.
        self.choose_hint = scrolling(
            EmptyState(
                "circles",
                self.tr("Choose a post"),
                self.tr("Its full text, comments and reactions show here."),
            )
        )
        right_stack = QStackedWidget()
        right_stack.addWidget(self.choose_hint)
        # A short window scrolls the chosen post, its reactions and comments together.
        self.panel_area = scrolling(self.panel)
        right_stack.addWidget(self.panel_area)
        return right_stack

    def _build_empty(self) -> QWidget:
        """No circles yet: what a circle is, and three ways in."""
        empty = QWidget()
        empty_layout = QVBoxLayout(empty)
        empty_layout.addWidget(
            EmptyState(
                "circles",
                self.tr("You are not alone in this"),
                self.tr(
                    "A circle is a small group of fellow caregivers who share the journal "
                    "entries each one chooses, through one encrypted file in a folder you all "
                    "can reach. There is no server and no account: only the people in the "
                    "circle can read it."
                ),
            ),
            1,
        )
        self.start_button = button(
            self.tr("Start a circle"), self.tr("Start a circle"), primary=True
        )
        self.start_button.clicked.connect(self.start_circle)
        self.join_button = button(self.tr("Join a circle"), self.tr("Join a circle"))
        self.join_button.clicked.connect(lambda: self.join_circle())
        self.empty_card_button = button(self.tr("My member card"), self.tr("My member card"))
        self.empty_card_button.clicked.connect(self.open_member_card)
        empty_buttons = QHBoxLayout()
        empty_buttons.addStretch(1)
        for widget in (self.start_button, self.join_button, self.empty_card_button):
            empty_buttons.addWidget(widget)
        empty_buttons.addStretch(1)
        empty_layout.addLayout(empty_buttons)
        empty_layout.addStretch(1)
        return empty

    # -- showing ----------------------------------------------------------------------------
    def current_circle_id(self) -> str | None:
        info = self.circles_model.circle_at(self.circle_list.currentIndex())
        return info.id if info is not None else None

    def current_post(self) -> Post | None:
        return self.posts_model.value_at(self.posts.currentIndex())

    def refresh(self, circle_id: str | None = None) -> None:
        """Read the circles again in the background (after a change elsewhere), then show
        them keeping the person's place, or showing ``circle_id``. Asked again before it
        starts, it reads once."""
        if circle_id is not None:
            self._asked = circle_id
        if self._reading:
            return
        self._reading = True
        service = self._service
        wanted: list[str | None] = []

        def start() -> None:
            self._reading = False
            wanted.append(self._wanted())

        self.work.run(
            lambda: read_view(service, wanted[0]), self.show_view, self._read_failed, on_start=start
        )

    def _read_failed(self, exc: Exception) -> None:
        circle_id = self.current_circle_id()
        if circle_id is not None:
            self._notes[circle_id] = message_for(exc)
            self.status.setText(self._notes[circle_id])
            self.status.show()

    def _wanted(self) -> str | None:
        return self._asked or self.current_circle_id()

    def show_view(self, view: PageView) -> None:
        """Show what a background read found: the circles, and the chosen one's posts (or,
        if the person chose another circle meanwhile, that one's, read again)."""
        circles = [row.info for row in view.circles]
        read = view.state.info.id if view.state is not None else None
        chosen = self._asked if any(info.id == self._asked for info in circles) else read
        self._asked = chosen
        self._selecting = True
        try:
            self.circles_model.set_rows(view.circles)
            row = self.circles_model.row_of(chosen) if chosen is not None else -1
            if row >= 0:
                self.circle_list.selectionModel().setCurrentIndex(
                    self.circles_model.index(row, 0),
                    QItemSelectionModel.SelectionFlag.ClearAndSelect,
                )
        finally:
            self._selecting = False
        self.watcher.watch({info.id: info.file_path for info in circles})
        self._forget_boards({info.id for info in circles})
        self.body.setCurrentWidget(self.main if circles else self.empty)
        for widget in (self.card_button, self.members_button, self.more_button):
            widget.setVisible(bool(circles))  # the empty state has its own buttons
        if chosen == read:
            self.show_state(view.state)
        elif self._state is None or self._state.info.id != chosen:
            self.posts_model.clear()  # read while the person chose another: read theirs
            self._show_post(None)
            self.refresh()

    def _forget_boards(self, circle_ids: set[str]) -> None:
        """Circles left on this computer: their help calendars go from the sidebar too."""
        gone = set(self._boards) - circle_ids
        for circle_id in gone:
            self._boards.pop(circle_id, None)
            self._fresh_help.pop(circle_id, None)
        if gone:
            self.boards_changed.emit()

    def _circle_changed(self, _current: QModelIndex, _previous: QModelIndex) -> None:
        if self._selecting:
            return
        circle_id = self._asked = self.current_circle_id()
        shown = self._state.info.id if self._state is not None else None
        if circle_id != shown:  # another circle: its own posts, read in the background
            self.posts_model.clear()
            self._show_post(None)
            self.refresh()

    def show_state(self, state: CircleState | None) -> None:
        """Show one circle's roster and posts (as read in the background)."""
        if state is None:
            self._state = None
            self.posts_model.clear()
            self._show_post(None)
            self._show_status(None)
            self.help_tab.set_circle(None)
            return
        keep = self.current_post()
        if self._state is None or self._state.info.id != state.info.id:
            keep = None
        self._state = state
        info = state.info
        self.circle_title.setText(info.name)
        count = len(state.roster.current())
        detail = (
            self.tr("You are {role} · just you")
            if count == 1
            else self.tr("You are {role} · {count} people")
        ).format(role=role_words(info.my_role), count=count)
        if info.mode == "passphrase":
            detail += " · " + self.tr("opened with a passphrase")
        self.circle_detail.setText(detail)
        self._show_names(state)
        self.help_tab.set_circle(info.id, self._fresh_help.pop(info.id, None))
        self.posts_model.names = state.names
        self.panel.set_names(state.names)
        self.posts_model.update_rows(state.posts)
        self.centre_stack.setCurrentWidget(self.posts if state.posts else self.nothing_shared_area)
        row = self.posts_model.row_of(keep.record_id) if keep else -1
        if row >= 0:
            index = self.posts_model.index(row, 0)
            if self.posts.currentIndex() != index:
                self.posts.selectionModel().setCurrentIndex(
                    index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                )
            self._show_post(self.posts_model.value(row))
        else:
            self._show_post(None)
        self._show_status(info)

    def _show_names(self, state: CircleState) -> None:
        """Members who share a name (the core's warning), and whose name changed."""
        lines = [error_words.say(warning) for warning in state.warnings]
        renamed = [member for member in state.names.values() if member.renamed_from is not None]
        lines += [
            self.tr("{old} changed their name to {name}.").format(
                old=member.renamed_from, name=member.display
            )
            for member in renamed
        ]
        self.names_note.setText("\n".join(lines))
        self.names_seen_button.setVisible(bool(renamed))
        self.names_seen_button.setEnabled(True)
        self.names_box.setVisible(bool(lines))

    def _show_status(self, info: CircleInfo | None) -> None:
        if info is None:
            self.last_synced.clear()
            self.status.hide()
            self.repair_button.hide()
            self.passphrase_button.hide()
            return
        text = self.tr("Last synced: {when}").format(when=synced_words(info.last_synced_at))
        if info.dirty:
            text += "\n" + self.tr("Your latest changes are waiting to be written to the file.")
        self.last_synced.setText(text)
        note = self._notes.get(info.id, "")
        self.status.setText(note)
        self.status.setVisible(bool(note))
        self.repair_button.setVisible(info.id in self._repairable)
        self.passphrase_button.setVisible(info.id in self._new_passphrase)

    def _post_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._show_post(self.posts_model.value_at(current))

    def _show_post(self, post: Post | None) -> None:
        state = self._state
        can_write = state is not None and state.roster.can_write(state.me)
        if post is None:
            self.panel.show_post(None, can_write)
        else:
            self.panel.show_post(
                post,
                can_write,
                self._sending_comments.get(post.record_id, ()),
                self._sending_reactions.get(post.record_id, ()),
            )
        self.right_stack.setCurrentWidget(self.panel_area if post is not None else self.choose_hint)
        if post is not None and post.unread and state is not None:
            self.mark_read(state.info.id, post)

    def mark_read(self, circle_id: str, post: Post) -> None:
        """Shown as read at once; written to the vault in the background."""
        service = self._service
        self.work.run(lambda: service.mark_read(circle_id, [post]), lambda _r: None, self._ignore)
        self.posts_model.mark_read(post.record_id)
        self.circles_model.one_read(circle_id)

    def _ignore(self, exc: Exception) -> None:
        """A read mark that could not be written: the post shows as new again next time."""
        message_for(exc)  # logs a surprise

    # -- syncing ----------------------------------------------------------------------------
    def sync_all(self) -> None:
        """Sync every circle (the list is read in the background too)."""
        service = self._service

        def sync_each(circle_ids: list[str]) -> None:
            for circle_id in circle_ids:
                self.request_sync(circle_id)

        self.work.run(lambda: [info.id for info in service.circles()], sync_each, self._read_failed)

    def sync_saved(self, circle_id: str) -> None:
        """The sync after something was saved in the circle (a comment, a share, a change of
        members): if the file is busy, what was saved is said to be saved, not failed."""
        self.request_sync(circle_id, saved=True)

    def request_sync(self, circle_id: str, saved: bool = False) -> None:
        """Sync one circle in the background (once, however often it is asked meanwhile),
        then show the page as the sync left it. ``saved``: asked after a local change."""
        if saved:
            self._saved.add(circle_id)
        if circle_id in self._waiting:
            return
        self._waiting.add(circle_id)
        service = self._service
        wanted: list[str | None] = []
        after_change: list[bool] = []
        known: list[HelpBoard | None] = []  # the help calendar as the last sync left it

        def start() -> None:
            self._waiting.discard(circle_id)  # started: a change from now on needs another
            after_change.append(circle_id in self._saved)
            self._saved.discard(circle_id)
            wanted.append(self._wanted())
            known.append(self._boards.get(circle_id))
            self.progress.setText(self.tr("Syncing…"))
            self.progress.show()

        def job() -> tuple[Signature, SyncReport, PageView, HelpBoard, HelpView | None]:
            path = service.circle(circle_id).file_path
            signature = file_signature(path)
            before = known[0] or service.help_board(circle_id)
            report = service.sync(circle_id)
            # The calendar again only when the sync changed something (issue 17: a sync
            # that found nothing new costs nothing).
            after = None if report.nothing_new and known[0] else read_help(service, circle_id)
            return signature, report, read_view(service, wanted[0]), before, after

        def done(
            result: tuple[Signature, SyncReport, PageView, HelpBoard, HelpView | None],
        ) -> None:
            signature, report, view, before, after = result
            self.watcher.remember(circle_id, signature)
            self._synced(circle_id, report)
            if after is not None:
                self._help_synced(before, after)
            self.show_view(view)

        self.work.run(
            job,
            done,
            lambda exc: self._sync_failed(circle_id, exc, after_change[0]),
            on_start=start,
        )

    def _help_synced(self, before: HelpBoard, after: HelpView) -> None:
        """Remember the circle's help calendar as this sync left it (for the sidebar, the
        reminders and the Help tab), and tell what changed for this member."""
        board = after.board
        self._boards[board.circle_id] = board
        self._fresh_help[board.circle_id] = after
        news = help_news(before.requests, board.requests, board.me)
        if news:
            self.help_notices.emit(news)
        self.boards_changed.emit()

    def help_boards(self) -> list[HelpBoard]:
        """Every circle's help calendar as the last sync left it (for the sidebar, the
        reminders)."""
        return list(self._boards.values())

    def _synced(self, circle_id: str, report: SyncReport) -> None:
        """Keep what the sync said; a sync that found nothing new leaves what the last one
        said (a repair's or a warning's words), unless the last one failed."""
        words = self.report_words(report)
        if words or not report.nothing_new or circle_id in self._troubled:
            self._notes[circle_id] = words
        for troubles in (self._troubled, self._repairable, self._new_passphrase):
            troubles.discard(circle_id)

    def _sync_failed(self, circle_id: str, exc: Exception, after_change: bool) -> None:
        """Say why, calmly: with Repair for a file this computer can write afresh, with
        "type the new passphrase" for one the known passphrase no longer opens, and, for a
        file busy right after a local change, that the change is saved (not failed)."""
        if isinstance(exc, CircleNotFound):
            return  # left meanwhile
        code = exc.code if isinstance(exc, CareCompanionError) else ""
        self._troubled.add(circle_id)
        self._repairable.discard(circle_id)
        self._new_passphrase.discard(circle_id)
        if isinstance(exc, RepairableFile):
            self._repairable.add(circle_id)
        elif code == "circle.file.wrong_passphrase":
            self._new_passphrase.add(circle_id)
        if after_change and code == "circle.lock_timeout":
            self._notes[circle_id] = (
                self.tr("Someone else in the circle is writing the circle file right now.")
                + " "
                + error_words.say(SAVED_FOR_LATER())
            )
        else:
            self._notes[circle_id] = message_for(exc)
        self.refresh()

    def report_words(self, report: SyncReport) -> str:
        """What a sync found that the person should know, in plain words; '' if all is well."""
        lines = [error_words.say(warning) for warning in report.warnings]
        if report.dropped:  # said once: what was left out is not kept, nor written again
            lines.append(error_words.say(DROPPED(count=report.dropped.total)))
        if report.rejected:
            count = len(report.rejected)
            lines.append(
                self.tr(
                    "{count} item(s) in the circle file could not be checked and were left out. "
                    "They may have been changed by someone outside the circle."
                ).format(count=count)
            )
        if report.merged_copies:
            lines.append(
                self.tr(
                    "Your sync service had made {count} conflicting copies of the circle file; "
                    "they were merged and tidied away."
                ).format(count=len(report.merged_copies))
            )
        if report.kept_copies:
            lines.append(
                self.tr(
                    "Merged what was new in {count} copies of the circle file that someone made "
                    "beside it (such as {name}); the copies were kept."
                ).format(count=len(report.kept_copies), name=report.kept_copies[0].name)
            )
        return "\n".join(lines)

    # -- keeping a circle working -----------------------------------------------------------
    def repair_circle(self) -> None:
        """Write a fresh circle file from what this computer has checked, after asking once."""
        info = self.circles_model.circle_at(self.circle_list.currentIndex())
        if info is None:
            return
        if (
            QMessageBox.question(
                self,
                self.tr("Repair the circle file of “{name}”?").format(name=info.name),
                self.tr(
                    "This computer writes a fresh circle file from what it has already checked, "
                    "in place of the one that cannot be read. Nothing you wrote is lost. What the "
                    "others wrote since this computer last synced is not lost either: it comes "
                    "back when they sync."
                ),
            )
            != QMessageBox.StandardButton.Yes
        ):
            return
        circle_id, service = info.id, self._service
        wanted: list[str | None] = []

        def job() -> tuple[RepairReport, PageView]:
            return service.repair(circle_id), read_view(service, wanted[0])

        def done(result: tuple[RepairReport, PageView]) -> None:
            report, view = result
            self.repair_button.setEnabled(True)
            self._troubled.discard(circle_id)
            self._repairable.discard(circle_id)
            self._new_passphrase.discard(circle_id)
            self._notes[circle_id] = self.repair_words(report)
            self.show_view(view)

        def failed(exc: Exception) -> None:
            self.repair_button.setEnabled(True)
            self._notes[circle_id] = message_for(exc)
            self.refresh()

        self.repair_button.setEnabled(False)
        self._show_progress_note(self.tr("Repairing…"))
        self.work.run(job, done, failed, on_start=lambda: wanted.append(self._wanted()))

    def repair_words(self, report: RepairReport) -> str:
        """What a repair did: a fresh file written (and what it left out), or a sync."""
        if report.synced is not None:
            words = self.report_words(report.synced)
            return error_words.say(NOTHING_TO_REPAIR()) + ("\n" + words if words else "")
        lines = [error_words.say(REPAIRED())]
        if report.left_out:
            lines.append(
                self.tr("Left out {count} things that nobody in the circle may write.").format(
                    count=report.left_out
                )
            )
        return "\n".join(lines)

    def enter_new_passphrase(self) -> None:
        """The organiser changed the passphrase: type the new one they gave you."""
        from carecompanion.ui.circle.passphrase_dialog import CirclePassphraseDialog

        circle_id = self.current_circle_id()
        if circle_id is None:
            return
        dialog = CirclePassphraseDialog(self._service, self.work, circle_id, True, self)
        if dialog.exec() != CirclePassphraseDialog.DialogCode.Accepted:
            return
        self._troubled.discard(circle_id)
        self._new_passphrase.discard(circle_id)
        lines = [self.tr("This computer opens the circle with the new passphrase from now on.")]
        if dialog.report is not None:
            lines.append(self.report_words(dialog.report))
        self._notes[circle_id] = "\n".join(line for line in lines if line)
        self.refresh()

    def acknowledge_names(self) -> None:
        """The person has seen the changed names: show them plainly from now on."""
        state = self._state
        if state is None:
            return
        circle_id, service = state.info.id, self._service
        wanted: list[str | None] = []

        def job() -> PageView:
            service.acknowledge_names(circle_id)
            return read_view(service, wanted[0])

        self.names_seen_button.setEnabled(False)
        self.work.run(
            job, self.show_view, self._read_failed, on_start=lambda: wanted.append(self._wanted())
        )

    def _files_changed(self, circle_ids: list[Any]) -> None:
        for circle_id in circle_ids:
            self.request_sync(str(circle_id))

    def _busy_changed(self, busy: bool) -> None:
        if not busy:
            self.progress.hide()
            self.progress.setText(self.tr("Syncing…"))

    # -- actions on posts -------------------------------------------------------------------
    def _failed(self, title: str) -> Callable[[Exception], None]:
        def show(exc: Exception) -> None:
            QMessageBox.warning(self, title, message_for(exc))

        return show

    def _act(
        self,
        circle_id: str,
        action: Callable[[], object],
        title: str,
        settled: Callable[[bool], None],
    ) -> None:
        """Run a change to a circle in the background, then show the page as it left it and
        sync. ``settled(ok)`` (on the GUI thread) ends the "sending…" state either way."""
        service = self._service
        wanted: list[str | None] = []

        def job() -> PageView:
            action()
            return read_view(service, wanted[0])

        def done(view: PageView) -> None:
            settled(True)
            self.show_view(view)
            self.sync_saved(circle_id)

        def failed(exc: Exception) -> None:
            settled(False)
            self._show_post(self.current_post())
            QMessageBox.warning(self, title, message_for(exc))

        self.work.run(job, done, failed, on_start=lambda: wanted.append(self._wanted()))

    def add_comment(self, text: str) -> None:
        """The comment shows at once as "sending…"; it is signed and stored in the background."""
        post, circle_id, state = self.current_post(), self.current_circle_id(), self._state
        if post is None or circle_id is None or state is None:
            return
        rid, service = post.record_id, self._service
        self._sent_count += 1
        sending = sending_comment(text, state.me, self._sent_count)
        self._sending_comments.setdefault(rid, []).append(sending)
        self.panel.comment_sent()
        self._show_post(post)

        def settled(ok: bool) -> None:
            waiting = self._sending_comments.get(rid, [])
            if sending in waiting:
                waiting.remove(sending)
            if not waiting:
                self._sending_comments.pop(rid, None)
            if not ok:  # not lost: back in the box of the post it was written to
                self.panel.comment_not_sent(rid, text)

        self._act(
            circle_id,
            lambda: service.comment(circle_id, rid, text),
            self.tr("Comment not added"),
            settled,
        )

    def react(self, reaction: str) -> None:
        """The button shows "sending…" at once; the reaction is stored in the background."""
        post, circle_id = self.current_post(), self.current_circle_id()
        if post is None or circle_id is None:
            return
        rid, service = post.record_id, self._service
        self._sending_reactions.setdefault(rid, set()).add(reaction)
        self._show_post(post)

        def settled(_ok: bool) -> None:
            waiting = self._sending_reactions.get(rid, set())
            waiting.discard(reaction)
            if not waiting:
                self._sending_reactions.pop(rid, None)

        self._act(
            circle_id,
            lambda: service.react(circle_id, rid, reaction),
            self.tr("Reaction not sent"),
            settled,
        )

    def withdraw_post(self) -> None:
        post, circle_id = self.current_post(), self.current_circle_id()
        if post is None or circle_id is None or not post.mine:
            return
        if (
            QMessageBox.question(
                self,
                self.tr("Withdraw “{title}”?").format(title=post.title),
                self.tr(
                    "It disappears from the circle at everyone's next sync. "
                    "Anyone who has already read it may remember it, or "
                    "keep a copy."
                ),
            )
            != QMessageBox.StandardButton.Yes
        ):
            return
        rid, service = post.record_id, self._service
        self.panel.withdraw_button.setEnabled(False)
        self._show_progress_note(self.tr("Withdrawing…"))
        self._act(
            circle_id,
            lambda: service.withdraw(circle_id, rid),
            self.tr("Not withdrawn"),
            lambda _ok: self.panel.withdraw_button.setEnabled(True),
        )

    # -- circles ----------------------------------------------------------------------------
    def _select_circle(self, circle_id: str) -> None:
        self.refresh(circle_id)

    def start_circle(self) -> None:
        from carecompanion.ui.circle.dialogs import StartCircleDialog

        dialog = StartCircleDialog(self)
        if dialog.exec() != StartCircleDialog.DialogCode.Accepted:
            return
        name, path = dialog.name.text().strip(), dialog.chosen_path()
        passphrase = dialog.chosen_passphrase()
        assert path is not None
        self._show_progress_note(self.tr("Starting “{name}”…").format(name=name))

        def done(info: CircleInfo) -> None:
            self._notes[info.id] = self.tr(
                "Circle started. Add people from their member cards under Members."
            )
            self._select_circle(info.id)

        service = self._service
        self.work.run(
            lambda: service.create(name, path, passphrase),
            done,
            self._failed(self.tr("The circle was not started")),
        )

    def join_circle(self, path: Path | None = None) -> None:
        from carecompanion.ui.circle.dialogs import JoinCircleDialog

        dialog = JoinCircleDialog(path, self)
        if dialog.exec() != JoinCircleDialog.DialogCode.Accepted:
            return
        chosen, passphrase = dialog.chosen_path(), dialog.chosen_passphrase()
        assert chosen is not None
        self._show_progress_note(self.tr("Joining…"))

        def done(info: CircleInfo) -> None:
            self._notes[info.id] = self.tr("Welcome to “{name}”.").format(name=info.name)
            self._select_circle(info.id)

        def failed(exc: Exception) -> None:
            self.refresh()
            QMessageBox.warning(self, self.tr("You could not join yet"), message_for(exc))

        service = self._service
        self.work.run(lambda: service.join(chosen, passphrase), done, failed)

    def _show_progress_note(self, text: str) -> None:
        self.progress.setText(text)
        self.progress.show()

    def open_circle_file(self, path: Path) -> None:
        """A circle file opened from the file manager: show it if it is ours, else join it."""
        service = self._service

        def find() -> str | None:
            try:
                return service.find_by_file(path).id
            except CircleNotFound:
                return None

        def found(circle_id: str | None) -> None:
            if circle_id is None:
                self.join_circle(path)
            else:
                self._select_circle(circle_id)
                self.request_sync(circle_id)

        self.work.run(find, found, self._failed(self.tr("You could not join yet")))

    def forget_circle(self) -> None:
        info = self.circles_model.circle_at(self.circle_list.currentIndex())
        if info is None:
            return
        circle_id, name = info.id, info.name
        if (
            QMessageBox.question(
                self,
                self.tr("Leave “{name}” on this computer?").format(name=name),
                self.tr(
                    "Its posts disappear from this journal. The circle file and everyone else's "
                    "copies are not touched, and you can join again later while you are still a "
                    "member."
                ),
            )
            != QMessageBox.StandardButton.Yes
        ):
            return
        service = self._service

        def leave() -> PageView:
            service.forget(circle_id)
            return read_view(service, None)

        self.work.run(leave, self.show_view, self._failed(self.tr("Circle not left")))

    def open_members(self) -> None:
        from carecompanion.ui.circle.members_dialog import MembersDialog

        circle_id = self.current_circle_id()
        if circle_id is None:
            return
        MembersDialog(self._service, self.work, circle_id, self.sync_saved, self).exec()
        self.refresh()

    def open_member_card(self) -> None:
        from carecompanion.ui.circle.dialogs import MemberCardDialog

        MemberCardDialog(self._service, self.work, self._session.clock, self.sync_all, self).exec()

    def open_share_dialog(self, entry_id: int) -> None:
        from carecompanion.ui.circle.share_dialog import ShareDialog

        if not self.circles_model.rowCount() and not self._service.circles():
            QMessageBox.information(
                self,
                self.tr("No circle yet"),
                self.tr(
                    "You are not in a circle yet. Start or join one on the Circles page, then "
                    "share this entry."
                ),
            )
            return
        ShareDialog(self._service, self.work, entry_id, self.sync_saved, self).exec()
        self.refresh()

    def open_mood_share(self) -> None:
        from carecompanion.ui.circle.mood_share_dialog import MoodShareDialog

        MoodShareDialog(self._service, self._session.mood, self.work, self.sync_saved, self).exec()
        self.refresh()

    def clear(self) -> None:
        """Stop watching and syncing, and drop every decrypted post: the vault is locking."""
        self.work.close()
        self.watcher.stop()
        self._state = None
        self._notes.clear()
        for troubles in (self._troubled, self._repairable, self._new_passphrase, self._saved):
            troubles.clear()
        self._sending_comments.clear()
        self._sending_reactions.clear()
        self.panel.clear()
        self.help_tab.clear()
        self._boards.clear()
        self._fresh_help.clear()
        self.posts_model.clear()
        self.circles_model.clear()
        self.circle_title.clear()
        self.circle_detail.clear()
        self.names_note.clear()
        self.names_box.hide()
        self.status.clear()
