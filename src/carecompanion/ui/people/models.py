"""List models for contacts and meetings (model/view; never a widget per row)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from carecompanion.people.meetings import GROUP_KIND_LABELS, Group, Occurrence
from carecompanion.people.records import RELATION_LABELS, Contact, DueContact

ID_ROLE = Qt.ItemDataRole.UserRole + 30


class ContactListModel(QAbstractListModel):
    def __init__(self) -> None:
        super().__init__()
        self._rows: list[Contact] = []
        self._due: dict[int, int] = {}

    def set_contacts(self, contacts: list[Contact], due: list[DueContact]) -> None:
        self.beginResetModel()
        self._rows = list(contacts)
        self._due = {d.contact.id: d.days_overdue for d in due}
        self.endResetModel()

    def clear(self) -> None:
        self.set_contacts([], [])

    def contact(self, row: int) -> Contact:
        return self._rows[row]

    def row_of(self, contact_id: int) -> int:
        return next((n for n, c in enumerate(self._rows) if c.id == contact_id), -1)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if not index.isValid():
            return None
        contact = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            relation = self.tr(RELATION_LABELS[contact.relation])
            detail = f"{relation}{' · ' + contact.role if contact.role else ''}"
            if contact.id in self._due:
                detail += " · " + self.tr("time to check in")
            mark = "★ " if contact.is_emergency else ""
            return f"{mark}{contact.name}\n{detail}"
        if role == ID_ROLE:
            return contact.id
        return None


class MeetingListModel(QAbstractListModel):
    def __init__(self) -> None:
        super().__init__()
        self._rows: list[Occurrence] = []

    def set_meetings(self, meetings: list[Occurrence]) -> None:
        self.beginResetModel()
        self._rows = list(meetings)
        self.endResetModel()

    def clear(self) -> None:
        self.set_meetings([])

    def meeting(self, row: int) -> Occurrence:
        return self._rows[row]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if not index.isValid():
            return None
        meeting = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            when = meeting.start.astimezone().strftime("%a %d %b, %H:%M")
            where = f" · {meeting.location}" if meeting.location else ""
            moved = self.tr(" (moved)") if meeting.moved else ""
            return f"{when} — {meeting.group_name}{moved}{where}"
        if role == ID_ROLE:
            return meeting.group_id
        return None


class GroupListModel(QAbstractListModel):
    def __init__(self) -> None:
        super().__init__()
        self._rows: list[Group] = []

    def set_groups(self, groups: list[Group]) -> None:
        self.beginResetModel()
        self._rows = list(groups)
        self.endResetModel()

    def clear(self) -> None:
        self.set_groups([])

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if not index.isValid():
            return None
        group = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            when = group.schedule.describe() if group.schedule else self.tr("no meetings set")
            return f"{group.name}\n{self.tr(GROUP_KIND_LABELS[group.kind])} · {when}"
        if role == ID_ROLE:
            return group.id
        return None
