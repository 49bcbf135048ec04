"""What a reply may say about causes: checklist items as causes, and the log lines that back each one.

Kept apart from the wording (``core.replies``) because it is the reply's one source of truth about the ticket:
which causes are confirmed or suspected, which sentences a marketer can read and which name code for the
developer, and which marked or found log lines are cited under which cause (each line once).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from cre_desk.core import jargon
from cre_desk.core.checklist import TemplateItem, template_for
from cre_desk.core.tickets import ChecklistEntry, MarkRecord, TicketDetail
from cre_desk.core.vocabulary import Verdict


def evidence_key(entry: ChecklistEntry) -> str:
    return f"evidence:{entry.item_key}"


def mark_key(mark: MarkRecord) -> str:
    return f"mark:{mark.id}"


def citation(mark: MarkRecord, excluded: frozenset[str]) -> str:
    """The mark as quoted in a reply; without the engineer's note when it is excluded."""
    if mark_key(mark) in excluded:
        return f"[{mark.log_name}:{mark.line_no + 1}] {mark.line_text.strip()}"
    return mark.citation()


@dataclass(frozen=True)
class Cause:
    entry: ChecklistEntry
    item: TemplateItem | None
    confirmed: bool

    def title(self, language: str) -> str:
        return self.item.title.get(language) if self.item else self.entry.title

    def plain(self, language: str) -> str:
        return self.item.plain_cause.get(language) if self.item else self.entry.title

    def fix(self, language: str) -> str:
        return self.item.fix.get(language) if self.item else ""

    def verify(self, language: str) -> str:
        return self.item.how_to_verify.get(language) if self.item else ""


_CODE_KINDS = frozenset({"identifier", "stack_frame", "path", "hex"})
_SENTENCE = {"en": re.compile(r"[^\n]+?(?:[.!?](?=\s|$)|$)", re.MULTILINE), "ja": re.compile(r"[^\n。]+。?")}


_ABBREVIATIONS = ("e.g.", "i.e.", "etc.", "vs.", "approx.", "Mr.", "Ms.", "Dr.", "No.")


def split_technical(text: str, language: str) -> tuple[str, str]:
    """Split checklist wording into (sentences a marketer can read, sentences naming code, for the developer).

    Some shipped fix texts name SDK calls (``changeUser``, ``targetSdkVersion``); a marketer's Summary, Cause
    and Fix must not, so those sentences move to the developer block instead of being lost.
    """
    sentences: list[str] = []
    for match in _SENTENCE[language].finditer(text):
        sentence = match.group().strip()
        if sentences and sentences[-1].endswith(_ABBREVIATIONS):
            sentences[-1] += " " + sentence                    # "e.g. do not call ..." is one sentence
        elif sentence:
            sentences.append(sentence)
    plain: list[str] = []
    technical: list[str] = []
    for sentence in sentences:
        has_code = any(i.kind in _CODE_KINDS for i in jargon.check(sentence, language))
        (technical if has_code else plain).append(sentence)
    joiner = " " if language == "en" else ""
    return joiner.join(plain), joiner.join(technical)


def ticket_causes(ticket: TicketDetail) -> list[Cause]:
    template = template_for(ticket.fields.symptom)
    ordered = sorted(ticket.checklist, key=lambda e: e.position)
    causes = []
    for verdict in (Verdict.CONFIRMED, Verdict.SUSPECTED):
        for entry in ordered:
            if entry.verdict == verdict:
                item = template.item(entry.item_key) if template else None
                causes.append(Cause(entry, item, verdict == Verdict.CONFIRMED))
    return causes


def same_line(a: str, b: str) -> bool:
    a, b = a.strip(), b.strip()
    return bool(a and b) and (a in b or b in a)


def _mark_matches(mark: MarkRecord, cause: Cause, finding_lines: Sequence[str]) -> bool:
    if any(same_line(mark.line_text, line) for line in finding_lines):
        return True
    for pattern in cause.item.log_patterns if cause.item else ():
        try:
            if re.search(pattern, mark.line_text):
                return True
        except re.error:
            continue
    return False


_CITATION = re.compile(r"^\[[^\[\]\n]+:\d+\]\s*")


def _line_texts(text: str) -> set[str]:
    """The log lines ``text`` quotes, without their "[log:line]" prefixes (so a quote matches its line)."""
    return {_CITATION.sub("", line.strip()) for line in text.splitlines() if line.strip()}


def dedupe(lines: Sequence[str]) -> list[str]:
    """``lines`` without repeats; an entry whose log lines were all quoted already (with or without
    their "[log:line]" prefix) is a repeat too."""
    seen: set[str] = set()
    kept = []
    for line in lines:
        texts = _line_texts(line)
        if texts and not texts <= seen:
            seen.update(texts)
            kept.append(line)
    return kept


@dataclass
class Evidence:
    """Evidence lines per cause (by index) and whatever could not be tied to a cause."""

    per_cause: list[list[str]]
    other_marks: list[str]
    other_findings: list[tuple[str, tuple[str, ...]]]


def gather_evidence(causes: list[Cause], findings, marks: Sequence[MarkRecord],
              excluded: frozenset[str] = frozenset()) -> Evidence:
    per_cause: list[list[str]] = [[] for _ in causes]
    used_marks: set[int] = set()
    used_findings: set[int] = set()
    for n, cause in enumerate(causes):
        rule_ids = set(cause.item.rule_ids) if cause.item else set()
        linked = [(i, f) for i, f in enumerate(findings) if f[0] in rule_ids]
        finding_lines = [line for _, f in linked for line in f[1]]
        own = cause.entry.evidence.strip()
        lines = [own] if own and evidence_key(cause.entry) not in excluded else []
        for index, mark in enumerate(marks):
            if _mark_matches(mark, cause, finding_lines):
                lines.append(citation(mark, excluded))
                used_marks.add(index)
        marked = [m.line_text for i, m in enumerate(marks) if i in used_marks]
        lines += [line for line in finding_lines if not any(same_line(line, m) for m in marked)]
        used_findings.update(i for i, _ in linked)
        per_cause[n] = dedupe(lines)
    return Evidence(
        per_cause=per_cause,
        other_marks=[citation(m, excluded) for i, m in enumerate(marks) if i not in used_marks],
        other_findings=[f for i, f in enumerate(findings) if i not in used_findings],
    )
