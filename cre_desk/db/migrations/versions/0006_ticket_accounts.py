"""Imported tickets belong to one helpdesk account: two accounts of one helpdesk never share a ticket.

Tickets were unique by (source, external_id), so ticket 7 of acme.zendesk.com and ticket 7 of
beta.zendesk.com became one. The key now includes the account. Existing rows keep an empty account
and are claimed by the account whose ticket address they carry on its next sync (``db.imports``).

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-27
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # ADD COLUMN with a constant default is native on SQLite and PostgreSQL: no table copy, no row lost.
    op.add_column("tickets", sa.Column("account_id", sa.String(100), nullable=False, server_default=""))
    op.drop_index("ix_tickets_source_external", table_name="tickets")
    op.create_index("ix_tickets_source_account_external", "tickets", ["source", "account_id", "external_id"],
                    unique=True)


def downgrade() -> None:
    op.drop_index("ix_tickets_source_account_external", table_name="tickets")
    op.create_index("ix_tickets_source_external", "tickets", ["source", "external_id"], unique=True)
    with op.batch_alter_table("tickets") as batch:
        batch.drop_column("account_id")
