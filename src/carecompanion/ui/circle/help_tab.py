"""The Circle page's Help tab: the circle's help calendar (issue 18). The requests on the
left, in sections (open, covered, what I said I would do; past ones on request); the chosen
request on the right with its offers and what this member can do about it: offer ("I can do
it"), withdraw an offer, and for the person who asked, confirm offers, change or cancel it.

A thin view over ``circle.helping`` (the service) and ``circle.help`` (the state): whether
a button shows follows the core's state and the roster's role, and the core refuses what it
must. Reading the board and every change go through the page's one CircleWork queue, so they
never cross a sync; after a change the page syncs the circle (``changed``).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QListView,
    QMenu,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from carecompanion.atomic import atomic_write_bytes
from carecompanion.circle.help import HelpOffer, HelpRequest
from carecompanion.circle.help_ics import calendar_bytes, exported
from carecompanion.circle.helping import Ask, HelpBoard
from carecompanion.circle.service import CircleService
from carecompanion.progress import Cancelled
from carecompanion.session import VaultSession
from carecompanion.ui.circle.help_delegate import HelpDelegate
from carecompanion.ui.circle.help_dialogs import AskDialog, NoteDialog
from carecompanion.ui.circle.help_model import (
    HelpListModel,
    HelpView,
    OfferListModel,
    asked_words,
    past_count,
    slot_when,
    state_words,
)
from carecompanion.ui.circle.work import CircleWork, message_for
from carecompanion.ui.common.file_flows import write_file
from carecompanion.ui.common.flow import FlowLayout
from carecompanion.ui.common.page_layout import PANE_GAP
from carecompanion.ui.common.progress import ProgressFn
from carecompanion.ui.common.screen_fit import scrolling
from carecompanion.ui.common.widgets import EmptyState, button, label


def read_help(service: CircleService, circle_id: str) -> HelpView:
    """On a worker: the circle's help calendar and what this member may do in it."""
    board = service.help_board(circle_id)
    roster = service.roster(circle_id)
    return HelpView(board, roster.can_write(board.me), roster.can_offer(board.me))


def _alive(widget: QWidget, then: Callable[[], None]) -> Callable[[], None]:
    """``then``, unless ``widget`` (a dialog closed meanwhile) is gone."""
    return lambda: then() if shiboken6.isValid(widget) else None


class HelpPanel(QWidget):
    """The chosen request in full, its offers, and the buttons for what this member can do."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = label("", "sectionTitle")
        self.when = label("")
        self.when.setAccessibleName(self.tr("When"))
        self.asked = label("", "hint")
        self.note = label("")
        self.note.setAccessibleName(self.tr("Note"))
        self.standing = label("", "notice")
        self.standing.setAccessibleName(self.tr("Where this request stands"))
        self.offers_model = OfferListModel()
        self.offers = QListView()
        self.offers.setObjectName("entries")
        self.offers.setModel(self.offers_model)
        self.offers.setAccessibleName(self.tr("Offers"))
        self.offers.setWordWrap(True)
        self.offers.setSpacing(3)
        self.offers.setMinimumHeight(90)
        self.no_offers = label(self.tr("No offers yet."), "hint")
        self._build_buttons()
        self.role_hint = label("", "hint")
        self.role_hint.hide()
        self._lay_out()

    def _build_buttons(self) -> None:
        self.offer_button = button(self.tr("I can do it…"), self.tr("Offer to help with this"))
        self.withdraw_button = button(
            self.tr("Withdraw my offer…"), self.tr("Withdraw my offer to help")
        )
        self.confirm_button = button(
            self.tr("Confirm this offer"), self.tr("Confirm the chosen offer")
        )
        self.edit_button = button(self.tr("Change…"), self.tr("Change this request"))
        self.cancel_button = button(
            self.tr("Cancel this request…"), self.tr("Cancel this request for help")
        )

    def _lay_out(self) -> None:
        actions = QWidget()
        flow = FlowLayout(actions)
        for widget in (
            self.offer_button,
            self.withdraw_button,
            self.confirm_button,
            self.edit_button,
            self.cancel_button,
        ):
            flow.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        for line in (self.title, self.when, self.asked, self.note, self.standing):
            layout.addWidget(line)
        layout.addWidget(actions)
        layout.addWidget(self.role_hint)
        layout.addWidget(label(self.tr("Offers"), "sectionTitle", wrap=False))
        layout.addWidget(self.no_offers)
        layout.addWidget(self.offers, 1)

    def chosen_offer(self) -> HelpOffer | None:
        return self.offers_model.value_at(self.offers.currentIndex())

    def show_request(self, view: HelpView | None, request: HelpRequest | None) -> None:
        """Show ``request`` (None: nothing chosen) and what this member may do about it."""
        board = view.board if view is not None else None
        self.offers_model.show_offers(board, request)
        if board is None or request is None or view is None:
            for widget in (self.title, self.when, self.asked, self.note, self.standing):
                widget.clear()
            self._show_actions(None, None)
            return
        self.title.setText(request.what)
        self.when.setText(slot_when(request))
        self.asked.setText(asked_words(board, request))
        self.note.setText(f"“{request.note}”" if request.note else "")
        self.note.setVisible(bool(request.note))
        standing = state_words(board, request)
        if request.state == "cancelled" and request.cancel_reason:
            standing += "\n" + self.tr("Why: {reason}").format(reason=request.cancel_reason)
        self.standing.setText(standing)
        self.no_offers.setVisible(not request.offers)
        self._show_actions(view, request)

    def _show_actions(self, view: HelpView | None, request: HelpRequest | None) -> None:
        """Each button shows when it can do something for this member, as the core says."""
        board = view.board if view is not None else None
        me = board.me if board is not None else ""
        state = request.state if request is not None else ""
        live = state in ("open", "covered")
        mine = request is not None and request.by == me
        standing = self.my_offer(board, request)
        can_offer = view is not None and view.can_offer
        self.offer_button.setVisible(
            live and not mine and can_offer and standing is None and state == "open"
        )
        self.withdraw_button.setVisible(live and standing is not None)
        self.edit_button.setVisible(live and mine)
        self.cancel_button.setVisible(live and mine)
        self.confirm_button.setVisible(mine and state == "open")
        self.update_confirm()
        reader = view is not None and request is not None and not can_offer and not mine
        self.role_hint.setText(
            self.tr(
                "You can read this circle's requests. The organiser can make you a helper, "
                "so that you can offer to help."
            )
            if reader
            else ""
        )
        self.role_hint.setVisible(reader)

    def update_confirm(self) -> None:
        offer = self.chosen_offer()
        self.confirm_button.setEnabled(offer is not None and offer.state == "offered")

    @staticmethod
    def my_offer(board: HelpBoard | None, request: HelpRequest | None) -> HelpOffer | None:
        """This member's offer that still stands on ``request``, if any."""
        if board is None or request is None:
            return None
        return next(
            (o for o in request.offers if o.by == board.me and o.state in ("offered", "confirmed")),
            None,
        )


class HelpTab(QWidget):
    #: A change was saved in this circle (its id): the page syncs it.
    changed = Signal(str)

    def __init__(
        self, session: VaultSession, work: CircleWork, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._session = session
        self._service = session.circles
        self._work = work
        self._circle_id: str | None = None
        self.view: HelpView | None = None
        self._stale = False  # the circle changed while the tab was hidden: read on show
        self._reading = False
        self._wanted: str | None = None  # the request to choose once shown (a new one)
        top = self._build_top()
        self.model = HelpListModel()
        self.list = QListView()
        self.list.setObjectName("entries")
        self.list.setAccessibleName(self.tr("Requests for help"))
        self.list.setItemDelegate(HelpDelegate(self.list))
        self.list.setModel(self.model)
        self.list.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.selectionModel().currentChanged.connect(lambda *_a: self._show_chosen())
        self.panel = HelpPanel()
        self._connect_panel()
        self.stack = QStackedWidget()
        self.stack.addWidget(self._build_panes())
        self.stack.addWidget(self._build_empty())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(top)
        layout.addWidget(self.status)
        layout.addWidget(self.stack, 1)
        self.show_view(None)

    # -- building ---------------------------------------------------------------------------
    def _build_top(self) -> QWidget:
        """Ask for help, show past requests, export to a calendar."""
        self.ask_button = button(
            self.tr("Ask for help…"), self.tr("Ask the circle for help"), primary=True
        )
        self.ask_button.clicked.connect(self.ask_for_help)
        self.past_box = QCheckBox(self.tr("Show past"))
        self.past_box.setAccessibleName(self.tr("Show past and cancelled requests"))
        self.past_box.toggled.connect(lambda _on: self._show_board())
        self.export_button = QToolButton()
        self.export_button.setText(self.tr("Export to calendar"))
        self.export_button.setAccessibleName(self.tr("Export help to a calendar file"))
        self.export_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.export_button.setMinimumHeight(44)
        menu = QMenu(self)
        menu.addAction(self.tr("What I said I would do…"), lambda: self.export(True))
        menu.addAction(self.tr("All confirmed help in this circle…"), lambda: self.export(False))
        self.export_button.setMenu(menu)
        self.status = label("", "hint")
        self.status.setAccessibleName(self.tr("Help status"))
        self.status.hide()
        top = QWidget()
        row = FlowLayout(top)  # wraps in a narrow window: nothing cut
        for widget in (self.ask_button, self.export_button, self.past_box):
            row.addWidget(widget)
        return top

    def _build_panes(self) -> QSplitter:
        splitter = QSplitter()
        splitter.setHandleWidth(PANE_GAP)
        splitter.addWidget(self.list)
        splitter.addWidget(scrolling(self.panel))
        self.list.setMinimumWidth(200)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        return splitter

    def _build_empty(self) -> QWidget:
        self.empty = EmptyState(
            "circles",
            self.tr("Nobody has asked for help yet"),
            self.tr(
                "When someone in the circle needs a hand (a lift to the clinic, a meal, an "
                "afternoon with Mum), they ask here, and the others say “I can do it”."
            ),
        )
        return scrolling(self.empty)

    def _connect_panel(self) -> None:
        panel = self.panel
        panel.offer_button.clicked.connect(self.offer)
        panel.withdraw_button.clicked.connect(self.withdraw_offer)
        panel.confirm_button.clicked.connect(self.confirm_offer)
        panel.edit_button.clicked.connect(self.edit_request)
        panel.cancel_button.clicked.connect(self.cancel_request)
        panel.offers.selectionModel().currentChanged.connect(lambda *_a: panel.update_confirm())

    # -- showing ----------------------------------------------------------------------------
    def set_circle(self, circle_id: str | None, fresh: HelpView | None = None) -> None:
        """The page shows ``circle_id`` (or none): show ``fresh`` (its calendar as a sync
        just read it), or read it, now if the tab is in sight, else when it comes into sight.
        The same circle again reads it again (a sync may have brought news)."""
        if circle_id != self._circle_id:
            self._circle_id = circle_id
            self.show_view(None)
        if circle_id is None:
            return
        if fresh is not None and fresh.board.circle_id == circle_id:
            self._stale = False
            self.show_view(fresh)
        elif self.isVisible():
            self.load()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.load()

    def load(self) -> None:
        """Read the calendar in the background (once, however often asked meanwhile)."""
        self._stale = False
        circle_id = self._circle_id
        if circle_id is None or self._reading:
            return
        self._reading = True
        service = self._service

        def done(view: HelpView) -> None:
            self._reading = False
            self.show_view(view)

        def failed(exc: Exception) -> None:
            self._reading = False
            self._say(message_for(exc))

        self._work.run(lambda: read_help(service, circle_id), done, failed)

    def show_view(self, view: HelpView | None) -> None:
        """Show a calendar read in the background (if it is still this circle's)."""
        if view is not None and view.board.circle_id != self._circle_id:
            return
        self.view = view
        self.ask_button.setVisible(view is not None and view.can_ask)
        self.export_button.setVisible(view is not None)
        self._show_board()

    def _show_board(self) -> None:
        view = self.view
        chosen = self._wanted or self._chosen_id()
        self._wanted = None
        board = view.board if view is not None else None
        past = past_count(board) if board is not None else 0
        self.past_box.setText(
            self.tr("Show past ({count})").format(count=past) if past else self.tr("Show past")
        )
        self.model.show_board(board, self.past_box.isChecked())
        self.stack.setCurrentIndex(0 if self.model.rowCount() else 1)
        row = self.model.row_of(chosen) if chosen is not None else -1
        if row < 0 and self.model.rowCount():
            row = 0
        if row >= 0:
            self.list.selectionModel().setCurrentIndex(
                self.model.index(row, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
            )
        self._show_chosen()

    def _chosen_id(self) -> str | None:
        request = self.panel_request()
        return request.id if request is not None else None

    def panel_request(self) -> HelpRequest | None:
        """The request chosen in the list."""
        return self.model.request_at(self.list.currentIndex())

    def _show_chosen(self) -> None:
        self.panel.show_request(self.view, self.panel_request())

    def choose(self, request_id: str) -> None:
        """Choose a request in the list (a test, the sidebar)."""
        row = self.model.row_of(request_id)
        if row >= 0:
            self.list.setCurrentIndex(self.model.index(row, 0))

    def _say(self, text: str) -> None:
        self.status.setText(text)
        self.status.setVisible(bool(text))

    def clear(self) -> None:
        """The vault is locking: forget every request."""
        self._circle_id = None
        self._wanted = None
        self.show_view(None)
        self._say("")

    # -- changing ---------------------------------------------------------------------------
    def _change(
        self,
        action: Callable[[], Any],
        title: str,
        on_done: Callable[[Any], None] | None = None,
        on_failed: Callable[[Exception], None] | None = None,
    ) -> None:
        """Save a change in the background, show the calendar as it left it, then sync."""
        circle_id, service = self._circle_id, self._service
        if circle_id is None:
            return

        def job() -> tuple[Any, HelpView]:
            return action(), read_help(service, circle_id)

        def done(result: tuple[Any, HelpView]) -> None:
            value, view = result
            if on_done is not None:
                on_done(value)
            self.show_view(view)
            self.changed.emit(circle_id)

        def failed(exc: Exception) -> None:
            if on_failed is not None:
                on_failed(exc)
            else:
                QMessageBox.warning(self, title, message_for(exc))

        self._work.run(job, done, failed)

    def _today(self) -> date:
        return self._session.clock.now().astimezone().date()

    def ask_for_help(self) -> None:
        circle_id, service = self._circle_id, self._service
        if circle_id is None:
            return
        dialog: AskDialog

        def save(ask: Ask, done: Callable[[], None], failed: Callable[[Exception], None]) -> None:
            def chosen(ids: list[str]) -> None:
                self._wanted = ids[0] if ids else None
                _alive(dialog, done)()

            self._change(
                lambda: service.ask_for_help(circle_id, ask),
                self.tr("Not asked"),
                chosen,
                lambda exc: failed(exc) if shiboken6.isValid(dialog) else None,
            )

        dialog = AskDialog(save, self._today(), parent=self)
        dialog.exec()
        dialog.deleteLater()

    def edit_request(self) -> None:
        circle_id, service, request = self._circle_id, self._service, self.panel_request()
        if circle_id is None or request is None:
            return
        dialog: AskDialog

        def save(ask: Ask, done: Callable[[], None], failed: Callable[[Exception], None]) -> None:
            self._change(
                lambda: service.edit_request(circle_id, request.id, ask),
                self.tr("Not changed"),
                lambda _none: _alive(dialog, done)(),
                lambda exc: failed(exc) if shiboken6.isValid(dialog) else None,
            )

        dialog = AskDialog(save, self._today(), request, parent=self)
        dialog.exec()
        dialog.deleteLater()

    def _ask_words(self, dialog: NoteDialog) -> str | None:
        """The words typed in ``dialog``, or None when the person said no."""
        accepted = dialog.exec() == NoteDialog.DialogCode.Accepted
        words = dialog.words()
        dialog.deleteLater()
        return words if accepted else None

    def offer(self) -> None:
        circle_id, service, request = self._circle_id, self._service, self.panel_request()
        if circle_id is None or request is None or self.view is None:
            return
        asker = self.view.board.name(request.by)
        note = self._ask_words(
            NoteDialog(
                self.tr("Offer to help"),
                self.tr(
                    "Offer to help with “{what}”, {when}? {name} will see your offer and "
                    "can confirm it."
                ).format(what=request.what, when=slot_when(request), name=asker),
                self.tr("A note for {name} (optional)").format(name=asker),
                self.tr("I can do it"),
                self,
            )
        )
        if note is not None:
            rid = request.id
            self._change(lambda: service.offer_help(circle_id, rid, note), self.tr("Not offered"))

    def withdraw_offer(self) -> None:
        circle_id, service, request = self._circle_id, self._service, self.panel_request()
        board = self.view.board if self.view is not None else None
        offer = self.panel.my_offer(board, request)
        if circle_id is None or request is None or offer is None or board is None:
            return
        question = (
            self.tr(
                "{name} is counting on you for “{what}”. If you withdraw, the request "
                "opens again for others."
            )
            if offer.state == "confirmed"
            else self.tr("Withdraw your offer to help with “{what}”?")
        ).format(name=board.name(request.by), what=request.what)
        reason = self._ask_words(
            NoteDialog(
                self.tr("Withdraw my offer"),
                question,
                self.tr("Why (optional)"),
                self.tr("Withdraw my offer"),
                self,
                self.tr("Keep my offer"),
            )
        )
        if reason is not None:
            oid = offer.id
            self._change(
                lambda: service.withdraw_offer(circle_id, oid, reason), self.tr("Not withdrawn")
            )

    def confirm_offer(self) -> None:
        circle_id, service = self._circle_id, self._service
        offer = self.panel.chosen_offer()
        if circle_id is None or offer is None:
            return
        oid = offer.id
        self._change(lambda: service.confirm_offer(circle_id, oid), self.tr("Not confirmed"))

    def cancel_request(self) -> None:
        circle_id, service, request = self._circle_id, self._service, self.panel_request()
        if circle_id is None or request is None:
            return
        reason = self._ask_words(
            NoteDialog(
                self.tr("Cancel this request"),
                self.tr(
                    "Cancel “{what}”, {when}? Whoever offered sees it at their next sync."
                ).format(what=request.what, when=slot_when(request)),
                self.tr("Why (optional)"),
                self.tr("Cancel the request"),
                self,
                self.tr("Keep it"),
            )
        )
        if reason is not None:
            rid = request.id
            self._change(
                lambda: service.cancel_request(circle_id, rid, reason), self.tr("Not cancelled")
            )

    # -- a calendar file --------------------------------------------------------------------
    def export(self, mine: bool) -> None:
        """What I promised, or every confirmed slot, as an .ics file, written on a worker."""
        if self.view is None:
            return
        board = self.view.board
        me = board.me if mine else None
        count = len(exported(board.requests, me))
        if not count:
            self._say(
                self.tr("You have not promised any help yet: nothing to export.")
                if mine
                else self.tr("Nobody is confirmed for any request yet: nothing to export.")
            )
            return
        chosen, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export to calendar"),
            str(Path.home() / ("my-help.ics" if mine else "circle-help.ics")),
            self.tr("Calendar files (*.ics)"),
        )
        if not chosen:
            return
        path = Path(chosen) if chosen.lower().endswith(".ics") else Path(chosen + ".ics")

        def work(progress: ProgressFn) -> Path:
            data = calendar_bytes(board.requests, board.name, board.now, me=me)
            if not progress(1, 2):  # before anything is written: the write itself is atomic
                raise Cancelled("cancelled")
            atomic_write_bytes(path, data)
            return path

        def finished(written: Path | None) -> None:
            if written is not None:
                self._say(
                    (
                        self.tr("Saved 1 event to {file}.")
                        if count == 1
                        else self.tr("Saved {count} events to {file}.")
                    ).format(count=count, file=written.name)
                )

        write_file(
            self._session,
            self,
            finished,
            work,
            self.tr("Exporting"),
            self.tr("Writing the calendar file…"),
            self.tr("Cannot export"),
        )
