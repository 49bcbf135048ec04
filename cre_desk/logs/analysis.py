"""Everything CRE Desk concludes from one log: facts, findings, suspected checklist areas, milestones.

Shared by the findings panel and ``cre-desk analyze`` so both always say the same thing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass, field, replace

from cre_desk import resource_files
from cre_desk.core import shipped_texts
from cre_desk.core.vocabulary import Label
from cre_desk.logs import baselines as baselines_module
from cre_desk.logs import generic_findings, prescan, ranking, rule_scan
from cre_desk.logs import platform as platform_module
from cre_desk.logs import rules as rules_module
from cre_desk.logs.document import LogDocument
from cre_desk.logs.rules import Finding

MAX_RULE_LINES = rules_module.MAX_LINE_NOS
#: What a rule still weighs when its line carries a more specific detail of another area.
ENVELOPE_WEIGHT = 1.5


@dataclass
class Analysis:
    name: str
    format: str
    format_label: str
    lines: int
    entries: int
    unparsed: int
    non_utf8: int
    facts: dict[str, list[str]]
    findings: list[Finding]
    suspected_areas: list[dict]
    vendors: list[str]
    baseline: dict | None = None
    notices: list[str] = field(default_factory=list)
    platform: str = ""              # "android", "ios" or "" when the log does not say
    decisive: bool = False          # some line points at an area with enough weight to act on
    advice: dict | None = None      # when not decisive: what to ask the customer for, per language

    def to_json(self) -> dict:
        return {
            "name": self.name,
            "format": self.format,
            "format_label": self.format_label,
            "lines": self.lines,
            "entries": self.entries,
            "unparsed_lines": self.unparsed,
            "undecodable_characters": self.non_utf8,
            "vendors": self.vendors,
            "platform": self.platform,
            "decisive": self.decisive,
            "advice": self.advice,
            "facts": self.facts,
            "findings": [_finding_json(f) for f in self.findings],
            "suspected_areas": self.suspected_areas,
            "baseline": self.baseline,
            "notices": self.notices,
        }


def _finding_json(finding: Finding) -> dict:
    data = asdict(finding)
    data["line_numbers"] = [n + 1 for n in finding.line_nos]  # 1-based, as the viewer shows them
    del data["line_nos"]
    data["line_nos"] = list(finding.line_nos)
    data["lines"] = list(finding.lines)
    data["captures"] = list(finding.captures)
    data["checklist"] = list(finding.checklist)
    # The lines a finding rests on, exactly as in the file, numbered as the viewer numbers them.
    data["evidence"] = [{"line": n + 1, "text": text} for n, text in finding.evidence]
    return data


def _with_evidence(doc: LogDocument, findings: list[Finding]) -> list[Finding]:
    """Rule findings with the lines they rest on exactly as they are in the file."""
    out = []
    for finding in findings:
        lines = tuple((n, doc.line_text(n)) for n in finding.line_nos[:generic_findings.MAX_EVIDENCE_LINES] if n < len(doc))
        out.append(replace(finding, evidence=lines))
    return out


def _platform_lines(scanner: rule_scan.Scanner, findings: list[Finding]) -> tuple[int, int]:
    """(android, ios): lines matched by rules written for one platform (an SDK message known from its source)."""
    platform_of = {rule.id: rule.platform for rule in scanner.rules if rule.detects}
    lines: dict[str, set[int]] = {"android": set(), "ios": set()}
    for finding in findings:
        where = platform_of.get(finding.rule_id)
        if where in lines and not finding.missing:
            lines[where].update(finding.line_nos[:3])
    return len(lines["android"] - lines["ios"]), len(lines["ios"] - lines["android"])


def _vendors_named(findings: list[Finding]) -> set[str]:
    return {name for f in findings if f.rule_id.startswith("GEN-") for name in f.captures}


#: Vendor keys that share another vendor's capture recipe.
RECIPE_OF = {"fcm": "firebase", "fiam": "firebase"}


def capture_advice(vendors: list[str], platform: str) -> dict:
    """What to ask for when the log decides nothing: a verbose log from app start, captured this way."""
    recipes = resource_files.read_json("capture_recipes.json")
    steps = []
    # Firebase's products log under their own names; one recipe covers them.
    named = list(dict.fromkeys(RECIPE_OF.get(vendor, vendor) for vendor in vendors or ["default"]))
    for vendor in named:
        recipe = recipes.get(vendor) or {}
        for plat in [platform] if platform else ["android", "ios"]:
            if plat in recipe:
                steps.append({"vendor": vendor, "platform": plat, **recipe[plat]})
    if not steps:
        for plat in [platform] if platform else ["android", "ios"]:
            steps.append({"vendor": "", "platform": plat, **recipes["default"][plat]})
    ask = shipped_texts.label("analysis_advice", "verbose_log")
    return {"en": ask.en, "ja": ask.ja, "steps": steps}


def flagged_lines(result: Analysis) -> set[int]:
    """0-based numbers of every line a finding cites (what the findings panel points the engineer at)."""
    lines: set[int] = set()
    for finding in result.findings:
        if not finding.missing:
            lines.update(finding.line_nos)
    return lines


def relevant(finding: Finding, symptom: str | None) -> bool:
    """Whether a finding matters for the ticket's symptom.

    A line that IS there always matters. A healthy line that is missing matters only for the symptom
    it belongs to (a missing push registration says nothing about an in-app message); without a
    symptom, only lines every pipeline needs (session, endpoint) count when missing.
    """
    if not finding.missing:
        return True
    symptoms = {ref.split(":", 1)[0] for ref in finding.checklist}
    if symptom:
        return symptom in symptoms
    return len(symptoms) > 1


def analyze(
    doc: LogDocument,
    *,
    baseline: str | None = None,
    cancel: Callable[[], bool] = lambda: False,
    platform: str | None = None,
    symptom: str | None = None,
) -> Analysis:
    """Scan a built document with the shipped rules (and compare with a baseline when named)."""
    if not doc.ready:
        doc.build(cancel=cancel)
    scanner = rule_scan.Scanner(rules_module.load_rules(), platform=platform)
    estimated: dict[str, int] = {}
    scan = prescan.combined_scan(doc, scanner.prescan_plan()[0], cancel)
    selected: dict[int, list[int]] = {}
    heads = prescan.candidate_entries(doc, scanner, cancel, estimated, scan, selected)
    if heads is None:
        scanner.feed(doc.iter_entries(cancel=cancel))
    else:
        scanner.feed_selected(
            (entry, sorted(set(selected.get(entry.line_no, ()))))
            for entry in doc.iter_entries(cancel=cancel, lines=heads)
        )
    findings = [f for f in scanner.findings() if relevant(f, symptom)]
    # Rules read on a sample: the count is how many entries hold the rule's text (an upper bound).
    findings = [
        replace(f, count=max(f.count, estimated[f.rule_id])) if f.rule_id in estimated and f.count else f
        for f in findings
    ]
    frames: dict[str, list[int]] = {}
    generic, refined = generic_findings.generic_findings(
        doc,
        findings,
        scanner.detected_vendors(),
        cancel,
        scan.evidence_lines(),
        frames,
        {rule.id: rule.regex for rule in scanner.rules if rule.regex},
        symptom,
    )
    # A rule whose line is a crash cites the telling stack frames below it too.
    findings = [
        replace(f, line_nos=tuple(sorted(set(f.line_nos) | set(frames[f.rule_id])))[:MAX_RULE_LINES])
        if f.rule_id in frames
        else f
        for f in findings
    ]
    # A rule whose line says something more specific about another area only frames that detail.
    findings = [replace(f, weight=ENVELOPE_WEIGHT) if f.rule_id in refined else f for f in findings]
    platform = platform_module.guess(
        doc.format, doc.head_lines(platform_module.MAX_LINES), _platform_lines(scanner, findings)
    )
    crashed = any(f.rule_id in ("GEN-crash", "GEN-linkage") for f in generic)
    findings = _with_evidence(doc, findings) + generic + generic_findings.known_issue_findings(doc, platform, symptom, crashed)
    ranked = ranking.with_starting_point(ranking.rank(findings))
    stats = doc.stats()
    result = Analysis(
        name=doc.name,
        format=doc.format,
        format_label=doc.format_label,
        lines=stats.lines,
        entries=stats.entries,
        unparsed=stats.unparsed,
        non_utf8=stats.non_utf8,
        facts=scanner.facts(),
        findings=findings,
        suspected_areas=ranked,
        vendors=sorted(scanner.detected_vendors() | _vendors_named(findings)),
        platform=platform,
        decisive=ranking.decisive(ranked),
    )
    if not result.decisive:
        result.advice = capture_advice(result.vendors, result.platform)
    if baseline:
        result.baseline = compare_with_baseline(doc, baseline, cancel=cancel)
    return result


def compare_with_baseline(doc: LogDocument, name: str, cancel: Callable[[], bool] = lambda: False) -> dict:
    """Milestones of baseline ``name`` found and missing in ``doc``, plus the normalised difference."""
    known = baselines_module.load_baselines()
    if name not in known:
        raise KeyError(name)
    base = known[name]
    entries = list(doc.iter_entries(cancel=cancel))
    result = baselines_module.compare(base, entries)
    reference_messages = [line.split(": ", 1)[-1] for line in base.log_text().splitlines()]
    only_customer, only_reference = baselines_module.diff_normalized(
        (e.message for e in entries), reference_messages
    )
    missing = [m for m in base.milestones if m.id in result["missing"]]
    return {
        "name": base.name,
        "title": _pair(base.title),
        "milestones": [
            {
                "id": m.id,
                "title": _pair(m.title),
                "area": m.area,
                "line": (result["hits"][m.id] + 1) if m.id in result["hits"] else None,
            }
            for m in base.milestones
        ],
        "missing": result["missing"],
        "first_missing": (
            {
                "id": missing[0].id,
                "title": _pair(missing[0].title),
                "area": missing[0].area,
            }
            if missing
            else None
        ),
        "only_in_log": only_customer[:200],
        "only_in_baseline": only_reference[:200],
    }


def _pair(label: Label) -> dict[str, str]:
    """A shipped text as the JSON result carries it: both languages; the reader picks one."""
    return {"en": label.en, "ja": label.ja}
