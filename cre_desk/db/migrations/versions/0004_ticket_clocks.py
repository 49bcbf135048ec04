"""Stored resolution clocks per ticket, for reports over large workspaces.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-25
"""

import sqlalchemy as sa
from alembic import op

from cre_desk.db.models import UTCDateTime

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "ticket_clocks",
        sa.Column("ticket_id", sa.Integer, nullable=False),
        sa.Column("category", sa.String(40), nullable=False),
        sa.Column("symptom", sa.String(40), nullable=False),
        sa.Column("assignee", sa.String(200), nullable=False),
        sa.Column("team", sa.String(200), nullable=False),
        sa.Column("sdk_name", sa.String(100), nullable=False),
        sa.Column("platform", sa.String(20), nullable=False),
        sa.Column("status", sa.String(40), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("resolved_at", UTCDateTime(), nullable=True),
        sa.Column("first_response_business_s", sa.Float, nullable=True),
        sa.Column("first_response_calendar_s", sa.Float, nullable=True),
        sa.Column("resolution_business_s", sa.Float, nullable=False),
        sa.Column("resolution_calendar_s", sa.Float, nullable=False),
        sa.Column("paused_business_s", sa.Float, nullable=False),
        sa.Column("paused_customer_log_s", sa.Float, nullable=False),
        sa.Column("paused_engineering_s", sa.Float, nullable=False),
        sa.Column("paused_app_release_s", sa.Float, nullable=False),
        sa.Column("paused_other_s", sa.Float, nullable=False),
        sa.Column("allowed_business_s", sa.Float, nullable=True),
        sa.Column("state", sa.String(20), nullable=False),
        sa.Column("deadline", UTCDateTime(), nullable=True),
        sa.Column("at_risk_at", UTCDateTime(), nullable=True),
        sa.Column("computed_at", UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["ticket_id"], ["tickets.id"], ondelete="CASCADE",
                                name="fk_ticket_clocks_ticket_id_tickets"),
        sa.PrimaryKeyConstraint("ticket_id", name="pk_ticket_clocks"),
    )
    op.create_index("ix_ticket_clocks_category", "ticket_clocks", ["category"])
    op.create_index("ix_ticket_clocks_created_at", "ticket_clocks", ["created_at"])
    op.create_index("ix_ticket_clocks_resolved_at", "ticket_clocks", ["resolved_at"])
    op.create_index("ix_ticket_clocks_deadline", "ticket_clocks", ["deadline"])
    # Tickets created before this version get their clocks computed on the next start (see workspace).


def downgrade() -> None:
    op.drop_table("ticket_clocks")
