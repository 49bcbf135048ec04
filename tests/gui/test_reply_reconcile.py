"""Posting from the reply composer never posts twice when the helpdesk commits late (RELIABILITY N-8,
issue 12 item 10): the second press checks the ticket first and finds the reply."""

from __future__ import annotations

import random
import sys
import threading
from datetime import UTC, datetime
from pathlib import Path

from ui_steps import open_ticket  # noqa: E402 - shared GUI steps beside this file

from cre_desk.db.imports import ImportResult, ImportStore
from cre_desk.integrations.accounts import Account, save_account
from cre_desk.integrations.models import RemoteMessage, RemoteTicket

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "integrations"))
from test_posting import ZendeskTicket, _Handler  # noqa: E402
from test_zendesk import CANARY, EMAIL  # noqa: E402


class LateCommit(ZendeskTicket):
    """Drops the first PUT and stores it only after the first check has looked (a slow commit)."""

    def __init__(self) -> None:
        super().__init__(random.Random(0))
        self.methods: list[str] = []
        self.checks_before_commit = 1


class _LateHandler(_Handler):
    server: LateCommit

    def _settle(self) -> None:
        if self.server.pending is not None:
            if self.server.checks_before_commit > 0:
                self.server.checks_before_commit -= 1
                return
            self.server.commit(self.server.pending)
            self.server.pending = None

    def do_PUT(self) -> None:  # noqa: N802
        import json

        self.server.methods.append("PUT")
        self._settle()
        request = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        self.close_connection = True
        if not self.server.audits and self.server.pending is None:
            self.server.pending = request  # dropped; committed later
            return
        self._json(200, {"ticket": {"id": 42}, "audit": self.server.commit(request)})

    def do_GET(self) -> None:  # noqa: N802
        self.server.methods.append("GET")
        super().do_GET()


def test_second_press_after_a_late_commit_finds_the_reply_instead_of_posting_again(
    qtbot, window, ctx, dialogs
):
    server = LateCommit()
    server.RequestHandlerClass = _LateHandler
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.01}, daemon=True).start()
    try:
        base = f"http://127.0.0.1:{server.server_address[1]}"
        save_account(
            ctx.settings,
            Account(id="zendesk-acme", provider="zendesk", subdomain="acme", email=EMAIL, base_url=base),
            CANARY,
        )
        when = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
        remote = RemoteTicket(
            external_id="42",
            url=f"{base}/agent/tickets/42",
            title="Push broken",
            requester_name="Carol",
            customer="customer.example",
            status="open",
            tags=(),
            created_at=when,
            updated_at=when,
            messages=(RemoteMessage("1", "Carol", True, True, "Pushes stopped", when),),
        )
        ticket_id = ImportStore(ctx.tickets).upsert_ticket(
            "zendesk", remote, ImportResult(), account_id="zendesk-acme"
        )
        open_ticket(qtbot, window, ticket_id)
        composer = window.pane.reply
        qtbot.waitUntil(lambda: composer.editors["summary"].toPlainText() != "")
        dialogs.answers["confirm"] = True
        composer.post_to_helpdesk()
        qtbot.waitUntil(lambda: composer.state.text() == "Not posted", timeout=10000)
        composer.post_to_helpdesk()  # the engineer tries again
        qtbot.waitUntil(lambda: composer.state.text() == "Posted to the helpdesk", timeout=10000)
        assert server.methods == ["PUT", "GET", "GET"]  # checked first, found it, never PUT twice
        assert len(server.audits) == 1
        assert [r.external_id for r in ctx.tickets.list_sent_replies(ticket_id)] == [str(server.next_id + 1)]
    finally:
        server.shutdown()
        server.server_close()
