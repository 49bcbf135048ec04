"""Marks with notes on lines of attached logs.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25
"""

import sqlalchemy as sa
from alembic import op

from cre_desk.db.models import UTCDateTime

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "log_marks",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("ticket_id", sa.Integer, nullable=False),
        sa.Column("attachment_id", sa.Integer, nullable=False),
        sa.Column("log_name", sa.String(500), nullable=False),
        sa.Column("line_no", sa.Integer, nullable=False),
        sa.Column("line_text", sa.Text, nullable=False),
        sa.Column("note", sa.Text, nullable=False),
        sa.Column("created_by", sa.String(200), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["ticket_id"], ["tickets.id"], ondelete="CASCADE",
                                name="fk_log_marks_ticket_id_tickets"),
        sa.ForeignKeyConstraint(["attachment_id"], ["attachments.id"], ondelete="CASCADE",
                                name="fk_log_marks_attachment_id_attachments"),
        sa.PrimaryKeyConstraint("id", name="pk_log_marks"),
    )
    op.create_index("ix_log_marks_ticket_id", "log_marks", ["ticket_id"])
    op.create_index("ix_log_marks_attachment_id", "log_marks", ["attachment_id"])


def downgrade() -> None:
    op.drop_table("log_marks")
