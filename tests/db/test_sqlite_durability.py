"""SQLite settings on every pooled connection, and write transactions that take the lock up front."""

from __future__ import annotations

import sqlite3
import threading

from sqlalchemy import text

from cre_desk.core.tickets import TicketFields
from cre_desk.db import migrate
from cre_desk.db.engine import READ_ONLY, Database
from cre_desk.db.service import TicketService


def test_pragmas_on_every_pooled_connection(sqlite_url):
    db = Database(sqlite_url)
    migrate.upgrade(db)
    conns = [db.engine.execution_options(**{READ_ONLY: True}).connect() for _ in range(4)]
    try:
        for conn in conns:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() > 0
    finally:
        for conn in conns:
            conn.close()
        db.dispose()


def test_concurrent_writers_wait_instead_of_failing(sqlite_url, tmp_path):
    db = Database(sqlite_url)
    migrate.upgrade(db)
    service = TicketService(db, attachments_dir=tmp_path, template_rows=lambda s: [])
    errors: list[BaseException] = []

    def writer(n: int) -> None:
        try:
            for i in range(15):
                service.create_ticket(TicketFields(title=f"writer {n} ticket {i}"))
        except BaseException as exc:  # noqa: BLE001 - collected for the assertion
            errors.append(exc)

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    # a second process-like reader on its own sqlite3 connection
    reader = sqlite3.connect(db.sqlite_path, timeout=5)
    for _ in range(20):
        reader.execute("SELECT count(*) FROM tickets").fetchone()
    reader.close()
    for t in threads:
        t.join()
    assert errors == []
    assert service.count() == 60
    db.dispose()


def test_failed_transaction_leaves_nothing(sqlite_url, tmp_path):
    db = Database(sqlite_url)
    migrate.upgrade(db)
    try:
        with db.write() as session:
            session.execute(text("INSERT INTO tickets (title, customer, app_name, requester_name, "
                                 "requester_role, platform, os_version, sdk_name, sdk_version, app_version, "
                                 "symptom, category, priority, assignee, team, status, asked, goal, notes, "
                                 "source, external_url, created_at, updated_at, version) VALUES ('x','','','',"
                                 "'marketer','android','','','','','other','bug','normal','','','new','','',"
                                 "'','manual','', '2026-01-01', '2026-01-01', 1)"))
            raise RuntimeError("crash mid-transaction")
    except RuntimeError:
        pass
    with db.read() as session:
        assert session.execute(text("SELECT count(*) FROM tickets")).scalar() == 0
    db.dispose()
