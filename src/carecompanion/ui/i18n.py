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
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

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
    """"es-MX", "es_ES", "es" -> "es"."""
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


def install(setting: str = SYSTEM, app: QCoreApplication | None = None,
            locale: QLocale | None = None) -> InstalledLanguage:
    """Install the translators for the chosen language; English installs none."""
    app = app or QCoreApplication.instance()
    language = choose_language(setting, locale)
    installed = InstalledLanguage(language)
    if app is None:
        return installed
    system = locale or QLocale.system()
    # Dates, numbers and Qt's calendars follow the chosen language, in the system's country.
    target = system if _language_of(system.name()) == language else QLocale(
        f"{language}_{system.name().partition('_')[2] or 'US'}")
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
        log.info("Qt's own %s translation is not installed: standard buttons stay English",
                 language)
    return installed


def format_when(value: date | datetime, pattern: str) -> str:
    """A date or local time with Qt's pattern letters ("ddd dd MMM yyyy, HH:mm"), its day and
    month names in the chosen language (Python's strftime would say them in English)."""
    day = QDate(value.year, value.month, value.day)
    if isinstance(value, datetime):
        moment = QDateTime(day, QTime(value.hour, value.minute, value.second))
        return QLocale().toString(moment, pattern)
    return QLocale().toString(day, pattern)


def decimal(value: float, digits: int = 1) -> str:
    """A number as the chosen language writes it: "2.8" in English, "2,8" in Spanish."""
    return QLocale().toString(float(value), "f", digits)


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Marks ``text`` for lupdate (which reads the call by this name) without translating it
    yet: for tables of words looked up later with ``translate(context, text)``. Typed, unlike
    PySide6's own."""
    del context
    return text
