""" "Need help now": the emergency number, the person's own emergency contacts, then crisis
lines.

One click from anywhere (the sidebar). Numbers are links that open the system's phone or
mail handler; the panel says plainly that CareCompanion is not an emergency service. It is
never empty: an emergency number is always at the top (the country's, or 112 with the other
common ones while no country is known), and until a country is chosen the panel asks for it,
suggesting the one the computer's region names.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, QLocale, QUrl
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
from carecompanion.people.crisis_lines import OTHER, suggested_country
from carecompanion.people.help import HelpPanel
from carecompanion.ui.common import theme
from carecompanion.ui.common.core_words import country_name, not_an_emergency_service
from carecompanion.ui.common.widgets import button, label

translate = QCoreApplication.translate  # lupdate reads translate("Context", "...")

#: What to call when the country is not known: 112 is the emergency number across Europe,
#: and GSM phones connect it to the local service in many other countries too.
FALLBACK_EMERGENCY = "112"


def _tel(number: str) -> str:
    return "tel:" + "".join(ch for ch in number if ch.isdigit() or ch == "+")


def _gray(text: str) -> str:
    """Detail text in the theme's muted colour (4.5:1 on the panel in both themes)."""
    muted = theme.current().colors["muted"]
    return f" <span style='color:{muted}'>({html.escape(text)})</span>" if text else ""


def emergency_html(panel: HelpPanel) -> str:
    """The emergency number, always: the country's, or 112 and the other common numbers while
    no country (or "another country") is chosen."""
    number = panel.emergency_number or FALLBACK_EMERGENCY
    heading = translate("HelpDialog", "Emergency: {number}").format(
        number=f"<a href='{_tel(number)}'>{html.escape(number)}</a>"
    )
    parts = [f"<p style='font-size:15pt'><b>{heading}</b></p>"]
    if not panel.emergency_number:
        parts.append(
            "<p>"
            + html.escape(
                translate(
                    "HelpDialog",
                    "112 is the emergency number across Europe, and most mobile phones connect it "
                    "to "
                    "the local emergency service elsewhere too. In the United States, Canada and "
                    "Mexico the number is 911; in the United Kingdom, 999.",
                )
            )
            + "</p>"
        )
        advice = (
            translate(
                "HelpDialog",
                "You can type your country's emergency number and helplines under Edit helplines.",
            )
            if panel.country == OTHER
            else translate(
                "HelpDialog",
                "Choose your country below to see its own emergency number and helplines.",
            )
        )
        parts.append(f"<p><b>{html.escape(advice)}</b></p>")
    return "".join(parts)


def panel_html(panel: HelpPanel) -> str:
    parts = [emergency_html(panel)]
    people = [e for e in panel.entries if e.kind == "person"]
    lines = [e for e in panel.entries if e.kind == "crisis"]
    if people:
        heading = translate("HelpDialog", "Your people")
        parts.append(f"<h3>{html.escape(heading)}</h3>")
    for entry in people:
        links = " · ".join(f"<a href='{_tel(p)}'>{html.escape(p)}</a>" for p in entry.phones)
        mails = " · ".join(
            f"<a href='mailto:{html.escape(m)}'>{html.escape(m)}</a>" for m in entry.emails
        )
        parts.append(
            f"<p><b>{html.escape(entry.name)}</b>{_gray(entry.detail)}<br>{links}"
            f"{'<br>' + mails if mails else ''}</p>"
        )
    if lines:
        heading = translate("HelpDialog", "Helplines")
        parts.append(f"<h3>{html.escape(heading)}</h3>")
    for entry in lines:
        reach = [f"<a href='{_tel(p)}'>{html.escape(p)}</a>" for p in entry.phones]
        if entry.text_number:
            reach.append(
                html.escape(
                    translate("HelpDialog", "text {number}").format(number=entry.text_number)
                )
            )
        if entry.url:
            reach.append(f"<a href='{html.escape(entry.url)}'>{html.escape(entry.url)}</a>")
        parts.append(
            f"<p><b>{html.escape(entry.name)}</b>{_gray(entry.detail)}<br>{' · '.join(reach)}</p>"
        )
    if not people:
        parts.append(
            "<p>"
            + html.escape(
                translate(
                    "HelpDialog",
                    "Mark the people you would call first as emergency contacts on the "
                    "People page, and they will be listed here.",
                )
            )
            + "</p>"
        )
    return "".join(parts)


class HelpDialog(QDialog):
    def __init__(
        self, people: PeopleService, parent: QWidget | None = None, region: str | None = None
    ) -> None:
        """``region``: a locale name ("es_ES") whose territory suggests the country while none
        is chosen; the system's by default."""
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
        self.ask = label(
            self.tr(
                "Which country are you in? Its emergency number and helplines will be shown here."
            ),
            "sectionTitle",
        )
        self.country = QComboBox()
        self.country.setAccessibleName(self.tr("Your country, for its helplines"))
        for country in CrisisService.countries():
            self.country.addItem(country_name(country.code, country.name), country.code)
        chosen = panel.country or suggested_country(region or QLocale.system().name())
        self.country.setCurrentIndex(max(0, self.country.findData(chosen)))
        self.use = button(
            self.tr("Use this country"),
            self.tr("Use this country's emergency number and helplines"),
        )
        self.use.clicked.connect(self._choose_country)
        edit = button(self.tr("Edit helplines…"), self.tr("Edit the helplines"))
        edit.clicked.connect(self._edit)
        row = QHBoxLayout()
        row.addWidget(self.country, 1)
        row.addWidget(self.use)
        row.addWidget(edit)
        self.opened: list[str] = []
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setAccessibleName(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.statement)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.ask)
        layout.addLayout(row)
        layout.addWidget(buttons)
        self._show(panel)

    def _show(self, panel: HelpPanel) -> None:
        """The panel, and the question until a country is chosen (the country row stays, for
        a move or a holiday)."""
        self.statement.setText(not_an_emergency_service(panel.emergency_number))
        self.view.setHtml(panel_html(panel))
        self.ask.setVisible(panel.country is None)
        self.use.setDefault(self.ask.isVisibleTo(self))

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
