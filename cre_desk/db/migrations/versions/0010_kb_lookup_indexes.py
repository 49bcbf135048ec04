"""Indexes that keep look-alike suggestions fast at 100,000 tickets.

Log fingerprints are loaded into memory by their computation time, and tickets sharing a checklist item
are looked up by (symptom, item_key), and articles changed by a teammate by their update time; each
scanned a whole table before.

Revision ID: 0010
Revises: 0008
Create Date: 2026-11-27
"""

from alembic import op

revision = "0010"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_kb_log_fingerprints_computed_at", "kb_log_fingerprints", ["computed_at"])
    op.create_index("ix_checklist_symptom_item", "checklist_items", ["symptom", "item_key"])
    op.create_index("ix_kb_articles_updated_at", "kb_articles", ["updated_at"])


def downgrade() -> None:
    op.drop_index("ix_kb_articles_updated_at", table_name="kb_articles")
    op.drop_index("ix_checklist_symptom_item", table_name="checklist_items")
    op.drop_index("ix_kb_log_fingerprints_computed_at", table_name="kb_log_fingerprints")
