"""Posting a reply to the helpdesk exactly once.

A reply carries a short marker. When the helpdesk's answer is lost (connection dropped after the
request went out), the ticket's recent comments are searched for that marker: found means posted,
not found means nothing was posted and the engineer may try again. A reply is never re-sent blindly.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from cre_desk.integrations.http import ReplyUncertain


@dataclass(frozen=True)
class PostResult:
    message_id: str | None      # the helpdesk's id of the posted comment; None when it was not posted
    reconciled: bool            # True when the id came from searching for the marker after a lost answer


def new_marker() -> str:
    return f"[ref:cre-desk:{uuid.uuid4().hex[:8]}]"


def post_once(provider, ticket_external_id: str, body: str, *, public: bool, marker: str) -> PostResult:
    """Post ``body``; after a lost answer, look for the marker instead of posting again."""
    text = f"{body.rstrip()}\n\n{marker}"
    try:
        return PostResult(provider.post_reply(ticket_external_id, text, public=public, marker=marker), False)
    except ReplyUncertain:
        found = provider.find_reply(ticket_external_id, marker)
        return PostResult(found, True)
