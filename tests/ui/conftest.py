"""GUI test fixtures: a controller on a temporary vault, a fast KDF and a fake keyring."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from carecompanion.clock import FixedClock
from carecompanion.paths import AppPaths
from carecompanion.session import VaultSession
from carecompanion.ui.app.controller import AppController
from carecompanion.ui.app.launch import create_application
from carecompanion.ui.app.main_window import dispose
from carecompanion.ui.common import theme
from carecompanion.vault.device_keys import DeviceKeyStore
from carecompanion.vault.kdf import KdfParams
from tests.conftest import InMemoryKeyring, VaultFactory
from tests.ui.circle_support import Person

ControllerFactory = Callable[..., AppController]


@pytest.fixture
def device_store(memory_keyring: InMemoryKeyring) -> DeviceKeyStore:
    return DeviceKeyStore(memory_keyring, is_trusted=lambda _backend: True)


@pytest.fixture
def make_controller(
    qtbot: QtBot,
    paths: AppPaths,
    clock: FixedClock,
    device_store: DeviceKeyStore,
    fast_kdf: KdfParams,
    vault_factory: VaultFactory,
) -> Iterator[ControllerFactory]:
    # Asking for vault_factory orders the teardowns: the controllers lock (saving what an
    # open editor holds) before vault_factory locks the vaults the tests made, whose keys are
    # wiped then (a locked vault's database cannot be reached, even to save).
    del vault_factory
    app = create_application()
    theme.apply(app, "light")
    made: list[AppController] = []

    def make(**overrides: object) -> AppController:
        options: dict[str, object] = {"kdf": fast_kdf, "device_store": device_store}
        options.update(overrides)
        controller = AppController(paths, clock, **options)  # type: ignore[arg-type]
        made.append(controller)
        return controller

    yield make
    from carecompanion.ui.common.workers import wait_for_background_work

    wait_for_background_work()
    QApplication.processEvents()
    for controller in made:
        if controller.session is not None:
            controller.lock()
        dispose(controller.window)


def activate(qtbot: QtBot, window: QWidget) -> None:
    """Show a window and make it the active one, as a person's click would (offscreen too)."""
    window.show()
    qtbot.waitExposed(window)
    handle = window.windowHandle()
    assert handle is not None
    handle.requestActivate()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2_000)


@pytest.fixture(autouse=True)
def no_surprise_dialogs(monkeypatch: pytest.MonkeyPatch) -> None:
    """A message box nobody expected would block the test forever: fail instead, saying
    which. Tests that expect one patch it again themselves."""
    from PySide6.QtWidgets import QMessageBox

    def unexpected(*args: object, **_kwargs: object) -> None:
        texts = [str(a) for a in args if isinstance(a, str)]
        raise AssertionError(f"unexpected message box: {texts}")

    for name in ("information", "warning", "question", "critical"):
        monkeypatch.setattr(QMessageBox, name, unexpected)


# -- the Circle page's people (tests/ui/circle_support.py) ----------------------------------------
@pytest.fixture
def person(vault_factory: VaultFactory, clock: FixedClock, tmp_path: Path) -> Person:
    """``person("Ana")``: a vault of Ana's own under tmp_path, her name set for circles."""

    def make(name: str) -> VaultSession:
        unlocked, _ = vault_factory(paths=AppPaths(tmp_path / name))
        session = VaultSession(unlocked, clock)
        session.circles.set_name(name)
        return session

    return make


@pytest.fixture
def shared(tmp_path: Path) -> Path:
    """The folder the circle's members share (Syncthing, Dropbox, a USB stick)."""
    folder = tmp_path / "Shared"
    folder.mkdir()
    return folder
