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
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

# How dates, times and numbers are written lives with the renderers, which write them on paper
# too (and run where no UI is loaded: the command line, worker threads); the UI imports them
# from here as before.
from carecompanion.render.formats import DateStyle as DateStyle
from carecompanion.render.formats import date_pattern as date_pattern
from carecompanion.render.formats import decimal as decimal
from carecompanion.render.formats import format_entry_when as format_entry_when
from carecompanion.render.formats import format_time as format_time
from carecompanion.render.formats import format_when as format_when
from carecompanion.render.formats import short_number as short_number
from carecompanion.ui.common.resources import resources_dir

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


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Marks ``text`` for lupdate (which reads the call by this name) without translating it
    yet: for tables of words looked up later with ``translate(context, text)``. Typed, unlike
    PySide6's own."""
    del context
    return text
