"""Background sync while the app runs: on a timer and on demand, the last sync's time in the status bar,
failures that say what to do without a pop-up, and a stop honoured at once (issue 14; issue 12 item 16)."""

from __future__ import annotations

import socket
import sys
import threading
from pathlib import Path

from cre_desk.integrations.accounts import Account, save_account
from cre_desk.integrations.zendesk import EXPORT_PATH

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "integrations"))
from test_zendesk import CANARY, EMAIL, comment, export, serve_comments, ticket  # noqa: E402


def _account(ctx, base_url: str) -> None:
    save_account(
        ctx.settings,
        Account(
            id="zendesk-acme",
            provider="zendesk",
            subdomain="acme",
            email=EMAIL,
            base_url=base_url.rstrip("/"),
        ),
        CANARY,
    )


def test_background_sync_runs_on_its_timer_and_shows_the_last_sync(qtbot, window, ctx, httpserver, dialogs):
    serve_comments(httpserver, 7, [comment(1, 100, "Push broken")])
    httpserver.expect_request(EXPORT_PATH).respond_with_json(export([ticket(7)], "c1", True, httpserver))
    _account(ctx, httpserver.url_for("/"))
    ctx.settings.sync_interval_minutes = 3
    window.sync_runner.start_timer()
    assert window.sync_runner.timer.isActive() and window.sync_runner.timer.interval() == 3 * 60_000
    window.sync_runner.timer.timeout.emit()  # the timer fires: a background sync
    sync = window.sync_runner
    qtbot.waitUntil(lambda: sync.job is None and "Last sync" in sync.status.text(), timeout=20000)
    assert "all 1 account(s) up to date" in window.sync_runner.status.text()
    assert "1 new ticket" in window.sync_runner.status.toolTip()
    qtbot.waitUntil(lambda: window.queue.model.rowCount() == 1)
    ctx.settings.sync_interval_minutes = 0
    window.sync_runner.start_timer()
    assert not window.sync_runner.timer.isActive()


def test_a_failing_account_is_explained_in_the_status_bar_not_a_dialog(
    qtbot, window, ctx, httpserver, dialogs
):
    httpserver.expect_request(EXPORT_PATH).respond_with_json(
        {"error": "Couldn't authenticate you"}, status=401
    )
    _account(ctx, httpserver.url_for("/"))
    window.sync_helpdesks(background=True)
    sync = window.sync_runner
    qtbot.waitUntil(lambda: sync.job is None and "Last sync" in sync.status.text(), timeout=20000)
    text = window.sync_runner.status.text()
    assert "need attention" in text and "File → Accounts" in text
    assert dialogs.shown == []


def test_stopping_a_sync_against_a_silent_server_ends_it_at_once(qtbot, window, ctx, dialogs):
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(4)
    held: list = []
    threading.Thread(target=lambda: held.append(server.accept()), daemon=True).start()
    try:
        _account(ctx, f"http://127.0.0.1:{server.getsockname()[1]}")
        window.sync_helpdesks()
        qtbot.waitUntil(lambda: bool(held), timeout=5000)  # the request is out; the server says nothing
        window.sync_helpdesks()  # F6 again: stop
        assert window.statusBar().currentMessage() == "Stopping the import…"
        # The read timeout is 30 s; only an immediate stop ends it this soon.
        qtbot.waitUntil(lambda: window.sync_runner.job is None, timeout=3000)
        assert "stopped" in window.statusBar().currentMessage()
    finally:
        server.close()
        for conn, _addr in held:
            conn.close()


def test_settings_offer_background_sync_and_the_company_certificate(qtbot, ctx, tmp_path):
    from cre_desk.gui.settings_dialog import SettingsDialog

    pem = tmp_path / "corp-ca.pem"
    pem.write_text("-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n")
    dialog = SettingsDialog(ctx.settings)
    qtbot.addWidget(dialog)
    dialog.ui.ca_bundle.setText(str(tmp_path / "missing.pem"))
    dialog._on_buttons_accepted()
    assert "could not be read" in dialog.ui.error.text() and ctx.settings.ca_bundle == ""
    dialog.ui.ca_bundle.setText(str(pem))
    dialog.ui.sync_interval.setValue(10)
    dialog._on_buttons_accepted()
    assert ctx.settings.ca_bundle == str(pem) and ctx.settings.sync_interval_minutes == 10


def test_closing_the_window_during_a_sync_does_not_wait_for_a_silent_server(qtbot, window, ctx, dialogs):
    from cre_desk.gui.tasks import wait_for_all

    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(4)
    held: list = []
    threading.Thread(target=lambda: held.append(server.accept()), daemon=True).start()
    try:
        _account(ctx, f"http://127.0.0.1:{server.getsockname()[1]}")
        window.sync_helpdesks(background=True)
        qtbot.waitUntil(lambda: bool(held), timeout=5000)
        window.close()  # cancels the sync before waiting for background work
        assert wait_for_all(3000)  # the request's 30 s read timeout is not waited out
        assert not window.sync_runner.timer.isActive()
    finally:
        server.close()
        for conn, _addr in held:
            conn.close()
