"""Imports and exports run on workers; Cancel and the lock really stop them, at a safe point.

Each test steers the worker deterministically (no sleeps): a stand-in for one core call, on
the worker, asks the GUI thread for a Cancel click or a lock, then waits until its task is
cancelled before going on; the core then stops at its next safe point. The database holds
all of an import's one transaction or none of it, no plaintext file is left behind, and the
app unlocks and works again.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QApplication, QProgressDialog, QPushButton
from pytestqt.qtbot import QtBot

from carecompanion.journal.exchange.importing import ImportSource, commit_import, preview_import
from carecompanion.journal.exchange.json_export import export_json
from carecompanion.ui.app.controller import AppController
from carecompanion.ui.common.workers import current_task, workers_for
from carecompanion.ui.journal import exchange_dialogs
from carecompanion.ui.journal.exchange_dialogs import ExportDialog, ImportDialog
from tests.conftest import VaultFactory
from tests.helpers import GOOD_PASSPHRASE
from tests.ui.conftest import ControllerFactory

WAIT = 30_000
ENTRIES = 400


class OnGuiThread(QObject):
    """Lets a worker ask the GUI thread to do something (a queued signal)."""

    asked = Signal()

    def __init__(self, action: Callable[[], None]) -> None:
        super().__init__()
        self.asked.connect(action)


def on_worker_then_wait(gui: OnGuiThread) -> None:
    """On the worker: ask the GUI thread (to lock, to press Cancel), then wait for the task
    to be cancelled by it. The GUI thread never waits for the worker before cancelling."""
    task = current_task()
    assert task is not None, "this runs on a worker, never on the GUI thread"
    gui.asked.emit()
    assert task.wait_cancelled(timeout=WAIT / 1000)


def jrnl_file(folder: Path, count: int = ENTRIES) -> Path:
    entries = [
        {
            "title": f"Day {n}",
            "body": f"What happened on day {n}.",
            "date": (date(2021, 1, 1) + timedelta(days=n)).isoformat(),
            "time": "09:00",
            "tags": ["@home"],
            "starred": False,
        }
        for n in range(count)
    ]
    path = folder / "journal.json"
    path.write_text(json.dumps({"tags": {"@home": count}, "entries": entries}))
    return path


@pytest.fixture
def controller(make_controller: ControllerFactory, vault_factory: VaultFactory) -> AppController:
    unlocked, _ = vault_factory()
    made = make_controller()
    made.start_unlocked(unlocked)
    return made


def previewed(qtbot: QtBot, controller: AppController, source: Path) -> ImportDialog:
    assert controller.shell is not None and controller.session is not None
    dialog = ImportDialog(controller.session, controller.shell.journal_page)
    dialog.kind.setCurrentIndex(dialog.kind.findData(ImportSource.JRNL))
    dialog.path.setText(str(source))
    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.busy, timeout=WAIT)
    assert dialog.model.rowCount() == ENTRIES
    return dialog


def unlock_again(qtbot: QtBot, controller: AppController) -> None:
    qtbot.waitUntil(lambda: controller.session is None, timeout=WAIT)
    QApplication.processEvents()  # what the workers sent after the lock arrives: and is dropped
    controller.unlock(GOOD_PASSPHRASE)
    qtbot.waitUntil(lambda: controller.session is not None, timeout=WAIT)


def import_everything(qtbot: QtBot, controller: AppController, source: Path) -> None:
    """The app works after the lock: the same file imports in full."""
    dialog = previewed(qtbot, controller, source)
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.busy, timeout=WAIT)
    assert dialog.result_summary.startswith(f"Imported {ENTRIES} entries")
    assert controller.session is not None
    assert controller.session.journal.count() == ENTRIES


def press_cancel(dialog: QObject) -> Callable[[], None]:
    """Press Cancel on the progress dialog, as a person would (shown at once: it would
    otherwise appear after 400 ms)."""

    def press() -> None:
        progress = dialog.findChild(QProgressDialog)
        assert progress is not None
        progress.show()
        button = progress.findChild(QPushButton)
        assert button is not None and button.text() == "Cancel"
        button.click()

    return press


def test_reading_and_importing_run_on_workers(
    qtbot: QtBot, controller: AppController, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    session = controller.session
    assert session is not None
    threads: list[bool] = []
    for name in ("preview_import", "commit_import"):
        real = getattr(exchange_dialogs, name)

        def recorded(*args: Any, _real: Any = real, **kwargs: Any) -> Any:
            threads.append(threading.current_thread() is threading.main_thread())
            return _real(*args, **kwargs)

        monkeypatch.setattr(exchange_dialogs, name, recorded)
    import_everything(qtbot, controller, jrnl_file(tmp_path))
    assert threads == [False, False], "neither ran on the GUI thread"


def test_locking_before_the_import_writes_imports_nothing(
    qtbot: QtBot, controller: AppController, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = jrnl_file(tmp_path)
    dialog = previewed(qtbot, controller, source)
    lock = OnGuiThread(controller.lock)
    real_commit = commit_import

    def lock_then_commit(*args: Any, **kwargs: Any) -> Any:
        on_worker_then_wait(lock)  # the idle timer fires now
        return real_commit(*args, **kwargs)  # its first step sees the cancel

    monkeypatch.setattr(exchange_dialogs, "commit_import", lock_then_commit)
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    unlock_again(qtbot, controller)
    assert controller.session is not None
    assert controller.session.journal.count() == 0, "none of the batch"
    monkeypatch.setattr(exchange_dialogs, "commit_import", real_commit)
    import_everything(qtbot, controller, source)


def test_locking_while_the_import_writes_lets_its_transaction_finish(
    qtbot: QtBot, controller: AppController, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    session = controller.session
    assert session is not None
    dialog = previewed(qtbot, controller, jrnl_file(tmp_path))
    lock = OnGuiThread(controller.lock)
    real_add = session.journal.add_drafts

    def lock_during_the_write(drafts: Any, **kwargs: Any) -> list[int]:
        on_worker_then_wait(lock)  # the tray's Lock, in the middle of the write
        return real_add(drafts, **kwargs)  # the lock waits for the transaction

    monkeypatch.setattr(session.journal, "add_drafts", lock_during_the_write)
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    unlock_again(qtbot, controller)
    assert controller.session is not None
    assert controller.session.journal.count() == ENTRIES, "all of the batch"
    assert controller.shell is not None, "the journal is open again"
    controller.session.journal.add("After the lock", "Still here.")
    assert controller.session.journal.count() == ENTRIES + 1


def test_cancel_stops_reading_and_nothing_is_imported(
    qtbot: QtBot, controller: AppController, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    session = controller.session
    assert controller.shell is not None and session is not None
    dialog = ImportDialog(session, controller.shell.journal_page)
    dialog.kind.setCurrentIndex(dialog.kind.findData(ImportSource.JRNL))
    dialog.path.setText(str(jrnl_file(tmp_path)))
    cancel = OnGuiThread(press_cancel(dialog))
    real_preview = preview_import
    calls: list[int] = []

    def cancel_half_way(*args: Any, progress: Callable[[int, int], bool], **kwargs: Any) -> Any:
        def reading(done: int, total: int) -> bool:
            calls.append(done)
            if done == ENTRIES // 2:
                on_worker_then_wait(cancel)
            return progress(done, total)

        return real_preview(*args, progress=reading, **kwargs)

    monkeypatch.setattr(exchange_dialogs, "preview_import", cancel_half_way)
    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.busy, timeout=WAIT)
    assert max(calls) == ENTRIES // 2, "it stopped where Cancel was pressed"
    assert dialog.model.rowCount() == 0 and not dialog.import_button.isEnabled()
    assert dialog.preview_button.isEnabled(), "ready to try again"
    assert session.journal.count() == 0


def test_cancel_during_the_write_does_not_claim_nothing_was_imported(
    qtbot: QtBot, controller: AppController, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Cancel pressed while the one transaction is being written cannot stop it: the import
    says what it did, not "Cancelled: nothing was imported"."""
    session = controller.session
    assert session is not None
    dialog = previewed(qtbot, controller, jrnl_file(tmp_path))
    cancel = OnGuiThread(press_cancel(dialog))
    real_add = session.journal.add_drafts

    def cancel_during_the_write(drafts: Any, **kwargs: Any) -> list[int]:
        on_worker_then_wait(cancel)
        return real_add(drafts, **kwargs)

    monkeypatch.setattr(session.journal, "add_drafts", cancel_during_the_write)
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.busy, timeout=WAIT)
    assert session.journal.count() == ENTRIES
    assert dialog.result_summary.startswith(f"Imported {ENTRIES} entries")
    assert dialog.error.isHidden()


def test_locking_mid_export_leaves_no_file_behind(
    qtbot: QtBot, controller: AppController, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    session = controller.session
    assert session is not None
    for n in range(60):
        session.journal.add(f"Entry {n}", "Private words " * 50)
    out_dir = tmp_path / "exports"
    out_dir.mkdir()
    lock = OnGuiThread(controller.lock)
    real_export = export_json

    def lock_half_way(*args: Any, progress: Callable[[int, int], bool], **kwargs: Any) -> Any:
        def writing(done: int, total: int) -> bool:
            if done == 30:
                on_worker_then_wait(lock)
            return progress(done, total)

        return real_export(*args, progress=writing, **kwargs)

    monkeypatch.setattr(exchange_dialogs, "export_json", lock_half_way)
    dialog = ExportDialog(session, [])
    qtbot.addWidget(dialog)
    assert dialog.export_to("json", out_dir / "journal.json") is not None
    unlock_again(qtbot, controller)
    assert list(out_dir.iterdir()) == [], "no plaintext file, whole or partial"


def test_nothing_starts_after_the_lock_and_late_results_are_dropped(
    qtbot: QtBot, controller: AppController
) -> None:
    session = controller.session
    assert session is not None
    workers = workers_for(session)
    release = threading.Event()
    delivered: list[object] = []
    started = workers.start(
        lambda _task: release.wait(WAIT / 1000),
        delivered.append,
        delivered.append,
        owner=controller,
    )
    release.set()  # it ends (or is ending) as the lock comes
    controller.lock()
    assert workers.stopped and workers.running() == 0
    late = workers.start(lambda _task: 1, delivered.append, delivered.append, owner=controller)
    assert late.cancelled, "refused: nothing runs on a locked session"
    QApplication.processEvents()
    assert delivered == [] and started is not late
