"""Every word the person sees goes through Qt's translation system, and Spanish is complete.

Three nets, each catching what the others cannot:

- the .ts files match the code and have nothing unfinished (lupdate's view: a new ``tr()``
  without a translation fails here);
- with a pseudo-translator that brackets every string it is asked for, every visible text of
  the real views must carry a bracket (a string that never reaches ``tr()`` fails here);
- with the shipped Spanish installed, no visible text is still English (a ``tr()`` whose
  context lupdate got wrong, or a word the core sends that nobody translated, fails here).

Each translation keeps its source's placeholders and accelerators.
"""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from datetime import datetime, time
from pathlib import Path

import pytest
from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QLocale,
    QModelIndex,
    Qt,
    QTranslator,
)
from PySide6.QtGui import QAction, QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QCalendarWidget,
    QComboBox,
    QDialog,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QTabBar,
    QTableView,
    QTextBrowser,
    QTextEdit,
    QTreeView,
    QWidget,
)
from pytestqt.qtbot import QtBot

from carecompanion.clock import FixedClock
from carecompanion.demo import create_demo_vault
from carecompanion.paths import AppPaths
from carecompanion.session import VaultSession
from carecompanion.ui.app.controller import AppController
from carecompanion.ui.circle.page import CirclePage
from carecompanion.ui.common import core_words, i18n
from carecompanion.vault.earlier import EarlierJournal
from tests.ui.conftest import ControllerFactory

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "translations.py"
SPANISH_TS = ROOT / "resources" / "translations" / "carecompanion_es.ts"
OPEN, CLOSE = "⟦", "⟧"
REFRESH = (
    "Run `python3 scripts/translations.py`, translate the words it marks unfinished in "
    "resources/translations/carecompanion_es.ts, and run it again (see "
    "docs/translations.md)."
)

# -- the .ts files ------------------------------------------------------------------------


def _messages(ts: Path) -> Iterator[tuple[str, str, str, bool]]:
    """(context, source, translation, finished) for every message."""
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            node = message.find("translation")
            assert node is not None
            forms = [f.text or "" for f in node.iter("numerusform")] or [node.text or ""]
            finished = node.get("type") not in ("unfinished", "vanished", "obsolete")
            for form in forms:
                yield name, message.findtext("source") or "", form, finished and bool(form)


def test_the_translations_match_the_code_and_are_complete() -> None:
    result = subprocess.run(
        [sys.executable, str(SCRIPT), "--check"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr + "\n" + REFRESH
    unfinished = [f"{c}: {s!r}" for c, s, _t, done in _messages(SPANISH_TS) if not done]
    assert unfinished == [], REFRESH


_PLACEHOLDER = re.compile(r"\{[a-z_]*\}|%n|%L?\d")


def _accelerators(text: str) -> int:
    return len(re.findall(r"&(?!&)\w", text.replace("&&", "")))


def test_every_translation_keeps_its_placeholders_and_accelerators() -> None:
    wrong = []
    for context, source, translation, done in _messages(SPANISH_TS):
        if not done:
            continue
        if sorted(_PLACEHOLDER.findall(source)) != sorted(_PLACEHOLDER.findall(translation)):
            wrong.append(f"{context}: {source!r} -> {translation!r} (placeholders)")
        if _accelerators(source) != _accelerators(translation):
            wrong.append(f"{context}: {source!r} -> {translation!r} (& accelerator)")
        if source.endswith("…") != translation.endswith("…"):
            wrong.append(f"{context}: {source!r} -> {translation!r} (… opens a dialog)")
    assert wrong == []


def test_no_tr_hides_inside_an_f_string() -> None:
    """lupdate reads no string nested in an f-string: ``f\"{self.tr('Untitled')}\"`` is never
    extracted, so it stays English in every language. Take the translation out first."""
    hidden = re.compile(r"\b(?:tr|translate)\('")
    # Both packages that hold Qt words: the app and the renderers (the PDFs' headings).
    package = ROOT / "src" / "carecompanion"
    wrong = [
        f"{path.relative_to(ROOT)}:{number}: {line.strip()}"
        for folder in (package / "ui", package / "render")
        for path in sorted(folder.rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if hidden.search(line)
    ]
    assert wrong == []


def test_the_ui_has_a_word_for_every_code_the_core_knows() -> None:
    from carecompanion.journal.exchange.importing import ImportSource
    from carecompanion.mood.records import MOOD_WORDS
    from carecompanion.people.meetings import GROUP_KIND_LABELS
    from carecompanion.people.records import RELATION_LABELS

    assert core_words.MOOD_WORDS == MOOD_WORDS
    assert core_words.RELATIONS == RELATION_LABELS
    assert core_words.GROUP_KINDS == GROUP_KIND_LABELS
    # Import sources are worded for people by code (the core's labels are the CLI's).
    assert {s.value for s in ImportSource} == set(core_words.IMPORT_SOURCES)
    from carecompanion.mood import nudge
    from carecompanion.people import crisis_lines

    assert {c.code: c.name for c in crisis_lines.COUNTRIES.values()} == core_words.COUNTRIES
    assert {r.value: r.text for r in nudge.NudgeReason} == core_words.NUDGE_REASONS
    assert core_words.NUDGE_INVITATION == nudge.NUDGE_INVITATION
    assert core_words.EMERGENCY_NOTE == nudge.EMERGENCY_NOTE
    from carecompanion.mood.defaults import DEFAULT_EMOTIONS

    assert tuple(core_words.EMOTIONS) == DEFAULT_EMOTIONS
    from carecompanion.mood.defaults import DEFAULT_ACTIVITIES

    assert tuple(core_words.ACTIVITIES) == DEFAULT_ACTIVITIES
    from carecompanion.people.meetings import WEEKS_OF_MONTH
    from carecompanion.people.records import EMAIL_KINDS, PHONE_KINDS

    assert set(core_words.CONTACT_KINDS) == set(PHONE_KINDS) | set(EMAIL_KINDS)
    assert set(core_words._ORDINALS) == set(WEEKS_OF_MONTH)
    from carecompanion.journal.templates import BUILT_IN_TEMPLATES
    from carecompanion.ui.journal import template_words

    assert {t.id: (t.name, t.title, t.body.strip(), t.tags) for t in BUILT_IN_TEMPLATES} == (
        template_words.BUILT_IN
    )
    from carecompanion.ui.common import widgets
    from carecompanion.vault import strength

    assert list(widgets._STRENGTH_WORDS) == list(strength._LABELS)
    for number in ("999", ""):
        assert core_words.not_an_emergency_service(number) == (
            crisis_lines.NOT_AN_EMERGENCY_SERVICE.format(
                emergency=number or crisis_lines.LOCAL_EMERGENCY
            )
        )


def test_the_weeks_summary_is_worded_by_the_ui_as_the_core_words_it(
    qapp: QCoreApplication,
) -> None:
    from datetime import date, timedelta

    from carecompanion.circle import mood_summary
    from carecompanion.mood.records import DayStat

    first = date(2026, 3, 2)
    for mood in (1.0, 2.5, 3.0, 4.5):
        days = [
            DayStat(
                day=first + timedelta(days=i),
                mood=mood,
                checkins=1,
                mood_low=1,
                mood_high=5,
                stress=4.5,
                energy=None,
                sleep_hours=6.5,
                care_hours=7.25,
            )
            for i in range(3)
        ]
        summary = mood_summary.summarize(days, first, first + timedelta(days=6))
        assert summary is not None
        assert set(summary.figures) == set(core_words.WEEK_FIGURES)
        # With no translator installed the UI's wording is the core's, to the letter.
        assert core_words.week_summary_words(summary.text, summary.figures) == (
            summary.text,
            summary.figures,
        )


def test_the_weeks_summary_writes_decimals_the_spanish_way(
    spanish: i18n.InstalledLanguage,
) -> None:
    from datetime import date, timedelta

    from carecompanion.circle import mood_summary
    from carecompanion.mood.records import DayStat

    first = date(2026, 3, 2)
    days = [
        DayStat(
            day=first + timedelta(days=i),
            mood=2.5,
            checkins=1,
            mood_low=1,
            mood_high=5,
            stress=4.5,
            energy=None,
            sleep_hours=6.5,
            care_hours=7.25,
        )
        for i in range(3)
    ]
    summary = mood_summary.summarize(days, first, first + timedelta(days=6))
    assert summary is not None and "2.5/5" in summary.text
    sentence, figures = core_words.week_summary_words(summary.text, summary.figures)
    assert "2,5/5" in sentence and "6,5 h" in sentence, sentence
    assert not re.search(r"\d\.\d", sentence + " ".join(figures.values())), (sentence, figures)


def test_numbers_and_sizes_are_written_the_spanish_way(spanish: i18n.InstalledLanguage) -> None:
    from carecompanion.ui.journal.attachments_model import human_size

    assert i18n.decimal(2.75) == "2,8"
    assert i18n.decimal(6, 0) == "6"
    assert human_size(5_300_000) == "5,1 MB"


# -- choosing the language ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("setting", "system", "expected"),
    [
        ("system", "es_MX", "es"),
        ("system", "de_DE", "en"),
        ("system", "C", "en"),
        ("en", "es_ES", "en"),
        ("es", "en_GB", "es"),
        ("klingon", "es_AR", "es"),  # an unknown setting falls back to the system
    ],
)
def test_the_language_is_the_setting_then_the_system_then_english(
    setting: str, system: str, expected: str
) -> None:
    assert i18n.choose_language(setting, QLocale(system)) == expected


@pytest.mark.parametrize(
    ("system", "expected"),
    [
        ("C", "es_ES"),  # a system with no country: Spanish from Spain, 24-hour clock
        ("en_US", "es_US"),  # the system's country kept
        ("es_MX", "es_MX"),  # the system already speaks it
    ],
)
def test_the_chosen_language_keeps_the_systems_country_or_takes_its_own(
    qapp: QCoreApplication, system: str, expected: str
) -> None:
    installed = i18n.install("es", qapp, QLocale(system))
    try:
        assert QLocale().name() == expected
    finally:
        installed.uninstall()


def test_installing_spanish_translates_ours_and_qts_own_words(
    qtbot: QtBot, spanish: i18n.InstalledLanguage
) -> None:
    from PySide6.QtWidgets import QDialogButtonBox

    assert spanish.language == "es"
    assert len(spanish.translators) == 2, "ours and Qt's qtbase_es.qm"
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(box)
    assert box.buttons()[0].text() == "Cancelar"
    assert QCoreApplication.translate("MainShell", "Journal") == "Diario"
    assert i18n.format_when(datetime(2026, 3, 2, 9, 5), "long_day") == ("lunes, 2 de marzo de 2026")


def test_a_subclass_finds_its_base_class_words(spanish: i18n.InstalledLanguage) -> None:
    """lupdate files a ``self.tr()`` under the class that wrote it; PySide6 looks it up along
    the instance's MRO, so a subclass still shows the translation (docs/translations.md)."""
    from PySide6.QtCore import QObject

    class MainShell(QObject):  # the context lupdate gives "Journal"
        def title(self) -> str:
            return self.tr("Journal")

    class Subclass(MainShell):
        pass

    assert Subclass().title() == MainShell().title() == "Diario"


def test_english_installs_no_translator(qapp: QCoreApplication) -> None:
    installed = i18n.install("en", qapp, QLocale("en_US"))
    try:
        assert installed.translators == []
        assert QCoreApplication.translate("MainShell", "Journal") == "Journal"
    finally:
        installed.uninstall()


def test_the_language_setting_is_saved_for_the_next_start(
    qtbot: QtBot,
    make_controller: ControllerFactory,
    paths: AppPaths,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from carecompanion.ui.app.settings import UiSettings
    from carecompanion.ui.app.settings_dialog import SettingsDialog

    dialog = SettingsDialog("system", 10, False, None)
    qtbot.addWidget(dialog)
    dialog.set_language("system")
    assert dialog.language_note.isHidden()
    dialog.language.setCurrentIndex(dialog.language.findData("es"))
    assert not dialog.language_note.isHidden()  # "shows the next time you open it"
    assert dialog.chosen_language == "es"
    settings = UiSettings(paths)
    settings.language = dialog.chosen_language
    assert UiSettings(paths).language == "es"
    settings.language = "xx"
    assert UiSettings(paths).language == "system"


# -- walking the views ----------------------------------------------------------------------


def _plain(text: str) -> str:
    if re.search(r"<[a-zA-Z/][^>]*>", text):  # rich text: what is read is its plain text
        document = QTextDocument()
        document.setHtml(text)
        text = document.toPlainText()
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").strip()


def _inside(widget: QWidget, kinds: tuple[type, ...]) -> bool:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, kinds):
            return True
        parent = parent.parentWidget()
    return False


def _columns(model: QAbstractItemModel) -> int:
    """A model's columns, whichever way its Python class lets them be asked for."""
    try:
        return int(model.columnCount())
    except TypeError:
        return int(model.columnCount(QModelIndex()))


def _shows_others_words(widget: QWidget) -> bool:
    """A view of what another member of a circle wrote: their words, in their language."""
    from carecompanion.ui.circle.post_panel import SafeBrowser

    return isinstance(widget, SafeBrowser)


def visible_texts(root: QWidget) -> list[tuple[str, str]]:
    """(where, text) for every word a person can see or hear in ``root``, hidden parts too."""
    found: list[tuple[str, str]] = []

    def add(widget: object, what: str, text: str) -> None:
        text = _plain(text)
        if text:
            found.append((f"{type(widget).__name__}.{what}", text))

    for widget in [root, *root.findChildren(QWidget)]:
        # A calendar's and a spin box's innards show the locale's dates and the value.
        if widget.objectName().startswith("qt_") or _inside(
            widget, (QCalendarWidget, QAbstractSpinBox)
        ):
            continue
        if widget.isWindow():
            add(widget, "windowTitle", widget.windowTitle())
        add(widget, "toolTip", widget.toolTip())
        add(widget, "accessibleName", widget.accessibleName())
        add(widget, "accessibleDescription", widget.accessibleDescription())
        if isinstance(widget, QLabel):
            add(widget, "text", widget.text())
        if isinstance(widget, QAbstractButton):
            add(widget, "text", widget.text())
        if isinstance(widget, QLineEdit | QTextEdit | QPlainTextEdit):
            add(widget, "placeholderText", widget.placeholderText())
        if (
            isinstance(widget, QTextEdit | QPlainTextEdit)
            and widget.isReadOnly()
            and not (_shows_others_words(widget))
        ):
            # What the app writes into a view ("Need help now", a person's details, a
            # built-in template): the document, as read.
            add(widget, "document", widget.toPlainText())
        if isinstance(widget, QGroupBox):
            add(widget, "title", widget.title())
        if isinstance(widget, QSpinBox):
            for what in ("prefix", "suffix", "specialValueText"):
                add(widget, what, getattr(widget, what)())
        if isinstance(widget, QTabBar):
            for index in range(widget.count()):
                add(widget, "tabText", widget.tabText(index))
                add(widget, "tabToolTip", widget.tabToolTip(index))
        if isinstance(widget, QComboBox) and not widget.isEditable():
            for index in range(widget.count()):
                add(widget, "itemText", widget.itemText(index))
        if isinstance(widget, QTableView | QTreeView) and widget.model() is not None:
            header = (
                widget.horizontalHeader() if isinstance(widget, QTableView) else widget.header()
            )
            if isinstance(header, QHeaderView) and not header.isHidden():
                model = widget.model()
                for column in range(model.columnCount()):
                    add(
                        widget,
                        "headerData",
                        str(model.headerData(column, Qt.Orientation.Horizontal) or ""),
                    )
        if (
            isinstance(widget, QAbstractItemView)
            and widget.model() is not None
            and not (
                isinstance(widget, QHeaderView)  # its table's model: read with the table
                or isinstance(widget.parentWidget(), QComboBox)
            )
        ):  # a combo's items: above
            # Every row a list or table shows (the first ones: enough to meet each kind of
            # row), as displayed, told to a screen reader, and as its tooltip.
            model = widget.model()
            for row in range(min(model.rowCount(), 40)):
                for column in range(
                    _columns(model) if isinstance(widget, QTableView | QTreeView) else 1
                ):
                    cell = model.index(row, column)
                    for role, what in (
                        (Qt.ItemDataRole.DisplayRole, "item"),
                        (Qt.ItemDataRole.AccessibleTextRole, "itemAccessible"),
                        (Qt.ItemDataRole.ToolTipRole, "itemToolTip"),
                    ):
                        value = cell.data(role)
                        if isinstance(value, str):
                            add(widget, what, value)
    for action in root.findChildren(QAction):
        owner = action.parent()
        if isinstance(owner, QWidget) and (
            isinstance(owner, QCalendarWidget) or _inside(owner, (QCalendarWidget,))
        ):
            continue  # the calendar's month menu: the locale's month names
        if not action.isSeparator():
            add(action, "text", action.text())
            add(action, "toolTip", action.toolTip())
    return found


class PseudoTranslator(QTranslator):
    """Brackets every string Qt or our code asks to translate: ⟦Save⟧."""

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str:
        del context, disambiguation, n
        return f"{OPEN}{source}{CLOSE}" if source else source

    def isEmpty(self) -> bool:
        return False


@pytest.fixture
def spanish(qapp: QCoreApplication) -> Iterator[i18n.InstalledLanguage]:
    installed = i18n.install("es", qapp, QLocale("es_ES"))
    yield installed
    installed.uninstall()


@pytest.fixture
def pseudo(qapp: QCoreApplication) -> Iterator[None]:
    translator = PseudoTranslator(qapp)
    qapp.installTranslator(translator)
    yield
    qapp.removeTranslator(translator)


#: What may be shown untranslated: the brand, the languages' own names, the demo's people and
#: notes (user data), and the core's texts that docs/translations.md lists as English for now.
BRAND = ("CareCompanion",)
ENDONYMS = tuple(i18n.LANGUAGES.values())


def _core_english() -> tuple[str, ...]:
    """Texts the Qt-free core sends that stay English (see docs/translations.md)."""
    from carecompanion.mood import instruments
    from carecompanion.people.crisis_lines import COUNTRIES

    texts: list[str] = [instruments.NOT_A_DIAGNOSIS, "Day One"]
    # The built-in crisis lines, in their own country's language.
    for country in COUNTRIES.values():
        for line in country.lines:
            texts += [line.name, line.url, line.hours, line.description]
    for instrument in instruments.INSTRUMENTS.values():
        texts += [instrument.title, instrument.instructions, instrument.stem, instrument.citation]
        for item in instrument.items:
            texts.append(item.text)
            texts += [choice.label for choice in item.choices]
    return tuple(texts)


def _demo_data(controller: AppController) -> tuple[str, ...]:
    """Everything the demo wrote: names, places, notes, tags, titles (the person's own
    words)."""
    session = controller.session
    assert session is not None
    texts: list[str] = []
    for contact in session.people.list():
        texts += [
            contact.name,
            contact.role,
            contact.notes,
            contact.address,
            contact.best_times,
            *contact.helps,
            *(e.address for e in contact.emails),
        ]
    for group in session.groups.list():
        texts += [group.name, group.location, group.notes]
    texts += [tag for tag, _count in session.journal.all_tags()]
    texts += [entry.title for entry in session.journal.list_summaries()]  # shared posts
    return tuple(t for t in texts if t)


#: Shortcuts (Qt's own words for keys), the recovery key's shape, the faces drawn as text.
PATTERNS = re.compile(
    r"\b(?:Ctrl|Shift|Alt|Meta|Mayúsculas)\+[\w+]+|\bX{4}(?:-X{4})+\b|"
    r"(?<!\w):[()/|D](?!\w)"
)


def _without(text: str, allowed: tuple[str, ...]) -> str:
    text = PATTERNS.sub(" ", text)
    for phrase in sorted(allowed, key=len, reverse=True):
        text = text.replace(phrase, " ")
    locale = QLocale()
    for number in range(1, 13):  # dates are the locale's, not ours
        for form in (QLocale.FormatType.LongFormat, QLocale.FormatType.ShortFormat):
            text = re.sub(rf"\b{re.escape(locale.monthName(number, form))}\b", " ", text)
            if number <= 7:
                text = re.sub(rf"\b{re.escape(locale.dayName(number, form))}\b", " ", text)
    return text


def _has_letters(text: str) -> bool:
    return re.search(r"[^\W\d_]", text) is not None


def _untranslatable(texts: list[tuple[str, str]], allowed: tuple[str, ...]) -> list[str]:
    """Texts with a run of letters outside any ⟦bracket⟧ that is not allowed."""
    wrong = []
    for where, text in texts:
        outside, innermost = text, re.compile(rf"{OPEN}[^{OPEN}{CLOSE}]*{CLOSE}")
        while innermost.search(outside):  # a translated word inside a translated sentence
            outside = innermost.sub(" ", outside)
        if _has_letters(_without(outside, allowed)):
            wrong.append(f"{where}: {text!r}")
    return sorted(set(wrong))


#: Words that are English and not Spanish: one of them in a Spanish view is a leak.
ENGLISH_WORDS = frozenset(
    {
        "the",
        "and",
        "your",
        "you",
        "with",
        "this",
        "that",
        "what",
        "when",
        "will",
        "here",
        "there",
        "have",
        "was",
        "were",
        "are",
        "not",
        "from",
        "for",
        "into",
        "of",
        "it",
        "its",
        "is",
        "to",
        "in",
        "on",
        "at",
        "by",
        "or",
        "an",
        "my",
        "we",
        "our",
        "they",
        "their",
        "who",
        "how",
        "if",
        "all",
        "any",
        "some",
        "more",
        "less",
        "than",
        "then",
        "only",
        "just",
        "each",
        "every",
        "new",
        "add",
        "edit",
        "delete",
        "save",
        "cancel",
        "close",
        "open",
        "show",
        "hide",
        "settings",
        "journal",
        "mood",
        "people",
        "today",
        "yesterday",
        "entries",
        "entry",
        "check",
        "help",
        "lock",
        "unlock",
        "search",
        "import",
        "export",
        "note",
        "group",
        "groups",
        "meeting",
        "meetings",
        "week",
        "day",
        "days",
        "month",
        "back",
        "next",
        "done",
        "yes",
        "choose",
        "remove",
        "write",
        "share",
        "shared",
        "circle",
        "circles",
        "member",
        "members",
        "passphrase",
        "recovery",
        "key",
        "file",
        "files",
        "none",
        "never",
        "always",
        "please",
        "sorry",
        "can't",
        "don't",
        "isn't",
    }
)


def _english(texts: list[tuple[str, str]], allowed: tuple[str, ...]) -> list[str]:
    wrong = []
    for where, text in texts:
        words = re.findall(r"[\w']+", _without(text, allowed).lower())
        english = [w for w in words if w in ENGLISH_WORDS]
        if english:
            wrong.append(f"{where}: {text!r} (English: {', '.join(sorted(set(english)))})")
    return sorted(set(wrong))


CIRCLE = "Tuesday group"
MEMBER = "Ana"
COMMENT = "Thinking of you"
HELP_WHAT = "Sit with Mum"  # a request in the circle's help calendar (issue 18)


def _share_in_a_circle(session: VaultSession, folder: Path) -> tuple[str, int]:
    """A circle with one of the demo's entries shared in it and a comment on it."""
    session.circles.set_name(MEMBER)
    circle_id = session.circles.create(CIRCLE, folder / "tuesday.carecircle").id
    entry_id = session.journal.list_summaries()[0].id
    rid = session.circles.share_entry(circle_id, entry_id)
    session.circles.comment(circle_id, rid, COMMENT)
    session.circles.sync(circle_id)
    return circle_id, entry_id


def _help_calendar(
    session: VaultSession, page: CirclePage, circle_id: str, window: QWidget
) -> Iterator[QWidget]:
    """The Circle page's help calendar with a request in it, chosen (issue 18)."""
    from datetime import timedelta

    from carecompanion.circle.helping import Ask
    from carecompanion.ui.common.workers import wait_for_background_work

    start = session.clock.now().replace(tzinfo=None, minute=0) + timedelta(days=1)
    session.circles.ask_for_help(
        circle_id, Ask(HELP_WHAT, start, start + timedelta(hours=2), "Europe/London")
    )
    page.tabs.setCurrentWidget(page.help_tab)
    page.help_tab.past_box.setChecked(False)
    page.help_tab.load()
    while page.work.busy:  # read in the background
        wait_for_background_work()
        QCoreApplication.processEvents()
    assert page.help_tab.panel_request() is not None
    yield window
    page.tabs.setCurrentIndex(0)


def _views(controller: AppController, clock: FixedClock, folder: Path) -> Iterator[QWidget]:
    """The unlock screen, the wizard, every section with the demo in it (and a circle), and
    the dialogs."""
    from carecompanion.ui.app.earlier_journals import EarlierJournalsDialog
    from carecompanion.ui.app.settings_dialog import ChangePassphraseDialog, SettingsDialog
    from carecompanion.ui.app.setup_wizard import SetupWizard
    from carecompanion.ui.app.unlock_view import UnlockView
    from carecompanion.ui.circle.dialogs import (
        JoinCircleDialog,
        MemberCardDialog,
        StartCircleDialog,
    )
    from carecompanion.ui.circle.help_dialogs import AskDialog, NoteDialog
    from carecompanion.ui.circle.members_dialog import AddMemberDialog, MembersDialog
    from carecompanion.ui.circle.mood_share_dialog import MoodShareDialog
    from carecompanion.ui.circle.passphrase_dialog import CirclePassphraseDialog
    from carecompanion.ui.circle.share_dialog import ShareDialog
    from carecompanion.ui.common.workers import wait_for_background_work
    from carecompanion.ui.journal.attachment_viewer import AttachmentViewer
    from carecompanion.ui.journal.exchange_dialogs import ExportDialog, ImportDialog
    from carecompanion.ui.journal.templates_dialog import TemplatesDialog
    from carecompanion.ui.mood.checkin_dialog import CheckInDialog
    from carecompanion.ui.mood.mood_files import MoodMapDialog, ReportDialog
    from carecompanion.ui.mood.selfcheck_dialog import SelfCheckDialog
    from carecompanion.ui.people.contact_dialog import ContactDialog, LogDialog
    from carecompanion.ui.people.group_dialog import GroupDialog, MoveMeetingDialog
    from carecompanion.ui.people.help_dialog import HelpDialog
    from carecompanion.ui.people.helplines_dialog import HelplinesDialog

    yield UnlockView()
    yield SetupWizard()
    shell = controller.shell
    session = controller.session
    assert shell is not None and session is not None
    circle_id, entry_id = _share_in_a_circle(session, folder)
    page = shell.circle_page
    page.refresh()
    while page.work.busy:  # the posts are read in the background
        wait_for_background_work()
        QCoreApplication.processEvents()
    page.posts.setCurrentIndex(page.posts_model.index(0, 0))  # the post panel, comment and all
    assert page.panel.post is not None
    for row in range(shell.navigation_model.rowCount()):
        shell.show_section(row)
    QCoreApplication.processEvents()
    yield controller.window
    yield from _help_calendar(session, page, circle_id, controller.window)
    now = clock.now().astimezone()
    settings = SettingsDialog("system", 10, False, None)
    settings.set_language("system")
    settings.set_reminders(True, time(20, 0), False, None)
    dialogs: list[Callable[[], QDialog]] = [
        lambda: settings,
        ChangePassphraseDialog,
        lambda: CheckInDialog(session.mood, now=now),
        lambda: SelfCheckDialog(session),
        lambda: ReportDialog(now.date()),
        lambda: TemplatesDialog(session.templates),
        lambda: ImportDialog(session),
        lambda: ExportDialog(session, []),
        lambda: ContactDialog(),
        lambda: LogDialog("Rosa"),
        lambda: GroupDialog(session.people.list()),
        lambda: MoveMeetingDialog(now),
        lambda: HelpDialog(session.people),
        lambda: HelplinesDialog(session.people.crisis),
        lambda: _help_without_a_known_number(session),
        lambda: AttachmentViewer("scan.pdf", "application/pdf", b"%PDF", "4 bytes"),
        lambda: MoodMapDialog(("Rad",)),
        StartCircleDialog,
        JoinCircleDialog,
        lambda: MemberCardDialog(session.circles, page.work, session.clock),
        lambda: AddMemberDialog(session.circles.card(), True),
        lambda: MembersDialog(session.circles, page.work, circle_id),
        lambda: ShareDialog(session.circles, page.work, entry_id),
        lambda: MoodShareDialog(session.circles, session.mood, page.work),
        lambda: CirclePassphraseDialog(session.circles, page.work, circle_id, False),
        lambda: CirclePassphraseDialog(session.circles, page.work, circle_id, True),
        lambda: EarlierJournalsDialog(_earlier_journals(now, folder)),
        lambda: AskDialog(lambda *_a: None, now.date()),
        lambda: AskDialog(
            lambda *_a: None, now.date(), session.circles.help_board(circle_id).requests[0]
        ),
        lambda: NoteDialog(
            QCoreApplication.translate("HelpTab", "Withdraw my offer"),
            QCoreApplication.translate(
                "HelpTab", "Withdraw your offer to help with “{what}”?"
            ).format(what=HELP_WHAT),
            QCoreApplication.translate("HelpTab", "Why (optional)"),
            QCoreApplication.translate("HelpTab", "Withdraw my offer"),
            None,
            QCoreApplication.translate("HelpTab", "Keep my offer"),
        ),
    ]
    for make in dialogs:
        dialog = make()
        yield dialog
        dialog.deleteLater()


def _earlier_journals(now: datetime, folder: Path) -> list[EarlierJournal]:
    """Two journals a restore replaced: one whose start is known, one whose is not."""
    return [
        EarlierJournal(name, folder / name, now, started, True)
        for name, started in (
            ("replaced-20260304-120000", datetime(2025, 6, 1, tzinfo=now.tzinfo)),
            ("replaced-20260301-090000", None),
        )
    ]


def _every_dialog_class() -> set[type]:
    """Every QDialog the UI defines (its modules imported, then the subclasses found)."""
    import importlib
    import pkgutil

    import carecompanion.ui

    for module in pkgutil.walk_packages(carecompanion.ui.__path__, "carecompanion.ui."):
        importlib.import_module(module.name)

    def below(kind: type[QDialog]) -> set[type[QDialog]]:
        found: set[type[QDialog]] = set()
        for direct in kind.__subclasses__():
            found |= {direct, *below(direct)}
        return found

    return {kind for kind in below(QDialog) if kind.__module__.startswith("carecompanion.ui.")}


def _help_without_a_known_number(session: VaultSession) -> QDialog:
    """ "Need help now" for "another country": 112 and the other common numbers."""
    from carecompanion.ui.people.help_dialog import HelpDialog

    session.people.crisis.choose_country("OTHER")
    return HelpDialog(session.people)


def _walk(
    qtbot: QtBot, make_controller: ControllerFactory, paths: AppPaths, clock: FixedClock
) -> tuple[list[tuple[str, str]], tuple[str, ...]]:
    controller = make_controller()
    controller.start_unlocked(create_demo_vault(paths, clock))
    texts: list[tuple[str, str]] = []
    shared = paths.data_dir / "Shared"
    shared.mkdir()
    walked: set[type] = set()
    for view in _views(controller, clock, shared):
        if view is not controller.window:
            qtbot.addWidget(view)
        walked.add(type(view))
        texts += visible_texts(view)
    missing = sorted(
        f"{d.__module__}.{d.__qualname__}" for d in _every_dialog_class() if d not in walked
    )
    assert missing == [], "Add these dialogs to _views, so their words are checked too"
    allowed = (
        BRAND
        + ENDONYMS
        + _core_english()
        + _demo_data(controller)
        + ("Rosa", "Rad", "scan.pdf", CIRCLE, MEMBER, COMMENT, HELP_WHAT)
    )
    return texts, tuple(phrase for phrase in allowed if phrase.strip())


def test_the_check_notices_a_string_that_skips_tr(qtbot: QtBot, pseudo: None) -> None:
    root = QLabel("Hello there")
    qtbot.addWidget(root)
    assert _untranslatable(visible_texts(root), ()) != []
    root.setText(root.tr("Hello there"))
    assert _untranslatable(visible_texts(root), ()) == []
    # A read-only view's document counts too: "Need help now" is one.
    view = QTextBrowser()
    qtbot.addWidget(view)
    view.setHtml("<h3>Your people</h3>")
    assert _untranslatable(visible_texts(view), ()) != []
    view.setHtml(f"<h3>{view.tr('Your people')}</h3>")
    assert _untranslatable(visible_texts(view), ()) == []


def test_every_visible_string_goes_through_tr(
    qtbot: QtBot,
    make_controller: ControllerFactory,
    paths: AppPaths,
    clock: FixedClock,
    pseudo: None,
) -> None:
    texts, allowed = _walk(qtbot, make_controller, paths, clock)
    assert len(texts) > 300, "the walk found too little to be a walk of the app"
    wrong = _untranslatable(texts, allowed)
    assert wrong == [], (
        "These texts do not go through tr() / QCoreApplication.translate(): wrap them, then "
        + REFRESH
        + "\n"
        + "\n".join(wrong)
    )


def test_no_visible_string_is_english_in_spanish(
    qtbot: QtBot,
    make_controller: ControllerFactory,
    paths: AppPaths,
    clock: FixedClock,
    spanish: i18n.InstalledLanguage,
) -> None:
    texts, allowed = _walk(qtbot, make_controller, paths, clock)
    wrong = _english(texts, allowed)
    # A text shown exactly as an English source whose Spanish differs: a tr() looked up in a
    # context lupdate did not give it (the words above may miss it, this does not).
    untranslated = {
        _plain(source)
        for _c, source, translation, _done in _messages(SPANISH_TS)
        if _plain(source) != _plain(translation)
    } - set(allowed)
    wrong += sorted(
        {f"{where}: {text!r} (its source text)" for where, text in texts if text in untranslated}
    )
    assert wrong == [], (
        "English in the Spanish UI: a string lupdate does not see (a tr() on a variable, or "
        "a context lupdate gets wrong) or one not translated yet. "
        + REFRESH
        + "\n"
        + "\n".join(wrong)
    )


def test_the_sidebar_fits_its_longer_spanish_words(
    qtbot: QtBot,
    make_controller: ControllerFactory,
    paths: AppPaths,
    clock: FixedClock,
    spanish: i18n.InstalledLanguage,
) -> None:
    """Spanish runs about a third longer than English: the sidebar widens rather than cut
    "Necesito ayuda ya" (the crisis button, of all things) short."""
    controller = make_controller()
    controller.start_unlocked(create_demo_vault(paths, clock))
    controller.window.resize(1240, 800)
    controller.window.show()
    qtbot.waitExposed(controller.window)
    shell = controller.shell
    assert shell is not None
    button = shell.help_button
    assert button.text() == "Necesito ayuda ya"
    assert button.width() >= button.sizeHint().width(), (button.width(), button.sizeHint())
