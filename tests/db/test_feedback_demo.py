"""The demo workspace holds a year of tagged product feedback: the dashboard finds the planted push-bug
spike, the quarter's report has requests, bugs and confusions, and loading twice adds nothing."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from cre_desk.core import demo, voice
from cre_desk.core.demo_feedback import feedback_demo_specs
from cre_desk.db.feedback import FeedbackStore
from cre_desk.db.feedback_figures import build_feedback_figures
from cre_desk.db.voice import build_voice_report

NOW = datetime(2026, 11, 27, 9, 0, tzinfo=UTC)


def test_specs_cover_a_year_every_kind_and_are_stable():
    specs = feedback_demo_specs(NOW)
    assert specs == feedback_demo_specs(NOW)
    assert min(s["created"] for s in specs) < NOW - timedelta(days=350)
    assert max(s["created"] for s in specs) < NOW
    assert {s["kind"] for s in specs} == {
        "bug",
        "missing_feature",
        "unclear_feature",
        "hidden_feature",
        "spec_question",
        "troubleshooting",
    }
    assert 250 <= len(specs) <= 450


def test_demo_loads_once_and_feeds_dashboard_and_report(tmp_path):
    from cre_desk.config import default_paths
    from cre_desk.db.workspace import open_workspace

    ws = open_workspace(default_paths(tmp_path / "home"))
    try:
        store = FeedbackStore(ws.db)
        added = demo.load_demo(ws.tickets, now=NOW, feedback=store)
        assert added == ws.tickets.count() > 250
        assert demo.load_demo(ws.tickets, now=NOW, feedback=store) == 0
        figures = build_feedback_figures(ws.db, NOW - timedelta(days=91), NOW, UTC)
        spikes = [a for a in figures.anomalies if (a.team, a.kind) == ("push", "bug")]
        assert spikes and spikes[0].count >= 4 and len(spikes[0].ticket_ids) == spikes[0].count
        assert figures.top_items and figures.top_items[0].customers >= 3
        report = build_voice_report(ws.db, voice.quarter("2026Q3"), UTC)
        assert all(report.sections[s] for s in voice.SECTIONS)
        assert report.sections["requests"][0].words and report.sections["requests"][0].github_url
    finally:
        ws.close()
