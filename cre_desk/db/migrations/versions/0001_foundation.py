"""Foundation: tickets, tags, status history, checklist verdicts, messages, attachments, search.

Revision ID: 0001
Revises:
Create Date: 2026-11-24
"""

import sqlalchemy as sa
from alembic import op

from cre_desk.db.models import UTCDateTime

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "tickets",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("title", sa.String(500), nullable=False),
        sa.Column("customer", sa.String(200), nullable=False),
        sa.Column("app_name", sa.String(200), nullable=False),
        sa.Column("requester_name", sa.String(200), nullable=False),
        sa.Column("requester_role", sa.String(20), nullable=False),
        sa.Column("platform", sa.String(20), nullable=False),
        sa.Column("os_version", sa.String(50), nullable=False),
        sa.Column("sdk_name", sa.String(100), nullable=False),
        sa.Column("sdk_version", sa.String(50), nullable=False),
        sa.Column("app_version", sa.String(50), nullable=False),
        sa.Column("symptom", sa.String(40), nullable=False),
        sa.Column("category", sa.String(40), nullable=False),
        sa.Column("priority", sa.String(20), nullable=False),
        sa.Column("assignee", sa.String(200), nullable=False),
        sa.Column("team", sa.String(200), nullable=False),
        sa.Column("status", sa.String(40), nullable=False),
        sa.Column("asked", sa.Text, nullable=False),
        sa.Column("goal", sa.Text, nullable=False),
        sa.Column("notes", sa.Text, nullable=False),
        sa.Column("source", sa.String(40), nullable=False),
        sa.Column("external_id", sa.String(100), nullable=True),
        sa.Column("external_url", sa.String(1000), nullable=False),
        sa.Column("raw_json", sa.Text, nullable=True),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.Column("first_response_at", UTCDateTime(), nullable=True),
        sa.Column("resolved_at", UTCDateTime(), nullable=True),
        sa.Column("version", sa.Integer, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_tickets"),
    )
    op.create_index("ix_tickets_assignee", "tickets", ["assignee"])
    op.create_index("ix_tickets_status", "tickets", ["status"])
    op.create_index("ix_tickets_created_at", "tickets", ["created_at"])
    op.create_index("ix_tickets_updated_at", "tickets", ["updated_at"])
    op.create_index("ix_tickets_source_external", "tickets", ["source", "external_id"], unique=True)

    op.create_table(
        "ticket_tags",
        sa.Column("ticket_id", sa.Integer, nullable=False),
        sa.Column("tag", sa.String(100), nullable=False),
        sa.ForeignKeyConstraint(["ticket_id"], ["tickets.id"], ondelete="CASCADE",
                                name="fk_ticket_tags_ticket_id_tickets"),
        sa.PrimaryKeyConstraint("ticket_id", "tag", name="pk_ticket_tags"),
    )
    op.create_index("ix_ticket_tags_tag", "ticket_tags", ["tag"])

    op.create_table(
        "status_events",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("ticket_id", sa.Integer, nullable=False),
        sa.Column("at", UTCDateTime(), nullable=False),
        sa.Column("from_status", sa.String(40), nullable=True),
        sa.Column("to_status", sa.String(40), nullable=False),
        sa.Column("pause_reason", sa.String(40), nullable=True),
        sa.Column("actor", sa.String(200), nullable=False),
        sa.Column("note", sa.Text, nullable=False),
        sa.ForeignKeyConstraint(["ticket_id"], ["tickets.id"], ondelete="CASCADE",
                                name="fk_status_events_ticket_id_tickets"),
        sa.PrimaryKeyConstraint("id", name="pk_status_events"),
    )
    op.create_index("ix_status_events_ticket_id", "status_events", ["ticket_id"])

    op.create_table(
        "checklist_items",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("ticket_id", sa.Integer, nullable=False),
        sa.Column("symptom", sa.String(40), nullable=False),
        sa.Column("item_key", sa.String(100), nullable=False),
        sa.Column("area", sa.String(1), nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("title", sa.String(500), nullable=False),
        sa.Column("verdict", sa.String(20), nullable=False),
        sa.Column("evidence", sa.Text, nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.Column("updated_by", sa.String(200), nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.ForeignKeyConstraint(["ticket_id"], ["tickets.id"], ondelete="CASCADE",
                                name="fk_checklist_items_ticket_id_tickets"),
        sa.PrimaryKeyConstraint("id", name="pk_checklist_items"),
    )
    op.create_index("ix_checklist_items_ticket_id", "checklist_items", ["ticket_id"])
    op.create_index("ix_checklist_ticket_key", "checklist_items", ["ticket_id", "symptom", "item_key"],
                    unique=True)

    op.create_table(
        "messages",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("ticket_id", sa.Integer, nullable=False),
        sa.Column("external_id", sa.String(100), nullable=True),
        sa.Column("author_name", sa.String(200), nullable=False),
        sa.Column("from_customer", sa.Boolean, nullable=False),
        sa.Column("public", sa.Boolean, nullable=False),
        sa.Column("body", sa.Text, nullable=False),
        sa.Column("raw_json", sa.Text, nullable=True),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["ticket_id"], ["tickets.id"], ondelete="CASCADE",
                                name="fk_messages_ticket_id_tickets"),
        sa.PrimaryKeyConstraint("id", name="pk_messages"),
    )
    op.create_index("ix_messages_ticket_id", "messages", ["ticket_id"])
    op.create_index("ix_messages_ticket_external", "messages", ["ticket_id", "external_id"], unique=True)

    op.create_table(
        "attachments",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("ticket_id", sa.Integer, nullable=False),
        sa.Column("file_name", sa.String(500), nullable=False),
        sa.Column("stored_path", sa.String(1000), nullable=False),
        sa.Column("size", sa.Integer, nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("content_type", sa.String(200), nullable=False),
        sa.Column("external_id", sa.String(100), nullable=True),
        sa.Column("added_at", UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["ticket_id"], ["tickets.id"], ondelete="CASCADE",
                                name="fk_attachments_ticket_id_tickets"),
        sa.PrimaryKeyConstraint("id", name="pk_attachments"),
    )
    op.create_index("ix_attachments_ticket_id", "attachments", ["ticket_id"])
    op.create_index("ix_attachments_ticket_sha", "attachments", ["ticket_id", "sha256"])

    # Full-text search documents: one row per ticket, kept up to date by cre_desk.db.search.
    if op.get_bind().dialect.name == "sqlite":
        op.execute(
            "CREATE VIRTUAL TABLE ticket_fts USING fts5("
            "title, body, tokenize = 'unicode61 remove_diacritics 2')"
        )
    else:
        op.execute(
            "CREATE TABLE ticket_fts ("
            " ticket_id INTEGER PRIMARY KEY REFERENCES tickets(id) ON DELETE CASCADE,"
            " title TEXT NOT NULL DEFAULT '', body TEXT NOT NULL DEFAULT '',"
            " tsv tsvector GENERATED ALWAYS AS ("
            "   setweight(to_tsvector('simple', title), 'A') || setweight(to_tsvector('simple', body), 'B')"
            " ) STORED)"
        )
        op.execute("CREATE INDEX ix_ticket_fts_tsv ON ticket_fts USING gin (tsv)")


def downgrade() -> None:
    op.execute("DROP TABLE IF EXISTS ticket_fts")
    for table in ("attachments", "messages", "checklist_items", "status_events", "ticket_tags", "tickets"):
        op.drop_table(table)
