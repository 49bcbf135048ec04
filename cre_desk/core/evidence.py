"""The evidence bundle of a ticket, as a GitHub issue body for the SDK team.

Customer text and log lines go inside fenced blocks, so nothing a customer wrote is rendered as
Markdown (links, mentions, images) on GitHub.
"""

from __future__ import annotations

from collections.abc import Sequence

from cre_desk.core.tickets import MarkRecord, TicketDetail
from cre_desk.core.vocabulary import label


def _fence(text: str) -> str:
    """A code fence longer than any run of backticks inside, so the text cannot close it."""
    fence = "```"
    while fence in text:
        fence += "`"
    return f"{fence}text\n{text.strip()}\n{fence}"


def issue_body(ticket: TicketDetail, marks: Sequence[MarkRecord] = ()) -> str:
    f = ticket.fields
    lines = ["## Environment", "",
             f"- Platform: {label(f.platform, 'en')} {f.os_version}".rstrip(),
             f"- SDK: {f.sdk_name} {f.sdk_version}".rstrip(),
             f"- App: {f.app_name} {f.app_version}".rstrip(),
             f"- Symptom: {label(f.symptom, 'en')}",
             f"- CRE Desk ticket: #{ticket.id}", ""]
    if f.asked.strip():
        lines += ["## What the customer reported", "", _fence(f.asked), ""]
    causes = [e for e in ticket.checklist if e.verdict in ("confirmed", "suspected")]
    if causes:
        lines += ["## Causes found", ""]
        for entry in causes:
            lines.append(f"- **{entry.verdict}** — {entry.title}")
            if entry.evidence.strip():
                lines += ["", _fence(entry.evidence), ""]
    if marks:
        lines += ["## Marked log lines", "", _fence("\n".join(mark.citation() for mark in marks)), ""]
    return "\n".join(lines).rstrip() + "\n"
