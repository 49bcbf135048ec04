"""The lead's figures: resolution medians and p90s against targets, trends, pauses, tickets at risk.

Everything is read from the stored per-ticket clocks (``ticket_clocks``), so a period with 100,000
tickets is one indexed query plus numpy, on SQLite and PostgreSQL alike. Open tickets are judged at
"now" by comparing their stored at-risk and deadline moments, without replaying any history.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime

import numpy as np
from sqlalchemy import select

from cre_desk.core import timers
from cre_desk.core.timers import _aware
from cre_desk.core.vocabulary import PAUSED_STATUSES, RESOLVED_STATUSES
from cre_desk.db.engine import Database
from cre_desk.db.models import StatusEvent, Ticket, TicketClock

GROUPS = ("category", "team", "assignee", "sdk_name", "platform")
PAUSE_COLUMNS = {"customer_log": "paused_customer_log_s", "engineering": "paused_engineering_s",
                 "app_release": "paused_app_release_s", "other": "paused_other_s"}
LIST_LIMIT = 500


@dataclass(frozen=True)
class GroupStat:
    group: str           # which dimension: category, team, assignee, sdk_name, platform
    key: str
    count: int
    median_h: float | None          # business hours to resolution
    p90_h: float | None
    first_response_median_h: float | None
    within_target: float | None     # share of tickets resolved within their target (0..1)
    target_h: float | None          # the category's target, in business hours (categories only)


@dataclass(frozen=True)
class OpenTicket:
    ticket_id: int
    title: str
    category: str
    assignee: str
    status: str
    deadline: datetime | None
    overdue_h: float | None      # business hours past the target (breached) or None, rounded like the queue
    left_h: float | None = None  # business hours left before the target is missed (at risk), rounded likewise


@dataclass
class Report:
    start: datetime
    end: datetime
    now: datetime
    resolved: int
    groups: dict[str, list[GroupStat]] = field(default_factory=dict)
    weekly: list[dict] = field(default_factory=list)
    pauses_h: dict[str, float] = field(default_factory=dict)
    at_risk: list[OpenTicket] = field(default_factory=list)
    breached: list[OpenTicket] = field(default_factory=list)
    open_count: int = 0
    paused_count: int = 0

    def to_json(self) -> dict:
        def stat(s: GroupStat) -> dict:
            return {k: v for k, v in asdict(s).items()}

        def ticket(t: OpenTicket) -> dict:
            data = asdict(t)
            data["deadline"] = t.deadline.isoformat() if t.deadline else None
            return data

        return {
            "period": {"from": self.start.isoformat(), "to": self.end.isoformat(), "now": self.now.isoformat()},
            "resolved": self.resolved,
            "open": self.open_count,
            "paused": self.paused_count,
            "groups": {name: [stat(s) for s in stats] for name, stats in self.groups.items()},
            "weekly": self.weekly,
            "pause_hours": self.pauses_h,
            "at_risk": [ticket(t) for t in self.at_risk],
            "breached": [ticket(t) for t in self.breached],
        }

    def to_csv(self) -> str:
        """All group rows in one table a spreadsheet opens as is."""
        out = io.StringIO()
        writer = _SafeWriter(out)
        writer.writerow(["group", "key", "resolved", "median_business_h", "p90_business_h",
                         "first_response_median_h", "within_target_share", "target_business_h"])
        for stats in self.groups.values():
            for s in stats:
                writer.writerow([s.group, s.key, s.count, _fmt(s.median_h), _fmt(s.p90_h),
                                 _fmt(s.first_response_median_h), _fmt(s.within_target), _fmt(s.target_h)])
        return out.getvalue()

    def open_tickets_csv(self) -> str:
        out = io.StringIO()
        writer = _SafeWriter(out)
        writer.writerow(["state", "ticket", "title", "category", "assignee", "status", "deadline",
                         "overdue_business_h", "left_business_h"])
        for state, items in (("breached", self.breached), ("at_risk", self.at_risk)):
            for t in items:
                writer.writerow([state, t.ticket_id, t.title, t.category, t.assignee, t.status,
                                 t.deadline.isoformat() if t.deadline else "", _hours(t.overdue_h),
                                 _hours(t.left_h)])
        return out.getvalue()


def _fmt(value) -> str:
    return "" if value is None else (f"{value:.3f}" if isinstance(value, float) else str(value))


def _hours(value: float | None) -> str:
    """Business hours as the queue shows them (already rounded by ``timers.business_hours``)."""
    return "" if value is None else f"{value:.1f}"



_NUMBER = re.compile(r"[+-]?\d+(\.\d+)?")


def _csv_safe(value: object) -> object:
    """Text must not become a spreadsheet formula when the CSV is opened (OWASP "CSV injection"): a
    cell starting with = + - @ tab or CR gets a leading quote. Numbers, negative ones included, stay numbers."""
    if not isinstance(value, str) or _NUMBER.fullmatch(value):
        return value
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


class _SafeWriter:
    """A ``csv.writer`` that passes every cell through ``_csv_safe``: titles, but also assignee, team,
    SDK and tag names, which people type too."""

    def __init__(self, out: io.StringIO) -> None:
        self._writer = csv.writer(out)

    def writerow(self, row: list) -> None:
        self._writer.writerow([_csv_safe(cell) for cell in row])


def _percentile(values: np.ndarray, q: float) -> float | None:
    """Nearest-rank percentile in numpy (groups hold up to 100,000 values)."""
    if not len(values):
        return None
    ordered = np.sort(values)
    rank = max(1, int(np.ceil(q * len(ordered))))
    return float(ordered[rank - 1])


def _epoch(db: Database, column):
    """Seconds since the epoch straight from SQL: converting 100,000 datetimes in Python is the slow part."""
    from sqlalchemy import Float, cast, func

    if db.is_sqlite:
        return cast(func.strftime("%s", column), Float) + (cast(func.strftime("%f", column), Float) % 1)
    return func.extract("epoch", column)


def _still_waiting(session, still_open) -> list[tuple[str, datetime]]:
    """(pause reason, stored-clock time) of each open ticket waiting now: the reason its last change gave."""
    from sqlalchemy import func

    from cre_desk.core.vocabulary import DEFAULT_PAUSE_REASON, PauseReason

    paused = select(TicketClock.ticket_id).where(*still_open, TicketClock.status.in_(list(PAUSED_STATUSES)))
    last = (select(StatusEvent.ticket_id, func.max(StatusEvent.id).label("event_id"))
            .where(StatusEvent.ticket_id.in_(paused)).group_by(StatusEvent.ticket_id).subquery())
    rows = session.execute(
        select(TicketClock.status, TicketClock.computed_at, StatusEvent.pause_reason)
        .join(last, last.c.ticket_id == TicketClock.ticket_id)
        .join(StatusEvent, StatusEvent.id == last.c.event_id)).all()
    return [(str(r.pause_reason or DEFAULT_PAUSE_REASON.get(r.status, PauseReason.OTHER)),
             _aware(r.computed_at)) for r in rows]


def build_report(db: Database, start: datetime, end: datetime, *, now: datetime | None = None,
                 calendar=None) -> Report:
    """Figures for tickets resolved in [start, end), and the open tickets' state at ``now``."""
    start, end = _aware(start), _aware(end)
    now = _aware(now or datetime.now(UTC))
    columns = [TicketClock.category, TicketClock.team, TicketClock.assignee, TicketClock.sdk_name,
               TicketClock.platform, _epoch(db, TicketClock.resolved_at).label("resolved_epoch"),
               TicketClock.resolution_business_s, TicketClock.first_response_business_s,
               TicketClock.allowed_business_s]
    in_period = (TicketClock.resolved_at >= start, TicketClock.resolved_at < end)
    with db.read() as session:
        rows = session.connection().execute(select(*columns).where(*in_period)).all()  # Core: no ORM overhead
        from sqlalchemy import func as sql_func

        # Paused time of the tickets resolved in the period and of those still open that the period saw
        # (created before it ended): waiting tickets are where the time goes, so leaving them out hid it.
        still_open = (TicketClock.resolved_at.is_(None), TicketClock.created_at < end)
        pause_sums = [
            session.execute(select(*[sql_func.coalesce(sql_func.sum(getattr(TicketClock, c)), 0.0)
                                     for c in PAUSE_COLUMNS.values()]).where(*where)).one()
            for where in (in_period, still_open)]
        waiting = _still_waiting(session, still_open)
        open_rows = session.execute(
            select(TicketClock.ticket_id, Ticket.title, TicketClock.category, TicketClock.assignee,
                   TicketClock.status, TicketClock.deadline, TicketClock.at_risk_at,
                   TicketClock.allowed_business_s, TicketClock.resolution_business_s, TicketClock.computed_at)
            .join(Ticket, Ticket.id == TicketClock.ticket_id)
            .where(TicketClock.resolved_at.is_(None), TicketClock.deadline.is_not(None),
                   TicketClock.at_risk_at <= now)).all()
        from sqlalchemy import func

        counts = session.execute(
            select(TicketClock.status, func.count()).where(TicketClock.resolved_at.is_(None))
            .group_by(TicketClock.status)).all()
    report = Report(start=start, end=end, now=now, resolved=len(rows))
    report.open_count = sum(n for status, n in counts if status not in RESOLVED_STATUSES)
    report.paused_count = sum(n for status, n in counts if status in PAUSED_STATUSES)
    if rows:
        cols = list(zip(*rows, strict=True))
        resolution_h = np.asarray(cols[6], dtype=float) / 3600.0
        first_h = np.array([np.nan if v is None else v for v in cols[7]], dtype=float) / 3600.0
        allowed = np.array([np.nan if v is None else v for v in cols[8]], dtype=float)
        within = np.where(np.isnan(allowed), np.nan, (resolution_h * 3600.0 <= allowed + 1e-6).astype(float))
        for position, group in enumerate(GROUPS):
            keys = np.array([k or "—" for k in cols[position]], dtype=str)
            unique, inverse = np.unique(keys, return_inverse=True)
            order = np.argsort(inverse, kind="stable")
            bounds = np.searchsorted(inverse[order], np.arange(len(unique) + 1))
            stats = []
            for index, key in enumerate(unique):
                mask = order[bounds[index]:bounds[index + 1]]   # row numbers of this key, without a full mask
                res, first, ok = resolution_h[mask], first_h[mask], within[mask]
                first = first[~np.isnan(first)]
                ok = ok[~np.isnan(ok)]
                target = None
                if group == "category":
                    targets = allowed[mask]
                    targets = targets[~np.isnan(targets)]
                    target = float(np.median(targets)) / 3600.0 if len(targets) else None
                stats.append(GroupStat(group=group, key=str(key), count=int(len(mask)),
                                       median_h=_percentile(res, 0.5), p90_h=_percentile(res, 0.9),
                                       first_response_median_h=_percentile(first, 0.5),
                                       within_target=float(ok.mean()) if len(ok) else None, target_h=target))
            stats.sort(key=lambda s: -s.count)
            report.groups[group] = stats
        # Weeks start on Monday in the team's time zone.
        offset = calendar.tz.utcoffset(start.replace(tzinfo=None)).total_seconds() if calendar is not None else 0.0
        epochs = np.asarray(cols[5], dtype=float) + offset
        monday_1970 = 4 * 86400.0   # 1970-01-05 was a Monday
        week_index = np.floor((epochs - monday_1970) / (7 * 86400.0)).astype(np.int64)
        categories = np.array([c or "—" for c in cols[0]], dtype=str)
        names, category_index = np.unique(categories, return_inverse=True)
        combined = week_index * len(names) + category_index
        order = np.argsort(combined, kind="stable")
        sorted_keys = combined[order]
        starts = np.flatnonzero(np.r_[True, sorted_keys[1:] != sorted_keys[:-1]])
        for begin, finish in zip(starts, np.r_[starts[1:], len(order)], strict=True):
            key = int(sorted_keys[begin])
            week, category = divmod(key, len(names))
            values = resolution_h[order[begin:finish]]
            label = datetime.fromtimestamp(monday_1970 + week * 7 * 86400.0, UTC).date().isoformat()
            report.weekly.append({"week": label, "category": str(names[category]), "count": int(len(values)),
                                  "median_h": _percentile(values, 0.5)})
    for n, reason in enumerate(PAUSE_COLUMNS):
        report.pauses_h[reason] = sum(float(sums[n] or 0.0) for sums in pause_sums) / 3600.0
    for reason, since in waiting:
        # The stored clock stopped counting when it was computed; the pause has gone on since.
        if reason in report.pauses_h and calendar is not None:
            report.pauses_h[reason] += calendar.business_seconds(since, now) / 3600.0
    if calendar is None:
        from cre_desk.core.calendars import load_calendar

        calendar = load_calendar()
    for r in open_rows:
        if r.status in RESOLVED_STATUSES or r.status in PAUSED_STATUSES:
            continue
        # The queue's own rule, so the CSV and the Due column never disagree.
        due = timers.due(status=r.status, allowed_business_s=r.allowed_business_s,
                         used_business_s=r.resolution_business_s, as_of=r.computed_at or now, now=now,
                         calendar=calendar, missed_at=r.deadline)
        deadline = due.deadline or _aware(r.deadline)
        if due.state == timers.BREACHED:
            report.breached.append(OpenTicket(r.ticket_id, r.title, r.category, r.assignee, r.status, deadline,
                                              timers.business_hours(due.overdue_business_s)))
        elif due.state == timers.AT_RISK:
            report.at_risk.append(OpenTicket(r.ticket_id, r.title, r.category, r.assignee, r.status, deadline,
                                             None, timers.business_hours(due.left_business_s)))
    report.breached.sort(key=lambda t: t.deadline)
    report.at_risk.sort(key=lambda t: t.deadline)
    report.breached = report.breached[:LIST_LIMIT]
    report.at_risk = report.at_risk[:LIST_LIMIT]
    return report
