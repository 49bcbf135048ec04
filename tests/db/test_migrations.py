"""Migrations: one head, upgrade from empty, downgrade/upgrade keeps data, newer schemas refused."""

from __future__ import annotations

from sqlalchemy import inspect, text

from cre_desk.core.tickets import TicketFields
from cre_desk.db import migrate
from cre_desk.db.engine import Database
from cre_desk.db.models import Base
from cre_desk.db.service import TicketService
from cre_desk.errors import UserError


def test_single_head():
    assert migrate.head_revision()


def test_upgrade_from_empty_creates_every_model_table(any_db_url):
    db = Database(any_db_url)
    try:
        migrate.upgrade(db)
        tables = set(inspect(db.engine).get_table_names())
        assert set(Base.metadata.tables) <= tables
        assert "ticket_fts" in tables
        assert migrate.current_revision(db) == migrate.head_revision()
        assert not migrate.needs_upgrade(db)
    finally:
        db.dispose()


def test_downgrade_then_upgrade_with_data(any_db_url, tmp_path):
    db = Database(any_db_url)
    try:
        migrate.upgrade(db)
        service = TicketService(db, attachments_dir=tmp_path, template_rows=lambda s: [])
        service.create_ticket(TicketFields(title="Keep me"))
        # step down one revision (if there is more than one) and back up again: data must survive
        script_revs = [r for r in _revisions()]
        if len(script_revs) > 1:
            migrate.downgrade(db, script_revs[1])
            migrate.upgrade(db)
        assert [s.title for s in service.list_queue()] == ["Keep me"]
        migrate.downgrade(db, "base")
        assert "tickets" not in inspect(db.engine).get_table_names()
        migrate.upgrade(db)
        assert service.count() == 0
    finally:
        db.dispose()


def _revisions():
    from alembic.script import ScriptDirectory

    return [r.revision for r in ScriptDirectory.from_config(migrate.alembic_config()).walk_revisions()]


def test_newer_schema_is_refused_and_left_untouched(sqlite_url):
    db = Database(sqlite_url)
    try:
        migrate.upgrade(db)
        with db.engine.begin() as conn:
            conn.execute(text("UPDATE alembic_version SET version_num = '9999_future'"))
        try:
            migrate.upgrade(db)
        except UserError as exc:
            assert "newer version" in str(exc)
        else:
            raise AssertionError("a newer schema must be refused")
        with db.engine.connect() as conn:
            assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == "9999_future"
    finally:
        db.dispose()


def test_the_expected_head_matches_the_shipped_migrations():
    from cre_desk.db import migrate

    assert migrate.head_revision() == migrate.EXPECTED_HEAD


def test_0012_gives_existing_tickets_their_grouping_keys_and_new_writes_keep_them(any_db_url, tmp_path):
    """Tickets from before 0012 are keyed by the migration; edits and bulk inserts after it keep the keys."""
    from sqlalchemy import insert, select

    from cre_desk.db.models import Ticket

    db = Database(any_db_url)
    columns = ("title, customer, app_name, requester_name, requester_role, platform, os_version, sdk_name, "
               "sdk_version, app_version, symptom, category, priority, assignee, team, status, asked, goal, "
               "notes, source, external_url, created_at, updated_at, version")
    values = ("(:t, :c, '', '', 'marketer', 'android', '', '', '', '', 'other', 'bug', 'normal', '', '', "
              "'new', '', '', '', 'manual', '', :at, :at, 1)")
    try:
        migrate.upgrade(db, "0011")
        with db.write() as session:
            old = [("Dark  Mode?!", " ACME\tCorp "), ("プッシュ通知が届かない！", "")]
            for n, (title, customer) in enumerate(old):
                session.execute(text(f"INSERT INTO tickets ({columns}) VALUES {values}"),
                                {"t": title, "c": customer, "at": f"2026-11-0{n + 1}"})
        migrate.upgrade(db)
        with db.read() as session:
            keys = session.execute(select(Ticket.title_key, Ticket.customer_key).order_by(Ticket.id)).all()
        assert [tuple(k) for k in keys] == [("dark mode", "acme corp"), ("プッシュ通知が届かない", "")]
        service = TicketService(db, attachments_dir=tmp_path, template_rows=lambda s: [])
        first = service.list_queue()[0].id
        detail = service.get_ticket(first)
        service.update_ticket(first, TicketFields(title="Export: CSV", customer="Beta  Inc"),
                              expected_version=detail.version)
        with db.write() as session:
            session.execute(insert(Ticket), [{"title": "Quiet Hours.", "customer": "GAMMA"}])
        with db.read() as session:
            keys = dict(session.execute(select(Ticket.title_key, Ticket.customer_key)).tuples().all())
        assert keys["export csv"] == "beta inc" and keys["quiet hours"] == "gamma"
        migrate.downgrade(db, "0011")
        migrate.upgrade(db)
        assert service.count() == 3
    finally:
        db.dispose()
