"""The customer-voice report's numbers on a hand-checked fixture, the same on SQLite and PostgreSQL,
plus the exports: HTML escapes customer words, CSV never lets them become formulas, `cre-desk voice` works."""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import UTC, datetime

import pytest

from cre_desk.core import voice, voice_export
from cre_desk.core.tickets import TicketFields
from cre_desk.db.feedback import FeedbackStore
from cre_desk.db.voice import build_voice_report
from cre_desk.integrations.github import IssueState

URL = "https://github.com/acme/sdk/issues/12"
EVIL_GOAL = '=HYPERLINK("http://evil.example","click")'
SCRIPT_GOAL = "<script>alert(1)</script> show it once a day & no more"


def _at(month: int, day: int, hour: int = 10, minute: int = 0) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=UTC)


@pytest.fixture
def fixture(service):
    """Q3 2026: three tickets (two customers) on one request, one unlinked request, a bug, a confusion, a
    troubleshooting ticket (not product feedback) and one just past the quarter; Q2: two earlier tickets."""
    store = FeedbackStore(service.db)
    request = store.create_item("request", "Export segments as CSV", team="dashboard", github_url=URL)
    crash = store.create_item("bug", "Crash on launch with SDK 5.1", team="sdk_platform")

    def ticket(title, customer, category, when, goal="", item=None, kind=None, team=""):
        t = service.create_ticket(
            TicketFields(title=title, customer=customer, category=category, goal=goal), created_at=when
        )
        if kind or team:
            store.confirm(t.id, team=team, kind=kind or store.tag_of(t.id).kind)
        if item:
            store.link(t.id, item.id)
        return t

    first = ticket(
        "CSV export of segments",
        "Acme",
        "feature_request",
        _at(7, 3),
        goal="Send the weekly segment to our CRM",
        item=request,
    )
    ticket("Export segments to csv?", "Beta", "feature_request", _at(8, 10), goal=EVIL_GOAL, item=request)
    ticket("segment export", "acme ", "feature_request", _at(9, 30, 23, 59), item=request)
    ticket("Dark mode for dashboard", "Gamma", "feature_request", _at(8, 1), team="dashboard")
    ticket("App crashes on launch with SDK 5.1", "Acme", "bug", _at(7, 15), item=crash)
    ticket(
        "Frequency cap confusing",
        "Delta",
        "spec_question",
        _at(8, 5),
        goal=SCRIPT_GOAL,
        kind="unclear_feature",
        team="in_app_messaging",
    )
    ticket("How do I set up push?", "Epsilon", "troubleshooting", _at(8, 6))
    ticket("Dark mode please", "Gamma", "feature_request", _at(10, 1, 0, 0))  # next quarter
    ticket("Segment CSV", "Acme", "feature_request", _at(5, 5), item=request)  # Q2
    ticket("Dark mode for dashboard!", "Gamma", "feature_request", _at(6, 1))  # Q2, same title
    link = service.link_issue(first.id, "acme", "sdk", 12)
    service.update_issue_link(
        link.id,
        state=IssueState(
            url=URL,
            title="CSV",
            state="closed",
            state_reason="completed",
            closed_at=_at(9, 1),
            labels=(),
            milestone=None,
            etag=None,
        ),
    )
    return service


def test_quarter_figures_are_the_hand_checked_ones(fixture):
    report = build_voice_report(fixture.db, voice.quarter("2026Q3"), UTC)
    assert (report.period.name, report.previous.name) == ("2026Q3", "2026Q2")
    assert (report.tickets, report.customers) == (6, 4)  # Acme, Beta, Gamma, Delta; Epsilon is not feedback
    requests = report.sections["requests"]
    assert [
        (e.title, e.tickets, e.customers, e.previous_tickets, e.previous_customers, e.change)
        for e in requests
    ] == [("Export segments as CSV", 3, 2, 1, 1, 1), ("Dark mode for dashboard", 1, 1, 1, 1, 0)]
    top = requests[0]
    assert (top.first_seen, top.last_seen) == (_at(7, 3), _at(9, 30, 23, 59))
    assert top.examples == ["CSV export of segments", "Export segments to csv?", "segment export"]
    assert top.words == ["Send the weekly segment to our CRM", EVIL_GOAL]
    assert (top.github_url, top.github_state, top.team) == (URL, "closed (completed)", "dashboard")
    assert [(e.title, e.tickets, e.previous_tickets) for e in report.sections["bugs"]] == [
        ("Crash on launch with SDK 5.1", 1, 0)
    ]
    assert [(e.title, e.kind, e.team) for e in report.sections["confusions"]] == [
        ("Frequency cap confusing", "unclear_feature", "in_app_messaging")
    ]


def test_exports_escape_customer_words(fixture):
    report = build_voice_report(fixture.db, voice.quarter("2026Q3"), UTC, language="ja")
    page = voice_export.to_html(report, "ja")
    assert "<script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "お客様の声 2026Q3" in page and "管理画面" in page and f'href="{URL}"' in page
    # first/last seen never break inside a date on a narrow page
    assert re.search(r"td\.d[^{]*\{white-space:nowrap", page)
    assert re.findall(r'<td class="d">(\d{4}-\d\d-\d\d)</td>', page)
    rows = list(csv.reader(io.StringIO(voice_export.to_csv(report, "ja"))))
    cells = [c for r in rows for c in r]
    assert not any(c.startswith(("=", "+", "@")) for c in cells)
    # a title starting with "=" must not be a formula either
    report.sections["requests"][0].title = "=cmd|' /C calc'!A0"
    rows = list(csv.reader(io.StringIO(voice_export.to_csv(report))))
    assert rows[1][3] == "'=cmd|' /C calc'!A0" and rows[1][6] == "3"
    md = voice_export.to_markdown(report)
    assert "2026-07-01 to 2026-09-30 (previous: 2026Q2)" in md
    assert report.to_json()["period"] == {"name": "2026Q3", "from": "2026-07-01", "to": "2026-09-30"}
    assert "Top requested features" in md and "\\|" in md


def test_csv_cell_holding_only_customer_words_is_defused():
    assert voice_export.csv_safe(EVIL_GOAL) == "'" + EVIL_GOAL
    safe = voice_export.csv_safe
    assert safe("-1") == "-1" and safe("-x") == "'-x" and safe(3) == 3


def test_quarters_and_previous_periods():
    assert voice.quarter("2026Q1").previous().name == "2025Q4"
    q4 = voice.quarter("2026q4")
    assert (q4.start.isoformat(), q4.end.isoformat()) == ("2026-10-01", "2027-01-01")
    with pytest.raises(ValueError):
        voice.quarter("2026Q5")


def test_voice_command_prints_every_format(tmp_path, capsys):
    from cre_desk.cli import main
    from cre_desk.config import default_paths
    from cre_desk.db.workspace import open_workspace

    home = tmp_path / "home"
    ws = open_workspace(default_paths(home))
    try:
        store = FeedbackStore(ws.db)
        t = ws.tickets.create_ticket(
            TicketFields(
                title="Need CSV export", customer="Acme", category="feature_request", goal="@SUM(A1)"
            ),
            created_at=_at(8, 1),
        )
        store.link(t.id, store.create_item("request", "CSV export").id)
    finally:
        ws.close()
    assert main(["--home", str(home), "voice", "--quarter", "2026Q3", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["sections"]["requests"][0]["customers"] == 1
    assert main(["--home", str(home), "voice", "--quarter", "2026Q3", "--format", "csv"]) == 0
    assert "'@SUM(A1)" in capsys.readouterr().out
    out = tmp_path / "voice.html"
    assert (
        main(
            [
                "--home",
                str(home),
                "voice",
                "--quarter",
                "2026Q3",
                "--format",
                "html",
                "--lang",
                "ja",
                "--output",
                str(out),
            ]
        )
        == 0
    )
    assert "要望の多い機能" in out.read_text(encoding="utf-8")
    assert main(["--home", str(home), "voice", "--quarter", "2026Q9"]) == 2
