"""One running app per vault: a second launch hands its arguments to the first.

Double-clicking a ``.carecircle`` file while CareCompanion is open must not open the same
vault twice (two processes writing one SQLCipher database and one circle cache). The first
instance listens on a local socket named after the data folder; a later launch for the same
folder connects, sends its arguments as one JSON line, and exits. A socket left by a crashed
instance is detected (nobody answers) and replaced.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

CONNECT_TIMEOUT_MS = 500
MAX_MESSAGE_BYTES = 64 * 1024


def server_name(data_dir: Path) -> str:
    # Hashed: the folder's name stays out of /tmp, and the name fits every platform's limit.
    digest = hashlib.sha256(str(data_dir.expanduser().absolute()).encode()).hexdigest()[:24]
    return f"carecompanion-{digest}"


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


class InstanceServer(QObject):
    """Listens for later launches; ``files_opened`` carries the paths they asked to open."""

    files_opened = Signal(list)
    activated = Signal()

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.newConnection.connect(self._accept)

    def listen(self) -> bool:
        if self._server.listen(self.name):
            return True
        # A socket file left by a crashed instance: nobody answers on it, so replace it.
        QLocalServer.removeServer(self.name)
        return self._server.listen(self.name)

    def close(self) -> None:
        self._server.close()

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

    def _handle(self, data: bytes) -> None:
        try:
            message = json.loads(data.split(b"\n", 1)[0])
            paths = [str(p) for p in message.get("open", []) if isinstance(p, str)]
        except (ValueError, AttributeError):
            return  # not from us: ignore
        self.activated.emit()
        if paths:
            self.files_opened.emit(paths)
