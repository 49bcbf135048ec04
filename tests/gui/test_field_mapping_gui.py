"""Field mapping in File → Accounts: the table is saved with the account, and a sync fills the ticket's
platform and SDK version from the helpdesk's custom fields (Freshdesk ``custom_fields``, as documented)."""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog

from cre_desk.gui import field_mapping_dialog
from cre_desk.gui.accounts_dialog import AccountsDialog
from cre_desk.integrations.accounts import load_accounts

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "integrations"))
from fake_helpdesks import FD_KEY, FakeFreshdesk, fd_ticket  # noqa: E402


@pytest.fixture
def fd():
    server = FakeFreshdesk()
    yield server
    server.close()


def test_mapping_is_saved_with_the_account_and_fills_imported_tickets(qtbot, window, ctx, fd, monkeypatch):
    ticket = fd_ticket(1, datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"))
    ticket["custom_fields"] = {"cf_platform": "iOS", "cf_sdk_version": "5.2.1", "cf_plan": "Enterprise"}
    fd.add(ticket)

    dialog = AccountsDialog(ctx.settings, save_settings=ctx.save_settings)
    qtbot.addWidget(dialog)
    dialog.provider.setCurrentIndex(dialog.provider.findData("freshdesk"))
    assert dialog.field_map_state.text() == "No fields mapped"
    dialog.account_id.setText("freshdesk-acme")
    dialog.subdomain.setText("acme")
    dialog.base_url.setText(fd.url)
    dialog.token.setText(FD_KEY)

    def fill(table_dialog):
        rows = {table_dialog.model.item(r, 0).text(): r for r in range(table_dialog.model.rowCount())}
        assert "custom_fields.cf_NAME" in table_dialog.findChildren(field_mapping_dialog.QLabel)[1].text()
        table_dialog.model.item(rows["Platform"], 1).setText("custom_fields.cf_platform")
        table_dialog.model.item(rows["SDK version"], 1).setText(" custom_fields.cf_sdk_version ")
        table_dialog.triage.setChecked(True)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(field_mapping_dialog.FieldMappingDialog, "exec", fill)
    dialog.edit_field_map()
    assert dialog.field_map_state.text() == (
        "2 field(s) filled from the helpdesk; symptom and category sent as tags"
    )
    assert dialog.save_current(), dialog.status.text()
    (account,) = load_accounts(ctx.settings)
    assert (
        account.field_map
        == "platform = custom_fields.cf_platform\nsdk_version = custom_fields.cf_sdk_version"
    )
    assert account.triage_tags == "yes"
    assert "cf_sdk_version" in ctx.paths.settings_file.read_text(encoding="utf-8")

    window.sync_helpdesks()
    qtbot.waitUntil(lambda: window.sync_runner.job is None, timeout=20000)
    (summary,) = ctx.tickets.list_queue()
    fields = ctx.tickets.get_ticket(summary.id).fields
    assert (fields.platform, fields.sdk_version) == ("ios", "5.2.1")
    # The next sync tells Freshdesk the ticket's symptom and category, as tags (changes go out before import).
    window.sync_helpdesks()
    qtbot.waitUntil(lambda: window.sync_runner.job is None, timeout=20000)
    assert {"cre-symptom-iam_not_shown", "cre-category-troubleshooting"} <= set(fd.tickets[1]["tags"])
    assert ctx.tickets.get_ticket(summary.id).fields.tags == ("ios", "push")
