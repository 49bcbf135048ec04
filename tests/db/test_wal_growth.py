"""D-11: a long-running read must not let the write-ahead log grow without a checkpoint or a warning."""

from __future__ import annotations

import logging
import random
import sqlite3

from cre_desk.core.tickets import TicketFields
from cre_desk.db import migrate
from cre_desk.db.engine import WAL_LIMIT_BYTES, Database


def test_d11_wal_past_the_limit_is_checkpointed_or_a_starvation_warning_logged(tmp_path, caplog):
    from cre_desk.db.service import TicketService

    path = tmp_path / "test.sqlite3"
    db = Database(f"sqlite+pysqlite:///{path}")
    migrate.upgrade(db)
    service = TicketService(db, template_rows=lambda s: [])
    ticket = service.create_ticket(TicketFields(title="Coupon not shown"))
    limit = 1 << 20
    reader = sqlite3.connect(path)          # another program (or a long report) reading the file
    reader.execute("BEGIN")
    reader.execute("SELECT count(*) FROM tickets").fetchone()
    rnd = random.Random(11)
    for _ in range(40):
        text = "".join(rnd.choice("abcdefgh ") for _ in range(60_000))
        service.save_draft(ticket.id, language="en", audience="marketer", summary=text, cause="", fix="",
                           force=True)
    wal = tmp_path / "test.sqlite3-wal"
    assert wal.stat().st_size > limit        # auto-checkpoints could not get past the reader
    with caplog.at_level(logging.WARNING, logger="cre_desk.db.engine"):
        status = db.keep_wal_small(limit)
    assert status.starved and "long-running read" in caplog.text
    reader.rollback()
    reader.close()
    status = db.keep_wal_small(limit)
    assert not status.starved and status.size_after <= limit and wal.stat().st_size <= limit
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_size_limit").scalar() == WAL_LIMIT_BYTES
    db.dispose()
