"""Locking the app ends the command line's unlocked session too (carecompanion unlock)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from carecompanion.vault import agent
from tests.agent_support import private_runtime, wait_for_exit
from tests.conftest import VaultFactory
from tests.helpers import GOOD_PASSPHRASE
from tests.ui.conftest import ControllerFactory


@pytest.fixture
def runtime(monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    with private_runtime(monkeypatch) as folder:
        yield folder


def test_the_lock_button_ends_the_command_lines_session(
    qtbot: QtBot, make_controller: ControllerFactory, vault_factory: VaultFactory, runtime: Path
) -> None:
    unlocked, _recovery_key = vault_factory()
    unlocked.lock()
    controller = make_controller()
    controller.start()
    view = controller.unlock_view
    qtbot.keyClicks(view.passphrase, GOOD_PASSPHRASE)
    qtbot.keyClick(view.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: controller.shell is not None, timeout=10_000)
    pid = agent.start_agent("a" * 32, bytearray(os.urandom(agent.KEY_BYTES)), 600)
    shell = controller.shell
    assert shell is not None

    qtbot.mouseClick(shell.lock_button, Qt.MouseButton.LeftButton)

    assert controller.session is None
    assert wait_for_exit(pid)
    assert agent.status() is None
