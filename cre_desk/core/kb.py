"""The knowledge base: FAQ and best-practice articles, and what makes two tickets look alike.

A question answered fifty times should not look new the fifty-first time. Tickets and articles are
compared two ways: by their words (English words and Japanese character bigrams, weighted by rarity,
so it works without a Japanese tokenizer) and by their log fingerprint (the log findings and the
suspected checklist areas: the same findings in the same area usually mean the same cause). Every
suggestion says why it was made, so an engineer can trust or dismiss it at a glance.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

# The index lives in kb_index; callers know it as kb.TextIndex, kb.TextMatch and kb.readable.
from cre_desk.core.kb_index import TextIndex as TextIndex
from cre_desk.core.kb_index import TextMatch as TextMatch
from cre_desk.core.kb_index import readable as readable
from cre_desk.errors import UserError


class ArticleStatus(StrEnum):
    DRAFT = "draft"
    REVIEWED = "reviewed"
    PUBLISHED = "published"
    OUTDATED = "outdated"


class ArticleKind(StrEnum):
    FAQ = "faq"
    BEST_PRACTICE = "best_practice"


#: Articles worth suggesting while answering a ticket (a draft is not checked yet, an outdated one misleads).
SUGGESTED_STATUSES = frozenset({ArticleStatus.REVIEWED, ArticleStatus.PUBLISHED})


@dataclass(frozen=True)
class ArticleFields:
    """What an engineer edits on an article; text in English and Japanese."""

    title_en: str
    kind: str = ArticleKind.FAQ
    title_ja: str = ""
    body_en: str = ""
    body_ja: str = ""
    owner: str = ""
    status: str = ArticleStatus.DRAFT
    #: Free-form version ranges such as "Android SDK >= 30.0" ("" in the tuple never occurs).
    sdk_versions: tuple[str, ...] = ()
    #: Tags such as "symptom:iam_not_shown", "team:mobile", "kind:how_to".
    tags: tuple[str, ...] = ()
    ticket_ids: tuple[int, ...] = ()

    def validated(self) -> ArticleFields:
        """A clean copy, or a :class:`UserError` saying what is wrong in plain words."""
        if not (self.title_en.strip() or self.title_ja.strip()):
            raise UserError("An article needs a title in English or Japanese.")
        if self.status not in set(ArticleStatus):
            raise UserError(f"Unknown article status: {self.status!r}.")
        if self.kind not in set(ArticleKind):
            raise UserError(f"Unknown article kind: {self.kind!r}.")
        return ArticleFields(
            title_en=self.title_en.strip(),
            kind=self.kind,
            title_ja=self.title_ja.strip(),
            body_en=self.body_en.strip(),
            body_ja=self.body_ja.strip(),
            owner=self.owner.strip(),
            status=self.status,
            sdk_versions=_unique(self.sdk_versions),
            tags=_unique(self.tags),
            ticket_ids=tuple(sorted({int(t) for t in self.ticket_ids})),
        )

    def title(self, language: str) -> str:
        if language == "ja":
            return self.title_ja or self.title_en
        return self.title_en or self.title_ja

    def body(self, language: str) -> str:
        if language == "ja":
            return self.body_ja or self.body_en
        return self.body_en or self.body_ja


def _unique(values: Iterable[str]) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for value in values:
        value = " ".join(str(value).split())
        if value:
            seen.setdefault(value, None)
    return tuple(seen)


@dataclass(frozen=True)
class ArticleRecord:
    id: int
    fields: ArticleFields
    created_at: datetime
    updated_at: datetime
    published_at: datetime | None
    version: int
    remote_id: str = ""          # the help-center article id ("" until saved there)
    remote_url: str = ""
    remote_edited_at: str = ""   # the help-center edit time when this app last wrote it


# ------------------------------------------------------------------------------------------- text features

_CJK = r"\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f\uac00-\ud7af"
_TOKEN = re.compile(rf"[{_CJK}]+|[^\W_{_CJK}]+", re.UNICODE)
_CJK_RUN = re.compile(f"[{_CJK}]+")
#: Words that say nothing about what went wrong; dropping them keeps postings short and scores honest.
_STOP = frozenset(
    "a an and are as at be been but by can could did do does for from has have how i if in into is it its "
    "me my no not of on or our please so that the their them then there these they this to was we were "
    "what when which while who why will with would you your hello hi thanks thank regards dear "
    "also any just some after before still only very again about".split()
)
#: Japanese bigrams made only of kana particles and politeness endings carry no topic.
_JA_STOP = frozenset(
    "です ます ませ せん ござ ざい いま して てい いる おり りま ある のは には "
    "ので ても こと もの よう ください くだ ださ さい お願 願い いた たし しま".split()
)


def _stem(word: str) -> str:
    """A light English stem so "crashes", "crashed" and "crashing" meet (no stemmer dependency)."""
    for suffix in ("ing", "ed"):
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            return word[: -len(suffix)]
    if len(word) > 5 and word.endswith(("sses", "xes", "ches", "shes")):
        return word[:-2]                      # "crashes" -> "crash", but "phones" -> "phone"
    if len(word) > 4 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def text_terms(text: str) -> Counter[str]:
    """Count the terms of ``text``: stemmed English words, Japanese character bigrams."""
    counts: Counter[str] = Counter()
    text = unicodedata.normalize("NFKC", text or "").lower()
    for match in _TOKEN.finditer(text):
        token = match.group(0)
        if _CJK_RUN.fullmatch(token):
            if len(token) == 1:
                continue
            for i in range(len(token) - 1):
                gram = token[i : i + 2]
                if gram not in _JA_STOP:
                    counts[gram] += 1
        elif len(token) > 1 and token not in _STOP and not token.isdigit():
            counts[_stem(token)] += 1
    return counts


# ------------------------------------------------------------------------------------------- fingerprints


@dataclass(frozen=True)
class Fingerprint:
    """What a ticket's logs and checklist say: the log rules that fired and the suspected checklist items.

    ``areas`` hold "symptom/item_key" of confirmed or suspected checklist items and the symptom/item
    pairs that log analysis suspected.
    """

    rules: frozenset[str] = frozenset()
    areas: frozenset[str] = frozenset()

    def __bool__(self) -> bool:
        return bool(self.rules or self.areas)

    def merged(self, other: Fingerprint) -> Fingerprint:
        return Fingerprint(self.rules | other.rules, self.areas | other.areas)


def fingerprint_from_analysis(analysis_json: Mapping) -> Fingerprint:
    """The fingerprint of one log analysis (``Analysis.to_json()``): its findings and its top suspected area.

    Findings of an expected line that never came ("missing") are kept apart from lines that did appear.
    """
    rules = set()
    for finding in analysis_json.get("findings", ()):
        rule_id = str(finding.get("rule_id") or "")
        if rule_id:
            rules.add(("missing:" if finding.get("missing") else "") + rule_id)
    areas = set()
    ranked = [a for a in analysis_json.get("suspected_areas", ()) if float(a.get("score") or 0) > 0]
    if ranked:
        areas.add(f"area {ranked[0]['area']}")
    return Fingerprint(frozenset(rules), frozenset(areas))


def fingerprint_from_checklist(entries: Iterable) -> Fingerprint:
    """The confirmed and suspected checklist items of a ticket (``ChecklistEntry``), as areas."""
    areas = set()
    for entry in entries:
        if entry.verdict in ("confirmed", "suspected"):
            areas.add(f"{entry.symptom}/{entry.item_key}")
            if entry.area:
                areas.add(f"area {entry.area}")
    return Fingerprint(frozenset(), frozenset(areas))


@dataclass(frozen=True)
class FingerprintMatch:
    score: float
    rules: tuple[str, ...]
    areas: tuple[str, ...]


def compare_fingerprints(mine: Fingerprint, theirs: Fingerprint) -> FingerprintMatch | None:
    """How much two fingerprints agree (Jaccard, a finding weighs twice an area); None if nothing shared."""
    rules = mine.rules & theirs.rules
    areas = mine.areas & theirs.areas
    if not rules and not areas:
        return None
    union = 2 * len(mine.rules | theirs.rules) + len(mine.areas | theirs.areas)
    score = (2 * len(rules) + len(areas)) / union
    return FingerprintMatch(score, tuple(sorted(rules)), tuple(sorted(areas)))


# ------------------------------------------------------------------------------------------- suggestions


@dataclass(frozen=True)
class Reason:
    """Why something was suggested.

    ``kind`` is "text", "findings", "area" or "linked"; ``items`` are its evidence.
    """

    kind: str
    items: tuple[str, ...] = ()
    score: float = 0.0


@dataclass(frozen=True)
class Suggestion:
    kind: str  # "ticket" or "article"
    ref_id: int
    title: str
    score: float
    reasons: tuple[Reason, ...] = field(default_factory=tuple)
    status: str = ""  # the ticket's or the article's status
    title_ja: str = ""  # an article's Japanese title, shown when the interface is Japanese


#: The text score above which a document counts as a look-alike by words alone.
MIN_TEXT_SCORE = 0.12
#: Agreement of fingerprints above which a ticket counts as a look-alike by its logs alone.
MIN_FINGERPRINT_SCORE = 0.34


def combine(text: TextMatch | None, finger: FingerprintMatch | None) -> tuple[float, tuple[Reason, ...]]:
    """One score and the reasons from a text match and a fingerprint match (either may be missing)."""
    reasons: list[Reason] = []
    score = 0.0
    if text is not None and text.score >= MIN_TEXT_SCORE:
        score += text.score
        reasons.append(Reason("text", text.shared, round(text.score, 3)))
    if finger is not None and finger.score >= MIN_FINGERPRINT_SCORE:
        score += 0.8 * finger.score
        if finger.rules:
            reasons.append(Reason("findings", finger.rules, round(finger.score, 3)))
        if finger.areas:
            reasons.append(Reason("area", finger.areas, round(finger.score, 3)))
    return score, tuple(reasons)


def describe(reason: Reason) -> str:
    """The reason in plain English, for the CLI and logs (the GUI words it through its translations)."""
    items = ", ".join(reason.items)
    if reason.kind == "text":
        return f"similar words ({items})" if items else "similar words"
    if reason.kind == "findings":
        return f"same log findings ({items})"
    if reason.kind == "area":
        return f"same suspected area ({items})"
    if reason.kind == "linked":
        return f"covers similar ticket(s) {items}"
    if reason.kind == "this_ticket":
        return "linked to this ticket"
    return reason.kind


# ------------------------------------------------------------------------------------------- FAQ candidates


@dataclass(frozen=True)
class Candidate:
    """A group of similar resolved tickets no article covers yet: the article to write next."""

    ticket_ids: tuple[int, ...]
    titles: tuple[str, ...]
    top_terms: tuple[str, ...]


def group_similar(
    index: TextIndex,
    keys: Iterable[tuple[str, int]],
    counts: Mapping[tuple[str, int], Mapping],
    fingerprints: Mapping[int, Fingerprint] | None = None,
    threshold: float = 0.3,
) -> list[list[int]]:
    """Connected groups of tickets whose pairwise similarity passes ``threshold``, largest first."""
    keys = list(keys)
    fingerprints = fingerprints or {}
    allowed = frozenset(keys)
    parent = {key[1]: key[1] for key in keys}

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for key in keys:
        for match in index.query(counts[key], limit=20, kinds=frozenset({"ticket"}), min_score=threshold):
            if match.key != key and match.key in allowed:
                parent[find(key[1])] = find(match.key[1])
    by_fp: dict[Fingerprint, list[int]] = {}
    for key in keys:
        fp = fingerprints.get(key[1])
        if fp and fp.rules:
            by_fp.setdefault(Fingerprint(fp.rules, fp.areas), []).append(key[1])
    for members in by_fp.values():
        for other in members[1:]:
            parent[find(other)] = find(members[0])
    groups: dict[int, list[int]] = {}
    for key in keys:
        groups.setdefault(find(key[1]), []).append(key[1])
    return sorted((sorted(g) for g in groups.values() if len(g) > 1), key=lambda g: (-len(g), g[0]))


def top_terms(counts: Iterable[Mapping[str, int]], index: TextIndex, limit: int = 5) -> tuple[str, ...]:
    """The terms that best name a group: frequent in it, rare elsewhere."""
    total: Counter[str] = Counter()
    for c in counts:
        total.update({t: 1 for t in c})
    ranked = sorted(total, key=lambda t: (-total[t] * index.idf(t), t))
    return tuple(ranked[:limit])
