"""Product-feedback tags: which product team owns a ticket's subject and what kind of conversation it is.

One model relates kinds and categories: every kind refines exactly one category (the category still drives
the resolution timers), so a ticket's category always follows from its kind and an old ticket's category
gives its kind without losing anything ("feature request" becomes "missing feature", and so on).

Suggestions are plain rules over what a ticket already knows (symptom, category, confirmed checklist items,
findings, the customer's words); the engineer confirms them in one click.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum

from cre_desk.core.vocabulary import Category, Label, Symptom


class Kind(StrEnum):
    BUG = "bug"
    MISSING_FEATURE = "missing_feature"
    UNCLEAR_FEATURE = "unclear_feature"
    HIDDEN_FEATURE = "hidden_feature"
    SPEC_QUESTION = "spec_question"
    TROUBLESHOOTING = "troubleshooting"


#: The category (timer target) each kind refines.
KIND_CATEGORY: dict[str, str] = {
    Kind.BUG: Category.BUG,
    Kind.MISSING_FEATURE: Category.FEATURE_REQUEST,
    Kind.UNCLEAR_FEATURE: Category.SPEC_QUESTION,
    Kind.HIDDEN_FEATURE: Category.SPEC_QUESTION,
    Kind.SPEC_QUESTION: Category.SPEC_QUESTION,
    Kind.TROUBLESHOOTING: Category.TROUBLESHOOTING,
}

#: The kind an existing category becomes when nothing finer is known (used by the 0007 migration too).
CATEGORY_KIND: dict[str, str] = {
    Category.BUG: Kind.BUG,
    Category.FEATURE_REQUEST: Kind.MISSING_FEATURE,
    Category.SPEC_QUESTION: Kind.SPEC_QUESTION,
    Category.TROUBLESHOOTING: Kind.TROUBLESHOOTING,
}

#: Kinds the customer-voice report groups as "confusions": the cheapest to remove (wording, hint, FAQ).
CONFUSION_KINDS = (Kind.UNCLEAR_FEATURE, Kind.HIDDEN_FEATURE)

KIND_LABELS: dict[str, Label] = {
    Kind.BUG: Label("Bug", "不具合"),
    Kind.MISSING_FEATURE: Label("Missing feature", "機能不足"),
    Kind.UNCLEAR_FEATURE: Label("Unclear feature", "分かりにくい機能"),
    Kind.HIDDEN_FEATURE: Label("Hidden feature", "知られていない機能"),
    Kind.SPEC_QUESTION: Label("Spec question", "仕様の質問"),
    Kind.TROUBLESHOOTING: Label("Troubleshooting / integration help", "トラブルシューティング・導入支援"),
}

#: Column headings where space is short (the dashboard's team x kind table).
KIND_SHORT_LABELS: dict[str, Label] = {
    Kind.BUG: Label("Bug", "不具合"),
    Kind.MISSING_FEATURE: Label("Missing", "機能不足"),
    Kind.UNCLEAR_FEATURE: Label("Unclear", "分かりにくい"),
    Kind.HIDDEN_FEATURE: Label("Hidden", "未認知"),
    Kind.SPEC_QUESTION: Label("Spec Q", "仕様質問"),
    Kind.TROUBLESHOOTING: Label("Help", "導入・調査"),
}

#: One-key shortcuts for confirming a kind on the Overview (1..6 in this order).
KIND_ORDER = (
    Kind.BUG,
    Kind.MISSING_FEATURE,
    Kind.UNCLEAR_FEATURE,
    Kind.HIDDEN_FEATURE,
    Kind.SPEC_QUESTION,
    Kind.TROUBLESHOOTING,
)


def kind_label(kind: str, language: str = "en", *, short: bool = False) -> str:
    found = (KIND_SHORT_LABELS if short else KIND_LABELS).get(kind)
    return found.get(language) if found else kind


def category_for(kind: str) -> str:
    """The category a kind implies; unknown kinds raise so bad data never reaches the timers."""
    try:
        return KIND_CATEGORY[Kind(kind)]
    except ValueError as exc:
        raise ValueError(f"unknown kind {kind!r}") from exc


def kind_for_category(category: str) -> str:
    return CATEGORY_KIND.get(category, Kind.TROUBLESHOOTING)


def kind_fits_category(kind: str, category: str) -> bool:
    return KIND_CATEGORY.get(kind) == category


@dataclass(frozen=True)
class ProductTeam:
    """A product team, and what belongs to it: symptoms, checklist items (key prefixes) and feature words."""

    key: str
    name: str
    name_ja: str = ""
    symptoms: tuple[str, ...] = ()
    checklist_items: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()
    position: int = 0

    def label(self, language: str = "en") -> str:
        return self.name_ja if language == "ja" and self.name_ja else self.name


#: The teams a new workspace starts with; a lead edits them (they are rows, not code).
DEFAULT_TEAMS: tuple[ProductTeam, ...] = (
    ProductTeam(
        "in_app_messaging",
        "In-app messaging",
        "アプリ内メッセージ",
        symptoms=(Symptom.IAM_NOT_SHOWN,),
        keywords=("in-app", "in app", "iam", "modal", "banner", "campaign", "アプリ内"),
        position=0,
    ),
    ProductTeam(
        "push",
        "Push",
        "プッシュ通知",
        symptoms=(Symptom.PUSH_NOT_DELIVERED,),
        checklist_items=("d_sender_id", "d_apns", "d_ios_push", "e_notification"),
        keywords=("push", "notification", "apns", "fcm", "token", "プッシュ", "通知"),
        position=1,
    ),
    ProductTeam(
        "events_profiles",
        "Events & profiles",
        "イベント・プロファイル",
        symptoms=(Symptom.EVENTS_NOT_RECORDED,),
        checklist_items=("b_wrong_user_identity", "c_event", "c_tracking", "a_name_mismatch"),
        keywords=("event", "attribute", "profile", "user id", "identity", "segment", "イベント", "属性"),
        position=2,
    ),
    ProductTeam(
        "sdk_platform",
        "SDK platform",
        "SDK基盤",
        checklist_items=("d_sdk_", "d_outdated_sdk", "d_min_sdk", "d_multiple_push_sdks"),
        keywords=(
            "sdk",
            "initialis",
            "initializ",
            "proguard",
            "gradle",
            "cocoapods",
            "crash",
            "swift package",
            "flutter",
            "react native",
            "unity",
        ),
        position=3,
    ),
    ProductTeam(
        "dashboard",
        "Dashboard",
        "管理画面",
        keywords=(
            "dashboard",
            "report",
            "export",
            "csv",
            "permission",
            "role",
            "login",
            "管理画面",
            "レポート",
        ),
        position=4,
    ),
)

_UNCLEAR = re.compile(
    r"confus|unclear|misunderst|not obvious|expected it to|thought it would|"
    r"分かりにく|わかりにく|紛らわし|誤解",
    re.IGNORECASE,
)
_HIDDEN = re.compile(
    r"didn'?t know|did not know|is there a way|is it possible to|can we somehow|"
    r"wasn'?t aware|知らなかった|方法はあります|できますか",
    re.IGNORECASE,
)
_MISSING = re.compile(
    r"\bwould like\b|feature request|please add|we need a way|support for|"
    r"機能を追加|対応予定|要望",
    re.IGNORECASE,
)
_BUG = re.compile(r"\bcrash|regression|exception|\bbug\b|broke|不具合|クラッシュ", re.IGNORECASE)


@dataclass(frozen=True)
class TicketFacts:
    """What a ticket knows that hints at its team and kind (plain values, gathered by the caller)."""

    symptom: str = ""
    category: str = ""
    title: str = ""
    asked: str = ""
    goal: str = ""
    sdk_name: str = ""
    confirmed_items: tuple[tuple[str, str], ...] = ()  # (item_key, area) of confirmed checklist items
    findings: tuple[str, ...] = ()  # rule ids or titles of log findings


@dataclass(frozen=True)
class Suggestion:
    team: str  # team key ("" when nothing points anywhere)
    kind: str
    reasons: tuple[str, ...] = field(default_factory=tuple)


def suggest(facts: TicketFacts, teams: tuple[ProductTeam, ...] | list[ProductTeam]) -> Suggestion:
    """The likeliest team and kind, with the reasons shown to the engineer next to the suggestion."""
    team, team_reasons = _suggest_team(facts, teams)
    kind, kind_reasons = _suggest_kind(facts)
    return Suggestion(team=team, kind=kind, reasons=tuple(team_reasons + kind_reasons))


def _suggest_team(facts: TicketFacts, teams) -> tuple[str, list[str]]:
    text = " ".join((facts.title, facts.asked, facts.goal, " ".join(facts.findings))).lower()
    best: tuple[int, int, str] = (0, 0, "")
    reasons: dict[str, list[str]] = {}
    for index, team in enumerate(teams):
        score = 0
        why: list[str] = []
        if facts.symptom and facts.symptom in team.symptoms:
            score += 3
            why.append(f"symptom {facts.symptom}")
        for key, _area in facts.confirmed_items:
            if any(key.startswith(prefix) for prefix in team.checklist_items if prefix):
                score += 5
                why.append(f"confirmed {key}")
        words = [w for w in team.keywords if w and w.lower() in text]
        if words:
            score += min(len(words), 3)
            why.append("words: " + ", ".join(words[:3]))
        reasons[team.key] = why
        if score > best[0]:
            best = (score, -index, team.key)
    key = best[2]
    return key, [f"team {key}: " + "; ".join(reasons[key])] if key else []


def _suggest_kind(facts: TicketFacts) -> tuple[str, list[str]]:
    words = " ".join((facts.title, facts.asked, facts.goal))
    areas = {area for _key, area in facts.confirmed_items}
    if facts.category == Category.BUG:
        return Kind.BUG, ["category is bug"]
    if facts.category == Category.FEATURE_REQUEST:
        return Kind.MISSING_FEATURE, ["category is feature request"]
    known_bug = [f for f in facts.findings if "known" in f.lower() or "bug" in f.lower()]
    if known_bug or ("D" in areas and _BUG.search(words)):
        return Kind.BUG, ["a finding or confirmed SDK item points at a defect"]
    if _HIDDEN.search(words):
        return Kind.HIDDEN_FEATURE, ["the customer asks for something that exists"]
    if _UNCLEAR.search(words):
        return Kind.UNCLEAR_FEATURE, ["the customer misread how a feature works"]
    if _MISSING.search(words):
        return Kind.MISSING_FEATURE, ["the customer asks for something new"]
    if areas & {"A", "B"} and facts.category != Category.SPEC_QUESTION:
        return Kind.UNCLEAR_FEATURE, ["the cause was the customer's own set-up (message or targeting)"]
    if facts.category == Category.SPEC_QUESTION or facts.symptom == Symptom.HOW_TO:
        return Kind.SPEC_QUESTION, ["a question about how the product works"]
    return Kind.TROUBLESHOOTING, ["troubleshooting or integration help"]
