"""Helpdesk import state and GitHub issue links.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-25
"""

import sqlalchemy as sa
from alembic import op

from cre_desk.db.models import UTCDateTime

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sync_state",
        sa.Column("account_id", sa.String(100), nullable=False),
        sa.Column("cursor", sa.Text, nullable=True),
        sa.Column("since", UTCDateTime(), nullable=True),
        sa.Column("last_run_at", UTCDateTime(), nullable=True),
        sa.Column("imported", sa.Integer, nullable=False),
        sa.PrimaryKeyConstraint("account_id", name="pk_sync_state"),
    )
    op.create_table(
        "remote_state",
        sa.Column("ticket_id", sa.Integer, nullable=False),
        sa.Column("remote_status", sa.String(40), nullable=False),
        sa.Column("remote_updated_at", UTCDateTime(), nullable=True),
        sa.ForeignKeyConstraint(["ticket_id"], ["tickets.id"], ondelete="CASCADE",
                                name="fk_remote_state_ticket_id_tickets"),
        sa.PrimaryKeyConstraint("ticket_id", name="pk_remote_state"),
    )
    op.create_table(
        "issue_links",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("ticket_id", sa.Integer, nullable=False),
        sa.Column("owner", sa.String(200), nullable=False),
        sa.Column("repo", sa.String(200), nullable=False),
        sa.Column("number", sa.Integer, nullable=False),
        sa.Column("url", sa.String(500), nullable=False),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("state", sa.String(20), nullable=False),
        sa.Column("state_reason", sa.String(40), nullable=False),
        sa.Column("closed_at", UTCDateTime(), nullable=True),
        sa.Column("etag", sa.String(200), nullable=False),
        sa.Column("checked_at", UTCDateTime(), nullable=True),
        sa.Column("notified", sa.Boolean, nullable=False),
        sa.ForeignKeyConstraint(["ticket_id"], ["tickets.id"], ondelete="CASCADE",
                                name="fk_issue_links_ticket_id_tickets"),
        sa.PrimaryKeyConstraint("id", name="pk_issue_links"),
    )
    op.create_index("ix_issue_links_ticket_id", "issue_links", ["ticket_id"])


def downgrade() -> None:
    op.drop_table("issue_links")
    op.drop_table("remote_state")
    op.drop_table("sync_state")
