"""Lead reports give the same figures on SQLite and PostgreSQL, with pauses and business hours honoured."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from cre_desk.core.tickets import TicketFields
from cre_desk.db import migrate, reports
from cre_desk.db.engine import Database
from cre_desk.db.service import TicketService

JST = timedelta(hours=9)


def _at(day: int, hour: int) -> datetime:
    """A November 2026 moment in Tokyo time (Mon 16 ... Fri 20; Mon 23 is Labour Thanksgiving Day)."""
    return datetime(2026, 11, day, hour, tzinfo=UTC) - JST


@pytest.fixture
def service(any_db_url):
    db = Database(any_db_url)
    migrate.upgrade(db)
    now = [_at(16, 9)]
    svc = TicketService(db, clock=lambda: now[0])
    svc.now = now
    yield svc
    db.dispose()


def _ticket(svc, title, category, created, assignee="aki", sdk="Braze"):
    svc.now[0] = created
    return svc.create_ticket(TicketFields(title=title, category=category, assignee=assignee, sdk_name=sdk),
                             actor=assignee, created_at=created)


def _status(svc, ticket, status, at):
    svc.now[0] = at
    return svc.change_status(ticket.id, status, at=at)


def test_medians_targets_pauses_and_open_ticket_states(service):
    svc = service
    # Spec question answered the same day: 10:00 -> 16:00 = 6 business hours, within target.
    spec = _ticket(svc, "How to target new users", "spec_question", _at(16, 10))
    _status(svc, spec, "solved", _at(16, 16))
    # Troubleshooting with a pause Fri 10:00 -> Tue 15:00 waiting on the customer's log.
    trouble = _ticket(svc, "Coupon not shown", "troubleshooting", _at(19, 10))
    _status(svc, trouble, "waiting_customer", _at(20, 10))
    _status(svc, trouble, "open", _at(24, 15))
    _status(svc, trouble, "solved", _at(24, 17))
    # Still open, created long ago: breached. Another open and fresh: on track.
    _ticket(svc, "Push never arrives", "troubleshooting", _at(16, 9))
    _ticket(svc, "Events missing", "troubleshooting", _at(23, 17))
    now = _at(25, 12)
    svc.now[0] = now
    report = reports.build_report(svc.db, _at(16, 0), _at(30, 0), now=now, calendar=svc.calendar)
    assert report.resolved == 2
    by_category = {s.key: s for s in report.groups["category"]}
    assert by_category["spec_question"].median_h == pytest.approx(6.0)
    assert by_category["spec_question"].within_target == 1.0
    # Thu 10:00-18:00 (8h) + Fri 9:00-10:00 (1h) active, paused until Tue 15:00 (the weekend and the
    # holiday are not business time anyway), then 2h: 11 business hours; the pause is not counted.
    assert by_category["troubleshooting"].median_h == pytest.approx(11.0)
    assert report.pauses_h["customer_log"] == pytest.approx(8.0 + 6.0)  # Fri 10-18 and Tue 9-15
    assert [t.title for t in report.breached] == ["Push never arrives"]
    assert report.breached[0].overdue_h > 0
    assert report.open_count == 2 and not report.at_risk
    csv_text = report.to_csv()
    assert csv_text.splitlines()[0].startswith("group,key,resolved,median_business_h")
    assert "category,spec_question,1,6.000" in csv_text


def test_csv_never_turns_typed_text_into_formulas(service):
    """Every cell people type (title, assignee, SDK, team…) in both tables, not only titles."""
    import csv
    import io

    svc = service
    formula = "=HYPERLINK(\"http://evil\")"
    ticket = _ticket(svc, formula, "troubleshooting", _at(2, 10), assignee="@SUM(A1)", sdk="+cmd|' /C calc'!A0")
    _status(svc, ticket, "solved", _at(3, 12))
    _ticket(svc, "-2+3", "troubleshooting", _at(2, 11), assignee="=1+1")
    report = reports.build_report(svc.db, _at(1, 0), _at(30, 0), now=_at(25, 12), calendar=svc.calendar)
    cells = [cell for text in (report.to_csv(), report.open_tickets_csv())
             for row in csv.reader(io.StringIO(text)) for cell in row]
    dangerous = [c for c in cells if c[:1] in ("=", "+", "@", "\t", "\r")
                 or (c[:1] == "-" and not c.replace(".", "", 1).lstrip("-").isdigit())]
    assert dangerous == []
    assert "'@SUM(A1)" in cells and "'=1+1" in cells and "'+cmd|' /C calc'!A0" in cells and "'-2+3" in cells


def test_report_command_prints_csv_and_json_for_a_period(tmp_path, capsys):
    import json

    from cre_desk import cli
    from cre_desk.config import default_paths
    from cre_desk.db.workspace import open_workspace

    home = tmp_path / "home"
    ws = open_workspace(default_paths(home))
    spec = ws.tickets.create_ticket(TicketFields(title="Spec", category="spec_question"), created_at=_at(17, 10))
    ws.tickets.change_status(spec.id, "solved", at=_at(17, 12))
    ws.close()
    assert cli.main(["--home", str(home), "report", "--from", "2026-11-16", "--to", "2026-11-20",
                     "--format", "csv"]) == 0
    assert "category,spec_question,1,2.000" in capsys.readouterr().out
    assert cli.main(["--home", str(home), "report", "--from", "2026-11-16", "--to", "2026-11-20",
                     "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["resolved"] == 1 and data["groups"]["category"][0]["median_h"] == 2.0
    assert cli.main(["--home", str(home), "report", "--from", "2026-11-21", "--to", "2026-11-20"]) == 2


def test_paused_time_counts_open_tickets_and_runs_on_while_they_wait(service):
    """The dashboard's pause chart: a ticket still waiting on the customer's log is where time goes."""
    svc = service
    waiting = _ticket(svc, "Coupon not shown", "troubleshooting", _at(16, 10))
    _status(svc, waiting, "waiting_customer", _at(16, 12))          # stored clock computed at 12:00
    released = _ticket(svc, "Banner after update", "troubleshooting", _at(16, 10))
    _status(svc, released, "waiting_release", _at(17, 9))
    _status(svc, released, "open", _at(17, 18))                      # one business day on the release
    report = reports.build_report(svc.db, _at(1, 0), _at(30, 0), now=_at(18, 18), calendar=svc.calendar)
    assert report.resolved == 0
    # Mon 12-18 (6 h) + Tue 9 h + Wed 9 h: still waiting, so the pause runs on to "now".
    assert report.pauses_h["customer_log"] == pytest.approx(24.0)
    assert report.pauses_h["app_release"] == pytest.approx(9.0)
    # Tickets opened after the period are not in it.
    earlier = reports.build_report(svc.db, _at(1, 0), _at(10, 0), now=_at(18, 18), calendar=svc.calendar)
    assert earlier.pauses_h["customer_log"] == 0.0


def test_the_demo_workspace_has_paused_time_to_chart(tmp_path):
    from cre_desk.config import default_paths
    from cre_desk.core import demo
    from cre_desk.db.workspace import open_workspace

    ws = open_workspace(default_paths(tmp_path / "home"))
    now = _at(18, 15)   # a Wednesday afternoon, so the demo's pauses fall on business days
    ws.tickets.clock = lambda: now
    try:
        demo.load_demo(ws.tickets, now=now)
        report = reports.build_report(ws.db, now - timedelta(days=27), now, now=now,
                                      calendar=ws.tickets.calendar)
        assert report.pauses_h["customer_log"] > 0 and report.pauses_h["app_release"] > 0
    finally:
        ws.close()
