"""Languages: which one to show, and the translators that show it.

The choice is the setting if one was made, else the system's language if we ship it, else
English (the language the code is written in, so it needs no file). Qt's own words (the
buttons of standard dialogs, a line edit's menu) come from Qt's ``qtbase_*.qm`` files, which
PySide6 carries; ours from ``resources/translations/carecompanion_*.qm``.

Installed once, before the first widget exists: a language change takes effect on the next
start, and the settings say so.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path
from typing import Literal

from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QDateTime,
    QLibraryInfo,
    QLocale,
    QTime,
    QTranslator,
)

from carecompanion.ui.resources import resources_dir

log = logging.getLogger(__name__)

SYSTEM = "system"
SOURCE_LANGUAGE = "en"
#: The languages we ship, by code, each named in its own language for the settings.
LANGUAGES: dict[str, str] = {"en": "English", "es": "Español"}
QM_PREFIX = "carecompanion_"


def translations_dir() -> Path:
    return resources_dir() / "translations"


def _language_of(locale_name: str) -> str:
    """ "es-MX", "es_ES", "es" -> "es"."""
    return locale_name.replace("-", "_").split("_")[0].lower()


def system_language(locale: QLocale | None = None) -> str:
    """The first of the system's preferred languages that we ship, else English."""
    locale = locale or QLocale.system()
    for name in locale.uiLanguages():
        code = _language_of(name)
        if code in LANGUAGES:
            return code
    return SOURCE_LANGUAGE


def choose_language(setting: str, locale: QLocale | None = None) -> str:
    """The setting ("system", "en", "es"...) made concrete."""
    return setting if setting in LANGUAGES else system_language(locale)


@dataclass
class InstalledLanguage:
    """What :func:`install` put in place, so tests (and a later change) can take it out."""

    language: str
    translators: list[QTranslator] = field(default_factory=list)
    previous_locale: QLocale | None = None

    def uninstall(self) -> None:
        for translator in self.translators:
            QCoreApplication.removeTranslator(translator)
        self.translators.clear()
        if self.previous_locale is not None:
            QLocale.setDefault(self.previous_locale)
            self.previous_locale = None


def _load(translator: QTranslator, name: str, folder: Path | str) -> bool:
    return bool(translator.load(name, str(folder)))


def install(
    setting: str = SYSTEM, app: QCoreApplication | None = None, locale: QLocale | None = None
) -> InstalledLanguage:
    """Install the translators for the chosen language; English installs none."""
    app = app or QCoreApplication.instance()
    language = choose_language(setting, locale)
    installed = InstalledLanguage(language)
    if app is None:
        return installed
    system = locale or QLocale.system()
    # Dates, numbers and Qt's calendars follow the chosen language, in the system's country.
    # A system with no country (LANG=C) gets the language's own most likely one: Spanish
    # from Spain, not from the United States.
    territory = system.name().partition("_")[2]
    target = (
        system
        if _language_of(system.name()) == language
        else QLocale(f"{language}_{territory}" if territory else language)
    )
    if target.name() != QLocale().name():
        installed.previous_locale = QLocale()
        QLocale.setDefault(target)
    if language == SOURCE_LANGUAGE:
        return installed
    ours = QTranslator(app)
    if _load(ours, QM_PREFIX + language, translations_dir()):
        app.installTranslator(ours)
        installed.translators.append(ours)
    else:
        log.warning("no translation file for %s; showing English", language)
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt_own = QTranslator(app)
    if _load(qt_own, "qtbase_" + language, qt_folder):
        app.installTranslator(qt_own)
        installed.translators.append(qt_own)
    else:
        log.info(
            "Qt's own %s translation is not installed: standard buttons stay English", language
        )
    return installed


#: The ways the UI writes a date or a time: every date on screen is one of these, so the same
#: moment reads the same on every screen. Names, not patterns: the patterns follow the
#: chosen language's locale (its day/month order and its clock), in :func:`date_pattern`.
DateStyle = Literal[
    "day_time",  # Thu 5 Mar 2026, 14:30   (an entry, a check-in)
    "day",  # Thu 5 Mar 2026   (a day in a list or a table)
    "date",  # 5 Mar 2026   (a date field, where the weekday would only take room)
    "short_day_time",  # Thu 5 Mar, 14:30   (this week's meetings)
    "short_day",  # Thu 5 Mar
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


def format_time(value: time) -> str:
    """A time of day (a reminder, a meeting's start) as the "time" style writes it."""
    return QLocale().toString(QTime(value.hour, value.minute), date_pattern("time"))


def decimal(value: float, digits: int = 1) -> str:
    """A number as the chosen language writes it: "2.8" in English, "2,8" in Spanish."""
    return QLocale().toString(float(value), "f", digits)


def short_number(value: float) -> str:
    """A small figure without needless decimals, as the language writes it: "7", "7,5"."""
    return QLocale().toString(float(value), "g", 3)


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Marks ``text`` for lupdate (which reads the call by this name) without translating it
    yet: for tables of words looked up later with ``translate(context, text)``. Typed, unlike
    PySide6's own."""
    del context
    return text
