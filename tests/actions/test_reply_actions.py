"""Reply actions: drafting with the log engine's rule texts, rebuilding around edits, posting once."""

from __future__ import annotations

import pytest

from cre_desk.actions import replies as reply_actions
from cre_desk.core import replies
from cre_desk.core.tickets import TicketFields
from cre_desk.integrations.http_errors import ReplyUncertain
from cre_desk.logs.rules import load_rules


@pytest.fixture
def ticket(service):
    return service.create_ticket(TicketFields(title="Coupon not shown", symptom="iam_not_shown"), actor="aki")


def test_the_draft_gets_the_texts_of_the_accepted_findings_rules(ticket):
    rule = next(r for r in load_rules() if r.id)
    inputs = reply_actions.reply_inputs(ticket, language="en", audience="engineer",
                                        accepted_findings=[(rule.id, ["a line"]), ("NO-SUCH-RULE", [])])
    assert set(inputs.finding_texts) == {rule.id}
    assert inputs.accepted_findings == ((rule.id, ("a line",)), ("NO-SUCH-RULE", ()))
    assert reply_actions.build_draft(inputs) == replies.draft(inputs)


def test_rebuilding_keeps_edited_parts_and_redrafts_an_emptied_one_on_request(ticket):
    inputs = reply_actions.reply_inputs(ticket, language="en", audience="engineer")
    first = reply_actions.build_draft(inputs)
    edited = replies.Reply(first.summary, "My own cause", "", first.developer_block)
    following = reply_actions.rebuild_draft(inputs, first, edited, explicit=False)
    assert following.merged.cause == "My own cause" and following.merged.fix == ""
    assert "cause" in following.kept
    asked = reply_actions.rebuild_draft(inputs, first, edited, explicit=True)
    assert asked.merged.cause == "My own cause" and asked.merged.fix == first.fix
    assert "fix" in asked.rewritten and "cause" not in asked.rewritten


class _Helpdesk:
    def __init__(self, *, lose_answer: bool) -> None:
        self.lose_answer, self.posted = lose_answer, []

    def post_reply(self, ticket_id, body, *, public, marker):
        self.posted.append((ticket_id, body, public))
        if self.lose_answer:
            raise ReplyUncertain("the answer was lost")
        return "m-1"

    def find_reply(self, ticket_id, marker):
        return None


def test_posting_records_the_sent_reply_and_starts_the_first_response_clock(service, ticket):
    helpdesk = _Helpdesk(lose_answer=False)
    result = reply_actions.post_reply(service, helpdesk, ticket.id, "7", "Hello", public=True,
                                      marker="cre-desk:test-ok", language="en", audience="engineer",
                                      channel="zendesk", actor="aki")
    assert result is not None and result.message_id == "m-1"
    sent = service.list_sent_replies(ticket.id)
    assert [(s.body, s.channel, s.external_id, s.sent_by) for s in sent] == [
        ("Hello", "zendesk", "m-1", "aki")]
    assert service.get_ticket(ticket.id).first_response_at is not None


def test_a_post_that_did_not_arrive_records_nothing(service, ticket):
    helpdesk = _Helpdesk(lose_answer=True)
    assert reply_actions.post_reply(service, helpdesk, ticket.id, "7", "Hello", public=False,
                                    marker="cre-desk:test-lost", language="en", audience="engineer",
                                    channel="zendesk", actor="aki") is None
    assert helpdesk.posted and service.list_sent_replies(ticket.id) == []
    assert service.get_ticket(ticket.id).first_response_at is None


def test_marking_sent_clears_only_the_draft_that_was_sent(service, ticket):
    draft = service.save_draft(ticket.id, language="en", audience="engineer", summary="s", cause="c", fix="f")
    newer = service.save_draft(ticket.id, language="en", audience="engineer", summary="s2", cause="c",
                               fix="f", expected_version=draft.version)
    reply_actions.mark_sent(service, ticket.id, "body", language="en", audience="engineer", actor="aki",
                            draft_version=draft.version)
    assert service.get_draft(ticket.id).version == newer.version
    reply_actions.mark_sent(service, ticket.id, "body", language="en", audience="engineer", actor="aki",
                            draft_version=newer.version)
    assert service.get_draft(ticket.id) is None
    assert len(service.list_sent_replies(ticket.id)) == 2
