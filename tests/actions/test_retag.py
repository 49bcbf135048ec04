"""Bulk re-tagging from the queue: the confirmation's count, team and kind set on many tickets at once, the
category following a kind of another category, and a ticket deleted meanwhile named but not blocking."""

from __future__ import annotations

import pytest

from cre_desk.actions.retag import plan_retag, retag_tickets
from cre_desk.core.tickets import TicketFields
from cre_desk.db.feedback import FeedbackStore
from cre_desk.errors import UserError


@pytest.fixture
def tickets(service):
    made = [
        service.create_ticket(TicketFields(title=title, customer="Acme", category=category), actor="aki")
        for title, category in (
            ("Quiet hours please", "feature_request"),
            ("Frequency cap does not do what I thought", "feature_request"),
            ("Crash on launch", "bug"),
        )
    ]
    return [t.id for t in made]


def test_team_for_all_keeps_each_kind_and_counts_only_real_changes(service, tickets):
    store = FeedbackStore(service.db)
    store.confirm(tickets[2], team="push", kind="bug", actor="aki")
    plan = plan_retag(store, tickets, team="push")
    assert plan.changing == (tickets[0], tickets[1])  # the third is already push / bug, confirmed
    assert plan.new_category == ()
    result = retag_tickets(service, store, plan, actor="mei")
    assert result.changed == (tickets[0], tickets[1]) and result.failed == ()
    tags = [store.tag_of(t) for t in tickets]
    assert [(t.team, t.kind, t.confirmed) for t in tags] == [
        ("push", "missing_feature", True),
        ("push", "missing_feature", True),
        ("push", "bug", True),
    ]
    assert tags[0].confirmed_by == "mei"
    assert plan_retag(store, tickets, team="push").changing == ()


def test_a_kind_of_another_category_changes_the_category_first(service, tickets):
    store = FeedbackStore(service.db)
    plan = plan_retag(store, tickets[:2], kind="unclear_feature", team="in_app_messaging")
    assert plan.new_category == tuple(tickets[:2])
    result = retag_tickets(service, store, plan, actor="mei")
    assert result.changed == tuple(tickets[:2])
    for ticket_id in tickets[:2]:
        assert service.get_ticket(ticket_id).fields.category == "spec_question"
        tag = store.tag_of(ticket_id)
        assert (tag.team, tag.kind, tag.confirmed) == ("in_app_messaging", "unclear_feature", True)
    assert service.get_ticket(tickets[2]).fields.category == "bug"


def test_a_ticket_deleted_meanwhile_is_named_and_the_others_change(service, tickets):
    store = FeedbackStore(service.db)
    plan = plan_retag(store, tickets, kind="bug")
    service.delete_ticket(tickets[0])
    result = retag_tickets(service, store, plan)
    assert result.changed == (tickets[1], tickets[2])
    assert [t for t, _why in result.failed] == [tickets[0]]
    assert "no longer exists" in result.failed[0][1]


def test_nothing_chosen_or_an_unknown_team_is_refused(service, tickets):
    store = FeedbackStore(service.db)
    with pytest.raises(UserError):
        plan_retag(store, tickets)
    with pytest.raises(UserError, match="no product team"):
        plan_retag(store, tickets, team="billing")
