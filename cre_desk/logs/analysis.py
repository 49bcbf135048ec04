"""Everything CRE Desk concludes from one log: facts, findings, suspected checklist areas, milestones.

Shared by the findings panel and ``cre-desk analyze`` so both always say the same thing.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, replace

import numpy as np

from cre_desk import resource_files
from cre_desk.core import shipped_texts
from cre_desk.core.vocabulary import Label
from cre_desk.logs import baselines as baselines_module
from cre_desk.logs import evidence as evidence_module
from cre_desk.logs import evidence_kinds, linescan, ranking
from cre_desk.logs import known_issues as known_issues_module
from cre_desk.logs import platform as platform_module
from cre_desk.logs import rules as rules_module
from cre_desk.logs.document import LogDocument
from cre_desk.logs.rules import Finding

MAX_EVIDENCE_LINES = 20
MAX_RULE_LINES = rules_module.MAX_LINE_NOS
#: A fix after the customer's version is a lead, not proof: it weighs less than any line showing the problem.
KNOWN_ISSUE_WEIGHT = 1.0
KNOWN_ISSUE_LINES = 5000
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
        lines = tuple((n, doc.line_text(n)) for n in finding.line_nos[:MAX_EVIDENCE_LINES] if n < len(doc))
        out.append(replace(finding, evidence=lines))
    return out


def generic_findings(doc: LogDocument, findings: list[Finding], vendors: set[str],
                     cancel: Callable[[], bool] = lambda: False,
                     words: np.ndarray | None = None,
                     frames: dict[str, list[int]] | None = None,
                     patterns: dict[str, re.Pattern] | None = None,
                     symptom: str | None = None) -> tuple[list[Finding], set[str]]:
    """Findings for the telling lines no rule names, one per kind (see ``evidence_kinds.KINDS``), and the ids of
    rules whose lines turned out to carry a more specific detail of another area. ``frames`` receives, per
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
            # A message repeated with other numbers is cited once, where it first shows (the count says how often).
            said = evidence_module.repeat_key(doc.line_text(hit.line))
            if said in seen:
                continue
            seen.add(said)
            numbers.append(hit.line)
            numbers.extend(hit.frames)
        numbers = sorted(set(numbers))[: evidence_module.MAX_LINE_NOS]
        sdk = sorted({h.vendor for h in hits if h.vendor})
        title = _with_sdks(kind.title.en, sdk, "en")
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
    """Whether the words a generic kind matched are part of the known SDK message a rule matched: then the rule,
    written for exactly that message, says what it means (only a detail beside the message refines it)."""
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


def _platform_lines(scanner: rules_module.Scanner, findings: list[Finding]) -> tuple[int, int]:
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


def _known_issue_text(finding: Finding, language: str) -> tuple[str, str] | None:
    """(title, why) of a known-issue finding in ``language``; None for any other finding."""
    issue = known_issues_module.by_id(finding.rule_id) if language == "ja" and finding.captures else None
    return None if issue is None else known_issues_module.describe(issue, finding.captures[0], language)


def why_in(finding: Finding, language: str) -> str:
    """Why a finding points at its area, in the user's language where a translation ships (else as found)."""
    known = _known_issue_text(finding, language)
    return known[1] if known else finding.why


def title_in(finding: Finding, language: str) -> str:
    """A generic finding's title in the user's language, with the SDKs it names (rules carry their own labels)."""
    known = _known_issue_text(finding, language)
    if known:
        return known[0]
    generic = finding.rule_id.startswith("GEN-")
    kind = evidence_kinds.KIND_BY_KEY.get(finding.rule_id[4:]) if generic else None
    if language != "ja" or kind is None:
        return finding.title
    return _with_sdks(kind.title.get(language), finding.captures, language)


def _with_sdks(title: str, sdks: tuple[str, ...] | list[str], language: str) -> str:
    """A generic finding's title followed by the SDKs whose lines it rests on."""
    if not sdks:
        return title
    return shipped_texts.text("findings", "with_sdks", language, title=title, sdks=", ".join(sdks))


def reason_in(result: Analysis, slot: dict, language: str) -> str:
    """The first reason of a suspected area in the user's language (English where no translation exists)."""
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
    for finding in result.findings:
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


#: Entries read per rule when its text is everywhere: the first and the last half of these (a 1 GB log can
#: hold a common message a million times; its first and last sightings are what an engineer reads).
RULE_SAMPLE = 2000


def _sample(heads: np.ndarray) -> np.ndarray:
    if len(heads) <= RULE_SAMPLE:
        return heads
    half = RULE_SAMPLE // 2
    return np.concatenate((heads[:half], heads[-half:]))


@dataclass
class TextScan:
    """One native pass over a log for every rule literal and every evidence word (case folded)."""

    lines: np.ndarray  # line of each (line, needle) pair, in file order
    ids: np.ndarray  # needle index of each pair
    number: dict[str, int]  # rule literal -> needle index
    evidence_from: int  # needle indexes from here on are evidence words

    def evidence_lines(self) -> np.ndarray:
        return _distinct(self.lines[self.ids >= self.evidence_from])


def combined_scan(
    doc: LogDocument, literals: list[str], cancel: Callable[[], bool] = lambda: False
) -> TextScan:
    """Rule literals (folded; the rules check case themselves) and evidence words, found in one pass."""
    folded = sorted({lit.lower() for lit in literals})
    needles = [lit.encode("utf-8") for lit in folded] + [w.encode("utf-8") for w in evidence_module.NEEDLES]
    idx = doc.index
    lines, ids = linescan.needle_lines(idx.buffer(), idx.start_array(), needles, icase=True, cancel=cancel)
    index_of = {lit: k for k, lit in enumerate(folded)}
    return TextScan(lines, ids, {lit: index_of[lit.lower()] for lit in literals}, len(folded))


def _distinct(sorted_values: np.ndarray) -> np.ndarray:
    """Distinct values of a non-decreasing array (no sort needed: lines come in file order)."""
    if len(sorted_values) < 2:
        return sorted_values
    return sorted_values[np.concatenate(([True], sorted_values[1:] != sorted_values[:-1]))]


def candidate_entries(
    doc: LogDocument,
    scanner: rules_module.Scanner,
    cancel: Callable[[], bool] = lambda: False,
    estimated: dict[str, int] | None = None,
    scan: TextScan | None = None,
    selected: dict[int, list[int]] | None = None,
) -> np.ndarray | None:
    """First lines of the entries a rule could match, found by one native scan of the raw bytes for all the
    rules' literals plus a look at the tag column; None when every entry has to be read.

    Rules only ever match where one of their literals occurs (or, for tag rules, where the tag fits), so
    feeding just these entries gives the same findings as feeding them all. A rule whose text occurs more
    than ``RULE_SAMPLE`` times is read on its first and last sightings; ``estimated`` then receives how many
    entries hold its text. ``selected`` receives, per entry, the rules whose literals it holds.
    """
    literals, by_tag, everything = scanner.prescan_plan()
    columns = doc.index.columns
    scanner.see_tags(columns.tags.values)
    if everything or doc.headers is None or columns.tag_ids is None:
        return None
    picked_heads: list[np.ndarray] = []
    entry_of = doc.entry_of

    if literals:
        if scan is None:
            scan = combined_scan(doc, literals, cancel)
        rule_pairs = scan.ids < scan.evidence_from
        lines, ids = scan.lines[rule_pairs], scan.ids[rule_pairs]
        heads_of_pairs = lines if entry_of is None else entry_of[lines].astype(np.int64)
        order = np.argsort(ids, kind="stable")  # pairs grouped by literal, file order kept
        bounds = np.searchsorted(ids[order], np.arange(scan.evidence_from + 1))
        rules_of_literal: dict[int, list[int]] = {}
        for k, rule in enumerate(scanner.rules):
            if rule.regex is None or not rule.prefilter:
                continue
            literal_ids = sorted({scan.number[lit] for lit in rule.prefilter})
            for lid in literal_ids:
                rules_of_literal.setdefault(lid, []).append(k)
            parts = [order[bounds[lid] : bounds[lid + 1]] for lid in literal_ids]
            picked = np.sort(np.concatenate(parts)) if len(parts) > 1 else parts[0]
            heads = _distinct(heads_of_pairs[picked])
            if len(heads) > RULE_SAMPLE and estimated is not None:
                estimated[rule.id] = len(heads)
            picked_heads.append(_sample(heads))
        if selected is not None:
            keep = (
                np.isin(heads_of_pairs, np.concatenate(picked_heads)) if picked_heads else heads_of_pairs < 0
            )
            for head, lid in zip(heads_of_pairs[keep].tolist(), ids[keep].tolist(), strict=True):
                selected.setdefault(head, []).extend(rules_of_literal.get(lid, ()))
    values = columns.tags.values

    def tags_for(rules: list) -> np.ndarray:
        return np.fromiter(
            (any(scanner.tag_accepts(rule, tag) for rule in rules) for tag in values),
            dtype=bool,
            count=len(values),
        )

    for rule in (r for r in by_tag if r.regex is not None):
        on_tag = np.flatnonzero(tags_for([rule])[columns.tag_ids] & doc.headers)
        if len(on_tag):
            if len(on_tag) > RULE_SAMPLE and estimated is not None:
                estimated[rule.id] = len(on_tag)
            picked_heads.append(_sample(on_tag))
    tag_only = [rule for rule in by_tag if rule.regex is None]
    if tag_only:
        # A tag-only rule learns nothing new from a second entry with the same tag: the first is enough.
        heads = np.flatnonzero(doc.headers)
        heads = heads[tags_for(tag_only)[columns.tag_ids[heads]]]
        _ids, first = np.unique(columns.tag_ids[heads], return_index=True)
        picked_heads.append(heads[first])
    if not picked_heads:
        return np.zeros(0, dtype=np.int64)
    heads = np.unique(np.concatenate(picked_heads))
    return heads[doc.headers[heads]]


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
    scanner = rules_module.Scanner(rules_module.load_rules(), platform=platform)
    estimated: dict[str, int] = {}
    scan = combined_scan(doc, scanner.prescan_plan()[0], cancel)
    selected: dict[int, list[int]] = {}
    heads = candidate_entries(doc, scanner, cancel, estimated, scan, selected)
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
    generic, refined = generic_findings(
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
    findings = _with_evidence(doc, findings) + generic + known_issue_findings(doc, platform, symptom, crashed)
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
