"""Date fields that take only what can be part of a date: a date-and-time field that is one
Tab stop (when something was), and a date field (a meeting's day, a range's ends)."""

from __future__ import annotations

import re
import unicodedata

from PySide6.QtCore import QDate, QDateTime, QLocale, Qt
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QDateEdit, QDateTimeEdit, QWidget

#: Qt's pattern letters, one run per section, and quoted words (no section) between them.
_SECTION = re.compile(r"'(?:[^']|'')*'|(d+|M+|y+|h+|H+|m+|s+|z+|AP|ap|A|a|t+)")
_COMMANDS = (
    Qt.KeyboardModifier.ControlModifier
    | Qt.KeyboardModifier.AltModifier
    | Qt.KeyboardModifier.MetaModifier
)


def _sections(pattern: str) -> list[str]:
    """Each section's pattern letters, in order: "ddd d MMM yyyy, HH:mm" -> ddd, d, MMM, ..."""
    return [match.group(1) for match in _SECTION.finditer(pattern) if match.group(1)]


def _folded(text: str) -> str:
    """Without accents, case or a closing dot: "Sé" and "sept." are typed as "se", "sept"."""
    bare = unicodedata.normalize("NFKD", text)
    return "".join(c for c in bare if not unicodedata.combining(c)).casefold().rstrip(".")


def month_named(typed: str, locale: QLocale) -> int | None:
    """The first month whose name, short or long, starts with ``typed`` ("ma": March)."""
    start = _folded(typed)
    short, long = QLocale.FormatType.ShortFormat, QLocale.FormatType.LongFormat
    for month in range(1, 13):
        names = (
            locale.monthName(month, short),
            locale.monthName(month, long),
            locale.standaloneMonthName(month, short),
            locale.standaloneMonthName(month, long),
        )
        if start and any(_folded(name).startswith(start) for name in names):
            return month
    return None


def month_numbered(typed: str) -> int | None:
    """ "2" or "02": February; "1" is January (until a "0", "1" or "2" follows)."""
    return int(typed) if typed.isdigit() and 1 <= int(typed) <= 12 else None


class DateTyping:
    """What is typed into a date field: digits and the pattern's separators as Qt takes them;
    a month by its name ("o": October, "ag": agosto) or its number ("2", "11"), shown whole at
    once; any other letter or sign ignored. Qt left a half-typed month on screen ("5 O 2026")
    while the field kept the old date, which Enter then saved, and put letters in place of a
    weekday ("j 5 mar"); a month could not be typed by its number."""

    def __init__(self, field: QDateTimeEdit) -> None:
        self._field = field
        self._typed = ""  # what was typed into the month section so far
        self._typed_in = -1  # which section that was

    def handled(self, event: QKeyEvent) -> bool:
        """True when the key was dealt with here (taken or ignored); False: Qt's to handle."""
        field, text = self._field, event.text()
        sections = _sections(field.displayFormat())
        index = field.currentSectionIndex()
        if (
            len(text) != 1
            or not text.isprintable()
            or event.modifiers() & _COMMANDS
            or len(sections) != field.sectionCount()
            or not 0 <= index < len(sections)
        ):
            self.forget()  # an arrow, Backspace, Enter, a shortcut: Qt's own
            return False
        if index != self._typed_in:
            self._typed, self._typed_in = "", index
        section = sections[index]
        if text in _separators(field.displayFormat()):
            return False  # on to the next section, as Qt does
        if section.startswith("MMM"):
            self._type_month(text)
        elif (text.isdigit() and not section.startswith("ddd")) or section[0] in "aA":
            return False  # a number, or a.m. and p.m.: Qt's own
        event.accept()  # taken or ignored, and not passed on to the dialog
        return True

    def forget(self) -> None:
        self._typed = ""

    def _type_month(self, text: str) -> None:
        digits = text in "0123456789"
        follows = bool(self._typed) and self._typed[-1].isdigit() == digits
        if digits and self._typed not in ("0", "1"):
            follows = False  # "3" or "11" is whole: the next digit starts again
        field = self._field
        find = month_numbered if digits else lambda typed: month_named(typed, field.locale())
        typed = self._typed + text if follows else text
        month = find(typed)
        if month is None and typed != text:
            typed, month = text, find(text)
        if month is None:
            if typed == "0":
                self._typed = "0"  # "0" waits for the digit of "02"
            return
        self._typed = typed
        shown = field.date()
        day = min(shown.day(), QDate(shown.year(), month, 1).daysInMonth())
        field.setDate(QDate(shown.year(), month, day))
        field.setSelectedSection(QDateTimeEdit.Section.MonthSection)  # the next key replaces it


def _separators(pattern: str) -> set[str]:
    return {c for c in _SECTION.sub("", pattern) if not c.isalnum()}


class OneStopDateTimeEdit(QDateTimeEdit):
    """A date and time that is one Tab stop: Tab leaves it (Qt's own moves between its day,
    month, year, hour and minute sections, five stops for one answer). The arrow keys still
    move between sections and change them, and Alt+Down opens the calendar. Typing: see
    :class:`DateTyping`."""

    def __init__(self, value: QDateTime | None = None, parent: QWidget | None = None) -> None:
        if value is None:
            super().__init__(parent)
        else:
            super().__init__(value, parent)
        self._typing = DateTyping(self)

    def focusNextPrevChild(self, next: bool) -> bool:
        return QWidget.focusNextPrevChild(self, next)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not self._typing.handled(event):
            super().keyPressEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        self._typing.forget()
        super().focusInEvent(event)


class DateField(QDateEdit):
    """A date (no time) that takes only what can be part of one (see :class:`DateTyping`)."""

    def __init__(self, value: QDate, parent: QWidget | None = None) -> None:
        super().__init__(value, parent)
        self._typing = DateTyping(self)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not self._typing.handled(event):
            super().keyPressEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        self._typing.forget()
        super().focusInEvent(event)
