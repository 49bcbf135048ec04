"""The knowledge-base service: articles, look-alike suggestions, FAQ candidates and FAQ health.

Term counts of tickets and articles are stashed in ``kb_term_vectors`` and kept in an in-memory index
that only reloads what changed since its last look, so suggesting for a newly opened ticket never
re-reads every ticket's text. Each public method is one transaction and returns plain records.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import delete, func, or_, select, update
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from cre_desk.core import kb, kb_drafting, replies
from cre_desk.core.tickets import TicketDetail
from cre_desk.core.vocabulary import RESOLVED_STATUSES, Verdict
from cre_desk.db import kb_changes
from cre_desk.db.engine import Database
from cre_desk.db.kb_fingerprints import FingerprintIndex
from cre_desk.db.models import (
    Article,
    ArticleEvent,
    ArticleTicket,
    ChecklistItem,
    LogFingerprint,
    Message,
    ReplyDraft,
    SentReply,
    TermVector,
    Ticket,
)
from cre_desk.errors import ConflictError, UserError

#: How many customer messages count towards a ticket's text (later ones are mostly back-and-forth).
CUSTOMER_MESSAGES = 3
#: Text similarity to an article above which a resolved ticket counts as covered by it.
COVERED_SCORE = 0.3
#: Text similarity above which a ticket created after an article was published is on the same topic.
SAME_TOPIC_SCORE = 0.3


#: How far back each index refresh looks again, for stashes that committed out of order.
RELOAD_MARGIN = timedelta(seconds=2)


def _now() -> datetime:
    return datetime.now(UTC)


def _lines(values: Iterable[str]) -> str:
    return "\n".join(values)


def _split(text: str) -> tuple[str, ...]:
    return tuple(v for v in (text or "").split("\n") if v)


@dataclass(frozen=True)
class ArticleHealth:
    """Whether an article helps: suggested, inserted, and look-alikes after publishing."""

    article_id: int
    title: str
    status: str
    suggested: int
    inserted: int
    after_publishing: int


@dataclass(frozen=True)
class PreviousAnswer:
    """The Cause and Fix of the reply that resolved an earlier ticket, in its language."""

    ticket_id: int
    language: str
    cause: str
    fix: str


class KnowledgeService:
    """All knowledge-base reads and writes."""

    def __init__(self, db: Database, *, clock: Callable[[], datetime] = _now) -> None:
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

    # ----- articles ----------------------------------------------------------------------------------

    def create_article(self, fields: kb.ArticleFields) -> kb.ArticleRecord:
        fields = fields.validated()
        now = self.clock()
        with self.db.write() as session:
            article = Article(created_at=now, updated_at=now)
            self._apply(session, article, fields, now)
            session.add(article)
            session.flush()
            self._link(session, article.id, fields.ticket_ids)
            self._stash_article(session, article, _now())
            return self._record(session, article)

    def update_article(
        self, article_id: int, fields: kb.ArticleFields, *, expected_version: int
    ) -> kb.ArticleRecord:
        """Save an edit; a teammate's save in between raises :class:`ConflictError` with both versions."""
        fields = fields.validated()
        now = self.clock()
        try:
            with self.db.write() as session:
                article = self._article(session, article_id)
                if article.version != expected_version:
                    raise ConflictError(
                        f"Article #{article_id} was changed by someone else after you opened it. "
                        "Your edits are "
                        "kept: compare them with the saved version and save again.",
                        mine=fields,
                        theirs=self._record(session, article),
                    )
                self._apply(session, article, fields, now)
                article.updated_at = now
                session.execute(delete(ArticleTicket).where(ArticleTicket.article_id == article_id))
                self._link(session, article_id, fields.ticket_ids)
                session.flush()
                self._stash_article(session, article, _now())
                return self._record(session, article)
        except StaleDataError:
            raise ConflictError(
                f"Article #{article_id} was saved by someone else at the same moment. Your edits "
                "are kept: compare them with the saved version and save again.",
                mine=fields,
                theirs=self.get_article(article_id),
            ) from None

    def get_article(self, article_id: int) -> kb.ArticleRecord:
        with self.db.read() as session:
            return self._record(session, self._article(session, article_id))

    def list_articles(self, *, status: str | None = None, kind: str | None = None) -> list[kb.ArticleRecord]:
        with self.db.read() as session:
            stmt = select(Article).order_by(Article.updated_at.desc(), Article.id.desc())
            if status:
                stmt = stmt.where(Article.status == status)
            if kind:
                stmt = stmt.where(Article.kind == kind)
            articles = session.scalars(stmt).all()
            links = self._links(session, [a.id for a in articles])
            return [self._record(session, a, links.get(a.id, ())) for a in articles]

    def delete_article(self, article_id: int) -> None:
        with self.db.write() as session:
            session.delete(self._article(session, article_id))
            session.execute(
                delete(TermVector).where(TermVector.kind == "article", TermVector.ref_id == article_id)
            )
        with self._lock:
            self._index.remove(("article", article_id))

    def make_faq(self, ticket: TicketDetail, *, owner: str = "") -> kb.ArticleRecord:
        """ "Make an FAQ article" from a resolved ticket: a draft in English and Japanese, linked to it."""
        if ticket.status not in RESOLVED_STATUSES:
            raise UserError(
                "Only a solved or closed ticket can become an FAQ article: its answer is not final yet."
            )
        source = self._reply_source(ticket.id)
        return self.create_article(kb_drafting.draft_faq(ticket, source, owner=owner))

    def remember_remote(self, article_id: int, remote_id, url: str, edited_at) -> kb.ArticleRecord:
        """Store where the article lives in the help center: not an edit, so it causes no conflict."""
        with self.db.write() as session:
            # version-exempt: the remote id, address and edit time are not fields anyone edits
            session.execute(update(Article).where(Article.id == article_id).values(
                remote_id=remote_id, remote_url=url, remote_edited_at=edited_at
            ).execution_options(synchronize_session=False))
        return self.get_article(article_id)

    def load_demo_articles(self) -> int:
        """Add the demo workspace's articles that are not there yet (linked to the demo tickets); how many."""
        from cre_desk import resource_files

        specs = resource_files.read_json("demo", "articles.json")["articles"]
        with self.db.read() as session:
            existing = set(session.scalars(select(Article.title_en)))
            keys = {
                row.external_id: row.id
                for row in session.execute(
                    select(Ticket.id, Ticket.external_id).where(Ticket.source == "demo")
                )
            }
        added = 0
        for spec in specs:
            if spec["title_en"] in existing:
                continue
            self.create_article(kb.ArticleFields(
                title_en=spec["title_en"], title_ja=spec["title_ja"], body_en=spec["body_en"],
                body_ja=spec["body_ja"], kind=spec["kind"], status=spec["status"], owner=spec["owner"],
                sdk_versions=tuple(spec["sdk_versions"]), tags=tuple(spec["tags"]),
                ticket_ids=tuple(keys[k] for k in spec["tickets"] if k in keys)))
            added += 1
        return added

    # ----- fingerprints and events -------------------------------------------------------------------

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
            row.rules = _lines(sorted(fp.rules))
            row.areas = _lines(sorted(fp.areas))
            row.computed_at = _now()  # the in-memory fingerprint index reloads by real time
        return fp

    def fingerprints(
        self, session: Session, ticket_ids: Iterable[int] | None = None
    ) -> dict[int, kb.Fingerprint]:
        """Every ticket's fingerprint: stored log analyses merged with confirmed/suspected checklist items."""
        out: dict[int, kb.Fingerprint] = {}
        ids = list(ticket_ids) if ticket_ids is not None else None
        stmt = select(LogFingerprint.ticket_id, LogFingerprint.rules, LogFingerprint.areas)
        if ids is not None:
            stmt = stmt.where(LogFingerprint.ticket_id.in_(ids))
        for ticket_id, rules, areas in session.execute(stmt):
            fp = kb.Fingerprint(frozenset(_split(rules)), frozenset(_split(areas)))
            out[ticket_id] = out.get(ticket_id, kb.Fingerprint()).merged(fp)
        stmt2 = select(ChecklistItem.ticket_id, ChecklistItem.symptom, ChecklistItem.item_key,
                       ChecklistItem.area, ChecklistItem.verdict).where(
            ChecklistItem.verdict.in_([Verdict.CONFIRMED, Verdict.SUSPECTED]))
        if ids is not None:
            stmt2 = stmt2.where(ChecklistItem.ticket_id.in_(ids))
        by_ticket: dict[int, list] = {}
        for item in session.execute(stmt2):
            by_ticket.setdefault(item.ticket_id, []).append(item)
        for ticket_id, items in by_ticket.items():
            fp = kb.fingerprint_from_checklist(items)
            out[ticket_id] = out.get(ticket_id, kb.Fingerprint()).merged(fp)
        return out

    def record_inserted(self, article_id: int, ticket_id: int) -> None:
        """Count that an article's text or link went into a ticket's reply (FAQ health)."""
        self._record_events(article_id, [ticket_id], "inserted")

    def _record_events(self, article_id: int, ticket_ids: Iterable[int], kind: str) -> None:
        with self.db.write() as session:
            for ticket_id in ticket_ids:
                exists = session.scalar(
                    select(ArticleEvent.id).where(
                        ArticleEvent.article_id == article_id,
                        ArticleEvent.ticket_id == ticket_id,
                        ArticleEvent.kind == kind,
                    )
                )
                if exists is None:
                    session.add(
                        ArticleEvent(article_id=article_id, ticket_id=ticket_id, kind=kind, at=self.clock())
                    )

    # ----- similarity --------------------------------------------------------------------------------

    def refresh_vectors(self) -> int:
        """Stash term counts of every ticket and article changed since their last stash; returns how many.

        The first call compares every ticket with its stash; later calls of the same service only look at
        tickets and messages added, and tickets updated, since the previous call (a fixed cost per call).
        One call at a time: the index may be warmed up on another thread while a ticket is opened.
        """
        with self._refresh_lock:
            return self._refresh_vectors()

    def _refresh_vectors(self) -> int:
        now = _now()  # compared with tickets' own update times, so the real clock
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
                for article in session.scalars(select(Article).where(Article.id.in_(articles))):
                    self._stash_article(session, article, now)
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
            select(Ticket.id, Ticket.title, Ticket.asked, Ticket.goal).where(Ticket.id.in_(ticket_ids))
        ).all()
        bodies: dict[int, list[str]] = {}
        for ticket_id, body in session.execute(
            select(Message.ticket_id, Message.body)
            .where(Message.ticket_id.in_(ticket_ids), Message.from_customer.is_(True))
            .order_by(Message.ticket_id, Message.created_at)
        ):
            if len(bodies.setdefault(ticket_id, [])) < CUSTOMER_MESSAGES:
                bodies[ticket_id].append(body)
        existing = set(
            session.scalars(
                select(TermVector.ref_id).where(
                    TermVector.kind == "ticket", TermVector.ref_id.in_(ticket_ids)
                )
            )
        )
        for ticket_id, title, asked, goal in tickets:
            counts = kb.text_terms("\n".join([title, title, asked, goal, *bodies.get(ticket_id, [])]))
            self._put_vector(session, "ticket", ticket_id, counts, now, ticket_id in existing)

    def _stash_article(self, session: Session, article: Article, now: datetime) -> None:
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
        self._put_vector(session, "article", article.id, counts, now, exists)

    @staticmethod
    def _put_vector(
        session: Session, kind: str, ref_id: int, counts: Mapping[str, int], now: datetime, exists: bool
    ) -> None:
        terms = json.dumps(dict(counts), ensure_ascii=False, sort_keys=True)
        if exists:
            row = session.get(TermVector, (kind, ref_id))
            assert row is not None
            row.terms_json, row.computed_at = terms, now
        else:
            session.add(TermVector(kind=kind, ref_id=ref_id, terms_json=terms, computed_at=now))

    def _sync_index(self, session: Session) -> None:
        """Load into memory the stashed vectors changed since the last load."""
        started = _now()
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
                        TermVector.kind == kind, TermVector.ref_id.in_(ids[start : start + 900])))]
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
            tickets = {
                row.id: row
                for row in session.execute(
                    select(Ticket.id, Ticket.title, Ticket.status).where(
                        Ticket.id.in_(ticket_ids), Ticket.status.in_(list(RESOLVED_STATUSES))
                    )
                )
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
                ArticleTicket.ticket_id.in_([*similar_tickets, *finger, own])
            )
        ):
            linked.setdefault(article_id, []).append(t_id)
        ids = {k[1] for k in text_matches if k[0] == "article"} | set(linked)
        rows = session.execute(
            select(Article.id, Article.title_en, Article.title_ja, Article.status).where(
                Article.id.in_(ids), Article.status.in_(list(kb.SUGGESTED_STATUSES))
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

    def previous_answer(self, ticket_id: int) -> PreviousAnswer | None:
        """The Cause and Fix an earlier ticket was answered with, to copy into a new draft."""
        source = self._reply_source(ticket_id)
        if source is None:
            return None
        return PreviousAnswer(ticket_id, source.language, source.reply.cause, source.reply.fix)

    def _reply_source(self, ticket_id: int) -> kb_drafting.Source | None:
        with self.db.read() as session:
            sent = session.scalars(
                select(SentReply)
                .where(SentReply.ticket_id == ticket_id)
                .order_by(SentReply.sent_at.desc(), SentReply.id.desc())
                .limit(1)
            ).first()
            if sent is not None and sent.body.strip():
                return kb_drafting.Source(
                    sent.language, kb_drafting.parse_sent_reply(sent.body, sent.language)
                )
            draft = session.scalars(select(ReplyDraft).where(ReplyDraft.ticket_id == ticket_id)).first()
            if draft is not None and (draft.cause.strip() or draft.fix.strip()):
                return kb_drafting.Source(
                    draft.language, replies.Reply(draft.summary, draft.cause, draft.fix)
                )
        return None

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

    # ----- helpers -----------------------------------------------------------------------------------

    @staticmethod
    def _article(session: Session, article_id: int) -> Article:
        article = session.get(Article, article_id)
        if article is None:
            raise UserError(f"Article #{article_id} no longer exists; a teammate may have deleted it.")
        return article

    @staticmethod
    def _apply(session: Session, article: Article, fields: kb.ArticleFields, now: datetime) -> None:
        article.kind, article.owner, article.status = fields.kind, fields.owner, fields.status
        article.title_en, article.title_ja = fields.title_en, fields.title_ja
        article.body_en, article.body_ja = fields.body_en, fields.body_ja
        article.sdk_versions, article.tags = _lines(fields.sdk_versions), _lines(fields.tags)
        if fields.status == kb.ArticleStatus.PUBLISHED and article.published_at is None:
            article.published_at = now

    @staticmethod
    def _link(session: Session, article_id: int, ticket_ids: Iterable[int]) -> None:
        ids = sorted(set(ticket_ids))
        known = set(session.scalars(select(Ticket.id).where(Ticket.id.in_(ids))))
        missing = [t for t in ids if t not in known]
        if missing:
            raise UserError("These tickets do not exist: " + ", ".join(f"#{t}" for t in missing) + ".")
        for ticket_id in ids:
            session.add(ArticleTicket(article_id=article_id, ticket_id=ticket_id))

    @staticmethod
    def _links(session: Session, article_ids: list[int]) -> dict[int, tuple[int, ...]]:
        out: dict[int, list[int]] = {}
        for article_id, ticket_id in session.execute(
            select(ArticleTicket.article_id, ArticleTicket.ticket_id)
            .where(ArticleTicket.article_id.in_(article_ids))
            .order_by(ArticleTicket.ticket_id)
        ):
            out.setdefault(article_id, []).append(ticket_id)
        return {k: tuple(v) for k, v in out.items()}

    def _record(
        self, session: Session, article: Article, links: tuple[int, ...] | None = None
    ) -> kb.ArticleRecord:
        if links is None:
            links = self._links(session, [article.id]).get(article.id, ())
        fields = kb.ArticleFields(
            title_en=article.title_en,
            kind=article.kind,
            title_ja=article.title_ja,
            body_en=article.body_en,
            body_ja=article.body_ja,
            owner=article.owner,
            status=article.status,
            sdk_versions=_split(article.sdk_versions),
            tags=_split(article.tags),
            ticket_ids=links,
        )
        return kb.ArticleRecord(
            article.id, fields, article.created_at, article.updated_at, article.published_at, article.version,
            article.remote_id, article.remote_url, article.remote_edited_at,
        )
