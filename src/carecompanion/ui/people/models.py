"""List models for contacts, meetings and groups (model/view; never a widget per row)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import Qt

from carecompanion.people.meetings import Group, Occurrence
from carecompanion.people.records import Contact, DueContact
from carecompanion.ui.common.core_words import group_kind_label, relation_label, schedule_words
from carecompanion.ui.common.i18n import format_when
from carecompanion.ui.common.rows_model import RowsModel

ID_ROLE = Qt.ItemDataRole.UserRole + 30


class ContactListModel(RowsModel[Contact]):
    def __init__(self) -> None:
        super().__init__()
        self._due: dict[int, int] = {}

    def set_contacts(self, contacts: Iterable[Contact], due: Iterable[DueContact]) -> None:
        self._due = {d.contact.id: d.days_overdue for d in due}
        self.set_rows(contacts)

    def clear(self) -> None:
        self._due = {}
        super().clear()

    def row_of(self, contact_id: int) -> int:
        return next((n for n, c in enumerate(self.rows) if c.id == contact_id), -1)

    def row_data(self, contact: Contact, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            relation = relation_label(contact.relation)
            detail = f"{relation}{' · ' + contact.role if contact.role else ''}"
            if contact.id in self._due:
                detail += " · " + self.tr("time to check in")
            mark = "★ " if contact.is_emergency else ""
            return f"{mark}{contact.name}\n{detail}"
        if role == ID_ROLE:
            return contact.id
        return None


class MeetingListModel(RowsModel[Occurrence]):
    def row_data(self, meeting: Occurrence, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            when = format_when(meeting.start, "short_day_time")
            where = f" · {meeting.location}" if meeting.location else ""
            moved = self.tr(" (moved)") if meeting.moved else ""
            return f"{when} — {meeting.group_name}{moved}{where}"
        if role == ID_ROLE:
            return meeting.group_id
        return None


class GroupListModel(RowsModel[Group]):
    def row_data(self, group: Group, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            when = schedule_words(group.schedule) if group.schedule else self.tr("no meetings set")
            return f"{group.name}\n{group_kind_label(group.kind)} · {when}"
        if role == ID_ROLE:
            return group.id
        return None
