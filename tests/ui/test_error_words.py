"""The core's sentences reach the person in their language, found by code, values intact; and
a surprise ends in a calm dialog and a log line with no content in it."""

from __future__ import annotations

import ast
import importlib
import logging
import pkgutil
import re
import sys
import threading
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

import carecompanion
from carecompanion import errors
from carecompanion.errors import CareCompanionError, Sentence, sentences
from carecompanion.ui.app import unexpected
from carecompanion.ui.common import error_words, i18n
from carecompanion.vault.errors import WrongPassphrase
from tests.conftest import VaultFactory
from tests.ui.conftest import ControllerFactory

ROOT = Path(__file__).resolve().parents[2]
SPANISH_TS = ROOT / "resources" / "translations" / "carecompanion_es.ts"
CORE = ROOT / "src" / "carecompanion"
_FIELDS = re.compile(r"\{[a-z_]+\}")
SECRET = "Margaret's pills are in the blue box"


def _import_the_core() -> dict[str, Sentence]:
    """Every sentence of the core, by code: its modules' constants and its error classes'
    own sentences (the registry may hold the tests' sentences too)."""
    found: dict[str, Sentence] = {}
    for info in pkgutil.walk_packages(carecompanion.__path__, "carecompanion."):
        if info.name.startswith(("carecompanion.ui", "carecompanion.storage.migrations.env")):
            continue
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            if name == "_SENTENCES":
                continue  # the registry itself, which holds the tests' sentences too
            # A constant, or one in a table of them (strength advice by score).
            held = list(value.values()) if isinstance(value, dict) else value
            for item in held if isinstance(held, tuple | list) else [value]:
                if isinstance(item, Sentence):
                    found[item.code] = item
    for cls in _subclasses(CareCompanionError):
        own = cls.__dict__.get("sentence")
        if own is not None and cls.__module__.startswith("carecompanion."):
            found[own.code] = own
    assert all(sentences()[code] is sentence for code, sentence in found.items())
    return found


def _needs_words(sentence: Sentence) -> bool:
    """The command line's sentences stay English; one made only of fields has no words."""
    own_words = re.search(r"[^\W\d_]", _FIELDS.sub("", sentence.english))
    return not sentence.code.startswith("cli.") and own_words is not None


def _spanish() -> dict[str, str]:
    found = {}
    for context in ET.parse(SPANISH_TS).getroot().iter("context"):
        if context.findtext("name") != error_words.CONTEXT:
            continue
        for message in context.iter("message"):
            node = message.find("translation")
            assert node is not None
            if node.get("type") is None and node.text:
                found[message.findtext("source") or ""] = node.text
    return found


def _subclasses(cls: type) -> Iterator[type]:
    sub: type
    for sub in cls.__subclasses__():
        yield sub
        yield from _subclasses(sub)


@pytest.fixture
def spanish(qapp: QCoreApplication) -> Iterator[None]:
    installed = i18n.install("es", qapp, QLocale("es_ES"))
    yield
    installed.uninstall()


# -- the table ---------------------------------------------------------------------------------


def test_every_code_the_core_can_say_has_words_in_the_ui() -> None:
    said = {code: s for code, s in _import_the_core().items() if _needs_words(s)}
    assert len(said) > 250  # the walk found the core (an empty registry cannot pass)
    missing = sorted(set(said) - set(error_words.WORDS))
    assert missing == [], "add these codes to ui/common/error_words.py WORDS"
    different = [c for c, s in said.items() if error_words.WORDS[c] != s.english]
    assert different == [], "the UI's English must be the core's"
    stale = sorted(set(error_words.WORDS) - set(said))
    assert stale == [], "codes the core no longer says"


def test_every_code_is_translated_into_spanish_with_its_fields() -> None:
    spanish = _spanish()
    untranslated = [c for c, english in error_words.WORDS.items() if english not in spanish]
    assert untranslated == []
    lost = [
        c
        for c, english in error_words.WORDS.items()
        if sorted(_FIELDS.findall(english)) != sorted(_FIELDS.findall(spanish[english]))
    ]
    assert lost == []


def test_each_error_class_that_has_one_thing_to_say_has_its_own_code() -> None:
    _import_the_core()
    owners: dict[str, str] = {}
    for cls in _subclasses(CareCompanionError):
        if not cls.__module__.startswith("carecompanion."):
            continue
        sentence = cls.__dict__.get("sentence")
        if sentence is None:
            continue  # a base, raised with the sentence that applies
        assert sentence.code not in owners, f"{cls.__name__} and {owners[sentence.code]}"
        owners[sentence.code] = cls.__name__
    assert len(owners) > 20


def test_the_domains_errors_share_one_root_and_one_import_error() -> None:
    from carecompanion.circle.errors import CircleError
    from carecompanion.cli.io import CliError
    from carecompanion.journal.entries import EntryNotFound
    from carecompanion.journal.exchange.errors import ImportFormatError as JournalImportError
    from carecompanion.mood.errors import ImportFormatError as MoodImportError
    from carecompanion.mood.errors import MoodError
    from carecompanion.people.errors import PeopleError, VCardError
    from carecompanion.vault.errors import VaultError

    for cls in (VaultError, CircleError, MoodError, PeopleError, EntryNotFound, CliError):
        assert issubclass(cls, CareCompanionError)
    assert issubclass(EntryNotFound, LookupError)  # as callers have long caught it
    assert JournalImportError is errors.ImportFormatError
    assert issubclass(MoodImportError, errors.ImportFormatError)
    assert issubclass(VCardError, errors.ImportFormatError)


def test_sentences_are_constants_so_importing_the_core_finds_them_all() -> None:
    """A Sentence made inside a function would only exist once that code ran: the table
    test above could not see it."""
    inside: list[str] = []
    for path in sorted(CORE.rglob("*.py")):
        if "ui" in path.relative_to(CORE).parts:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for function in ast.walk(tree):
            if not isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            for node in ast.walk(function):
                if (
                    isinstance(node, ast.Call)
                    and isinstance(node.func, ast.Name)
                    and node.func.id == "Sentence"
                ):
                    inside.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert inside == []


# -- real errors, in Spanish -------------------------------------------------------------------


def test_a_wrong_passphrase_is_said_in_spanish_on_the_unlock_screen(
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
    english = WrongPassphrase.sentence.english
    assert view.error.text() == _spanish()[english]
    assert "passphrase" not in view.error.text()


def test_an_import_error_keeps_its_file_and_line_in_spanish(tmp_path: Path, spanish: None) -> None:
    from carecompanion.journal.exchange import ImportFormatError, ImportSource, read_import

    file = tmp_path / "old journal.json"
    file.write_text('{"entries": [\n  {"date": "2024-13-45", "body": "x"}\n]}', "utf-8")
    with pytest.raises(ImportFormatError) as raised:
        read_import(ImportSource.JRNL, file)
    assert str(raised.value) == "old journal.json, line 2: entry 1: '2024-13-45' is not a real date"
    assert (raised.value.path, raised.value.line) == ("old journal.json", 2)
    shown = error_words.message(raised.value)
    assert shown == "old journal.json, línea 2: entrada 1: '2024-13-45' no es una fecha que exista"


def test_a_circle_action_that_is_not_allowed_is_said_in_spanish(
    tmp_path: Path, vault_factory: VaultFactory, clock: object, spanish: None
) -> None:
    from carecompanion.circle.errors import NotAllowed
    from carecompanion.paths import AppPaths
    from carecompanion.session import VaultSession

    def person(name: str) -> VaultSession:
        unlocked, _key = vault_factory(paths=AppPaths(tmp_path / name))
        session = VaultSession(unlocked, clock)  # type: ignore[arg-type]
        session.circles.set_name(name)
        return session

    ana, bea = person("Ana"), person("Bea")
    shared = tmp_path / "Tuesday group.carecircle"
    circle_id = ana.circles.create("Tuesday group", shared).id
    ana.circles.add_member(circle_id, bea.circles.card(), "reader")
    ana.circles.sync(circle_id)
    bea.circles.join(shared)
    with pytest.raises(NotAllowed) as refused:
        bea.circles.add_member(circle_id, ana.circles.card())
    assert refused.value.code == "circle.only_admins_change"
    assert error_words.message(refused.value) == (
        "Solo quien organiza el círculo o un admin puede cambiar quién está en él."
    )


def test_a_field_s_label_inside_a_sentence_is_translated_too(spanish: None) -> None:
    from carecompanion.mood.records import CheckInDraft
    from carecompanion.mood.validation import find_problems

    (problem,) = find_problems(CheckInDraft(mood=3, stress=11), datetime(2026, 11, 25, tzinfo=UTC))
    assert problem.message == "Stress must be a whole number from 0 to 10."  # the CLI's
    assert error_words.say(problem.message) == "El estrés debe ser un número entero del 0 al 10."


def test_what_the_person_wrote_is_shown_as_written(spanish: None) -> None:
    """A value is never looked up or re-filled, even one that looks like a field."""
    from carecompanion.circle.files import NOT_THERE

    name = "Sleep {name} 50% %1.carecircle"
    shown = error_words.say(NOT_THERE(name=name))
    assert shown == f"El archivo del círculo {name} no está ahí."


def test_a_warning_after_an_import_is_translated(spanish: None) -> None:
    from carecompanion.people.vcard_read import parse_vcards

    card = b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ana\r\nPHOTO;VALUE=URI:https://x.test/a.jpg\r\nEND:VCARD\r\n"
    (parsed,) = parse_vcards(card, Path("contacts.vcf"))
    (warning,) = parsed.warnings
    assert warning == "line 4: the photo is a web link; it was not downloaded."
    assert error_words.say(warning) == "línea 4: la foto es un enlace web; no se ha descargado."


def test_a_translation_that_lost_a_field_falls_back_to_english(
    qapp: QCoreApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
    from carecompanion.circle.files import NOT_THERE

    monkeypatch.setattr(
        QCoreApplication, "translate", staticmethod(lambda _c, _t, *_a: "Falta {nombre}.")
    )
    assert error_words.say(NOT_THERE(name="a.carecircle")) == (
        "The circle file a.carecircle is not there."
    )


# -- surprises ---------------------------------------------------------------------------------


def _boom() -> None:
    raise RuntimeError(SECRET)


def test_a_surprise_in_an_action_is_a_calm_line_and_a_log_without_content(
    qapp: QCoreApplication, caplog: pytest.LogCaptureFixture
) -> None:
    try:
        _boom()
    except RuntimeError as exc:
        with caplog.at_level(logging.ERROR, logger="carecompanion"):
            shown = error_words.message(exc)
    assert shown == "Something went wrong (RuntimeError). Your journal is safe; please try again."
    (record,) = caplog.records
    assert "RuntimeError" in record.getMessage() and "_boom" in record.getMessage()
    assert SECRET not in record.getMessage() and "blue box" not in caplog.text


def test_the_excepthook_shows_a_calm_dialog_and_logs_no_content(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, everything_logged: Path
) -> None:
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(
        QMessageBox, "warning", lambda _parent, title, text: shown.append((title, text))
    )
    reporter = unexpected.SurpriseReporter()
    try:
        _boom()
    except RuntimeError:
        reporter.excepthook(*sys.exc_info())
    qtbot.waitUntil(lambda: len(shown) == 1)
    title, text = shown[0]
    assert title == "Something went wrong"
    assert "Your journal is safe" in text and "Traceback" not in text and SECRET not in text
    log = everything_logged.read_text(encoding="utf-8")
    assert "unexpected RuntimeError in the app" in log
    assert "tests/ui/test_error_words.py" not in log  # only our package's paths, by name
    assert "test_error_words.py:" in log and "_boom" in log
    assert SECRET not in log and "blue box" not in log


def test_a_surprise_in_a_worker_thread_is_shown_on_the_gui_thread(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    shown: list[bool] = []

    def warning(*_args: object) -> None:
        assert threading.current_thread() is threading.main_thread()
        shown.append(True)

    monkeypatch.setattr(QMessageBox, "warning", warning)
    reporter = unexpected.SurpriseReporter()
    monkeypatch.setattr(threading, "excepthook", reporter.thread_excepthook)
    worker = threading.Thread(target=_boom, name="export")
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: shown == [True])
    assert "unexpected RuntimeError in the thread export" in caplog.text
    assert SECRET not in caplog.text


def test_install_puts_the_hooks_in_place(qapp: QCoreApplication) -> None:
    saved = sys.excepthook, threading.excepthook
    try:
        reporter = unexpected.install(qapp)  # type: ignore[arg-type]
        assert sys.excepthook == reporter.excepthook
        assert threading.excepthook == reporter.thread_excepthook
    finally:
        sys.excepthook, threading.excepthook = saved
