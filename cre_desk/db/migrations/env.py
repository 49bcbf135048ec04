"""Alembic environment: run with the connection CRE Desk hands over (never a config-file URL)."""

from __future__ import annotations

from alembic import context

from cre_desk.db.models import Base

config = context.config
connection = config.attributes.get("connection")
if connection is None:  # pragma: no cover - only reachable from the alembic CLI
    raise RuntimeError("Run migrations through cre_desk.db.migrate, which passes a live connection.")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
