"""The one meaning of "due": clocks stored at one moment and read later agree with live clocks."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from cre_desk.core import timers
from cre_desk.core.calendars import load_calendar
from cre_desk.core.tickets import StatusChange
from cre_desk.core.vocabulary import Category

JST = ZoneInfo("Asia/Tokyo")


def jst(*args) -> datetime:
    return datetime(*args, tzinfo=JST)


@pytest.fixture(scope="module")
def jp():
    return load_calendar("jp")


def _clocks(jp, created, history, now, category=Category.TROUBLESHOOTING):
    return timers.compute(created, history, first_response_at=None, category=category, calendar=jp, now=now)


@pytest.mark.parametrize("later", [jst(2026, 11, 17, 12), jst(2026, 11, 19, 9, 30), jst(2026, 11, 19, 23),
                                   jst(2026, 11, 21, 10), jst(2026, 11, 24, 17)])
def test_a_stored_clock_read_later_matches_the_live_clock(jp, later):
    created = jst(2026, 11, 16, 10)
    stored = _clocks(jp, created, [], created)
    live = _clocks(jp, created, [], later)
    read_later = timers.due(status=stored.status, allowed_business_s=stored.allowed_business_s,
                            used_business_s=stored.resolution_business_s, as_of=created, now=later,
                            calendar=jp, missed_at=live.deadline)
    now_live = timers.clocks_due(live, later, jp)
    assert read_later.state == now_live.state == live.state
    assert read_later.left_business_s == pytest.approx(live.remaining_business_s)
    assert (timers.business_hours(read_later.left_business_s)
            == timers.business_hours(now_live.left_business_s))


def test_overdue_is_business_time_not_wall_clock(jp):
    created = jst(2026, 11, 16, 10)
    due = timers.due(status="open", allowed_business_s=27 * 3600, used_business_s=0, as_of=created,
                     now=jst(2026, 11, 20, 22), calendar=jp)
    assert due.state == timers.BREACHED
    assert due.overdue_business_s == pytest.approx(17 * 3600)   # not the 36 wall-clock hours since Thu 10:00


def test_a_paused_ticket_keeps_its_time_left(jp):
    created = jst(2026, 11, 16, 10)
    history = [StatusChange(at=jst(2026, 11, 16, 12).astimezone(UTC), from_status="open",
                            to_status="waiting_customer")]
    stored = _clocks(jp, created, history, jst(2026, 11, 16, 12))
    due = timers.due(status=stored.status, allowed_business_s=stored.allowed_business_s,
                     used_business_s=stored.resolution_business_s, as_of=jst(2026, 11, 16, 12),
                     now=jst(2026, 11, 30, 12), calendar=jp)
    assert due.state == timers.PAUSED
    assert due.left_business_s == pytest.approx(25 * 3600)
    assert due.deadline is None


def test_one_rounding_to_a_tenth_of_an_hour():
    assert timers.business_hours(3 * 3600 + 54 * 60) == 3.9
    assert timers.business_hours(3 * 3600 + 57 * 60) == 4.0        # 3.95 h rounds up, not to even
    assert timers.business_hours(-(17 * 3600 + 2 * 60)) == -17.0
    assert timers.business_hours(100) == 0.0
    assert timers.business_hours(None) is None
