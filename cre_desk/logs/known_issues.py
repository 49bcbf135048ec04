"""Known SDK bugs from the vendors' changelogs, matched against the SDK version a log shows.

"You are on 4.2.1; the crash in … was fixed in 4.2.3" is often the whole answer to a ticket. The data
lives in ``resources/known_issues/<vendor>-<platform>.json`` (one entry per changelog fix that a support
engineer would meet); this module finds SDK versions in a log and lists the fixes that came after them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from cre_desk import resource_files
from cre_desk.core.vocabulary import Label
from cre_desk.errors import UserError

SYMPTOMS = ("iam_not_shown", "push_not_delivered", "events_not_recorded", "other")
MAX_PER_VENDOR = 5
#: Where logs print SDK versions: (vendor, platform or "" for both, expression with the version in group 1).
VERSION_PATTERNS: tuple[tuple[str, str, re.Pattern], ...] = tuple(
    (vendor, platform, re.compile(expr)) for vendor, platform, expr in (
        ("braze", "android", r"\b(?:Braze|Appboy) v(\d+\.\d+\.\d+)\b"),
        ("braze", "ios", r"\bBraze (?:Swift )?SDK (?:version )?v?(\d+\.\d+\.\d+)\b|\bAppboy(?:-iOS-SDK| iOS SDK)"
                         r" v?(\d+\.\d+\.\d+)\b"),
        ("fiam", "ios", r"\b(\d+\.\d+\.\d+) - \[Firebase/?InAppMessaging\]"),
        ("fcm", "ios", r"\b(\d+\.\d+\.\d+) - \[Firebase/?Messaging\]"),
        ("appsflyer", "", r"\bAppsFlyer_(\d+\.\d+\.\d+)\b"),
        ("onesignal", "", r"\bOneSignal(?:SDK| SDK)?(?: version)?[ :/v]+(\d{1,2}\.\d+\.\d+)\b"),
        ("clevertap", "", r"\bCleverTap(?:SDK| SDK)?(?: version)?[ :/v]+(\d+\.\d+\.\d+)\b"),
        ("airship", "", r"\b(?:Airship|UrbanAirship)(?: SDK)?(?: version)?[ :/v]+(\d+\.\d+\.\d+)\b"),
        ("iterable", "", r"\bIterable(?:SDK| SDK)?(?: version)?[ :/v]+(\d+\.\d+\.\d+)\b"),
        ("customerio", "", r"\bCustomer\.?io(?: SDK)?(?: version)?[ :/v]+(\d+\.\d+\.\d+)\b"),
        ("mixpanel", "", r"\bMixpanel(?: SDK)?(?: version)?[ :/v]+(\d+\.\d+\.\d+)\b"),
        ("amplitude", "", r"\bAmplitude(?: SDK)?(?: version)?[ :/v]+(\d+\.\d+\.\d+)\b"),
    ))


@dataclass(frozen=True)
class KnownIssue:
    id: str
    vendor: str
    platform: str
    sdk: str
    fixed_in: str
    introduced_in: str
    symptom: str
    area: str
    summary: Label
    changelog: str
    source: str           # "owner/repository path"


@dataclass(frozen=True)
class SdkVersion:
    vendor: str
    platform: str
    version: str
    line: int             # 0-based line it was read from (-1: given by the ticket)


def parse_version(text: str) -> tuple[int, ...] | None:
    """``"30.1.1"`` → (30, 1, 1); pre-release suffixes are ignored; None when it is no version."""
    m = re.match(r"\s*v?(\d+(?:\.\d+){0,3})", text or "")
    if not m:
        return None
    parts = [int(p) for p in m.group(1).split(".")]
    return tuple(parts + [0] * (4 - len(parts)))


@lru_cache(maxsize=1)
def load() -> tuple[KnownIssue, ...]:
    issues: list[KnownIssue] = []
    seen: set[str] = set()
    for node in resource_files.iter_files("known_issues", ".json"):
        doc = resource_files.read_json("known_issues", node.name)
        where = f"Known issues {node.name}"
        if not isinstance(doc, dict) or doc.get("schema_version") != 1 or not isinstance(doc.get("issues"), list):
            raise UserError(f"{where}: expected schema_version 1 and an 'issues' list")
        vendor, platform = doc.get("vendor"), doc.get("platform")
        source = doc.get("source") or {}
        for raw in doc["issues"]:
            iid = raw.get("id")
            if not isinstance(iid, str) or iid in seen:
                raise UserError(f"{where}: missing or repeated id {iid!r}")
            seen.add(iid)
            if parse_version(raw.get("fixed_in", "")) is None or raw.get("symptom") not in SYMPTOMS:
                raise UserError(f"{where}, {iid}: needs a version in 'fixed_in' and a known 'symptom'")
            summary = raw.get("summary") or {}
            issues.append(KnownIssue(
                id=iid, vendor=vendor, platform=platform, sdk=doc.get("sdk", ""), fixed_in=raw["fixed_in"],
                introduced_in=raw.get("introduced_in") or "", symptom=raw["symptom"], area=raw.get("area") or "D",
                summary=Label(summary.get("en", ""), summary.get("ja", "")), changelog=raw.get("changelog", "")[:300],
                source=f"{source.get('repository', '')} {source.get('path', '')}".strip()))
    return tuple(issues)


@lru_cache(maxsize=1)
def _wording() -> dict[str, Label]:
    """How a known-issue finding reads, per language (``resources/known_issue_wording.json``)."""
    doc = resource_files.read_json("known_issue_wording.json")
    return {key: Label(text["en"], text["ja"]) for key, text in doc.items()}


def by_id(issue_id: str) -> KnownIssue | None:
    return next((issue for issue in load() if issue.id == issue_id), None)


def describe(issue: KnownIssue, version: str, language: str) -> tuple[str, str]:
    """(title, why) of the finding "``issue`` was fixed after the logged ``version``", in ``language``."""
    values = dict(sdk=issue.sdk or issue.vendor, fixed_in=issue.fixed_in, version=version,
                  summary=issue.summary.get(language) or issue.summary.en, source=issue.source)
    wording = _wording()
    return wording["title"].get(language).format(**values), wording["why"].get(language).format(**values)


def versions_in(lines: list[str], platform: str = "") -> list[SdkVersion]:
    """SDK versions the log prints (the first sighting of each vendor and version)."""
    found: dict[tuple[str, str], SdkVersion] = {}
    for number, text in enumerate(lines):
        if not any(ch.isdigit() for ch in text[:4000]):
            continue
        for vendor, plat, rx in VERSION_PATTERNS:
            if platform and plat and plat != platform:
                continue
            m = rx.search(text[:4000])
            if m:
                version = next(g for g in m.groups() if g)
                key = (vendor, version)
                if key not in found:
                    found[key] = SdkVersion(vendor, plat or platform, version, number)
    return list(found.values())


def applicable(version: SdkVersion, symptom: str | None = None, *, crashed: bool = False) -> list[KnownIssue]:
    """Fixes released after ``version`` for its vendor and platform that fit the ticket: its symptom's, and
    crash fixes ("other") only when the log shows a crash. Without a symptom or a crash nothing fits."""
    mine = parse_version(version.version)
    if mine is None:
        return []
    out = []
    for issue in load():
        if issue.vendor != version.vendor or (version.platform and issue.platform != version.platform):
            continue
        fixed = parse_version(issue.fixed_in)
        introduced = parse_version(issue.introduced_in) if issue.introduced_in else None
        if fixed is None or mine >= fixed or (introduced is not None and mine < introduced):
            continue
        if not ((symptom and issue.symptom == symptom) or (crashed and issue.symptom == "other")):
            continue
        out.append(issue)
    out.sort(key=lambda i: (i.symptom != symptom, parse_version(i.fixed_in)))
    return out[:MAX_PER_VENDOR]
