"""The customer-voice report as a reader gets it: Markdown, an HTML page, CSV, in English or Japanese.

Kept apart from the counting (``core.voice``) because it is where the report meets untrusted text: customer
words are escaped for HTML and never become spreadsheet formulas in CSV. Headings are shipped wording
(``resources/texts/voice_report.json``).
"""

from __future__ import annotations

import csv
import html
import io
import re
from datetime import datetime

from cre_desk.core import shipped_texts
from cre_desk.core.feedback import kind_label
from cre_desk.core.voice import SECTIONS, VoiceEntry, VoiceReport


def _t(language: str, key: str, **kw) -> str:
    return shipped_texts.text("voice_report", key, language, **kw)


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
