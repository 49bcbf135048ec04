"""Linking tickets to GitHub issues, filing one from a ticket, and asking GitHub what became of them.

The timer in the window, the ticket's GitHub box and any script call these; the network calls run
outside any transaction and each answer is stored on its own, so one deleted or hidden issue never
stops the others from being refreshed.
"""

from __future__ import annotations

from datetime import UTC, datetime

from cre_desk.core.evidence import issue_body
from cre_desk.core.tickets import IssueLinkRecord
from cre_desk.db.service import TicketService
from cre_desk.integrations.accounts import load_accounts, provider_for
from cre_desk.integrations.github import GitHubClient, IssueState, parse_issue_ref
from cre_desk.integrations.http_errors import AuthFailed, IntegrationError, NotFound


def github_account(settings):
    """The first GitHub account configured (None: GitHub is asked anonymously)."""
    return next((a for a in load_accounts(settings) if a.provider == "github"), None)


def link_issue(tickets: TicketService, ticket_id: int, ref: str, *, hosts: tuple[str, ...] = ()
               ) -> IssueLinkRecord:
    """Link the issue named by ``ref`` (a URL or owner/repo#n); raises ``UserError`` for anything else."""
    owner, repo, number = parse_issue_ref(ref, hosts=hosts)
    return tickets.link_issue(ticket_id, owner, repo, number)


def create_issue(tickets: TicketService, client, ticket_id: int, owner: str, repo: str) -> str:
    """File an issue with the ticket's evidence bundle (fields, checklist, marked lines), link it; its URL."""
    ticket = tickets.get_ticket(ticket_id)
    body = issue_body(ticket, tickets.list_marks(ticket_id))
    url = client.create_issue(owner, repo, ticket.fields.title, body)
    number = int(url.rstrip("/").rsplit("/", 1)[1])
    tickets.link_issue(ticket_id, owner, repo, number)
    return url


def refresh_links(tickets: TicketService, settings, ticket_id: int | None = None, *, client=None
                  ) -> list[IssueLinkRecord]:
    """Ask GitHub about linked issues (all, or one ticket's); returns the links that just closed."""
    if client is None:
        account = github_account(settings)
        client = provider_for(account) if account is not None else GitHubClient(None)
    closed = []
    for link in tickets.list_issue_links(ticket_id):
        try:
            state = client.get_issue(link.owner, link.repo, link.number, etag=link.etag or None)
        except (NotFound, AuthFailed, IntegrationError) as exc:
            # One deleted (410) or hidden (404, or 403 without access) issue must not stop the others;
            # a refused token (401) or a rate limit stops the refresh as a whole.
            if exc.status not in (403, 404, 410) or (exc.status == 403 and not isinstance(exc, AuthFailed)):
                raise
            gone = "deleted" if exc.status == 410 else "unavailable"
            state = IssueState(url=link.url, title=link.title, state=gone, state_reason=None, closed_at=None,
                               labels=(), milestone=None, etag=None)
        updated = tickets.update_issue_link(link.id, state=state, checked_at=datetime.now(UTC))
        if updated is not None and updated.state == "closed" and link.state != "closed":
            closed.append(updated)
    return closed
