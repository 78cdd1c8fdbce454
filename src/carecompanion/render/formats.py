"""How the chosen language writes dates, times and numbers: the one place, for the screen and
for paper alike (the UI re-exports these from ``carecompanion.ui.common.i18n``).

QtCore only (QLocale): the PDF renderers use it on a worker thread, and the command line
without any window system. The language is whatever ``QLocale`` is set to by default, which
``ui.i18n.install`` sets from the person's choice; the command line leaves it as the system's.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, tzinfo
from typing import Literal

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale, QTime

from carecompanion.localtime import foreign_zone, in_named_zone, is_offset_name

translate = QCoreApplication.translate  # lupdate reads translate("Context", "...")

#: The ways the UI writes a date or a time: every date on screen is one of these, so the same
#: moment reads the same on every screen. Names, not patterns: the patterns follow the
#: chosen language's locale (its day/month order and its clock), in :func:`date_pattern`.
DateStyle = Literal[
    "day_time",  # Thu 5 Mar 2026, 14:30   (an entry, a check-in)
    "day",  # Thu 5 Mar 2026   (a day in a list or a table)
    "date",  # 5 Mar 2026   (a date field, where the weekday would only take room)
    "short_day_time",  # Thu 5 Mar, 14:30   (this week's meetings)
    "short_day",  # Thu 5 Mar
    "day_month",  # 5 Mar   (a chart's axis over a few months)
    "long_day",  # Thursday, 5 March 2026   (a heading)
    "long_date",  # 5 March 2026   (in a sentence)
    "month",  # March 2026
    "short_month",  # Mar   (a chart's axis)
    "time",  # 14:30 (2:30 PM where the locale says so)
]


def date_pattern(style: DateStyle, locale: QLocale | None = None) -> str:
    """Qt's pattern letters for ``style`` in ``locale`` (default: the chosen language's); also
    for a QDateTimeEdit's display format, so what is typed looks like what is shown."""
    locale = locale or QLocale()
    short = locale.dateFormat(QLocale.FormatType.ShortFormat).strip()
    month_first = short.startswith("M")  # the United States: "Thu Mar 5, 2026"
    long_day = locale.dateFormat(QLocale.FormatType.LongFormat)
    clock = locale.timeFormat(QLocale.FormatType.ShortFormat)
    day = "ddd MMM d, yyyy" if month_first else "ddd d MMM yyyy"
    short_day = "ddd MMM d" if month_first else "ddd d MMM"
    spanish = locale.language() == QLocale.Language.Spanish
    patterns: dict[str, str] = {
        "day_time": f"{day}, {clock}",
        "day": day,
        "date": "MMM d, yyyy" if month_first else "d MMM yyyy",
        "short_day_time": f"{short_day}, {clock}",
        "short_day": short_day,
        "day_month": "MMM d" if month_first else "d MMM",
        "long_day": long_day,
        # The long format without its weekday: "5 de marzo de 2026", "March 5, 2026".
        "long_date": re.sub(r"^\W*d{4}\W*|\W*d{4}\W*$", "", long_day) or "d MMMM yyyy",
        "month": "MMMM 'de' yyyy" if spanish else "MMMM yyyy",
        "short_month": "MMM",
        "time": clock,
    }
    return patterns[style]


def format_when(value: date | datetime, style: DateStyle) -> str:
    """A date or a moment in one of the named :data:`DateStyle` styles, its day and month
    names in the chosen language (Python's strftime would say them in English). An aware
    datetime is shown in this computer's time zone; a naive one is taken as local."""
    pattern = date_pattern(style)
    if isinstance(value, datetime):
        if value.tzinfo is not None:
            value = value.astimezone()
        day = QDate(value.year, value.month, value.day)
        moment = QDateTime(day, QTime(value.hour, value.minute, value.second))
        return QLocale().toString(moment, pattern)
    if style == "time":
        raise ValueError("a date has no time of day")
    return QLocale().toString(QDate(value.year, value.month, value.day), pattern)


#: An all-day entry's styles: the same date without its time.
_WITHOUT_TIME: dict[DateStyle, DateStyle] = {"day_time": "day", "short_day_time": "short_day"}


def format_entry_when(
    at: datetime,
    time_zone: str | None,
    style: DateStyle,
    *,
    all_day: bool = False,
    reader: tzinfo | None = None,
) -> str:
    """A journal entry's date (and time) as it was on the clock where it was written
    (``time_zone``; this computer's when None). A time whose zone's clock differed from the
    reader's (``reader``; None: this computer's) at that moment says where, discreetly:
    "23:30 (New York time)", "08:00 (UTC+09:00)". An all-day entry is shown without a time.
    """
    style = _WITHOUT_TIME.get(style, style) if all_day else style
    wall = in_named_zone(at, time_zone, reader).replace(tzinfo=None)
    if all_day and style == "time":
        return ""
    text = format_when(wall, style)
    place = foreign_zone(at, time_zone, reader) if style in _TIMED else None
    if place is None:
        return text
    if time_zone is not None and is_offset_name(time_zone):
        return translate("EntryTime", "{when} ({offset})").format(when=text, offset=place)
    return translate("EntryTime", "{when} ({place} time)").format(when=text, place=place)


_TIMED = frozenset({"day_time", "short_day_time", "time"})


def format_time(value: time) -> str:
    """A time of day (a reminder, a meeting's start) as the "time" style writes it."""
    return QLocale().toString(QTime(value.hour, value.minute), date_pattern("time"))


def decimal(value: float, digits: int = 1) -> str:
    """A number as the chosen language writes it: "2.8" in English, "2,8" in Spanish."""
    return QLocale().toString(float(value), "f", digits)


def short_number(value: float) -> str:
    """A small figure without needless decimals, as the language writes it: "7", "7,5"."""
    return QLocale().toString(float(value), "g", 3)
