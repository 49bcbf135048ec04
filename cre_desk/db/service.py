"""The ticket service: one object that offers every repository's methods under their familiar names.

The work is done by one repository per aggregate — tickets (``ticket_repo``), checklist verdicts and
evidence (``checklist_repo``), files and log marks (``attachment_repo``), drafts and sent replies
(``reply_repo``), GitHub issue links (``issue_link_repo``) and clocks (``clock_repo``). They share their
settings (database, clock, attachment folder; ``repo_base``), so this class only combines them: the
workspace hands one ``TicketService`` to views, actions and the CLI, and each method is one transaction.
"""

from __future__ import annotations

from cre_desk.db.attachment_repo import AttachmentRepository
from cre_desk.db.checklist_repo import STALE_RETRIES, ChecklistRepository
from cre_desk.db.clock_repo import ClockRepository
from cre_desk.db.issue_link_repo import IssueLinkRepository
from cre_desk.db.reply_repo import ReplyRepository
from cre_desk.db.repo_base import TemplateRows, default_template_rows, now_utc
from cre_desk.db.ticket_repo import TicketRepository
from cre_desk.db.ticket_upkeep import clock_row

__all__ = ["STALE_RETRIES", "TemplateRows", "TicketService", "clock_row", "default_template_rows", "now_utc"]


class TicketService(TicketRepository, ChecklistRepository, AttachmentRepository, ReplyRepository,
                    IssueLinkRepository, ClockRepository):
    """All ticket reads and writes (see the repositories for each aggregate's rules)."""
