"""Lead dashboard figures over 100,000 tickets and 1,000,000 status events, on SQLite and PostgreSQL.

    python bench/bench_report.py [--tickets 100000] [--db-url postgresql+psycopg://postgres@127.0.0.1/test]

Clocks are computed with the real timer code while generating; the figure that matters is how long
``build_report`` takes for a quarter, next to a plain ``SELECT count(*)`` over the events as baseline.
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import insert, text

from cre_desk.core.calendars import load_calendar
from cre_desk.core.tickets import StatusChange
from cre_desk.core.timers import DEFAULT_TARGETS
from cre_desk.db import migrate, reports
from cre_desk.db.engine import Database, sqlite_url
from cre_desk.db.models import StatusEvent, Ticket, TicketClock
from cre_desk.db.service import clock_row

CATEGORIES = ["spec_question"] * 4 + ["troubleshooting"] * 5 + ["bug"]
PAUSES = ["waiting_customer", "waiting_engineering", "waiting_release", "on_hold"]


def populate(db: Database, count: int, now: datetime) -> int:
    rnd = random.Random(11)
    calendar = load_calendar()
    tickets, events, clocks = [], [], []
    total_events = 0
    with db.write() as session:
        for i in range(1, count + 1):
            created = now - timedelta(days=rnd.uniform(0, 365))
            category = rnd.choice(CATEGORIES)
            ticket = Ticket(id=i, title=f"Ticket {i}", customer=f"Customer {i % 500}", app_name="", requester_name="",
                            requester_role="marketer", platform=rnd.choice(["android", "ios"]), os_version="",
                            sdk_name=rnd.choice(["Braze", "FIAM", "OneSignal", "Repro"]), sdk_version="",
                            app_version="", symptom="iam_not_shown", category=category, priority="normal",
                            assignee=f"engineer {i % 25}", team=f"team {i % 4}", status="new", asked="", goal="",
                            notes="", source="bench", external_id=str(i), external_url="", created_at=created,
                            updated_at=created, version=1)
            at, status = created, "new"
            history = [StatusChange(at=at, from_status=None, to_status="new")]
            for _ in range(4):   # ten events per ticket: open, pause, resume ... then solved
                for new in ("open", rnd.choice(PAUSES)):
                    at += timedelta(hours=rnd.expovariate(1 / 8))
                    history.append(StatusChange(at=at, from_status=status, to_status=new))
                    status = new
            at += timedelta(hours=rnd.expovariate(1 / 8))
            if at < now:
                history.append(StatusChange(at=at, from_status=status, to_status="solved"))
                status = "solved"
            ticket.status = status
            ticket.resolved_at = at if status == "solved" else None
            ticket.first_response_at = history[1].at if history[1].at < now else None
            tickets.append({c.name: getattr(ticket, c.name) for c in Ticket.__table__.columns
                            if getattr(ticket, c.name, None) is not None or c.name in ("resolved_at",
                                                                                      "first_response_at")})
            for change in history:
                events.append(dict(ticket_id=i, at=change.at, from_status=change.from_status,
                                   to_status=change.to_status, pause_reason=None, actor="bench", note=""))
            clocks.append(clock_row(ticket, history, calendar=calendar, targets=DEFAULT_TARGETS, now=now))
            total_events += len(history)
            if len(tickets) == 2000:
                _flush(session, tickets, events, clocks)
        _flush(session, tickets, events, clocks)
    return total_events


def _flush(session, tickets, events, clocks) -> None:
    if tickets:
        session.execute(insert(Ticket), tickets)
        session.execute(insert(StatusEvent), events)
        session.execute(insert(TicketClock), clocks)
    tickets.clear()
    events.clear()
    clocks.clear()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--tickets", type=int, default=100_000)
    parser.add_argument("--db-url", default="")
    args = parser.parse_args()
    now = datetime(2026, 11, 25, 3, 0, tzinfo=UTC)
    with tempfile.TemporaryDirectory() as tmp:
        url = args.db_url or sqlite_url(Path(tmp) / "bench.sqlite3")
        db = Database(url)
        migrate.upgrade(db)
        if not db.is_sqlite:   # a team server keeps its tables: start from empty ones (use a scratch schema)
            with db.write() as session:
                session.execute(text("TRUNCATE tickets CASCADE"))
        start = time.perf_counter()
        events = populate(db, args.tickets, now)
        print(f"[{db.dialect}] generated {args.tickets:,} tickets and {events:,} status events with their clocks "
              f"in {time.perf_counter() - start:.0f} s")
        with db.write() as session:
            session.execute(text("ANALYZE"))
        calendar = load_calendar()
        baseline, timings = [], []
        for _ in range(5):
            t = time.perf_counter()
            with db.read() as session:
                session.execute(text("SELECT count(*) FROM status_events")).scalar()
            baseline.append(time.perf_counter() - t)
        quarter = (now - timedelta(days=91), now)
        for _ in range(5):
            t = time.perf_counter()
            report = reports.build_report(db, *quarter, now=now, calendar=calendar)
            timings.append(time.perf_counter() - t)
        year = []
        for _ in range(3):
            t = time.perf_counter()
            reports.build_report(db, now - timedelta(days=365), now, now=now, calendar=calendar)
            year.append(time.perf_counter() - t)
        print(f"dashboard figures, one quarter ({report.resolved:,} resolved, {report.open_count:,} open): "
              f"median {statistics.median(timings) * 1000:.0f} ms (target well under 1 s)")
        print(f"dashboard figures, whole year:                         median {statistics.median(year) * 1000:.0f} ms")
        print(f"baseline: SELECT count(*) over {events:,} status events:  median "
              f"{statistics.median(baseline) * 1000:.0f} ms")
        db.dispose()


if __name__ == "__main__":
    main()
