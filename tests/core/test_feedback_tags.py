"""Team and kind suggestions from what a ticket already knows, and how kinds relate to categories."""

from __future__ import annotations

import pytest

from cre_desk.core.feedback import (
    CATEGORY_KIND,
    DEFAULT_TEAMS,
    KIND_CATEGORY,
    Kind,
    TicketFacts,
    category_for,
    suggest,
)
from cre_desk.core.vocabulary import Category


def test_every_kind_refines_one_category_and_every_category_has_a_kind():
    assert set(KIND_CATEGORY) == set(Kind)
    assert set(CATEGORY_KIND) == set(Category)
    for category, kind in CATEGORY_KIND.items():
        assert KIND_CATEGORY[kind] == category  # category -> kind -> category is lossless
    with pytest.raises(ValueError):
        category_for("nonsense")


def test_push_symptom_and_confirmed_push_item_suggest_push_troubleshooting():
    facts = TicketFacts(
        symptom="push_not_delivered",
        category="troubleshooting",
        title="Pushes missing on Pixel",
        confirmed_items=(("e_notification_permission_channel", "E"),),
    )
    found = suggest(facts, DEFAULT_TEAMS)
    assert (found.team, found.kind) == ("push", Kind.TROUBLESHOOTING)
    assert any("e_notification_permission_channel" in r for r in found.reasons)


def test_confirmed_checklist_item_outweighs_the_symptom():
    facts = TicketFacts(
        symptom="iam_not_shown",
        category="troubleshooting",
        title="Modal never appears",
        confirmed_items=(("d_sdk_not_initialized", "D"),),
    )
    assert suggest(facts, DEFAULT_TEAMS).team == "sdk_platform"


def test_customer_set_up_cause_is_an_unclear_feature():
    facts = TicketFacts(
        symptom="iam_not_shown",
        category="troubleshooting",
        title="Campaign not showing",
        confirmed_items=(("b_frequency_cap", "B"),),
    )
    assert suggest(facts, DEFAULT_TEAMS).kind == Kind.UNCLEAR_FEATURE


def test_customer_words_reveal_hidden_and_missing_features():
    hidden = TicketFacts(
        symptom="how_to",
        category="spec_question",
        title="Quiet hours",
        asked="Is there a way to stop pushes at night? We didn't know where to look.",
    )
    assert suggest(hidden, DEFAULT_TEAMS).kind == Kind.HIDDEN_FEATURE
    japanese = TicketFacts(
        symptom="how_to",
        category="spec_question",
        title="配信時間",
        asked="夜間の配信を止める方法はありますか",
    )
    assert suggest(japanese, DEFAULT_TEAMS).kind == Kind.HIDDEN_FEATURE
    request = TicketFacts(
        symptom="other", category="feature_request", title="Dashboard CSV export of segments"
    )
    found = suggest(request, DEFAULT_TEAMS)
    assert (found.team, found.kind) == ("dashboard", Kind.MISSING_FEATURE)


def test_bug_category_wins_and_nothing_known_gives_no_team():
    assert suggest(TicketFacts(category="bug", title="x"), DEFAULT_TEAMS).kind == Kind.BUG
    assert suggest(TicketFacts(category="troubleshooting", title="Hello"), DEFAULT_TEAMS).team == ""
