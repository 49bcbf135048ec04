"""Saving a knowledge-base article to the help center (Zendesk Guide or Intercom Articles) as a draft.

A whole user action: read the article, call the help center outside any transaction, then remember where
the draft lives. The window and ``cre-desk kb publish`` both call it.
"""

from __future__ import annotations

from cre_desk.core import kb
from cre_desk.db.kb_remotes import INTERCOM, RemoteCopies, RemoteCopy
from cre_desk.db.kb_service import KnowledgeService
from cre_desk.integrations.help_center import RemoteArticle


def save_to_help_center(knowledge: KnowledgeService, article_id: int, guide, *, section_id: int,
                        permission_group_id: int, force: bool = False) -> kb.ArticleRecord:
    """Create or update the article as a draft in Zendesk Guide; never over an edit made there unless
    ``force`` (the help center client raises a conflict)."""
    record = knowledge.get_article(article_id)
    remote = (RemoteArticle(record.remote_id, record.remote_url, record.remote_edited_at)
              if record.remote_id else None)
    saved = guide.save_draft(record.fields, section_id=section_id, permission_group_id=permission_group_id,
                             remote=remote, force=force)
    return knowledge.remember_remote(article_id, saved.remote_id, saved.url, saved.edited_at)


def save_to_intercom(knowledge: KnowledgeService, copies: RemoteCopies, article_id: int, articles, *,
                     account_id: str, collection_id: int | None = None, force: bool = False,
                     replace_live: bool = False) -> RemoteCopy:
    """Create or update the article as a draft in Intercom Articles and remember the copy; never over an
    edit made there unless ``force``, never over a live article unless ``replace_live``."""
    record = knowledge.get_article(article_id)
    known = copies.get(article_id, INTERCOM)
    remote = RemoteArticle(known.remote_id, known.url, known.edited_at) if known else None
    saved = articles.save_draft(record.fields, parent_id=collection_id, remote=remote, force=force,
                                replace_live=replace_live)
    return copies.remember(article_id, INTERCOM, account_id=account_id, remote_id=saved.remote_id,
                           url=saved.url, edited_at=saved.edited_at)


def intercom_copy_changed(copies: RemoteCopies, article_id: int, articles) -> bool | None:
    """Whether the article's Intercom copy was edited there since saved from here (None: no copy yet)."""
    known = copies.get(article_id, INTERCOM)
    if known is None:
        return None
    return articles.remote_changed(RemoteArticle(known.remote_id, known.url, known.edited_at))
