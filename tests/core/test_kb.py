"""Knowledge-base text features, the similarity index and fingerprints, without a database."""

from __future__ import annotations

from cre_desk.core import kb


def test_japanese_runs_become_bigrams_even_after_digits():
    terms = kb.text_terms("Android 13でプッシュ通知が届かない")
    assert "android" in terms and "通知" in terms and "プッ" in terms
    assert not any(t.startswith("13") for t in terms)


def test_english_words_are_stemmed_and_stop_words_dropped():
    terms = kb.text_terms("The app crashes; it crashed while crashing")
    assert terms["crash"] == 3 and "the" not in terms and "it" not in terms


def test_index_ranks_closer_text_first_and_names_shared_terms():
    index = kb.TextIndex()
    index.put(("ticket", 1), kb.text_terms("push notification not delivered on android"))
    index.put(("ticket", 2), kb.text_terms("in-app message not shown"))
    index.put(("article", 3), kb.text_terms("android push notification permission"))
    matches = index.query(kb.text_terms("android push notification missing"), limit=5)
    assert [m.key for m in matches][:2] in ([("ticket", 1), ("article", 3)], [("article", 3), ("ticket", 1)])
    assert ("ticket", 2) not in [m.key for m in matches]
    assert set(matches[0].shared) >= {"push", "notification", "android"} - {"missing"} or matches[0].shared
    index.remove(("ticket", 1))
    assert [m.key for m in index.query(kb.text_terms("push"), kinds=frozenset({"ticket"}))] == []


def test_fingerprints_compare_findings_above_areas():
    a = kb.Fingerprint(frozenset({"r1", "r2"}), frozenset({"area C"}))
    b = kb.Fingerprint(frozenset({"r1"}), frozenset({"area C"}))
    c = kb.Fingerprint(frozenset(), frozenset({"area C"}))
    assert kb.compare_fingerprints(a, b).score > kb.compare_fingerprints(a, c).score
    assert kb.compare_fingerprints(a, kb.Fingerprint(frozenset({"r9"}))) is None


def test_fingerprint_from_analysis_keeps_missing_apart_and_the_top_area():
    fp = kb.fingerprint_from_analysis(
        {
            "findings": [{"rule_id": "x", "missing": True}, {"rule_id": "y", "missing": False}],
            "suspected_areas": [{"area": "D", "score": 3}, {"area": "B", "score": 1}],
        }
    )
    assert fp.rules == {"missing:x", "y"} and fp.areas == {"area D"}
    assert not kb.fingerprint_from_analysis({"findings": [], "suspected_areas": [{"area": "A", "score": 0}]})


def test_shared_japanese_bigrams_read_as_words():
    assert kb.readable(["通知", "プッ", "ッシ", "シュ", "android"]) == ["通知", "プッシュ", "android"]
    assert kb.readable(["push", "token"]) == ["push", "token"]


def test_stems_keep_words_readable():
    assert [kb._stem(w) for w in ("phones", "crashes", "messages", "pushes", "status", "showing")] == [
        "phone", "crash", "message", "push", "status", "show"]
