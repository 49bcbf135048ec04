"""Fixtures for database tests: a migrated database and a ticket service on it."""

from __future__ import annotations

import pytest

from cre_desk.db import migrate
from cre_desk.db.engine import Database
from cre_desk.db.service import TicketService

ROWS = {
    "iam_not_shown": [("D-sdk-init", "D", "SDK initialised"), ("B-segment", "B", "User in segment"),
                      ("C-event", "C", "Trigger event logged")],
    "push_not_delivered": [("D-token", "D", "Push token registered"), ("E-permission", "E", "Permission")],
}


def fake_rows(symptom: str):
    return ROWS.get(symptom, [])


@pytest.fixture
def database(any_db_url):
    db = Database(any_db_url)
    migrate.upgrade(db)
    yield db
    db.dispose()


@pytest.fixture
def service(database, tmp_path):
    return TicketService(database, attachments_dir=tmp_path / "attachments", template_rows=fake_rows)
