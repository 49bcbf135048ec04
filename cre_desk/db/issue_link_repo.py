"""Links from tickets to GitHub issues, with what GitHub last said about each issue.

The refresh (``integrations/github``) reads these, asks GitHub with the stored ETag, and stores the
answer back; a closed issue that reopens is announced again.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, select

from cre_desk.core.tickets import IssueLinkRecord
from cre_desk.db.models import IssueLink, Ticket
from cre_desk.db.records import link_record
from cre_desk.db.repo_base import RepositoryBase
from cre_desk.db.retry import retry_transient
from cre_desk.errors import UserError


class IssueLinkRepository(RepositoryBase):
    """GitHub issue links of tickets."""

    @retry_transient
    def link_issue(self, ticket_id: int, owner: str, repo: str, number: int) -> IssueLinkRecord:
        with self.db.write() as session:
            if session.get(Ticket, ticket_id) is None:
                raise UserError(f"Ticket #{ticket_id} no longer exists.")
            existing = session.execute(
                select(IssueLink).where(
                    IssueLink.ticket_id == ticket_id,
                    IssueLink.owner == owner,
                    IssueLink.repo == repo,
                    IssueLink.number == number,
                )
            ).scalar_one_or_none()
            if existing is not None:
                return link_record(existing)
            link = IssueLink(
                ticket_id=ticket_id,
                owner=owner,
                repo=repo,
                number=number,
                url=f"https://github.com/{owner}/{repo}/issues/{number}",
                title="",
                state="",
                state_reason="",
                etag="",
                notified=False,
            )
            session.add(link)
            session.flush()
            return link_record(link)

    def list_issue_links(self, ticket_id: int | None = None) -> list[IssueLinkRecord]:
        with self.db.read() as session:
            stmt = select(IssueLink).order_by(IssueLink.id)
            if ticket_id is not None:
                stmt = stmt.where(IssueLink.ticket_id == ticket_id)
            return [link_record(link) for link in session.execute(stmt).scalars()]

    @retry_transient
    def update_issue_link(
        self, link_id: int, *, state=None, checked_at: datetime | None = None, notified: bool | None = None
    ) -> IssueLinkRecord | None:
        """Store what GitHub said (``state``: an IssueState, or None when unchanged since the last check)."""
        with self.db.write() as session:
            link = session.get(IssueLink, link_id)
            if link is None:
                return None
            if state is not None:
                reopened = link.state == "closed" and state.state == "open"
                link.url, link.title = state.url or link.url, state.title[:2000]
                link.state, link.state_reason = state.state, state.state_reason or ""
                link.closed_at, link.etag = state.closed_at, state.etag or ""
                if reopened:
                    link.notified = False
            if checked_at is not None:
                link.checked_at = checked_at
            if notified is not None:
                link.notified = notified
            session.flush()
            return link_record(link)

    @retry_transient
    def unlink_issue(self, link_id: int) -> None:
        with self.db.write() as session:
            session.execute(delete(IssueLink).where(IssueLink.id == link_id))

