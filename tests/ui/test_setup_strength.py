"""The first-run strength meter: zxcvbn's verdict, with what is wrong said in our own words."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTranslator
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from carecompanion.ui.app.setup_wizard import PASSPHRASE, SetupWizard
from carecompanion.vault.strength import COMMON, LIKE_COMMON, NAMES


class _Marked(QTranslator):
    """Marks every string asked of the ErrorWords context: ⟦...⟧ shows it went through tr."""

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str:
        del disambiguation, n
        return f"⟦{source}⟧" if context == "ErrorWords" and source else source

    def isEmpty(self) -> bool:
        return False


@pytest.fixture
def marked(qapp: QCoreApplication) -> Iterator[None]:
    translator = _Marked(qapp)
    qapp.installTranslator(translator)
    yield
    qapp.removeTranslator(translator)


def _wizard_at_passphrase(qtbot: QtBot) -> SetupWizard:
    wizard = SetupWizard()
    qtbot.addWidget(wizard)
    qtbot.mouseClick(wizard.start_button, Qt.MouseButton.LeftButton)
    assert wizard.steps.currentIndex() == PASSPHRASE
    return wizard


def _type(qtbot: QtBot, field: QWidget, text: str) -> None:
    """As typed: QTest's keyClicks knows ASCII only, so ñ and ú come as key events with text
    (what a Spanish keyboard's dead keys deliver)."""
    for character in text:
        if character.isascii():
            qtbot.keyClicks(field, character)
            continue
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, character)
            QApplication.sendEvent(field, event)


def _type_both(qtbot: QtBot, wizard: SetupWizard, text: str) -> None:
    wizard.passphrase.clear()
    wizard.repeat.clear()
    _type(qtbot, wizard.passphrase, text)
    _type(qtbot, wizard.repeat, text)


@pytest.mark.parametrize("guessable", ["Summer2024!", "jennifer1985", "Cuidadora2024!"])
def test_passwords_that_only_look_complex_cannot_create_a_journal(
    qtbot: QtBot, guessable: str
) -> None:
    wizard = _wizard_at_passphrase(qtbot)
    _type_both(qtbot, wizard, guessable)
    assert not wizard.meter.acceptable
    assert not wizard.create_button.isEnabled()


@pytest.mark.parametrize(
    "words", ["correct horse battery staple", "perro gato casa ventana", "el ñandú come pan"]
)
def test_a_few_ordinary_words_create_a_journal(qtbot: QtBot, words: str) -> None:
    wizard = _wizard_at_passphrase(qtbot)
    _type_both(qtbot, wizard, words)
    assert wizard.passphrase.text() == words
    assert wizard.meter.acceptable
    assert wizard.create_button.isEnabled()


def test_the_meter_says_why_in_our_sentences(qtbot: QtBot) -> None:
    wizard = _wizard_at_passphrase(qtbot)
    qtbot.keyClicks(wizard.passphrase, "jennifer1985")
    assert str(NAMES()) in wizard.meter.verdict.text()
    wizard.passphrase.clear()
    qtbot.keyClicks(wizard.passphrase, "Summer2024!")
    assert str(LIKE_COMMON()) in wizard.meter.verdict.text()
    assert "Summer" not in wizard.meter.verdict.text()
    assert wizard.meter.bar.accessibleDescription() == wizard.meter.verdict.text()


def test_the_meter_s_reasons_go_through_the_translator(qtbot: QtBot, marked: None) -> None:
    """zxcvbn's own English never reaches the screen: each reason is one of our sentences,
    looked up by code in the ErrorWords context like every core message."""
    wizard = _wizard_at_passphrase(qtbot)
    qtbot.keyClicks(wizard.passphrase, "password")
    text = wizard.meter.verdict.text()
    assert f"⟦{COMMON.english}⟧" in text
    assert "top-10" not in text  # zxcvbn's wording
