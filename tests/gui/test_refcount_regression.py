"""PySide6 6.12.0 corrupts None's reference count on Python <= 3.11 after many void Qt calls and the app
aborts; we pin 6.11.x. This test makes 2,000 void calls and checks None's count did not drift."""

from __future__ import annotations

import sys

import PySide6
from PySide6.QtWidgets import QWidget


def test_void_qt_calls_leave_none_refcount_alone(qtbot):
    widget = QWidget()
    qtbot.addWidget(widget)
    before = sys.getrefcount(None)
    for i in range(2000):
        widget.setMinimumWidth(i % 50)  # returns void → None
        widget.update()
    after = sys.getrefcount(None)
    assert abs(after - before) < 100, f"None refcount drifted by {after - before}"


def test_pinned_pyside_is_611():
    assert PySide6.__version__.startswith("6.11."), PySide6.__version__
