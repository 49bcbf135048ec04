"""One CRE Desk per data folder: a second start hands over to the running one instead of sharing
the database.

QLockFile writes the owner's PID, so a lock left by a killed process is detected as stale and taken
over at once. A PID can be reused by an unrelated live process, though (C-5), so beside the lock we
keep the owner's process start time: a live PID that started at another time is not our instance.
The running instance listens on a local socket named after the data folder; a second start asks it
to come to the front and exits.

Signals (InstanceServer):
    activation_requested(): another start asked this instance to show its window.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

ACTIVATE = b"activate\n"


def server_name(data_dir: Path) -> str:
    digest = hashlib.sha256(str(data_dir.resolve()).encode()).hexdigest()[:16]
    return f"cre-desk-{digest}"


def process_start_time(pid: int) -> str | None:
    """When process ``pid`` started (clock ticks since boot, from /proc), or None where unknown."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text(encoding="ascii", errors="replace")
    except OSError:
        return None
    fields = stat.rpartition(")")[2].split()
    return fields[19] if len(fields) > 19 else None   # field 22 of proc(5), counted after "(comm)"


class InstanceLock:
    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self._path = path
        self._owner_file = path.with_name(path.name + ".owner")
        self._lock = QLockFile(str(path))
        self._lock.setStaleLockTime(0)

    def acquire(self, timeout_ms: int = 200) -> bool:
        """True when this process now owns the data folder."""
        if self._lock.tryLock(timeout_ms):
            self._write_owner()
            return True
        # A lock whose owner process is gone is stale: remove it and try once more.
        if self._lock.removeStaleLockFile() or self._owner_pid_was_reused():
            if self._lock.tryLock(timeout_ms):
                self._write_owner()
                return True
        return False

    def _write_owner(self) -> None:
        started = process_start_time(os.getpid())
        try:
            self._owner_file.write_text(f"{os.getpid()} {started or ''}\n", encoding="ascii")
        except OSError:
            pass   # only a help for telling a reused PID apart; the lock itself is held

    def _owner_pid_was_reused(self) -> bool:
        """The lock names a live process, but not the one that took the lock: remove the stale lock."""
        info = self._lock.getLockInfo()
        pid = info[0] if isinstance(info, tuple) and info else 0
        try:
            recorded = self._owner_file.read_text(encoding="ascii").strip()
            recorded_pid, _, recorded_start = recorded.partition(" ")
        except OSError:
            return False
        if not pid or str(pid) != recorded_pid or not recorded_start:
            return False
        current = process_start_time(int(pid))
        if current is None or current == recorded_start:
            return False
        try:
            self._path.unlink()
        except OSError:
            return False
        return True

    def owner(self) -> str:
        info = self._lock.getLockInfo()  # (pid, hostname, appname); empty values when unreadable
        if isinstance(info, tuple) and len(info) >= 2 and info[0]:
            return f"process {info[0]} on {info[1]}"
        return "another CRE Desk"

    def release(self) -> None:
        self._owner_file.unlink(missing_ok=True)
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
