"""One CRE Desk per data folder: a second start hands over to the running one instead of sharing
the database.

QLockFile writes the owner's PID, so a lock left by a killed process is detected as stale and taken
over at once. The running instance listens on a local socket named after the data folder; a second
start asks it to come to the front and exits.

Signals (InstanceServer):
    activation_requested(): another start asked this instance to show its window.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

ACTIVATE = b"activate\n"


def server_name(data_dir: Path) -> str:
    digest = hashlib.sha256(str(data_dir.resolve()).encode()).hexdigest()[:16]
    return f"cre-desk-{digest}"


class InstanceLock:
    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = QLockFile(str(path))
        self._lock.setStaleLockTime(0)

    def acquire(self, timeout_ms: int = 200) -> bool:
        """True when this process now owns the data folder."""
        if self._lock.tryLock(timeout_ms):
            return True
        # A lock whose owner process is gone is stale: remove it and try once more.
        if self._lock.removeStaleLockFile():
            return self._lock.tryLock(timeout_ms)
        return False

    def owner(self) -> str:
        info = self._lock.getLockInfo()  # (pid, hostname, appname); empty values when unreadable
        if isinstance(info, tuple) and len(info) >= 2 and info[0]:
            return f"process {info[0]} on {info[1]}"
        return "another CRE Desk"

    def release(self) -> None:
        self._lock.unlock()


class InstanceServer(QObject):
    activation_requested = Signal()

    def __init__(self, name: str, parent=None) -> None:
        super().__init__(parent)
        self._server = QLocalServer(self)
        QLocalServer.removeServer(name)  # a socket file left by a killed instance
        self._server.listen(name)
        self._server.newConnection.connect(self._on_server_new_connection)

    def _on_server_new_connection(self) -> None:
        while self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            socket.readyRead.connect(lambda s=socket: self._on_socket_ready_read(s))

    def _on_socket_ready_read(self, socket: QLocalSocket) -> None:
        if bytes(socket.readAll().data()).startswith(ACTIVATE.strip()):
            self.activation_requested.emit()
        socket.disconnectFromServer()


def ask_running_instance_to_activate(name: str, timeout_ms: int = 500) -> bool:
    """True when a running instance accepted the request."""
    socket = QLocalSocket()
    socket.connectToServer(name)
    if not socket.waitForConnected(timeout_ms):
        return False
    socket.write(ACTIVATE)
    ok = socket.waitForBytesWritten(timeout_ms)
    socket.disconnectFromServer()
    return ok
