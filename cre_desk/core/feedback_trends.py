"""Weekly counts per team and kind, and the weeks that stand out from a series' own usual level.

A week is an anomaly when its count is at least ``min_count`` (4), at least twice the series' mean over the
weeks before it, and more than two standard deviations above that mean: a quiet team's jump from 0 to 4 is
news, a busy team's wobble from 40 to 46 is not.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo
from math import fsum, sqrt


def _mean_and_spread(counts: list[int]) -> tuple[float, float]:
    """Mean and population standard deviation in floats (``statistics`` works in exact fractions: a tenth
    of a dashboard read at 100,000 tickets, for a threshold that needs no such precision)."""
    usual = fsum(counts) / len(counts)
    return usual, sqrt(fsum((c - usual) ** 2 for c in counts) / len(counts))


def week_of(moment: datetime, tz: tzinfo) -> date:
    """The Monday of the moment's week, in the team's time zone."""
    day = moment.astimezone(tz).date()
    return day - timedelta(days=day.weekday())


def weeks_between(first: date, last: date) -> list[date]:
    first = first - timedelta(days=first.weekday())
    out = []
    while first <= last:
        out.append(first)
        first += timedelta(days=7)
    return out


@dataclass(frozen=True)
class Anomaly:
    team: str
    kind: str
    week: date
    count: int
    usual: float  # mean weekly count over the baseline weeks
    ticket_ids: tuple[int, ...] = ()

    @property
    def ratio(self) -> float:
        return self.count / self.usual if self.usual else float(self.count)


def find_anomalies(
    counts: dict[tuple[str, str], dict[date, int]],
    weeks: list[date],
    *,
    baseline: int = 8,
    min_count: int = 4,
    tickets: dict[tuple[str, str, date], list[int]] | None = None,
    report_from: date | None = None,
) -> list[Anomaly]:
    """Weeks (from ``report_from`` on) well above the same team/kind's previous ``baseline`` weeks."""
    found: list[Anomaly] = []
    for (team, kind), per_week in counts.items():
        series = [per_week.get(w, 0) for w in weeks]
        for n, week in enumerate(weeks):
            if report_from is not None and week < report_from:
                continue
            before = series[max(0, n - baseline) : n]
            if len(before) < 3:
                continue  # too little history to know what is usual
            count, (usual, spread) = series[n], _mean_and_spread(before)
            if count >= min_count and count >= 2 * max(usual, 0.5) and count > usual + 2 * spread:
                ids = tuple((tickets or {}).get((team, kind, week), ()))
                found.append(Anomaly(team, kind, week, count, round(usual, 2), ids))
    return sorted(found, key=lambda a: (-a.ratio, a.week, a.team, a.kind))
