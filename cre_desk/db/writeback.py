"""Which side's value a helpdesk ticket keeps, on import and on write-back: three-way, field by field.

Why this exists: a ticket lives in two places. For each field CRE Desk remembers the helpdesk's value when
it last saw it (``RemoteState``). Comparing that with the local value and the helpdesk's current value says
who changed what:

* only the helpdesk changed it  -> the helpdesk's value is taken here (a re-import refreshes the ticket);
* only the engineer changed it  -> the local value stays, and status, tags and priority are sent back;
* both changed it, differently  -> a conflict: the local value stays, nothing is sent, and the ticket shows
  both values in plain words until the engineer keeps one side (``WritebackStore.resolve``).

Title and requester are only refreshed (the helpdesk has the customer's words); status, tags and priority
go both ways. Qt-free; the requests themselves are in ``integrations.writeback``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from sqlalchemy import delete, select

from cre_desk.core import sync_conflicts
from cre_desk.core.field_mapping import triage_tags
from cre_desk.core.sync_conflicts import FieldConflict
from cre_desk.core.tickets import normalise_tags
from cre_desk.core.vocabulary import DEFAULT_PAUSE_REASON, PAUSED_STATUSES, RESOLVED_STATUSES, Status
from cre_desk.db.models import RemoteState, StatusEvent, Ticket, TicketTag

#: Shown in the Overview next to imported tickets: which side wins for each field.
RULES = (
    "Title and requester follow the helpdesk. Status, tags and priority changed here are sent to the "
    "helpdesk at the next sync; a field changed on both sides is kept as it is here and shown as a "
    "conflict, never overwritten."
)


def encode_tags(tags) -> str:
    return json.dumps(list(normalise_tags(tags)))


def decode_tags(text: str | None) -> tuple[str, ...] | None:
    if text is None:
        return None
    try:
        value = json.loads(text)
    except ValueError:
        return None
    return normalise_tags(value) if isinstance(value, list) else None


def tags_of(session, ticket_id: int) -> tuple[str, ...]:
    return normalise_tags(session.scalars(select(TicketTag.tag).where(TicketTag.ticket_id == ticket_id)))


def _set_tags(session, ticket_id: int, tags) -> None:
    session.execute(delete(TicketTag).where(TicketTag.ticket_id == ticket_id))
    session.add_all(TicketTag(ticket_id=ticket_id, tag=t) for t in normalise_tags(tags))


def _set_status(session, ticket: Ticket, status: str, at, actor: str) -> None:
    session.add(
        StatusEvent(
            ticket_id=ticket.id,
            at=at,
            from_status=ticket.status,
            to_status=status,
            actor=actor,
            pause_reason=DEFAULT_PAUSE_REASON.get(Status(status))
            if Status(status) in PAUSED_STATUSES
            else None,
        )
    )
    ticket.resolved_at = at if status in RESOLVED_STATUSES else None
    ticket.status = status


def encode_fields(values: dict) -> str:
    return json.dumps(dict(sorted(values.items())), ensure_ascii=False)


#: What an imported ticket holds before anything fills the field (``TicketFields`` defaults).
_DEFAULTS = {"platform": "android", "priority": "normal", "category": "troubleshooting"}
#: Where the helpdesk's assignee is remembered among ``remote_fields`` (not a field one can map).
ASSIGNEE_KEY = "~assignee"
#: The symptom/category tags last sent (``core.field_mapping.triage_tags``).
TRIAGE_KEY = "~triage"


def _fields_of(state: RemoteState) -> dict:
    try:
        base = json.loads(state.remote_fields) if state.remote_fields else {}
    except ValueError:
        return {}
    return base if isinstance(base, dict) else {}


def base_assignee(state: RemoteState) -> str | None:
    """The helpdesk's assignee when last seen (kept with the mapped fields); None when not known."""
    value = _fields_of(state).get(ASSIGNEE_KEY)
    return value if isinstance(value, str) else None


def set_base_assignee(state: RemoteState, name: str | None) -> None:
    if name is not None:
        state.remote_fields = encode_fields({**_fields_of(state), ASSIGNEE_KEY: name[:200]})


def refresh_mapped(ticket: Ticket, state: RemoteState, mapped: dict[str, str]) -> None:
    """Mapped custom fields (platform, SDK version…) follow the helpdesk unless edited here since: a value
    the helpdesk changed replaces ours only while ours is still the one it gave last time (or empty)."""
    base = _fields_of(state)
    for name, value in mapped.items():
        before = base.get(name)
        local = getattr(ticket, name)
        untouched = local == before if before is not None else (not local or local == _DEFAULTS.get(name))
        if value != before and value != local and untouched:
            setattr(ticket, name, value)
    state.remote_fields = encode_fields({**base, **mapped})


def adopt_legacy(session, ticket: Ticket, state: RemoteState, remote, status: str) -> None:
    """A ticket imported before two-way sync: nothing it holds was meant for the helpdesk yet. A status or
    assignee set here that differs from the helpdesk's becomes a conflict for the engineer to decide (the
    first sync must not solve or reassign old tickets in bulk); tags are merged (nothing is lost); the
    helpdesk's priority, never imported before, is taken."""
    conflicts: list[FieldConflict] = []
    if ticket.status != status and ticket.status != state.remote_status:
        conflicts.append(FieldConflict("status", ticket.status, status))
        state.remote_status = status
    state.remote_priority = ticket.priority if remote.priority is not None else None
    local_tags = tags_of(session, ticket.id)
    state.remote_tags = encode_tags(set(local_tags) & set(normalise_tags(remote.tags)))
    assignee = getattr(remote, "assignee", None)
    if assignee is not None:
        set_base_assignee(state, assignee)
        if ticket.assignee and ticket.assignee != assignee:
            conflicts.append(FieldConflict("assignee", ticket.assignee, assignee))
    if conflicts:
        state.conflict = sync_conflicts.encode(conflicts)


def _now():
    from datetime import UTC, datetime

    return datetime.now(UTC)


def record_new(state: RemoteState, remote) -> None:
    """A freshly imported ticket: both sides agree on everything."""
    state.remote_title = remote.title
    state.remote_requester = remote.requester_name[:200]
    state.remote_priority = remote.priority
    state.remote_tags = encode_tags(remote.tags)
    set_base_assignee(state, getattr(remote, "assignee", None))
    state.conflict = ""


def refresh(session, ticket: Ticket, state: RemoteState, remote, status: str, source: str) -> list[str]:
    """Bring the helpdesk's changes into ``ticket`` without losing local edits; returns new conflicts."""
    conflicts: list[FieldConflict] = []
    base_status = state.remote_status
    if status != base_status and status != ticket.status:
        if ticket.status != base_status:
            conflicts.append(FieldConflict("status", ticket.status, status))
        else:
            _set_status(session, ticket, status, remote.updated_at, source)
    title = (remote.title or "").strip()[:500]
    if title and state.remote_title is not None and title != state.remote_title and title != ticket.title:
        ticket.title = title  # the helpdesk's subject wins: the customer's words
    if state.remote_requester is not None and remote.requester_name != state.remote_requester:
        ticket.requester_name = remote.requester_name[:200] or ticket.requester_name
    if remote.priority is not None and state.remote_priority is not None:
        if remote.priority != state.remote_priority and remote.priority != ticket.priority:
            if ticket.priority != state.remote_priority:
                conflicts.append(FieldConflict("priority", ticket.priority, remote.priority))
            else:
                ticket.priority = remote.priority
    assignee, before = getattr(remote, "assignee", None), base_assignee(state)
    if assignee is not None and before is not None and assignee != before and assignee != ticket.assignee:
        if ticket.assignee != before:
            conflicts.append(FieldConflict("assignee", ticket.assignee or "", assignee))
        else:
            ticket.assignee = assignee[:200]
    set_base_assignee(state, assignee)
    remote_tags, base_tags, local_tags = (
        normalise_tags(remote.tags),
        decode_tags(state.remote_tags),
        tags_of(session, ticket.id),
    )
    if base_tags is not None and remote_tags != base_tags and remote_tags != local_tags:
        if local_tags != base_tags:
            # Both sides edited tags: merge what each side added and removed instead of picking one.
            merged = (set(local_tags) | (set(remote_tags) - set(base_tags))) - (
                set(base_tags) - set(remote_tags)
            )
            _set_tags(session, ticket.id, merged)
        else:
            _set_tags(session, ticket.id, remote_tags)
    # What the helpdesk shows now becomes the common ground. A conflicting field keeps its local value, and
    # the ticket is held back from write-back until the engineer chooses a side (``resolve``).
    state.remote_status, state.remote_priority = status, remote.priority
    state.remote_title, state.remote_requester = title or state.remote_title, remote.requester_name[:200]
    state.remote_tags = encode_tags(remote_tags)
    if conflicts:
        state.conflict = sync_conflicts.merged(state.conflict, conflicts)
    return [sync_conflicts.describe(c) for c in conflicts]


@dataclass(frozen=True)
class Pending:
    """A ticket of one account with local status, tags or priority the helpdesk has not got yet."""

    ticket_id: int
    external_id: str
    title: str
    status: str
    tags: tuple[str, ...]
    priority: str
    base_status: str
    base_tags: tuple[str, ...] | None
    base_priority: str | None
    conflict: str = ""
    assignee: str = ""
    base_assignee: str | None = None
    triage: tuple[str, ...] | None = None  # the symptom/category tags the helpdesk should carry (None: off)
    base_triage: tuple[str, ...] = ()


class WritebackStore:
    """The database half of write-back: what is waiting to go, and what the helpdesk now holds."""

    def __init__(self, service) -> None:
        self.service = service  # the workspace's TicketService: its search index follows tag changes
        self.db = service.db

    def _reindex(self, session, ticket_id: int) -> None:
        session.flush()
        self.service._reindex(session, ticket_id)  # noqa: SLF001 - same layer, as in db.imports

    def pending(self, source: str, account_id: str, *, triage: bool = False) -> list[Pending]:
        """Every ticket of the account whose local status, tags, priority or assignee differ from the
        helpdesk's; with ``triage`` also those whose symptom or category tags are not there yet."""
        found = []
        with self.db.read() as session:
            rows = session.execute(
                select(Ticket, RemoteState)
                .join(RemoteState, RemoteState.ticket_id == Ticket.id)
                .where(
                    Ticket.source == source, Ticket.account_id == account_id, Ticket.external_id.is_not(None)
                )
                .order_by(Ticket.id)
            ).all()
            for ticket, state in rows:
                if state.remote_title is None:
                    continue  # imported before two-way sync: the next import records the common ground first
                tags, base_tags = tags_of(session, ticket.id), decode_tags(state.remote_tags)
                assignee_base = base_assignee(state)
                wanted_triage = triage_tags(ticket.symptom, ticket.category) if triage else None
                sent_triage = tuple(_fields_of(state).get(TRIAGE_KEY) or ())
                changed = (
                    ticket.status != state.remote_status
                    or (base_tags is not None and tags != base_tags)
                    or (state.remote_priority is not None and ticket.priority != state.remote_priority)
                    or (assignee_base is not None and ticket.assignee != assignee_base)
                    or (wanted_triage is not None and wanted_triage != sent_triage)
                )
                if changed:
                    found.append(
                        Pending(
                            ticket.id,
                            ticket.external_id or "",
                            ticket.title,
                            ticket.status,
                            tags,
                            ticket.priority,
                            state.remote_status,
                            base_tags,
                            state.remote_priority,
                            sync_conflicts.describe_all(sync_conflicts.decode(state.conflict)),
                            ticket.assignee,
                            assignee_base,
                            wanted_triage,
                            sent_triage,
                        )
                    )
        return found

    def record_remote(
        self,
        ticket_id: int,
        *,
        status: str | None = None,
        tags=None,
        priority: str | None = None,
        conflict: list[FieldConflict] | None = None,
        local_tags=None,
        assignee: str | None = None,
        triage: tuple[str, ...] | None = None,
    ) -> None:
        """Remember what the helpdesk holds now (after a write, or when it already agreed); ``local_tags``
        replaces this ticket's tags (both sides' tag edits merged)."""
        with self.db.write() as session:
            state = session.get(RemoteState, ticket_id)
            if state is None:
                return
            if local_tags is not None:
                _set_tags(session, ticket_id, local_tags)
                self._reindex(session, ticket_id)
            if status is not None:
                state.remote_status = status
            if tags is not None:
                state.remote_tags = encode_tags(tags)
            if priority is not None:
                state.remote_priority = priority
            set_base_assignee(state, assignee)
            if triage is not None:
                state.remote_fields = encode_fields({**_fields_of(state), TRIAGE_KEY: list(triage)})
            state.conflict = sync_conflicts.encode(conflict or [])

    def resolve(self, ticket_id: int, *, keep_here: bool, fields: set[str] | None = None) -> None:
        """Decide a conflict: keep this ticket's values (sent at the next sync) or take the helpdesk's, for
        ``fields`` (every conflicting field when None); the other fields stay in conflict."""
        with self.db.write() as session:
            state = session.get(RemoteState, ticket_id)
            ticket = session.get(Ticket, ticket_id)
            if state is None or ticket is None or not state.conflict:
                return
            open_fields = {c.field for c in sync_conflicts.decode(state.conflict)}
            chosen = open_fields if fields is None else open_fields & set(fields)
            if not keep_here:
                if "status" in chosen and ticket.status != state.remote_status and (
                    state.remote_status in {s.value for s in Status}
                ):
                    _set_status(session, ticket, state.remote_status, _now(), "helpdesk")
                if "priority" in chosen and state.remote_priority is not None:
                    ticket.priority = state.remote_priority
                if "assignee" in chosen and base_assignee(state) is not None:
                    ticket.assignee = base_assignee(state) or ""
                if fields is None or not open_fields:
                    # tags never conflict (both sides' edits merge); taking "everything" takes them too
                    base_tags = decode_tags(state.remote_tags)
                    if base_tags is not None:
                        _set_tags(session, ticket.id, base_tags)
                self._reindex(session, ticket.id)
            state.conflict = sync_conflicts.without(state.conflict, chosen) if fields is not None else ""

    def conflicts(self, ticket_id: int) -> list[FieldConflict]:
        """The fields changed in both places and waiting for the engineer, with both values."""
        with self.db.read() as session:
            state = session.get(RemoteState, ticket_id)
            return sync_conflicts.decode(state.conflict) if state is not None else []

    def conflict(self, ticket_id: int) -> str:
        """The same in English (sync reports, the command line)."""
        return sync_conflicts.describe_all(self.conflicts(ticket_id))
