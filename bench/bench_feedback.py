"""Product-feedback dashboard and quarterly customer-voice report over 100,000 tickets, SQLite or PostgreSQL.

    python bench/bench_feedback.py [--tickets 100000] [--db-url postgresql+psycopg://postgres@127.0.0.1/test]

Prints the median time of ``build_feedback_figures`` (13 weeks plus the 8 baseline weeks) and of
``build_voice_report`` (a quarter and the one before), next to a plain ``SELECT count(*)`` over the
tickets as baseline.
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

from cre_desk.core import voice
from cre_desk.core.feedback import KIND_CATEGORY, KIND_ORDER
from cre_desk.db import migrate
from cre_desk.db.engine import Database, sqlite_url
from cre_desk.db.feedback_figures import build_feedback_figures
from cre_desk.db.models import FeedbackItem, Ticket, TicketFeedback, TicketItem
from cre_desk.db.voice import build_voice_report

TEAMS = ["in_app_messaging", "push", "events_profiles", "sdk_platform", "dashboard", ""]


def populate(db: Database, count: int, now: datetime) -> None:
    rnd = random.Random(15)
    with db.write() as session:
        session.execute(
            insert(FeedbackItem),
            [
                {
                    "id": i,
                    "item_type": "request",
                    "title": f"Item {i}",
                    "product_team": rnd.choice(TEAMS),
                    "github_url": "",
                    "created_at": now,
                }
                for i in range(1, 301)
            ],
        )
    batch = 10_000
    for first in range(1, count + 1, batch):
        tickets, tags, links = [], [], []
        for i in range(first, min(first + batch, count + 1)):
            kind = rnd.choice(KIND_ORDER)
            created = now - timedelta(days=rnd.uniform(0, 365))
            tickets.append(
                {
                    "id": i,
                    "title": f"Ticket {i}",
                    "customer": f"Customer {i % 700}",
                    "app_name": "",
                    "requester_name": "",
                    "requester_role": "marketer",
                    "platform": "android",
                    "os_version": "",
                    "sdk_name": "",
                    "sdk_version": "",
                    "app_version": "",
                    "symptom": "other",
                    "category": str(KIND_CATEGORY[kind]),
                    "priority": "normal",
                    "assignee": "",
                    "team": "",
                    "status": "solved",
                    "asked": "",
                    "goal": f"goal {i % 50}",
                    "notes": "",
                    "source": "bench",
                    "external_id": str(i),
                    "external_url": "",
                    "created_at": created,
                    "updated_at": created,
                    "version": 1,
                }
            )
            tickets[-1].update(product_team=rnd.choice(TEAMS), kind=str(kind))
            tags.append({"ticket_id": i, "confirmed": True, "confirmed_by": ""})
            if rnd.random() < 0.4:
                links.append({"ticket_id": i, "item_id": rnd.randint(1, 300), "linked_at": created})
        with db.write() as session:
            session.execute(insert(Ticket), tickets)
            session.execute(insert(TicketFeedback), tags)
            session.execute(insert(TicketItem), links)


def timed(fn, runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--tickets", type=int, default=100_000)
    parser.add_argument("--db-url", default=None)
    args = parser.parse_args()
    scratch = None
    url = args.db_url or sqlite_url(Path(tempfile.mkdtemp()) / "bench.sqlite3")
    if url.startswith("postgresql"):  # a scratch schema, dropped afterwards; the server's own tables stay
        import uuid

        import psycopg

        scratch = f"bench_fb_{uuid.uuid4().hex[:10]}"
        plain = url.replace("postgresql+psycopg", "postgresql")
        with psycopg.connect(plain, autocommit=True) as conn:
            conn.execute(f'CREATE SCHEMA "{scratch}"')
        url += ("&" if "?" in url else "?") + f"options=-csearch_path%3D{scratch}"
    try:
        db = Database(url)
        migrate.upgrade(db)
        now = datetime(2026, 11, 27, tzinfo=UTC)
        start = time.perf_counter()
        populate(db, args.tickets, now)
        took = time.perf_counter() - start
        print(f"populated {args.tickets} tickets in {took:.1f} s ({db.engine.dialect.name})")
        if db.dialect == "postgresql":
            # a team server's autovacuum analyses and vacuums a table this size within a minute (the
            # visibility map lets PostgreSQL answer from the figures index alone); a test server may not
            with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
                connection.execute(text("VACUUM ANALYZE"))
        with db.read() as session:
            baseline = timed(lambda: session.execute(text("SELECT count(*) FROM tickets")).scalar())
        dashboard = timed(lambda: build_feedback_figures(db, now - timedelta(weeks=13), now, UTC))
        report = timed(lambda: build_voice_report(db, voice.quarter("2026Q3"), UTC))
        print(f"count(*) baseline        {baseline:8.1f} ms")
        print(f"feedback dashboard (13w) {dashboard:8.1f} ms  ({dashboard / baseline:.1f}x count(*))")
        ratio = report / baseline
        print(f"customer-voice quarter   {report:8.1f} ms  ({ratio:.1f}x count(*))")
        db.dispose()
    finally:
        if scratch is not None:
            with psycopg.connect(plain, autocommit=True) as conn:
                conn.execute(f'DROP SCHEMA "{scratch}" CASCADE')


if __name__ == "__main__":
    main()
