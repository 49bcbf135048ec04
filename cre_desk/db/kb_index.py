"""The look-alike index behind the knowledge base: term vectors and log fingerprints.

Term counts of tickets and articles are stashed in ``kb_term_vectors`` and kept in an in-memory index
that only reloads what changed since its last look, so suggesting for a newly opened ticket never
re-reads every ticket's text. Fingerprints (what a log's analysis found, plus confirmed checklist
items) find tickets that fail the same way even when they are worded differently.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Iterable, Mapping
from datetime import UTC, datetime, timedelta

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from cre_desk.core import kb
from cre_desk.core.vocabulary import Verdict
from cre_desk.db import kb_changes
from cre_desk.db.engine import Database
from cre_desk.db.id_lists import any_of
from cre_desk.db.kb_fingerprints import FingerprintIndex
from cre_desk.db.models import Article, ChecklistItem, LogFingerprint, Message, TermVector, Ticket

#: How many customer messages count towards a ticket's text (later ones are mostly back-and-forth).
CUSTOMER_MESSAGES = 3
#: How far back each index refresh looks again, for stashes that committed out of order.
RELOAD_MARGIN = timedelta(seconds=2)


def now_utc() -> datetime:
    return datetime.now(UTC)


def join_lines(values: Iterable[str]) -> str:
    return "\n".join(values)


def split_lines(text: str) -> tuple[str, ...]:
    return tuple(v for v in (text or "").split("\n") if v)


def stash_article(session: Session, article: Article, now: datetime) -> None:
    """Store an article's term counts (in the caller's write; the index loads them later)."""
    counts = kb.text_terms(
        "\n".join(
            [
                article.title_en,
                article.title_en,
                article.title_ja,
                article.title_ja,
                article.body_en,
                article.body_ja,
            ]
        )
    )
    exists = session.get(TermVector, ("article", article.id)) is not None
    put_vector(session, "article", article.id, counts, now, exists)

def put_vector(
    session: Session, kind: str, ref_id: int, counts: Mapping[str, int], now: datetime, exists: bool
) -> None:
    terms = json.dumps(dict(counts), ensure_ascii=False, sort_keys=True)
    if exists:
        row = session.get(TermVector, (kind, ref_id))
        assert row is not None
        row.terms_json, row.computed_at = terms, now
    else:
        session.add(TermVector(kind=kind, ref_id=ref_id, terms_json=terms, computed_at=now))



class KnowledgeIndex:
    """Term vectors and fingerprints of tickets and articles, and the in-memory index over them."""

    def __init__(self, db: Database, *, clock: Callable[[], datetime] = now_utc) -> None:
        self.db = db
        self.clock = clock
        self._lock = threading.Lock()
        self._refresh_lock = threading.Lock()
        self._index = kb.TextIndex()
        self._fps = FingerprintIndex()
        self._loaded_until: datetime | None = None
        self._stamps: dict[tuple[str, int], datetime] = {}
        #: (when, newest ticket, message and article ids) of the last look for changed tickets and articles.
        self._checked: tuple[datetime, int, int, int] | None = None

    def forget(self, kind: str, ref_id: int) -> None:
        """Drop a deleted ticket or article from the in-memory index."""
        with self._lock:
            self._index.remove((kind, ref_id))

    def record_fingerprint(
        self, ticket_id: int, attachment_id: int, analysis_json: Mapping
    ) -> kb.Fingerprint:
        """Keep what the analysis of one attached log found, for look-alike search by log."""
        fp = kb.fingerprint_from_analysis(analysis_json)
        with self.db.write() as session:
            row = session.get(LogFingerprint, (ticket_id, attachment_id))
            if row is None:
                row = LogFingerprint(ticket_id=ticket_id, attachment_id=attachment_id)
                session.add(row)
            row.rules = join_lines(sorted(fp.rules))
            row.areas = join_lines(sorted(fp.areas))
            row.computed_at = now_utc()  # the in-memory fingerprint index reloads by real time
        return fp

    def fingerprints(
        self, session: Session, ticket_ids: Iterable[int] | None = None
    ) -> dict[int, kb.Fingerprint]:
        """Every ticket's fingerprint: stored log analyses merged with confirmed/suspected checklist items."""
        out: dict[int, kb.Fingerprint] = {}
        ids = list(ticket_ids) if ticket_ids is not None else None
        stmt = select(LogFingerprint.ticket_id, LogFingerprint.rules, LogFingerprint.areas)
        if ids is not None:
            stmt = stmt.where(any_of(LogFingerprint.ticket_id, ids))
        for ticket_id, rules, areas in session.execute(stmt):
            fp = kb.Fingerprint(frozenset(split_lines(rules)), frozenset(split_lines(areas)))
            out[ticket_id] = out.get(ticket_id, kb.Fingerprint()).merged(fp)
        stmt2 = select(ChecklistItem.ticket_id, ChecklistItem.symptom, ChecklistItem.item_key,
                       ChecklistItem.area, ChecklistItem.verdict).where(
            ChecklistItem.verdict.in_([Verdict.CONFIRMED, Verdict.SUSPECTED]))
        if ids is not None:
            stmt2 = stmt2.where(any_of(ChecklistItem.ticket_id, ids))
        by_ticket: dict[int, list] = {}
        for item in session.execute(stmt2):
            by_ticket.setdefault(item.ticket_id, []).append(item)
        for ticket_id, items in by_ticket.items():
            fp = kb.fingerprint_from_checklist(items)
            out[ticket_id] = out.get(ticket_id, kb.Fingerprint()).merged(fp)
        return out


    def refresh_vectors(self) -> int:
        """Stash term counts of every ticket and article changed since their last stash; returns how many.

        The first call compares every ticket with its stash; later calls of the same service only look at
        tickets and messages added, and tickets updated, since the previous call (a fixed cost per call).
        One call at a time: the index may be warmed up on another thread while a ticket is opened.
        """
        with self._refresh_lock:
            return self._refresh_vectors()

    def _refresh_vectors(self) -> int:
        now = now_utc()  # compared with tickets' own update times, so the real clock
        with self.db.read() as session:
            newest = kb_changes.newest_ids(session)
            if self._checked is None:
                stale = self._all_stale_tickets(session)
                articles = list(session.scalars(
                    select(Article.id)
                    .outerjoin(TermVector, (TermVector.kind == "article") & (TermVector.ref_id == Article.id))
                    .where(or_(TermVector.ref_id.is_(None), Article.updated_at > TermVector.computed_at))
                ))
            else:
                since, seen_ticket, seen_message, seen_article = self._checked
                stale = kb_changes.changed_tickets(session, since - RELOAD_MARGIN, seen_ticket, seen_message)
                articles = kb_changes.changed_articles(session, since - RELOAD_MARGIN, seen_article)
        if stale or articles:
            with self.db.write() as session:
                for chunk_start in range(0, len(stale), 500):
                    self._stash_tickets(session, stale[chunk_start : chunk_start + 500], now)
                for article in session.scalars(select(Article).where(any_of(Article.id, articles))):
                    stash_article(session, article, now)
        self._checked = (now, *newest)
        return len(stale) + len(articles)

    @staticmethod
    def _all_stale_tickets(session: Session) -> list[int]:
        newest_message = (
            select(Message.ticket_id, func.max(Message.created_at).label("at"))
            .group_by(Message.ticket_id)
            .subquery()
        )
        return list(session.scalars(
            select(Ticket.id)
            .outerjoin(TermVector, (TermVector.kind == "ticket") & (TermVector.ref_id == Ticket.id))
            .outerjoin(newest_message, newest_message.c.ticket_id == Ticket.id)
            .where(or_(TermVector.ref_id.is_(None), Ticket.updated_at > TermVector.computed_at,
                       newest_message.c.at > TermVector.computed_at))
        ))

    def _stash_tickets(self, session: Session, ticket_ids: list[int], now: datetime) -> None:
        tickets = session.execute(
            select(Ticket.id, Ticket.title, Ticket.asked, Ticket.goal).where(any_of(Ticket.id, ticket_ids))
        ).all()
        bodies: dict[int, list[str]] = {}
        for ticket_id, body in session.execute(
            select(Message.ticket_id, Message.body)
            .where(any_of(Message.ticket_id, ticket_ids), Message.from_customer.is_(True))
            .order_by(Message.ticket_id, Message.created_at)
        ):
            if len(bodies.setdefault(ticket_id, [])) < CUSTOMER_MESSAGES:
                bodies[ticket_id].append(body)
        existing = set(
            session.scalars(
                select(TermVector.ref_id).where(
                    TermVector.kind == "ticket", any_of(TermVector.ref_id, ticket_ids)
                )
            )
        )
        for ticket_id, title, asked, goal in tickets:
            counts = kb.text_terms("\n".join([title, title, asked, goal, *bodies.get(ticket_id, [])]))
            put_vector(session, "ticket", ticket_id, counts, now, ticket_id in existing)

    def _sync_index(self, session: Session) -> None:
        """Load into memory the stashed vectors changed since the last load."""
        started = now_utc()
        stmt = select(TermVector.kind, TermVector.ref_id, TermVector.computed_at)
        if self._loaded_until is not None:
            # A margin catches a stash that committed after a later one was already loaded.
            stmt = stmt.where(TermVector.computed_at >= self._loaded_until - RELOAD_MARGIN)
        newest = self._loaded_until
        changed: list[tuple[str, int]] = []
        for kind, ref_id, computed_at in session.execute(stmt):
            if self._stamps.get((kind, ref_id)) != computed_at:
                changed.append((kind, ref_id))
                self._stamps[(kind, ref_id)] = computed_at
            newest = computed_at if newest is None or computed_at > newest else newest
        loaded = []
        for kind in ("ticket", "article"):
            ids = [ref_id for k, ref_id in changed if k == kind]
            for start in range(0, len(ids), 900):
                loaded += [((kind, ref_id), json.loads(terms_json)) for ref_id, terms_json in session.execute(
                    select(TermVector.ref_id, TermVector.terms_json).where(
                        TermVector.kind == kind, any_of(TermVector.ref_id, ids[start : start + 900])))]
        if len(loaded) >= 50:
            self._index.put_many(loaded)   # a load: postings grouped at once, norms recomputed
        for key, counts in loaded if len(loaded) < 50 else ():
            self._index.put(key, counts)
        # Stashes carry the real time of whoever wrote them: the next look starts at the later of the newest
        # stash and this look's start (minus the margin), so a bulk stash is not re-read on every look.
        self._loaded_until = started if newest is None or started > newest else newest

    def ensure_index(self) -> int:
        """Stash what changed and load it; returns the number of documents indexed (the window calls it
        once in the background when a workspace opens, so the first opened ticket does not wait for it)."""
        self.refresh_vectors()
        with self._lock, self.db.read() as session:
            self._sync_index(session)
            self._fps.sync(session)
            return len(self._index)
