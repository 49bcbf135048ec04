"""Run plain functions off the GUI thread and deliver their outcome back on it.

Long work is a plain function ``fn(*args, progress=...)``; :func:`run_in_background` runs it on a
thread pool and calls ``on_done(result)`` or ``on_error(exc)`` on the GUI thread, but only while the
receiving widget still exists (a closed tab must not be touched by a late result). Database work goes
to a pool with a single thread so writes happen in the order the user made them.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)


from cre_desk.errors import Cancelled  # noqa: E402,F401 - re-exported: tasks raise it when cancelled
from cre_desk.logs import workers  # noqa: E402

# Log scans run natively on every core they are given; in the app one core stays with the window.
workers.keep_cores_free(1)


class Progress:
    """Handed to long functions: report progress, and check whether the user cancelled."""

    def __init__(self, report: Callable[[int, int, str], None] | None = None) -> None:
        self._cancel = threading.Event()
        self._report = report

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def should_stop(self) -> bool:
        """Callable form of ``cancelled``, for engine functions that take a ``cancel`` callback."""
        return self._cancel.is_set()

    def check(self) -> None:
        """Raise :class:`Cancelled` if the user asked to stop."""
        if self._cancel.is_set():
            raise Cancelled()

    def update(self, done: int, total: int, text: str = "") -> None:
        if self._report is not None:
            self._report(done, total, text)


class _Relay(QObject):
    """Lives on the GUI thread; queued signals carry results across threads."""

    finished = Signal(object)
    failed = Signal(object)
    progressed = Signal(int, int, str)


class _Runnable(QRunnable):
    def __init__(self, fn: Callable[..., Any], args: tuple, kwargs: dict, relay: _Relay,
                 database: bool = False) -> None:
        super().__init__()
        self.fn, self.args, self.kwargs, self.relay, self.database = fn, args, kwargs, relay, database

    def run(self) -> None:
        try:
            _on_db_thread.active = self.database
            result = self.fn(*self.args, **self.kwargs)
        except BaseException as exc:  # noqa: BLE001 - delivered to on_error on the GUI thread
            if shiboken6.isValid(self.relay):
                self.relay.failed.emit(exc)
            return
        if shiboken6.isValid(self.relay):
            self.relay.finished.emit(result)


_db_pool: QThreadPool | None = None
_live: set[_Relay] = set()
_on_db_thread = threading.local()


class _Call(QRunnable):
    """One function run on the database thread for a worker thread that waits for its result."""

    def __init__(self, fn: Callable[..., Any], args: tuple, kwargs: dict) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self.fn, self.args, self.kwargs = fn, args, kwargs
        self.finished = threading.Event()
        self.result: Any = None
        self.error: BaseException | None = None

    def run(self) -> None:
        _on_db_thread.active = True
        try:
            self.result = self.fn(*self.args, **self.kwargs)
        except BaseException as exc:  # noqa: BLE001 - re-raised in the waiting thread
            self.error = exc
        finally:
            _on_db_thread.active = False
            self.finished.set()


def on_db_thread(fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """Run ``fn`` on the ordered database thread and return its result, from a background thread.

    Network work (a sync, a link refresh, posting a reply) runs on the general pool, but its writes must
    take their turn with the user's own edits, in order, on the one database thread.
    """
    if getattr(_on_db_thread, "active", False):
        return fn(*args, **kwargs)          # already there: waiting for ourselves would never end
    if threading.current_thread() is threading.main_thread():
        raise RuntimeError("on_db_thread would make the window wait; use run_in_background(database=True)")
    call = _Call(fn, args, kwargs)
    db_pool().start(call)
    call.finished.wait()
    if call.error is not None:
        raise call.error
    return call.result


class OnDbThread:
    """``target`` (a ticket service, an import store) whose every method call runs via :func:`on_db_thread`:
    hand this to background network work instead of the service itself."""

    def __init__(self, target: Any, **attributes: Any) -> None:
        self._target = target
        self._attributes = attributes   # e.g. an import store's ``service``, itself wrapped

    def __getattr__(self, name: str) -> Any:
        if name in self._attributes:
            return self._attributes[name]
        attr = getattr(self._target, name)
        if not callable(attr):
            return attr
        return lambda *args, **kwargs: on_db_thread(attr, *args, **kwargs)


def db_pool() -> QThreadPool:
    """The single-threaded pool for database work (ordered, never concurrent with itself)."""
    global _db_pool
    if _db_pool is None:
        _db_pool = QThreadPool()
        _db_pool.setMaxThreadCount(1)
    return _db_pool


def run_in_background(fn: Callable[..., Any], *args: Any, on_done: Callable[[Any], None] | None = None,
                      on_error: Callable[[BaseException], None] | None = None,
                      on_progress: Callable[[int, int, str], None] | None = None,
                      receiver: QObject | None = None, database: bool = False,
                      progress: Progress | None = None, **kwargs: Any) -> Progress:
    """Run ``fn(*args, **kwargs)`` off the GUI thread.

    Args:
        receiver: the widget the callbacks belong to; if it has been destroyed when the result
            arrives, the callbacks are skipped.
        database: run on the ordered database pool instead of the global pool.
        progress: pass a Progress (or let one be created) to ``fn`` as ``progress=`` when the
            function accepts it (``on_progress`` given or ``progress`` given).

    Returns:
        The Progress object, whose ``cancel()`` asks the function to stop.
    """
    relay = _Relay()
    _live.add(relay)
    wants_progress = progress is not None or on_progress is not None
    progress = progress or Progress()
    if wants_progress:
        progress._report = relay.progressed.emit  # noqa: SLF001 - same module
        kwargs["progress"] = progress

    def alive() -> bool:
        return receiver is None or shiboken6.isValid(receiver)

    @Slot(object)
    def done(result: Any) -> None:
        _live.discard(relay)
        if on_done is not None and alive():
            on_done(result)

    @Slot(object)
    def failed(exc: BaseException) -> None:
        _live.discard(relay)
        if isinstance(exc, Cancelled):
            return
        if on_error is not None and alive():
            on_error(exc)
        elif on_error is None:
            from cre_desk.gui import messages

            messages.report_exception(None if receiver is None or not alive() else receiver, exc)

    relay.finished.connect(done)
    relay.failed.connect(failed)
    if on_progress is not None:
        relay.progressed.connect(lambda d, t, s: on_progress(d, t, s) if alive() else None)
    pool = db_pool() if database else QThreadPool.globalInstance()
    pool.start(_Runnable(fn, args, kwargs, relay, database))
    return progress


def wait_for_all(timeout_ms: int = 10_000) -> bool:
    """Block until background work is finished (used at shutdown and in tests)."""
    ok = db_pool().waitForDone(timeout_ms)
    return QThreadPool.globalInstance().waitForDone(timeout_ms) and ok
