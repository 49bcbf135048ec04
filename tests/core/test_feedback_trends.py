"""Anomalies: a week well above a team/kind's own usual level, with the tickets behind it."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

from cre_desk.core.feedback_trends import find_anomalies, week_of, weeks_between

WEEKS = weeks_between(date(2026, 6, 1), date(2026, 8, 24))  # 13 Mondays


def _series(values):
    return {w: v for w, v in zip(WEEKS, values, strict=False) if v}


def test_a_quiet_series_jumping_is_an_anomaly_a_busy_one_wobbling_is_not():
    counts = {
        ("push", "bug"): _series([0, 1, 0, 0, 1, 0, 0, 0, 0, 5, 0, 0, 0]),
        ("dashboard", "missing_feature"): _series([40, 42, 39, 41, 44, 40, 38, 43, 41, 46, 40, 42, 41]),
        ("push", "spec_question"): _series([0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0]),
    }
    tickets = {("push", "bug", WEEKS[9]): [11, 12, 13, 14, 15]}
    (found,) = find_anomalies(counts, WEEKS, tickets=tickets)
    assert (found.team, found.kind, found.week, found.count) == ("push", "bug", WEEKS[9], 5)
    assert found.usual == 0.25 and found.ticket_ids == (11, 12, 13, 14, 15)
    assert find_anomalies(counts, WEEKS, report_from=WEEKS[10]) == []


def test_needs_history_before_judging():
    counts = {("push", "bug"): _series([0, 9])}
    assert find_anomalies(counts, WEEKS) == []


def test_weeks_start_on_monday_in_the_team_time_zone():
    jst = timezone(timedelta(hours=9))
    sunday_night_utc = datetime(2026, 8, 2, 20, 0, tzinfo=UTC)  # Monday 05:00 in Tokyo
    assert week_of(sunday_night_utc, UTC) == date(2026, 7, 27)
    assert week_of(sunday_night_utc, jst) == date(2026, 8, 3)
