"""Two accounts of one helpdesk never share a ticket (issue 14, defect 3), on SQLite and PostgreSQL.

Also checks migration 0006 keeps every existing row and lets the right account claim its old tickets.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import text

from cre_desk.db import migrate
from cre_desk.db.engine import Database
from cre_desk.db.imports import ImportResult, ImportStore
from cre_desk.db.service import TicketService
from cre_desk.integrations.accounts import Account, account_for_ticket
from cre_desk.integrations.models import RemoteMessage, RemoteTicket

WHEN = datetime(2026, 1, 6, 10, 30, tzinfo=UTC)


def remote(tid: str, sub: str, title: str) -> RemoteTicket:
    msg = RemoteMessage(
        external_id=f"{sub}-1",
        author_name="Carol",
        from_customer=True,
        public=True,
        body=f"{title} body",
        created_at=WHEN,
    )
    return RemoteTicket(
        external_id=tid,
        url=f"https://{sub}.zendesk.com/agent/tickets/{tid}",
        title=title,
        requester_name="Carol",
        customer=sub,
        status="open",
        tags=(),
        created_at=WHEN,
        updated_at=WHEN,
        messages=(msg,),
    )


def test_same_ticket_number_in_two_accounts_stays_two_tickets(any_db_url, tmp_path):
    db = Database(any_db_url)
    try:
        migrate.upgrade(db)
        service = TicketService(db, attachments_dir=tmp_path / "a", template_rows=lambda s: [])
        store = ImportStore(service)
        result = ImportResult()
        a = store.upsert_ticket(
            "zendesk", remote("7", "acme", "Acme's crash"), result, account_id="zendesk-acme"
        )
        b = store.upsert_ticket(
            "zendesk", remote("7", "beta", "Beta's push"), result, account_id="zendesk-beta"
        )
        assert a != b and service.count() == 2
        assert service.get_ticket(a).fields.title == "Acme's crash"
        assert service.get_ticket(b).fields.title == "Beta's push"
        assert (service.get_ticket(a).account_id, service.get_ticket(b).account_id) == (
            "zendesk-acme",
            "zendesk-beta",
        )
        # Re-importing either account finds its own ticket again.
        again = store.upsert_ticket(
            "zendesk", remote("7", "beta", "Beta's push"), result, account_id="zendesk-beta"
        )
        assert again == b and service.count() == 2
    finally:
        db.dispose()


def test_migration_keeps_old_rows_and_the_right_account_claims_them(any_db_url, tmp_path):
    db = Database(any_db_url)
    try:
        migrate.upgrade(db, "0005")
        with db.engine.begin() as conn:
            conn.execute(
                text(
                    "INSERT INTO tickets (title, customer, app_name, requester_name, requester_role, "
                    "platform, os_version, sdk_name, sdk_version, app_version, symptom, category, "
                    "priority, assignee, team, status, asked, goal, notes, source, external_id, "
                    "external_url, created_at, updated_at, version) "
                    "VALUES ('Old acme 7', 'acme', '', 'Carol', 'marketer', 'android', '', '', '', '', "
                    "'other', "
                    "'troubleshooting', 'normal', '', '', 'open', '', '', '', 'zendesk', '7', "
                    "'https://acme.zendesk.com/agent/tickets/7', :t, :t, 1)"
                ),
                {"t": WHEN.replace(tzinfo=None)},
            )
        migrate.upgrade(db)
        service = TicketService(db, attachments_dir=tmp_path / "a", template_rows=lambda s: [])
        (old,) = service.list_queue()
        assert old.title == "Old acme 7" and service.get_ticket(old.id).account_id == ""
        store = ImportStore(service)
        result = ImportResult()
        # Beta's ticket 7 is another company's ticket: it must not merge into acme's old row.
        beta = store.upsert_ticket(
            "zendesk", remote("7", "beta", "Beta's push"), result, account_id="zendesk-beta"
        )
        assert beta != old.id and service.get_ticket(old.id).account_id == ""
        # Acme's own sync claims the old row instead of duplicating it.
        acme = store.upsert_ticket(
            "zendesk", remote("7", "acme", "Old acme 7"), result, account_id="zendesk-acme"
        )
        assert acme == old.id and service.get_ticket(old.id).account_id == "zendesk-acme"
        assert service.count() == 2
    finally:
        db.dispose()


def test_replies_go_to_the_tickets_own_account_never_the_first_of_its_kind():
    acme = Account(id="zendesk-acme", provider="zendesk", subdomain="acme", email="a@x.example")
    beta = Account(id="zendesk-beta", provider="zendesk", subdomain="beta", email="b@x.example")
    accounts = [acme, beta]
    assert account_for_ticket(accounts, "zendesk", "zendesk-beta") is beta
    assert account_for_ticket(accounts, "zendesk", "zendesk-gone") is None
    # Tickets from before accounts were recorded: their address tells, otherwise nobody is guessed.
    assert account_for_ticket(accounts, "zendesk", "", "https://beta.zendesk.com/agent/tickets/7") is beta
    assert account_for_ticket(accounts, "zendesk", "", "") is None
    assert account_for_ticket([acme], "zendesk", "", "") is acme
