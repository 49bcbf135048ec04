"""Log rules as data: known SDK log lines that prove a pipeline step happened or point at a cause.

Support engineers triage by spotting a handful of tell-tale lines in thousands. The catalogue lives in
``resources/rules/*.json`` so it can grow without code changes; this module loads, validates and compiles
it (a bad rule file is refused with its file and rule named) and defines what a scan finds (``Finding``);
``rule_scan`` runs the rules over a log. The patterns are ours and audited, so stdlib ``re`` is used, with a
literal prefilter read off each pattern so most lines never reach a regex.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from cre_desk import resource_files
from cre_desk.core.vocabulary import Label
from cre_desk.errors import UserError

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
#: What a finding keeps at most: line numbers, quoted lines, characters of each quoted line.
MAX_LINE_NOS = 50
MAX_LINES = 5
MAX_LINE_CHARS = 300


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


def finding_texts(rule_ids: Iterable[str]) -> dict[str, Rule]:
    """The catalogue's rules for ``rule_ids`` (unknown ids left out), for a reply that quotes them."""
    wanted = set(rule_ids)
    return {rule.id: rule for rule in load_rules() if rule.id in wanted}
