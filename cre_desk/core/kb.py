"""The knowledge base: FAQ and best-practice articles, and what makes two tickets look alike.

A question answered fifty times should not look new the fifty-first time. Tickets and articles are
compared two ways: by their words (English words and Japanese character bigrams, weighted by rarity,
so it works without a Japanese tokenizer) and by their log fingerprint (the log findings and the
suspected checklist areas: the same findings in the same area usually mean the same cause). Every
suggestion says why it was made, so an engineer can trust or dismiss it at a glance.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

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


@dataclass
class _Doc:
    counts: dict[str, int]
    norm: float = 0.0


@dataclass(frozen=True)
class TextMatch:
    key: tuple[str, int]
    score: float
    shared: tuple[str, ...]  # the terms that weighed most in the match, best first


class TextIndex:
    """Cosine similarity of tf-idf vectors over an inverted index, kept in memory and updated in place.

    Document norms use the idf of when they were computed; they are recomputed when the collection has
    grown or shrunk by a tenth since, which keeps adding one ticket cheap and the scores stable.
    """

    #: Terms found in more than this share of documents (and in more than ``COMMON_FLOOR``) are skipped at
    #: query time: they match a large part of the collection and barely move a score.
    COMMON_SHARE = 0.1
    COMMON_FLOOR = 500
    #: Only the query's most telling terms are looked up; a long ticket's tail of words changes little.
    QUERY_TERMS = 40

    def __init__(self) -> None:
        self._docs: dict[tuple[str, int], _Doc] = {}
        self._postings: dict[str, dict[tuple[str, int], int]] = {}
        self._normed_at = 0

    def __len__(self) -> int:
        return len(self._docs)

    def __contains__(self, key: tuple[str, int]) -> bool:
        return key in self._docs

    def idf(self, term: str) -> float:
        return math.log(1 + len(self._docs) / (1 + len(self._postings.get(term, ()))))

    def _norm(self, counts: Mapping[str, int]) -> float:
        return math.sqrt(sum(((1 + math.log(c)) * self.idf(t)) ** 2 for t, c in counts.items())) or 1.0

    def put(self, key: tuple[str, int], counts: Mapping[str, int], *, renorm: bool = True) -> None:
        """Add or replace a document; a bulk load passes ``renorm=False``, then calls :meth:`renorm`."""
        self.remove(key)
        doc = _Doc(dict(counts))
        self._docs[key] = doc
        for term, count in doc.counts.items():
            self._postings.setdefault(term, {})[key] = count
        doc.norm = self._norm(doc.counts)
        if renorm:
            self._maybe_renorm()

    def remove(self, key: tuple[str, int]) -> None:
        doc = self._docs.pop(key, None)
        if doc is None:
            return
        for term in doc.counts:
            posting = self._postings.get(term)
            if posting is not None:
                posting.pop(key, None)
                if not posting:
                    del self._postings[term]

    def _maybe_renorm(self) -> None:
        size = len(self._docs)
        if abs(size - self._normed_at) > max(10, self._normed_at // 10):
            self.renorm()

    def renorm(self) -> None:
        for doc in self._docs.values():
            doc.norm = self._norm(doc.counts)
        self._normed_at = len(self._docs)

    def query(
        self,
        counts: Mapping[str, int],
        *,
        limit: int = 10,
        kinds: frozenset[str] | None = None,
        exclude: frozenset[tuple[str, int]] = frozenset(),
        min_score: float = 0.0,
    ) -> list[TextMatch]:
        """The documents most like ``counts``, best first, with the terms they share."""
        if not counts or not self._docs:
            return []
        too_common = max(self.COMMON_SHARE * len(self._docs), self.COMMON_FLOOR)
        weights = {}
        for term, count in counts.items():
            posting = self._postings.get(term)
            if posting and len(posting) <= too_common:
                weights[term] = (1 + math.log(count)) * self.idf(term)
        if len(weights) > self.QUERY_TERMS:
            weights = dict(sorted(weights.items(), key=lambda item: -item[1])[: self.QUERY_TERMS])
        qnorm = self._norm(counts)
        scores: dict[tuple[str, int], float] = {}
        get = scores.get
        log = math.log
        for term, qweight in weights.items():
            factor = qweight * self.idf(term)
            for key, count in self._postings[term].items():
                scores[key] = get(key, 0.0) + factor * (1 + log(count))
        ranked = []
        for key, raw in scores.items():
            if key in exclude or (kinds is not None and key[0] not in kinds):
                continue
            score = raw / (qnorm * self._docs[key].norm)
            if score >= min_score:
                ranked.append((score, key))
        ranked.sort(key=lambda item: (-item[0], item[1]))
        matches = []
        for score, key in ranked[:limit]:
            doc = self._docs[key].counts
            shared = sorted((t for t in weights if t in doc), key=lambda t: -weights[t])
            matches.append(TextMatch(key, min(score, 1.0), tuple(readable(shared)[:5])))
        return matches


def readable(terms: list[str]) -> list[str]:
    """Shared terms as a person reads them: Japanese bigrams that chain ("プッ", "ッシ", "シュ") become one
    word ("プッシュ"); the order of the first term of each word is kept."""
    cjk = [t for t in terms if len(t) == 2 and _CJK_RUN.fullmatch(t)]
    by_first: dict[str, list[str]] = {}
    for term in cjk:
        by_first.setdefault(term[0], []).append(term)
    has_prev = {t for t in cjk if any(o != t and o[1] == t[0] for o in cjk)}
    words: dict[str, str] = {}
    used: set[str] = set()
    for term in cjk:
        if term in has_prev or term in used:
            continue
        word, last = term, term
        used.add(term)
        while True:
            nxt = next((n for n in by_first.get(last[1], []) if n not in used), None)
            if nxt is None:
                break
            used.add(nxt)
            word, last = word + nxt[1], nxt
        words[term] = word
    out: list[str] = []
    for term in terms:
        if term in words:
            out.append(words[term])
        elif term not in used and (term not in has_prev or term not in cjk):
            out.append(term)
    return out


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
