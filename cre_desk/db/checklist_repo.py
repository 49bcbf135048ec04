"""The checklist of a ticket: verdicts and the evidence quoted into them (findings, marked log lines).

Saving a verdict checks the version the user saw (a teammate's change becomes a conflict); appending
evidence never conflicts and is redone on top of a teammate's save that landed in between (C-1).
Neither bumps the ticket's own version, so an open Overview form is not disturbed.
"""

from __future__ import annotations

from sqlalchemy import update
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from cre_desk.core.tickets import ChecklistEntry
from cre_desk.core.vocabulary import Verdict
from cre_desk.db.models import ChecklistItem, Ticket
from cre_desk.db.records import entry_record
from cre_desk.db.repo_base import RepositoryBase
from cre_desk.db.retry import retry_transient
from cre_desk.errors import ConflictError, UserError

#: How often an append (add_evidence) is redone on top of a teammate's save that landed in between.
STALE_RETRIES = 5


class ChecklistRepository(RepositoryBase):
    """Verdicts and evidence of checklist items."""

    @retry_transient
    def set_verdict(
        self, item_id: int, *, verdict: str, evidence: str, expected_version: int, actor: str = ""
    ) -> ChecklistEntry:
        """Save one checklist verdict and its evidence notes."""
        Verdict(verdict)
        try:
            with self.db.write() as session:
                item = session.get(ChecklistItem, item_id)
                if item is None:
                    raise UserError("That checklist item no longer exists; reload the ticket.")
                if item.version != expected_version:
                    raise ConflictError(
                        f"Someone else changed “{item.title}” after you opened it.",
                        mine={"verdict": verdict, "evidence": evidence},
                        theirs={"verdict": item.verdict, "evidence": item.evidence, "by": item.updated_by},
                    )
                item.verdict = verdict
                item.evidence = evidence
                return self._save_item(session, item, actor)
        except StaleDataError as exc:
            raise ConflictError(
                "Someone else changed this checklist item at the same time; reload it.",
                mine={"verdict": verdict, "evidence": evidence},
            ) from exc

    def add_evidence(
        self, item_id: int, text: str, *, actor: str = "", verdict: str | None = None
    ) -> ChecklistEntry:
        """Append quoted evidence (a marked line, a finding) to a checklist item, keeping what is there.

        Appending re-reads the item inside the write, so it never conflicts with a teammate's edit: when a
        teammate's save lands between our read and our write (C-1), the append is simply done again on
        top of their text.
        """
        for attempt in range(STALE_RETRIES + 1):
            try:
                return self._add_evidence_once(item_id, text, actor=actor, verdict=verdict)
            except StaleDataError as exc:
                if attempt == STALE_RETRIES:
                    raise ConflictError(
                        "Teammates kept changing this checklist item while the quote was "
                        "being added; it was not added. Try again.",
                        mine={"evidence": text},
                    ) from exc
        raise AssertionError("unreachable")

    @retry_transient
    def _add_evidence_once(
        self, item_id: int, text: str, *, actor: str, verdict: str | None
    ) -> ChecklistEntry:
        with self.db.write() as session:
            item = session.get(ChecklistItem, item_id)
            if item is None:
                raise UserError("That checklist item no longer exists; reload the ticket.")
            if text.strip() and text.strip() not in item.evidence:
                item.evidence = (
                    item.evidence.rstrip() + "\n\n" if item.evidence.strip() else ""
                ) + text.strip()
            if verdict is not None:
                Verdict(verdict)
                if item.verdict == Verdict.NOT_CHECKED or verdict == Verdict.CONFIRMED:
                    item.verdict = verdict
            return self._save_item(session, item, actor)

    def _save_item(self, session: Session, item: ChecklistItem, actor: str) -> ChecklistEntry:
        """Stamp a changed checklist item and touch its ticket without bumping the ticket's version.

        A verdict is not an edit of the ticket's fields, so an open Overview form must not conflict.
        """
        item.updated_by = actor
        item.updated_at = self.clock()
        session.flush()
        # version-exempt: touches updated_at only (queue order), not a field anyone edits
        session.execute(
            update(Ticket)
            .where(Ticket.id == item.ticket_id)
            .values(updated_at=self.clock())
            .execution_options(synchronize_session=False)
        )
        self._reindex(session, item.ticket_id)
        return entry_record(item)

