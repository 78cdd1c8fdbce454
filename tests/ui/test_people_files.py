"""The People page's vCard import and its vCard and calendar exports run on workers, behind a
progress dialog whose Cancel and the lock really stop them (no sleeps: the worker is steered
as in test_background_work.py)."""

from __future__ import annotations

import threading
from datetime import time, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from carecompanion.clock import FixedClock
from carecompanion.people.contacts import PeopleService
from carecompanion.people.groups import GroupService
from carecompanion.people.meetings import GroupDraft, Schedule
from carecompanion.people.records import ContactDraft
from carecompanion.session import VaultSession
from carecompanion.ui.app.controller import AppController
from carecompanion.ui.people.page import PeoplePage
from tests.conftest import VaultFactory
from tests.helpers import GOOD_PASSPHRASE
from tests.ui.conftest import ControllerFactory
from tests.ui.test_background_work import OnGuiThread, on_worker_then_wait, press_cancel

WAIT = 30_000
VCARDS = Path(__file__).parent.parent / "fixtures" / "vcard" / "google_contacts_3_0.vcf"


def _session(vault_factory: VaultFactory, clock: FixedClock) -> VaultSession:
    unlocked, _ = vault_factory()
    return VaultSession(unlocked, clock)


def _menu(page: PeoplePage, text: str) -> None:
    """Choose ``text`` from the page's Import and export menu, as a person would."""
    menu = page.files_button.menu()
    assert menu is not None
    action = next(a for a in menu.actions() if a.text() == text)
    action.trigger()


def _on_worker(monkeypatch: pytest.MonkeyPatch, cls: type, name: str) -> list[bool]:
    """Record, for each call of ``cls.name``, whether it ran on the GUI thread."""
    on_gui: list[bool] = []
    real = getattr(cls, name)

    def recorded(self: Any, *args: Any, **kwargs: Any) -> Any:
        on_gui.append(threading.current_thread() is threading.main_thread())
        return real(self, *args, **kwargs)

    monkeypatch.setattr(cls, name, recorded)
    return on_gui


@pytest.fixture
def page(
    qtbot: QtBot, vault_factory: VaultFactory, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> PeoplePage:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(VCARDS), ""))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    made = PeoplePage(_session(vault_factory, clock))
    qtbot.addWidget(made)
    return made


def test_vcard_import_reads_and_adds_on_workers(
    qtbot: QtBot, page: PeoplePage, monkeypatch: pytest.MonkeyPatch
) -> None:
    previewed = _on_worker(monkeypatch, PeopleService, "preview_import")
    added = _on_worker(monkeypatch, PeopleService, "import_cards")
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: told.append(str(a[2])))
    _menu(page, "Import contacts (vCard)…")
    qtbot.waitUntil(lambda: not page.files_busy, timeout=WAIT)
    people = page._session.people
    assert people.count() > 0
    assert told == [f"Added {people.count()} people (0 already here)."]
    assert previewed == [False] and added == [False], "neither ran on the GUI thread"
    assert page.model.rowCount() == people.count(), "the list shows them"


def test_vcard_and_calendar_exports_are_written_on_workers(
    qtbot: QtBot, page: PeoplePage, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    session = page._session
    session.people.add(ContactDraft(name="Maria Okafor"))
    start = session.clock.now().date() + timedelta(days=1)
    session.groups.add(
        GroupDraft(name="Carers' circle", schedule=Schedule.weekly(start, time(18), "UTC"))
    )
    vcards = _on_worker(monkeypatch, PeopleService, "export_vcard")
    meetings = _on_worker(monkeypatch, GroupService, "export_ics")
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: told.append(str(a[2])))
    for name, action in (
        ("contacts.vcf", "Export contacts (vCard)…"),
        ("meetings.ics", "Export meetings to a calendar (.ics)…"),
    ):
        out = tmp_path / name
        monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, _o=out, **k: (str(_o), ""))
        _menu(page, action)
        qtbot.waitUntil(lambda: not page.files_busy, timeout=WAIT)
    assert vcards == [False] and meetings == [False], "neither ran on the GUI thread"
    assert "FN:Maria Okafor" in (tmp_path / "contacts.vcf").read_text(encoding="utf-8")
    assert "Carers' circle" in (tmp_path / "meetings.ics").read_text(encoding="utf-8")
    assert len(told) == 2 and all("not encrypted" in text for text in told)


def test_cancel_while_reading_adds_nobody(
    qtbot: QtBot, page: PeoplePage, monkeypatch: pytest.MonkeyPatch
) -> None:
    cancel = OnGuiThread(press_cancel(page))
    real = PeopleService.preview_import

    def cancel_then_preview(self: PeopleService, cards: Any) -> Any:
        on_worker_then_wait(cancel)  # Cancel pressed while the file is read
        return real(self, cards)

    monkeypatch.setattr(PeopleService, "preview_import", cancel_then_preview)
    monkeypatch.setattr(
        QMessageBox, "question", lambda *a, **k: pytest.fail("a cancelled import asks nothing")
    )
    _menu(page, "Import contacts (vCard)…")
    qtbot.waitUntil(lambda: not page.files_busy, timeout=WAIT)
    assert page._session.people.count() == 0


@pytest.fixture
def controller(make_controller: ControllerFactory, vault_factory: VaultFactory) -> AppController:
    unlocked, _ = vault_factory()
    made = make_controller()
    made.start_unlocked(unlocked)
    return made


def test_locking_before_the_import_writes_adds_nobody_and_the_app_works_again(
    qtbot: QtBot, controller: AppController, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert controller.shell is not None
    page = controller.shell.people_page
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(VCARDS), ""))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    lock = OnGuiThread(controller.lock)
    real_preview = PeopleService.preview_import

    def lock_while_reading(self: PeopleService, cards: Any) -> Any:
        on_worker_then_wait(lock)  # the idle timer fires while the file is read
        return real_preview(self, cards)

    written = _on_worker(monkeypatch, PeopleService, "import_cards")
    monkeypatch.setattr(PeopleService, "preview_import", lock_while_reading)
    _menu(page, "Import contacts (vCard)…")
    qtbot.waitUntil(lambda: controller.session is None, timeout=WAIT)
    QApplication.processEvents()  # what the worker sent after the lock arrives: and is dropped
    assert written == [], "no confirmation, no write: the lock stopped the import"
    controller.unlock(GOOD_PASSPHRASE)
    qtbot.waitUntil(lambda: controller.session is not None, timeout=WAIT)
    assert controller.session is not None and controller.session.people.count() == 0
