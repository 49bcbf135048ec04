"""Saving a knowledge-base article to the help center (Zendesk Guide) as a draft.

A whole user action: read the article, call the help center outside any transaction, then remember where
the draft lives. The window and ``cre-desk kb publish`` both call it.
"""

from __future__ import annotations

from cre_desk.core import kb
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
