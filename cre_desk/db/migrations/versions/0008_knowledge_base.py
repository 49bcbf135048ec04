"""The knowledge base: articles, the tickets they answer, how often they were used, and similarity data.

Revision ID: 0008
Revises: 0006
Create Date: 2026-11-27
"""

import sqlalchemy as sa
from alembic import op

from cre_desk.db.models import UTCDateTime

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "kb_articles",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("kind", sa.String(20), nullable=False, server_default="faq"),
        sa.Column("title_en", sa.String(500), nullable=False, server_default=""),
        sa.Column("title_ja", sa.String(500), nullable=False, server_default=""),
        sa.Column("body_en", sa.Text(), nullable=False, server_default=""),
        sa.Column("body_ja", sa.Text(), nullable=False, server_default=""),
        sa.Column("owner", sa.String(200), nullable=False, server_default=""),
        sa.Column("status", sa.String(20), nullable=False, server_default="draft"),
        sa.Column("sdk_versions", sa.Text(), nullable=False, server_default=""),
        sa.Column("tags", sa.Text(), nullable=False, server_default=""),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.Column("published_at", UTCDateTime(), nullable=True),
        sa.Column("remote_id", sa.String(100), nullable=False, server_default=""),
        sa.Column("remote_url", sa.String(1000), nullable=False, server_default=""),
        sa.Column("remote_edited_at", sa.String(40), nullable=False, server_default=""),
        sa.Column("version", sa.Integer(), nullable=False, server_default="1"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_kb_articles")),
    )
    op.create_index("ix_kb_articles_status", "kb_articles", ["status"])
    op.create_table(
        "kb_article_tickets",
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("ticket_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["article_id"], ["kb_articles.id"], ondelete="CASCADE",
                                name=op.f("fk_kb_article_tickets_article_id_kb_articles")),
        sa.ForeignKeyConstraint(["ticket_id"], ["tickets.id"], ondelete="CASCADE",
                                name=op.f("fk_kb_article_tickets_ticket_id_tickets")),
        sa.PrimaryKeyConstraint("article_id", "ticket_id", name=op.f("pk_kb_article_tickets")),
    )
    op.create_index("ix_kb_article_tickets_ticket_id", "kb_article_tickets", ["ticket_id"])
    op.create_table(
        "kb_article_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("ticket_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("at", UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["article_id"], ["kb_articles.id"], ondelete="CASCADE",
                                name=op.f("fk_kb_article_events_article_id_kb_articles")),
        sa.ForeignKeyConstraint(["ticket_id"], ["tickets.id"], ondelete="CASCADE",
                                name=op.f("fk_kb_article_events_ticket_id_tickets")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_kb_article_events")),
    )
    op.create_index("ix_kb_article_events_article_id", "kb_article_events", ["article_id"])
    op.create_index("ix_kb_article_events_ticket_id", "kb_article_events", ["ticket_id"])
    op.create_index("ix_kb_article_events_once", "kb_article_events", ["article_id", "ticket_id", "kind"],
                    unique=True)
    op.create_table(
        "kb_term_vectors",
        sa.Column("kind", sa.String(10), nullable=False),
        sa.Column("ref_id", sa.Integer(), nullable=False),
        sa.Column("terms_json", sa.Text(), nullable=False, server_default="{}"),
        sa.Column("computed_at", UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("kind", "ref_id", name=op.f("pk_kb_term_vectors")),
    )
    op.create_index("ix_kb_term_vectors_computed_at", "kb_term_vectors", ["computed_at"])
    op.create_table(
        "kb_log_fingerprints",
        sa.Column("ticket_id", sa.Integer(), nullable=False),
        sa.Column("attachment_id", sa.Integer(), nullable=False),
        sa.Column("rules", sa.Text(), nullable=False, server_default=""),
        sa.Column("areas", sa.Text(), nullable=False, server_default=""),
        sa.Column("computed_at", UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["ticket_id"], ["tickets.id"], ondelete="CASCADE",
                                name=op.f("fk_kb_log_fingerprints_ticket_id_tickets")),
        sa.PrimaryKeyConstraint("ticket_id", "attachment_id", name=op.f("pk_kb_log_fingerprints")),
    )


def downgrade() -> None:
    op.drop_table("kb_log_fingerprints")
    op.drop_table("kb_term_vectors")
    op.drop_table("kb_article_events")
    op.drop_table("kb_article_tickets")
    op.drop_table("kb_articles")
