"""One running app per vault: a second launch hands its arguments to the first.

Double-clicking a ``.carecircle`` file while CareCompanion is open must not open the same
vault twice (two processes writing one SQLCipher database and one circle cache). The first
instance listens on a local socket named after the data folder; a later launch for the same
folder connects, sends its arguments as one JSON line, and exits.

Who is first is decided by a lock file next to the socket (``QLockFile``: a lock whose process
has died is taken over), not by the socket: on Linux ``QLocalServer.listen`` with access
restrictions silently replaces a live server's socket, and on Windows two servers can listen
on one pipe name, so two launches at the same moment would both think they were first. A
socket left by a crashed instance is removed and replaced.

On macOS, Finder does not pass a double-clicked file on the command line: it sends an Apple
Event, which Qt delivers as a ``QFileOpenEvent`` to the application, at launch and while
running (macOS never starts a second copy of an app). ``FileOpenEvents`` turns those into
the same ``files_opened`` signal.
"""

from __future__ import annotations

import getpass
import hashlib
import json
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDir, QEvent, QLockFile, QObject, Signal
from PySide6.QtGui import QFileOpenEvent
from PySide6.QtNetwork import QLocalServer, QLocalSocket

CONNECT_TIMEOUT_MS = 500
MAX_MESSAGE_BYTES = 64 * 1024
#: How long a launch that lost the race waits for the winner to start listening.
HAND_OVER_SECONDS = 5.0


def server_name(data_dir: Path) -> str:
    # Hashed: the folder's name stays out of /tmp, and the name fits every platform's limit.
    # The user is part of it: two people pointing at one shared folder must not collide in
    # /tmp (or in Windows' machine-wide pipe namespace).
    key = f"{_user()}\0{data_dir.expanduser().absolute()}"
    digest = hashlib.sha256(key.encode()).hexdigest()[:24]
    return f"carecompanion-{digest}"


def _user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no login name and no password-database entry
        return ""


def send_to_running(name: str, arguments: list[str]) -> bool:
    """True if an instance was running and took the arguments."""
    socket = QLocalSocket()
    socket.connectToServer(name)
    if not socket.waitForConnected(CONNECT_TIMEOUT_MS):
        return False
    socket.write(json.dumps({"open": arguments}).encode() + b"\n")
    socket.flush()  # may write everything at once, and then there is nothing left to wait for
    delivered = socket.bytesToWrite() == 0 or socket.waitForBytesWritten(CONNECT_TIMEOUT_MS)
    socket.disconnectFromServer()
    return delivered


def hand_over(name: str, arguments: list[str], seconds: float = HAND_OVER_SECONDS) -> bool:
    """Keep trying ``send_to_running`` for a while: for a launch that found the lock taken
    by an instance that may not be listening yet."""
    deadline = time.monotonic() + seconds
    while not send_to_running(name, arguments):
        if time.monotonic() > deadline:
            return False
        time.sleep(0.1)
    return True


class InstanceServer(QObject):
    """Listens for later launches; ``files_opened`` carries the paths they asked to open."""

    files_opened = Signal(list)
    activated = Signal()

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self._lock = QLockFile(str(Path(QDir.tempPath()) / f"{name}.lock"))
        self._lock.setStaleLockTime(0)  # stale only when its process is gone, never by age
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.newConnection.connect(self._accept)

    def listen(self) -> bool:
        """Become the instance for this name. False if another live instance already is (it
        started at the same moment as this one: hand the arguments over to it instead)."""
        if not self._lock.tryLock(0):
            return False
        if self._server.listen(self.name):
            return True
        # We hold the lock, so a socket already there was left by a crashed instance.
        QLocalServer.removeServer(self.name)
        return self._server.listen(self.name)

    def close(self) -> None:
        self._server.close()
        self._lock.unlock()
        # Delete the finished connections now: deleted later by their parent instead, a
        # still-pending deleteLater crashes PySide.
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)

    def _accept(self) -> None:
        while (socket := self._server.nextPendingConnection()) is not None:
            buffer = bytearray()

            def read(socket: QLocalSocket = socket, buffer: bytearray = buffer) -> None:
                buffer.extend(bytes(socket.readAll().data()))
                if b"\n" in buffer or len(buffer) > MAX_MESSAGE_BYTES:
                    self._handle(bytes(buffer[:MAX_MESSAGE_BYTES]))
                    socket.disconnectFromServer()

            socket.readyRead.connect(read)
            socket.disconnected.connect(socket.deleteLater)
            if socket.bytesAvailable():  # arrived before readyRead was connected
                read()

    def _handle(self, data: bytes) -> None:
        try:
            message = json.loads(data.split(b"\n", 1)[0])
            paths = [str(p) for p in message.get("open", []) if isinstance(p, str)]
        except (ValueError, AttributeError):
            return  # not from us: ignore
        self.activated.emit()
        if paths:
            self.files_opened.emit(paths)


class FileOpenEvents(QObject):
    """macOS: the files Finder asks the app to open. Install on the QApplication."""

    files_opened = Signal(list)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FileOpen and isinstance(event, QFileOpenEvent):
            path = event.file()
            if path.lower().endswith(".carecircle"):
                self.files_opened.emit([path])
                return True
        return super().eventFilter(watched, event)
