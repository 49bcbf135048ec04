"""Queue and ranked full-text search on 100,000 tickets, next to a raw LIKE scan of the same data.

    python bench/bench_search.py [--tickets 100000] [--db-url postgresql://…]
"""

from __future__ import annotations

import argparse
import itertools
import random
import statistics
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import insert, text

from cre_desk.core.text_search import index_text
from cre_desk.core.tickets import QueueFilter
from cre_desk.db import migrate
from cre_desk.db.engine import Database, sqlite_url
from cre_desk.db.models import Ticket, TicketTag
from cre_desk.db.service import TicketService

WORDS = ("in-app message not shown after purchase coupon banner push notification token delivered android ios "
         "session trigger event segment campaign braze firebase onesignal repro airship clevertap sdk update "
         "crash log device pixel xiaomi samsung iphone payload badge sound silent background foreground "
         "user profile attribute identity dashboard export api key endpoint release version").split()
JA = ["アプリ内メッセージが表示されない", "プッシュ通知が届かない", "イベントが記録されない", "セグメント", "トリガー"]
QUERIES = ["coupon", "push token", "xiaomi", "segment trigger", "crash pixel", "表示されない", "endpoint",
           "braze session", "badge", "onesignal foreground"]


def _vocabulary(rnd: random.Random, size: int = 4000) -> list[str]:
    letters = "abcdefghiklmnoprstuvwy"
    return ["".join(rnd.choice(letters) for _ in range(rnd.randint(3, 10))) for _ in range(size)]


_VOCAB = _vocabulary(random.Random(7))
# Zipf-like weights: ticket text repeats a few words a lot and most words rarely, like real support mail.
_CUMULATIVE = list(itertools.accumulate(1.0 / (rank + 1) for rank in range(len(_VOCAB))))


def sentence(rnd: random.Random, n: int) -> str:
    words = rnd.choices(_VOCAB, cum_weights=_CUMULATIVE, k=n)
    for slot in range(n):
        if rnd.random() < 0.25:
            words[slot] = rnd.choice(WORDS)
    if rnd.random() < 0.2:
        words.append(rnd.choice(JA))
    return " ".join(words)


def populate(db: Database, count: int) -> None:
    rnd = random.Random(42)
    start = datetime(2025, 1, 1, tzinfo=UTC)
    batch, tags, docs = [], [], []
    statuses = ["new", "open", "waiting_customer", "solved", "closed"]
    with db.write() as session:
        for i in range(1, count + 1):
            created = start + timedelta(minutes=7 * i)
            title, asked, goal = sentence(rnd, 6), sentence(rnd, 25), sentence(rnd, 12)
            batch.append(dict(id=i, title=title, customer=f"Customer {i % 700}", app_name="", requester_name="",
                              requester_role="marketer", platform="android", os_version="", sdk_name="Braze",
                              sdk_version="", app_version="", symptom="iam_not_shown", category="troubleshooting",
                              priority="normal", assignee=f"eng{i % 12}", team="", status=rnd.choice(statuses),
                              asked=asked, goal=goal, notes="", source="bench", external_id=str(i),
                              external_url="", created_at=created, updated_at=created, version=1))
            tags.append(dict(ticket_id=i, tag=rnd.choice(["braze", "fiam", "push", "ios", "android"])))
            docs.append({"id": i, "title": index_text(title), "body": index_text(asked + "\n" + goal)})
            if len(batch) == 5000:
                _flush(session, db, batch, tags, docs)
        _flush(session, db, batch, tags, docs)


def _flush(session, db, batch, tags, docs) -> None:
    if not batch:
        return
    session.execute(insert(Ticket), batch)
    session.execute(insert(TicketTag), tags)
    if db.is_sqlite:
        session.execute(text("INSERT INTO ticket_fts (rowid, title, body) VALUES (:id, :title, :body)"), docs)
    else:
        session.execute(text("INSERT INTO ticket_fts (ticket_id, title, body) VALUES (:id, :title, :body)"), docs)
    batch.clear()
    tags.clear()
    docs.clear()


def timed(fn, repeat: int) -> list[float]:
    out = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        out.append(time.perf_counter() - t)
    return out


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1] if len(values) >= 2 else values[0]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--tickets", type=int, default=100_000)
    parser.add_argument("--db-url", default="")
    parser.add_argument("--rank-window", type=int, default=0, help="override search.RANK_WINDOW")
    args = parser.parse_args()
    if args.rank_window:
        from cre_desk.db import search

        search.RANK_WINDOW = args.rank_window
    with tempfile.TemporaryDirectory() as tmp:
        url = args.db_url or sqlite_url(Path(tmp) / "bench.sqlite3")
        db = Database(url)
        migrate.upgrade(db)
        t = time.perf_counter()
        populate(db, args.tickets)
        print(f"[{db.dialect}] generated {args.tickets:,} tickets in {time.perf_counter() - t:.1f} s")
        if not db.is_sqlite:
            with db.write() as session:
                session.execute(text("ANALYZE"))
        service = TicketService(db, template_rows=lambda s: [])
        queue = timed(lambda: service.list_queue(QueueFilter()), 20)
        open_only = timed(lambda: service.list_queue(QueueFilter(include_closed=False)), 20)
        fts = []
        for _ in range(5):
            for q in QUERIES:
                fts += timed(lambda q=q: service.search(q, limit=200), 1)
        like = []
        for q in QUERIES[:5]:
            term = q.split()[0]
            with db.read() as session:
                t = time.perf_counter()
                session.execute(text("SELECT id FROM tickets WHERE title LIKE :t OR asked LIKE :t OR goal LIKE :t "
                                     "OR notes LIKE :t"), {"t": f"%{term}%"}).fetchall()
                like.append(time.perf_counter() - t)
        queue_search = timed(lambda: service.list_queue(QueueFilter(text="coupon banner")), 5)
        shown = QueueFilter().limit
        print(f"queue open (newest {shown:,} rows):       median {statistics.median(queue) * 1000:6.1f} ms, "
              f"p95 {p95(queue) * 1000:6.1f} ms")
        print(f"queue open, open tickets only (the default view): median "
              f"{statistics.median(open_only) * 1000:6.1f} ms, p95 {p95(open_only) * 1000:6.1f} ms")
        print(f"ranked full-text search (top 200):    p95 {p95(fts) * 1000:6.1f} ms, median "
              f"{statistics.median(fts) * 1000:6.1f} ms over {len(fts)} queries (target p95 < 50 ms)")
        print(f"queue filtered by search text:        median {statistics.median(queue_search) * 1000:6.1f} ms")
        print(f"raw LIKE '%term%' scan, same data:    median {statistics.median(like) * 1000:6.1f} ms")
        print(f"ratio LIKE / full-text p95:           {statistics.median(like) / p95(fts):6.1f}x faster")
        db.dispose()


if __name__ == "__main__":
    main()
