"""Writing helpdesk tickets into the workspace: idempotent, one transaction per ticket, resumable.

Re-running an import never duplicates a ticket, message or log: tickets are keyed by (provider,
account, remote id) so two accounts of one helpdesk never share a ticket, messages by (ticket, remote
id), attachments by (ticket, remote id). The account's
cursor is saved only after a page is fully written, so an interrupted import resumes where it was.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import select

from cre_desk.core.field_mapping import is_triage, mapped_values
from cre_desk.core.tickets import TicketFields, normalise_tags
from cre_desk.core.vocabulary import DEFAULT_PAUSE_REASON, RESOLVED_STATUSES, Status
from cre_desk.db import ticket_upkeep, writeback
from cre_desk.db.models import (
    Attachment,
    Message,
    RemoteState,
    StatusEvent,
    SyncState,
    Ticket,
    TicketTag,
)
from cre_desk.db.service import TicketService

MAX_ATTACHMENT_BYTES = 512 * 1024 * 1024


@dataclass
class ImportResult:
    tickets_created: int = 0
    tickets_updated: int = 0
    messages_added: int = 0
    attachments_added: int = 0
    problems: list[str] = field(default_factory=list)

    def describe(self) -> str:
        text = (f"{self.tickets_created} new ticket(s), {self.tickets_updated} updated, "
                f"{self.messages_added} message(s), {self.attachments_added} attachment(s)")
        if self.problems:
            text += f"; {len(self.problems)} problem(s)"
        return text


class ImportStore:
    def __init__(self, service: TicketService) -> None:
        self.service = service
        self.db = service.db

    # -- state ------------------------------------------------------------------------------------

    def state(self, account_id: str) -> tuple[str | None, datetime | None]:
        with self.db.read() as session:
            row = session.get(SyncState, account_id)
            return (row.cursor, row.since) if row else (None, None)

    def save_state(self, account_id: str, cursor: str | None, since: datetime | None, imported: int) -> None:
        with self.db.write() as session:
            row = session.get(SyncState, account_id)
            if row is None:
                row = SyncState(account_id=account_id, imported=0)
                session.add(row)
            row.cursor, row.since = cursor, since
            row.last_run_at = self.service.clock()
            row.imported = (row.imported or 0) + imported

    # -- tickets ----------------------------------------------------------------------------------

    def upsert_ticket(self, source: str, remote, result: ImportResult, *, account_id: str = "",
                      field_map: dict[str, str] | None = None) -> int:
        """Create or refresh one remote ticket with its messages, in one transaction; returns the ticket id.

        ``field_map`` (``core.field_mapping``) names the helpdesk fields that fill platform, SDK and the like.
        """
        mapped = mapped_values(getattr(remote, "fields", None) or {}, field_map or {})
        if any(is_triage(t) for t in remote.tags):  # our own symptom/category tags mirror fields we have
            remote = replace(remote, tags=tuple(t for t in remote.tags if not is_triage(t)))
        service = self.service
        status = remote.status if remote.status in {s.value for s in Status} else Status.OPEN.value
        with self.db.write() as session:
            ticket = _find_ticket(session, source, account_id, remote)
            if ticket is None:
                fields = TicketFields(title=(remote.title or "(no subject)")[:500], customer=remote.customer[:200],
                                      requester_name=remote.requester_name[:200],
                                      tags=normalise_tags(remote.tags)).validated()
                ticket = Ticket(title=fields.title, customer=fields.customer, app_name="",
                                requester_name=fields.requester_name, requester_role=fields.requester_role,
                                platform=fields.platform, os_version="", sdk_name="", sdk_version="", app_version="",
                                symptom=fields.symptom, category=fields.category, priority=fields.priority,
                                assignee="", team="", status=status, asked=_first_customer_text(remote),
                                goal="", notes="", source=source, external_id=remote.external_id,
                                account_id=account_id,
                                external_url=remote.url, raw_json=remote.raw_json, created_at=remote.created_at,
                                updated_at=remote.updated_at, first_response_at=remote.first_response_at)
                ticket.tags = [TicketTag(tag=t) for t in fields.tags]
                ticket.events = [StatusEvent(at=remote.created_at, from_status=None, to_status=status,
                                             actor=source, pause_reason=DEFAULT_PAUSE_REASON.get(Status(status)))]
                ticket.checklist = []
                if status in RESOLVED_STATUSES:
                    ticket.resolved_at = remote.updated_at
                session.add(ticket)
                session.flush()
                ticket_upkeep.instantiate_checklist(session, ticket.id, fields.symptom,
                                                    template_rows=service.template_rows, now=service.clock())
                new_state = RemoteState(ticket_id=ticket.id, remote_status=status,
                                        remote_updated_at=remote.updated_at)
                writeback.record_new(new_state, remote)
                session.add(new_state)
                if remote.priority is not None:
                    ticket.priority = remote.priority
                for name, value in mapped.items():
                    setattr(ticket, name, value)
                new_state.remote_fields = writeback.encode_fields(mapped)
                if getattr(remote, "assignee", None) is not None:
                    ticket.assignee = remote.assignee[:200]
                    writeback.set_base_assignee(new_state, remote.assignee)
                result.tickets_created += 1
            else:
                state = session.get(RemoteState, ticket.id)
                if state is None:
                    state = RemoteState(ticket_id=ticket.id, remote_status=ticket.status)
                    session.add(state)
                if state.remote_title is None:
                    writeback.record_new(state, remote)  # imported before these were kept: start from now
                    writeback.adopt_legacy(session, ticket, state, remote, status)
                # Each field: the helpdesk's change is taken, a local edit stays, both at once is a conflict.
                writeback.refresh_mapped(ticket, state, mapped)
                for conflict in writeback.refresh(session, ticket, state, remote, status, source):
                    result.problems.append(f"{source} ticket {remote.external_id}: {conflict}; kept the value "
                                           "here, choose a side on the ticket's Overview")
                state.remote_updated_at = remote.updated_at
                ticket.raw_json = remote.raw_json
                ticket.external_url = remote.url or ticket.external_url
                if remote.first_response_at and ticket.first_response_at is None:
                    ticket.first_response_at = remote.first_response_at
                result.tickets_updated += 1
            known = set(session.scalars(select(Message.external_id).where(Message.ticket_id == ticket.id,
                                                                           Message.external_id.is_not(None))))
            for message in remote.messages:
                if message.external_id in known:
                    continue
                session.add(Message(ticket_id=ticket.id, body=message.body, author_name=message.author_name[:200],
                                    from_customer=message.from_customer, public=message.public,
                                    created_at=message.created_at, external_id=message.external_id,
                                    raw_json=message.raw_json))
                known.add(message.external_id)
                result.messages_added += 1
            ticket.updated_at = max(ticket.updated_at, remote.updated_at)
            session.flush()
            ticket_upkeep.reindex(session, ticket.id)
            ticket_upkeep.refresh_clock(session, ticket.id, calendar=service.calendar,
                                        targets=service.targets, now=service.clock())
            return ticket.id

    def has_attachment(self, ticket_id: int, external_id: str) -> bool:
        with self.db.read() as session:
            return session.execute(select(Attachment.id).where(Attachment.ticket_id == ticket_id,
                                                               Attachment.external_id == external_id)
                                   ).first() is not None


def _find_ticket(session, source: str, account_id: str, remote) -> Ticket | None:
    """The local copy of ``remote`` for this account; a row from before tickets had accounts is claimed only
    when it carries this account's address for the ticket, so another company's ticket is never merged."""
    query = select(Ticket).where(Ticket.source == source, Ticket.external_id == remote.external_id)
    ticket = session.execute(query.where(Ticket.account_id == account_id)).scalar_one_or_none()
    if ticket is not None or not account_id:
        return ticket
    legacy = session.execute(query.where(Ticket.account_id == "")).scalar_one_or_none()
    if legacy is not None and remote.url and legacy.external_url == remote.url:
        legacy.account_id = account_id
        return legacy
    return None


def _first_customer_text(remote) -> str:
    first = next((m for m in remote.messages if m.from_customer), None)
    return (first.body if first else "")[:20000]


#: A first sync brings this much history, not the account's whole past (the user can choose another start).
DEFAULT_HISTORY_DAYS = 90
#: The next sync searches from the newest change seen minus this, so a change in the same second is not lost;
#: a provider whose search lags behind changes says how far to look back (``watermark_overlap``).
WATERMARK_OVERLAP = timedelta(seconds=1)


def _download_name(ticket_id: int, serial: int, external_id: str) -> str:
    """A flat, safe temporary file name: vendors' attachment ids may hold "/" (Intercom "part/n") or worse."""
    digest = hashlib.sha256(external_id.encode("utf-8", "surrogatepass")).hexdigest()[:16]
    return f"download-{ticket_id}-{serial}-{digest}"


def import_all(store: ImportStore, provider, account_id: str, *, temp_dir: Path,
               cancel: Callable[[], bool] = lambda: False, progress: Callable[[str], None] = lambda text: None,
               max_attachment_bytes: int = MAX_ATTACHMENT_BYTES, since: datetime | None = None,
               history_days: int = DEFAULT_HISTORY_DAYS,
               prepare_file: Callable[[Path], Path] | None = None,
               field_map: dict[str, str] | None = None) -> ImportResult:
    """Import every page from where the account stopped last time; attachments become ticket files.

    A provider whose last page carries a cursor (Zendesk's incremental export) resumes from that cursor next
    time. One whose last page has none (search endpoints: Intercom, Zendesk's search export) starts the next
    sync from the newest ``updated_at`` it saw, from the first page: a page cursor is never replayed as a
    watermark. A first sync starts ``history_days`` back. ``prepare_file`` turns a downloaded file into the
    one to store (a redacted copy of a log, the way attaching by hand does); it may return the file itself.
    """
    from cre_desk.errors import Cancelled

    result = ImportResult()
    store.service.before_bulk_change("before-import")
    cursor, saved_since = store.state(account_id)
    since = since or saved_since
    if since is None and cursor is None:
        since = store.service.clock() - timedelta(days=max(1, int(history_days)))
    newest: datetime | None = None
    temp_dir.mkdir(parents=True, exist_ok=True)
    serial = 0
    while True:
        if cancel():
            raise Cancelled()
        page = provider.fetch_page(cursor, since)
        result.problems.extend(getattr(page, "problems", ()) or ())
        for remote in page.tickets:
            if cancel():
                raise Cancelled()
            ticket_id = store.upsert_ticket(provider.name, remote, result, account_id=account_id,
                                            field_map=field_map)
            if newest is None or remote.updated_at > newest:
                newest = remote.updated_at
            for message in remote.messages:
                for attachment in message.attachments:
                    if store.has_attachment(ticket_id, attachment.external_id):
                        continue
                    if attachment.size is not None and attachment.size > max_attachment_bytes:
                        result.problems.append(f"{attachment.file_name}: larger than the import limit, skipped")
                        continue
                    serial += 1
                    target = temp_dir / _download_name(ticket_id, serial, attachment.external_id)
                    stored = target
                    try:
                        provider.download(attachment, target, max_attachment_bytes)
                        stored = prepare_file(target) if prepare_file is not None else target
                        store.service.attach_file(ticket_id, stored, file_name=attachment.file_name,
                                                  external_id=attachment.external_id, move=True)
                        result.attachments_added += 1
                    except Cancelled:
                        raise
                    except Exception as exc:  # noqa: BLE001 - one bad file must not stop the import
                        result.problems.append(f"{attachment.file_name}: {exc}")
                    finally:
                        target.unlink(missing_ok=True)
                        stored.unlink(missing_ok=True)
            progress(result.describe())
        if page.done:
            if page.cursor is None:
                # No durable cursor: next time, search again from the newest change seen.
                if newest is not None:
                    overlap = getattr(provider, "watermark_overlap", WATERMARK_OVERLAP)
                    mark = min(newest, store.service.clock()) - overlap
                    since = mark if since is None or mark > since else since
                store.save_state(account_id, None, since, len(page.tickets))
            else:
                store.save_state(account_id, page.cursor, since, len(page.tickets))
            return result
        if page.cursor is None or page.cursor == cursor:
            # A server that keeps answering with the same page would make this loop forever.
            store.save_state(account_id, cursor, since, len(page.tickets))
            result.problems.append("the helpdesk returned the same page twice; the import stopped there")
            return result
        cursor = page.cursor
        store.save_state(account_id, cursor, since, len(page.tickets))
