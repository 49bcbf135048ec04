"""When typed text is saved: shortly after typing pauses, and never later than a second after it began.

A plain debounce restarts on every keystroke, so someone typing steadily with short pauses is never
saved at all and a crash loses everything since the last long pause (D-8). The max-wait bounds that.

Signals:
    timeout(): time to save.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

IDLE_MS = 700
MAX_WAIT_MS = 1000


class AutosaveTimer(QObject):
    """A debounce with a max-wait; ``start()`` on every edit, ``stop()`` when saved by other means."""

    timeout = Signal()

    def __init__(self, parent: QObject | None = None, *, idle_ms: int = IDLE_MS,
                 max_wait_ms: int = MAX_WAIT_MS) -> None:
        super().__init__(parent)
        self._idle = QTimer(self, singleShot=True, interval=idle_ms)
        self._max = QTimer(self, singleShot=True, interval=max_wait_ms)
        self._idle.timeout.connect(self._fire)
        self._max.timeout.connect(self._fire)

    def start(self) -> None:
        """Record an edit: restart the pause timer, and start the max-wait on the first unsaved edit."""
        self._idle.start()
        if not self._max.isActive():
            self._max.start()

    def stop(self) -> None:
        self._idle.stop()
        self._max.stop()

    def isActive(self) -> bool:  # noqa: N802 - the QTimer name, so callers read the same
        return self._idle.isActive() or self._max.isActive()

    def _fire(self) -> None:
        self.stop()
        self.timeout.emit()
