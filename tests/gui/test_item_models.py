"""Every item model of the window passes Qt's model checks (pytest-qt's ``qtmodeltester``) with real data.

The models are found on the running window rather than listed here, so a new model is checked too.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QAbstractItemModel
from ui_steps import open_ticket  # noqa: E402 - shared GUI steps beside this file

from cre_desk.core.tickets import TicketFields
from cre_desk.gui.tasks import wait_for_all

DEMO_LOG = Path(__file__).resolve().parents[2] / "resources" / "demo" / "logs" / "braze-android-iam-failing.log"


def _our_models(window) -> list[QAbstractItemModel]:
    return [m for m in window.findChildren(QAbstractItemModel) if type(m).__module__.startswith("cre_desk.")]


def test_every_model_of_the_window_passes_the_model_checks(qtbot, qtmodeltester, window, ctx):
    ticket = ctx.tickets.create_ticket(TicketFields(title="Coupon not shown", symptom="iam_not_shown"), actor="aki")
    ctx.tickets.attach_file(ticket.id, DEMO_LOG)
    ctx.tickets.change_status(ticket.id, "waiting_customer")
    open_ticket(qtbot, window, ticket.id)
    for tab in range(5):
        window.show_tab(tab)
        qtbot.wait(20)
    logs = window.pane.logs
    qtbot.waitUntil(lambda: logs.left.doc is not None and logs.left.doc.ready, timeout=10000)
    qtbot.waitUntil(lambda: logs.analysis is not None, timeout=10000)
    wait_for_all()
    models = _our_models(window)
    kinds = {type(m).__name__ for m in models}
    assert {"QueueModel", "ChecklistModel", "LogLinesModel", "TimelineModel"} <= kinds, kinds
    filled = {type(m).__name__ for m in models if m.rowCount() > 0}
    assert {"QueueModel", "ChecklistModel", "LogLinesModel", "TimelineModel"} <= filled, filled
    for model in models:
        qtmodeltester.check(model, force_py=True)
