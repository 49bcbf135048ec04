"""Rank the checklist areas a log points at, and say honestly when it points nowhere.

A known SDK message (a catalogue rule) outweighs a generic warning; several distinct lines of one kind
count a little more than one; a healthy line does not count. When the best area rests on weak evidence
only, the ranking says so (confidence "low", ``decisive`` False) instead of pretending.
"""

from __future__ import annotations

from collections.abc import Iterable

from cre_desk.core import shipped_texts
from cre_desk.logs.rules import Finding

RULE_WEIGHTS = {"!": 3.0, "+": 2.0, "info": 0.0}
DECISIVE = 2.0          # a score from at least one specific line
EXTRA_LINE = 0.25       # each further distinct line of the same finding…
EXTRA_CAP = 1.0         # …up to this much
PILE_SHARE = 0.3        # other findings of an area add this share of their weight…
PILE_CAP = 3.0          # …counted up to this much


def finding_weight(finding: Finding) -> float:
    if finding.polarity == "+" and not finding.missing:
        return 0.0
    base = finding.weight or RULE_WEIGHTS.get(finding.polarity, 0.0)
    if finding.missing or base <= 0:
        return base
    extra = min(EXTRA_CAP, EXTRA_LINE * max(0, len(set(finding.line_nos)) - 1))
    return base + extra


def rank(findings: Iterable[Finding]) -> list[dict]:
    """Areas by score, each with the findings behind it and why, in plain words."""
    scores: dict[str, dict] = {}
    for finding in findings:
        weight = finding_weight(finding)
        if not finding.area or weight <= 0:
            continue
        for area in finding.area.split("/"):
            slot = scores.setdefault(area, {"area": area, "score": 0.0, "findings": [], "why": [],
                                            "_first": float("inf"), "_best": 0.0})
            slot["score"] += weight
            slot["findings"].append(finding.rule_id)
            reason = reason_of(finding)
            if all(reason != known for _w, known in slot["why"]):
                slot["why"].append((weight, reason))
            slot["_best"] = max(slot["_best"], weight)
            if not finding.missing:
                slot["_present"] = max(slot.get("_present", 0.0), weight)
            if finding.line_nos:
                slot["_first"] = min(slot["_first"], finding.line_nos[0])
    for slot in scores.values():
        # Specificity first: the best line decides, the others add a little (weak lines cannot pile up).
        slot["score"] = slot["_best"] + PILE_SHARE * min(PILE_CAP, slot["score"] - slot["_best"])
    ranked = sorted(scores.values(), key=lambda s: (-s["score"], -s["_best"], s["_first"], s["area"]))
    out = []
    for s in ranked:
        # A line that is there decides; a healthy line that is missing only suggests (excerpts are short).
        present = s.get("_present", 0.0)
        confidence = ("high" if present >= 2.5 and s["score"] >= 3 else
                      "medium" if present >= DECISIVE else "low")
        out.append({"area": s["area"], "score": round(s["score"], 2), "findings": s["findings"],
                    "why": [reason for _w, reason in sorted(s["why"], key=lambda p: -p[0])][:5],
                    "confidence": confidence})
    return out


def reason_of(finding: Finding) -> str:
    """Why a finding counts for its area, in English: its own reason, else its title (or what is missing)."""
    if finding.why:
        return finding.why
    if finding.missing:
        return shipped_texts.text("findings", "lacks", "en", title=finding.title)
    return finding.title


#: Where the checklist starts when the log points nowhere: the SDK's initialisation and session.
START_AREA = "D"


def with_starting_point(ranked: list[dict]) -> list[dict]:
    """An empty ranking becomes the checklist's own starting point, marked as such (low confidence)."""
    if ranked:
        return ranked
    why = shipped_texts.text("findings", "start_here", "en")
    return [{"area": START_AREA, "score": 0.0, "findings": [], "why": [why], "confidence": "low"}]


def decisive(ranked: list[dict]) -> bool:
    return bool(ranked) and ranked[0]["confidence"] != "low"
