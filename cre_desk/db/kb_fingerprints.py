"""Log fingerprints in memory, so "same log findings" look-alikes cost no table scan per opened ticket.

Suggesting for a ticket whose log shares findings with one ticket in seven used to scan every stored
fingerprint with LIKE patterns and then re-read thousands of them: 0.6 s at 100,000 tickets. The rules of
every analysed log are kept here in an inverted index (rule -> tickets), reloaded only for rows computed
since the last look; checklist verdicts, which change often and are few per ticket, are still read from
the database, but only for the tickets worth comparing.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from cre_desk.core import kb
from cre_desk.core.vocabulary import Verdict
from cre_desk.db.id_lists import any_of
from cre_desk.db.models import ChecklistItem, LogFingerprint

#: How far back each reload looks again, for rows that committed out of order.
RELOAD_MARGIN = timedelta(seconds=2)
#: Tickets compared in full with the opened one: the best by shared log findings, then those sharing a
#: checklist item. A finding shared with thousands of tickets says little, like a very common word.
COMPARED = 300
_CHUNK = 900


def _split(text: str) -> frozenset[str]:
    return frozenset(v for v in (text or "").split("\n") if v)


class FingerprintIndex:
    """Every analysed log's fingerprint by ticket, and the tickets each rule fired for.

    Not thread-safe on its own: the knowledge service calls it under its lock.
    """

    def __init__(self) -> None:
        #: ticket -> attachment -> (fingerprint, computed at): a ticket's logs merge without a full scan
        self._by_attachment: dict[int, dict[int, tuple[kb.Fingerprint, datetime]]] = {}
        self._by_ticket: dict[int, kb.Fingerprint] = {}
        self._rule_tickets: dict[str, set[int]] = {}
        self._loaded_until: datetime | None = None

    def sync(self, session: Session) -> None:
        """Load the fingerprints computed since the last call (all of them the first time)."""
        started = datetime.now(UTC)
        stmt = select(LogFingerprint.ticket_id, LogFingerprint.attachment_id, LogFingerprint.rules,
                      LogFingerprint.areas, LogFingerprint.computed_at)
        if self._loaded_until is not None:
            stmt = stmt.where(LogFingerprint.computed_at >= self._loaded_until - RELOAD_MARGIN)
        touched: set[int] = set()
        newest = self._loaded_until
        for ticket_id, attachment_id, rules, areas, computed_at in session.execute(stmt):
            logs = self._by_attachment.setdefault(ticket_id, {})
            known = logs.get(attachment_id)
            if known is None or known[1] != computed_at:
                logs[attachment_id] = (kb.Fingerprint(_split(rules), _split(areas)), computed_at)
                touched.add(ticket_id)
            newest = computed_at if newest is None or computed_at > newest else newest
        if touched:
            self._rebuild(touched)
        # Rows carry the real time of whoever wrote them: the next look starts at the later of the newest row
        # and this look's start (minus the margin), so a bulk analysis is not re-read on every look.
        self._loaded_until = started if newest is None or started > newest else newest

    def _rebuild(self, ticket_ids: set[int]) -> None:
        for ticket_id in ticket_ids:
            for rule in self._by_ticket.get(ticket_id, kb.Fingerprint()).rules:
                self._rule_tickets.get(rule, set()).discard(ticket_id)
        for ticket_id in ticket_ids:
            merged = kb.Fingerprint()
            for fp, _ in self._by_attachment.get(ticket_id, {}).values():
                merged = merged.merged(fp)
            self._by_ticket[ticket_id] = merged
            for rule in merged.rules:
                self._rule_tickets.setdefault(rule, set()).add(ticket_id)

    def fingerprint(self, session: Session, ticket_id: int) -> kb.Fingerprint:
        """One ticket's fingerprint: its logs (from memory) and its checklist verdicts (from the database)."""
        return self._with_checklists(session, [ticket_id]).get(ticket_id, kb.Fingerprint())

    def look_alikes(
        self, session: Session, mine: kb.Fingerprint, ticket_id: int
    ) -> dict[int, kb.FingerprintMatch]:
        """Tickets whose fingerprint agrees with ``mine``, with how much (an area letter alone: too broad)."""
        if not mine:
            return {}
        shared: dict[int, int] = {}
        for rule in mine.rules:
            for other in self._rule_tickets.get(rule, ()):
                shared[other] = shared.get(other, 0) + 1
        by_logs = sorted(shared, key=lambda t: (-shared[t], t))
        by_checklist: set[int] = set()
        for area in mine.areas:
            if "/" in area:
                symptom, item_key = area.split("/", 1)
                by_checklist.update(session.scalars(select(ChecklistItem.ticket_id).where(
                    ChecklistItem.symptom == symptom, ChecklistItem.item_key == item_key,
                    ChecklistItem.verdict.in_([Verdict.CONFIRMED, Verdict.SUSPECTED]))))
        compared = list(dict.fromkeys([*by_logs[:COMPARED], *sorted(by_checklist)[:COMPARED]]))
        out: dict[int, kb.FingerprintMatch] = {}
        for other, fp in self._with_checklists(session, compared).items():
            if other == ticket_id:
                continue
            match = kb.compare_fingerprints(mine, fp)
            if match is not None:
                out[other] = match
        return out

    def _with_checklists(self, session: Session, ticket_ids: Iterable[int]) -> dict[int, kb.Fingerprint]:
        ids = list(ticket_ids)
        out = {t: self._by_ticket[t] for t in ids if t in self._by_ticket}
        for start in range(0, len(ids), _CHUNK):
            by_ticket: dict[int, list] = {}
            for item in session.execute(
                select(ChecklistItem.ticket_id, ChecklistItem.symptom, ChecklistItem.item_key,
                       ChecklistItem.area, ChecklistItem.verdict).where(
                    any_of(ChecklistItem.ticket_id, ids[start : start + _CHUNK]),
                    ChecklistItem.verdict.in_([Verdict.CONFIRMED, Verdict.SUSPECTED]))
            ):
                by_ticket.setdefault(item.ticket_id, []).append(item)
            for ticket_id, items in by_ticket.items():
                fp = kb.fingerprint_from_checklist(items)
                out[ticket_id] = out.get(ticket_id, kb.Fingerprint()).merged(fp)
        return out
