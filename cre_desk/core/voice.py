"""The quarterly customer-voice report: what customers asked for, tripped over and hit, in their own words.

Tickets are counted per shared item (a request, bug or confusion many tickets link to), so ten customers
wording one wish ten ways count as one wish with ten customers. Tickets not linked to an item are grouped by
their title. Renders Markdown, HTML (a page a product manager opens as is), CSV and JSON, in English or
Japanese. Customer words are untrusted: HTML escapes them and CSV never lets them become formulas.
"""

from __future__ import annotations

import csv
import html
import io
import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from cre_desk.core.feedback import CONFUSION_KINDS, Kind, kind_label
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


# ----- rendering -------------------------------------------------------------------------------------

_TEXT = {
    "en": {
        "title": "Customer voice {name}",
        "period": "{start} to {end} (previous: {prev})",
        "summary": "{tickets} tickets from {customers} customers.",
        "requests": "Top requested features",
        "bugs": "Top bugs",
        "confusions": "Top confusions",
        "item": "What",
        "team": "Team",
        "kind": "Kind",
        "tickets": "Tickets",
        "customers": "Customers",
        "first": "First seen",
        "last": "Last seen",
        "change": "Customers vs previous",
        "issue": "GitHub issue",
        "examples": "Example tickets",
        "words": "In the customers' words (what they are trying to achieve)",
        "none": "Nothing in this period.",
        "new": "new",
        "upsell": "Upsell signals (for account managers; not part of the support figures)",
        "upsell_none": "No upsell signals flagged in this period.",
        "customer": "Customer",
        "feature": "Paid feature",
        "note": "Note",
        "ticket": "Ticket",
        "flagged": "Flagged",
    },
    "ja": {
        "title": "お客様の声 {name}",
        "period": "{start} ～ {end}（前期: {prev}）",
        "summary": "{customers} 社から {tickets} 件の問い合わせ。",
        "requests": "要望の多い機能 トップ10",
        "bugs": "不具合 トップ10",
        "confusions": "分かりにくい・知られていない機能",
        "item": "内容",
        "team": "チーム",
        "kind": "種類",
        "tickets": "件数",
        "customers": "顧客数",
        "first": "初回",
        "last": "最終",
        "change": "顧客数の前期比",
        "issue": "GitHub Issue",
        "examples": "問い合わせ例",
        "words": "お客様の言葉（本当に実現したいこと）",
        "none": "この期間には該当がありません。",
        "new": "新規",
        "upsell": "アップセルの兆し（アカウントマネージャー向け。サポートの集計には含みません）",
        "upsell_none": "この期間に記録されたアップセルの兆しはありません。",
        "customer": "顧客",
        "feature": "有料機能",
        "note": "メモ",
        "ticket": "チケット",
        "flagged": "記録",
    },
}


def _t(language: str, key: str, **kw) -> str:
    text = _TEXT.get(language, _TEXT["en"])[key]
    return text.format(**kw) if kw else text


def _day(value: datetime | None) -> str:
    return value.date().isoformat() if value else ""


def _change(entry: VoiceEntry, language: str) -> str:
    if entry.previous_tickets == 0:
        return _t(language, "new")
    return f"{entry.change:+d}"


def _team(report: VoiceReport, key: str) -> str:
    return report.team_names.get(key, key) or "–"


def to_markdown(report: VoiceReport, language: str = "en") -> str:
    lines = [
        f"# {_t(language, 'title', name=report.period.name)}",
        "",
        _t(
            language,
            "period",
            start=report.period.start,
            end=report.period.last_day,
            prev=report.previous.name,
        ),
        "",
        _t(language, "summary", tickets=report.tickets, customers=report.customers),
        "",
    ]

    def cell(text: str) -> str:
        return " ".join(text.replace("|", "\\|").split())

    for section in SECTIONS:
        lines += [f"## {_t(language, section)}", ""]
        entries = report.sections.get(section, [])
        if not entries:
            lines += [_t(language, "none"), ""]
            continue
        for rank, e in enumerate(entries, 1):
            issue = f" — [{e.github_state or 'issue'}]({e.github_url})" if e.github_url else ""
            lines.append(
                f"{rank}. **{cell(e.title)}** ({_team(report, e.team)}, {kind_label(e.kind, language)})"
                f"{issue}"
            )
            lines.append(
                f"   - {_t(language, 'tickets')}: {e.tickets} · {_t(language, 'customers')}: "
                f"{e.customers} · {_t(language, 'change')}: {_change(e, language)} · "
                f"{_t(language, 'first')}: {_day(e.first_seen)} · {_t(language, 'last')}: "
                f"{_day(e.last_seen)}"
            )
            if e.examples:
                lines.append(f"   - {_t(language, 'examples')}: " + "; ".join(cell(x) for x in e.examples))
            for words in e.words:
                lines.append(f"   - > {cell(words)}")
        lines.append("")
    lines += [f"## {_t(language, 'upsell')}", ""]
    if not report.upsell:
        lines += [_t(language, "upsell_none"), ""]
    for u in report.upsell:
        lines.append(
            f"- **{cell(u.customer) or '–'}** — {cell(u.feature)} (#{u.ticket_id} {cell(u.ticket_title)}; "
            f"{cell(u.flagged_by) or '–'}, {_day(u.flagged_at)})"
        )
        if u.note:
            lines.append(f"  - {cell(u.note)}")
    return "\n".join(lines)


_CSS = """
body{font-family:-apple-system,'Segoe UI','Hiragino Sans','Noto Sans JP',sans-serif;margin:2em auto;
  max-width:1100px;color:#1f2937;line-height:1.45}
h1{margin-bottom:.2em} h2{margin-top:1.6em;border-bottom:2px solid #e5e7eb;padding-bottom:.2em}
.muted{color:#6b7280} table{border-collapse:collapse;width:100%}
th,td{padding:.45em .6em;border-bottom:1px solid #e5e7eb;vertical-align:top;text-align:left}
th{background:#f9fafb;font-size:.9em} td.n{text-align:right;font-variant-numeric:tabular-nums}
.up{color:#b91c1c} .down{color:#047857}
blockquote{margin:.3em 0;padding-left:.7em;border-left:3px solid #93c5fd;color:#374151}
.ex{font-size:.9em;color:#4b5563} .tag{font-size:.8em;background:#eef2ff;border-radius:4px;padding:0 .4em}
td.d,th,td.n{white-space:nowrap}
"""


def to_html(report: VoiceReport, language: str = "en") -> str:
    esc = html.escape
    title = _t(language, "title", name=report.period.name)
    period = _t(
        language, "period", start=report.period.start, end=report.period.last_day, prev=report.previous.name
    )
    out = [
        f'<!DOCTYPE html><html lang="{esc(language)}"><head><meta charset="utf-8">'
        f"<title>{esc(title)}</title><style>{_CSS}</style></head><body>",
        f"<h1>{esc(title)}</h1>",
        f'<p class="muted">{esc(period)}</p>',
        f"<p>{esc(_t(language, 'summary', tickets=report.tickets, customers=report.customers))}</p>",
    ]
    for section in SECTIONS:
        out.append(f"<h2>{esc(_t(language, section))}</h2>")
        entries = report.sections.get(section, [])
        if not entries:
            out.append(f'<p class="muted">{esc(_t(language, "none"))}</p>')
            continue
        heads = ("#", "item", "tickets", "customers", "change", "first", "last")
        out.append(
            "<table><tr>"
            + "".join(f"<th>{esc(h if h == '#' else _t(language, h))}</th>" for h in heads)
            + "</tr>"
        )
        for rank, e in enumerate(entries, 1):
            change = _change(e, language)
            css = "up" if e.change > 0 else ("down" if e.change < 0 else "")
            issue = (
                f' · <a href="{esc(e.github_url)}">{esc(e.github_state or _t(language, "issue"))}</a>'
                if e.github_url.startswith("https://")
                else ""
            )
            words = "".join(f"<blockquote>{esc(w)}</blockquote>" for w in e.words)
            examples = "; ".join(esc(x) for x in e.examples)
            out.append(
                f'<tr><td class="n">{rank}</td><td><strong>{esc(e.title)}</strong> '
                f'<span class="tag">{esc(_team(report, e.team))}</span> '
                f'<span class="tag">{esc(kind_label(e.kind, language))}</span>{issue}'
                f'<div class="ex">{esc(_t(language, "examples"))}: {examples}</div>{words}</td>'
                f'<td class="n">{e.tickets}</td><td class="n">{e.customers}</td>'
                f'<td class="n {css}">{esc(change)}</td><td class="d">{_day(e.first_seen)}</td>'
                f'<td class="d">{_day(e.last_seen)}</td></tr>'
            )
        out.append("</table>")
    out.append(f"<h2>{esc(_t(language, 'upsell'))}</h2>")
    if not report.upsell:
        out.append(f'<p class="muted">{esc(_t(language, "upsell_none"))}</p>')
    else:
        columns = ("customer", "feature", "note", "ticket", "flagged")
        out.append("<table><tr>" + "".join(f"<th>{esc(_t(language, h))}</th>" for h in columns) + "</tr>")
        for u in report.upsell:
            out.append(
                f"<tr><td>{esc(u.customer)}</td><td>{esc(u.feature)}</td><td>{esc(u.note)}</td>"
                f"<td>#{u.ticket_id} {esc(u.ticket_title)}</td>"
                f"<td>{esc(u.flagged_by)} {_day(u.flagged_at)}</td></tr>"
            )
        out.append("</table>")
    out.append("</body></html>")
    return "\n".join(out)


_NUMBER = re.compile(r"[+-]?\d+(\.\d+)?")


def csv_safe(value: object) -> object:
    """A cell starting with = + - @ tab or CR gets a leading quote so a spreadsheet never runs it as a
    formula (OWASP "CSV injection"); numbers, negative ones included, stay numbers."""
    if not isinstance(value, str) or _NUMBER.fullmatch(value):
        return value
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def to_csv(report: VoiceReport, language: str = "en") -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(
        [
            "period",
            "section",
            "rank",
            "title",
            "team",
            "kind",
            "tickets",
            "customers",
            "previous_customers",
            "change_customers",
            "first_seen",
            "last_seen",
            "github_url",
            "github_state",
            "examples",
            "customer_words",
            "customer",
        ]
    )
    for section in SECTIONS:
        for rank, e in enumerate(report.sections.get(section, []), 1):
            row = [
                report.period.name,
                section,
                rank,
                e.title,
                _team(report, e.team),
                kind_label(e.kind, language),
                e.tickets,
                e.customers,
                e.previous_customers,
                e.change,
                _day(e.first_seen),
                _day(e.last_seen),
                e.github_url,
                e.github_state,
                " | ".join(e.examples),
                " | ".join(e.words),
                "",
            ]
            writer.writerow([csv_safe(cell) for cell in row])
    for rank, u in enumerate(report.upsell, 1):
        row = [report.period.name, "upsell", rank, u.feature, "", "", 1, 1, "", "", _day(u.flagged_at),
               _day(u.flagged_at), "", "", f"#{u.ticket_id} {u.ticket_title}", u.note, u.customer]
        writer.writerow([csv_safe(cell) for cell in row])
    return out.getvalue()
