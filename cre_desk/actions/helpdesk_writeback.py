"""Send an account's local status, tag and priority changes to its helpdesk: the "both ways" half of sync.

Why this exists: the window's sync, background sync and ``cre-desk sync`` must push changes the same way,
before importing (so the import sees the helpdesk already agreeing). For each changed ticket the
helpdesk's current values are read first; a field the helpdesk changed too is a conflict that is reported
and not written. A refusal (a role that may not edit tickets, a 422 with the helpdesk's reasons) stops
only that ticket and is explained in plain words; a rate limit or a lost connection stops the push and
is left to the sync's own waiting. Qt-free.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from cre_desk.core import sync_conflicts
from cre_desk.core.field_mapping import is_triage
from cre_desk.core.sync_conflicts import FieldConflict
from cre_desk.db.writeback import Pending, WritebackStore
from cre_desk.integrations.http_errors import AuthFailed, IntegrationError, NotFound, ReplyUncertain
from cre_desk.integrations.writeback import (
    FieldChange,
    FieldValues,
    UnknownAgent,
    UpdateConflict,
    explain_refusal,
    writer_for,
)

log = logging.getLogger(__name__)


@dataclass
class PushResult:
    sent: int = 0  # tickets whose changes the helpdesk now holds
    conflicts: int = 0
    problems: list[str] = field(default_factory=list)

    def describe(self) -> str:
        parts = []
        if self.sent:
            parts.append(f"{self.sent} change(s) sent")
        if self.conflicts:
            parts.append(f"{self.conflicts} conflict(s) to resolve")
        return ", ".join(parts)


def push_changes(tickets, provider, account_id: str, *, triage_tags: bool = False) -> PushResult:
    """Write every pending change of ``account_id`` to ``provider``'s helpdesk, at most once each;
    ``tickets`` is the workspace's TicketService; ``triage_tags`` also sends symptom and category as tags."""
    result = PushResult()
    writer = writer_for(provider)
    if writer is None:
        return result
    store = WritebackStore(tickets)
    for item in store.pending(provider.name, account_id, triage=triage_tags):
        if item.conflict:
            result.conflicts += 1
            result.problems.append(
                _label(writer.vendor, item) + f": {item.conflict}. Choose a side on the "
                "ticket's Overview; nothing is sent until then."
            )
            continue
        try:
            _push_one(store, writer, item, result)
        except (AuthFailed, NotFound, ReplyUncertain) as exc:
            if isinstance(exc, AuthFailed) and exc.status != 403:
                raise  # a refused token: the whole account's sync explains it
            result.problems.append(f"{_label(writer.vendor, item)}: {explain_refusal(exc, writer.vendor)}")
        except IntegrationError as exc:
            if exc.status not in (400, 409, 422):
                raise  # rate limits, outages: the sync waits or reports for the account
            result.problems.append(f"{_label(writer.vendor, item)}: {explain_refusal(exc, writer.vendor)}")
    return result


def _push_one(store: WritebackStore, writer, item: Pending, result: PushResult) -> None:
    current: FieldValues = writer.read(item.external_id)
    conflicts: list[FieldConflict] = []
    change: dict = {}
    status_conflict = priority_conflict = assignee_conflict = assignee_waits = False
    # status: compared in the helpdesk's own values (two of ours it cannot tell apart are one change)
    here, base, there = (
        writer.status_key(item.status),
        writer.status_key(item.base_status),
        writer.status_key(current.status),
    )
    if here != base:
        if there not in (base, here):
            status_conflict = True
            conflicts.append(FieldConflict("status", item.status, current.status))
        elif there != here:
            change["status"] = item.status
    there_tags = tuple(sorted({t.lower() for t in current.tags if not is_triage(t)}))
    there_triage = tuple(sorted({t.lower() for t in current.tags if is_triage(t)}))
    if item.base_tags is not None and item.tags != item.base_tags:
        if there_tags not in (item.base_tags, item.tags):
            # Both sides changed tags: apply our additions and removals to what the helpdesk has now.
            merged = (set(there_tags) | (set(item.tags) - set(item.base_tags))) - (
                set(item.base_tags) - set(item.tags)
            )
            change["tags"] = tuple(sorted(merged))
        elif there_tags != item.tags:
            change["tags"] = item.tags
    if "tags" in change or (item.triage is not None and item.triage != there_triage):
        # The tag list is written whole: our symptom/category tags ride along (or, when the account does not
        # send them, whatever such tags the helpdesk already has stay).
        user_tags = change.get("tags", there_tags)
        change["tags"] = tuple(sorted(set(user_tags) | set(item.triage if item.triage is not None
                                                             else there_triage)))
    if writer.has_priority and item.base_priority is not None and item.priority != item.base_priority:
        if current.priority not in (item.base_priority, item.priority):
            priority_conflict = True
            conflicts.append(FieldConflict("priority", item.priority, current.priority or ""))
        elif current.priority != item.priority:
            change["priority"] = item.priority
    if (
        writer.has_assignee
        and item.base_assignee is not None
        and not _same(item.assignee, item.base_assignee)
    ):
        there_assignee = current.assignee
        if (
            there_assignee is not None
            and not _same(there_assignee, item.base_assignee)
            and not _same(there_assignee, item.assignee)
        ):
            assignee_conflict = True
            conflicts.append(FieldConflict("assignee", item.assignee, there_assignee))
        elif not _same(there_assignee or "", item.assignee):
            try:
                change["assignee"] = writer.agent_id(item.assignee)
            except UnknownAgent as exc:
                assignee_waits = True
                result.problems.append(f"{_label(writer.vendor, item)}: {exc}")
    if conflicts:
        text = sync_conflicts.describe_all(conflicts, writer.vendor)
        # Only the conflicting fields take the helpdesk's value as common ground (see db.writeback.refresh).
        store.record_remote(
            item.ticket_id,
            status=current.status if status_conflict else None,
            priority=current.priority if priority_conflict else None,
            assignee=current.assignee if assignee_conflict else None,
            conflict=conflicts,
        )
        result.conflicts += 1
        result.problems.append(
            f"{_label(writer.vendor, item)}: {text}. Choose a side on the ticket's "
            "Overview; nothing is sent until then."
        )
        return
    wanted = FieldChange(**change)
    if not wanted.empty():
        try:
            writer.write(item.external_id, wanted, current)
        except UpdateConflict:
            # Changed in the helpdesk between our read and our write: nothing was written; next sync retries.
            result.problems.append(
                f"{_label(writer.vendor, item)}: {writer.vendor} changed the ticket while "
                "CRE Desk was updating it; the change is sent again at the next sync."
            )
            return
    # The helpdesk now holds our values for each field changed here; fields changed only there are left for
    # the import that follows, which takes them.
    local_changed_tags = item.base_tags is not None and item.tags != item.base_tags
    tags = tuple(t for t in wanted.tags if not is_triage(t)) if wanted.tags is not None else item.tags
    store.record_remote(
        item.ticket_id,
        status=item.status,
        tags=tags if local_changed_tags else None,
        priority=item.priority if writer.has_priority and item.base_priority is not None else None,
        local_tags=tags if local_changed_tags and tags != item.tags else None,
        assignee=item.assignee if item.base_assignee is not None and not assignee_waits else None,
        triage=item.triage,
    )
    if not wanted.empty():
        result.sent += 1
        log.info("%s ticket %s: sent %s", writer.vendor, item.external_id, ", ".join(sorted(change)))


def _label(vendor: str, item: Pending) -> str:
    return f"{vendor} ticket {item.external_id} (“{item.title[:60]}”)"


def _same(a: str | None, b: str | None) -> bool:
    """Agent names compare without case or spacing differences ("alex agent" is "Alex  Agent")."""
    return " ".join((a or "").split()).casefold() == " ".join((b or "").split()).casefold()


def ticket_conflict(tickets, ticket_id: int) -> list[FieldConflict]:
    """The fields changed both here and in the helpdesk, with both values ([] when there is none);
    ``tickets`` is the workspace's TicketService."""
    return WritebackStore(tickets).conflicts(ticket_id)


def resolve_conflict(tickets, ticket_id: int, *, keep_here: bool, fields: set[str] | None = None) -> None:
    """The engineer's choice for ``fields`` (all when None): keep this ticket's values (sent at the next
    sync) or take the helpdesk's."""
    WritebackStore(tickets).resolve(ticket_id, keep_here=keep_here, fields=fields)
