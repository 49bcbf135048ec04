"""Drafting, rebuilding, posting and recording the customer reply.

Why here: a draft is built from the ticket plus what the log engine knows (the texts of the accepted
findings' rules), so this is the one place that hands ``logs`` knowledge to ``core.replies``; posting
talks to the helpdesk once per reply (a lost answer is reconciled, never re-posted) and records what was
sent, which starts the first-response clock.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from cre_desk.core import replies
from cre_desk.core.reply_language import customer_language
from cre_desk.core.tickets import MarkRecord, SentReplyRecord, TicketDetail
from cre_desk.db.service import TicketService
from cre_desk.integrations.posting import PostResult, post_once
from cre_desk.logs.rules import finding_texts


@dataclass(frozen=True)
class Redraft:
    """A draft rebuilt from the ticket and merged into what the engineer has on screen."""

    fresh: replies.Reply        # the draft as built now (the base for the next merge)
    merged: replies.Reply       # what the editors show
    kept: tuple[str, ...]       # parts the engineer edited, kept instead of the new draft
    rewritten: tuple[str, ...]  # parts whose text changed on screen


def reply_inputs(ticket: TicketDetail, *, language: str, audience: str,
                 accepted_findings: Iterable[tuple[str, Sequence[str]]] = (),
                 marks: Iterable[MarkRecord] = (),
                 engineer_name: str = "", excluded: Iterable[str] = ()) -> replies.ReplyInputs:
    """Everything a draft is built from, with the rule texts of the accepted findings looked up."""
    accepted = tuple((rule, tuple(lines)) for rule, lines in accepted_findings)
    return replies.ReplyInputs(
        ticket=ticket, language=language, audience=audience, accepted_findings=accepted, marks=tuple(marks),
        engineer_name=engineer_name, excluded=frozenset(excluded),
        finding_texts=finding_texts(rule for rule, _lines in accepted))


def draft_language(ticket: TicketDetail, draft_language: str | None, fallback: str) -> str:
    """The language to draft in: the one chosen for this ticket's draft, else the customer's, else
    ``fallback`` (the interface language) when the customer's words do not tell."""
    return draft_language or customer_language(ticket) or fallback


def build_draft(inputs: replies.ReplyInputs) -> replies.Reply:
    """A first draft from the ticket (verdicts, evidence, accepted findings, marks, goal)."""
    return replies.draft(inputs)


def rebuild_draft(inputs: replies.ReplyInputs, previous: replies.Reply | None, current: replies.Reply, *,
                  explicit: bool) -> Redraft:
    """Build the draft again and merge it into ``current``, keeping every part the engineer edited.

    ``previous`` is the draft the editors were last filled from (None: none). ``explicit`` is the
    "New draft" button: a part the engineer emptied is then drafted again rather than kept empty.
    """
    fresh = replies.draft(inputs)
    previous = previous or replies.Reply("", "", "", "")
    base = current
    if explicit:
        emptied = [p for p in replies.PARTS if not getattr(current, p).strip()]
        base = replace(current, **{p: getattr(previous, p) for p in emptied})
    merged, kept = replies.merge_draft(previous, base, fresh)
    rewritten = tuple(p for p in replies.PARTS if getattr(merged, p) != getattr(current, p))
    return Redraft(fresh, merged, tuple(kept), rewritten)


def post_reply(tickets: TicketService, provider, ticket_id: int, external_id: str, body: str, *, public: bool,
               marker: str, language: str, audience: str, channel: str, actor: str) -> PostResult | None:
    """Post ``body`` to the helpdesk ticket once per ``marker`` and record it as sent; None when not posted.

    Raises the provider's ``ReplyUncertain``/``Offline`` when the reply may have arrived: posting again with
    the same marker checks the ticket first, so it is never sent twice.
    """
    result = post_once(provider, external_id, body, public=public, marker=marker)
    if result.message_id is None:
        return None
    tickets.record_sent_reply(ticket_id, body, language=language, audience=audience, channel=channel,
                              external_id=result.message_id, actor=actor)
    return result


def mark_sent(tickets: TicketService, ticket_id: int, body: str, *, language: str, audience: str, actor: str,
              draft_version: int | None) -> SentReplyRecord:
    """Record a reply sent outside the app; only the draft version that was sent is cleared."""
    return tickets.record_sent_reply(ticket_id, body, language=language, audience=audience, actor=actor,
                                     draft_version=draft_version)

