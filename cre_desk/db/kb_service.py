"""The knowledge-base service: articles plus look-alike suggestions, FAQ candidates and FAQ health.

Articles are kept by ``kb_articles`` and the similarity index by ``kb_index``; this module combines
them into the one object the views and the CLI use, and holds the questions that need both: which
tickets and articles look like this one, which resolved tickets no article covers yet, and whether a
published article made look-alike tickets rarer.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from cre_desk.core import kb
from cre_desk.core.vocabulary import RESOLVED_STATUSES
from cre_desk.db.engine import Database
from cre_desk.db.id_lists import any_of
from cre_desk.db.kb_articles import ArticleRepository, PreviousAnswer
from cre_desk.db.kb_index import KnowledgeIndex, now_utc
from cre_desk.db.models import Article, ArticleEvent, ArticleTicket, Ticket

__all__ = ["ArticleHealth", "KnowledgeService", "PreviousAnswer"]

#: Text similarity to an article above which a resolved ticket counts as covered by it.
COVERED_SCORE = 0.3
#: Text similarity above which a ticket created after an article was published is on the same topic.
SAME_TOPIC_SCORE = 0.3


@dataclass(frozen=True)
class ArticleHealth:
    """Whether an article helps: suggested, inserted, and look-alikes after publishing."""

    article_id: int
    title: str
    status: str
    suggested: int
    inserted: int
    after_publishing: int


class KnowledgeService(ArticleRepository, KnowledgeIndex):
    """All knowledge-base reads and writes."""

    def __init__(self, db: Database, *, clock: Callable[[], datetime] = now_utc) -> None:
        ArticleRepository.__init__(self, db, clock=clock)
        KnowledgeIndex.__init__(self, db, clock=clock)

    def delete_article(self, article_id: int) -> None:
        super().delete_article(article_id)
        self.forget("article", article_id)

    def suggest(self, ticket_id: int, *, limit: int = 8, record: bool = True) -> list[kb.Suggestion]:
        """Resolved tickets and articles that look like ``ticket_id``, best first, each with why."""
        self.ensure_index()
        key = ("ticket", ticket_id)
        with self._lock, self.db.read() as session:
            counts = self._index.counts(key)
            text_matches = {
                m.key: m
                for m in self._index.query(
                    counts, limit=60, exclude=frozenset({key}), min_score=kb.MIN_TEXT_SCORE
                )
            }
            mine = self._fps.fingerprint(session, ticket_id)
            finger = self._fps.look_alikes(session, mine, ticket_id)
            ticket_ids = {k[1] for k in text_matches if k[0] == "ticket"} | set(finger)
            # by primary key alone, the status checked here: a status condition let PostgreSQL pick the
            # status index and read every resolved ticket (15 ms at 100,000) whenever its statistics lagged
            tickets = {
                row.id: row
                for row in session.execute(
                    select(Ticket.id, Ticket.title, Ticket.status).where(any_of(Ticket.id, ticket_ids))
                )
                if row.status in RESOLVED_STATUSES
            }
            scored: list[kb.Suggestion] = []
            for other_id, row in tickets.items():
                score, reasons = kb.combine(text_matches.get(("ticket", other_id)), finger.get(other_id))
                if reasons:
                    scored.append(kb.Suggestion("ticket", other_id, row.title, score, reasons, row.status))
            scored.sort(key=lambda s: (-s.score, s.ref_id))
            similar_tickets = [s.ref_id for s in scored[:limit]]
            scored_articles = self._article_suggestions(
                session, text_matches, similar_tickets, finger, ticket_id
            )
        articles = sorted(scored_articles, key=lambda s: (-s.score, s.ref_id))[:limit]
        if record:
            for suggestion in articles:
                self._record_events(suggestion.ref_id, [ticket_id], "suggested")
        return articles + scored[:limit]

    def _article_suggestions(
        self,
        session: Session,
        text_matches: Mapping,
        similar_tickets: list[int],
        finger: Mapping[int, kb.FingerprintMatch],
        own: int,
    ) -> list[kb.Suggestion]:
        linked: dict[int, list[int]] = {}
        for article_id, t_id in session.execute(
            select(ArticleTicket.article_id, ArticleTicket.ticket_id).where(
                any_of(ArticleTicket.ticket_id, [*similar_tickets, *finger, own])
            )
        ):
            linked.setdefault(article_id, []).append(t_id)
        ids = {k[1] for k in text_matches if k[0] == "article"} | set(linked)
        rows = session.execute(
            select(Article.id, Article.title_en, Article.title_ja, Article.status).where(
                any_of(Article.id, ids), Article.status.in_(list(kb.SUGGESTED_STATUSES))
            )
        )
        out = []
        for article_id, title_en, title_ja, status in rows:
            score, reasons = kb.combine(text_matches.get(("article", article_id)), None)
            via = sorted(t for t in linked.get(article_id, []) if t in similar_tickets or t in finger)
            if via:
                best = max((finger[t].score for t in via if t in finger), default=0.0)
                score += 0.5 + 0.5 * best
                reasons += (kb.Reason("linked", tuple(f"#{t}" for t in via)),)
            if own in linked.get(article_id, []):
                # Written for (or linked to) this very ticket: the team already answered it once.
                score += 1.0
                reasons += (kb.Reason("this_ticket"),)
            if reasons:
                out.append(kb.Suggestion("article", article_id, title_en or title_ja, score, reasons, status,
                                         title_ja))
        return out

    # ----- FAQ candidates and health -----------------------------------------------------------------

    def faq_candidates(self, *, limit: int = 20) -> list[kb.Candidate]:
        """Groups of similar resolved tickets that no article covers yet, largest first."""
        self.ensure_index()
        with self._lock, self.db.read() as session:
            resolved: dict[int, str] = {
                row.id: row.title
                for row in session.execute(
                    select(Ticket.id, Ticket.title).where(Ticket.status.in_(list(RESOLVED_STATUSES)))
                )
            }
            linked = set(
                session.scalars(
                    select(ArticleTicket.ticket_id)
                    .join(Article, Article.id == ArticleTicket.article_id)
                    .where(Article.status != kb.ArticleStatus.OUTDATED)
                )
            )
            live = set(session.scalars(select(Article.id).where(Article.status != kb.ArticleStatus.OUTDATED)))
            keys = []
            for ticket_id in resolved:
                key = ("ticket", ticket_id)
                if ticket_id in linked or key not in self._index:
                    continue
                covered = any(
                    m.key[1] in live
                    for m in self._index.query(
                        self._index.counts(key), limit=3, kinds=frozenset({"article"}),
                        min_score=COVERED_SCORE,
                    )
                )
                if not covered:
                    keys.append(key)
            fps = self.fingerprints(session, [k[1] for k in keys])
            groups = kb.group_similar(self._index, keys, {k: self._index.counts(k) for k in keys}, fps)
            out = []
            for group in groups[:limit]:
                terms = kb.top_terms([self._index.counts(("ticket", t)) for t in group], self._index)
                out.append(kb.Candidate(tuple(group), tuple(resolved[t] for t in group), terms))
            return out

    def faq_health(self) -> list[ArticleHealth]:
        """Per article: times suggested and inserted, and look-alike tickets that came after publishing."""
        self.ensure_index()
        with self._lock, self.db.read() as session:
            events: dict[tuple[int, str], int] = {}
            for article_id, kind, n in session.execute(
                select(ArticleEvent.article_id, ArticleEvent.kind, func.count()).group_by(
                    ArticleEvent.article_id, ArticleEvent.kind
                )
            ):
                events[(article_id, kind)] = n
            created: dict[int, datetime] = {
                row.id: row.created_at for row in session.execute(select(Ticket.id, Ticket.created_at))
            }
            out = []
            for article in session.scalars(select(Article).order_by(Article.id)):
                after = 0
                if article.published_at is not None:
                    same = {
                        m.key[1]
                        for m in self._index.query(
                            self._index.counts(("article", article.id)),
                            limit=10_000,
                            kinds=frozenset({"ticket"}),
                            min_score=SAME_TOPIC_SCORE,
                        )
                    }
                    same |= set(
                        session.scalars(
                            select(ArticleEvent.ticket_id).where(ArticleEvent.article_id == article.id)
                        )
                    )
                    published = article.published_at
                    after = len([t for t in same if t in created and created[t] > published])
                out.append(
                    ArticleHealth(
                        article.id,
                        article.title_en or article.title_ja,
                        article.status,
                        events.get((article.id, "suggested"), 0),
                        events.get((article.id, "inserted"), 0),
                        after,
                    )
                )
            return out

