"""Resolution clocks from a ticket's status history: what a support lead measures and the queue sorts by.

Helpdesks count SLA breaches; what support engineers need is a resolution clock that stops while the
ball is in someone else's court (waiting on the customer's log, on engineering, on an app release) and
runs in the team's business hours. This module turns a status history into those clocks, compares them
with per-category targets (on track / at risk / breached / met) and summarises them for the dashboard.

It is pure: no Qt, no database, and ``now`` is always passed in, so every figure is reproducible in
tests. Histories are taken as they come (unsorted, duplicated or out-of-order events, events before
creation or after ``now``) and never produce a negative duration.

Rules:

* The status at creation is the first event's ``from_status`` (``new`` when it has none); each event
  switches to its ``to_status`` from its instant on. Events at the same instant apply in list order.
* The resolution clock runs while the status is neither paused (``PAUSED_STATUSES``) nor resolved
  (``RESOLVED_STATUSES``). A pause's reason is the event's ``pause_reason`` or the status's default.
  A resolved ticket's resolution time is the active time until its last resolution; reopening resumes.
* A target allows an amount of active business time: ``same_business_day`` allows the business time
  from creation to the close of that business day (the next business day's close when created after
  closing or on a day off; the same day's close when created before opening), ``business_days`` N
  allows N ordinary working days of business time, ``business_hours`` N allows N hours. Time paused
  or spent resolved is not used, so pauses push the deadline.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from types import MappingProxyType

from cre_desk.core.calendars import BusinessCalendar
from cre_desk.core.tickets import StatusChange
from cre_desk.core.vocabulary import (
    DEFAULT_PAUSE_REASON,
    PAUSED_STATUSES,
    RESOLVED_STATUSES,
    Category,
    PauseReason,
    Status,
)
from cre_desk.errors import UserError

SAME_BUSINESS_DAY = "same_business_day"
BUSINESS_DAYS = "business_days"
BUSINESS_HOURS = "business_hours"
TARGET_KINDS = (SAME_BUSINESS_DAY, BUSINESS_DAYS, BUSINESS_HOURS)

ON_TRACK = "on_track"
AT_RISK = "at_risk"
BREACHED = "breached"
MET = "met"
NO_TARGET = "no_target"
PAUSED = "paused"
STATES = (ON_TRACK, AT_RISK, BREACHED, MET, NO_TARGET)
DEFAULT_AT_RISK_FRACTION = 0.75

_ZERO = timedelta(0)


@dataclass(frozen=True)
class Target:
    """How much active business time a category of ticket may take before its target is breached."""

    category: str
    kind: str
    amount: float = 1.0

    def __post_init__(self) -> None:
        if self.kind not in TARGET_KINDS:
            raise UserError(f"Target for {self.category!r}: kind {self.kind!r} is not one of "
                            f"{', '.join(TARGET_KINDS)}.")
        if (isinstance(self.amount, bool) or not isinstance(self.amount, int | float)
                or not math.isfinite(self.amount) or self.amount < 0):
            raise UserError(f"Target for {self.category!r}: amount must be a number of days or hours ≥ 0.")

    def allowed(self, calendar: BusinessCalendar, created_at: datetime) -> timedelta:
        """The active business time this target allows for a ticket created at ``created_at``."""
        if self.kind == SAME_BUSINESS_DAY:
            return calendar.business_delta(created_at, calendar.end_of_business_day(created_at))
        if self.kind == BUSINESS_DAYS:
            return timedelta(seconds=self.amount * calendar.working_day_seconds)
        return timedelta(hours=self.amount)


#: The reference team's targets: spec questions the same business day, troubleshooting in three days.
DEFAULT_TARGETS: Mapping[str, Target] = MappingProxyType({
    Category.SPEC_QUESTION.value: Target(Category.SPEC_QUESTION.value, SAME_BUSINESS_DAY, 1),
    Category.TROUBLESHOOTING.value: Target(Category.TROUBLESHOOTING.value, BUSINESS_DAYS, 3),
    Category.BUG.value: Target(Category.BUG.value, BUSINESS_DAYS, 5),
    Category.FEATURE_REQUEST.value: Target(Category.FEATURE_REQUEST.value, BUSINESS_DAYS, 10),
})


def targets_from_dict(data) -> dict[str, Target]:
    """Targets from configuration: ``{"bug": {"kind": "business_days", "amount": 5}, ...}``.

    Categories not named keep their default; raises ``UserError`` naming the category to fix.
    """
    if not isinstance(data, Mapping):
        raise UserError("Targets must be an object keyed by category.")
    targets = dict(DEFAULT_TARGETS)
    for category, spec in data.items():
        if not isinstance(category, str) or not category:
            raise UserError(f"Target category {category!r} must be a category key such as 'bug'.")
        if not isinstance(spec, Mapping):
            raise UserError(f"Target for {category!r} must be an object with 'kind' and 'amount'.")
        targets[category] = Target(category, spec.get("kind"), spec.get("amount", 1))
    return targets


@dataclass(frozen=True)
class Clocks:
    """Every clock of one ticket as of ``now``; seconds are floats, business ones in the team calendar."""

    first_response_calendar_s: float | None
    first_response_business_s: float | None
    resolution_calendar_s: float
    resolution_business_s: float
    paused_calendar_s: float
    paused_business_s: float
    paused_by_reason: dict[str, float]
    time_in_status: dict[str, float]
    resolved: bool
    deadline: datetime | None
    state: str
    remaining_business_s: float | None
    status: str = Status.NEW.value
    allowed_business_s: float | None = None
    segments: tuple[Segment, ...] = field(default=(), repr=False, compare=False)

    @property
    def used_fraction(self) -> float | None:
        """Share of the allowed time used (over 1 when breached); ``None`` without a target."""
        if self.allowed_business_s is None:
            return None
        if self.allowed_business_s <= 0:
            return math.inf if self.resolution_business_s > 0 else 0.0
        return self.resolution_business_s / self.allowed_business_s


@dataclass(frozen=True)
class Segment:
    """One stretch of the timeline in one status (UTC instants, ``start <= end``)."""

    start: datetime
    end: datetime
    status: str
    pause_reason: str | None


def _aware(moment: datetime) -> datetime:
    """The instant in UTC (naive = UTC), so differences are real time even across DST changes."""
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def timeline(created_at: datetime, history: Sequence[StatusChange], now: datetime) -> tuple[Segment, ...]:
    """The history as contiguous segments from ``created_at`` to ``now`` (empty when ``now`` is earlier).

    Events are sorted by time (stable, so same-instant events keep their order); events before creation
    count from creation, events after ``now`` are ignored.
    """
    created, now = _aware(created_at), _aware(now)
    events = sorted(history, key=lambda e: _aware(e.at))
    status = str(events[0].from_status) if events and events[0].from_status else Status.NEW.value
    reason = _reason(status, None)
    segments: list[Segment] = []
    cursor = created
    for event in events:
        at = max(_aware(event.at), created)
        if at > now:
            break
        if at > cursor:
            segments.append(Segment(cursor, at, status, reason))
            cursor = at
        status = str(event.to_status)
        reason = _reason(status, event.pause_reason)
    if now >= created:
        segments.append(Segment(cursor, now, status, reason))
    return tuple(segments)


def _reason(status: str, given: str | None) -> str | None:
    if status not in PAUSED_STATUSES:
        return None
    if given:
        return str(given)
    return str(DEFAULT_PAUSE_REASON.get(status, PauseReason.OTHER))


def compute(created_at: datetime, history: Sequence[StatusChange], *, first_response_at: datetime | None,
            category: str, calendar: BusinessCalendar, now: datetime,
            targets: Mapping[str, Target] = DEFAULT_TARGETS,
            at_risk_fraction: float = DEFAULT_AT_RISK_FRACTION) -> Clocks:
    """All clocks of one ticket as of ``now`` (see the module docstring for the rules)."""
    created, now = _aware(created_at), _aware(now)
    segments = timeline(created, history, now)

    active_cal = paused_cal = _ZERO
    active_bus = paused_bus = _ZERO
    by_reason: dict[str, timedelta] = {}
    in_status: dict[str, timedelta] = {}
    active: list[tuple[datetime, timedelta]] = []
    for seg in segments:
        wall = seg.end - seg.start
        in_status[seg.status] = in_status.get(seg.status, _ZERO) + wall
        if seg.status in RESOLVED_STATUSES:
            continue
        business = calendar.business_delta(seg.start, seg.end)
        if seg.status in PAUSED_STATUSES:
            paused_cal += wall
            paused_bus += business
            by_reason[seg.pause_reason] = by_reason.get(seg.pause_reason, _ZERO) + business
        else:
            active_cal += wall
            active_bus += business
            if business > _ZERO:
                active.append((seg.start, business))

    current = segments[-1].status if segments else _initial_status(history)
    resolved = current in RESOLVED_STATUSES

    first_cal = first_bus = None
    if first_response_at is not None:
        responded = _aware(first_response_at)
        first_cal = max((responded - created).total_seconds(), 0.0)
        first_bus = calendar.business_seconds(created, responded)

    target = targets.get(category) if category else None
    deadline = None
    remaining = allowed_s = None
    if target is None:
        state = NO_TARGET
    else:
        allowed = target.allowed(calendar, created)
        allowed_s = allowed.total_seconds()
        remaining = (allowed - active_bus).total_seconds()
        if active_bus >= allowed:
            deadline = _crossing(calendar, active, allowed, created)
        else:
            anchor = _resolved_since(segments) if resolved and segments else max(now, created)
            deadline = calendar.add_business_time(anchor, allowed - active_bus)
        state = _target_state(active_bus.total_seconds(), allowed_s, resolved=resolved,
                              at_risk_fraction=at_risk_fraction)

    return Clocks(
        first_response_calendar_s=first_cal,
        first_response_business_s=first_bus,
        resolution_calendar_s=active_cal.total_seconds(),
        resolution_business_s=active_bus.total_seconds(),
        paused_calendar_s=paused_cal.total_seconds(),
        paused_business_s=paused_bus.total_seconds(),
        paused_by_reason={str(k): v.total_seconds() for k, v in by_reason.items()},
        time_in_status={str(k): v.total_seconds() for k, v in in_status.items()},
        resolved=resolved,
        deadline=deadline,
        state=state,
        remaining_business_s=remaining,
        status=str(current),
        allowed_business_s=allowed_s,
        segments=segments,
    )


def _target_state(used_s: float, allowed_s: float, *, resolved: bool, at_risk_fraction: float) -> str:
    """The one rule comparing business time used with the time a target allows."""
    if resolved:
        return MET if used_s <= allowed_s else BREACHED
    if used_s >= allowed_s:
        return BREACHED
    if used_s >= at_risk_fraction * allowed_s:
        return AT_RISK
    return ON_TRACK


@dataclass(frozen=True)
class Due:
    """Where a ticket stands against its resolution target at one moment: the one meaning of "due".

    ``left_business_s`` is the target's allowance minus the active business time used, in the team
    calendar: nights, days off, holidays and paused or resolved stretches never count. Negative means
    overdue by that much business time. The queue's Due column, its tooltip, the ticket header, the
    dashboard and the CSV export all read this, rounded once by ``business_hours``.
    """

    state: str                          # ON_TRACK, AT_RISK, BREACHED, MET, PAUSED or NO_TARGET
    left_business_s: float | None = None
    used_business_s: float | None = None
    allowed_business_s: float | None = None
    deadline: datetime | None = None    # when the target is (or was) missed, if the clock keeps running
    resolved: bool = False

    @property
    def overdue_business_s(self) -> float | None:
        """Business time past the target (0 when not past it); ``None`` without a target."""
        return None if self.left_business_s is None else max(0.0, -self.left_business_s)


def business_hours(seconds: float | None) -> float | None:
    """The one rounding of business time for display and export: hours to the nearest 0.1 (6 minutes),
    halves away from zero, so the same duration reads the same in every place."""
    if seconds is None or not math.isfinite(seconds):
        return None
    tenths = math.floor(abs(seconds) / 360.0 + 0.5)
    return math.copysign(tenths / 10.0, seconds) if tenths else 0.0


def due(*, status: str, allowed_business_s: float | None, used_business_s: float | None, as_of: datetime,
        now: datetime, calendar: BusinessCalendar, missed_at: datetime | None = None,
        at_risk_fraction: float = DEFAULT_AT_RISK_FRACTION) -> Due:
    """A ticket's standing at ``now`` from its clocks as of ``as_of`` (stored rows lag; live ones don't).

    ``missed_at`` is the stored instant the target was missed, reported as the deadline once it has passed.

    While the ticket is neither paused nor resolved its clock keeps running from ``as_of`` to ``now`` in
    business time; every status change recomputes ``used_business_s``, so nothing else is needed.
    """
    used = float(used_business_s or 0.0)
    resolved = status in RESOLVED_STATUSES
    paused = status in PAUSED_STATUSES
    if allowed_business_s is None:
        return Due(PAUSED if paused else NO_TARGET, used_business_s=used, resolved=resolved)
    allowed = float(allowed_business_s)
    now, as_of = _aware(now), _aware(as_of)
    if not resolved and not paused and now > as_of:
        used += calendar.business_seconds(as_of, now)
    left = allowed - used
    if paused:
        return Due(PAUSED, left, used, allowed, None)
    state = _target_state(used, allowed, resolved=resolved, at_risk_fraction=at_risk_fraction)
    if left > 0:
        deadline = None if resolved else calendar.add_business_time(now, left)
    else:
        deadline = _aware(missed_at) if missed_at is not None else None
    return Due(state, left, used, allowed, deadline, resolved)


def clocks_due(clocks: Clocks, now: datetime, calendar: BusinessCalendar) -> Due:
    """``due`` for live clocks computed at ``now`` (the ticket header)."""
    return due(status=clocks.status, allowed_business_s=clocks.allowed_business_s,
               used_business_s=clocks.resolution_business_s, as_of=now, now=now, calendar=calendar,
               missed_at=clocks.deadline)


def _resolved_since(segments: Sequence[Segment]) -> datetime:
    """Start of the trailing run of resolved segments (``solved`` then ``closed`` counts from ``solved``)."""
    start = segments[-1].start
    for seg in reversed(segments):
        if seg.status not in RESOLVED_STATUSES:
            break
        start = seg.start
    return start


def _initial_status(history: Sequence[StatusChange]) -> str:
    events = sorted(history, key=lambda e: _aware(e.at))
    return str(events[0].from_status) if events and events[0].from_status else Status.NEW.value


def _crossing(calendar: BusinessCalendar, active: Sequence[tuple[datetime, timedelta]], allowed: timedelta,
              created: datetime) -> datetime:
    """The instant at which the active business time reached ``allowed``."""
    used = _ZERO
    for start, business in active:
        if used + business >= allowed:
            return calendar.add_business_time(start, allowed - used)
        used += business
    return created


def closest_to_breach_key(clocks: Clocks) -> float:
    """Sort key for the queue's "closest to breach": breached first (most overdue first), then least
    remaining time; tickets without a target after those, resolved tickets last."""
    if clocks.resolved:
        return 3e12
    if clocks.remaining_business_s is None:
        return 2e12
    return max(-1e12, min(1e12, clocks.remaining_business_s))


def summarize(values: Sequence[float]) -> dict:
    """Count, median, 90th percentile (nearest-rank) and mean of ``values``; ``None`` figures when empty.

    ``None`` and NaN entries are skipped (a ticket without a figure is not a zero).
    """
    data = sorted(float(v) for v in values if v is not None and not math.isnan(float(v)))
    count = len(data)
    if not count:
        return {"count": 0, "median": None, "p90": None, "mean": None}
    middle = count // 2
    median = data[middle] if count % 2 else (data[middle - 1] + data[middle]) / 2
    p90 = data[(9 * count + 9) // 10 - 1]   # nearest rank: ceil(0.9 n), in integers to avoid 0.9 * n drift
    return {"count": count, "median": median, "p90": p90, "mean": math.fsum(data) / count}
