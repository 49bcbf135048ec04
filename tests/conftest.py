"""Shared, hermetic test set-up: temp data folders, an in-memory keyring, SQLite and PostgreSQL URLs, a
migrated database and a ticket service on it."""

from __future__ import annotations

import os
import uuid
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend

from cre_desk import resource_files
from cre_desk.db import migrate
from cre_desk.db.engine import Database
from cre_desk.db.service import TicketService

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# The tests read the resources/ beside them (rules, checklists, the compiled catalogue): an editable install
# made from another checkout of the repository would otherwise hand them that checkout's files.
_RESOURCES = Path(__file__).resolve().parents[1] / "resources"
if Path(str(resource_files.root())).resolve() != _RESOURCES:
    resource_files.root = lambda: _RESOURCES  # type: ignore[assignment]

PG_URL = os.environ.get("CRE_DESK_TEST_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
REQUIRE_PG = os.environ.get("CRE_DESK_REQUIRE_PG") == "1"


class MemoryKeyring(KeyringBackend):
    """A keyring that forgets everything when the test ends."""

    priority = 1

    def __init__(self) -> None:
        super().__init__()
        self.store: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.store.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.store[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.store.pop((service, username), None)


@pytest.fixture(autouse=True)
def _hermetic(tmp_path, monkeypatch):
    """Every test gets its own data folders and keyring; nothing touches the real user profile."""
    home = tmp_path / "cre-desk-home"
    monkeypatch.setenv("CRE_DESK_HOME", str(home))
    previous = keyring.get_keyring()
    keyring.set_keyring(MemoryKeyring())
    yield
    keyring.set_keyring(previous)


def _pg_available() -> bool:
    try:
        import psycopg

        with psycopg.connect(PG_URL.replace("postgresql+psycopg", "postgresql"), connect_timeout=3):
            return True
    except Exception:
        return False


@pytest.fixture(scope="session")
def pg_available() -> bool:
    return _pg_available()


@pytest.fixture
def pg_url(pg_available):
    """A PostgreSQL URL whose search_path is a fresh schema, dropped after the test."""
    if not pg_available:
        if REQUIRE_PG:
            pytest.fail(f"PostgreSQL is required (CRE_DESK_REQUIRE_PG=1) but not reachable at {PG_URL}")
        pytest.skip("PostgreSQL not reachable")
    import psycopg

    schema = f"t_{uuid.uuid4().hex[:12]}"
    plain = PG_URL.replace("postgresql+psycopg", "postgresql")
    with psycopg.connect(plain, autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{schema}"')
    sep = "&" if "?" in PG_URL else "?"
    yield f"{PG_URL}{sep}options=-csearch_path%3D{schema}"
    with psycopg.connect(plain, autocommit=True) as conn:
        conn.execute(f'DROP SCHEMA "{schema}" CASCADE')


@pytest.fixture
def sqlite_url(tmp_path):
    return f"sqlite+pysqlite:///{tmp_path / 'test.sqlite3'}"


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def any_db_url(request):
    """Run the test once on a real SQLite file and once on the real PostgreSQL server."""
    if request.param == "sqlite":
        return request.getfixturevalue("sqlite_url")
    return request.getfixturevalue("pg_url")


# -- a migrated database and a ticket service on it (database and action tests) --------------------


ROWS = {
    "iam_not_shown": [
        ("D-sdk-init", "D", "SDK initialised"),
        ("B-segment", "B", "User in segment"),
        ("C-event", "C", "Trigger event logged"),
    ],
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
