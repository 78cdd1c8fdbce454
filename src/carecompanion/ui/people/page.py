"""The People page: who helps, who is due a call, which groups meet when."""

from __future__ import annotations

import html
from datetime import date, time, timedelta
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QModelIndex, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QImage, QPixmap
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QMenu,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from carecompanion.people.errors import PeopleError
from carecompanion.people.records import Contact
from carecompanion.people.vcard_extra import birthday, organization
from carecompanion.session import VaultSession
from carecompanion.ui.common import error_words, theme
from carecompanion.ui.common.core_words import kind_word, relation_label
from carecompanion.ui.common.i18n import format_when
from carecompanion.ui.common.page_layout import (
    PAGE_MARGINS,
    PANE_GAP,
    PageHeader,
    wrap_rows,
    wrapping_row,
)
from carecompanion.ui.common.widgets import EmptyState, button, label, name_inner_buttons
from carecompanion.ui.people import people_files
from carecompanion.ui.people.contact_dialog import ContactDialog, LogDialog
from carecompanion.ui.people.group_dialog import GroupDialog, MoveMeetingDialog
from carecompanion.ui.people.models import (
    ID_ROLE,
    ContactListModel,
    GroupListModel,
    MeetingListModel,
)

UPCOMING_DAYS = 35
translate = QCoreApplication.translate  # lupdate reads translate("Context", "...")


def contact_html(contact: Contact) -> str:
    muted = theme.current().colors["muted"]  # not "gray": 3.9:1, below AA
    rows = [
        f"<h2>{html.escape(contact.name)}</h2>",
        f"<p style='color:{muted}'>{html.escape(relation_label(contact.relation))}"
        f"{' · ' + html.escape(contact.role) if contact.role else ''}</p>",
    ]
    for phone in contact.phones:
        number = "".join(ch for ch in phone.number if ch.isdigit() or ch == "+")
        rows.append(
            f"<p>{html.escape(kind_word(phone.kind))}: <a href='tel:{number}'>"
            f"{html.escape(phone.number)}</a></p>"
        )
    for email in contact.emails:
        address = html.escape(email.address)
        rows.append(
            f"<p>{html.escape(kind_word(email.kind))}: <a href='mailto:{address}'>{address}</a></p>"
        )
    for title, value in (
        (translate("PeoplePage", "Organisation"), organization(contact.vcard_extra)),
        (translate("PeoplePage", "Birthday"), birthday_words(birthday(contact.vcard_extra))),
        (translate("PeoplePage", "How they help"), ", ".join(contact.helps)),
        (translate("PeoplePage", "Best times"), contact.best_times),
        (translate("PeoplePage", "Address"), contact.address),
        (translate("PeoplePage", "Notes"), contact.notes),
    ):
        if value:
            rows.append(f"<p><b>{html.escape(title)}:</b> {html.escape(value)}</p>")
    if contact.check_in_days:
        rows.append(f"<p>{html.escape(stay_in_touch_words(contact))}</p>")
    return "".join(rows)


def birthday_words(day: tuple[int | None, int, int] | None) -> str:
    """ "15 April" (an address book may know no year) or "15 April 1980"; "" for none."""
    if day is None:
        return ""
    year, month, number = day
    name = QLocale().monthName(month, QLocale.FormatType.LongFormat)
    if year is None:
        return translate("PeoplePage", "{day} {month}").format(day=number, month=name)
    return translate("PeoplePage", "{day} {month} {year}").format(day=number, month=name, year=year)


def stay_in_touch_words(contact: Contact) -> str:
    """ "Stay in touch every 14 days. Last contact Thu 5 Mar 2026; next Thu 19 Mar 2026."."""
    days = contact.check_in_days or 0
    every = (
        translate("PeoplePage", "Stay in touch every day.")
        if days == 1
        else translate("PeoplePage", "Stay in touch every {days} days.").format(days=days)
    )
    last = (
        format_when(contact.last_contact_at, "day")
        if contact.last_contact_at
        else translate("PeoplePage", "not yet")
    )
    upcoming = (
        format_when(contact.next_check_in, "day")
        if contact.next_check_in
        else translate("PeoplePage", "now")
    )
    return translate("PeoplePage", "{every} Last contact: {last}; next: {next}.").format(
        every=every, last=last, next=upcoming
    )


class PeoplePage(QWidget):
    # The page was refreshed after a change (a group added, edited, moved, removed): the
    # sidebar's "Next meeting", shown on every page, reads it again.
    meetings_changed = Signal()

    def __init__(self, session: VaultSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._files_busy = False
        header = self._build_header()
        self.due_hint = label("", "notice")
        self.due_hint.hide()
        people_tab = self._build_people_tab(self._build_people_list(), self._build_person())
        meetings_tab = self._build_meetings_tab()
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("People or meetings"))
        self.tabs.addTab(people_tab, self.tr("People"))
        self.tabs.addTab(meetings_tab, self.tr("Groups and meetings"))
        self.empty = self._build_empty()
        self.body = QStackedWidget()
        self.body.addWidget(self.empty)
        self.body.addWidget(self.tabs)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(PAGE_MARGINS)
        layout.setSpacing(14)
        layout.addWidget(header)
        layout.addWidget(self.body, 1)
        self.refresh()

    # -- building -----------------------------------------------------------------------------
    def _build_header(self) -> PageHeader:
        self.add_button = button(self.tr("Add a person"), self.tr("Add a person"), primary=True)
        self.add_button.clicked.connect(self.add_contact)
        self.files_button = QToolButton()
        self.files_button.setText(self.tr("Import and export"))
        self.files_button.setAccessibleName(self.tr("Import and export"))
        self.files_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.files_button.setMinimumHeight(44)
        files = QMenu(self)
        files.addAction(self.tr("Import contacts (vCard)…"), self.import_vcard)
        files.addAction(self.tr("Export contacts (vCard)…"), self.export_vcard)
        files.addAction(self.tr("Export meetings to a calendar (.ics)…"), self.export_ics)
        self.files_button.setMenu(files)
        return PageHeader(self.tr("People"), [self.files_button, self.add_button])

    def _build_people_list(self) -> QWidget:
        """The left pane: find a person, and everyone (or those found)."""
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Find a person"))
        self.search.setAccessibleName(self.tr("Find a person"))
        self.search.setClearButtonEnabled(True)
        name_inner_buttons(self.search, self.tr("Clear"))
        self.search.textChanged.connect(lambda _t: self.refresh())
        self.model = ContactListModel()
        self.list = QListView()
        self.list.setObjectName("entries")
        self.list.setModel(self.model)
        self.list.setAccessibleName(self.tr("Your people"))
        self.list.setSpacing(4)
        self.list.setWordWrap(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.selectionModel().currentChanged.connect(self._current_changed)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.search)
        left_layout.addWidget(self.list, 1)
        return left

    def _build_person(self) -> QWidget:
        """The right pane: the chosen person's photo and details, and what to do."""
        self.details = QTextBrowser()
        self.details.setOpenLinks(False)
        self.details.setAccessibleName(self.tr("About this person"))
        self.details.anchorClicked.connect(self._link)
        self.edit_button = button(self.tr("Edit"), self.tr("Edit this person"))
        self.edit_button.clicked.connect(self.edit_contact)
        self.log_button = button(self.tr("I was in touch"), self.tr("Log a call, message or visit"))
        self.log_button.clicked.connect(lambda: self.log_contact())
        self.delete_button = button(self.tr("Remove"), self.tr("Remove this person"))
        self.delete_button.clicked.connect(self.delete_contact)
        actions = QHBoxLayout()
        for widget in (self.log_button, self.edit_button, self.delete_button):
            actions.addWidget(widget)
        actions.addStretch(1)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        self.picture = QLabel()
        self.picture.setAccessibleName(self.tr("Photo"))
        self.picture.hide()
        right_layout.addWidget(self.picture)
        right_layout.addWidget(self.details, 1)
        right_layout.addLayout(actions)
        return right

    def _build_people_tab(self, left: QWidget, right: QWidget) -> QWidget:
        splitter = QSplitter()
        splitter.setHandleWidth(PANE_GAP)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([380, 560])
        people_tab = QWidget()
        people_layout = QVBoxLayout(people_tab)
        people_layout.setContentsMargins(0, 8, 0, 0)
        people_layout.addWidget(self.due_hint)
        people_layout.addWidget(splitter, 1)
        return people_tab

    def _build_meetings_tab(self) -> QWidget:
        """Groups on the left, their coming meetings on the right."""
        self.meetings_model = MeetingListModel()
        self.meetings = QListView()
        self.meetings.setObjectName("entries")
        self.meetings.setModel(self.meetings_model)
        self.meetings.setAccessibleName(self.tr("Upcoming meetings"))
        wrap_rows(self.meetings)
        meetings_tab = QWidget()
        meetings_layout = QVBoxLayout(meetings_tab)
        meetings_layout.setContentsMargins(0, 8, 0, 0)
        columns = QHBoxLayout()
        columns.addLayout(self._build_groups_column(), 2)
        columns.addLayout(self._build_meetings_column(), 3)
        meetings_layout.addLayout(columns, 1)
        return meetings_tab

    def _build_groups_column(self) -> QVBoxLayout:
        self.groups_model = GroupListModel()
        self.groups = QListView()
        self.groups.setObjectName("entries")
        self.groups.setModel(self.groups_model)
        self.groups.setAccessibleName(self.tr("Your groups"))
        wrap_rows(self.groups)
        self.groups.doubleClicked.connect(lambda _i: self.edit_group())
        add_group = button(self.tr("Add a group"), self.tr("Add a support group"))
        add_group.clicked.connect(self.add_group)
        edit_group = button(self.tr("Edit"), self.tr("Edit the group"))
        edit_group.clicked.connect(self.edit_group)
        remove_group = button(self.tr("Remove"), self.tr("Remove the group"))
        remove_group.clicked.connect(self.remove_group)
        # Titles and buttons wrap: both columns fit a narrow window (1366×768 at 150 %).
        group_actions = wrapping_row([add_group, edit_group, remove_group])
        groups_column = QVBoxLayout()
        groups_column.addWidget(label(self.tr("Your groups"), "sectionTitle"))
        groups_column.addWidget(self.groups, 1)
        groups_column.addWidget(group_actions)
        return groups_column

    def _build_meetings_column(self) -> QVBoxLayout:
        meetings_column = QVBoxLayout()
        meetings_column.addWidget(
            label(self.tr("Coming up (next five weeks, your time)"), "sectionTitle")
        )
        meetings_column.addWidget(self.meetings, 1)
        skip = button(self.tr("Cancel this meeting"), self.tr("Cancel the chosen meeting only"))
        skip.clicked.connect(self.cancel_meeting)
        move = button(self.tr("Move this meeting…"), self.tr("Move the chosen meeting only"))
        move.clicked.connect(self.move_meeting)
        meetings_column.addWidget(wrapping_row([skip, move]))
        return meetings_column

    def _build_empty(self) -> QWidget:
        """What a first visit shows: who belongs here, and one button to start."""
        empty = QWidget()
        empty_layout = QVBoxLayout(empty)
        empty_layout.addWidget(
            EmptyState(
                "people",
                self.tr("The people who help you carry it"),
                self.tr(
                    "Keep your peers, support groups and the professionals you lean on within "
                    "one click, with a gentle nudge when it has been a while."
                ),
            ),
            1,
        )
        first = button(
            self.tr("Add the first person"), self.tr("Add the first person"), primary=True
        )
        first.clicked.connect(self.add_contact)
        empty_layout.addWidget(first, alignment=Qt.AlignmentFlag.AlignHCenter)
        empty_layout.addStretch(1)
        return empty

    # -- lists ------------------------------------------------------------------------------
    def refresh(self) -> None:
        people = self._session.people
        query = self.search.text().strip()
        contacts = people.search(query) if query else people.list()
        due = people.due()
        current = self.current_contact()
        self.model.set_contacts(contacts, due)
        if due:
            names = ", ".join(d.contact.name for d in due[:4])
            self.due_hint.setText(self.tr("Time to check in with: {names}").format(names=names))
        self.due_hint.setVisible(bool(due))
        now = self._session.clock.now()
        self.meetings_model.set_rows(
            self._session.groups.occurrences(now, now + timedelta(days=UPCOMING_DAYS))
        )
        groups = self._session.groups.list()
        self.groups_model.set_rows(groups)
        self.meetings_changed.emit()
        has_any = people.count() > 0 or bool(groups)
        self.body.setCurrentWidget(self.tabs if has_any or query else self.empty)
        row = self.model.row_of(current.id) if current else (0 if contacts else -1)
        if row >= 0:
            self.list.setCurrentIndex(self.model.index(row, 0))
        else:
            self._show(None)

    def current_contact(self) -> Contact | None:
        return self.model.value_at(self.list.currentIndex())

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._show(self.model.value_at(current))

    def _show(self, contact: Contact | None) -> None:
        self.details.setHtml(contact_html(contact) if contact else "")
        photo = (
            self._session.people.photo(contact.id)
            if contact is not None and contact.has_photo
            else None
        )
        image = QImage.fromData(photo.data) if photo is not None else QImage()
        if image.isNull():
            self.picture.clear()
            self.picture.hide()
        else:  # decoded in memory only: no thumbnail is ever written to disk
            self.picture.setPixmap(
                QPixmap.fromImage(image).scaled(
                    96,
                    96,
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )
            self.picture.show()
        for widget in (self.edit_button, self.log_button, self.delete_button):
            widget.setEnabled(contact is not None)

    # -- actions ----------------------------------------------------------------------------
    def add_contact(self) -> None:
        dialog = ContactDialog(parent=self)
        if dialog.exec():
            added = self._session.people.add(dialog.draft())
            self._save_photo(added.id, dialog)
            self.refresh()
            self.list.setCurrentIndex(self.model.index(self.model.row_of(added.id), 0))

    def edit_contact(self) -> None:
        contact = self.current_contact()
        if contact is None:
            return
        dialog = ContactDialog(contact.to_draft(), self)
        if dialog.exec():
            self._session.people.update(contact.id, dialog.draft())
            self._save_photo(contact.id, dialog)
            self.refresh()

    def _save_photo(self, contact_id: int, dialog: ContactDialog) -> None:
        if dialog.photo_data is None:
            return
        try:
            self._session.people.set_photo(contact_id, dialog.photo_data)
        except PeopleError as exc:
            QMessageBox.information(self, self.tr("Photo not used"), error_words.message(exc))

    def log_contact(self, kind: str = "call") -> None:
        contact = self.current_contact()
        if contact is None:
            return
        dialog = LogDialog(contact.name, kind, self)
        if dialog.exec():
            self._session.people.log_contact(
                contact.id, dialog.kind.currentData(), dialog.note.text().strip()
            )
            self.refresh()

    def delete_contact(self) -> None:
        contact = self.current_contact()
        if contact is None:
            return
        if (
            QMessageBox.question(
                self,
                self.tr("Remove {name}?").format(name=contact.name),
                self.tr("Their details and your notes about them will be removed."),
            )
            == QMessageBox.StandardButton.Yes
        ):
            self._session.people.delete(contact.id)
            self.refresh()

    def add_group(self) -> None:
        dialog = GroupDialog(self._session.people.list(), parent=self)
        if dialog.exec():
            self._session.groups.add(dialog.draft())
            self.refresh()

    def _current_group_id(self) -> int | None:
        index = self.groups.currentIndex()
        return int(index.data(ID_ROLE)) if index.isValid() else None

    def edit_group(self) -> None:
        group_id = self._current_group_id()
        if group_id is None:
            return
        group = self._session.groups.get(group_id)
        dialog = GroupDialog(self._session.people.list(), group.to_draft(), self)
        if dialog.exec():
            self._session.groups.update(group_id, dialog.draft())
            self.refresh()

    def cancel_meeting(self) -> None:
        """One meeting off (a holiday, say): the group's other meetings stay as they are."""
        meeting = self.meetings_model.value_at(self.meetings.currentIndex())
        if meeting is None:
            return
        self._session.groups.cancel_meeting(meeting.group_id, meeting.original_day)
        self.refresh()

    def move_meeting(self) -> None:
        meeting = self.meetings_model.value_at(self.meetings.currentIndex())
        if meeting is None:
            return
        dialog = MoveMeetingDialog(meeting.start, self)
        if dialog.exec():
            new_day, new_start = dialog.chosen()
            self.move_meeting_to(meeting.group_id, meeting.original_day, new_day, new_start)

    def move_meeting_to(
        self, group_id: int, original: date, new_day: date, new_start: time
    ) -> None:
        self._session.groups.move_meeting(group_id, original, new_day=new_day, new_start=new_start)
        self.refresh()

    def remove_group(self) -> None:
        group_id = self._current_group_id()
        if group_id is None:
            return
        if (
            QMessageBox.question(
                self,
                self.tr("Remove this group?"),
                self.tr("The group and its meetings will be removed."),
            )
            == QMessageBox.StandardButton.Yes
        ):
            self._session.groups.delete(group_id)
            self.refresh()

    def _link(self, url: QUrl) -> None:
        """Open the phone or mail app, then offer to note the contact."""
        QDesktopServices.openUrl(url)
        self.log_contact("call" if url.scheme() == "tel" else "message")

    # -- files: read and written on workers, behind a progress dialog (people_files) ----------
    @property
    def files_busy(self) -> bool:
        """An import or export is under way (its progress dialog is up, or it is asking)."""
        return self._files_busy

    def import_vcard(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose a vCard file"), "", self.tr("vCard files (*.vcf *.vcard)")
        )
        if not chosen or self._files_busy:
            return

        def imported(summary: str | None) -> None:
            self._files_busy = False
            if summary is not None:
                self.refresh()
                QMessageBox.information(self, self.tr("Import contacts"), summary)

        self._files_busy = True
        people_files.import_vcard(self._session, Path(chosen), self, imported)

    def export_vcard(self) -> None:
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export contacts"), str(Path.home() / "contacts.vcf")
        )
        if chosen and not self._files_busy:
            self._files_busy = True
            people_files.export_vcard(self._session, Path(chosen), self, self._exported)

    def export_ics(self) -> None:
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export meetings"), str(Path.home() / "meetings.ics")
        )
        if chosen and not self._files_busy:
            self._files_busy = True
            people_files.export_ics(self._session, Path(chosen), self, self._exported)

    def _exported(self, path: Path | None) -> None:
        self._files_busy = False
        if path is not None:
            QMessageBox.information(
                self,
                self.tr("Exported"),
                self.tr("Saved to {path}. It is not encrypted: keep it somewhere safe.").format(
                    path=path
                ),
            )

    def clear(self) -> None:
        self.model.clear()
        self.meetings_model.clear()
        self.groups_model.clear()
        self.details.clear()
        self.picture.clear()
        self.search.clear()
