"""The mood report from the Mood page: drawn on a worker behind a progress dialog (the GUI
thread stays free), Cancel leaves no file, the lock stops it."""

from __future__ import annotations

import threading
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from carecompanion.clock import FixedClock
from carecompanion.mood.records import CheckInDraft
from carecompanion.mood.service import MoodService
from carecompanion.session import VaultSession
from carecompanion.ui.mood.mood_files import ReportDialog
from carecompanion.ui.mood.page import MoodPage
from tests.conftest import VaultFactory
from tests.ui.test_background_work import OnGuiThread, on_worker_then_wait, press_cancel

WAIT = 30_000


@pytest.fixture
def page(qtbot: QtBot, vault_factory: VaultFactory, clock: FixedClock) -> MoodPage:
    unlocked, _ = vault_factory()
    session = VaultSession(unlocked, clock)
    for offset in range(30):
        session.mood.add(
            CheckInDraft(mood=4, stress=3, sleep_hours=7.0, at=clock.now() - timedelta(days=offset))
        )
    made = MoodPage(session)
    qtbot.addWidget(made)
    return made


def _ask_for_the_report(page: MoodPage, out: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Choose the report from the page's menu, accept the period, choose ``out``; returns
    what the page then says (filled in as it says it)."""

    monkeypatch.setattr(ReportDialog, "exec", lambda _dialog: QDialog.DialogCode.Accepted)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: told.append(str(a[2])))
    menu = page.more_button.menu()
    assert menu is not None
    next(a for a in menu.actions() if a.text().startswith("Mood report")).trigger()
    return told


def test_the_report_is_drawn_on_a_worker(
    qtbot: QtBot, page: MoodPage, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pypdf import PdfReader

    on_gui: list[bool] = []
    real_days = MoodService.days

    def days(self: MoodService, *args: Any, **kwargs: Any) -> Any:
        on_gui.append(threading.current_thread() is threading.main_thread())
        return real_days(self, *args, **kwargs)

    monkeypatch.setattr(MoodService, "days", days)
    out = tmp_path / "report.pdf"
    told = _ask_for_the_report(page, out, monkeypatch)
    qtbot.waitUntil(lambda: bool(told), timeout=WAIT)
    assert on_gui == [False], "the report read its figures on a worker"
    assert told == [f"The report was saved to {out}. It is not encrypted."]
    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(out).pages)
    assert "Mood report" in text and "Week starting" in text


def test_cancel_leaves_no_report_behind(
    qtbot: QtBot, page: MoodPage, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cancel = OnGuiThread(press_cancel(page))
    real_days = MoodService.days
    asked: list[bool] = []

    def cancel_while_reading(self: MoodService, *args: Any, **kwargs: Any) -> Any:
        asked.append(True)
        on_worker_then_wait(cancel)
        return real_days(self, *args, **kwargs)

    monkeypatch.setattr(MoodService, "days", cancel_while_reading)
    folder = tmp_path / "reports"
    folder.mkdir()
    told = _ask_for_the_report(page, folder / "report.pdf", monkeypatch)
    qtbot.waitUntil(lambda: bool(asked), timeout=WAIT)
    from carecompanion.ui.common.workers import workers_for

    workers = workers_for(page._session)
    qtbot.waitUntil(lambda: not workers.busy, timeout=WAIT)
    assert told == [], "nothing saved, nothing said"
    assert list(folder.iterdir()) == [], "no report and no temp file"
