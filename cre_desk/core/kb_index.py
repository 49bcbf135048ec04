"""The in-memory similarity index behind "similar tickets and articles", fast at 100,000 documents.

A newly opened ticket must get its look-alikes within 100 ms among 100,000 tickets and 10,000 articles.
Scoring term by term in Python dictionaries took most of that budget alone, so each term's postings are
kept as packed arrays (document slot, weight of the term in it) that numpy adds up in one pass per term,
and each document's norm is kept in an array beside them. Updates stay cheap: a changed document gets a
new slot and its old slot is only marked dead; the postings are compacted once dead slots pile up.
"""

from __future__ import annotations

import math
import re
from array import array
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import numpy as np

Key = tuple[str, int]

_CJK = r"\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f\uac00-\ud7af"
_CJK_RUN = re.compile(f"[{_CJK}]+")


@dataclass(frozen=True)
class TextMatch:
    key: Key
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
    #: Dead slots (replaced or removed documents) tolerated before the postings are rebuilt.
    DEAD_SHARE = 0.25
    DEAD_FLOOR = 2000

    def __init__(self) -> None:
        self._slot: dict[Key, int] = {}
        self._keys: list[Key | None] = []            # per slot; None once dead
        self._counts: list[dict[str, int] | None] = []
        self._inv_norm = array("d")                   # per slot; 0.0 once dead
        self._kind = array("b")                       # per slot: code of the key's kind
        self._kind_codes: dict[str, int] = {}
        self._postings: dict[str, tuple[array, array]] = {}  # term -> (slots, 1 + log(count))
        self._df: dict[str, int] = {}                 # live documents holding each term
        self._normed_at = 0

    def __len__(self) -> int:
        return len(self._slot)

    def __contains__(self, key: Key) -> bool:
        return key in self._slot

    def counts(self, key: Key) -> Mapping[str, int]:
        """The term counts of a document ({} if it is not indexed)."""
        slot = self._slot.get(key)
        return (self._counts[slot] or {}) if slot is not None else {}

    def idf(self, term: str) -> float:
        return math.log(1 + len(self._slot) / (1 + self._df.get(term, 0)))

    def _norm(self, counts: Mapping[str, int]) -> float:
        return math.sqrt(sum(((1 + math.log(c)) * self.idf(t)) ** 2 for t, c in counts.items())) or 1.0

    def put(self, key: Key, counts: Mapping[str, int], *, renorm: bool = True) -> None:
        """Add or replace a document; a bulk load passes ``renorm=False``, then calls :meth:`renorm`."""
        self.remove(key, compact=False)
        slot = len(self._keys)
        doc = {t: int(c) for t, c in counts.items() if c > 0}
        self._slot[key] = slot
        self._keys.append(key)
        self._counts.append(doc)
        self._kind.append(self._kind_codes.setdefault(key[0], len(self._kind_codes)))
        df = self._df
        for term, count in doc.items():
            posting = self._postings.get(term)
            if posting is None:
                posting = self._postings[term] = (array("i"), array("d"))
            posting[0].append(slot)
            posting[1].append(1 + math.log(count))
            df[term] = df.get(term, 0) + 1
        self._inv_norm.append(1.0 / self._norm(doc) if renorm else 1.0)
        if renorm:
            self._maybe_renorm()

    def put_many(self, docs: Iterable[tuple[Key, Mapping[str, int]]]) -> None:
        """Add or replace many documents at once (loading the index), then recompute every norm.

        The postings of all documents are grouped by term with numpy instead of one append per term and
        document: loading 110,000 documents is several times faster than calling :meth:`put` for each.
        """
        terms: list[str] = []
        counts: list[int] = []
        slots: list[int] = []
        for key, doc_counts in docs:
            self.remove(key, compact=False)
            doc = dict(doc_counts)
            if doc and min(doc.values()) <= 0:
                doc = {t: c for t, c in doc.items() if c > 0}
            slot = len(self._keys)
            self._slot[key] = slot
            self._keys.append(key)
            self._counts.append(doc)
            self._kind.append(self._kind_codes.setdefault(key[0], len(self._kind_codes)))
            self._inv_norm.append(1.0)
            terms.extend(doc)
            counts.extend(doc.values())
            slots.extend([slot] * len(doc))
        if terms:
            ids: dict[str, int] = {}
            term_ids = np.fromiter((ids.setdefault(t, len(ids)) for t in terms), dtype=np.int64,
                                   count=len(terms))
            order = np.argsort(term_ids, kind="stable")
            sorted_ids = term_ids[order]
            slot_arr = np.asarray(slots, dtype=np.int32)[order]
            weight_arr = 1.0 + np.log(np.asarray(counts, dtype=np.float64)[order])
            bounds = np.flatnonzero(np.diff(sorted_ids)) + 1
            starts = np.concatenate(([0], bounds))
            ends = np.concatenate((bounds, [len(sorted_ids)]))
            names = list(ids)
            df = self._df
            for start, end in zip(starts.tolist(), ends.tolist(), strict=True):
                term = names[int(sorted_ids[start])]
                posting = self._postings.get(term)
                if posting is None:
                    posting = self._postings[term] = (array("i"), array("d"))
                posting[0].frombytes(slot_arr[start:end].tobytes())
                posting[1].frombytes(weight_arr[start:end].tobytes())
                df[term] = df.get(term, 0) + (end - start)
        self.renorm()

    def remove(self, key: Key, *, compact: bool = True) -> None:
        slot = self._slot.pop(key, None)
        if slot is None:
            return
        doc = self._counts[slot] or {}
        for term in doc:
            left = self._df[term] - 1
            if left:
                self._df[term] = left
            else:
                del self._df[term]
        self._keys[slot] = None
        self._counts[slot] = None
        self._inv_norm[slot] = 0.0
        if compact:
            self._maybe_compact()

    def _maybe_compact(self) -> None:
        dead = len(self._keys) - len(self._slot)
        if dead > max(self.DEAD_FLOOR, self.DEAD_SHARE * len(self._slot)):
            self._compact()

    def _compact(self) -> None:
        """Rebuild the postings from live documents only (slots renumbered, norms kept)."""
        rows = zip(self._keys, self._counts, self._inv_norm, strict=True)
        live = [(key, doc, norm) for key, doc, norm in rows if key is not None]
        self.__init__()  # type: ignore[misc]
        for key, doc, _ in live:
            self.put(key, doc or {}, renorm=False)
        self._inv_norm = array("d", (norm for _, _, norm in live))
        self._normed_at = len(self._slot)

    def _maybe_renorm(self) -> None:
        size = len(self._slot)
        if abs(size - self._normed_at) > max(10, self._normed_at // 10):
            self.renorm()
        self._maybe_compact()

    def renorm(self) -> None:
        """Recompute every document's norm with the idf of now (vectorised: one pass over all postings)."""
        self._maybe_compact()
        slots_count = len(self._keys)
        if not self._postings:
            self._normed_at = len(self._slot)
            return
        terms = list(self._postings)
        idf = np.fromiter((self.idf(t) for t in terms), dtype=np.float64, count=len(terms))
        lengths = np.fromiter((len(self._postings[t][0]) for t in terms), dtype=np.int64, count=len(terms))
        slots = np.concatenate([np.frombuffer(self._postings[t][0], dtype=np.int32) for t in terms])
        weights = np.concatenate([np.frombuffer(self._postings[t][1], dtype=np.float64) for t in terms])
        weights = weights * np.repeat(idf, lengths)
        squares = np.bincount(slots, weights=weights * weights, minlength=slots_count)
        alive = np.frombuffer(self._inv_norm, dtype=np.float64) > 0
        norms = np.sqrt(squares)
        norms[norms == 0] = 1.0
        inv = np.where(alive, 1.0 / norms, 0.0)
        self._inv_norm = array("d", inv.tobytes())
        self._normed_at = len(self._slot)

    def query(
        self,
        counts: Mapping[str, int],
        *,
        limit: int = 10,
        kinds: frozenset[str] | None = None,
        exclude: frozenset[Key] = frozenset(),
        min_score: float = 0.0,
    ) -> list[TextMatch]:
        """The documents most like ``counts``, best first, with the terms they share."""
        if not counts or not self._slot:
            return []
        too_common = max(self.COMMON_SHARE * len(self._slot), self.COMMON_FLOOR)
        weights = {}
        for term, count in counts.items():
            df = self._df.get(term, 0)
            if count > 0 and df and df <= too_common:
                weights[term] = (1 + math.log(count)) * self.idf(term)
        if not weights:
            return []
        if len(weights) > self.QUERY_TERMS:
            weights = dict(sorted(weights.items(), key=lambda item: -item[1])[: self.QUERY_TERMS])
        qnorm = self._norm({t: c for t, c in counts.items() if c > 0})
        scores = np.zeros(len(self._keys), dtype=np.float64)
        for term, qweight in weights.items():
            slots, tf = self._postings[term]
            scores[np.frombuffer(slots, dtype=np.int32)] += np.frombuffer(tf, dtype=np.float64) * (
                qweight * self.idf(term))
        scores *= np.frombuffer(self._inv_norm, dtype=np.float64)
        scores /= qnorm
        if kinds is not None:
            codes = [self._kind_codes[k] for k in kinds if k in self._kind_codes]
            scores[~np.isin(np.frombuffer(self._kind, dtype=np.int8), codes)] = 0.0
        for key in exclude:
            slot = self._slot.get(key)
            if slot is not None:
                scores[slot] = 0.0
        found = np.flatnonzero(scores >= max(min_score, 1e-12))
        if len(found) > limit:
            # Keep every document scoring at least the limit-th best (ties included), then order exactly.
            kth = np.partition(scores[found], len(found) - limit)[len(found) - limit]
            found = found[scores[found] >= kth]
        ranked = sorted(((float(scores[s]), self._keys[s]) for s in found),
                        key=lambda item: (-item[0], item[1]))
        matches = []
        for score, key in ranked[:limit]:
            assert key is not None
            doc = self._counts[self._slot[key]] or {}
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


def keys_of(index: TextIndex, keys: Iterable[Key]) -> dict[Key, Mapping[str, int]]:
    """The term counts of ``keys`` that are indexed, for callers that group documents."""
    return {key: index.counts(key) for key in keys if key in index}
