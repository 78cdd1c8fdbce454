"""One app per vault: a second launch hands its files to the first and exits."""

from __future__ import annotations

import getpass
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFileOpenEvent
from PySide6.QtNetwork import QLocalServer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from carecompanion.__main__ import split_open_files
from carecompanion.ui.app.single_instance import (
    FileOpenEvents,
    InstanceServer,
    send_to_running,
    server_name,
)


@pytest.fixture
def name(tmp_path: Path) -> str:
    return server_name(tmp_path / "data")


def test_nothing_running_means_this_launch_goes_on(name: str) -> None:
    assert send_to_running(name, ["/x.carecircle"]) is False


def test_a_second_launch_hands_over_its_files(qtbot: QtBot, name: str) -> None:
    server = InstanceServer(name)
    assert server.listen()
    try:
        with (
            qtbot.waitSignal(server.files_opened, timeout=5000) as opened,
            qtbot.waitSignal(server.activated, timeout=5000),
        ):
            # From another process, as a real second launch would.
            code = (
                f"import sys; from PySide6.QtCore import QCoreApplication; "
                f"app = QCoreApplication([]); "
                f"from carecompanion.ui.app.single_instance import send_to_running; "
                f"sys.exit(0 if send_to_running({name!r}, ['/tmp/a.carecircle']) else 3)"
            )
            sender = subprocess.Popen([sys.executable, "-c", code])
            qtbot.waitUntil(lambda: sender.poll() is not None, timeout=10000)
        assert sender.returncode == 0
        assert opened.args == [["/tmp/a.carecircle"]]
    finally:
        server.close()


def test_a_socket_left_by_a_crash_is_replaced(name: str) -> None:
    crashed = QLocalServer()
    assert crashed.listen(name)
    crashed.close()  # on Linux the socket file would stay after a real crash
    if sys.platform != "win32":
        socket_file = Path(crashed.fullServerName() or f"/tmp/{name}")
        socket_file.parent.mkdir(parents=True, exist_ok=True)
        socket_file.touch()
    server = InstanceServer(name)
    try:
        assert server.listen()
    finally:
        server.close()


def test_an_instance_that_crashed_is_replaced(name: str) -> None:
    """A real crash: the process dies holding the lock and leaving its socket file behind."""
    code = (
        f"import os; from PySide6.QtCore import QCoreApplication; "
        f"app = QCoreApplication([]); "
        f"from carecompanion.ui.app.single_instance import InstanceServer; "
        f"server = InstanceServer({name!r}); assert server.listen(); os._exit(0)"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)
    assert send_to_running(name, []) is False  # nobody answers on what it left
    server = InstanceServer(name)
    try:
        assert server.listen()
    finally:
        server.close()


def test_a_running_instance_is_never_taken_over(qtbot: QtBot, name: str) -> None:
    """Two launches at the same moment: both find nobody, both try to listen. The second
    must not remove the first one's socket (that would leave two apps on one vault)."""
    first, second = InstanceServer(name), InstanceServer(name)
    try:
        assert first.listen()
        assert second.listen() is False
        with qtbot.waitSignal(first.files_opened, timeout=5000) as opened:
            assert send_to_running(name, ["/tmp/b.carecircle"])
        assert opened.args == [["/tmp/b.carecircle"]]
    finally:
        first.close()
        second.close()


def test_different_vaults_are_different_instances(tmp_path: Path) -> None:
    assert server_name(tmp_path / "a") != server_name(tmp_path / "b")
    assert server_name(tmp_path / "a") == server_name(tmp_path / "a")


def test_different_people_on_one_shared_folder_are_different_instances(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # getpass is the module single_instance calls, so its call meets the stand-in.
    monkeypatch.setattr(getpass, "getuser", lambda: "ana")
    ana = server_name(tmp_path / "shared")
    monkeypatch.setattr(getpass, "getuser", lambda: "bea")
    assert server_name(tmp_path / "shared") != ana


def test_finder_file_open_events_become_files_to_open(qtbot: QtBot, qapp: QApplication) -> None:
    """macOS delivers a double-clicked document as a QFileOpenEvent, not as an argument."""
    finder = FileOpenEvents()
    qapp.installEventFilter(finder)
    try:
        with qtbot.waitSignal(finder.files_opened, timeout=1000) as opened:
            QCoreApplication.sendEvent(qapp, QFileOpenEvent("/Users/ana/Tuesday.carecircle"))
        assert opened.args == [["/Users/ana/Tuesday.carecircle"]]
        with qtbot.assertNotEmitted(finder.files_opened):
            QCoreApplication.sendEvent(qapp, QFileOpenEvent("/Users/ana/notes.txt"))
    finally:
        qapp.removeEventFilter(finder)


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["x.carecircle"], ([], ["x.carecircle"])),
        (["--data-dir", "/d", "A.CareCircle"], (["--data-dir", "/d"], ["A.CareCircle"])),
        (["circle", "join", "x.carecircle"], (["circle", "join", "x.carecircle"], [])),
        (["--demo"], (["--demo"], [])),
        ([], ([], [])),
    ],
)
def test_file_arguments_are_told_from_commands(
    argv: list[str], expected: tuple[list[str], list[str]]
) -> None:
    assert split_open_files(argv) == expected


def test_a_second_real_launch_exits_at_once(tmp_path: Path, qtbot: QtBot) -> None:
    data = tmp_path / "data"
    server = InstanceServer(server_name(data))
    assert server.listen()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "CARECOMPANION_HOME": str(data)}
    circle_file = tmp_path / "Tuesday.carecircle"
    try:
        with qtbot.waitSignal(server.files_opened, timeout=10000) as opened:
            launch = subprocess.Popen(
                [sys.executable, "-m", "carecompanion", str(circle_file)],
                env=env,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
            )
            qtbot.waitUntil(lambda: launch.poll() is not None, timeout=60000)
        assert launch.returncode == 0
        assert opened.args == [[str(circle_file)]]
    finally:
        server.close()
