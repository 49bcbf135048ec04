"""The shipped best-practice cards: complete in both languages and pointing at real checklist items."""

from __future__ import annotations

from cre_desk.core import best_practices, checklist, kb


def test_every_starter_card_is_complete_in_english_and_japanese():
    cards = best_practices.starter_cards()
    assert {c.feature for c in cards} == {"in_app_messages", "push", "events"}
    assert len({c.key for c in cards}) == len(cards)
    for card in cards:
        for language in ("en", "ja"):
            assert card.title[language].strip() and card.only_this[language].strip(), card.key
            for name in ("recommended", "pitfalls", "constraints"):
                assert getattr(card, name)[language], (card.key, name)
            for name in ("recommended", "pitfalls", "constraints"):
                assert len(getattr(card, name)["en"]) == len(getattr(card, name)["ja"]), (card.key, name)
        assert card.sources, card.key


def test_cards_name_only_checklist_items_that_exist():
    for card in best_practices.starter_cards():
        assert card.checklist_items, card.key
        for ref in card.checklist_items:
            symptom, item_key = ref.split("/", 1)
            template = checklist.template_for(symptom)
            assert template is not None, ref
            assert item_key in {item.key for item in template.items}, ref


def test_a_card_becomes_a_reviewed_best_practice_article_with_its_sections():
    card = next(c for c in best_practices.starter_cards() if c.key == "braze_triggered_iam")
    fields = card.article_fields("aki").validated()
    assert fields.kind == kb.ArticleKind.BEST_PRACTICE and fields.status == kb.ArticleStatus.REVIEWED
    assert "## What only this feature does" in fields.body_en and "## 使い始めの落とし穴" in fields.body_ja
    assert "1. " in fields.body_en
    assert best_practices.starter_key(fields.tags) == "braze_triggered_iam"
    assert "iam_not_shown/c_event_sent_via_api" in best_practices.explained_items(fields.tags)
    assert [c.key for c in best_practices.starter_for_item("iam_not_shown", "c_event_sent_via_api")] == [
        "braze_triggered_iam"]
