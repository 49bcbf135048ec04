"""A reply reaches the helpdesk once, even when the connection drops after it was sent (RELIABILITY N-8).

Issue 12 item 10: the server may commit a reply just after dropping the connection; every attempt after an
unconfirmed one checks the ticket first. Issue 14 defect 6: nothing is added to the text the customer reads.
"""

from __future__ import annotations

import json
import random
import threading
import time
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest
from test_zendesk import make_provider

from cre_desk.integrations.http_errors import IntegrationError, ReplyUncertain
from cre_desk.integrations.posting import new_marker, post_once


class FlakyHelpdesk:
    """Stores the reply (maybe only later), then loses the answer."""

    def __init__(self, lose_answer: bool, store: bool = True, commit_late: bool = False) -> None:
        self.comments: list[tuple[str, str]] = []
        self.lose_answer, self.store, self.commit_late = lose_answer, store, commit_late
        self.late: list[tuple[str, str]] = []
        self.posts = 0

    def post_reply(self, ticket_id, body, *, public, marker):
        self.posts += 1
        if self.store:
            (self.late if self.commit_late else self.comments).append((body, marker))
        if self.lose_answer:
            raise ReplyUncertain("connection dropped after sending")
        return str(len(self.comments))

    def find_reply(self, ticket_id, marker):
        return next((str(n + 1) for n, (_b, m) in enumerate(self.comments) if m == marker), None)

    def commit(self):
        self.comments.extend(self.late)
        self.late.clear()


def test_lost_answer_is_reconciled_and_never_posted_twice():
    helpdesk = FlakyHelpdesk(lose_answer=True)
    marker = new_marker()
    for _ in range(20):  # however often the engineer retries the same reply
        result = post_once(helpdesk, "42", "Hello", public=True, marker=marker)
        assert result.message_id == "1" and result.reconciled
    assert helpdesk.comments == [("Hello", marker)] and helpdesk.posts == 1


def test_a_commit_after_the_drop_is_found_before_any_repost():
    """N-8: the first check finds nothing (not committed yet); the retry must check again, not post."""
    helpdesk = FlakyHelpdesk(lose_answer=True, commit_late=True)
    marker = new_marker()
    first = post_once(helpdesk, "42", "Hello", public=True, marker=marker)
    assert first.message_id is None
    helpdesk.commit()  # the server finishes the write after the drop
    helpdesk.lose_answer = False
    again = post_once(helpdesk, "42", "Hello", public=True, marker=marker)
    assert again.message_id == "1" and again.reconciled
    assert helpdesk.posts == 1 and len(helpdesk.comments) == 1


def test_the_reference_never_enters_the_text():
    helpdesk = FlakyHelpdesk(lose_answer=False)
    marker = new_marker()
    assert post_once(helpdesk, "42", "Hi", public=False, marker=marker).message_id == "1"
    assert helpdesk.comments == [("Hi", marker)]


def test_a_failed_check_posts_nothing():
    class Unreachable(FlakyHelpdesk):
        def find_reply(self, ticket_id, marker):
            raise IntegrationError("offline")

    helpdesk = Unreachable(lose_answer=True, commit_late=True)
    marker = new_marker()
    with pytest.raises(IntegrationError):
        post_once(helpdesk, "42", "Hello", public=True, marker=marker)  # lost answer, check fails
    with pytest.raises(IntegrationError):
        post_once(helpdesk, "42", "Hello", public=True, marker=marker)  # the retry checks first: still fails
    assert helpdesk.posts == 1


# ------------------------------------------------------------------------------------------ N-8, 200 runs

SCENARIOS = (
    "ok",
    "commit_then_drop",
    "drop_then_commit",
    "drop_no_commit",
    "503",
    "500_after_commit",
    "504_after_commit",
)


class ZendeskTicket(HTTPServer):
    """One Zendesk ticket served one request at a time, so "commits just after the drop" is exact."""

    def __init__(self, rng: random.Random) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.rng = rng
        self.audits: list[dict] = []
        self.pending: dict | None = None
        self.next_id = 1000
        self.scenarios: list[str] = []

    def commit(self, request: dict) -> dict:
        self.next_id += 2
        ticket = request["ticket"]
        audit = {
            "id": self.next_id,
            "ticket_id": 42,
            "created_at": f"2026-01-07T09:{len(self.audits):02d}:00Z",
            "author_id": 200,
            "metadata": {"system": {}, "custom": ticket.get("metadata") or {}},
            "via": {"channel": "api"},
            "events": [
                {
                    "id": self.next_id + 1,
                    "type": "Comment",
                    "author_id": 200,
                    "body": ticket["comment"]["body"],
                    "public": ticket["comment"]["public"],
                    "attachments": [],
                    "audit_id": self.next_id,
                }
            ],
        }
        self.audits.append(audit)
        return audit


class _Handler(BaseHTTPRequestHandler):
    server: ZendeskTicket

    def log_message(self, *args) -> None:
        pass

    def _json(self, status: int, data) -> None:
        body = json.dumps(data).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _settle(self) -> None:
        if self.server.pending is not None:
            self.server.commit(self.server.pending)
            self.server.pending = None

    def do_PUT(self) -> None:  # noqa: N802 - http.server's naming
        self._settle()
        request = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        scenario = self.server.rng.choice(SCENARIOS)
        self.server.scenarios.append(scenario)
        self.close_connection = True
        if scenario == "ok":
            self._json(200, {"ticket": {"id": 42}, "audit": self.server.commit(request)})
        elif scenario == "commit_then_drop":
            self.server.commit(request)
        elif scenario == "drop_then_commit":
            self.server.pending = request  # committed before the next request is looked at
        elif scenario == "503":
            self._json(503, {"error": "Service Unavailable"})
        elif scenario == "500_after_commit":
            self.server.commit(request)
            self._json(500, {"error": "InternalError"})
        elif scenario == "504_after_commit":
            self.server.commit(request)
            self._json(504, {"error": "Gateway Timeout"})
        # drop_no_commit: nothing stored, nothing answered

    def do_GET(self) -> None:  # noqa: N802
        self._settle()
        if self.path.startswith("/api/v2/tickets/42/audits.json"):
            self._json(
                200,
                {
                    "audits": self.server.audits,
                    "meta": {"has_more": False, "after_cursor": None, "before_cursor": None},
                    "links": {"prev": None, "next": None},
                },
            )
        else:
            self._json(404, {"error": "RecordNotFound", "description": "Not found"})


def test_randomized_dropped_connections_never_post_twice():
    """Issue 12 item 10 (RELIABILITY N-8): 200 randomized runs, 0 duplicates, no reply lost."""
    duplicates, lost, seen = [], [], set()
    for run in range(200):
        rng = random.Random(run)
        server = ZendeskTicket(rng)
        thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.01}, daemon=True)
        thread.start()
        try:
            provider = make_provider(f"http://127.0.0.1:{server.server_address[1]}")
            marker = new_marker()
            posted = None
            for _press in range(30):  # the engineer presses Post until CRE Desk confirms the reply
                try:
                    posted = post_once(
                        provider, "42", "Update the SDK to 4.3.", public=True, marker=marker
                    ).message_id
                except IntegrationError:
                    posted = None
                if posted:
                    break
            provider.close()
        finally:
            server.shutdown()
            server.server_close()
        seen.update(server.scenarios)
        comments = [a for a in server.audits + ([server.pending] if server.pending else [])]
        if len(comments) > 1:
            duplicates.append((run, server.scenarios))
        if posted is None or not comments:
            lost.append((run, server.scenarios))
        assert all("cre-desk" not in a["events"][0]["body"] for a in server.audits)
    assert duplicates == []
    assert lost == []
    assert seen == set(SCENARIOS)


class IntercomConversation(ZendeskTicket):
    """One Intercom conversation (API 2.11 shapes): replies are parts; no hidden field exists."""

    def commit(self, request: dict) -> dict:
        self.next_id += 1
        part = {
            "type": "conversation_part",
            "id": str(self.next_id),
            "part_type": request["message_type"],
            "body": request["body"],
            "created_at": int(time.time()),
            "updated_at": int(time.time()),
            "notified_at": int(time.time()),
            "assigned_to": None,
            "attachments": [],
            "redacted": False,
            "author": {
                "type": "admin",
                "id": request["admin_id"],
                "name": "Aiko Admin",
                "email": "aiko@vendor.example",
            },
        }
        self.audits.append(part)
        return part

    def conversation(self) -> dict:
        return {
            "type": "conversation",
            "id": "101",
            "created_at": 1_700_000_000,
            "updated_at": int(time.time()),
            "state": "open",
            "open": True,
            "read": True,
            "priority": "not_priority",
            "source": {
                "type": "conversation",
                "id": "s101",
                "delivered_as": "customer_initiated",
                "subject": "",
                "body": "<p>Push stopped</p>",
                "attachments": [],
                "url": None,
                "redacted": False,
                "author": {"type": "user", "id": "u1", "name": "Carol"},
            },
            "contacts": {"type": "contact.list", "contacts": [{"type": "contact", "id": "u1"}]},
            "conversation_parts": {
                "type": "conversation_part.list",
                "conversation_parts": list(self.audits),
                "total_count": len(self.audits),
            },
        }


class _IntercomHandler(_Handler):
    server: IntercomConversation

    def do_POST(self) -> None:  # noqa: N802
        self._settle()
        request = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        scenario = self.server.rng.choice(SCENARIOS)
        self.server.scenarios.append(scenario)
        self.close_connection = True
        if scenario == "ok":
            self.server.commit(request)
            self._json(200, self.server.conversation())
        elif scenario == "commit_then_drop":
            self.server.commit(request)
        elif scenario == "drop_then_commit":
            self.server.pending = request
        elif scenario == "503":
            self._json(
                503,
                {
                    "type": "error.list",
                    "errors": [{"code": "service_unavailable", "message": "Service Unavailable"}],
                },
            )
        elif scenario in ("500_after_commit", "504_after_commit"):
            self.server.commit(request)
            self._json(
                int(scenario[:3]),
                {"type": "error.list", "errors": [{"code": "server_error", "message": "Server Error"}]},
            )

    def do_GET(self) -> None:  # noqa: N802
        self._settle()
        if self.path == "/me":
            self._json(
                200,
                {
                    "type": "admin",
                    "id": "991",
                    "name": "Aiko Admin",
                    "email": "aiko@vendor.example",
                    "app": {"type": "app", "id_code": "abc123", "name": "Acme SDK"},
                },
            )
        elif self.path == "/conversations/101":
            self._json(200, self.server.conversation())
        else:
            self._json(404, {"type": "error.list", "errors": [{"code": "not_found", "message": "Not Found"}]})


def test_randomized_dropped_connections_never_post_twice_on_intercom():
    """N-8 on Intercom, where the reply is recognised by admin, words and time: 100 runs, 0 duplicates."""
    import functools

    from cre_desk.integrations.http import ApiClient
    from cre_desk.integrations.intercom import IntercomProvider

    duplicates, lost = [], []
    for run in range(100):
        server = IntercomConversation(random.Random(1000 + run))
        server.RequestHandlerClass = _IntercomHandler
        thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.01}, daemon=True)
        thread.start()
        try:
            provider = IntercomProvider(
                "ic_CANARY_posting",
                base_url=f"http://127.0.0.1:{server.server_address[1]}",
                client_factory=functools.partial(ApiClient, sleep=lambda s: None),
            )
            marker, posted = new_marker(), None
            for _press in range(30):
                try:
                    posted = post_once(
                        provider, "101", "Update the SDK to 4.3.", public=True, marker=marker
                    ).message_id
                except IntegrationError:
                    posted = None
                if posted:
                    break
            provider.close()
        finally:
            server.shutdown()
            server.server_close()
        parts = server.audits + ([server.pending] if server.pending else [])
        if len(parts) > 1:
            duplicates.append((run, server.scenarios))
        if posted is None or not parts:
            lost.append((run, server.scenarios))
        assert all("cre-desk" not in p["body"] for p in server.audits)
    assert duplicates == [] and lost == []
