"""``gui/tasks.py``: results reach the GUI thread only while their widget lives; cancel and errors behave."""

from __future__ import annotations

import threading

import pytest
import shiboken6
from PySide6.QtCore import QThread
from PySide6.QtWidgets import QWidget

from cre_desk.errors import UserError
from cre_desk.gui import tasks


def _wait(qtbot, condition) -> None:
    qtbot.waitUntil(lambda: bool(condition()), timeout=5000)


def test_result_arrives_on_the_gui_thread(qtbot):
    widget = QWidget()
    qtbot.addWidget(widget)
    seen: list = []
    tasks.run_in_background(lambda: (threading.current_thread().name, 42), receiver=widget,
                            on_done=lambda r: seen.append((r, QThread.currentThread() is widget.thread())))
    _wait(qtbot, lambda: seen)
    (worker_name, value), on_gui_thread = seen[0]
    assert value == 42 and on_gui_thread
    assert worker_name != threading.main_thread().name, "the function ran off the GUI thread"


def test_a_closed_widget_gets_no_late_result(qtbot):
    widget = QWidget()
    release = threading.Event()
    seen: list = []
    tasks.run_in_background(lambda: release.wait(5) and "late", receiver=widget, on_done=seen.append,
                            on_error=seen.append)
    widget.deleteLater()
    qtbot.waitUntil(lambda: not shiboken6.isValid(widget), timeout=5000)
    release.set()
    tasks.wait_for_all()
    qtbot.wait(50)   # let the queued result be delivered (or not)
    assert seen == [], "a result was delivered to a widget that no longer exists"


def test_cancel_stops_the_function_and_reports_nothing(qtbot, dialogs):
    started = threading.Event()
    outcome: list = []

    def work(progress: tasks.Progress) -> str:
        started.set()
        for _ in range(500):
            progress.check()
            threading.Event().wait(0.01)
        return "finished"

    progress = tasks.run_in_background(work, on_done=outcome.append, on_error=outcome.append,
                                       progress=tasks.Progress())
    assert started.wait(5)
    progress.cancel()
    tasks.wait_for_all()
    qtbot.wait(50)
    assert outcome == [] and dialogs.shown == [], "a cancelled task must neither finish nor show an error"


def test_errors_go_to_on_error_or_to_the_user(qtbot, dialogs):
    errors: list = []

    def fail() -> None:
        raise UserError("The file is empty.")

    tasks.run_in_background(fail, on_error=errors.append)
    _wait(qtbot, lambda: errors)
    assert isinstance(errors[0], UserError) and dialogs.shown == []
    tasks.run_in_background(fail)
    _wait(qtbot, lambda: dialogs.shown)
    assert dialogs.shown == [("warning", "The file is empty.")]


@pytest.mark.crash_dialog_expected
def test_a_bug_in_background_work_opens_the_crash_dialog(qtbot, dialogs):
    tasks.run_in_background(lambda: 1 / 0)
    _wait(qtbot, lambda: dialogs.shown)
    assert dialogs.shown[0][0] == "crash" and "ZeroDivisionError" in dialogs.shown[0][1]


def test_database_work_runs_in_the_order_it_was_asked(qtbot):
    order: list[int] = []
    for k in range(30):
        tasks.run_in_background(lambda k=k: (threading.Event().wait(0.001), order.append(k)), database=True)
    tasks.wait_for_all()
    assert order == list(range(30))


def test_background_network_work_writes_on_the_database_thread_in_turn(qtbot):
    """A sync or a post runs on the general pool; its writes queue behind the user's own, on one thread."""
    threads: list[tuple[str, str]] = []

    class Service:
        def record(self, who: str) -> str:
            threads.append((who, threading.current_thread().name))
            return who

    ordered = tasks.OnDbThread(Service())
    gate = threading.Event()
    tasks.run_in_background(lambda: gate.wait(5), database=True)          # the user's save, still running
    results: list = []
    tasks.run_in_background(lambda: ordered.record("sync"), on_done=results.append)
    qtbot.wait(100)
    assert threads == [], "the sync's write waited for the database thread"
    gate.set()
    qtbot.waitUntil(lambda: results == ["sync"], timeout=5000)
    db_thread = threads[0][1]
    tasks.run_in_background(lambda: ordered.record("again"), database=True)   # nested: no self-deadlock
    tasks.wait_for_all()
    assert [w for w, _ in threads] == ["sync", "again"] and {t for _, t in threads} == {db_thread}


def test_waiting_for_the_database_thread_from_the_window_is_refused(qtbot):
    with pytest.raises(RuntimeError, match="window wait"):
        tasks.on_db_thread(lambda: None)
