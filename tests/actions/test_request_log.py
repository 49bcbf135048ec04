"""'Request a log' on a real database: drafting changes nothing, sending moves the ticket to waiting."""

from __future__ import annotations

from cre_desk.actions.request_log import draft_for, mark_log_requested
from cre_desk.core.tickets import TicketFields
from cre_desk.core.vocabulary import PauseReason, Status


def test_the_request_waits_on_the_customer_for_their_log(service):
    ticket = service.create_ticket(TicketFields(title="Push never arrives", platform="android",
                                                sdk_name="Braze", symptom="push_not_delivered"))
    service.add_message(ticket.id, "プッシュ通知が届きません。", from_customer=True)
    ticket = service.get_ticket(ticket.id)
    request = draft_for(ticket)
    assert request.language == "ja" and "転送" in request.body   # the customer wrote Japanese; a marketer
    assert service.get_ticket(ticket.id).status == ticket.status   # drafting alone changes nothing
    after = mark_log_requested(service, ticket.id, request, actor="Aki", expected_version=ticket.version)
    assert after.status == Status.WAITING_CUSTOMER
    last = after.history[-1]
    assert last.pause_reason == PauseReason.CUSTOMER_LOG
    assert last.note == "Asked for a verbose log (braze, android)"
    assert draft_for(ticket, language="en", role="engineer").body.startswith("Hello,")
