"""What every repository shares: the database, the clock, the attachment folder and the checklist templates.

The repositories (tickets, checklist, attachments, replies, issue links, clocks) are separate classes so
each aggregate can be read on its own; they all hold the same handful of settings, kept here once.
``TicketService`` combines them, so a test that swaps the clock on the service swaps it for all of them.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy.orm import Session

from cre_desk.db import ticket_upkeep
from cre_desk.db.engine import Database
from cre_desk.db.ticket_upkeep import TemplateRows

__all__ = ["RepositoryBase", "TemplateRows", "default_template_rows", "now_utc"]


def default_template_rows(symptom: str) -> list[tuple[str, str, str]]:
    """Ordered checklist rows for ``symptom`` from the shipped templates."""
    from cre_desk.core import checklist

    template = checklist.template_for(symptom)
    if template is None:
        return []
    return [(item.key, item.area, item.title.get("en", "") if isinstance(item.title, dict) else
             getattr(item.title, "en", str(item.title))) for item in template.items]


def now_utc() -> datetime:
    return datetime.now(UTC)


class RepositoryBase:
    """The settings a repository reads; each repository method is one transaction on ``db``."""

    def __init__(self, db: Database, *, attachments_dir: Path | None = None,
                 template_rows: TemplateRows = default_template_rows,
                 clock: Callable[[], datetime] = now_utc, calendar=None, targets=None) -> None:
        self.db = db
        self.attachments_dir = attachments_dir
        self.template_rows = template_rows
        self.clock = clock
        self._calendar = calendar
        self._targets = targets
        #: Called with a label ("before-delete", "before-import") before changes that remove or replace
        #: data in bulk; the workspace sets it to take a backup of the local file (D-6).
        self.before_bulk_change: Callable[[str], object] = lambda label: None

    @property
    def calendar(self):
        """The team's business calendar (loaded on first use: most calls never need it)."""
        if self._calendar is None:
            from cre_desk.core.calendars import load_calendar

            self._calendar = load_calendar()
        return self._calendar

    @property
    def targets(self):
        if self._targets is None:
            from cre_desk.core.timers import DEFAULT_TARGETS

            self._targets = DEFAULT_TARGETS
        return self._targets

    # ----- derived rows kept in step inside the caller's write ------------------------------------

    def _refresh_clock(self, session: Session, ticket_id: int, now: datetime | None = None) -> None:
        ticket_upkeep.refresh_clock(session, ticket_id, calendar=self.calendar, targets=self.targets,
                                    now=now or self.clock())

    def _reindex(self, session: Session, ticket_id: int) -> None:
        ticket_upkeep.reindex(session, ticket_id)

    def _instantiate_checklist(self, session: Session, ticket_id: int, symptom: str) -> None:
        ticket_upkeep.instantiate_checklist(session, ticket_id, symptom, template_rows=self.template_rows,
                                            now=self.clock())
