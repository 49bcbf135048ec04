"""Log rules as data: known SDK log lines that prove a pipeline step happened or point at a cause.

Support engineers triage by spotting a handful of tell-tale lines in thousands. The catalogue lives in
``resources/rules/*.json`` so it can grow without code changes; this module loads and validates it and
scans entries incrementally (chunk by chunk, off the GUI thread) into findings, facts and suspected areas.
The patterns are ours and audited, so stdlib ``re`` is used; a tag filter and a literal prefilter run
first so most lines never reach a regex.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from cre_desk import resource_files
from cre_desk.core.vocabulary import Label
from cre_desk.errors import UserError
from cre_desk.logs import workers
from cre_desk.logs.entry import Entry

try:  # Python 3.11+: the regex parser moved; only used to find a literal prefilter
    import re._parser as _sre_parse  # type: ignore[import-not-found]
except ImportError:  # pragma: no cover
    import sre_parse as _sre_parse  # type: ignore[no-redef]

POLARITIES = ("+", "!", "info")
AREAS = ("A", "B", "C", "D", "E", "")
PLATFORMS = ("android", "ios", "any")
#: What every mined rule records about its origin, so a new SDK release can be compared against it.
PROVENANCE_KEYS = ("repository", "path", "sdk_version", "template")
FACTS = ("sdk_version", "installation_id", "user_id", "sender_id", "push_token", "session_id", "environment")
#: How an entry tag reveals that a vendor's SDK is in the log (case-insensitive substrings).
VENDOR_TAGS: dict[str, tuple[str, ...]] = {
    "braze": ("Braze", "Appboy"), "fiam": ("FIAM",), "fcm": ("FirebaseMessaging", "FirebaseInstanceId"),
    "onesignal": ("OneSignal",), "airship": ("UALib", "Airship"), "clevertap": ("CleverTap",),
    "adjust": ("Adjust",), "amplitude": ("Amplitude",), "mixpanel": ("MixpanelAPI",), "iterable": ("Iterable",),
    "customerio": ("[CIO]",), "leanplum": ("Leanplum",),
}

MAX_MESSAGE = 65536      # a hostile single line is matched on its first 64 KiB only
MAX_LINE_NOS = 50
MAX_LINES = 5
MAX_LINE_CHARS = 300
MAX_FACT_VALUES = 20
MAX_FACT_CHARS = 200
_TAG_CACHE_LIMIT = 4096
_WEIGHTS = {"!": 3.0, "+": 2.0, "info": 0.0}
_ORDER = {"!": 0, "+": 1, "info": 2}


@dataclass(frozen=True)
class Rule:
    """One catalogue row; ``pattern`` runs on the message, ``tag``/``tag_pattern`` on the entry tag."""

    id: str
    vendor: str
    platform: str
    tag: str
    tag_pattern: str
    pattern: str
    meaning: Label
    area: str
    polarity: str
    explain: Label
    plain: Label
    checklist: tuple[str, ...]
    fact: str | None
    fact_group: int = 0                       # 0 = first group that captured something
    fact_map: tuple[tuple[str, str], ...] = ()
    detects: bool = True                      # a match reveals the vendor's SDK (False for generic lines)
    sample: tuple[str, str] = ("", "")        # (tag, message) the rule must match; used by tests
    provenance: tuple[tuple[str, str], ...] = ()  # where a mined rule's text comes from (repository, path…)
    weight: float = 0.0                       # 0: the polarity's weight; lower for lines that are often benign
    _compiled: tuple = field(default=(), repr=False, compare=False, hash=False)

    @property
    def regex(self) -> re.Pattern | None:
        return self._compiled[0]

    @property
    def tag_regex(self) -> re.Pattern | None:
        return self._compiled[1]

    @property
    def prefilter(self) -> tuple[str, ...]:
        """Literals of which at least one must occur in the message (empty = no prefilter)."""
        return self._compiled[2]


@dataclass(frozen=True)
class Finding:
    """What one rule found in the scanned log (or, with ``missing``, what it expected and did not find)."""

    rule_id: str
    area: str
    polarity: str
    title: str
    line_nos: tuple[int, ...]
    count: int
    lines: tuple[str, ...]
    captures: tuple[str, ...]
    missing: bool
    checklist: tuple[str, ...]
    weight: float = 0.0                      # 0: the polarity's weight; generic evidence sets its own
    why: str = ""                            # why it points at its area, in plain words
    evidence: tuple[tuple[int, str], ...] = ()  # (0-based line, the line exactly as in the file)


# ---------------------------------------------------------------- loading


def _literal_runs(items) -> list[str]:
    runs, current = [], []
    for op, arg in items:
        if op is _sre_parse.LITERAL:
            current.append(chr(arg))
            continue
        if current:
            runs.append("".join(current))
            current = []
        if op is _sre_parse.SUBPATTERN:
            runs.extend(_literal_runs(arg[-1]))   # a plain group is required too
    if current:
        runs.append("".join(current))
    return runs


def _best_literal(items) -> str:
    runs = _literal_runs(items)
    return max(runs, key=len) if runs else ""


def literal_prefilter(pattern: str) -> tuple[str, ...]:
    """Literals one of which every match must contain; empty when none can be proven (3+ chars each)."""
    if not pattern:
        return ()
    try:
        parsed = _sre_parse.parse(pattern)
    except Exception:
        return ()
    if parsed.state.flags & re.IGNORECASE:
        return ()
    items = list(parsed)
    if len(items) == 1 and items[0][0] is _sre_parse.BRANCH:
        literals = tuple(_best_literal(branch) for branch in items[0][1][1])
    else:
        literals = (_best_literal(items),)
    if not literals or any(len(lit) < 3 for lit in literals):
        return ()
    return literals


def _label(raw, where: str, name: str) -> Label:
    if not isinstance(raw, dict) or not isinstance(raw.get("en"), str) or not isinstance(raw.get("ja"), str):
        raise UserError(f"{where}: '{name}' needs an 'en' and a 'ja' text")
    return Label(raw["en"], raw["ja"])


def _compile(pattern: str, where: str, name: str) -> re.Pattern | None:
    if not pattern:
        return None
    try:
        return re.compile(pattern)
    except re.error as exc:
        raise UserError(f"{where}: '{name}' is not a valid regular expression ({exc})") from exc


def parse_rule(raw: dict, file_name: str, vendor: str) -> Rule:
    """Validate one rule dict from ``file_name`` and return it compiled; raises ``UserError`` on bad data."""
    if not isinstance(raw, dict):
        raise UserError(f"Rule file {file_name}: every rule must be an object")
    rule_id = raw.get("id")
    if not isinstance(rule_id, str) or not rule_id:
        raise UserError(f"Rule file {file_name}: a rule has no 'id'")
    where = f"Rule file {file_name}, rule {rule_id}"
    for key in ("tag", "pattern"):
        if not isinstance(raw.get(key, ""), str):
            raise UserError(f"{where}: '{key}' must be text")
    tag_pattern = raw.get("tag_pattern", "") or ""
    if not isinstance(tag_pattern, str):
        raise UserError(f"{where}: 'tag_pattern' must be text")
    pattern = raw.get("pattern", "")
    if not pattern and not tag_pattern:
        raise UserError(f"{where}: needs a 'pattern' or a 'tag_pattern'")
    if raw.get("vendor", vendor) != vendor:
        raise UserError(f"{where}: vendor '{raw.get('vendor')}' differs from the file's vendor '{vendor}'")
    platform, area, polarity = raw.get("platform"), raw.get("area"), raw.get("polarity")
    if platform not in PLATFORMS:
        raise UserError(f"{where}: platform must be one of {', '.join(PLATFORMS)}")
    if area not in AREAS:
        raise UserError(f"{where}: area must be one of A, B, C, D, E or empty")
    if polarity not in POLARITIES:
        raise UserError(f"{where}: polarity must be '+', '!' or 'info'")
    fact = raw.get("fact")
    if fact is not None and fact not in FACTS:
        raise UserError(f"{where}: unknown fact '{fact}'")
    checklist = raw.get("checklist", [])
    if not isinstance(checklist, list) or not all(isinstance(c, str) and ":" in c for c in checklist):
        raise UserError(f"{where}: 'checklist' must be a list of 'symptom:key' texts")
    fact_group = raw.get("fact_group", 0)
    fact_map = raw.get("fact_map", {}) or {}
    if not isinstance(fact_group, int) or fact_group < 0 or not isinstance(fact_map, dict):
        raise UserError(f"{where}: 'fact_group' must be a number and 'fact_map' an object")
    sample = raw.get("sample") or {}
    provenance = raw.get("provenance") or {}
    if not isinstance(provenance, dict) or (provenance and not all(
            isinstance(provenance.get(key), str) and provenance.get(key) for key in PROVENANCE_KEYS)):
        raise UserError(f"{where}: 'provenance' needs {', '.join(PROVENANCE_KEYS)} as text")
    regex = _compile(pattern, where, "pattern")
    tag_regex = _compile(tag_pattern, where, "tag_pattern")
    if fact_group and fact_group > ((regex or tag_regex).groups if (regex or tag_regex) else 0):
        raise UserError(f"{where}: 'fact_group' {fact_group} does not exist in the pattern")
    return Rule(
        id=rule_id, vendor=vendor, platform=platform, tag=raw.get("tag", ""), tag_pattern=tag_pattern,
        pattern=pattern, meaning=_label(raw.get("meaning"), where, "meaning"), area=area, polarity=polarity,
        explain=_label(raw.get("explain"), where, "explain"), plain=_label(raw.get("plain"), where, "plain"),
        checklist=tuple(checklist), fact=fact, fact_group=fact_group,
        fact_map=tuple((str(k), str(v)) for k, v in fact_map.items()), detects=bool(raw.get("detects", True)),
        sample=(str(sample.get("tag", "")), str(sample.get("message", ""))),
        provenance=tuple((str(k), str(v)) for k, v in provenance.items()),
        weight=_weight(raw.get("weight", 0.0), where),
        _compiled=(regex, tag_regex, literal_prefilter(pattern)),
    )


def _weight(value, where: str) -> float:
    if not isinstance(value, int | float) or isinstance(value, bool) or not 0 <= value <= 5:
        raise UserError(f"{where}: 'weight' must be a number from 0 to 5")
    return float(value)


def parse_rule_file(text: str, file_name: str) -> list[Rule]:
    """Parse one rules JSON document; raises ``UserError`` naming the file (and rule) on bad data."""
    try:
        doc = json.loads(text)
    except ValueError as exc:
        raise UserError(f"Rule file {file_name} is not valid JSON ({exc})") from exc
    if not isinstance(doc, dict) or doc.get("schema_version") != 1 or not isinstance(doc.get("rules"), list):
        raise UserError(f"Rule file {file_name}: expected schema_version 1 and a 'rules' list")
    vendor = doc.get("vendor")
    if not isinstance(vendor, str) or not vendor:
        raise UserError(f"Rule file {file_name}: 'vendor' is missing")
    return [parse_rule(raw, file_name, vendor) for raw in doc["rules"]]


_CACHE: list[Rule] | None = None


def load_rules(*, reload: bool = False) -> list[Rule]:
    """Load, validate and compile every shipped rule file (cached after the first call)."""
    global _CACHE
    if _CACHE is not None and not reload:
        return list(_CACHE)
    rules: list[Rule] = []
    seen: dict[str, str] = {}
    for node in resource_files.iter_files("rules", ".json", recursive=True):
        for rule in parse_rule_file(node.read_text(encoding="utf-8"), node.name):
            if rule.id in seen:
                raise UserError(f"Rule file {node.name}: rule {rule.id} is already defined in {seen[rule.id]}")
            seen[rule.id] = node.name
            rules.append(rule)
    _CACHE = rules
    return list(rules)


# ---------------------------------------------------------------- matching


#: Tags under which a wrapper prints what the app's Dart, JavaScript or C# code logs (often an SDK's message
#: relayed from native code, or a failure the app caught).
WRAPPER_TAGS = re.compile(
    r"^(?:flutter|ReactNativeJS|ReactNative|Unity|chromium|Capacitor\S*|CordovaWebView\w*|Console|JS|"
    r"System\.(?:out|err)|ExpoModulesCore|expo\S*)$",
    re.IGNORECASE,
)
#: A rule whose every literal is at least this long is the SDK's own sentence: it is recognised without the
#: SDK's tag, on a line that has none (a paste that lost its prefix, a line quoted in a ticket) or on a
#: wrapper's line.
UNTAGGED_LITERAL = 20


def _tag_ok(rule: Rule, tag: str) -> re.Match | bool:
    if rule.tag and rule.tag.lower() not in tag.lower():
        return (
            rule.tag_regex is None
            and bool(rule.prefilter)
            and min(len(lit) for lit in rule.prefilter) >= UNTAGGED_LITERAL
            and (not tag.strip() or WRAPPER_TAGS.match(tag.strip()) is not None)
        )
    if rule.tag_regex is not None:
        return rule.tag_regex.search(tag) or False
    return True


def _message_match(rule: Rule, message: str) -> re.Match | None:
    if rule.prefilter and not any(lit in message for lit in rule.prefilter):
        return None
    return rule.regex.search(message)


def matches(rule: Rule, entry: Entry) -> re.Match | None:
    """The rule's match on this entry: the message match, or the tag match for tag-only rules."""
    tag_hit = _tag_ok(rule, entry.tag or "")
    if tag_hit is False:
        return None
    if rule.regex is None:
        return tag_hit if isinstance(tag_hit, re.Match) else None
    return _message_match(rule, (entry.message or "")[:MAX_MESSAGE])


def _fact_value(rule: Rule, match: re.Match) -> str | None:
    groups = match.groups()
    if rule.fact_group:
        value = groups[rule.fact_group - 1] if rule.fact_group <= len(groups) else None
    else:
        value = next((g for g in groups if g), None)
    if not value:
        return None
    value = dict(rule.fact_map).get(value, value)
    return value[:MAX_FACT_CHARS]


class _Hits:
    __slots__ = ("count", "line_nos", "lines", "captures", "seen")

    def __init__(self) -> None:
        self.count = 0
        self.line_nos: list[int] = []
        self.lines: list[str] = []
        self.captures: tuple[str, ...] = ()
        self.seen: set[tuple] = set()


class Scanner:
    """Incremental rule scan: ``feed`` chunks of entries, then read ``findings`` and ``facts``."""

    def __init__(self, rules: Iterable[Rule], *, platform: str | None = None) -> None:
        self.rules = list(rules)
        self.platform = platform
        self._hits: dict[str, _Hits] = {}
        self._facts: dict[str, list[str]] = {}
        self._vendors: set[str] = set()
        self._platforms: dict[str, set[str]] = {}
        self._tag_seen: set[str] = set()
        self._by_tag: dict[str, tuple] = {}
        self._vendor_tags = {v: tuple(t.lower() for t in tags) for v, tags in VENDOR_TAGS.items()}

    def _candidates(self, tag: str) -> tuple:
        """Rules whose tag filter accepts ``tag``: (gate, prefiltered, always), computed once per distinct tag."""
        cached = self._by_tag.get(tag)
        if cached is not None:
            return cached
        if len(self._by_tag) >= _TAG_CACHE_LIMIT:
            self._by_tag.clear()
        prefiltered, always = [], []
        for rule in self.rules:
            hit = _tag_ok(rule, tag)
            if hit is False:
                continue
            pair = (rule, hit if isinstance(hit, re.Match) else None)
            (prefiltered if rule.regex is not None and rule.prefilter else always).append(pair)
        literals = sorted({lit for rule, _ in prefiltered for lit in rule.prefilter}, key=len, reverse=True)
        # One C-level search tells whether any rule's literal is present; most lines have none.
        gate = re.compile("|".join(re.escape(lit) for lit in literals)) if literals else None
        lowered = tag.lower()
        for vendor, needles in self._vendor_tags.items():
            if any(n in lowered for n in needles):
                self._tag_seen.add(vendor)
        found = (gate, prefiltered, always)
        self._by_tag[tag] = found
        return found

    def see_tags(self, tags: Iterable[str]) -> None:
        """Note vendors named by entry tags (the whole log's distinct tags, when only candidates are fed)."""
        for tag in tags:
            lowered = (tag or "").lower()
            for vendor, needles in self._vendor_tags.items():
                if any(n in lowered for n in needles):
                    self._tag_seen.add(vendor)

    def prescan_plan(self) -> tuple[list[str], list[Rule], bool]:
        """What finds every entry a rule could match without reading each one: (literals one of which a
        prefiltered rule's message must contain, rules that go by tag alone or have no literal, whether
        some rule has neither a literal nor a tag and so needs every entry)."""
        literals: set[str] = set()
        by_tag: list[Rule] = []
        everything = False
        for rule in self.rules:
            if rule.regex is not None and rule.prefilter:
                literals.update(rule.prefilter)
            elif rule.tag or rule.tag_regex is not None:
                by_tag.append(rule)
            else:
                everything = True
        return sorted(literals), by_tag, everything

    @staticmethod
    def tag_accepts(rule: Rule, tag: str) -> bool:
        return _tag_ok(rule, tag) is not False

    def feed_selected(self, entries: Iterable[tuple[Entry, Iterable[int]]]) -> None:
        """Scan entries against only the rules (indexes into ``rules``) whose literals each one holds, as a
        native scan found them; rules that go by tag are always tried. Same results as ``feed``."""
        by_tag = [k for k, rule in enumerate(self.rules) if not (rule.regex is not None and rule.prefilter)]
        for number, (entry, selected) in enumerate(entries):
            if number % workers.YIELD_EVERY == 0:
                workers.yield_interpreter()
            message = (entry.message or "")[:MAX_MESSAGE]
            tag = entry.tag or ""
            self._candidates(tag)   # notes the vendors this tag names
            for k in (*selected, *by_tag):
                rule = self.rules[k]
                tag_hit = _tag_ok(rule, tag)
                if tag_hit is False:
                    continue
                if rule.regex is None:
                    match = tag_hit if isinstance(tag_hit, re.Match) else None
                else:
                    match = _message_match(rule, message)
                if match is not None:
                    self._record(rule, entry, message, match)

    def feed(self, entries: Iterable[Entry]) -> None:
        """Scan more entries (in log order); safe on hostile text."""
        for entry in entries:
            message = (entry.message or "")[:MAX_MESSAGE]
            gate, prefiltered, always = self._candidates(entry.tag or "")
            candidates = always if gate is None or gate.search(message) is None else always + prefiltered
            for rule, tag_match in candidates:
                if rule.regex is None:
                    match = tag_match
                else:
                    match = _message_match(rule, message)
                if match is not None:
                    self._record(rule, entry, message, match)

    def _record(self, rule: Rule, entry: Entry, message: str, match: re.Match) -> None:
        hits = self._hits.get(rule.id)
        if hits is not None and rule.regex is None:
            # A tag-only rule matches every line of its tag: record a line only when the capture changes.
            groups = match.groups()
            if groups in hits.seen or len(hits.seen) >= MAX_FACT_VALUES:
                return
            hits.seen.add(groups)
        if hits is None:
            hits = self._hits[rule.id] = _Hits()
            hits.seen.add(match.groups())
            hits.captures = tuple(g or "" for g in match.groups())
            if rule.detects:
                self._vendors.add(rule.vendor)
                if rule.platform != "any":
                    self._platforms.setdefault(rule.vendor, set()).add(rule.platform)
        hits.count += 1
        if len(hits.line_nos) < MAX_LINE_NOS:
            hits.line_nos.append(entry.line_no)
        if len(hits.lines) < MAX_LINES:
            hits.lines.append(message[:MAX_LINE_CHARS])
        if rule.fact:
            value = _fact_value(rule, match)
            values = self._facts.setdefault(rule.fact, [])
            if value and value not in values and len(values) < MAX_FACT_VALUES:
                values.append(value)

    def detected_vendors(self) -> set[str]:
        """Vendors whose SDK shows in the log (a rule matched or an entry tag names it)."""
        return self._vendors | self._tag_seen

    def _expects(self, rule: Rule) -> bool:
        if rule.vendor not in self.detected_vendors():
            return False
        if rule.platform == "any":
            return True
        if self.platform:
            return rule.platform == self.platform
        # Logcat tags are Android's; with no rule evidence a tag sighting means an Android log.
        return rule.platform in self._platforms.get(rule.vendor, {"android"})

    def findings(self) -> list[Finding]:
        """'!' and 'info' matches plus '+' rules of detected vendors that never matched."""
        found: list[Finding] = []
        for rule in self.rules:
            hits = self._hits.get(rule.id)
            if hits is not None and rule.polarity != "+":
                found.append(Finding(rule.id, rule.area, rule.polarity, rule.meaning.en, tuple(hits.line_nos),
                                     hits.count, tuple(hits.lines), hits.captures, False, rule.checklist,
                                     weight=rule.weight))
            elif hits is None and rule.polarity == "+" and self._expects(rule):
                found.append(Finding(rule.id, rule.area, rule.polarity, rule.meaning.en, (), 0, (), (), True,
                                     rule.checklist))
        found.sort(key=lambda f: (_ORDER[f.polarity], f.line_nos[0] if f.line_nos else -1, f.rule_id))
        return found

    def matched_rule_ids(self) -> list[str]:
        """Ids of every rule that matched at least once, '+' rules included."""
        return [rule.id for rule in self.rules if rule.id in self._hits]

    def facts(self) -> dict[str, list[str]]:
        """Fact name -> distinct values in order of appearance (at most 20 each)."""
        return {name: list(values) for name, values in self._facts.items() if values}


def findings_by_line(findings: Iterable[Finding]) -> dict[int, list[tuple[str, str]]]:
    """Line number -> [(rule id, area)] for gutter markers in the log view."""
    out: dict[int, list[tuple[str, str]]] = {}
    for finding in findings:
        for line_no in finding.line_nos:
            out.setdefault(line_no, []).append((finding.rule_id, finding.area))
    return out


def suspected_areas(findings: Iterable[Finding]) -> list[dict]:
    """Checklist areas ranked by evidence: '!' weighs 3, a missing '+' 2, info 0; ties go to the earliest line."""
    scores: dict[str, dict] = {}
    for finding in findings:
        weight = 0.0 if (finding.polarity == "+" and not finding.missing) else (
            finding.weight or _WEIGHTS[finding.polarity])
        if not finding.area or weight <= 0:
            continue
        slot = scores.setdefault(finding.area, {"area": finding.area, "score": 0.0, "findings": [],
                                                "_first": float("inf")})
        slot["score"] += weight
        slot["findings"].append(finding.rule_id)
        if finding.line_nos:
            slot["_first"] = min(slot["_first"], finding.line_nos[0])
    ranked = sorted(scores.values(), key=lambda s: (-s["score"], s["_first"], s["area"]))
    return [{"area": s["area"], "score": s["score"], "findings": s["findings"]} for s in ranked]


def finding_texts(rule_ids: Iterable[str]) -> dict[str, Rule]:
    """The catalogue's rules for ``rule_ids`` (unknown ids left out), for a reply that quotes them."""
    wanted = set(rule_ids)
    return {rule.id: rule for rule in load_rules() if rule.id in wanted}
