"""Bulk re-tagging from the queue: one product team and/or kind for many tickets at once.

A kind refines a category (the timers' field), so a kind of another category first changes the ticket's
category through the ordinary ticket save (its conflict check and timer refresh included), then stores the
tag, confirmed by the engineer. ``plan_retag`` says beforehand how many tickets would change, for the
confirmation; ``retag_tickets`` does it and reports what changed and what could not (a ticket deleted or
saved by a teammate meanwhile is skipped and named, the others still change).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from cre_desk.core.feedback import Kind, category_for
from cre_desk.db.feedback import FeedbackStore
from cre_desk.db.service import TicketService
from cre_desk.errors import CreDeskError, UserError


@dataclass(frozen=True)
class RetagPlan:
    ticket_ids: tuple[int, ...]
    team: str | None  # None: each ticket keeps its team
    kind: str | None  # None: each ticket keeps its kind
    changing: tuple[int, ...]  # tickets whose confirmed team or kind would differ afterwards
    new_category: tuple[int, ...]  # of those, the tickets whose category changes with the kind


@dataclass(frozen=True)
class RetagResult:
    changed: tuple[int, ...]
    failed: tuple[tuple[int, str], ...] = ()  # (ticket id, why)


def plan_retag(
    store: FeedbackStore, ticket_ids: list[int], *, team: str | None = None, kind: str | None = None
) -> RetagPlan:
    """What setting ``team`` and/or ``kind`` on these tickets would change (nothing is written)."""
    if team is None and kind is None:
        raise UserError("Choose a product team or a kind to set.")
    if kind is not None:
        kind = str(Kind(kind))
    if team and team not in {t.key for t in store.list_teams()}:
        raise UserError(f"There is no product team “{team}”. A lead adds teams in the feedback dashboard.")
    ids = tuple(dict.fromkeys(ticket_ids))
    changing, new_category = [], []
    for ticket_id in ids:
        tag = store.tag_of(ticket_id)
        after = (tag.team if team is None else team, tag.kind if kind is None else kind)
        if not tag.confirmed or after != (tag.team, tag.kind):
            changing.append(ticket_id)
            if kind is not None and kind != tag.kind and not _fits(store, ticket_id, kind):
                new_category.append(ticket_id)
    return RetagPlan(ids, team, kind, tuple(changing), tuple(new_category))


def _fits(store: FeedbackStore, ticket_id: int, kind: str) -> bool:
    return store.facts(ticket_id).category == category_for(kind)


def retag_tickets(
    service: TicketService, store: FeedbackStore, plan: RetagPlan, *, actor: str = ""
) -> RetagResult:
    """Carry out a plan: per ticket, the category (when the kind needs another) then the confirmed tag."""
    changed: list[int] = []
    failed: list[tuple[int, str]] = []
    for ticket_id in plan.changing:
        try:
            tag = store.tag_of(ticket_id)
            kind = tag.kind if plan.kind is None else plan.kind
            team = tag.team if plan.team is None else plan.team
            needed = category_for(kind)
            detail = service.get_ticket(ticket_id)
            if detail.fields.category != needed:
                fields = dataclasses.replace(detail.fields, category=needed)
                service.update_ticket(ticket_id, fields, expected_version=detail.version, actor=actor)
            store.confirm(ticket_id, team=team, kind=kind, actor=actor)
            changed.append(ticket_id)
        except CreDeskError as exc:  # deleted or saved by a teammate meanwhile: the others still change
            failed.append((ticket_id, str(exc)))
    return RetagResult(tuple(changed), tuple(failed))
