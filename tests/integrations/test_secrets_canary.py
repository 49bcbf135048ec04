"""K-1 for Freshdesk and Help Scout: after a full import and a reply, no secret is on disk or in logs.

Why: these providers hold an API key (Freshdesk) or an app secret plus short-lived access tokens (Help Scout).
Only the keyring may hold the key or secret, and access tokens live only in memory. The scan covers the
SQLite database with its -wal/-shm files, the settings file, the temp folder and everything logged at DEBUG,
for the raw, base64 and URL-encoded forms.
"""

from __future__ import annotations

import base64
import logging
from datetime import UTC, datetime
from urllib.parse import quote

from fake_helpdesks import (  # noqa: E402 - sibling helper module
    FD_KEY,
    HS_APP_ID,
    HS_SECRET,
    FakeFreshdesk,
    FakeHelpScout,
    fd_attachment,
    fd_ticket,
    hs_conversation,
    hs_thread,
)

from cre_desk.config import Settings, default_paths
from cre_desk.db.imports import ImportStore, import_all
from cre_desk.db.workspace import open_workspace
from cre_desk.integrations import accounts, credentials
from cre_desk.integrations.posting import new_marker, post_once


def _forms(secret: str) -> list[str]:
    return [
        secret,
        base64.b64encode(secret.encode()).decode(),
        base64.b64encode(f"{secret}:X".encode()).decode(),
        quote(secret, safe=""),
    ]


def test_no_key_secret_or_access_token_reaches_disk_or_logs(tmp_path, caplog):
    caplog.set_level(logging.DEBUG)
    fd, hs = FakeFreshdesk(), FakeHelpScout()
    try:
        fd.add(
            fd_ticket(
                1,
                "2026-01-02T10:00:00Z",
                attachments=[fd_attachment(5001, "device.log", fd.url + "/missing.log", 10)],
            )
        )
        hs.add(
            hs_conversation(
                1,
                "2026-01-02T10:00:00Z",
                threads=[hs_thread(10, "customer", "<p>Banner never shows</p>", "2026-01-02T09:00:00Z")],
            )
        )
        paths = default_paths(tmp_path / "home")
        settings = Settings()
        accounts.save_account(
            settings,
            accounts.Account(id="freshdesk-acme", provider="freshdesk", subdomain="acme", base_url=fd.url),
            FD_KEY,
        )
        accounts.save_account(
            settings,
            accounts.Account(
                id="helpscout-support", provider="helpscout", app_id=HS_APP_ID, mailbox="85", base_url=hs.url
            ),
            HS_SECRET,
        )
        settings.save(paths.settings_file)
        ws = open_workspace(paths)
        try:
            store = ImportStore(ws.tickets)
            since = datetime(2026, 1, 1, tzinfo=UTC)
            for account in accounts.load_accounts(Settings.load(paths.settings_file)):
                provider = accounts.provider_for(account)
                result = import_all(
                    store, provider, account.id, temp_dir=paths.temp_dir / "sync", since=since
                )
                assert result.tickets_created == 1
                post_once(provider, "1", "Fixed in 4.3", public=True, marker=new_marker())
        finally:
            ws.close()
        assert credentials.load_token("freshdesk-acme") == FD_KEY
        assert credentials.load_token("helpscout-support") == HS_SECRET
        secrets = [FD_KEY, HS_SECRET, *hs.tokens]
        assert len(hs.tokens) >= 1
        blobs = {"log": caplog.text.encode()}
        for path in (tmp_path / "home").rglob("*"):
            if path.is_file():
                blobs[str(path)] = path.read_bytes()
        assert any(name.endswith((".db", ".sqlite", ".sqlite3")) for name in blobs), sorted(blobs)
        for name, blob in blobs.items():
            for secret in secrets:
                for form in _forms(secret):
                    assert form.encode() not in blob, f"{form[:12]}… found in {name}"
    finally:
        fd.close()
        hs.close()
