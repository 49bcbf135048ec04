"""The product-feedback dashboard's figures on SQLite and PostgreSQL: team x kind cells, weekly counts,
an anomaly with its tickets, confusions by feature and the items with most customers."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from cre_desk.core.tickets import TicketFields
from cre_desk.db.feedback import FeedbackStore
from cre_desk.db.feedback_figures import build_feedback_figures, tickets_in

START = datetime(2026, 6, 1, tzinfo=UTC)  # a Monday
END = datetime(2026, 7, 6, tzinfo=UTC)  # five weeks


def test_cells_trend_anomaly_and_items(service):
    store = FeedbackStore(service.db)
    request = store.create_item("request", "Quiet hours")
    faq = store.create_item("confusion", "Frequency cap wording")

    def ticket(title, customer, category, when, *, team="", kind=None, item=None):
        t = service.create_ticket(
            TicketFields(title=title, customer=customer, category=category), created_at=when
        )
        store.confirm(t.id, team=team, kind=kind or store.tag_of(t.id).kind)
        if item is not None:
            store.link(t.id, item.id)
        return t.id

    # baseline: one push bug every other week for eight weeks before the period
    for n in range(0, 8, 2):
        ticket(f"old bug {n}", "acme", "bug", START - timedelta(weeks=8 - n, days=-1), team="push")
    spike = [
        ticket(f"push crash {n}", f"c{n}", "bug", START + timedelta(weeks=3, days=n % 5), team="push")
        for n in range(4)
    ]
    asks = [
        ticket(
            "Quiet hours please", c, "feature_request", START + timedelta(days=d), team="push", item=request
        )
        for c, d in (("acme", 1), ("beta", 8), ("acme", 9))
    ]
    cap = ticket(
        "Cap confusing",
        "gamma",
        "spec_question",
        START + timedelta(days=3),
        team="in_app_messaging",
        kind="unclear_feature",
        item=faq,
    )
    hidden = ticket(
        "Didn't know about A/B",
        "delta",
        "spec_question",
        START + timedelta(days=4),
        team="in_app_messaging",
        kind="hidden_feature",
    )
    ticket("after the period", "acme", "bug", END, team="push")

    figures = build_feedback_figures(service.db, START, END, UTC)
    assert figures.total == 9
    assert figures.count("push", "bug") == 4
    assert tickets_in(service.db, START, END, team="push", kind="bug") == sorted(spike)
    assert len(tickets_in(service.db, START, END, team="push")) == 7
    assert len(tickets_in(service.db, START, END, kind="missing_feature")) == 3
    assert figures.count("push", "missing_feature") == 3
    assert figures.count("in_app_messaging", "unclear_feature") == 1
    assert len(figures.weeks) == 5
    assert figures.weekly[("push", "bug")] == {(START + timedelta(weeks=3)).date(): 4}
    (anomaly,) = figures.anomalies
    assert (anomaly.team, anomaly.kind, anomaly.count, anomaly.week) == (
        "push",
        "bug",
        4,
        (START + timedelta(weeks=3)).date(),
    )
    assert sorted(anomaly.ticket_ids) == spike
    assert [(g.title, g.tickets, g.customers) for g in figures.top_items] == [
        ("Quiet hours", 3, 2),
        ("Frequency cap wording", 1, 1),
    ]
    assert figures.top_items[0].ticket_ids == tuple(sorted(asks))
    assert [(g.title, g.team, g.ticket_ids) for g in figures.confusions] == [
        ("Frequency cap wording", "", (cap,)),
        ("", "in_app_messaging", (hidden,)),
    ]
