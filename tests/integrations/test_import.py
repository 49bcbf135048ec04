"""Importing from a helpdesk: tickets, messages and log attachments arrive once, and a failed run resumes."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_zendesk import comment, export, make_provider, serve_comments, ticket  # noqa: E402 - sibling helpers

from cre_desk.db.imports import ImportStore, import_all
from cre_desk.integrations.http_errors import ServerError
from cre_desk.integrations.zendesk import EXPORT_PATH

DEMO_LOG = (
    Path(__file__).resolve().parents[2] / "resources" / "demo" / "logs" / "braze-android-iam-failing.log"
)


@pytest.fixture
def store(tmp_path):
    from cre_desk.config import default_paths
    from cre_desk.db.workspace import open_workspace

    ws = open_workspace(default_paths(tmp_path / "home"))
    yield ImportStore(ws.tickets)
    ws.close()


def _serve(httpserver, *, fail_second_page: bool = False):
    attachment = {
        "id": 555,
        "file_name": "device.log",
        "content_url": httpserver.url_for("/attachments/555"),
        "content_type": "text/plain",
        "size": DEMO_LOG.stat().st_size,
    }
    serve_comments(
        httpserver,
        7,
        [
            comment(1, 100, "The coupon message is not shown", attachments=[attachment]),
            comment(2, 200, "Could you send a verbose log?", created="2026-01-05T10:00:00Z"),
        ],
    )
    serve_comments(httpserver, 8, [comment(3, 100, "Push never arrives")])
    httpserver.expect_request("/attachments/555").respond_with_data(
        DEMO_LOG.read_bytes(), content_type="text/plain"
    )
    second = {"include": "users,organizations", "cursor": "c1"}
    if fail_second_page:
        httpserver.expect_request(EXPORT_PATH, query_string=second).respond_with_json(
            {"error": "boom"}, status=500
        )
    httpserver.expect_request(EXPORT_PATH, query_string=second).respond_with_json(
        export([ticket(8, status="pending")], "c2", True, httpserver)
    )
    httpserver.expect_request(EXPORT_PATH).respond_with_json(export([ticket(7)], "c1", False, httpserver))


def test_import_brings_tickets_messages_and_logs_once(httpserver, store, tmp_path):
    _serve(httpserver)
    provider = make_provider(httpserver.url_for("/"))
    first = import_all(store, provider, "zendesk-acme", temp_dir=tmp_path / "t")
    assert (first.tickets_created, first.messages_added, first.attachments_added) == (2, 3, 1)
    service = store.service
    tickets = {t.title: t for t in service.list_queue()}
    detail = service.get_ticket(tickets["Push broken 7"].id)
    assert detail.fields.customer == "Customer Corp" and detail.fields.requester_name == "Carol Customer"
    assert [m.body for m in detail.messages][0] == "The coupon message is not shown"
    assert detail.attachments[0].file_name == "device.log"
    assert service.attachment_path(detail.attachments[0]).read_bytes() == DEMO_LOG.read_bytes()
    assert service.get_ticket(tickets["Push broken 8"].id).status == "waiting_customer"
    # The same export again: nothing is duplicated.
    httpserver.clear()
    _serve(httpserver)
    store.save_state("zendesk-acme", None, None, 0)  # start over from the beginning on purpose
    again = import_all(store, provider, "zendesk-acme", temp_dir=tmp_path / "t")
    assert (again.tickets_created, again.messages_added, again.attachments_added) == (0, 0, 0)
    assert service.count() == 2
    assert len(service.get_ticket(detail.id).messages) == 2


def test_a_server_repeating_the_same_page_cannot_loop_forever(httpserver, store, tmp_path):
    serve_comments(httpserver, 7, [comment(1, 100, "hello")])
    httpserver.expect_request(EXPORT_PATH).respond_with_json(export([ticket(7)], "c1", False, httpserver))
    result = import_all(
        store, make_provider(httpserver.url_for("/")), "zendesk-acme", temp_dir=tmp_path / "t"
    )
    assert result.tickets_created == 1 and "same page" in result.problems[0]


def test_a_failure_midway_keeps_what_was_imported_and_the_next_run_resumes(httpserver, store, tmp_path):
    _serve(httpserver, fail_second_page=True)
    provider = make_provider(httpserver.url_for("/"))
    with pytest.raises(ServerError):
        import_all(store, provider, "zendesk-acme", temp_dir=tmp_path / "t")
    assert store.service.count() == 1  # page one is safely in
    assert store.state("zendesk-acme")[0] == "c1"  # and the cursor points after it
    httpserver.clear()
    _serve(httpserver)
    result = import_all(store, provider, "zendesk-acme", temp_dir=tmp_path / "t")
    assert result.tickets_created == 1 and store.service.count() == 2


SECRET_LOG = (
    b"11-20 10:14:02.118  8812  8812 I Braze v30.4.0 .BrazeManager: Session start\n"
    b"11-20 10:14:02.120  8812  8812 V Braze v30.4.0 .BrazeConfigurationProvider: Using resources value for "
    b"key: 'com_braze_api_key' and value: '8f3e2a1c-5b7d-4e9f-a6c2-0d1e3f4a5b6c'\n"
)


def test_logs_imported_from_a_helpdesk_are_redacted_like_logs_attached_by_hand(httpserver, store, tmp_path):
    """Redaction used to run only when a file was dropped on a ticket: imported logs kept their keys."""
    from cre_desk.actions.attach import redacted_copy
    from cre_desk.actions.helpdesk_sync import sync_accounts
    from cre_desk.integrations.accounts import Account

    attachment = {
        "id": 556,
        "file_name": "device.log",
        "content_url": httpserver.url_for("/attachments/556"),
        "content_type": "text/plain",
        "size": len(SECRET_LOG),
    }
    serve_comments(httpserver, 7, [comment(1, 100, "No in-app message", attachments=[attachment])])
    httpserver.expect_request("/attachments/556").respond_with_data(SECRET_LOG, content_type="text/plain")
    httpserver.expect_request(EXPORT_PATH).respond_with_json(export([ticket(7)], "c1", True, httpserver))
    account = Account(id="zendesk-acme", provider="zendesk", subdomain="acme", email="a@x.example")
    outcomes = sync_accounts(
        store,
        [account],
        temp_dir=tmp_path / "t",
        prepare_file=redacted_copy,
        make_provider=lambda _a: make_provider(httpserver.url_for("/")),
    )
    assert outcomes[0].ok, outcomes[0]
    detail = store.service.get_ticket(store.service.list_queue()[0].id)
    kept = store.service.attachment_path(detail.attachments[0]).read_bytes()
    assert b"8f3e2a1c-5b7d-4e9f-a6c2-0d1e3f4a5b6c" not in kept
    assert b"Session start" in kept and b"com_braze_api_key" in kept
    assert not any((tmp_path / "t").rglob("*.log*")), "no downloaded copy is left behind"
