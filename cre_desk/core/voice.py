"""The quarterly customer-voice report: what customers asked for, tripped over and hit, in their own words.

Tickets are counted per shared item (a request, bug or confusion many tickets link to), so ten customers
wording one wish ten ways count as one wish with ten customers. Tickets not linked to an item are grouped by
their title. The report is rendered for readers by ``core.voice_export``; JSON comes from here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from cre_desk.core.feedback import CONFUSION_KINDS, Kind
from cre_desk.core.group_keys import customer_key, title_key

TOP = 10
EXAMPLES = 3
WORDS = 3
SECTIONS = ("requests", "bugs", "confusions")
_QUARTER = re.compile(r"(\d{4})\s*-?\s*Q([1-4])", re.IGNORECASE)


@dataclass(frozen=True)
class Period:
    start: date  # first day
    end: date  # first day after
    name: str

    @property
    def last_day(self) -> date:
        """The period's last day (``end`` is the first day after it)."""
        return self.end - timedelta(days=1)

    def previous(self) -> Period:
        match = _QUARTER.fullmatch(self.name)
        if match:
            year, q = int(match.group(1)), int(match.group(2))
            year, q = (year - 1, 4) if q == 1 else (year, q - 1)
            return quarter(f"{year}Q{q}")
        length = self.end - self.start
        return Period(self.start - length, self.start, f"{self.start - length}..{self.start}")


def quarter(text: str) -> Period:
    """``2026Q3`` -> July 1 to October 1 2026; ValueError with plain words for anything else."""
    match = _QUARTER.fullmatch(text.strip())
    if not match:
        raise ValueError(f"{text!r} is not a quarter like 2026Q3")
    year, q = int(match.group(1)), int(match.group(2))
    start = date(year, 3 * q - 2, 1)
    end = date(year + 1, 1, 1) if q == 4 else date(year, 3 * q + 1, 1)
    return Period(start, end, f"{year}Q{q}")


@dataclass(slots=True)
class VoiceRow:
    """One ticket (once per linked item) as the report reads it."""

    ticket_id: int
    title: str
    customer: str
    goal: str
    created_at: datetime
    kind: str
    team: str = ""
    item_id: int | None = None
    item_title: str = ""
    github_url: str = ""
    github_state: str = ""


@dataclass
class VoiceEntry:
    key: str
    title: str
    team: str
    kind: str
    github_url: str = ""
    github_state: str = ""
    tickets: int = 0
    customers: int = 0
    first_seen: datetime | None = None
    last_seen: datetime | None = None
    examples: list[str] = field(default_factory=list)
    words: list[str] = field(default_factory=list)
    ticket_ids: list[int] = field(default_factory=list)
    previous_tickets: int = 0
    previous_customers: int = 0

    @property
    def change(self) -> int:
        """Change in distinct customers from the previous period."""
        return self.customers - self.previous_customers

    def to_json(self) -> dict:
        return {
            "key": self.key,
            "title": self.title,
            "team": self.team,
            "kind": self.kind,
            "github_url": self.github_url,
            "github_state": self.github_state,
            "tickets": self.tickets,
            "customers": self.customers,
            "first_seen": self.first_seen.isoformat() if self.first_seen else None,
            "last_seen": self.last_seen.isoformat() if self.last_seen else None,
            "examples": self.examples,
            "customer_words": self.words,
            "ticket_ids": self.ticket_ids,
            "previous_tickets": self.previous_tickets,
            "previous_customers": self.previous_customers,
            "change_customers": self.change,
        }


@dataclass(frozen=True)
class UpsellEntry:
    """A customer's interest in a paid feature, flagged by an engineer (account managers' section)."""

    customer: str
    feature: str
    note: str
    ticket_id: int
    ticket_title: str
    flagged_by: str
    flagged_at: datetime

    def to_json(self) -> dict:
        return {
            "customer": self.customer,
            "feature": self.feature,
            "note": self.note,
            "ticket_id": self.ticket_id,
            "ticket_title": self.ticket_title,
            "flagged_by": self.flagged_by,
            "flagged_at": self.flagged_at.isoformat(),
        }


@dataclass
class VoiceReport:
    period: Period
    previous: Period
    tickets: int = 0
    customers: int = 0
    sections: dict[str, list[VoiceEntry]] = field(default_factory=dict)
    team_names: dict[str, str] = field(default_factory=dict)
    #: For account managers only; never counted in the tickets, customers or sections above.
    upsell: list[UpsellEntry] = field(default_factory=list)

    def to_json(self) -> dict:
        return {
            "period": {
                "name": self.period.name,
                "from": self.period.start.isoformat(),
                "to": self.period.last_day.isoformat(),
            },
            "previous": {
                "name": self.previous.name,
                "from": self.previous.start.isoformat(),
                "to": self.previous.last_day.isoformat(),
            },
            "tickets": self.tickets,
            "customers": self.customers,
            "sections": {name: [e.to_json() for e in entries] for name, entries in self.sections.items()},
            "upsell": [u.to_json() for u in self.upsell],
        }


def section_of(kind: str) -> str | None:
    if kind == Kind.MISSING_FEATURE:
        return "requests"
    if kind == Kind.BUG:
        return "bugs"
    if kind in CONFUSION_KINDS:
        return "confusions"
    return None


def group_key(row: VoiceRow) -> str:
    if row.item_id is not None:
        return f"item:{row.item_id}"
    return "title:" + title_key(row.title)


def _entries(rows: list[VoiceRow]) -> dict[str, dict[str, VoiceEntry]]:
    out: dict[str, dict[str, VoiceEntry]] = {s: {} for s in SECTIONS}
    customers: dict[tuple[str, str], set[str]] = {}
    seen: dict[tuple[str, str], set[int]] = {}   # a ticket linked to one item twice counts once
    for row in sorted(rows, key=lambda r: (r.created_at, r.ticket_id)):
        section = section_of(row.kind)
        if section is None:
            continue
        key = group_key(row)
        entry = out[section].get(key)
        if entry is None:
            entry = out[section][key] = VoiceEntry(
                key=key,
                title=row.item_title or row.title,
                team=row.team,
                kind=row.kind,
                github_url=row.github_url,
                github_state=row.github_state,
            )
        ids = seen.setdefault((section, key), set())
        if row.ticket_id in ids:
            continue
        ids.add(row.ticket_id)
        entry.ticket_ids.append(row.ticket_id)
        entry.tickets += 1
        who = customers.setdefault((section, key), set())
        customer = customer_key(row.customer)
        if customer:
            who.add(customer)
        entry.customers = len(who)
        entry.first_seen = entry.first_seen or row.created_at
        entry.last_seen = row.created_at
        if row.title not in entry.examples and len(entry.examples) < EXAMPLES:
            entry.examples.append(row.title)
        if len(entry.words) < WORDS:
            goal = " ".join(row.goal.split())
            if goal and goal not in entry.words:
                entry.words.append(goal)
    return out


def build_voice(
    current: list[VoiceRow],
    previous: list[VoiceRow],
    period: Period,
    previous_period: Period,
    *,
    top: int = TOP,
    team_names: dict[str, str] | None = None,
) -> VoiceReport:
    """The report from the rows of the period and of the period before (for the change column)."""
    before = {
        (section, key): (e.tickets, e.customers)
        for section, entries in _entries(previous).items()
        for key, e in entries.items()
    }
    tickets = len({r.ticket_id for r in current})
    customers = len({customer_key(r.customer) for r in current if customer_key(r.customer)})
    return rank_voice(
        current, before, period, previous_period, tickets=tickets, customers=customers, top=top,
        team_names=team_names,
    )


def rank_voice(
    rows: list[VoiceRow],
    before: dict[tuple[str, str], tuple[int, int]],
    period: Period,
    previous_period: Period,
    *,
    tickets: int,
    customers: int,
    top: int = TOP,
    team_names: dict[str, str] | None = None,
) -> VoiceReport:
    """The report from the rows of every group that may make the top ``top`` of its section (the database
    picks them), the previous period's (tickets, customers) per (section, group key) and the totals."""
    now = _entries(rows)
    report = VoiceReport(period=period, previous=previous_period, team_names=dict(team_names or {}))
    report.tickets, report.customers = tickets, customers
    for section in SECTIONS:
        entries = list(now[section].values())
        for entry in entries:
            old = before.get((section, entry.key))
            if old is not None:
                entry.previous_tickets, entry.previous_customers = old
        entries.sort(
            key=lambda e: (
                -e.customers,
                -e.tickets,
                -(e.last_seen.timestamp() if e.last_seen else 0),
                e.title.lower(),
            )
        )
        report.sections[section] = entries[:top]
    return report
