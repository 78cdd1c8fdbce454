""""Need help now": the person's own emergency contacts first, then crisis lines.

One click from anywhere (the sidebar). Numbers are links that open the system's phone or
mail handler; the panel says plainly that CareCompanion is not an emergency service.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from carecompanion.people.contacts import PeopleService
from carecompanion.people.crisis import CrisisService
from carecompanion.people.help import HelpPanel
from carecompanion.ui.core_words import country_name, not_an_emergency_service
from carecompanion.ui.widgets import button, label


def _tel(number: str) -> str:
    return "tel:" + "".join(ch for ch in number if ch.isdigit() or ch == "+")


def panel_html(panel: HelpPanel) -> str:
    parts = []
    people = [e for e in panel.entries if e.kind == "person"]
    lines = [e for e in panel.entries if e.kind == "crisis"]
    if panel.emergency_number:
        number = panel.emergency_number
        parts.append(f"<p style='font-size:15pt'><b>Emergency: <a href='{_tel(number)}'>"
                     f"{html.escape(number)}</a></b></p>")
    if people:
        parts.append("<h3>Your people</h3>")
    for entry in people:
        links = " · ".join(f"<a href='{_tel(p)}'>{html.escape(p)}</a>" for p in entry.phones)
        mails = " · ".join(f"<a href='mailto:{html.escape(m)}'>{html.escape(m)}</a>"
                           for m in entry.emails)
        detail = f" <span style='color:gray'>({html.escape(entry.detail)})</span>" \
            if entry.detail else ""
        parts.append(f"<p><b>{html.escape(entry.name)}</b>{detail}<br>{links}"
                     f"{'<br>' + mails if mails else ''}</p>")
    if lines:
        parts.append("<h3>Helplines</h3>")
    for entry in lines:
        reach = [f"<a href='{_tel(p)}'>{html.escape(p)}</a>" for p in entry.phones]
        if entry.text_number:
            reach.append(f"text {html.escape(entry.text_number)}")
        if entry.url:
            reach.append(f"<a href='{html.escape(entry.url)}'>{html.escape(entry.url)}</a>")
        hours = f" <span style='color:gray'>({html.escape(entry.detail)})</span>" \
            if entry.detail else ""
        parts.append(f"<p><b>{html.escape(entry.name)}</b>{hours}<br>{' · '.join(reach)}</p>")
    if not people and not lines:
        parts.append("<p>Nobody is listed yet. Mark the people you would call first as "
                     "emergency contacts on the People page, and choose your country below for "
                     "its helplines.</p>")
    return "".join(parts)


class HelpDialog(QDialog):
    def __init__(self, people: PeopleService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._people = people
        self.setWindowTitle(self.tr("Need help now"))
        self.resize(560, 620)
        panel = people.help_panel()
        self.statement = label(not_an_emergency_service(panel.emergency_number), "notice")
        self.view = QTextBrowser()
        self.view.setOpenLinks(False)
        self.view.setAccessibleName(self.tr("People and helplines to call"))
        self.view.anchorClicked.connect(self._open)
        self.country = QComboBox()
        self.country.setAccessibleName(self.tr("Your country, for its helplines"))
        for country in CrisisService.countries():
            self.country.addItem(country_name(country.code, country.name), country.code)
        if panel.country:
            self.country.setCurrentIndex(max(0, self.country.findData(panel.country)))
        use = button(self.tr("Use these helplines"), self.tr("Use this country's helplines"))
        use.clicked.connect(self._choose_country)
        edit = button(self.tr("Edit helplines…"), self.tr("Edit the helplines"))
        edit.clicked.connect(self._edit)
        row = QHBoxLayout()
        row.addWidget(self.country, 1)
        row.addWidget(use)
        row.addWidget(edit)
        self.opened: list[str] = []
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setAccessibleName(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.statement)
        layout.addWidget(self.view, 1)
        layout.addLayout(row)
        layout.addWidget(buttons)
        self._show(panel)

    def _show(self, panel: HelpPanel) -> None:
        self.view.setHtml(panel_html(panel))

    def _choose_country(self) -> None:
        self._people.crisis.choose_country(str(self.country.currentData()))
        self._show(self._people.help_panel())

    def _edit(self) -> None:
        from carecompanion.ui.people.helplines_dialog import HelplinesDialog

        HelplinesDialog(self._people.crisis, self).exec()
        self._show(self._people.help_panel())

    def _open(self, url: QUrl) -> None:
        self.opened.append(url.toString())
        QDesktopServices.openUrl(url)
