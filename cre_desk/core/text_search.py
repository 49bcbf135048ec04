"""Turns text and user queries into search tokens that work for English and Japanese alike.

Japanese has no spaces, so word tokenizers see a whole sentence as one token. Runs of CJK characters
are indexed as overlapping bigrams (the classic approach for CJK full-text search); a query's CJK run
becomes a phrase of the same bigrams, so 「表示されない」 finds tickets containing it.
"""

from __future__ import annotations

import re
import unicodedata

_CJK = (
    r"\u3040-\u30ff"  # hiragana, katakana
    r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"  # CJK ideographs
    r"\uff66-\uff9f"  # half-width katakana
    r"\uac00-\ud7af"  # hangul
)
_CJK_RUN = re.compile(f"[{_CJK}]+")
_WORD = re.compile(rf"[^\W_]+|[{_CJK}]+", re.UNICODE)
MAX_QUERY_TERMS = 12


def _bigrams(run: str) -> list[str]:
    if len(run) == 1:
        return [run]
    return [run[i : i + 2] for i in range(len(run) - 1)]


def index_text(text: str) -> str:
    """Rewrite ``text`` for indexing: CJK runs become space-separated bigrams, the rest is kept."""
    text = unicodedata.normalize("NFKC", text or "")
    return _CJK_RUN.sub(lambda m: " " + " ".join(_bigrams(m.group(0))) + " ", text)


def query_terms(query: str) -> list[list[str]]:
    """Split a user query into terms; each term is a list of tokens that must appear as a phrase."""
    query = unicodedata.normalize("NFKC", query or "").lower()
    terms: list[list[str]] = []
    for match in _WORD.finditer(query):
        token = match.group(0)
        terms.append(_bigrams(token) if _CJK_RUN.fullmatch(token) else [token])
        if len(terms) >= MAX_QUERY_TERMS:
            break
    return terms


def fts5_match(query: str) -> str | None:
    """Build a safe FTS5 MATCH expression (every term required; the last one as a prefix)."""
    terms = query_terms(query)
    if not terms:
        return None
    parts = []
    for index, tokens in enumerate(terms):
        phrase = " ".join(tokens).replace('"', '""')
        last = index == len(terms) - 1
        # A single CJK character or the word being typed matches as a prefix.
        parts.append(f'"{phrase}"*' if last or (len(tokens) == 1 and _CJK_RUN.fullmatch(tokens[0])) else f'"{phrase}"')
    return " AND ".join(parts)


def tsquery(query: str) -> str | None:
    """Build a PostgreSQL ``to_tsquery('simple', …)`` string with the same meaning as :func:`fts5_match`."""
    terms = query_terms(query)
    if not terms:
        return None
    parts = []
    for index, tokens in enumerate(terms):
        cleaned = [re.sub(r"[^\w]", "", t) for t in tokens]
        cleaned = [t for t in cleaned if t]
        if not cleaned:
            continue
        if index == len(terms) - 1:
            cleaned[-1] += ":*"
        parts.append("(" + " <-> ".join(cleaned) + ")")
    return " & ".join(parts) if parts else None
