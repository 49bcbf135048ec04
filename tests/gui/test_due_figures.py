"""One meaning of "due": the queue, its tooltip, the ticket header and the dashboard CSV agree.

Troubleshooting allows three business days (27 business hours in the 09:00-18:00 Tokyo calendar);
nights, weekends and holidays never count, and every figure is rounded once, to 0.1 h.
"""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime, timedelta

from ui_steps import open_ticket  # noqa: E402 - shared GUI steps beside this file

from cre_desk.core.tickets import TicketFields
from cre_desk.db import reports
from cre_desk.gui.formatting import local_time

JST = timedelta(hours=9)


def _jst(day: int, hour: int, minute: int = 0) -> datetime:
    """A moment of November 2026 in Tokyo (Mon 16 ... Fri 20)."""
    return datetime(2026, 11, day, hour, minute, tzinfo=UTC) - JST


def _at(ctx, moment: datetime) -> None:
    ctx.tickets.clock = lambda: moment


def _queue_due(window, ticket_id):
    column = window.queue.model.COLUMNS.index("due")
    index = window.queue.model.index(window.queue.model.row_of(ticket_id), column)
    return index.data(), index.data(3)   # display text, tooltip


def _csv_rows(ctx, now):
    report = reports.build_report(ctx.tickets.db, now - timedelta(days=30), now, now=now,
                                  calendar=ctx.tickets.calendar)
    return {row["title"]: row for row in csv.DictReader(io.StringIO(report.open_tickets_csv()))}


def test_overdue_counts_business_hours_the_same_in_queue_header_and_csv(qtbot, window, ctx):
    created = _jst(16, 10)
    _at(ctx, created)   # the stored clock is computed at creation and must run on by itself
    ticket = ctx.tickets.create_ticket(TicketFields(title="Push never arrives", category="troubleshooting"),
                                       created_at=created)
    now = _jst(20, 22)  # Friday night: Mon 8 h + Tue-Fri 9 h each = 44 business h used of 27
    _at(ctx, now)
    open_ticket(qtbot, window, ticket.id)

    text, tooltip = _queue_due(window, ticket.id)
    assert text == "overdue 17.0 h"          # wall clock would say 1d 12h
    assert "business hours" in tooltip and "nights, days off and holidays do not count" in tooltip
    assert "44.0 of 27.0 business hours used" in tooltip
    header = window.pane.clocks.text()
    assert "Resolution 44.0 of 27.0 business h" in header and "overdue 17.0 h" in header
    assert window.pane.clocks.toolTip() == tooltip
    row = _csv_rows(ctx, now)["Push never arrives"]
    assert row["state"] == "breached" and row["overdue_business_h"] == "17.0"


def test_a_same_day_target_reads_the_same_allowance_everywhere(qtbot, window, ctx):
    created = _jst(20, 14, 6)    # 14:06 to the 18:00 close allows 3 h 54 min = 3.9 business h
    _at(ctx, created)
    fields = TicketFields(title="Which users see the banner?", category="spec_question")
    ticket = ctx.tickets.create_ticket(fields, created_at=created)
    now = _jst(20, 21)           # after closing: all 3.9 h used, the target was missed at 18:00
    _at(ctx, now)
    open_ticket(qtbot, window, ticket.id)
    header = window.pane.clocks.text()
    assert "Resolution 3.9 of 3.9 business h" in header and "target missed" in header
    assert "of 4 business h" not in header
    text, tooltip = _queue_due(window, ticket.id)
    assert text == "overdue 0.0 h"            # no business time has passed since 18:00
    assert f"Missed at {local_time(_jst(20, 18))}." in tooltip
    assert _csv_rows(ctx, now)["Which users see the banner?"]["overdue_business_h"] == "0.0"


def test_the_header_says_both_clocks_are_business_hours_and_why_resolution_can_be_the_smaller(
        qtbot, window, ctx):
    created = _jst(16, 10)
    _at(ctx, created)
    ticket = ctx.tickets.create_ticket(TicketFields(title="Coupon not shown", category="troubleshooting"),
                                       created_at=created)
    ctx.tickets.change_status(ticket.id, "waiting_customer", at=_jst(16, 11))
    ctx.tickets.change_status(ticket.id, "open", at=_jst(17, 11))
    ctx.tickets.record_first_response(ticket.id, at=_jst(17, 12))
    _at(ctx, _jst(17, 13))
    open_ticket(qtbot, window, ticket.id)
    header = window.pane.clocks.text()
    # Mon 10-18 + Tue 9-12; the resolution clock stops while waiting on the customer (Mon 11-18, Tue 9-11)
    assert "First response 11.0 business h" in header
    assert "Resolution 3.0 of 27.0 business h" in header
    assert "Paused so far: 9.0 business hours, not counted in Resolution." in window.pane.clocks.toolTip()
