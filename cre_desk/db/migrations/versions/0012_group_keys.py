"""What the feedback figures read of a ticket, on the ticket row: grouping keys, product team and kind.

The dashboard and the customer-voice report count distinct customers (whatever the case and spacing of the
name) and group unlinked tickets by their title without case and punctuation. Normalising that text in every
query cost most of their time at 100,000 tickets (PostgreSQL ran regular expressions on every row read;
SQLite called back into Python). The keys are now computed once, when a ticket is written, by the same
Python functions for both databases; existing tickets get theirs here, in batches.

The product team and kind move from ``ticket_feedback`` to the ticket itself (``ticket_feedback`` keeps who
confirmed them and when): joining every ticket of the period to its tags cost two thirds of a dashboard read.
With the keys, team and kind in the figures index, both databases answer the figures from the index alone.

Revision ID: 0012
Revises: 0011
Create Date: 2026-11-27
"""

import sqlalchemy as sa
from alembic import op

from cre_desk.core.group_keys import customer_key, title_key

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

_BATCH = 5000


def upgrade() -> None:
    op.add_column("tickets", sa.Column("customer_key", sa.String(200), nullable=False, server_default=""))
    op.add_column("tickets", sa.Column("title_key", sa.String(500), nullable=False, server_default=""))
    bind = op.get_bind()
    tickets = sa.table("tickets", sa.column("id", sa.Integer), sa.column("title", sa.String),
                       sa.column("customer", sa.String), sa.column("customer_key", sa.String),
                       sa.column("title_key", sa.String))
    update = (
        sa.update(tickets)
        .where(tickets.c.id == sa.bindparam("ticket_id"))
        .values(customer_key=sa.bindparam("c_key"), title_key=sa.bindparam("t_key"))
    )
    last = 0
    while True:
        rows = bind.execute(
            sa.select(tickets.c.id, tickets.c.title, tickets.c.customer)
            .where(tickets.c.id > last).order_by(tickets.c.id).limit(_BATCH)
        ).all()
        if not rows:
            break
        bind.execute(update, [{"ticket_id": r.id, "c_key": customer_key(r.customer or ""),
                               "t_key": title_key(r.title or "")} for r in rows])
        last = rows[-1].id
    op.add_column("tickets", sa.Column("product_team", sa.String(60), nullable=False, server_default=""))
    op.add_column("tickets", sa.Column("kind", sa.String(40), nullable=True))
    tagged = "FROM ticket_feedback f WHERE f.ticket_id = tickets.id"
    op.execute(f"UPDATE tickets SET product_team = (SELECT coalesce(f.product_team, '') {tagged}), "
               f"kind = (SELECT nullif(f.kind, '') {tagged}) WHERE EXISTS (SELECT 1 {tagged})")
    op.drop_index("ix_ticket_feedback_kind", table_name="ticket_feedback")
    op.drop_index("ix_ticket_feedback_product_team", table_name="ticket_feedback")
    with op.batch_alter_table("ticket_feedback") as batch:
        batch.drop_column("kind")
        batch.drop_column("product_team")
    op.drop_index("ix_tickets_created_category_customer", table_name="tickets")
    op.create_index("ix_tickets_feedback_figures", "tickets",
                    ["created_at", "category", "customer_key", "product_team", "kind", "title_key", "id"])


def downgrade() -> None:
    op.drop_index("ix_tickets_feedback_figures", table_name="tickets")
    op.create_index("ix_tickets_created_category_customer", "tickets", ["created_at", "category", "customer"])
    with op.batch_alter_table("ticket_feedback") as batch:
        batch.add_column(sa.Column("product_team", sa.String(60), nullable=False, server_default=""))
        batch.add_column(sa.Column("kind", sa.String(40), nullable=False, server_default=""))
    # tickets tagged but never confirmed had no ticket_feedback row before 0012 either: only rows that exist
    # get their tags back, and tickets tagged without a row get one (unconfirmed) so no tag is lost
    op.execute("INSERT INTO ticket_feedback (ticket_id, confirmed, confirmed_by) SELECT id, false, '' "
               "FROM tickets WHERE (product_team != '' OR kind IS NOT NULL) "
               "AND NOT EXISTS (SELECT 1 FROM ticket_feedback f WHERE f.ticket_id = tickets.id)")
    op.execute("UPDATE ticket_feedback SET "
               "product_team = (SELECT t.product_team FROM tickets t WHERE t.id = ticket_feedback.ticket_id), "
               "kind = (SELECT coalesce(t.kind, '') FROM tickets t WHERE t.id = ticket_feedback.ticket_id)")
    op.create_index("ix_ticket_feedback_product_team", "ticket_feedback", ["product_team"])
    op.create_index("ix_ticket_feedback_kind", "ticket_feedback", ["kind"])
    with op.batch_alter_table("tickets") as batch:
        batch.drop_column("kind")
        batch.drop_column("product_team")
        batch.drop_column("title_key")
        batch.drop_column("customer_key")
