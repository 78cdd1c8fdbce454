"""Typing into a date field: letters left a half-typed month on screen ("5 O 2026", "jue 5 e
2026"), or a letter in place of the weekday ("j 5 mar"), while the field kept the old date
and Enter saved that; a month could not be typed by its number. Driven by key presses."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QEvent, QLocale, Qt, QTime
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QDateTimeEdit
from pytestqt.qtbot import QtBot

from carecompanion.clock import FixedClock
from carecompanion.session import VaultSession
from carecompanion.ui.common import i18n
from carecompanion.ui.common.date_time_field import DateField, OneStopDateTimeEdit
from carecompanion.ui.common.i18n import date_pattern
from carecompanion.ui.mood.checkin_dialog import CheckInDialog
from carecompanion.ui.people.group_dialog import GroupDialog
from carecompanion.ui.people.page import PeoplePage
from tests.conftest import VaultFactory
from tests.ui.conftest import activate


@pytest.fixture
def spanish(qapp: QCoreApplication) -> Iterator[None]:
    installed = i18n.install("es", qapp, QLocale("es_ES"))
    yield
    installed.uninstall()


def _type(field: QDateTimeEdit, character: str) -> None:
    """One key that writes ``character`` (QTest's key clicks take ASCII only)."""
    key = Qt.Key(ord(character.upper())) if character.isascii() else Qt.Key.Key_unknown
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(
            field, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, character)
        )


def _shown_as_it_is(field: QDateTimeEdit) -> bool:
    """What the field shows is its value, written in its own pattern: nothing half-typed."""
    return field.text() == field.locale().toString(field.dateTime(), field.displayFormat())


def _to_section(qtbot: QtBot, field: QDateTimeEdit, section: QDateTimeEdit.Section) -> None:
    """As a person does: Home, then the right arrow until the cursor is in that section."""
    qtbot.keyClick(field, Qt.Key.Key_Home)
    for _ in range(len(field.text())):
        if field.currentSection() == section:
            return
        qtbot.keyClick(field, Qt.Key.Key_Right)
    raise AssertionError(f"no {section} in {field.text()!r}")


def _after_weekday(qtbot: QtBot, field: QDateTimeEdit) -> None:
    """The day of the month, not the weekday before it (both are Qt's DaySection)."""
    _to_section(qtbot, field, QDateTimeEdit.Section.DaySection)
    if field.currentSectionIndex() == 0 and field.displayFormat().startswith("ddd"):
        while field.currentSectionIndex() == 0:
            qtbot.keyClick(field, Qt.Key.Key_Right)


def test_the_check_in_date_takes_a_month_by_name_or_number_and_ignores_other_letters(
    qtbot: QtBot, vault_factory: VaultFactory, clock: FixedClock
) -> None:
    unlocked, _ = vault_factory()
    session = VaultSession(unlocked, clock)
    dialog = CheckInDialog(session.mood, now=clock.now())
    qtbot.addWidget(dialog)
    activate(qtbot, dialog)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_3)
    dialog.more.setFocus()
    qtbot.keyClick(dialog.more, Qt.Key.Key_Space)
    when = dialog.when
    when.setFocus(Qt.FocusReason.TabFocusReason)
    start = when.date()
    _to_section(qtbot, when, QDateTimeEdit.Section.MonthSection)
    for key in "xq!o":  # "o": October, not a lone "O" on screen
        qtbot.keyClick(when, key)
        assert _shown_as_it_is(when), when.text()
    assert when.date().month() == 10
    qtbot.keyClick(when, "2")  # and a month by its number: February
    assert (when.date().month(), when.date().day()) == (2, start.day())
    assert _shown_as_it_is(when), when.text()
    _after_weekday(qtbot, when)
    qtbot.keyClick(when, "x")
    assert _shown_as_it_is(when) and when.date().day() == start.day()
    when.setSelectedSection(QDateTimeEdit.Section.DaySection)
    qtbot.keyClick(when, "1")  # digits still work
    assert when.date().day() == 1
    qtbot.keyClick(when, Qt.Key.Key_Return)
    [saved] = session.mood.list()
    assert saved.at is not None
    assert saved.at.astimezone().date() == date(start.year(), 2, 1)


def test_a_spanish_weekday_takes_no_letters_and_months_go_by_spanish_names(
    qtbot: QtBot, spanish: None
) -> None:
    field = OneStopDateTimeEdit(QDateTime(QDate(2026, 3, 5), QTime(14, 30)))
    field.setDisplayFormat(date_pattern("day_time"))
    qtbot.addWidget(field)
    activate(qtbot, field)
    field.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(field, Qt.Key.Key_Home)
    assert field.currentSectionIndex() == 0  # "jue"
    qtbot.keyClicks(field, "j7")
    assert field.text() == "jue 5 mar 2026, 14:30"
    _to_section(qtbot, field, QDateTimeEdit.Section.MonthSection)
    qtbot.keyClicks(field, "ag")
    assert field.date() == QDate(2026, 8, 5) and _shown_as_it_is(field), field.text()
    qtbot.keyClicks(field, "e")  # "age" is no month; "e" alone is enero
    assert field.date() == QDate(2026, 1, 5)
    for character in "sé":  # accents do not matter: septiembre
        _type(field, character)
    assert field.date() == QDate(2026, 9, 5)


def test_the_next_meeting_date_takes_typed_months_and_is_saved(
    qtbot: QtBot,
    vault_factory: VaultFactory,
    clock: FixedClock,
    monkeypatch: pytest.MonkeyPatch,
    spanish: None,
) -> None:
    unlocked, _ = vault_factory()
    session = VaultSession(unlocked, clock)
    page = PeoplePage(session)
    qtbot.addWidget(page)
    chosen: list[QDate] = []

    def fill(dialog: GroupDialog) -> int:
        activate(qtbot, dialog)
        dialog.name.setFocus()
        qtbot.keyClicks(dialog.name, "Cuidadores")
        first = dialog.first
        assert isinstance(first, DateField)
        first.setDate(QDate(2030, 1, 31))
        first.setFocus(Qt.FocusReason.TabFocusReason)
        _to_section(qtbot, first, QDateTimeEdit.Section.MonthSection)
        qtbot.keyClicks(first, "zzx")
        assert first.date() == QDate(2030, 1, 31) and _shown_as_it_is(first)
        qtbot.keyClicks(first, "11")  # noviembre: the 31st becomes the 30th
        assert first.date() == QDate(2030, 11, 30) and _shown_as_it_is(first)
        qtbot.keyClicks(first, "0")  # "110" is no month: nothing changes
        qtbot.keyClicks(first, "2")  # "02": febrero
        assert first.date() == QDate(2030, 2, 28) and _shown_as_it_is(first)
        chosen.append(first.date())
        dialog.zone.setText("Europe/Madrid")
        qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
        return int(dialog.result())

    monkeypatch.setattr(GroupDialog, "exec", fill)
    page.add_group()
    [group] = session.groups.list()
    assert group.schedule is not None and group.schedule.first == date(2030, 2, 28)
    assert chosen == [QDate(2030, 2, 28)]


_NO_DIGITS = st.text(
    alphabet=st.characters(
        categories=("L", "P", "S", "Zs"), exclude_characters="\u2028\u2029", max_codepoint=0x24F
    ),
    max_size=8,
)


@pytest.mark.parametrize("language", ["en_GB", "es_ES", "en_US"])
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(typed=_NO_DIGITS, section=st.integers(min_value=0, max_value=5))
def test_no_letter_or_sign_leaves_a_date_half_typed(
    qapp: QApplication, language: str, typed: str, section: int
) -> None:
    previous = QLocale()
    QLocale.setDefault(QLocale(language))
    try:
        for field in (
            OneStopDateTimeEdit(QDateTime(QDate(2026, 3, 5), QTime(14, 30))),
            DateField(QDate(2026, 3, 5)),
        ):
            field.setDisplayFormat(
                date_pattern("day_time" if isinstance(field, OneStopDateTimeEdit) else "date")
            )
            field.show()
            field.setFocus(Qt.FocusReason.TabFocusReason)
            field.setCurrentSectionIndex(min(section, field.sectionCount() - 1))
            field.setSelectedSection(field.currentSection())
            for character in typed:
                _type(field, character)
                assert _shown_as_it_is(field), (character, field.text())
            field.close()
            field.deleteLater()
    finally:
        QLocale.setDefault(previous)
