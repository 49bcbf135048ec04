"""Business calendars: hand-checked cases across weekends, holidays, midnight and DST, plus properties."""

from __future__ import annotations

import copy
import json
import time as clock
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cre_desk import resource_files
from cre_desk.core import calendars
from cre_desk.core.calendars import BusinessCalendar, calendar_from_dict, load_calendar
from cre_desk.errors import UserError

JST = ZoneInfo("Asia/Tokyo")
NY = ZoneInfo("America/New_York")
H = 3600.0


def jst(*args) -> datetime:
    return datetime(*args, tzinfo=JST)


def nyc(*args) -> datetime:
    return datetime(*args, tzinfo=NY)


def custom(time_zone="America/New_York", hours=(("09:00", "17:00"),), days=(0, 1, 2, 3, 4), holidays=()):
    return calendar_from_dict({
        "schema_version": 1, "name": "custom", "time_zone": time_zone, "working_days": list(days),
        "hours": [list(span) for span in hours], "holidays": [{"date": d, "name": "x"} for d in holidays],
    })


@pytest.fixture(scope="module")
def jp() -> BusinessCalendar:
    return load_calendar("jp")


@pytest.fixture(scope="module")
def us() -> BusinessCalendar:
    return load_calendar("us")


# ------------------------------------------------------------------------------------ shipped data

def test_the_shipped_calendars_load_with_titles_and_jp_is_the_default():
    titles = calendars.available_calendars()
    assert {"jp", "us", "uk"} <= set(titles)
    assert titles["jp"].ja and titles["jp"].en
    default = load_calendar()
    assert default.name == "jp" and default.time_zone == "Asia/Tokyo"
    assert default.working_days == frozenset(range(5))
    assert default.working_day_seconds == 9 * H   # 09:00-18:00, lunch not excluded
    assert load_calendar("us").time_zone == "America/New_York"
    assert load_calendar("uk").time_zone == "Europe/London"


def test_jp_holidays_include_substitutes_citizens_holiday_and_the_year_end_break(jp):
    for day in ("2025-02-24", "2025-05-06", "2025-11-24", "2026-05-04", "2026-05-05", "2026-05-06",
                "2026-09-22", "2027-03-22", "2026-12-29", "2027-01-02", "2027-01-03", "2027-12-31"):
        assert jp.is_holiday(date.fromisoformat(day)), day
    assert not jp.is_holiday(date(2026, 12, 28)) and jp.is_business_day(date(2026, 12, 28))


def test_holidays_never_run_out(jp, us):
    """National holidays come from the holidays package for any year; the team's year-end break recurs."""
    for day in (
        date(2031, 1, 1),
        date(2031, 2, 11),
        date(2031, 2, 24),
        date(2035, 11, 23),
    ):  # 2031-02-23 is a Sunday
        assert jp.is_holiday(day) and not jp.is_business_day(day), day
    assert jp.is_holiday(date(2033, 12, 30)) and jp.is_holiday(date(2033, 1, 3))
    assert us.is_holiday(date(2032, 7, 5))  # 4 July 2032 is a Sunday: observed on Monday
    assert load_calendar("uk").is_holiday(date(2030, 8, 26))  # summer bank holiday, England
    assert not jp.is_holiday(date(2031, 2, 12))


def test_jp_2026_has_240_working_days(jp):
    # 261 weekdays - 17 national holidays on weekdays - 4 weekday year-end-break days (01-02, 12-29..31).
    total = jp.business_seconds(jst(2026, 1, 1), jst(2027, 1, 1))
    assert total == 240 * 9 * H


def test_us_and_uk_observed_holidays(us):
    assert us.is_holiday(date(2026, 7, 3))  # 4 July 2026 is a Saturday
    assert us.is_holiday(date(2027, 12, 31))  # 1 January 2028 is a Saturday
    assert load_calendar("uk").is_holiday(date(2026, 12, 28))  # Boxing Day substitute


def test_unknown_or_unsafe_calendar_names_are_refused():
    for name in ("nope", "../jp", "JP"):
        with pytest.raises(UserError, match="Unknown business calendar"):
            load_calendar(name)


# --------------------------------------------------------------------------------- business_seconds


def test_friday_late_afternoon_to_monday_morning_is_two_hours(jp):
    assert jp.business_seconds(jst(2026, 6, 5, 17), jst(2026, 6, 8, 10)) == 2 * H


def test_golden_week_holidays_are_skipped(jp):
    # Fri 1 May 17:00 -> Thu 7 May 10:00: the weekend and 4, 5, 6 May are holidays.
    assert jp.business_seconds(jst(2026, 5, 1, 17), jst(2026, 5, 7, 10)) == 2 * H
    assert jp.business_seconds(jst(2026, 5, 4), jst(2026, 5, 7)) == 0
    assert jp.add_business_time(jst(2026, 5, 1, 17, 30), H) == jst(2026, 5, 7, 9, 30)


def test_the_year_end_break_is_skipped(jp):
    assert jp.business_seconds(jst(2026, 12, 28, 17), jst(2027, 1, 4, 10)) == 2 * H


def test_across_midnight_counts_only_the_hours_either_side(jp):
    assert jp.business_seconds(jst(2026, 6, 9, 17), jst(2026, 6, 10, 10)) == 2 * H
    assert jp.business_seconds(jst(2026, 6, 9, 20), jst(2026, 6, 10, 8, 59)) == 0
    # Same instants given in UTC: the UTC dates differ from the Tokyo ones.
    start = datetime(2026, 6, 9, 8, tzinfo=UTC)
    assert jp.business_seconds(start, start + timedelta(hours=17)) == 2 * H


def test_a_saturday_only_span_is_zero(jp):
    assert jp.business_seconds(jst(2026, 6, 6), jst(2026, 6, 6, 23, 59)) == 0
    assert jp.business_seconds(jst(2026, 6, 6, 10), jst(2026, 6, 7, 23)) == 0


def test_reversed_or_empty_spans_are_zero(jp):
    assert jp.business_seconds(jst(2026, 6, 8, 12), jst(2026, 6, 8, 10)) == 0
    assert jp.business_seconds(jst(2026, 6, 8, 12), jst(2026, 6, 8, 12)) == 0


def test_partial_day_inside_hours(jp):
    assert jp.business_seconds(jst(2026, 6, 8, 10, 15), jst(2026, 6, 8, 12, 45, 30)) == 2.5 * H + 30


def test_dst_spring_forward_in_new_york(us):
    # Sunday 8 March 2026 02:00 EST -> 03:00 EDT. Friday 16:00 EST to Monday 10:00 EDT: 1 h + 1 h.
    start, end = nyc(2026, 3, 6, 16), nyc(2026, 3, 9, 10)
    assert end.astimezone(UTC) - start.astimezone(UTC) == timedelta(hours=65)  # an hour went missing
    assert us.business_seconds(start, end) == 2 * H
    assert us.business_seconds(nyc(2026, 3, 9), nyc(2026, 3, 10)) == 8 * H


def test_dst_fall_back_in_new_york(us):
    # Sunday 1 November 2026 02:00 EDT -> 01:00 EST.
    start, end = nyc(2026, 10, 30, 16), nyc(2026, 11, 2, 10)
    assert end.astimezone(UTC) - start.astimezone(UTC) == timedelta(hours=67)
    assert us.business_seconds(start, end) == 2 * H
    assert us.business_seconds(nyc(2026, 11, 2, 0), nyc(2026, 11, 2, 23)) == 8 * H
    assert us.add_business_time(nyc(2026, 10, 30, 16), 2 * H) == nyc(2026, 11, 2, 10)


def test_spans_through_the_dst_change_itself_count_real_time():
    every_day = custom(hours=(("01:00", "04:00"),), days=range(7))
    assert every_day.business_seconds(nyc(2026, 3, 8), nyc(2026, 3, 9)) == 2 * H  # 02:00-03:00 does not exist
    assert (
        every_day.business_seconds(nyc(2026, 11, 1), nyc(2026, 11, 2)) == 4 * H
    )  # 01:00-02:00 happens twice
    # Inputs sharing the zone's tzinfo: Python would subtract them by wall time (3 h); the real time is 2 h.
    assert every_day.business_seconds(nyc(2026, 3, 8, 1), nyc(2026, 3, 8, 4)) == 2 * H
    assert every_day.add_business_time(nyc(2026, 3, 8, 1), 2 * H) == nyc(2026, 3, 8, 4)
    split = custom(hours=(("01:00", "02:30"), ("02:30", "04:00")), days=range(7))
    assert split.business_seconds(nyc(2026, 3, 8), nyc(2026, 3, 9)) == 2 * H
    in_gap = custom(hours=(("02:15", "02:45"),), days=range(7))
    assert in_gap.business_seconds(nyc(2026, 3, 8), nyc(2026, 3, 9)) == 0
    assert in_gap.business_seconds(nyc(2026, 3, 9), nyc(2026, 3, 10)) == 0.5 * H


def test_split_shifts_skip_the_gap():
    cal = custom(time_zone="Asia/Tokyo", hours=(("09:00", "12:00"), ("13:00", "18:00")))
    assert cal.working_day_seconds == 8 * H
    assert cal.business_seconds(jst(2026, 6, 8, 11), jst(2026, 6, 8, 14)) == 2 * H
    assert cal.add_business_time(jst(2026, 6, 8, 11), H) == jst(2026, 6, 8, 12)  # ends at a close
    assert cal.add_business_time(jst(2026, 6, 8, 11), H + 1) == jst(2026, 6, 8, 13, 0, 1)
    assert cal.end_of_business_day(jst(2026, 6, 8, 12, 30)) == jst(2026, 6, 8, 18)


def test_a_thirty_day_span_takes_well_under_a_millisecond():
    data = resource_files.read_json("calendars", "jp.json")
    start = datetime(2026, 3, 2, 1, 23, tzinfo=UTC)
    best = min(_timed(calendar_from_dict(data), start, start + timedelta(days=30)) for _ in range(5))
    assert best < 1e-3, best
    fresh = calendar_from_dict(data)
    began = clock.perf_counter()
    years = fresh.business_seconds(datetime(2025, 1, 1, tzinfo=UTC), datetime(2027, 12, 31, tzinfo=UTC))
    assert clock.perf_counter() - began < 0.1
    assert years > 0


def _timed(cal, start, end) -> float:
    began = clock.perf_counter()
    cal.business_seconds(start, end)
    return clock.perf_counter() - began


# --------------------------------------------------------------------- end of day, add, is_business


def test_end_of_business_day(jp):
    assert jp.end_of_business_day(jst(2026, 6, 8, 7)) == jst(2026, 6, 8, 18)  # before opening
    assert jp.end_of_business_day(jst(2026, 6, 8, 12)) == jst(2026, 6, 8, 18)  # during hours
    assert jp.end_of_business_day(jst(2026, 6, 8, 19)) == jst(2026, 6, 9, 18)  # after closing
    assert jp.end_of_business_day(jst(2026, 6, 8, 18)) == jst(2026, 6, 9, 18)  # at closing: day is over
    assert jp.end_of_business_day(jst(2026, 6, 5, 18, 30)) == jst(2026, 6, 8, 18)  # Friday evening
    assert jp.end_of_business_day(jst(2026, 5, 4, 12)) == jst(2026, 5, 7, 18)  # on a holiday
    assert jp.end_of_business_day(jst(2026, 6, 6, 12)).utcoffset() == timedelta(0)  # returned in UTC


def test_add_business_time(jp):
    assert jp.add_business_time(jst(2026, 6, 5, 17, 30), H) == jst(2026, 6, 8, 9, 30)
    assert jp.add_business_time(jst(2026, 6, 8, 9), 9 * H) == jst(
        2026, 6, 8, 18
    )  # the close, not Tuesday 09:00
    assert jp.add_business_time(jst(2026, 6, 6, 12), 0) == jst(2026, 6, 6, 12)
    assert jp.add_business_time(jst(2026, 6, 6, 12), 27 * H) == jst(2026, 6, 10, 18)
    with pytest.raises(ValueError):
        jp.add_business_time(jst(2026, 6, 6, 12), -1)


def test_is_business_time(jp):
    assert jp.is_business_time(jst(2026, 6, 8, 9))
    assert jp.is_business_time(jst(2026, 6, 8, 17, 59, 59))
    assert not jp.is_business_time(jst(2026, 6, 8, 18))
    assert not jp.is_business_time(jst(2026, 6, 8, 8, 59))
    assert not jp.is_business_time(jst(2026, 5, 5, 12))
    assert not jp.is_business_time(jst(2026, 6, 6, 12))


def test_naive_datetimes_are_taken_as_utc(jp):
    assert jp.business_seconds(datetime(2026, 6, 8, 1), datetime(2026, 6, 8, 3)) == 2 * H


# ------------------------------------------------------------------------------------- validation


def _base() -> dict:
    return copy.deepcopy(resource_files.read_json("calendars", "jp.json"))


@pytest.mark.parametrize(
    ("change", "field"),
    [
        (lambda d: d.update(time_zone="Mars/Olympus"), "time_zone"),
        (lambda d: d.update(time_zone=""), "time_zone"),
        (lambda d: d.update(working_days=[]), "working_days"),
        (lambda d: d.update(working_days=[7]), "working_days"),
        (lambda d: d.update(working_days=[True]), "working_days"),
        (lambda d: d.update(hours=[]), "hours"),
        (lambda d: d.update(hours=[["9:00", "18:00"]]), "hours[0][0]"),
        (lambda d: d.update(hours=[["09:00", "24:00"]]), "hours[0][1]"),
        (lambda d: d.update(hours=[["18:00", "09:00"]]), "hours[0]"),
        (lambda d: d.update(hours=[["09:00", "13:00"], ["12:00", "18:00"]]), "hours[1]"),
        (lambda d: d.update(hours=["09:00-18:00"]), "hours[0]"),
        (lambda d: d.update(holidays=[{"date": "2026-02-30", "name": "x"}]), "holidays["),
        (lambda d: d.update(company_holidays=[{"date": 20260101}]), "company_holidays["),
        (lambda d: d.update(holidays={"2026-01-01": "x"}), "holidays"),
        (lambda d: d.update(national_holidays="XX"), "national_holidays"),
        (lambda d: d.update(national_holidays=["JP"]), "national_holidays"),
        (lambda d: d.update(every_year=["12-32"]), "every_year"),
        (lambda d: d.update(name="Tokyo Office"), "name"),
        (lambda d: d.update(schema_version=2), "schema_version"),
        (lambda d: d.update(title={"en": "x"}), "title.ja"),
        (lambda d: d.update(holiday=[]), "holiday"),
    ],
)
def test_validation_names_the_field(change, field):
    data = _base()
    change(data)
    with pytest.raises(UserError) as caught:
        calendar_from_dict(data)
    assert f"'{field}" in caught.value.message, caught.value.message


def test_a_calendar_must_be_an_object():
    with pytest.raises(UserError):
        calendar_from_dict(["jp"])


def test_calendar_from_dict_round_trips_the_shipped_file(jp):
    rebuilt = calendar_from_dict(json.loads(resource_files.read_text("calendars", "jp.json")))
    assert rebuilt == jp and hash(rebuilt) == hash(jp)


def test_direct_construction_is_checked():
    from datetime import time

    with pytest.raises(UserError):
        BusinessCalendar("x", "Nowhere/Land", frozenset({0}), ((time(9), time(17)),))
    with pytest.raises(UserError):
        BusinessCalendar("x", "UTC", frozenset({0}), ((time(17), time(9)),))


# ------------------------------------------------------------------------------------- properties

ZONES = [
    "Asia/Tokyo",
    "America/New_York",
    "Europe/London",
    "UTC",
    "Australia/Lord_Howe",
    "America/Santiago",
    "Asia/Kolkata",
    "Pacific/Chatham",
    "America/St_Johns",
]


@st.composite
def random_calendars(draw) -> BusinessCalendar:
    spans = draw(st.integers(1, 3))
    minutes = sorted(draw(st.sets(st.integers(0, 24 * 60 - 1), min_size=2 * spans, max_size=2 * spans)))
    hhmm = [f"{m // 60:02d}:{m % 60:02d}" for m in minutes]
    holidays = draw(st.lists(st.dates(date(2025, 1, 1), date(2027, 12, 31)), max_size=30))
    return calendar_from_dict(
        {
            "schema_version": 1,
            "name": "random",
            "time_zone": draw(st.sampled_from(ZONES)),
            "working_days": sorted(draw(st.sets(st.integers(0, 6), min_size=1))),
            "hours": [[hhmm[2 * i], hhmm[2 * i + 1]] for i in range(spans)],
            "holidays": [{"date": d.isoformat(), "name": "h"} for d in holidays],
        }
    )


instants = st.datetimes(
    min_value=datetime(2025, 1, 1),
    max_value=datetime(2027, 6, 30),
    timezones=st.sampled_from([UTC, JST, NY, ZoneInfo("Europe/London")]),
)


@settings(max_examples=300, deadline=None)
@given(random_calendars(), instants, st.floats(min_value=0, max_value=2e7, allow_nan=False))
def test_add_business_time_is_the_inverse_of_business_seconds(cal, start, seconds):
    end = cal.add_business_time(start, seconds)
    assert end >= start
    assert abs(cal.business_seconds(start, end) - seconds) <= 1e-6


@settings(max_examples=300, deadline=None)
@given(
    random_calendars(),
    instants,
    st.timedeltas(timedelta(0), timedelta(days=60)),
    st.timedeltas(timedelta(0), timedelta(days=60)),
)
def test_business_seconds_is_additive_bounded_and_consistent(cal, start, first, second):
    start = start.astimezone(UTC)  # datetime arithmetic within one zone is wall-clock arithmetic
    middle, end = start + first, start + first + second
    whole = cal.business_seconds(start, end)
    assert cal.business_delta(start, middle) + cal.business_delta(middle, end) == cal.business_delta(
        start, end
    )
    assert 0 <= whole <= (end - start).total_seconds()
    tick = timedelta(microseconds=1)
    assert cal.is_business_time(start) == (cal.business_delta(start, start + tick) == tick)


@settings(max_examples=300, deadline=None)
@given(random_calendars(), instants)
def test_end_of_business_day_is_a_close_after_the_moment(cal, moment):
    close = cal.end_of_business_day(moment)
    assert close > moment
    assert cal.is_business_time(close - timedelta(microseconds=1))
    assert cal.business_seconds(moment, close) > 0
    local_day = close.astimezone(cal.tz).date()
    assert cal.is_business_day(local_day) or cal.is_business_day(local_day - timedelta(days=1))
