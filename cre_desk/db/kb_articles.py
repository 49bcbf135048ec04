"""Knowledge-base articles: writing them, linking them to tickets, and where an FAQ's answer comes from.

Each public method is one transaction and returns plain records; an edit checks the version the user
saw, so a teammate's save in between becomes a conflict with both versions. Saving an article also
stashes its term counts for the look-alike index (``kb_index``) in the same transaction.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from cre_desk.core import kb, kb_drafting, replies
from cre_desk.core.tickets import TicketDetail
from cre_desk.core.vocabulary import RESOLVED_STATUSES
from cre_desk.db.engine import Database
from cre_desk.db.id_lists import any_of
from cre_desk.db.kb_index import join_lines, now_utc, split_lines, stash_article
from cre_desk.db.models import Article, ArticleEvent, ArticleTicket, ReplyDraft, SentReply, TermVector, Ticket
from cre_desk.errors import ConflictError, UserError


@dataclass(frozen=True)
class PreviousAnswer:
    """The Cause and Fix of the reply that resolved an earlier ticket, in its language."""

    ticket_id: int
    language: str
    cause: str
    fix: str


class ArticleRepository:
    """Articles, their ticket links and their usage events."""

    def __init__(self, db: Database, *, clock: Callable[[], datetime] = now_utc) -> None:
        self.db = db
        self.clock = clock

    def create_article(self, fields: kb.ArticleFields) -> kb.ArticleRecord:
        fields = fields.validated()
        now = self.clock()
        with self.db.write() as session:
            article = Article(created_at=now, updated_at=now)
            self._apply(session, article, fields, now)
            session.add(article)
            session.flush()
            self._link(session, article.id, fields.ticket_ids)
            stash_article(session, article, now_utc())
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
                stash_article(session, article, now_utc())
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
        article.sdk_versions, article.tags = join_lines(fields.sdk_versions), join_lines(fields.tags)
        if fields.status == kb.ArticleStatus.PUBLISHED and article.published_at is None:
            article.published_at = now

    @staticmethod
    def _link(session: Session, article_id: int, ticket_ids: Iterable[int]) -> None:
        ids = sorted(set(ticket_ids))
        known = set(session.scalars(select(Ticket.id).where(any_of(Ticket.id, ids))))
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
            .where(any_of(ArticleTicket.article_id, article_ids))
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
            sdk_versions=split_lines(article.sdk_versions),
            tags=split_lines(article.tags),
            ticket_ids=links,
        )
        return kb.ArticleRecord(
            article.id, fields, article.created_at, article.updated_at, article.published_at, article.version,
            article.remote_id, article.remote_url, article.remote_edited_at,
        )
