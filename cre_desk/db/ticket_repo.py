"""Tickets as an aggregate: the queue, one ticket's detail, its fields, status history and messages.

Each write is one transaction that also keeps the ticket's derived rows (search document, checklist
items, stored clocks; see ``ticket_upkeep``) in step, and turns a teammate's concurrent save into a
``ConflictError`` that carries both versions instead of overwriting either.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from cre_desk.core.tickets import MessageRecord, QueueFilter, TicketDetail, TicketFields, TicketSummary
from cre_desk.core.vocabulary import DEFAULT_PAUSE_REASON, PAUSED_STATUSES, RESOLVED_STATUSES, Status
from cre_desk.db import search
from cre_desk.db.models import Message, StatusEvent, Ticket, TicketClock, TicketTag
from cre_desk.db.records import FIELD_NAMES, message_record, ticket_detail
from cre_desk.db.repo_base import RepositoryBase
from cre_desk.db.retry import retry_transient
from cre_desk.errors import ConflictError, EnvironmentFault, UserError


class TicketRepository(RepositoryBase):
    """Reads and writes of tickets themselves."""

    def get_ticket(self, ticket_id: int) -> TicketDetail:
        with self.db.read() as session:
            return ticket_detail(session, ticket_id)

    def list_queue(self, flt: QueueFilter | None = None) -> list[TicketSummary]:
        """Tickets for the queue, newest activity first; text search ranks by relevance instead."""
        flt = flt or QueueFilter()
        with self.db.read() as session:
            stmt = select(
                Ticket.id, Ticket.title, Ticket.customer, Ticket.status, Ticket.category, Ticket.symptom,
                Ticket.assignee, Ticket.platform, Ticket.sdk_name, Ticket.created_at, Ticket.updated_at,
                Ticket.resolved_at, TicketClock.deadline, TicketClock.at_risk_at, TicketClock.state,
                TicketClock.allowed_business_s, TicketClock.resolution_business_s, TicketClock.computed_at,
            ).outerjoin(TicketClock, TicketClock.ticket_id == Ticket.id)
            ranked: list[int] | None = None
            if flt.text.strip():
                ranked = search.search_ids(session, flt.text, limit=flt.limit)
                if not ranked:
                    return []
                stmt = stmt.where(Ticket.id.in_(ranked))
            if flt.statuses:
                stmt = stmt.where(Ticket.status.in_(flt.statuses))
            elif not flt.include_closed:
                # Most tickets are open, so walking the updated_at index newest-first and skipping the few
                # closed ones beats the status index plus a sort; `status || ''` keeps the planner off it.
                status = Ticket.status.op("||")("") if ranked is None else Ticket.status
                stmt = stmt.where(status.in_(QueueFilter.open_statuses()))
            if flt.assignee:
                stmt = stmt.where(Ticket.assignee == flt.assignee)
            if flt.category:
                stmt = stmt.where(Ticket.category == flt.category)
            if flt.tag:
                stmt = stmt.where(Ticket.id.in_(select(TicketTag.ticket_id).where(TicketTag.tag == flt.tag)))
            if ranked is None:
                stmt = stmt.order_by(Ticket.updated_at.desc(), Ticket.id.desc())
            stmt = stmt.limit(flt.limit)
            rows = session.execute(stmt).all()
            tags = self._tags_for(session, [r.id for r in rows], stmt)
            summaries = [
                TicketSummary(
                    id=r.id, title=r.title, customer=r.customer, status=r.status, category=r.category,
                    symptom=r.symptom, assignee=r.assignee, platform=r.platform, sdk_name=r.sdk_name,
                    tags=tags.get(r.id, ()), created_at=r.created_at, updated_at=r.updated_at,
                    resolved_at=r.resolved_at, deadline=r.deadline, at_risk_at=r.at_risk_at,
                    clock_state=r.state or "", allowed_business_s=r.allowed_business_s,
                    used_business_s=r.resolution_business_s, clock_as_of=r.computed_at,
                )
                for r in rows
            ]
            if ranked is not None:
                order = {tid: i for i, tid in enumerate(ranked)}
                summaries.sort(key=lambda s: order[s.id])
            return summaries

    def search(self, query: str, limit: int = 200) -> list[int]:
        with self.db.read() as session:
            return search.search_ids(session, query, limit)

    def distinct_values(self) -> dict[str, list[str]]:
        """Assignees and tags in use, for the queue's filter menus."""
        with self.db.read() as session:
            assignees = session.scalars(
                select(Ticket.assignee).where(Ticket.assignee != "").distinct().order_by(Ticket.assignee)
            ).all()
            tags = session.scalars(select(TicketTag.tag).distinct().order_by(TicketTag.tag)).all()
            return {"assignees": list(assignees), "tags": list(tags)}

    def count(self) -> int:
        with self.db.read() as session:
            return session.scalar(select(func.count(Ticket.id))) or 0

    # ----- writes ------------------------------------------------------------------------------

    @retry_transient
    def create_ticket(self, fields: TicketFields, *, actor: str = "", status: str = Status.NEW,
                      created_at: datetime | None = None, source: str = "manual",
                      external_id: str | None = None, external_url: str = "",
                      raw_json: str | None = None) -> TicketDetail:
        fields = fields.validated()
        when = created_at or self.clock()
        with self.db.write() as session:
            ticket = Ticket(
                **{name: getattr(fields, name) for name in FIELD_NAMES},
                status=status, source=source, external_id=external_id, external_url=external_url,
                raw_json=raw_json, created_at=when, updated_at=when,
            )
            ticket.tags = [TicketTag(tag=t) for t in fields.tags]
            ticket.events = [StatusEvent(at=when, from_status=None, to_status=status, actor=actor,
                                         pause_reason=DEFAULT_PAUSE_REASON.get(Status(status)))]
            ticket.checklist = []
            if status in RESOLVED_STATUSES:
                ticket.resolved_at = when
            session.add(ticket)
            session.flush()
            self._instantiate_checklist(session, ticket.id, fields.symptom)
            self._reindex(session, ticket.id)
            self._refresh_clock(session, ticket.id)
            ticket_id = ticket.id
        return self.get_ticket(ticket_id)

    @retry_transient
    def update_ticket(self, ticket_id: int, fields: TicketFields, *, expected_version: int,
                      actor: str = "") -> TicketDetail:
        """Save the Overview form; raises ConflictError if someone saved the ticket meanwhile."""
        fields = fields.validated()
        try:
            with self.db.write() as session:
                ticket = self._load_for_update(session, ticket_id, expected_version, mine=fields)
                old_symptom = ticket.symptom
                for name in FIELD_NAMES:
                    setattr(ticket, name, getattr(fields, name))
                ticket.updated_at = self.clock()
                current = {t.tag for t in
                           session.scalars(select(TicketTag).where(TicketTag.ticket_id == ticket_id))}
                if current != set(fields.tags):
                    session.execute(delete(TicketTag).where(TicketTag.ticket_id == ticket_id))
                    session.add_all(TicketTag(ticket_id=ticket_id, tag=t) for t in fields.tags)
                session.flush()
                if fields.symptom != old_symptom:
                    self._instantiate_checklist(session, ticket_id, fields.symptom)
                self._reindex(session, ticket_id)
                self._refresh_clock(session, ticket_id)
        except StaleDataError as exc:
            raise self._conflict(ticket_id, fields) from exc
        return self.get_ticket(ticket_id)

    @retry_transient
    def change_status(
        self,
        ticket_id: int,
        new_status: str,
        *,
        expected_version: int | None = None,
        actor: str = "",
        pause_reason: str | None = None,
        note: str = "",
        at: datetime | None = None,
    ) -> TicketDetail:
        """Record a status change as a history event; the timers are computed from these."""
        status = Status(new_status)
        when = at or self.clock()
        try:
            with self.db.write() as session:
                ticket = self._load_for_update(session, ticket_id, expected_version, mine=new_status)
                if ticket.status == status:
                    return ticket_detail(session, ticket_id)
                if status in PAUSED_STATUSES:
                    reason = pause_reason or DEFAULT_PAUSE_REASON[status]
                else:
                    reason = None
                session.add(
                    StatusEvent(
                        ticket_id=ticket_id,
                        at=when,
                        from_status=ticket.status,
                        to_status=status,
                        pause_reason=reason,
                        actor=actor,
                        note=note,
                    )
                )
                if status in RESOLVED_STATUSES:
                    ticket.resolved_at = when
                elif ticket.status in RESOLVED_STATUSES:
                    ticket.resolved_at = None  # reopened: the resolution clock resumes
                ticket.status = status
                ticket.updated_at = when
                session.flush()
                self._refresh_clock(session, ticket_id)
        except StaleDataError as exc:
            raise self._conflict(ticket_id, new_status) from exc
        return self.get_ticket(ticket_id)

    @retry_transient
    def record_first_response(self, ticket_id: int, at: datetime | None = None) -> None:
        """Remember when the customer first got an answer (kept if already set)."""
        with self.db.write() as session:
            ticket = session.get(Ticket, ticket_id)
            if ticket is None:
                raise UserError(f"Ticket #{ticket_id} no longer exists.")
            if ticket.first_response_at is None:
                ticket.first_response_at = at or self.clock()
                session.flush()
                self._refresh_clock(session, ticket_id)

    @retry_transient
    def add_message(
        self,
        ticket_id: int,
        body: str,
        *,
        author_name: str = "",
        from_customer: bool = True,
        public: bool = True,
        created_at: datetime | None = None,
        external_id: str | None = None,
        raw_json: str | None = None,
    ) -> MessageRecord:
        with self.db.write() as session:
            if session.get(Ticket, ticket_id) is None:
                raise UserError(f"Ticket #{ticket_id} no longer exists.")
            message = Message(
                ticket_id=ticket_id,
                body=body,
                author_name=author_name,
                from_customer=from_customer,
                public=public,
                created_at=created_at or self.clock(),
                external_id=external_id,
                raw_json=raw_json,
            )
            session.add(message)
            session.flush()
            self._reindex(session, ticket_id)
            return message_record(message)

    @retry_transient
    def delete_ticket(self, ticket_id: int) -> None:
        """Delete the ticket with everything that hangs on it, its attached files included.

        The files go only after the rows are gone (a failed delete keeps both); a file another program
        holds open is reported, not silently left behind.
        """
        self.before_bulk_change("before-delete")
        with self.db.write() as session:
            ticket = session.get(Ticket, ticket_id)
            if ticket is None:
                return
            search.delete_document(session, ticket_id)
            session.delete(ticket)
        if self.attachments_dir is None:
            return
        folder = self.attachments_dir / str(ticket_id)
        failed: list[str] = []
        shutil.rmtree(folder, onerror=lambda _fn, path, _exc: failed.append(str(path)))
        if failed and folder.exists():
            raise EnvironmentFault(
                f"Ticket #{ticket_id} was deleted, but {len(failed)} of its attached files could not be "
                f"removed from {folder}.",
                action="Close any program that has them open, then delete that folder.",
                detail="\n".join(failed),
            )

    # ----- internals ---------------------------------------------------------------------------

    def _detail(self, session: Session, ticket_id: int) -> TicketDetail:
        return ticket_detail(session, ticket_id)

    def _load_for_update(
        self, session: Session, ticket_id: int, expected_version: int | None, mine: object
    ) -> Ticket:
        ticket = session.get(Ticket, ticket_id)
        if ticket is None:
            raise UserError(f"Ticket #{ticket_id} no longer exists; it may have been deleted by a teammate.")
        if expected_version is not None and ticket.version != expected_version:
            raise ConflictError(
                f"Ticket #{ticket_id} was changed by someone else after you opened it. "
                "Your edits are kept: compare them with the saved version and save again.",
                mine=mine,
                theirs=ticket_detail(session, ticket_id),
            )
        return ticket

    def _conflict(self, ticket_id: int, mine: object) -> ConflictError:
        theirs = self.get_ticket(ticket_id)
        return ConflictError(
            f"Ticket #{ticket_id} was saved by someone else at the same moment. Your edits are kept: "
            "compare them with the saved version and save again.",
            mine=mine,
            theirs=theirs,
        )

    @retry_transient
    def reindex_all(self) -> int:
        with self.db.write() as session:
            ids = session.scalars(select(Ticket.id)).all()
            for tid in ids:
                self._reindex(session, tid)
            return len(ids)

    def _tags_for(self, session: Session, ids: Iterable[int], stmt=None) -> dict[int, tuple[str, ...]]:
        """Tags of the listed tickets in one query (a sub-select, not thousands of bound ids)."""
        ids = list(ids)
        if not ids:
            return {}
        found: dict[int, list[str]] = {}
        if stmt is not None and len(ids) > 900:
            where = TicketTag.ticket_id.in_(stmt.with_only_columns(Ticket.id).scalar_subquery())
        else:
            where = TicketTag.ticket_id.in_(ids)
        for tid, tag in session.execute(select(TicketTag.ticket_id, TicketTag.tag).where(where)):
            found.setdefault(tid, []).append(tag)
        return {tid: tuple(sorted(tags)) for tid, tags in found.items()}

