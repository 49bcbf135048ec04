"""A reply reaches the helpdesk once, even when the connection drops after it was sent."""

from __future__ import annotations

from cre_desk.integrations.http import ReplyUncertain
from cre_desk.integrations.posting import new_marker, post_once


class FlakyHelpdesk:
    """Stores the reply, then loses the answer (the case that creates duplicate replies in other tools)."""

    def __init__(self, lose_answer: bool, store: bool = True) -> None:
        self.comments: list[str] = []
        self.lose_answer, self.store = lose_answer, store

    def post_reply(self, ticket_id, body, *, public, marker):
        if self.store:
            self.comments.append(body)
        if self.lose_answer:
            raise ReplyUncertain("connection dropped after sending")
        return str(len(self.comments))

    def find_reply(self, ticket_id, marker):
        return next((str(n + 1) for n, c in enumerate(self.comments) if marker in c), None)


def test_lost_answer_is_reconciled_by_marker_and_never_posted_twice():
    helpdesk = FlakyHelpdesk(lose_answer=True)
    marker = new_marker()
    for _ in range(200):   # however often the engineer retries the same reply
        result = post_once(helpdesk, "42", "Hello", public=True, marker=marker)
        assert result.message_id == "1" and result.reconciled
        if result.message_id:
            break
    assert len(helpdesk.comments) == 1 and helpdesk.comments[0].endswith(marker)


def test_lost_request_means_not_posted_and_safe_to_retry():
    helpdesk = FlakyHelpdesk(lose_answer=True, store=False)
    result = post_once(helpdesk, "42", "Hello", public=True, marker=new_marker())
    assert result.message_id is None and helpdesk.comments == []


def test_normal_post_returns_the_comment_id():
    assert post_once(FlakyHelpdesk(lose_answer=False), "42", "Hi", public=False, marker=new_marker()).message_id == "1"
