"""Known-good reference logs ("baselines") and the milestones a healthy SDK log passes through.

Engineers ask "how far did the pipeline get?" before "what went wrong?". A baseline is a healthy log
shipped in ``resources/baselines/`` plus an ordered list of milestones; comparing a customer log with
it shows the first step that never happened, and a normalised diff shows what the customer log lacks.
Milestone patterns are ours (stdlib ``re``); customer text is only ever searched, capped in length.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass

from cre_desk import resource_files
from cre_desk.core.vocabulary import Label
from cre_desk.errors import UserError
from cre_desk.logs.entry import Entry

MAX_MESSAGE = 65536
MAX_NORMALIZE = 2000
MAX_DIFF_ITEMS = 5000
MAX_DISTINCT = 200_000   # bound memory on huge logs; later new messages are ignored


@dataclass(frozen=True)
class Milestone:
    """One step a healthy log shows, in order; ``tag`` is a case-insensitive substring ("" = any)."""

    id: str
    title: Label
    pattern: str
    tag: str
    area: str
    regex: re.Pattern


@dataclass(frozen=True)
class Baseline:
    """A healthy reference log and its milestones."""

    name: str
    title: Label
    vendor: str
    platform: str
    symptom: str
    milestones: tuple[Milestone, ...]

    def log_text(self) -> str:
        """The reference log itself (threadtime text)."""
        return resource_files.read_text("baselines", f"{self.name}.log")


def _parse_baseline(text: str, file_name: str) -> Baseline:
    try:
        doc = json.loads(text)
    except ValueError as exc:
        raise UserError(f"Baseline file {file_name} is not valid JSON ({exc})") from exc
    if not isinstance(doc, dict) or doc.get("schema_version") != 1:
        raise UserError(f"Baseline file {file_name}: expected schema_version 1")
    try:
        milestones = []
        for raw in doc["milestones"]:
            where = f"Baseline file {file_name}, milestone {raw.get('id')}"
            try:
                regex = re.compile(raw["pattern"])
            except re.error as exc:
                raise UserError(f"{where}: invalid pattern ({exc})") from exc
            if raw.get("area", "") not in ("A", "B", "C", "D", "E", ""):
                raise UserError(f"{where}: area must be A-E")
            milestones.append(Milestone(str(raw["id"]), Label(raw["title"]["en"], raw["title"]["ja"]),
                                        raw["pattern"], str(raw.get("tag", "")), str(raw.get("area", "")), regex))
        return Baseline(str(doc["name"]), Label(doc["title"]["en"], doc["title"]["ja"]), str(doc["vendor"]),
                        str(doc["platform"]), str(doc["symptom"]), tuple(milestones))
    except (KeyError, TypeError, AttributeError) as exc:
        raise UserError(f"Baseline file {file_name}: missing or malformed field ({exc})") from exc


def load_baselines() -> dict[str, Baseline]:
    """Every shipped baseline by name; raises ``UserError`` naming the file on bad data."""
    out: dict[str, Baseline] = {}
    for node in resource_files.iter_files("baselines", ".json"):
        baseline = _parse_baseline(node.read_text(encoding="utf-8"), node.name)
        out[baseline.name] = baseline
    return out


def _hit(milestone: Milestone, entry: Entry) -> bool:
    if milestone.tag and milestone.tag.lower() not in (entry.tag or "").lower():
        return False
    return milestone.regex.search((entry.message or "")[:MAX_MESSAGE]) is not None


def milestone_hits(entries: Iterable[Entry], baseline: Baseline) -> dict[str, int]:
    """Milestone id -> line number of the first entry that shows it (missing milestones are absent)."""
    hits: dict[str, int] = {}
    pending = list(baseline.milestones)
    for entry in entries:
        if not pending:
            break
        for milestone in list(pending):
            if _hit(milestone, entry):
                hits[milestone.id] = entry.line_no
                pending.remove(milestone)
    return hits


def first_missing(entries: Iterable[Entry], baseline: Baseline) -> Milestone | None:
    """The first milestone, in pipeline order, that the log never shows; None when all are there."""
    hits = milestone_hits(entries, baseline)
    return next((m for m in baseline.milestones if m.id not in hits), None)


def compare(baseline: Baseline, entries: Iterable[Entry]) -> dict:
    """Hits, missing milestone ids (in order) and the first missing one with its checklist area."""
    hits = milestone_hits(entries, baseline)
    missing = [m for m in baseline.milestones if m.id not in hits]
    first = {"id": missing[0].id, "area": missing[0].area} if missing else None
    return {"hits": hits, "missing": [m.id for m in missing], "first_missing": first}


_NORMALIZERS = [
    (re.compile(r"\b\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(?:[.,]\d+)?(?:Z|[+-]\d{2}:?\d{2})?"), "#"),
    (re.compile(r"\b\d{1,2}-\d{1,2} \d{2}:\d{2}:\d{2}(?:\.\d+)?"), "#"),
    (re.compile(r"\b\d{1,2}:\d{2}:\d{2}(?:[.,]\d+)?"), "#"),
    (re.compile(r"\b(pid|tid|uid|appid|callingUid|callingPid|userId)([=: ]\s*)\d+", re.IGNORECASE), r"\1\2#"),
    (re.compile(r"\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\b"), "#"),
    (re.compile(r"\b0x[0-9a-fA-F]+\b"), "#"),
    (re.compile(r"\b[0-9a-fA-F]{16,}\b"), "#"),
    (re.compile(r"\d{4,}"), "#"),
    (re.compile(r"\s+"), " "),
]


def normalize(message: str) -> str:
    """Strip what differs between runs (times, pids, hex ids, UUIDs, long numbers) so logs can be diffed."""
    text = (message or "")[:MAX_NORMALIZE]
    for regex, replacement in _NORMALIZERS:
        text = regex.sub(replacement, text)
    return text.strip()


def _distinct(messages: Iterable[str]) -> dict[str, None]:
    seen: dict[str, None] = {}
    for message in messages:
        if len(seen) >= MAX_DISTINCT:
            break
        seen.setdefault(normalize(message), None)
    return seen


def diff_normalized(left_messages: Iterable[str], right_messages: Iterable[str]) -> tuple[list[str], list[str]]:
    """Distinct normalised messages only in the left and only in the right, each in first-seen order."""
    left, right = _distinct(left_messages), _distinct(right_messages)
    only_left = [m for m in left if m not in right][:MAX_DIFF_ITEMS]
    only_right = [m for m in right if m not in left][:MAX_DIFF_ITEMS]
    return only_left, only_right
