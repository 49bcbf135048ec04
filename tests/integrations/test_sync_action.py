"""The sync action the window and ``cre-desk sync`` share: imported logs follow the redaction setting."""

from __future__ import annotations

import pytest
from test_import import SECRET_LOG  # noqa: E402 - sibling helpers
from test_zendesk import comment, export, make_provider, serve_comments, ticket  # noqa: E402

from cre_desk.actions.sync import accounts_to_sync, sync_helpdesks
from cre_desk.config import Settings
from cre_desk.db.imports import ImportStore
from cre_desk.integrations.accounts import Account, save_account
from cre_desk.integrations.zendesk import EXPORT_PATH

KEY = b"8f3e2a1c-5b7d-4e9f-a6c2-0d1e3f4a5b6c"


@pytest.fixture
def store(tmp_path):
    from cre_desk.config import default_paths
    from cre_desk.db.workspace import open_workspace

    ws = open_workspace(default_paths(tmp_path / "home"))
    yield ImportStore(ws.tickets)
    ws.close()


@pytest.mark.parametrize("redact", [True, False])
def test_imported_logs_are_redacted_exactly_when_the_setting_says(httpserver, store, tmp_path, redact):
    attachment = {"id": 556, "file_name": "device.log", "content_url": httpserver.url_for("/attachments/556"),
                  "content_type": "text/plain", "size": len(SECRET_LOG)}
    serve_comments(httpserver, 7, [comment(1, 100, "No in-app message", attachments=[attachment])])
    httpserver.expect_request("/attachments/556").respond_with_data(SECRET_LOG, content_type="text/plain")
    httpserver.expect_request(EXPORT_PATH).respond_with_json(export([ticket(7)], "c1", True, httpserver))
    settings = Settings(redact_logs=redact)
    account = Account(id="zendesk-acme", provider="zendesk", subdomain="acme", email="a@x.example")
    outcomes = sync_helpdesks(store, settings, [account], temp_dir=tmp_path / "t",
                              make_provider=lambda _a: make_provider(httpserver.url_for("/")))
    assert outcomes[0].ok, outcomes[0]
    detail = store.service.get_ticket(store.service.list_queue()[0].id)
    kept = store.service.attachment_path(detail.attachments[0]).read_bytes()
    assert (KEY not in kept) is redact
    assert b"Session start" in kept


def test_only_helpdesk_accounts_are_synced_and_filters_narrow_them():
    settings = Settings()
    for account in (Account(id="zd", provider="zendesk", subdomain="a", email="a@x.example"),
                    Account(id="fd", provider="freshdesk", subdomain="b"),
                    Account(id="gh", provider="github")):
        save_account(settings, account, "token")
    assert sorted(a.id for a in accounts_to_sync(settings)) == ["fd", "zd"]
    assert [a.id for a in accounts_to_sync(settings, provider="freshdesk")] == ["fd"]
    assert [a.id for a in accounts_to_sync(settings, account_id="zd")] == ["zd"]
