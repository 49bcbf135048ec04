"""Keyboard shortcuts as a user presses them: one key does one thing wherever the focus is.

Qt refuses a key bound twice in scopes that are active at once ("Ambiguous shortcut overload") and then
does nothing at all, so every key sequence of the main window is checked against every other one.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QShortcut
from PySide6.QtWidgets import QApplication, QMenu, QMenuBar, QWidget
from ui_steps import open_ticket  # noqa: E402 - shared GUI steps beside this file

from cre_desk.core.tickets import TicketFields

DEMO = Path(__file__).resolve().parents[2] / "resources" / "demo" / "logs"
Scope = Qt.ShortcutContext


def _bindings(window) -> list[tuple[str, Qt.ShortcutContext, QWidget, str, object]]:
    """(key, context, scope widget, name, owner) for every shortcut living in ``window``."""
    found = []
    for action in window.findChildren(QAction):
        widgets = [w for w in action.associatedObjects()
                   if isinstance(w, QWidget) and not isinstance(w, QMenu | QMenuBar) and w.window() is window]
        for key in action.shortcuts():
            for widget in widgets:
                found.append((key.toString(), action.shortcutContext(), widget, action.text(), action))
    for shortcut in window.findChildren(QShortcut):
        widget = shortcut.parent()
        if isinstance(widget, QWidget) and widget.window() is window and shortcut.isEnabled():
            for key in shortcut.keys():
                found.append((key.toString(), shortcut.context(), widget, "QShortcut", shortcut))
    return [b for b in found if b[0]]


def _overlap(a, b) -> bool:
    """Whether two scopes can be active for the same focus widget."""
    (_, ca, wa, *_), (_, cb, wb, *_) = a, b
    if wa is wb:
        return True
    window_wide = (Scope.WindowShortcut, Scope.ApplicationShortcut)
    if ca in window_wide or cb in window_wide:
        return True
    # widget-with-children scopes nest; a widget scope sits inside its ancestors' scopes
    if ca == Scope.WidgetWithChildrenShortcut and wa.isAncestorOf(wb):
        return True
    return cb == Scope.WidgetWithChildrenShortcut and wb.isAncestorOf(wa)


def _ambiguous(window) -> list[tuple[str, str, str]]:
    bindings = _bindings(window)
    clashes = []
    for n, a in enumerate(bindings):
        for b in bindings[n + 1:]:
            if a[0] == b[0] and a[4] is not b[4] and _overlap(a, b):
                clashes.append((a[0], a[3], b[3]))
    return sorted(set(clashes))
    return clashes


def _open_compared_logs(qtbot, window, ctx):
    ticket = ctx.tickets.create_ticket(TicketFields(title="Coupon not shown", symptom="iam_not_shown"),
                                       actor="aki")
    ctx.tickets.attach_file(ticket.id, DEMO / "braze-android-iam-failing.log")
    ctx.tickets.attach_file(ticket.id, DEMO / "fiam-android-rate-limited.log")
    open_ticket(qtbot, window, ticket.id)
    window.show_tab(3)
    logs = window.pane.logs
    qtbot.waitUntil(lambda: logs.left.doc is not None and logs.left.doc.ready, timeout=10000)
    combo = logs.compare_combo
    target = next(i for i in range(combo.count())
                  if getattr(combo.itemData(i), "name", "") == "fiam-android-rate-limited.log")
    combo.setCurrentIndex(target)
    combo.activated.emit(target)
    qtbot.waitUntil(lambda: logs.right.doc is not None and logs.right.doc.ready, timeout=10000)
    return logs


def _press_ctrl_f(qtbot, window) -> None:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    target = QApplication.focusWidget() or window
    qtbot.keyClick(target, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)


def test_no_key_is_bound_twice_where_both_bindings_are_active(qtbot, window, ctx):
    _open_compared_logs(qtbot, window, ctx)
    clashes = _ambiguous(window)
    assert clashes == [], "\n".join(map(str, clashes))


def test_ctrl_f_searches_the_log_in_the_logs_tab_and_the_queue_elsewhere(qtbot, window, ctx):
    logs = _open_compared_logs(qtbot, window, ctx)
    logs.left.search_edit.clear()

    logs.right.table.setFocus()
    qtbot.waitUntil(lambda: logs.right.table.hasFocus())
    _press_ctrl_f(qtbot, window)
    qtbot.waitUntil(lambda: logs.right.search_edit.hasFocus())

    logs.compare_combo.setFocus()           # focus in neither pane: the left pane's search box
    qtbot.waitUntil(lambda: logs.compare_combo.hasFocus())
    _press_ctrl_f(qtbot, window)
    qtbot.waitUntil(lambda: logs.left.search_edit.hasFocus())

    window.show_tab(0)
    window.pane.tabs.currentWidget().setFocus()
    _press_ctrl_f(qtbot, window)
    qtbot.waitUntil(lambda: window.queue.search.hasFocus())
