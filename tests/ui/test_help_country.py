""" "Need help now" is never empty: an emergency number is always at the top, and a vault with
no country chosen asks for one, suggesting the computer's region. Checked in the database."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, Qt
from pytestqt.qtbot import QtBot

from carecompanion.clock import FixedClock
from carecompanion.session import VaultSession
from carecompanion.ui.common import i18n
from carecompanion.ui.people.help_dialog import HelpDialog
from tests.conftest import VaultFactory


@pytest.fixture
def fresh(vault_factory: VaultFactory, clock: FixedClock) -> VaultSession:
    """A new vault made without the setup wizard (the command line, say): no country yet."""
    unlocked, _key = vault_factory()
    session = VaultSession(unlocked, clock)
    assert session.people.crisis.chosen_country() is None
    assert session.people.crisis.emergency_number() == ""
    return session


@pytest.fixture
def spanish(qapp: QCoreApplication) -> Iterator[None]:
    installed = i18n.install("es", qapp, QLocale("es_ES"))
    yield
    installed.uninstall()


def _open(qtbot: QtBot, session: VaultSession, region: str) -> HelpDialog:
    dialog = HelpDialog(session.people, region=region)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_a_fresh_vault_shows_112_and_asks_for_the_country(
    qtbot: QtBot,
    fresh: VaultSession,
) -> None:
    dialog = _open(qtbot, fresh, "en_US")
    text = dialog.view.toPlainText()
    assert "Emergency: 112" in text
    assert "911" in text and "999" in text, "the other common numbers, as hints"
    assert "tel:112" in dialog.view.toHtml()
    assert dialog.ask.isVisible()
    assert dialog.country.currentData() == "US", "suggested from the computer's region"
    qtbot.mouseClick(dialog.use, Qt.MouseButton.LeftButton)
    assert fresh.people.crisis.chosen_country() == "US"
    assert fresh.people.crisis.emergency_number() == "911"
    text = dialog.view.toPlainText()
    assert "Emergency: 911" in text and "988" in text
    assert not dialog.ask.isVisible(), "asked once; the country row stays for a move"
    assert "call 911" in dialog.statement.text()


def test_a_region_without_built_in_lines_still_gets_a_number(
    qtbot: QtBot,
    fresh: VaultSession,
) -> None:
    dialog = _open(qtbot, fresh, "es_ES")  # Spain: no built-in list, so "another country"
    assert dialog.country.currentData() == "OTHER"
    qtbot.mouseClick(dialog.use, Qt.MouseButton.LeftButton)
    assert fresh.people.crisis.chosen_country() == "OTHER"
    assert fresh.people.crisis.emergency_number() == ""
    text = dialog.view.toPlainText()
    assert "Emergency: 112" in text
    assert "Edit helplines" in text, "where to type the local number"
    assert not dialog.ask.isVisible()


def test_a_number_of_ones_own_is_shown_instead(qtbot: QtBot, fresh: VaultSession) -> None:
    fresh.people.crisis.choose_country("OTHER")
    fresh.people.crisis.set_emergency_number("123")
    dialog = _open(qtbot, fresh, "es_CO")
    text = dialog.view.toPlainText()
    assert "Emergency: 123" in text and "112" not in text


def test_the_fresh_help_panel_in_spanish(
    qtbot: QtBot,
    fresh: VaultSession,
    spanish: None,
) -> None:
    from tests.ui.test_translations import _english, visible_texts

    dialog = _open(qtbot, fresh, "es_MX")
    text = dialog.view.toPlainText()
    assert "Emergencias: 112" in text
    assert "911" in text
    assert dialog.ask.text().startswith("¿En qué país estás?")
    assert _english(visible_texts(dialog), ("CareCompanion",)) == []


def test_every_word_of_the_fresh_help_panel_goes_through_tr(
    qtbot: QtBot,
    fresh: VaultSession,
    qapp: QCoreApplication,
) -> None:
    from tests.ui.test_translations import PseudoTranslator, _untranslatable, visible_texts

    pseudo = PseudoTranslator(qapp)
    qapp.installTranslator(pseudo)
    try:
        dialog = _open(qtbot, fresh, "en_US")
        assert _untranslatable(visible_texts(dialog), ("CareCompanion",)) == []
    finally:
        qapp.removeTranslator(pseudo)
