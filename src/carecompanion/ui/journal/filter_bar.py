"""Search box and filters: tag, date range, favourites, attachments."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from carecompanion.journal.service import EntryFilter
from carecompanion.ui.common.date_time_field import DateField
from carecompanion.ui.common.i18n import date_pattern
from carecompanion.ui.common.widgets import name_inner_buttons

SEARCH_DELAY_MS = 150


class FilterBar(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._build_search()
        self._build_filters()
        self._lay_out()
        self._connect()
        self.set_tags([])

    def _build_search(self) -> None:
        """The search box, and the switch that shows the filters below it."""
        self.search = QLineEdit()
        self.search.setObjectName("search")
        # One word: in a small window (911 px wide at 150 %) a longer hint was cut, and the
        # shortcut at its end never seen. The shortcut is in the tooltip, and told to screen
        # readers.
        self.search.setPlaceholderText(self.tr("Search"))
        self.search.setToolTip(self.tr("Search your journal (Ctrl+F)"))
        self.search.setAccessibleName(self.tr("Search the journal"))
        self.search.setAccessibleDescription(self.search.toolTip())
        self.search.setClearButtonEnabled(True)
        name_inner_buttons(self.search, self.tr("Clear the search"))
        self.search.setMinimumHeight(44)
        self.toggle = QToolButton()
        self.toggle.setText(self.tr("Filters"))
        self.toggle.setCheckable(True)
        self.toggle.setAccessibleName(self.tr("Show filters"))
        self.toggle.setMinimumHeight(44)

    def _build_filters(self) -> None:
        self.tag = QComboBox()
        self.tag.setAccessibleName(self.tr("Only entries with this tag"))
        self.use_since = QCheckBox(self.tr("From"))
        self.use_since.setAccessibleName(self.tr("Only entries from a date"))
        self.since = DateField(QDate.currentDate().addMonths(-1))
        self.since.setDisplayFormat(date_pattern("date"))
        self.since.setCalendarPopup(True)
        self.since.setAccessibleName(self.tr("From date"))
        self.use_until = QCheckBox(self.tr("Until"))
        self.use_until.setAccessibleName(self.tr("Only entries until a date"))
        self.until = DateField(QDate.currentDate())
        self.until.setDisplayFormat(date_pattern("date"))
        self.until.setCalendarPopup(True)
        self.until.setAccessibleName(self.tr("Until date"))
        self.favourites = QCheckBox(self.tr("Favourites"))
        self.favourites.setAccessibleName(self.tr("Only favourites"))
        self.with_attachments = QCheckBox(self.tr("With attachments"))
        self.with_attachments.setAccessibleName(self.tr("Only entries with attachments"))

    def _lay_out(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.toggle)
        self.panel = QWidget()
        grid = QGridLayout(self.panel)
        grid.setContentsMargins(0, 4, 0, 4)
        grid.addWidget(self.tag, 0, 0, 1, 2)
        grid.addWidget(self.use_since, 1, 0)
        grid.addWidget(self.since, 1, 1)
        grid.addWidget(self.use_until, 2, 0)
        grid.addWidget(self.until, 2, 1)
        grid.addWidget(self.favourites, 3, 0)
        grid.addWidget(self.with_attachments, 3, 1)
        self.panel.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.panel)

    def _connect(self) -> None:
        # Typing waits for a pause before searching; every other change filters at once.
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DELAY_MS)
        self._debounce.timeout.connect(self.changed)
        self.search.textChanged.connect(lambda _text: self._debounce.start())
        self.toggle.toggled.connect(self.panel.setVisible)
        for box in (self.use_since, self.use_until, self.favourites, self.with_attachments):
            box.toggled.connect(lambda _on: self.changed.emit())
        self.since.dateChanged.connect(lambda _d: self._date_changed(self.use_since))
        self.until.dateChanged.connect(lambda _d: self._date_changed(self.use_until))
        self.tag.currentIndexChanged.connect(lambda _i: self.changed.emit())

    def _date_changed(self, switch: QCheckBox) -> None:
        if switch.isChecked():
            self.changed.emit()
        else:
            switch.setChecked(True)  # choosing a date means "use it"

    def search_now(self) -> None:
        """Search at once for what was typed (Enter does not wait for the pause)."""
        if self._debounce.isActive():
            self._debounce.stop()
            self.changed.emit()

    def set_tags(self, tags: list[tuple[str, int]]) -> None:
        current = self.tag.currentData()
        self.tag.blockSignals(True)
        self.tag.clear()
        self.tag.addItem(self.tr("All tags"), None)
        for name, count in tags:
            self.tag.addItem(f"{name} ({count})", name)
        index = self.tag.findData(current)
        self.tag.setCurrentIndex(max(0, index))
        self.tag.blockSignals(False)

    @property
    def query(self) -> str:
        return self.search.text().strip()

    def entry_filter(self) -> EntryFilter:
        since: date | None = (
            self.since.date().toPython()  # type: ignore[assignment]
            if self.use_since.isChecked()
            else None
        )
        until: date | None = (
            self.until.date().toPython()  # type: ignore[assignment]
            if self.use_until.isChecked()
            else None
        )
        return EntryFilter(
            tag=self.tag.currentData(),
            since=since,
            until=until,
            favourites_only=self.favourites.isChecked(),
            has_attachment=True if self.with_attachments.isChecked() else None,
        )

    def is_filtering(self) -> bool:
        return bool(self.query) or self.entry_filter() != EntryFilter()
