"""Scanning a log against the rule catalogue: which rules match which entries, and what that adds up to.

Loading and checking the catalogue (``rules``) happens once; scanning happens for every log, incrementally
(chunk by chunk, off the GUI thread) and on hostile text. A tag filter and a literal prefilter run first so
most lines never reach a regex; what matched becomes findings, facts and the vendors the log shows.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from cre_desk.logs import workers
from cre_desk.logs.entry import Entry
from cre_desk.logs.rules import MAX_LINE_CHARS, MAX_LINE_NOS, MAX_LINES, Finding, Rule

#: How an entry tag reveals that a vendor's SDK is in the log (case-insensitive substrings).
VENDOR_TAGS: dict[str, tuple[str, ...]] = {
    "braze": ("Braze", "Appboy"), "fiam": ("FIAM",), "fcm": ("FirebaseMessaging", "FirebaseInstanceId"),
    "onesignal": ("OneSignal",), "airship": ("UALib", "Airship"), "clevertap": ("CleverTap",),
    "adjust": ("Adjust",), "amplitude": ("Amplitude",), "mixpanel": ("MixpanelAPI",),
    "iterable": ("Iterable",), "customerio": ("[CIO]",), "leanplum": ("Leanplum",),
}
MAX_MESSAGE = 65536      # a hostile single line is matched on its first 64 KiB only
MAX_FACT_VALUES = 20
MAX_FACT_CHARS = 200
_TAG_CACHE_LIMIT = 4096
_WEIGHTS = {"!": 3.0, "+": 2.0, "info": 0.0}
_ORDER = {"!": 0, "+": 1, "info": 2}

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
    regex = rule.regex
    return regex.search(message) if regex is not None else None  # a tag-only rule is matched by its tag


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
        """Rules whose tag filter accepts ``tag``: (gate, prefiltered, always), computed once per distinct
        tag."""
        cached = self._by_tag.get(tag)
        if cached is not None:
            return cached
        if len(self._by_tag) >= _TAG_CACHE_LIMIT:
            self._by_tag.clear()
        prefiltered: list[tuple[Rule, re.Match | None]] = []
        always: list[tuple[Rule, re.Match | None]] = []
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
    """Checklist areas ranked by evidence: '!' weighs 3, a missing '+' 2, info 0; ties go to the earliest
    line."""
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
