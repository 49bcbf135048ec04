"""The database now groups the product-feedback dashboard and the customer-voice report; on random data
(customers spelled in several ways, punctuated titles, kinds that no longer fit their category, untagged
tickets, a daylight-saving time zone, a period starting mid-week) both must give exactly what the previous
Python grouping gave, on SQLite and on PostgreSQL."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import insert

from cre_desk.core import voice
from cre_desk.core.feedback import KIND_CATEGORY, KIND_ORDER
from cre_desk.db.feedback_figures import build_feedback_figures, tickets_in
from cre_desk.db.models import FeedbackItem, Ticket, TicketFeedback, TicketItem
from cre_desk.db.voice import build_voice_report
from tests.db import feedback_reference as reference

TZ = ZoneInfo("Europe/Berlin")
NOW = datetime(2026, 11, 27, 15, tzinfo=UTC)
TEAMS = ["push", "in_app_messaging", "events_profiles", "sdk_platform", "dashboard", ""]
CUSTOMERS = [
    "Acme",
    "acme ",
    "ACME",
    "Acme  Corp",
    "acme corp",
    "Émile SA",
    "émile sa",
    "株式会社テスト",
    "株式会社 テスト",
    "Beta",
    " beta\t",
    "",
    "Gamma",
    "Delta",
    "ｆｕｌｌ",
    "ＦＵＬＬ",
]
TITLES = [
    "Dark mode!",
    "dark mode",
    "Dark  Mode?",
    "プッシュ通知が届かない",
    "プッシュ通知が届かない！",
    "Export CSV",
    "export: csv",
    "Crash on launch",
    "crash on launch.",
    "Quiet hours",
]
GOALS = ["", "Send the weekly segment to our CRM", "=1+1", "<b>see</b> it once", "通知を一日一回に"]
CATEGORIES = sorted({str(c) for c in KIND_CATEGORY.values()})


def _populate(db, seed: int) -> None:
    rnd = random.Random(seed)
    items = [
        {
            "id": n,
            "item_type": rnd.choice(["request", "bug", "confusion"]),
            "title": f"Item {n:02d}",
            "product_team": rnd.choice(TEAMS),
            "github_url": "",
            "created_at": NOW,
        }
        for n in range(1, 13)
    ]
    tickets, tags, links = [], [], []
    for i in range(1, 1201):
        kind = rnd.choice(KIND_ORDER)
        created = NOW - timedelta(days=rnd.uniform(0, 300))
        if i > 1150:  # a burst: one team's bugs in one week
            kind, created = KIND_ORDER[0], NOW - timedelta(days=20, hours=rnd.uniform(0, 100))
        category = str(KIND_CATEGORY[kind]) if rnd.random() < 0.9 else rnd.choice(CATEGORIES)
        title = rnd.choice(TITLES) if rnd.random() < 0.6 else f"Ticket {i}"
        tickets.append(
            {
                "id": i,
                "title": title,
                "customer": rnd.choice(CUSTOMERS),
                "app_name": "",
                "requester_name": "",
                "requester_role": "marketer",
                "platform": "android",
                "os_version": "",
                "sdk_name": "",
                "sdk_version": "",
                "app_version": "",
                "symptom": "other",
                "category": category,
                "priority": "normal",
                "assignee": "",
                "team": "",
                "status": "solved",
                "asked": "",
                "goal": rnd.choice(GOALS),
                "notes": "",
                "source": "test",
                "external_id": str(i),
                "external_url": "",
                "created_at": created,
                "updated_at": created,
                "version": 1,
                "product_team": "",
                "kind": None,
            }
        )
        if rnd.random() < 0.85:
            team = "push" if i > 1150 else rnd.choice(TEAMS)
            tickets[-1].update(product_team=team, kind=str(kind))
            tags.append({"ticket_id": i, "confirmed": True, "confirmed_by": ""})
        for item in rnd.sample(range(1, 13), k=rnd.choice([0, 0, 0, 1, 1, 2])):
            links.append({"ticket_id": i, "item_id": item, "linked_at": created})
    with db.write() as session:
        session.execute(insert(FeedbackItem), items)
        session.execute(insert(Ticket), tickets)
        session.execute(insert(TicketFeedback), tags)
        session.execute(insert(TicketItem), links)


def _groups(groups):
    return [(g.key, g.title, g.team, g.tickets, g.customers, tuple(sorted(g.ticket_ids))) for g in groups]


@pytest.mark.parametrize("seed", [1, 2])
def test_dashboard_figures_match_the_python_grouping(database, seed):
    _populate(database, seed)
    start = datetime(2026, 8, 12, 9, tzinfo=TZ)  # a Wednesday, before the clocks go back in October
    end = datetime(2026, 11, 27, tzinfo=TZ)
    for top in (15, 1000):
        got = build_feedback_figures(database, start, end, TZ, top=top)
        want = reference.build_feedback_figures(database, start, end, TZ, top=top)
        assert got.total == want.total > 0
        assert got.cells == {k: len(v) for k, v in want.cells.items()}
        if top == 15:
            for (team, kind), ids in want.cells.items():
                assert tickets_in(database, start, end, team=team, kind=kind) == sorted(ids)
        assert got.weeks == want.weeks and got.weekly == want.weekly
        assert [(a.team, a.kind, a.week, a.count, a.usual, sorted(a.ticket_ids)) for a in got.anomalies] == [
            (a.team, a.kind, a.week, a.count, a.usual, sorted(a.ticket_ids)) for a in want.anomalies
        ]
        assert got.anomalies, "the burst should stand out"
        assert _groups(got.top_items) == _groups(want.top_items)
        if top == 1000:  # every group: ties in the order are free, the groups themselves are not
            assert sorted(_groups(got.confusions)) == sorted(_groups(want.confusions))
        else:
            rank = [(g.customers, g.tickets, g.title) for g in want.confusions]
            assert [(g.customers, g.tickets, g.title) for g in got.confusions] == rank


@pytest.mark.parametrize("seed", [1, 3])
def test_voice_report_matches_the_python_grouping(database, seed):
    _populate(database, seed)
    for name in ("2026Q3", "2026Q2"):
        for top in (10, 3):
            got = build_voice_report(database, voice.quarter(name), TZ, top=top)
            want = reference.build_voice_report(database, voice.quarter(name), TZ, top=top)
            assert got.to_json() == want.to_json()
            assert got.tickets > 0 and all(got.sections[s] for s in voice.SECTIONS)
