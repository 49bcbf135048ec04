"""Where an article lives in help centers other than Zendesk Guide (Intercom Articles), remembered per center.

The Zendesk Guide copy is kept on the article row itself (migration 0008); a team on Intercom needs the
same memory, the remote id to update rather than duplicate, the address to show, and the edit time to
notice an edit made there, without touching the article's version (it is not an edit of the article).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import select

from cre_desk.db.engine import Database
from cre_desk.db.models import Article, ArticleRemoteCopy
from cre_desk.errors import UserError

INTERCOM = "intercom"


@dataclass(frozen=True)
class RemoteCopy:
    article_id: int
    center: str
    account_id: str
    remote_id: str
    url: str
    edited_at: str
    saved_at: datetime


class RemoteCopies:
    """Reads and writes of ``kb_article_remote_copies``; one transaction per call."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def get(self, article_id: int, center: str) -> RemoteCopy | None:
        with self.db.read() as session:
            row = session.get(ArticleRemoteCopy, (article_id, center))
            return _copy(row) if row is not None else None

    def for_article(self, article_id: int) -> list[RemoteCopy]:
        with self.db.read() as session:
            return [_copy(r) for r in session.scalars(
                select(ArticleRemoteCopy).where(ArticleRemoteCopy.article_id == article_id)
                .order_by(ArticleRemoteCopy.center))]

    def remember(self, article_id: int, center: str, *, account_id: str, remote_id: str, url: str,
                 edited_at: str) -> RemoteCopy:
        with self.db.write() as session:
            if session.get(Article, article_id) is None:
                raise UserError(f"Article #{article_id} no longer exists; a teammate may have deleted it.")
            row = session.get(ArticleRemoteCopy, (article_id, center))
            if row is None:
                row = ArticleRemoteCopy(article_id=article_id, center=center)
                session.add(row)
            row.account_id, row.remote_id, row.url, row.edited_at = account_id, remote_id, url, edited_at
            row.saved_at = datetime.now(UTC)
            session.flush()
            return _copy(row)


def _copy(row: ArticleRemoteCopy) -> RemoteCopy:
    return RemoteCopy(row.article_id, row.center, row.account_id, row.remote_id, row.url, row.edited_at,
                      row.saved_at)
