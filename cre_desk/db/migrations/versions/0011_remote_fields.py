"""The helpdesk's last known title, requester, tags, priority and mapped fields of each ticket; conflicts.

Why: to write an engineer's status, tag and priority changes back to the helpdesk, and to refresh a
re-imported ticket, CRE Desk must tell "changed here" from "changed there". ``remote_state`` kept only
the helpdesk's status; it now keeps the other fields the way the helpdesk last showed them (NULL: not
known yet, recorded on the next import), the values its mapped custom fields gave (platform, SDK…)
and, in plain words, a conflict waiting for the engineer.

Revision ID: 0011
Revises: 0008
Create Date: 2026-11-27
"""

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

_COLUMNS = ("remote_title", "remote_requester", "remote_priority", "remote_tags", "remote_fields", "conflict")


def upgrade() -> None:
    # ADD COLUMN without a table copy on SQLite and PostgreSQL: no row is rewritten or lost.
    op.add_column("remote_state", sa.Column("remote_title", sa.Text(), nullable=True))
    op.add_column("remote_state", sa.Column("remote_requester", sa.String(200), nullable=True))
    op.add_column("remote_state", sa.Column("remote_priority", sa.String(20), nullable=True))
    op.add_column("remote_state", sa.Column("remote_tags", sa.Text(), nullable=True))
    op.add_column("remote_state", sa.Column("remote_fields", sa.Text(), nullable=True))
    op.add_column("remote_state", sa.Column("conflict", sa.Text(), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("remote_state") as batch:
        for name in _COLUMNS:
            batch.drop_column(name)
