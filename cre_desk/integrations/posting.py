"""Posting a reply to the helpdesk exactly once, with nothing added to what the customer reads.

Each reply carries a reference (``new_marker``) that the provider keeps out of sight: Zendesk stores it
in the update's audit metadata, Intercom (which has no hidden field) matches the reply by its text, its
admin and its time. When the helpdesk's answer is lost (connection dropped after the request went
out) the ticket is checked for that reference. Any later attempt with the same reference checks the
ticket again before posting, because a server may commit a reply just after dropping the connection:
a reply is never re-sent blindly and never posted twice.
"""

from __future__ import annotations

import threading
import uuid
from dataclasses import dataclass

from cre_desk.integrations.http_errors import ReplyUncertain


@dataclass(frozen=True)
class PostResult:
    message_id: str | None      # the helpdesk's id of the posted comment; None when it was not posted
    reconciled: bool            # True when the id came from checking the ticket after a lost answer


def new_marker() -> str:
    return f"cre-desk:{uuid.uuid4().hex}"


#: Replies this process sent, by reference: None while the outcome is unknown or "not found yet", the
#: helpdesk's message id once confirmed. Guarded by ``_lock``; a reference is only ever reused for a retry
#: of the same reply.
_outcomes: dict[str, str | None] = {}
_lock = threading.Lock()


def post_once(provider, ticket_external_id: str, body: str, *, public: bool, marker: str) -> PostResult:
    """Post ``body`` once per ``marker``; a retry first checks whether an earlier attempt landed after all.

    Raises the provider's IntegrationError when the ticket cannot be checked: then nothing is posted.
    """
    with _lock:
        tried = marker in _outcomes
        known = _outcomes.get(marker)
    if known is not None:
        return PostResult(known, True)          # already confirmed: posting again would duplicate it
    if tried:
        found = provider.find_reply(ticket_external_id, marker)
        if found is not None:
            _remember(marker, found)
            return PostResult(found, True)
    _remember(marker, None)
    try:
        message_id = provider.post_reply(ticket_external_id, body, public=public, marker=marker)
    except ReplyUncertain:
        found = provider.find_reply(ticket_external_id, marker)
        if found is not None:
            _remember(marker, found)
        return PostResult(found, True)
    _remember(marker, message_id)
    return PostResult(message_id, False)


def _remember(marker: str, message_id: str | None) -> None:
    with _lock:
        if len(_outcomes) > 10_000:     # a long-running app: forget the oldest references
            for key in list(_outcomes)[:5_000]:
                del _outcomes[key]
        _outcomes[marker] = message_id
