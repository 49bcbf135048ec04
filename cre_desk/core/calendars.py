"""Business-hours calendars: when a support team is at work, so clocks can count business time exactly.

Support leads judge resolution times in business time ("resolved the same business day", "within three
business days"), not wall-clock time, and every team has its own time zone, working days, opening hours
and holidays. Those are data (``resources/calendars/*.json``, or any dict a team configures) so a lead can
add a team or next year's holidays without a release.

The arithmetic is exact: working spans are wall-clock times of one local day, turned into UTC instants
through ``zoneinfo`` for each date, so daylight-saving changes, midnight, weekends and holidays all come
out right. Durations are summed as ``timedelta`` (whole microseconds), so splitting a span never changes
its total and :meth:`BusinessCalendar.add_business_time` is the exact inverse of
:meth:`BusinessCalendar.business_seconds`. Work is done per day (never per minute), with each day's UTC
spans cached, so a 30-day span costs a few dozen dictionary look-ups.

Every instant is handled and returned in UTC, like the rest of the app stores them: Python subtracts
and compares two datetimes sharing one ``tzinfo`` by wall time, which is wrong across a DST change, and
the person reading a deadline may sit in another zone than the team's calendar.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from cre_desk import resource_files
from cre_desk.core.vocabulary import Label
from cre_desk.errors import UserError

SCHEMA_VERSION = 1
DEFAULT_CALENDAR = "jp"
FOLDER = "calendars"

_ONE_DAY = timedelta(days=1)
_ZERO = timedelta(0)
#: How far to look for a working day before deciding the calendar has none (e.g. every day a holiday).
_MAX_IDLE_DAYS = 3700
#: Bound on the per-calendar cache of UTC spans (one entry per date looked at).
_CACHE_LIMIT = 50_000
_NAME = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")
_CLOCK = re.compile(r"^([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d))?$")
_KNOWN_KEYS = {"schema_version", "name", "title", "time_zone", "working_days", "hours", "holidays",
               "company_holidays", "national_holidays", "every_year", "notes"}
_MONTH_DAY = re.compile(r"^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$")

Span = tuple[datetime, datetime]


@dataclass(frozen=True)
class BusinessCalendar:
    """A team's working time: local working days and hours in ``time_zone``, minus holidays.

    ``working_days`` uses Monday = 0 … Sunday = 6. ``hours`` are wall-clock spans of one day, sorted
    and not overlapping (several spans model a split shift). Business time is half-open: a span
    09:00–18:00 contains 09:00 and ends just before 18:00.
    """

    name: str
    time_zone: str
    working_days: frozenset[int]
    hours: tuple[tuple[time, time], ...]
    holidays: frozenset[date] = frozenset()
    #: A country's public holidays, every year, from the ``holidays`` package ("JP", "US", "GB-ENG": country
    #: and optional subdivision); a hand-kept list ran out within a year.
    national_holidays: str = ""
    #: Team days off on the same date every year, as (month, day): a year-end break, a founding day.
    every_year: frozenset[tuple[int, int]] = frozenset()
    _cache: dict = field(default_factory=dict, init=False, repr=False, compare=False, hash=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "working_days", frozenset(self.working_days))
        object.__setattr__(self, "hours", tuple((start, end) for start, end in self.hours))
        object.__setattr__(self, "holidays", frozenset(self.holidays))
        object.__setattr__(self, "every_year", frozenset(self.every_year))
        _zone(self.time_zone, "time_zone")
        if self.national_holidays:
            _public_holidays(self.national_holidays)   # an unknown country fails here, not mid-report
        for start, end in self.hours:
            if start.tzinfo is not None or end.tzinfo is not None or not start < end:
                raise UserError(f"Calendar '{self.name}': every span in hours must be a local start before its end.")
        for (_, end), (start, _) in zip(self.hours, self.hours[1:], strict=False):
            if start < end:
                raise UserError(f"Calendar '{self.name}': hours must be sorted and must not overlap.")

    # ----------------------------------------------------------------------------------------- basics

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.time_zone)

    @property
    def working_day_seconds(self) -> float:
        """Business seconds of one ordinary working day (wall-clock length of the spans; 9 h for 09–18)."""
        total = sum((datetime.combine(date.min, end) - datetime.combine(date.min, start)
                     for start, end in self.hours), _ZERO)
        return total.total_seconds()

    def is_holiday(self, day: date) -> bool:
        """Whether the local ``day`` is a public holiday or a team day off (whatever the weekday)."""
        if day in self.holidays or (day.month, day.day) in self.every_year:
            return True
        return bool(self.national_holidays) and day in _public_holidays(self.national_holidays)

    def is_business_day(self, day: date) -> bool:
        """Whether the local ``day`` is a working day that is not a holiday."""
        return day.weekday() in self.working_days and bool(self.hours) and not self.is_holiday(day)

    def spans_on(self, day: date) -> tuple[Span, ...]:
        """The business spans of the local ``day`` as aware UTC instants (empty on days off)."""
        cached = self._cache.get(day)
        if cached is not None:
            return cached
        if not self.is_business_day(day):
            spans: tuple[Span, ...] = ()
        else:
            tz = self.tz
            built = []
            for start, end in self.hours:
                a, b = _utc(day, start, tz), _utc(day, end, tz)
                if b > a:
                    built.append((a, b))
            spans = tuple(built)
        if len(self._cache) >= _CACHE_LIMIT:
            self._cache.clear()
        self._cache[day] = spans
        return spans

    def _local_date(self, moment: datetime) -> date:
        return _aware(moment).astimezone(self.tz).date()

    # ------------------------------------------------------------------------------------- arithmetic

    def business_delta(self, start: datetime, end: datetime) -> timedelta:
        """Business time between two instants as an exact ``timedelta`` (zero when ``end <= start``)."""
        start, end = _aware(start), _aware(end)
        if end <= start:
            return _ZERO
        total = _ZERO
        day = self._local_date(start) - _ONE_DAY   # a day early: a DST fold can move spans across midnight
        last = self._local_date(end) + _ONE_DAY
        while day <= last:
            for a, b in self.spans_on(day):
                lo = a if a > start else start
                hi = b if b < end else end
                if hi > lo:
                    total += hi - lo
            day += _ONE_DAY
        return total

    def business_seconds(self, start: datetime, end: datetime) -> float:
        """Business seconds between two aware instants; 0 when ``end <= start``."""
        return self.business_delta(start, end).total_seconds()

    def add_business_time(self, start: datetime, seconds: float | timedelta) -> datetime:
        """The instant (aware UTC) ``seconds`` of business time after ``start``.

        Zero returns ``start`` itself. When the time runs out exactly at a closing time, the closing
        time is returned (not the next opening), so a deadline reads "18:00 on Friday".
        """
        start = _aware(start)
        remaining = seconds if isinstance(seconds, timedelta) else timedelta(seconds=seconds)
        if remaining < _ZERO:
            raise ValueError("add_business_time needs a non-negative amount of time.")
        if remaining == _ZERO:
            return start
        day = self._local_date(start) - _ONE_DAY
        idle = 0
        while True:
            spans = self.spans_on(day)
            for a, b in spans:
                if b <= start:
                    continue
                lo = a if a > start else start
                available = b - lo
                if remaining <= available:
                    return lo + remaining
                remaining -= available
            idle = 0 if spans else idle + 1
            if idle > _MAX_IDLE_DAYS:
                raise UserError(f"Calendar '{self.name}' has no working time for ten years after "
                                f"{start.date().isoformat()}; check its working days and holidays.")
            day += _ONE_DAY

    def end_of_business_day(self, moment: datetime) -> datetime:
        """The close (aware UTC) of the business day ``moment`` falls in.

        Before opening on a business day that is the same day's close; after closing, on a day off or
        on a holiday it is the close of the next business day. Exactly at closing time the day is over.
        """
        moment = _aware(moment)
        day = self._local_date(moment) - _ONE_DAY
        for _ in range(_MAX_IDLE_DAYS + 2):
            spans = self.spans_on(day)
            if spans and spans[-1][1] > moment:
                return spans[-1][1]
            day += _ONE_DAY
        raise UserError(f"Calendar '{self.name}' has no working time for ten years after "
                        f"{moment.date().isoformat()}; check its working days and holidays.")

    def is_business_time(self, moment: datetime) -> bool:
        """Whether ``moment`` falls inside a business span (opening included, closing excluded)."""
        moment = _aware(moment)
        day = self._local_date(moment)
        return any(a <= moment < b for d in (day - _ONE_DAY, day, day + _ONE_DAY) for a, b in self.spans_on(d))


# ------------------------------------------------------------------------------------------- helpers

def _aware(moment: datetime) -> datetime:
    """The instant in UTC; naive datetimes are taken as UTC (how the database stores them).

    Converting matters: Python subtracts and compares two datetimes that share a ``tzinfo`` by wall
    time, which is wrong across a DST change.
    """
    if not isinstance(moment, datetime):
        raise TypeError(f"expected a datetime, got {type(moment).__name__}")
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def _utc(day: date, clock: time, tz: ZoneInfo) -> datetime:
    """The UTC instant of local wall time ``clock`` on ``day``.

    A repeated wall time (autumn fold) maps to its first occurrence; a wall time that does not exist
    (spring gap) maps to the instant of the transition, so the mapping never runs backwards and spans
    keep their order and never overlap.
    """
    local = datetime.combine(day, clock, tzinfo=tz)
    instant = local.astimezone(UTC)
    if instant.astimezone(tz).replace(tzinfo=None) == local.replace(tzinfo=None):
        return instant
    # In a gap: fold=1 uses the offset after the transition and lands before it; fold=0 lands after.
    lo = local.replace(fold=1).astimezone(UTC)
    hi = instant
    if hi < lo:
        lo, hi = hi, lo
    before = lo.astimezone(tz).utcoffset()
    step = timedelta(microseconds=1)
    while hi - lo > step:            # smallest instant whose offset differs from ``before``
        mid = lo + (hi - lo) // 2
        if mid.astimezone(tz).utcoffset() == before:
            lo = mid
        else:
            hi = mid
    return hi


def _zone(key, where: str) -> ZoneInfo:
    if not isinstance(key, str) or not key.strip():
        raise UserError(f"Calendar field '{where}' must be a time-zone name such as 'Asia/Tokyo'.")
    try:
        return ZoneInfo(key)
    except (ZoneInfoNotFoundError, ValueError, OSError) as exc:
        raise UserError(f"Calendar field '{where}': unknown time zone {key!r} "
                        f"(use a name such as 'Asia/Tokyo' or 'Europe/London').") from exc


def _clock(value, where: str) -> time:
    if not isinstance(value, str) or not _CLOCK.match(value.strip()):
        raise UserError(f"Calendar field '{where}': {value!r} is not a time like '09:00' (00:00–23:59).")
    return time.fromisoformat(value.strip())


def _dates(value, where: str) -> set[date]:
    if value is None:
        return set()
    if not isinstance(value, list):
        raise UserError(f"Calendar field '{where}' must be a list of {{\"date\": \"YYYY-MM-DD\", \"name\": ...}}.")
    found: set[date] = set()
    for index, entry in enumerate(value):
        spot = f"{where}[{index}]"
        raw = entry.get("date") if isinstance(entry, Mapping) else entry
        if isinstance(entry, Mapping) and not isinstance(entry.get("name", ""), str):
            raise UserError(f"Calendar field '{spot}.name' must be text.")
        try:
            if not isinstance(raw, str) or len(raw.strip()) != 10:
                raise ValueError
            found.add(date.fromisoformat(raw.strip()))
        except ValueError as exc:
            raise UserError(f"Calendar field '{spot}.date': {raw!r} is not a date like '2026-01-01'.") from exc
    return found


@functools.cache
def _public_holidays(region: str):
    """The ``holidays`` package's calendar for "CC" or "CC-SUBDIV", observed days included; it fills in
    each year the first time a date of that year is looked up."""
    import holidays as public

    country, _, subdivision = region.partition("-")
    try:
        return public.country_holidays(country, subdiv=subdivision or None, observed=True)
    except NotImplementedError as exc:
        raise UserError(f"Calendar field 'national_holidays': {region!r} is not a country (and region) the "
                        f"holidays package knows, such as 'JP', 'US' or 'GB-ENG'.") from exc


def _month_days(value, where: str) -> set[tuple[int, int]]:
    if value is None:
        return set()
    if not isinstance(value, list) or not all(isinstance(v, str) and _MONTH_DAY.match(v) for v in value):
        raise UserError(f"Calendar field '{where}' must be a list of month-day dates such as \"12-31\".")
    return {(int(v[:2]), int(v[3:])) for v in value}


def _title(value, name: str) -> Label:
    if value is None:
        return Label(name, name)
    if not isinstance(value, Mapping):
        raise UserError("Calendar field 'title' must be an object with 'en' and 'ja' texts.")
    texts = {}
    for language in ("en", "ja"):
        text = value.get(language)
        if not isinstance(text, str) or not text.strip():
            raise UserError(f"Calendar field 'title.{language}' is missing or empty.")
        texts[language] = text.strip()
    return Label(**texts)


def calendar_from_dict(data) -> BusinessCalendar:
    """Validate a calendar document (the JSON schema of ``resources/calendars``) and build the calendar.

    Raises ``UserError`` naming the field to fix.
    """
    if not isinstance(data, Mapping):
        raise UserError("A calendar must be a JSON object with name, time_zone, working_days and hours.")
    unknown = sorted(set(data) - _KNOWN_KEYS)
    if unknown:
        raise UserError(f"Calendar field '{unknown[0]}' is not known (allowed: {', '.join(sorted(_KNOWN_KEYS))}).")
    if data.get("schema_version", SCHEMA_VERSION) != SCHEMA_VERSION:
        raise UserError(f"Calendar field 'schema_version': {data.get('schema_version')!r} is not supported "
                        f"(this version reads {SCHEMA_VERSION}).")
    name = data.get("name")
    if not isinstance(name, str) or not _NAME.match(name):
        raise UserError(f"Calendar field 'name': {name!r} must be a short lower-case key such as 'jp'.")
    _title(data.get("title"), name)
    time_zone = data.get("time_zone")
    _zone(time_zone, "time_zone")
    days = data.get("working_days")
    if (not isinstance(days, list) or not days
            or not all(isinstance(d, int) and not isinstance(d, bool) and 0 <= d <= 6 for d in days)):
        raise UserError("Calendar field 'working_days' must be a non-empty list of weekdays 0–6 (Monday = 0).")
    raw_hours = data.get("hours")
    if not isinstance(raw_hours, list) or not raw_hours:
        raise UserError("Calendar field 'hours' must be a non-empty list of [\"09:00\", \"18:00\"] spans.")
    hours: list[tuple[time, time]] = []
    for index, span in enumerate(raw_hours):
        if not isinstance(span, list | tuple) or len(span) != 2:
            raise UserError(f"Calendar field 'hours[{index}]' must be a pair like [\"09:00\", \"18:00\"].")
        start, end = _clock(span[0], f"hours[{index}][0]"), _clock(span[1], f"hours[{index}][1]")
        if not start < end:
            raise UserError(f"Calendar field 'hours[{index}]': the span must start before it ends "
                            f"(spans cannot cross midnight; split them).")
        if hours and start < hours[-1][1]:
            raise UserError(f"Calendar field 'hours[{index}]' overlaps or precedes the span before it; "
                            f"list spans in order.")
        hours.append((start, end))
    if data.get("notes") is not None and not isinstance(data.get("notes"), str):
        raise UserError("Calendar field 'notes' must be text.")
    holidays = _dates(data.get("holidays"), "holidays") | _dates(data.get("company_holidays"), "company_holidays")
    national = data.get("national_holidays") or ""
    if not isinstance(national, str):
        raise UserError("Calendar field 'national_holidays' must be a country code such as 'JP' or 'GB-ENG'.")
    return BusinessCalendar(name=name, time_zone=time_zone, working_days=frozenset(days), hours=tuple(hours),
                            holidays=frozenset(holidays), national_holidays=national.strip().upper(),
                            every_year=frozenset(_month_days(data.get("every_year"), "every_year")))


# ------------------------------------------------------------------------------------ shipped files

def _read(name: str) -> dict:
    source = f"{FOLDER}/{name}.json"
    try:
        return json.loads(resource_files.read_text(FOLDER, f"{name}.json"))
    except (ValueError, UnicodeDecodeError) as exc:
        raise UserError(f"{source} is not valid JSON ({exc}).") from exc


@functools.cache
def available_calendars() -> dict[str, Label]:
    """Shipped calendar name -> its title (English and Japanese), in name order."""
    found: dict[str, Label] = {}
    for node in resource_files.iter_files(FOLDER, ".json"):
        name = node.name.removesuffix(".json")
        data = _read(name)
        found[name] = _title(data.get("title") if isinstance(data, Mapping) else None, name)
    return found


@functools.cache
def load_calendar(name: str = DEFAULT_CALENDAR) -> BusinessCalendar:
    """A shipped calendar by name (``jp`` is the default); cached, since calendars are immutable."""
    if not isinstance(name, str) or not _NAME.match(name) or name not in available_calendars():
        known = ", ".join(available_calendars()) or "none"
        raise UserError(f"Unknown business calendar {name!r} (available: {known}).")
    try:
        calendar = calendar_from_dict(_read(name))
    except UserError as exc:
        raise UserError(f"{FOLDER}/{name}.json: {exc.message}") from exc
    if calendar.name != name:
        raise UserError(f"{FOLDER}/{name}.json declares name {calendar.name!r}; the file name must match.")
    return calendar
