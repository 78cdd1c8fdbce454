"""The core's English sentences reach the person in their language, values intact."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtCore import QCoreApplication, QLocale, Qt
from pytestqt.qtbot import QtBot

from carecompanion.circle.errors import CircleFileError
from carecompanion.people.errors import VCardError
from carecompanion.ui import core_messages, i18n
from carecompanion.ui.core_messages_table import TEMPLATES
from carecompanion.vault.errors import WrongPassphrase
from tests.conftest import VaultFactory
from tests.ui.conftest import ControllerFactory

SPANISH_TS = (
    Path(__file__).resolve().parents[2] / "resources" / "translations" / ("carecompanion_es.ts")
)


def _spanish(source: str) -> str:
    for context in ET.parse(SPANISH_TS).getroot():
        if context.findtext("name") != core_messages.CONTEXT:
            continue
        for message in context.findall("message"):
            if message.findtext("source") == source:
                return message.findtext("translation") or ""
    raise AssertionError(f"{source!r} is not in {SPANISH_TS.name}")


@pytest.fixture
def spanish(qapp: QCoreApplication) -> Iterator[None]:
    installed = i18n.install("es", qapp, QLocale("es_ES"))
    yield
    installed.uninstall()


def test_the_table_holds_the_core_s_own_sentences() -> None:
    """A sample from each corner of the core, so an extractor that finds nothing fails."""
    assert str(WrongPassphrase()) in TEMPLATES
    assert "The circle file %1 is not there." in TEMPLATES
    assert "line %1: the photo is a web link; it was not downloaded." in TEMPLATES
    assert "this card has no END:VCARD." in TEMPLATES
    assert len(TEMPLATES) > 150


def test_a_wrong_passphrase_is_said_in_spanish(spanish: None) -> None:
    shown = core_messages.message(WrongPassphrase())
    assert shown == _spanish(str(WrongPassphrase()))
    assert "passphrase" not in shown


def test_the_unlock_screen_says_a_wrong_passphrase_in_spanish(
    qtbot: QtBot,
    make_controller: ControllerFactory,
    vault_factory: VaultFactory,
    spanish: None,
) -> None:
    unlocked, _recovery_key = vault_factory()
    unlocked.lock()
    controller = make_controller()
    controller.start()
    view = controller.unlock_view
    qtbot.keyClicks(view.passphrase, "not my passphrase at all")
    qtbot.keyClick(view.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(view.error.isVisible, timeout=10_000)
    assert view.error.text() == _spanish(str(WrongPassphrase()))


def test_the_core_s_values_are_put_back_into_the_translation(spanish: None) -> None:
    name = "Tuesday carers %2 (50% done).carecircle"
    shown = core_messages.message(CircleFileError(f"The circle file {name} is not there."))
    expected = _spanish("The circle file %1 is not there.").replace("%1", name)
    assert shown == expected
    assert name in shown and "is not there" not in shown


def test_a_message_about_a_line_of_a_file_keeps_the_file_and_line(spanish: None) -> None:
    shown = core_messages.message(VCardError("contacts.vcf", "this card has no END:VCARD.", 12))
    frame = _spanish("%1, line %2: %3")
    inner = _spanish("this card has no END:VCARD.")
    assert shown == frame.replace("%1", "contacts.vcf").replace("%2", "12").replace("%3", inner)


def test_two_sentences_are_translated_one_by_one(spanish: None) -> None:
    first, second = str(WrongPassphrase()), "This circle file is too large to open."
    shown = core_messages.translated(f"{first} {second}")
    assert shown == f"{_spanish(first)} {_spanish(second)}"


def test_an_unknown_message_is_shown_as_the_core_wrote_it(spanish: None) -> None:
    text = "A sentence the core has never said.\n\nWith a second paragraph."
    assert core_messages.translated(text) == text


_VALUE = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=30)


@given(template=st.sampled_from(TEMPLATES), values=st.lists(_VALUE, min_size=9, max_size=9))
def test_without_a_translation_every_filled_sentence_comes_back_unchanged(
    qapp: QCoreApplication, template: str, values: list[str]
) -> None:
    """Matching and refilling is exact: no value is lost, moved or re-substituted."""
    text = re.sub(
        r"%%|%(\d)", lambda m: "%" if m.group(0) == "%%" else values[int(m.group(1)) - 1], template
    )
    assert core_messages.translated(text) == text


def test_the_sentences_with_a_core_word_in_them_are_still_the_core_s() -> None:
    assert set(core_messages.LABELLED) <= set(TEMPLATES)


def test_a_field_label_the_core_fills_in_is_translated_too(spanish: None) -> None:
    from datetime import UTC, datetime

    from carecompanion.mood.records import CheckInDraft
    from carecompanion.mood.validation import find_problems

    problems = find_problems(CheckInDraft(mood=3, stress=11), datetime(2026, 11, 25, tzinfo=UTC))
    (problem,) = problems
    shown = core_messages.translated(problem.message)
    assert shown == _spanish("%1 must be a whole number from %2 to %3.").replace(
        "%1", "El estrés"
    ).replace("%2", "0").replace("%3", "10")


def test_a_person_s_own_word_in_another_sentence_is_left_alone(spanish: None) -> None:
    shown = core_messages.translated("There is no template with id Sleep.")
    assert "Sleep" in shown
