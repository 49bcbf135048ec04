"""The accounts dialog for Freshdesk and Help Scout, and an import from each through the main window.

Why: each helpdesk needs different fields (Freshdesk: domain and API key; Help Scout: App ID, App Secret
and a mailbox chosen from the account's list). The dialog must show only those, keep the secret in the
keyring, and the sync action must import from these accounts like from Zendesk.
"""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from cre_desk.gui.accounts_dialog import AccountsDialog
from cre_desk.integrations import credentials

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "integrations"))
from fake_helpdesks import (  # noqa: E402
    FD_KEY,
    HS_APP_ID,
    HS_SECRET,
    FakeFreshdesk,
    FakeHelpScout,
    fd_ticket,
    hs_conversation,
    hs_thread,
)


@pytest.fixture
def fd():
    server = FakeFreshdesk()
    yield server
    server.close()


@pytest.fixture
def hs():
    server = FakeHelpScout()
    yield server
    server.close()


def _shown(dialog, widget) -> bool:
    return dialog.form.labelForField(widget).isVisibleTo(dialog)


def test_freshdesk_account_needs_domain_and_key_and_connects(qtbot, ctx, fd):
    dialog = AccountsDialog(ctx.settings, save_settings=ctx.save_settings)
    qtbot.addWidget(dialog)
    dialog.provider.setCurrentIndex(dialog.provider.findData("freshdesk"))
    assert _shown(dialog, dialog.subdomain) and not _shown(dialog, dialog.email)
    assert not _shown(dialog, dialog.app_id) and not _shown(dialog, dialog.region)
    assert dialog.form.labelForField(dialog.subdomain).text() == "Freshdesk domain"
    assert dialog.form.labelForField(dialog.token).text() == "API key"
    dialog.account_id.setText("freshdesk-acme")
    dialog.subdomain.setText("https://acme.freshdesk.com/a/tickets/7")
    dialog.base_url.setText(fd.url)
    dialog.token.setText(FD_KEY)
    assert dialog.save_current(), dialog.status.text()
    assert credentials.load_token("freshdesk-acme") == FD_KEY
    saved = ctx.paths.settings_file.read_text(encoding="utf-8")
    assert FD_KEY not in saved and '"subdomain": "acme"' in saved
    dialog.test_connection()
    qtbot.waitUntil(lambda: "Connected as Alex Agent" in dialog.status.text(), timeout=10000)


def test_helpscout_account_lists_mailboxes_and_keeps_the_secret_in_the_keyring(qtbot, ctx, hs):
    dialog = AccountsDialog(ctx.settings, save_settings=ctx.save_settings)
    qtbot.addWidget(dialog)
    dialog.provider.setCurrentIndex(dialog.provider.findData("helpscout"))
    assert _shown(dialog, dialog.app_id) and _shown(dialog, dialog.mailbox_row)
    assert not _shown(dialog, dialog.subdomain) and not _shown(dialog, dialog.email)
    assert dialog.form.labelForField(dialog.token).text() == "App Secret"
    dialog.account_id.setText("helpscout-support")
    dialog.app_id.setText(HS_APP_ID)
    dialog.base_url.setText(hs.url)
    dialog.token.setText(HS_SECRET)
    dialog.load_mailboxes()
    qtbot.waitUntil(lambda: dialog.mailbox.count() == 3, timeout=10000)
    assert [dialog.mailbox.itemText(i) for i in range(3)] == [
        "All mailboxes",
        "Support (85)",
        "SDK Partners (86)",
    ]
    dialog.mailbox.setCurrentIndex(dialog.mailbox.findData("85"))
    assert dialog.save_current(), dialog.status.text()
    assert credentials.load_token("helpscout-support") == HS_SECRET
    saved = ctx.paths.settings_file.read_text(encoding="utf-8")
    assert HS_SECRET not in saved and '"app_id": "hsapp_0123456789"' in saved and '"mailbox": "85"' in saved
    assert all(token not in saved for token in hs.tokens)
    dialog.test_connection()
    qtbot.waitUntil(lambda: "Connected as Alex Agent" in dialog.status.text(), timeout=10000)
    # Reopened later: the saved mailbox is still the one chosen.
    again = AccountsDialog(ctx.settings, save_settings=ctx.save_settings)
    qtbot.addWidget(again)
    again.list.setCurrentIndex(again.model.index(0, 0))
    assert again.app_id.text() == HS_APP_ID and again.mailbox.currentData() == "85"
    assert again.token.text() == ""  # the stored secret is never shown, yet it can list the mailboxes
    again.load_mailboxes()
    qtbot.waitUntil(lambda: again.mailbox.count() == 3, timeout=10000)
    assert again.mailbox.currentText() == "Support (85)"


def test_sync_imports_from_freshdesk_and_help_scout_accounts(qtbot, window, ctx, fd, hs):
    from cre_desk.integrations.accounts import Account, save_account

    fd.add(fd_ticket(1, datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")))
    hs.add(
        hs_conversation(
            1,
            datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
            threads=[hs_thread(10, "customer", "<p>Banner never shows</p>", "2026-01-05T09:00:00Z")],
        )
    )
    save_account(
        ctx.settings,
        Account(id="freshdesk-acme", provider="freshdesk", subdomain="acme", base_url=fd.url),
        FD_KEY,
    )
    save_account(
        ctx.settings,
        Account(
            id="helpscout-support", provider="helpscout", app_id=HS_APP_ID, mailbox="85", base_url=hs.url
        ),
        HS_SECRET,
    )
    window.sync_helpdesks()
    qtbot.waitUntil(lambda: window.sync_runner.job is None, timeout=20000)
    message = window.statusBar().currentMessage()
    assert "freshdesk-acme: 1 new ticket" in message and "helpscout-support: 1 new ticket" in message
    window.queue.reload()
    qtbot.waitUntil(lambda: window.queue.model.rowCount() == 2)


def test_reply_to_a_help_scout_conversation_is_posted_once_without_a_marker(
    qtbot, window, ctx, hs, dialogs, monkeypatch
):
    from cre_desk.gui import messages
    from cre_desk.integrations.accounts import Account, save_account

    asked: list[str] = []
    monkeypatch.setattr(
        messages.Dialogs, "confirm", staticmethod(lambda parent, title, text: asked.append(text) or True)
    )

    hs.add(
        hs_conversation(
            1,
            datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
            threads=[hs_thread(10, "customer", "<p>Banner never shows</p>", "2026-01-05T09:00:00Z")],
        )
    )
    save_account(
        ctx.settings,
        Account(
            id="helpscout-support", provider="helpscout", app_id=HS_APP_ID, mailbox="85", base_url=hs.url
        ),
        HS_SECRET,
    )
    window.sync_helpdesks()
    qtbot.waitUntil(lambda: window.sync_runner.job is None, timeout=20000)
    window.queue.reload()
    qtbot.waitUntil(lambda: window.queue.model.rowCount() == 1)
    imported = window.queue.rows()[0]
    window.queue.select_ticket(imported.id)
    qtbot.waitUntil(lambda: window.pane.ticket is not None and window.pane.ticket.id == imported.id)
    composer = window.pane.reply
    qtbot.waitUntil(lambda: composer.editors["summary"].toPlainText() != "")
    assert not composer.post_button.isHidden()
    composer.post_to_helpdesk()
    qtbot.waitUntil(lambda: composer.state.text() == "Posted to the helpdesk", timeout=10000)
    assert (
        asked and "Help Scout ticket 1" in asked[0]
    )  # the confirmation names the service as it calls itself
    sent = ctx.tickets.list_sent_replies(imported.id)
    assert len(sent) == 1 and sent[0].channel == "helpscout" and sent[0].external_id == str(hs.next_id)
    (post,) = [r for r in hs.requests if r.method == "POST" and r.path.endswith("/reply")]
    assert "[ref:cre-desk:" not in post.body.decode()


def test_mailboxes_with_a_wrong_secret_say_what_to_check_and_keep_the_typed_secret(qtbot, ctx, hs):
    dialog = AccountsDialog(ctx.settings, save_settings=ctx.save_settings)
    qtbot.addWidget(dialog)
    dialog.provider.setCurrentIndex(dialog.provider.findData("helpscout"))
    dialog.app_id.setText(HS_APP_ID)
    dialog.base_url.setText(hs.url)
    dialog.token.setText("hss_CANARY_typo")
    dialog.load_mailboxes()
    qtbot.waitUntil(lambda: dialog.status.text().startswith("Could not load mailboxes"), timeout=10000)
    assert "App ID and Secret" in dialog.status.text() and "hss_CANARY_typo" not in dialog.status.text()
    assert dialog.token.text() == "hss_CANARY_typo" and dialog.mailbox.count() == 1
    assert dialog.load_mailboxes_button.isEnabled()
