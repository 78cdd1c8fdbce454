"""The Journal page: the entries, newest first, or a kind word when there are none yet."""

from __future__ import annotations

from PySide6.QtWidgets import QListView, QStackedWidget, QVBoxLayout, QWidget

from carecompanion.session import VaultSession
from carecompanion.ui.pages.entry_model import EntryListModel
from carecompanion.ui.widgets import EmptyState, label


class JournalPage(QWidget):
    def __init__(self, session: VaultSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 28, 32, 28)
        layout.addWidget(label(self.tr("Journal"), "pageTitle"))
        self.stack = QStackedWidget()
        self.model = EntryListModel()
        self.list = QListView()
        self.list.setObjectName("entries")
        self.list.setModel(self.model)
        self.list.setUniformItemSizes(True)
        self.list.setAccessibleName(self.tr("Journal entries"))
        self.empty = EmptyState(
            "journal",
            self.tr("Nothing written yet"),
            self.tr("This is your space for the long days and the small wins: what happened, "
                    "how you felt, what you want to remember. Only you can read it."),
        )
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self.list)
        layout.addWidget(self.stack, 1)
        self.refresh()

    def refresh(self) -> None:
        rows = self._session.journal.list_summaries()
        self.model.set_rows(rows)
        self.stack.setCurrentWidget(self.list if rows else self.empty)

    def clear(self) -> None:
        self.model.clear()
