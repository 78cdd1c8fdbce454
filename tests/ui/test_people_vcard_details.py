"""An imported card's organisation and birthday show in the person's details (issue 16)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from carecompanion.clock import FixedClock
from carecompanion.people.vcard_read import parse_vcards
from carecompanion.session import VaultSession
from carecompanion.ui.people.page import PeoplePage, birthday_words
from tests.conftest import VaultFactory

CARDS = (
    "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Ann Lee\r\nORG:Diakonie;Pflegeberatung\r\n"
    "BDAY:--0415\r\nEND:VCARD\r\n"
    "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Bob Ray\r\nBDAY:1980-02-29\r\nEND:VCARD\r\n"
)


def test_organisation_and_birthday_in_the_details(
    qtbot: QtBot, vault_factory: VaultFactory, clock: FixedClock
) -> None:
    unlocked, _ = vault_factory()
    session = VaultSession(unlocked, clock)
    session.people.import_cards(parse_vcards(CARDS.encode(), Path("c.vcf")))
    page = PeoplePage(session)
    qtbot.addWidget(page)
    page.list.setFocus()
    qtbot.keyClick(page.list, Qt.Key.Key_Home)
    shown = page.details.toPlainText()
    assert "Ann Lee" in shown
    assert "Organisation: Diakonie, Pflegeberatung" in shown
    assert "Birthday: 15 April" in shown
    qtbot.keyClick(page.list, Qt.Key.Key_Down)
    shown = page.details.toPlainText()
    assert "Bob Ray" in shown and "Birthday: 29 February 1980" in shown
    assert "Organisation" not in shown


def test_birthday_words() -> None:
    assert birthday_words(None) == ""
    assert birthday_words((None, 12, 1)) == "1 December"
    assert birthday_words((1950, 1, 31)) == "31 January 1950"
