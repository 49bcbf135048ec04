"""Judging a ticket's possible causes: setting a verdict, accepting a log finding, quoting a log line.

Why here: an accepted finding becomes evidence on the checklist items it points at (and raises their
verdict to "suspected" for a missing or negative line) — a rule the log workbench and any other caller
must apply the same way. Evidence is appended, so it never conflicts with a teammate's edit.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from cre_desk.core.tickets import ChecklistEntry, TicketDetail
from cre_desk.core.vocabulary import Verdict
from cre_desk.db.service import TicketService

#: How a finding whose expected line never appears is quoted ({0}: the log's name, {1}: the finding).
MISSING_LINE = "[{0}] Expected line never appears: {1}"


@dataclass(frozen=True)
class FindingQuote:
    """What accepting a finding writes: the quote, the items it goes to, and the verdict to raise."""

    quote: str
    targets: tuple[ChecklistEntry, ...]
    verdict: str | None


def set_verdict(tickets: TicketService, entry: ChecklistEntry, verdict: str, evidence: str, *,
                actor: str) -> ChecklistEntry:
    """Save one item's verdict and evidence over the version the user saw (a teammate's change conflicts)."""
    return tickets.set_verdict(entry.id, verdict=verdict, evidence=evidence, expected_version=entry.version,
                               actor=actor)


def checklist_targets(ticket: TicketDetail, refs: Iterable[str]) -> list[ChecklistEntry]:
    """The ticket's checklist items named by ``refs`` ("symptom:item_key"), for its current symptom only."""
    keys = {ref.split(":", 1)[1] for ref in refs if ref.split(":", 1)[0] == ticket.fields.symptom}
    return [e for e in ticket.checklist if e.item_key in keys]


def finding_quote(ticket: TicketDetail, finding, log_name: str, *, missing_line: str = MISSING_LINE
                  ) -> FindingQuote:
    """The evidence an accepted ``finding`` (a ``logs.analysis`` finding) adds, and where it goes."""
    if finding.missing:
        quote = missing_line.format(log_name, finding.title)
    else:
        quote = "\n".join(f"[{log_name}:{n + 1}] {line}" for n, line in zip(finding.line_nos, finding.lines,
                                                                              strict=False))
    verdict = Verdict.SUSPECTED.value if finding.polarity == "!" or finding.missing else None
    return FindingQuote(quote, tuple(checklist_targets(ticket, finding.checklist)), verdict)


def accept_finding(tickets: TicketService, plan: FindingQuote, *, actor: str) -> int:
    """Quote the finding into each target item (raising a "not checked" one to the verdict); how many."""
    for entry in plan.targets:
        tickets.add_evidence(entry.id, plan.quote, actor=actor, verdict=plan.verdict)
    return len(plan.targets)


def quote_line(tickets: TicketService, entry: ChecklistEntry, log_name: str, line_no: int, text: str, *,
               note: str = "", actor: str) -> ChecklistEntry:
    """Quote one log line (0-based ``line_no``) as evidence for ``entry``, with the mark's note if any."""
    quote = f"[{log_name}:{line_no + 1}] {text.strip()}" + (f"\n  — {note}" if note else "")
    return tickets.add_evidence(entry.id, quote, actor=actor)


def ordered_for_line(ticket: TicketDetail, findings: Sequence, line_no: int) -> list[ChecklistEntry]:
    """The checklist to offer for quoting line ``line_no``: items its findings point at first."""
    entries = sorted(ticket.checklist, key=lambda e: e.position)
    refs = [ref for f in findings if line_no in f.line_nos for ref in f.checklist]
    suggested = checklist_targets(ticket, refs)
    return suggested + [e for e in entries if e not in suggested]
