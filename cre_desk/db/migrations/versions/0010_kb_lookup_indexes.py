"""Indexes that keep look-alike suggestions fast at 100,000 tickets; articles' copies in Intercom.

Log fingerprints are loaded into memory by their computation time, and tickets sharing a checklist item
are looked up by (symptom, item_key), and articles changed by a teammate by their update time; each
scanned a whole table before. An article saved to Intercom Articles remembers that copy (its id, address
and edit time) in ``kb_article_remote_copies``, beside the Zendesk Guide copy the article row holds.

Revision ID: 0010
Revises: 0008
Create Date: 2026-11-27
"""

import sqlalchemy as sa
from alembic import op

from cre_desk.db.models import UTCDateTime

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_kb_log_fingerprints_computed_at", "kb_log_fingerprints", ["computed_at"])
    op.create_index("ix_checklist_symptom_item", "checklist_items", ["symptom", "item_key"])
    op.create_index("ix_kb_articles_updated_at", "kb_articles", ["updated_at"])
    op.create_table(
        "kb_article_remote_copies",
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("center", sa.String(20), nullable=False),
        sa.Column("account_id", sa.String(200), nullable=False, server_default=""),
        sa.Column("remote_id", sa.String(100), nullable=False, server_default=""),
        sa.Column("url", sa.String(1000), nullable=False, server_default=""),
        sa.Column("edited_at", sa.String(40), nullable=False, server_default=""),
        sa.Column("saved_at", UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["article_id"], ["kb_articles.id"], ondelete="CASCADE",
                                name=op.f("fk_kb_article_remote_copies_article_id_kb_articles")),
        sa.PrimaryKeyConstraint("article_id", "center", name=op.f("pk_kb_article_remote_copies")),
    )


def downgrade() -> None:
    op.drop_table("kb_article_remote_copies")
    op.drop_index("ix_kb_articles_updated_at", table_name="kb_articles")
    op.drop_index("ix_checklist_symptom_item", table_name="checklist_items")
    op.drop_index("ix_kb_log_fingerprints_computed_at", table_name="kb_log_fingerprints")
