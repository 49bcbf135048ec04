"""Resolution clocks: hand-checked tickets on the Japanese calendar, plus properties over random histories."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cre_desk.core import timers
from cre_desk.core.calendars import BusinessCalendar, calendar_from_dict, load_calendar
from cre_desk.core.tickets import StatusChange
from cre_desk.core.timers import DEFAULT_TARGETS, Target, closest_to_breach_key, compute, summarize
from cre_desk.core.vocabulary import PAUSED_STATUSES, RESOLVED_STATUSES, Category, PauseReason, Status
from cre_desk.errors import UserError

JST = ZoneInfo("Asia/Tokyo")
H = 3600.0
EPS = 1e-6


def jst(*args) -> datetime:
    return datetime(*args, tzinfo=JST)


def ev(at: datetime, to: str, frm: str | None = None, reason: str | None = None) -> StatusChange:
    return StatusChange(at=at.astimezone(UTC), from_status=frm, to_status=to, pause_reason=reason)


@pytest.fixture(scope="module")
def jp() -> BusinessCalendar:
    return load_calendar("jp")


def run(jp, created, history, now, category=Category.TROUBLESHOOTING, first_response_at=None, **kwargs):
    return compute(created, history, first_response_at=first_response_at, category=category, calendar=jp,
                   now=now, **kwargs)


# ------------------------------------------------------------------------------------------ hand cases

def test_spec_question_answered_the_same_day_is_met(jp):
    created = jst(2026, 6, 8, 10)          # Monday
    history = [ev(jst(2026, 6, 8, 10, 30), "open", "new"), ev(jst(2026, 6, 8, 16), "solved", "open")]
    clocks = run(jp, created, history, jst(2026, 6, 8, 17), Category.SPEC_QUESTION,
                 first_response_at=jst(2026, 6, 8, 10, 30))
    assert clocks.resolved and clocks.status == "solved"
    assert clocks.state == "met"
    assert clocks.resolution_business_s == 6 * H and clocks.resolution_calendar_s == 6 * H
    assert clocks.first_response_business_s == 1800 and clocks.first_response_calendar_s == 1800
    assert clocks.time_in_status == {"new": 1800, "open": 5.5 * H, "solved": H}
    assert clocks.deadline == jst(2026, 6, 8, 18)
    assert clocks.allowed_business_s == 8 * H and clocks.remaining_business_s == 2 * H
    assert clocks.paused_business_s == 0 and clocks.paused_by_reason == {}


def test_same_business_day_after_hours_before_opening_and_on_a_weekend(jp):
    def deadline(created):
        return run(jp, created, [], created, Category.SPEC_QUESTION).deadline
    assert deadline(jst(2026, 6, 8, 19)) == jst(2026, 6, 9, 18)    # after closing: next day's close
    assert deadline(jst(2026, 6, 8, 7)) == jst(2026, 6, 8, 18)     # before opening: that day's close
    assert deadline(jst(2026, 6, 6, 12)) == jst(2026, 6, 8, 18)    # Saturday: Monday's close
    assert deadline(jst(2026, 5, 2, 12)) == jst(2026, 5, 7, 18)    # Golden Week
    after_hours = run(jp, jst(2026, 6, 8, 19), [], jst(2026, 6, 9, 17), Category.SPEC_QUESTION)
    assert after_hours.allowed_business_s == 9 * H and after_hours.resolution_business_s == 8 * H
    assert after_hours.state == "at_risk"


def test_a_same_day_pause_pushes_the_deadline_by_the_paused_business_time(jp):
    created = jst(2026, 5, 1, 17)          # Friday before Golden Week: one business hour left
    history = [ev(jst(2026, 5, 1, 17, 30), "waiting_customer", "new"), ev(jst(2026, 5, 7, 10), "open")]
    clocks = run(jp, created, history, jst(2026, 5, 7, 10), Category.SPEC_QUESTION)
    assert clocks.resolution_business_s == 1800
    assert clocks.paused_business_s == 1.5 * H       # Fri 17:30-18:00 and Thu 09:00-10:00
    assert clocks.paused_calendar_s == (jst(2026, 5, 7, 10) - jst(2026, 5, 1, 17, 30)).total_seconds()
    # End of the business day of creation (Fri 18:00) plus 1.5 business hours of pause.
    assert clocks.deadline == jp.add_business_time(jst(2026, 5, 1, 18), 1.5 * H) == jst(2026, 5, 7, 10, 30)
    assert clocks.state == "on_track"


def test_troubleshooting_pause_is_not_counted_and_pushes_the_deadline(jp):
    created = jst(2026, 6, 11, 10)         # Thursday
    history = [
        ev(created, "open", "new"),
        ev(jst(2026, 6, 12, 10), "waiting_customer", "open"),
        ev(jst(2026, 6, 15, 15), "open", "waiting_customer"),
    ]
    clocks = run(jp, created, history, jst(2026, 6, 15, 17))
    assert clocks.resolution_business_s == 11 * H    # Thu 8 h + Fri 1 h + Mon 2 h
    assert clocks.paused_business_s == 14 * H        # Fri 10-18 and Mon 9-15
    assert clocks.paused_by_reason == {"customer_log": 14 * H}
    assert clocks.time_in_status["waiting_customer"] == (jst(2026, 6, 15, 15) - jst(2026, 6, 12, 10)).total_seconds()
    assert clocks.remaining_business_s == 16 * H
    unpaused = jp.add_business_time(created, 27 * H)
    assert unpaused == jst(2026, 6, 16, 10)
    assert clocks.deadline == jp.add_business_time(unpaused, 14 * H) == jst(2026, 6, 17, 15)
    assert clocks.state == "on_track" and not clocks.resolved


def test_explicit_pause_reasons_win_over_the_status_default(jp):
    created = jst(2026, 6, 8, 9)
    history = [ev(jst(2026, 6, 8, 10), "waiting_customer", "open", reason=PauseReason.APP_RELEASE),
               ev(jst(2026, 6, 8, 12), "waiting_engineering"), ev(jst(2026, 6, 8, 13), "on_hold"),
               ev(jst(2026, 6, 8, 14), "open")]
    clocks = run(jp, created, history, jst(2026, 6, 8, 15))
    assert clocks.paused_by_reason == {"app_release": 2 * H, "engineering": H, "other": H}
    assert clocks.resolution_business_s == 2 * H and clocks.status == "open"


def test_reopening_resumes_the_clock(jp):
    created = jst(2026, 6, 8, 9)
    history = [ev(jst(2026, 6, 8, 12), "solved", "open"), ev(jst(2026, 6, 9, 9), "open", "solved"),
               ev(jst(2026, 6, 9, 11), "solved", "open"), ev(jst(2026, 6, 9, 15), "closed", "solved")]
    first = run(jp, created, history, jst(2026, 6, 8, 20), Category.BUG)
    assert first.resolved and first.resolution_business_s == 3 * H and first.state == "met"
    reopened = run(jp, created, history, jst(2026, 6, 9, 10), Category.BUG)
    assert not reopened.resolved and reopened.resolution_business_s == 4 * H
    final = run(jp, created, history, jst(2026, 6, 12), Category.BUG)
    assert final.resolved and final.status == "closed"
    assert final.resolution_business_s == 5 * H       # active time until the last resolution
    # The deadline is counted from the last resolution (11:00), not from the later close.
    assert final.deadline == jp.add_business_time(jst(2026, 6, 9, 11), 45 * H - 5 * H)


@pytest.mark.parametrize(("now", "state"), [
    (jst(2026, 6, 10, 9), "on_track"),        # 18 h of 27 h = 0.67
    (jst(2026, 6, 10, 11, 14), "on_track"),
    (jst(2026, 6, 10, 11, 15), "at_risk"),    # 20.25 h = exactly 75 %
    (jst(2026, 6, 10, 17, 59), "at_risk"),
    (jst(2026, 6, 10, 18), "breached"),       # the deadline itself, still unresolved
    (jst(2026, 6, 11, 10), "breached"),
])
def test_at_risk_and_breached_thresholds(jp, now, state):
    created = jst(2026, 6, 8, 9)
    clocks = run(jp, created, [ev(created, "open", "new")], now)
    assert clocks.state == state
    assert clocks.deadline == jst(2026, 6, 10, 18)
    assert (clocks.remaining_business_s <= 0) == (state == "breached")


def test_breach_measures_overdue_time_and_resolution_after_the_deadline_is_breached(jp):
    created = jst(2026, 6, 8, 9)
    late = run(jp, created, [], jst(2026, 6, 11, 10))
    assert late.remaining_business_s == -H
    in_time = run(jp, created, [ev(jst(2026, 6, 10, 17, 59), "solved")], jst(2026, 6, 12))
    assert in_time.state == "met"
    too_late = run(jp, created, [ev(jst(2026, 6, 11, 9, 30), "solved")], jst(2026, 6, 12))
    assert too_late.state == "breached" and too_late.deadline == jst(2026, 6, 10, 18)


def test_custom_targets_and_risk_fraction(jp):
    created = jst(2026, 6, 8, 9)
    targets = timers.targets_from_dict({"troubleshooting": {"kind": "business_hours", "amount": 4}})
    assert targets["bug"] == DEFAULT_TARGETS["bug"]
    clocks = run(jp, created, [], jst(2026, 6, 8, 11), targets=targets, at_risk_fraction=0.5)
    assert clocks.allowed_business_s == 4 * H and clocks.state == "at_risk"
    assert clocks.deadline == jst(2026, 6, 8, 13)
    with pytest.raises(UserError, match="kind"):
        timers.targets_from_dict({"bug": {"kind": "weeks", "amount": 1}})
    with pytest.raises(UserError, match="amount"):
        Target("bug", "business_days", -1)


def test_no_target_and_no_response(jp):
    clocks = run(jp, jst(2026, 6, 8, 9), [], jst(2026, 6, 8, 10), category="unknown")
    assert clocks.state == "no_target" and clocks.deadline is None and clocks.remaining_business_s is None
    assert clocks.first_response_business_s is None and clocks.first_response_calendar_s is None
    assert clocks.resolution_business_s == H and clocks.time_in_status == {"new": H}


def test_default_targets():
    assert DEFAULT_TARGETS["spec_question"].kind == "same_business_day"
    assert (DEFAULT_TARGETS["troubleshooting"].kind, DEFAULT_TARGETS["troubleshooting"].amount) == ("business_days", 3)
    assert DEFAULT_TARGETS["bug"].amount == 5 and DEFAULT_TARGETS["feature_request"].amount == 10


def test_messy_histories_give_the_clean_answer(jp):
    created = jst(2026, 6, 8, 9)
    clean = [ev(jst(2026, 6, 8, 10), "open", "new"), ev(jst(2026, 6, 8, 12), "waiting_customer", "open"),
             ev(jst(2026, 6, 9, 12), "open", "waiting_customer")]
    messy = [clean[2], ev(jst(2026, 6, 20), "solved", "open"),           # after now: ignored
             clean[0], clean[1], clean[1],                              # duplicated
             ev(jst(2026, 6, 1), "new", None)]                          # before creation
    now = jst(2026, 6, 9, 15)
    a, b = run(jp, created, clean, now), run(jp, created, messy, now)
    for name in ("resolution_business_s", "resolution_calendar_s", "paused_business_s", "paused_by_reason",
                 "time_in_status", "deadline", "state", "resolved"):
        assert getattr(a, name) == getattr(b, name), name
    assert a.resolution_business_s == 3 * H + 3 * H


def test_now_before_creation_and_first_response_before_creation_are_zero(jp):
    created = jst(2026, 6, 8, 12)
    clocks = run(jp, created, [], jst(2026, 6, 8, 9), first_response_at=jst(2026, 6, 8, 11))
    assert clocks.resolution_calendar_s == 0 and clocks.resolution_business_s == 0
    assert clocks.first_response_calendar_s == 0 and clocks.first_response_business_s == 0
    assert clocks.time_in_status == {}


def test_closest_to_breach_ordering(jp):
    created = jst(2026, 6, 8, 9)
    breached = run(jp, created, [], jst(2026, 6, 11, 12))
    very_breached = run(jp, created, [], jst(2026, 6, 12, 12))
    at_risk = run(jp, created, [], jst(2026, 6, 10, 15))
    on_track = run(jp, created, [], jst(2026, 6, 8, 10))
    no_target = run(jp, created, [], jst(2026, 6, 8, 10), category="")
    resolved = run(jp, created, [ev(jst(2026, 6, 8, 10), "solved")], jst(2026, 6, 12))
    ordered = [very_breached, breached, at_risk, on_track, no_target, resolved]
    shuffled = ordered[:]
    random.Random(4).shuffle(shuffled)
    assert sorted(shuffled, key=closest_to_breach_key) == ordered


def test_summarize():
    assert summarize([]) == {"count": 0, "median": None, "p90": None, "mean": None}
    assert summarize([5.0]) == {"count": 1, "median": 5.0, "p90": 5.0, "mean": 5.0}
    assert summarize(list(range(1, 11))) == {"count": 10, "median": 5.5, "p90": 9.0, "mean": 5.5}
    assert summarize([3, 1, 2]) == {"count": 3, "median": 2.0, "p90": 3.0, "mean": 2.0}
    assert summarize(list(range(1, 21)))["p90"] == 18.0
    assert summarize(list(range(1, 12)))["p90"] == 10.0      # ceil(9.9) = 10th value
    assert summarize([None, 4.0, float("nan")])["count"] == 1


# ------------------------------------------------------------------------------------------ properties

ZONES = ["Asia/Tokyo", "America/New_York", "Europe/London", "UTC", "Australia/Lord_Howe", "America/Santiago"]
STATUSES = [s.value for s in Status]
BASE = datetime(2026, 1, 5, tzinfo=UTC)


@st.composite
def random_calendars(draw) -> BusinessCalendar:
    spans = draw(st.integers(1, 2))
    minutes = sorted(draw(st.sets(st.integers(0, 24 * 60 - 1), min_size=2 * spans, max_size=2 * spans)))
    hhmm = [f"{m // 60:02d}:{m % 60:02d}" for m in minutes]
    holidays = draw(st.lists(st.dates(date(2026, 1, 1), date(2026, 12, 31)), max_size=20))
    return calendar_from_dict({
        "schema_version": 1, "name": "random", "time_zone": draw(st.sampled_from(ZONES)),
        "working_days": sorted(draw(st.sets(st.integers(0, 6), min_size=1))),
        "hours": [[hhmm[2 * i], hhmm[2 * i + 1]] for i in range(spans)],
        "holidays": [{"date": d.isoformat(), "name": "h"} for d in holidays],
    })


seconds = st.integers(min_value=-2 * 86400, max_value=40 * 86400)
events = st.lists(st.builds(
    lambda offset, frm, to, reason: StatusChange(BASE + timedelta(seconds=offset), frm, to, reason),
    seconds, st.none() | st.sampled_from(STATUSES), st.sampled_from(STATUSES),
    st.none() | st.sampled_from([r.value for r in PauseReason])), max_size=12)
categories = st.sampled_from([c.value for c in Category] + ["unknown"])


@st.composite
def tickets(draw):
    calendar = draw(random_calendars())
    created = BASE + timedelta(seconds=draw(st.integers(0, 86400 * 3)))
    now = created + timedelta(seconds=draw(st.integers(-86400, 45 * 86400)))
    return calendar, created, draw(events), now, draw(categories)


def clocks_of(ticket, now=None, history=None):
    calendar, created, hist, default_now, category = ticket
    return compute(created, hist if history is None else history, first_response_at=None, category=category,
                   calendar=calendar, now=default_now if now is None else now)


@settings(max_examples=300, deadline=None)
@given(tickets())
def test_clocks_are_never_negative_and_fit_inside_the_elapsed_business_time(ticket):
    calendar, created, _, now, _ = ticket
    clocks = clocks_of(ticket)
    figures = [clocks.resolution_calendar_s, clocks.resolution_business_s, clocks.paused_calendar_s,
               clocks.paused_business_s, *clocks.paused_by_reason.values(), *clocks.time_in_status.values()]
    assert all(value >= 0 for value in figures)
    total = calendar.business_seconds(created, now)
    assert clocks.resolution_business_s + clocks.paused_business_s <= total + EPS
    elapsed = max((now - created).total_seconds(), 0.0)
    assert abs(sum(clocks.time_in_status.values()) - elapsed) <= EPS
    assert clocks.resolution_calendar_s + clocks.paused_calendar_s <= elapsed + EPS
    assert abs(sum(clocks.paused_by_reason.values()) - clocks.paused_business_s) <= EPS
    assert clocks.state in timers.STATES
    if clocks.state != "no_target":
        assert clocks.deadline is not None
        if not clocks.resolved:
            assert (clocks.state == "breached") == (clocks.remaining_business_s <= 0)
            if clocks.state == "breached":
                assert clocks.deadline <= max(now, created)


@settings(max_examples=300, deadline=None)
@given(tickets())
def test_pauses_are_never_counted(ticket):
    """Turning every pause into active time adds exactly the paused business time to the clock."""
    calendar, created, history, now, category = ticket
    clocks = clocks_of(ticket)
    unpause = {s: ("open" if s in PAUSED_STATUSES else s) for s in STATUSES}
    active_history = [StatusChange(e.at, unpause.get(e.from_status), unpause[e.to_status], None) for e in history]
    unpaused = clocks_of(ticket, history=active_history)
    assert unpaused.paused_business_s == 0
    assert abs(unpaused.resolution_business_s - clocks.resolution_business_s - clocks.paused_business_s) <= EPS
    # An independent reference: sum business time over the active stretches of the sorted history.
    ordered = sorted(history, key=lambda e: e.at)
    status = ordered[0].from_status if ordered and ordered[0].from_status else "new"
    cursor, active = created, 0.0
    for event in ordered:
        at = min(max(event.at, created), max(now, created))
        if status not in PAUSED_STATUSES and status not in RESOLVED_STATUSES:
            active += calendar.business_seconds(cursor, at)
        cursor, status = max(cursor, at), event.to_status
    if status not in PAUSED_STATUSES and status not in RESOLVED_STATUSES:
        active += calendar.business_seconds(cursor, now)
    assert abs(clocks.resolution_business_s - active) <= EPS


@settings(max_examples=300, deadline=None)
@given(tickets(), st.integers(0, 20 * 86400))
def test_clocks_only_grow_with_now(ticket, extra):
    _, _, _, now, _ = ticket
    before, after = clocks_of(ticket), clocks_of(ticket, now=now + timedelta(seconds=extra))
    for name in ("resolution_business_s", "resolution_calendar_s", "paused_business_s", "paused_calendar_s"):
        assert getattr(before, name) <= getattr(after, name) + EPS, name
    for status, spent in before.time_in_status.items():
        assert spent <= after.time_in_status.get(status, 0) + EPS


@settings(max_examples=300, deadline=None)
@given(tickets(), st.integers(0, 5 * 86400), st.integers(0, 20 * 86400))
def test_clocks_are_additive_over_splits(ticket, gap, extra):
    """After the last event, the clock that runs grows by exactly the business time between two nows."""
    calendar, created, history, _, _ = ticket
    last = max([created, *(e.at for e in history)])
    first_now = last + timedelta(seconds=gap)
    second_now = first_now + timedelta(seconds=extra)
    a, b = clocks_of(ticket, now=first_now), clocks_of(ticket, now=second_now)
    between = calendar.business_seconds(first_now, second_now)
    if a.status in RESOLVED_STATUSES:
        expected = (0.0, 0.0)
    elif a.status in PAUSED_STATUSES:
        expected = (0.0, between)
    else:
        expected = (between, 0.0)
    assert abs(b.resolution_business_s - a.resolution_business_s - expected[0]) <= EPS
    assert abs(b.paused_business_s - a.paused_business_s - expected[1]) <= EPS
    assert a.status == b.status
    if a.deadline is not None and a.status not in PAUSED_STATUSES and not a.resolved and a.remaining_business_s > 0:
        # Nothing paused in between, so the deadline announced at the first ``now`` holds.
        assert abs(calendar.business_seconds(first_now, a.deadline) - a.remaining_business_s) <= EPS
        assert a.deadline == b.deadline or b.state == "breached"
