"""A finding and its reason in the reader's language, for the findings panel of a Japanese or English UI.

A finding is made once, in English (the JSON result, fingerprints and ``cre-desk analyze`` keep that text);
the screen words it again in the UI's language from the shipped texts behind it: a rule's own labels, a
generic kind's en/ja pair (``resources/texts/findings.json``), a known issue's changelog text.
"""

from __future__ import annotations

from collections.abc import Iterable

from cre_desk.core import shipped_texts
from cre_desk.logs import evidence_kinds, ranking
from cre_desk.logs import known_issues as known_issues_module
from cre_desk.logs import rules as rules_module
from cre_desk.logs.rules import Finding


def _known_issue_text(finding: Finding, language: str) -> tuple[str, str] | None:
    """(title, why) of a known-issue finding in ``language``; None for any other finding."""
    issue = known_issues_module.by_id(finding.rule_id) if language == "ja" and finding.captures else None
    return None if issue is None else known_issues_module.describe(issue, finding.captures[0], language)


def why_in(finding: Finding, language: str) -> str:
    """Why a finding points at its area, in the user's language where a translation ships (else as found)."""
    known = _known_issue_text(finding, language)
    return known[1] if known else finding.why


def title_in(finding: Finding, language: str) -> str:
    """A generic finding's title in the user's language, with the SDKs it names (rules carry their own
    labels)."""
    known = _known_issue_text(finding, language)
    if known:
        return known[0]
    generic = finding.rule_id.startswith("GEN-")
    kind = evidence_kinds.KIND_BY_KEY.get(finding.rule_id[4:]) if generic else None
    if language != "ja" or kind is None:
        return finding.title
    return with_sdks(kind.title.get(language), finding.captures, language)


def with_sdks(title: str, sdks: tuple[str, ...] | list[str], language: str) -> str:
    """A generic finding's title followed by the SDKs whose lines it rests on."""
    if not sdks:
        return title
    return shipped_texts.text("findings", "with_sdks", language, title=title, sdks=", ".join(sdks))


def reason_in(findings: Iterable[Finding], slot: dict, language: str) -> str:
    """The first reason of a suspected area (of an analysis with ``findings``) in the user's language (English
    where no translation exists)."""
    reasons = slot.get("why") or []
    if not reasons:
        return ""
    first = reasons[0]
    if language != "ja":
        return first
    start = shipped_texts.label("findings", "start_here")
    if first == start.en:
        return start.get(language)
    rules_by_id = {rule.id: rule for rule in rules_module.load_rules()}
    for finding in findings:
        if finding.rule_id not in slot.get("findings", ()) or ranking.reason_of(finding) != first:
            continue
        if finding.rule_id.startswith("GEN-"):
            kind = evidence_kinds.KIND_BY_KEY.get(finding.rule_id[4:])
            return kind.why.get(language) if kind else first
        known = _known_issue_text(finding, language)
        if known:
            return known[1]
        rule = rules_by_id.get(finding.rule_id)
        if rule is not None:
            return (
                shipped_texts.text("findings", "lacks", language, title=rule.meaning.get(language))
                if finding.missing
                else (rule.plain.get(language) or rule.meaning.get(language))
            )
    return first
