"""The app's integrity checks (issue 17): none while unlocking; the quick check in the
background at most once a day, by the app's (injected) clock. Counted, never timed."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from carecompanion.clock import FixedClock
from carecompanion.journal.service import JournalService
from carecompanion.paths import AppPaths
from carecompanion.ui.app.controller import AppController
from carecompanion.vault.vault import Vault
from tests.conftest import VaultFactory
from tests.faults import low_space
from tests.helpers import GOOD_PASSPHRASE
from tests.integrity_checks import counted_checks, full_checks
from tests.ui.conftest import ControllerFactory

HOUR = 3600


def _unlock_and_settle(qtbot: QtBot, controller: AppController) -> None:
    view = controller.unlock_view
    view.passphrase.clear()
    qtbot.keyClicks(view.passphrase, GOOD_PASSPHRASE)
    qtbot.keyClick(view.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: controller.shell is not None, timeout=15_000)
    qtbot.waitUntil(lambda: controller.maintenance_done, timeout=15_000)


def _lock(qtbot: QtBot, controller: AppController) -> None:
    assert controller.shell is not None
    qtbot.keyClick(controller.shell, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert controller.session is None


def test_the_app_checks_in_the_background_at_most_once_a_day(
    qtbot: QtBot,
    make_controller: ControllerFactory,
    vault_factory: VaultFactory,
    clock: FixedClock,
    paths: AppPaths,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    unlocked, _key = vault_factory()
    JournalService(unlocked.database, clock).add("An entry", "Some words.")
    unlocked.lock()
    Vault(paths, clock).unlock(GOOD_PASSPHRASE).lock()  # today's backup, fully checked first
    # From now on no room for a backup, so only the quick check's own schedule is seen.
    low_space(monkeypatch, paths.data_dir, free=1024)
    controller = make_controller()
    controller.start()

    with counted_checks() as seen:
        _unlock_and_settle(qtbot, controller)
    assert sum(seen.values()) == 0, "checked an hour ago at most: nothing is due"

    clock.advance(25 * HOUR)
    _lock(qtbot, controller)
    with counted_checks() as seen:
        _unlock_and_settle(qtbot, controller)
    assert seen["quick_check"] == 1 and full_checks(seen) == 0

    for _ in range(3):
        clock.advance(6 * HOUR)
        _lock(qtbot, controller)
        with counted_checks() as seen:
            _unlock_and_settle(qtbot, controller)
        assert sum(seen.values()) == 0

    clock.advance(7 * HOUR)  # 25 hours after the last one
    _lock(qtbot, controller)
    with counted_checks() as seen:
        _unlock_and_settle(qtbot, controller)
    assert seen["quick_check"] == 1
