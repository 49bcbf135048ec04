"""Findings no catalogue rule makes: telling lines of a generic kind, and SDK issues fixed after the version
the log shows.

The catalogue knows the messages we have seen; these cover the rest of a customer's log. Generic evidence
lines (``evidence``) are grouped into one finding per kind, and a rule's line that carries a more specific
detail of another area is noted so the rule only frames it; changelog fixes (``known_issues``) become leads.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import numpy as np

from cre_desk.logs import evidence as evidence_module
from cre_desk.logs import evidence_kinds
from cre_desk.logs import known_issues as known_issues_module
from cre_desk.logs import rules as rules_module
from cre_desk.logs.document import LogDocument
from cre_desk.logs.findings_wording import with_sdks
from cre_desk.logs.rules import Finding

#: Lines a finding quotes exactly as in the file, at most.
MAX_EVIDENCE_LINES = 20
#: A fix after the customer's version is a lead, not proof: it weighs less than any line showing the problem.
KNOWN_ISSUE_WEIGHT = 1.0
KNOWN_ISSUE_LINES = 5000


def generic_findings(doc: LogDocument, findings: list[Finding], vendors: set[str],
                     cancel: Callable[[], bool] = lambda: False,
                     words: np.ndarray | None = None,
                     frames: dict[str, list[int]] | None = None,
                     patterns: dict[str, re.Pattern] | None = None,
                     symptom: str | None = None) -> tuple[list[Finding], set[str]]:
    """Findings for the telling lines no rule names, one per kind (see ``evidence_kinds.KINDS``), and the ids
    of rules whose lines turned out to carry a more specific detail of another area. ``frames`` receives, per
    rule whose line is a crash, the telling stack frame below it (the rule cites that frame too)."""
    # A fact read off a line (the SDK version in a Braze tag) says nothing about what the line reports.
    covered = {n: f for f in findings if f.polarity != "info" for n in f.line_nos}
    grouped: dict[str, list[evidence_module.Hit]] = {}
    refined: set[str] = set()
    for hit in evidence_module.collect(doc, vendors, cancel, words):
        rule = covered.get(hit.line)
        if rule is not None and hit.frame is not None and frames is not None:
            frames.setdefault(rule.rule_id, []).extend(hit.frames)
        # A rule's line is its own evidence, unless the line says something more specific about another
        # area than the rule does (an envelope like "fetch error: …" around a PERMISSION_DENIED).
        if rule is not None and (hit.kind.weight < evidence_kinds.SPECIFIC or hit.kind.area == rule.area
                                 or rule.polarity != "!"
                                 or _inside_rule_text(doc.line_text(hit.line), hit.kind,
                                                      (patterns or {}).get(rule.rule_id))):
            continue
        if rule is not None:
            refined.add(rule.rule_id)
        else:
            # A detail on a continuation line of a rule's entry (the exception under "Error getting token")
            # refines the rule the same way.
            head = covered.get(doc.entry_start(hit.line))
            if (
                head is not None
                and hit.kind.weight >= evidence_kinds.SPECIFIC
                and hit.kind.area != head.area
                and head.polarity == "!"
            ):
                refined.add(head.rule_id)
        grouped.setdefault(hit.kind.key, []).append(hit)
    out: list[Finding] = []
    for key, hits in grouped.items():
        kind = evidence_kinds.KIND_BY_KEY[key]
        numbers: list[int] = []
        seen: set[str] = set()
        for hit in hits:
            # A message repeated with other numbers is cited once, where it first shows (the count says how
            # often).
            said = evidence_module.repeat_key(doc.line_text(hit.line))
            if said in seen:
                continue
            seen.add(said)
            numbers.append(hit.line)
            numbers.extend(hit.frames)
        numbers = sorted(set(numbers))[: evidence_module.MAX_LINE_NOS]
        sdk = sorted({h.vendor for h in hits if h.vendor})
        title = with_sdks(kind.title.en, sdk, "en")
        out.append(
            Finding(
                rule_id=f"GEN-{key}",
                area=kind.area,
                polarity="!",
                title=title,
                line_nos=tuple(numbers),
                count=len(hits),
                lines=tuple(doc.line_text(n)[: rules_module.MAX_LINE_CHARS] for n in numbers[:5]),
                captures=tuple(sdk),
                missing=False,
                checklist=(),
                weight=kind.weight_for(symptom),
                why=kind.why.en,
                evidence=tuple((n, doc.line_text(n)) for n in numbers[:MAX_EVIDENCE_LINES]),
            )
        )
    out.sort(key=lambda f: f.line_nos[0] if f.line_nos else -1)
    return out, refined


def _inside_rule_text(text: str, kind: evidence_kinds.Kind, pattern: re.Pattern | None) -> bool:
    """Whether the words a generic kind matched are part of the known SDK message a rule matched: then the
    rule, written for exactly that message, says what it means (only a detail beside the message refines
    it)."""
    if pattern is None:
        return False
    known = pattern.search(text)
    said = kind.pattern.search(text)
    if not (known and said and said.start() < known.end() and known.start() < said.end()):
        return False
    # Words inside one of the rule's groups are the runtime detail the message carries, not its own text.
    return not any(
        start < said.end() and said.start() < end
        for start, end in (known.span(g) for g in range(1, (pattern.groups or 0) + 1))
        if start >= 0
    )


def known_issue_findings(
    doc: LogDocument, platform: str, symptom: str | None, crashed: bool = False
) -> list[Finding]:
    """Changelog fixes released after the SDK version the log shows (see ``known_issues``)."""
    out: list[Finding] = []
    for version in known_issues_module.versions_in(doc.head_lines(KNOWN_ISSUE_LINES), platform):
        for issue in known_issues_module.applicable(version, symptom, crashed=crashed):
            line = doc.line_text(version.line) if 0 <= version.line < len(doc) else ""
            title, why = known_issues_module.describe(issue, version.version, "en")
            out.append(
                Finding(
                    rule_id=issue.id,
                    area=issue.area,
                    polarity="!",
                    title=title,
                    line_nos=(version.line,) if version.line >= 0 else (),
                    count=1,
                    lines=(line[:300],) if line else (),
                    captures=(version.version, issue.fixed_in),
                    missing=False,
                    checklist=(),
                    weight=KNOWN_ISSUE_WEIGHT,
                    why=why,
                    evidence=((version.line, line),) if line else (),
                )
            )
    return out
