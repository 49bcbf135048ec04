"""Full-text search over tickets: SQLite FTS5 (bm25) or PostgreSQL tsvector (ts_rank), same behaviour."""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.orm import Session

from cre_desk.core.text_search import fts5_match, index_text, tsquery


def _is_sqlite(session: Session) -> bool:
    return session.get_bind().dialect.name == "sqlite"


def update_document(session: Session, ticket_id: int, title: str, parts: list[str]) -> None:
    """Replace the search document of one ticket (title weighted above the rest)."""
    doc_title = index_text(title)
    doc_body = index_text("\n".join(p for p in parts if p))
    if _is_sqlite(session):
        session.execute(text("DELETE FROM ticket_fts WHERE rowid = :id"), {"id": ticket_id})
        session.execute(
            text("INSERT INTO ticket_fts (rowid, title, body) VALUES (:id, :title, :body)"),
            {"id": ticket_id, "title": doc_title, "body": doc_body},
        )
    else:
        session.execute(
            text(
                "INSERT INTO ticket_fts (ticket_id, title, body) VALUES (:id, :title, :body) "
                "ON CONFLICT (ticket_id) DO UPDATE SET title = EXCLUDED.title, body = EXCLUDED.body"
            ),
            {"id": ticket_id, "title": doc_title, "body": doc_body},
        )


def delete_document(session: Session, ticket_id: int) -> None:
    column = "rowid" if _is_sqlite(session) else "ticket_id"
    session.execute(text(f"DELETE FROM ticket_fts WHERE {column} = :id"), {"id": ticket_id})


#: When a query matches more tickets than this, only the newest this-many matches are ranked: the
#: answer stays instant on a large workspace, and a broad word is refined by typing another.
RANK_WINDOW = 2000


def search_ids(session: Session, query: str, limit: int = 200) -> list[int]:
    """Return ticket ids matching every word of ``query``, best match first."""
    if _is_sqlite(session):
        match = fts5_match(query)
        if match is None:
            return []
        newest = session.execute(
            text("SELECT rowid FROM ticket_fts WHERE ticket_fts MATCH :q ORDER BY rowid DESC LIMIT :w"),
            {"q": match, "w": RANK_WINDOW},
        ).scalars().all()
        if not newest:
            return []
        rows = session.execute(
            text(
                "SELECT rowid FROM ticket_fts WHERE ticket_fts MATCH :q AND rowid >= :floor "
                "ORDER BY bm25(ticket_fts, 5.0, 1.0) LIMIT :limit"
            ),
            {"q": match, "limit": limit, "floor": newest[-1]},
        )
    else:
        tsq = tsquery(query)
        if tsq is None:
            return []
        rows = session.execute(
            text(
                "SELECT ticket_id FROM ticket_fts, to_tsquery('simple', :q) AS q WHERE tsv @@ q "
                "ORDER BY ts_rank(tsv, q) DESC, ticket_id DESC LIMIT :limit"
            ),
            {"q": tsq, "limit": limit},
        )
    return [row[0] for row in rows]
