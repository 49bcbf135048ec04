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


def test_index_after_many_replacements_ranks_like_a_fresh_one():
    """Replaced and removed documents leave dead slots that are compacted away; results must not change."""
    texts = [f"push token {w} android delivery {i % 7} 通知{i % 3}" for i, w in enumerate(
        ["firebase", "apns", "silent", "badge", "sound", "channel", "priority", "doze"] * 5)]
    churned = kb.TextIndex()
    churned.DEAD_FLOOR = 5
    for round_ in range(4):
        for i, text in enumerate(texts):
            churned.put(("ticket", i), kb.text_terms(f"{text} round{round_}" if round_ < 3 else text))
    for i in range(0, len(texts), 4):
        churned.remove(("ticket", i))
    churned.put(("article", 1), kb.text_terms("apns badge sound on iOS"))
    churned.renorm()
    fresh = kb.TextIndex()
    for i, text in enumerate(texts):
        if i % 4:
            fresh.put(("ticket", i), kb.text_terms(text), renorm=False)
    fresh.put(("article", 1), kb.text_terms("apns badge sound on iOS"), renorm=False)
    fresh.renorm()
    assert len(churned) == len(fresh)
    for query in ("apns badge", "firebase doze 通知1", "silent channel priority android"):
        got = churned.query(kb.text_terms(query), limit=6)
        want = fresh.query(kb.text_terms(query), limit=6)
        assert [(m.key, round(m.score, 9), m.shared) for m in got] == [
            (m.key, round(m.score, 9), m.shared) for m in want]
        assert all(m.key[1] % 4 for m in got if m.key[0] == "ticket")  # removed tickets never come back
    before = churned.query(kb.text_terms("firebase doze 通知1"), limit=6)
    for i in range(8):  # enough dead slots to compact again: the norms must survive it
        churned.put(("ticket", 100 + i), kb.text_terms("temporary text"))
        churned.remove(("ticket", 100 + i))
    assert len(churned._keys) < len(churned) + 8  # compacted on the way
    assert churned.query(kb.text_terms("firebase doze 通知1"), limit=6) == before
    only_articles = churned.query(kb.text_terms("apns badge"), kinds=frozenset({"article"}))
    assert [m.key for m in only_articles] == [("article", 1)]


def test_loading_many_documents_at_once_ranks_like_adding_them_one_by_one():
    texts = {("ticket", i): kb.text_terms(f"push token {w} {w * (i % 3)} android {i % 5} 通知{i % 3}")
             for i, w in enumerate(["firebase ", "apns ", "silent ", "badge ", "sound ", "channel ",
                                    "priority ", "doze "] * 4)}
    texts[("article", 1)] = kb.text_terms("apns badge sound on iOS")
    one_by_one = kb.TextIndex()
    for key, counts in texts.items():
        one_by_one.put(key, counts, renorm=False)
    one_by_one.renorm()
    at_once = kb.TextIndex()
    at_once.put(("ticket", 0), kb.text_terms("an older text of ticket 0, replaced by the load"))
    at_once.put_many(list(texts.items()))
    assert len(at_once) == len(one_by_one)
    for query in ("apns badge", "firebase doze 通知1", "silent channel android"):
        got = at_once.query(kb.text_terms(query), limit=8)
        want = one_by_one.query(kb.text_terms(query), limit=8)
        assert [(m.key, round(m.score, 9), m.shared) for m in got] == [
            (m.key, round(m.score, 9), m.shared) for m in want]
    assert not at_once.query(kb.text_terms("older replaced"))
