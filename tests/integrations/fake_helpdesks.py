"""Local HTTP servers that answer like Freshdesk API v2 and Help Scout Mailbox API 2.0.

Why: the providers must be tested over real sockets (retries, redirects, dropped connections) against the
vendors' documented request and response shapes, including state: a reply the server committed must show up
in the conversation it is then asked for. Bodies follow the documented examples (Freshdesk: list tickets with
``include=requester``, view ticket with ``attachments[].attachment_url``, conversations, reply/notes 201;
Help Scout: HAL ``_embedded``/``page``/``_links``, threads with ``_embedded.attachments``, reply/notes 201 with
``Resource-ID``). Each server records every request (method, path, query, headers, body) for assertions.
"""

from __future__ import annotations

import base64
import json
import socket
import threading
from collections import deque
from dataclasses import dataclass, field
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit


@dataclass
class Seen:
    method: str
    path: str
    query: dict[str, str]
    headers: dict[str, str]
    body: bytes


@dataclass
class Fault:
    """An answer to give instead of the normal one; ``drop_after`` commits the write, then hangs up."""

    status: int = 500
    headers: dict[str, str] = field(default_factory=dict)
    body: object = None
    drop_after: bool = False


class FakeServer:
    """A threaded http.server whose routes are methods of the subclass (``route(method, path, query, body)``)."""

    def __init__(self) -> None:
        self.requests: list[Seen] = []
        self.faults: dict[tuple[str, str], deque[Fault]] = {}
        self.lock = threading.Lock()
        outer = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args) -> None:  # keep test output quiet
                pass

            def _serve(self) -> None:
                parts = urlsplit(self.path)
                query = {k: v[-1] for k, v in parse_qs(parts.query, keep_blank_values=True).items()}
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                seen = Seen(self.command, parts.path, query, dict(self.headers.items()), body)
                with outer.lock:
                    outer.requests.append(seen)
                    queue = outer.faults.get((self.command, parts.path))
                    fault = queue.popleft() if queue else None
                if fault is not None and not fault.drop_after:
                    self._answer(fault.status, fault.body, fault.headers)
                    return
                status, data, headers = outer.route(seen)
                if fault is not None:   # the write happened; the answer never arrives
                    self.connection.shutdown(socket.SHUT_RDWR)
                    self.close_connection = True
                    return
                self._answer(status, data, headers)

            def _answer(self, status: int, data, headers: dict[str, str]) -> None:
                raw = data if isinstance(data, bytes) else (b"" if data is None else json.dumps(data).encode())
                self.send_response(status)
                headers = dict(headers)
                headers.setdefault("Content-Type", "application/json; charset=utf-8")
                for key, value in headers.items():
                    self.send_header(key, value)
                self.send_header("Content-Length", str(len(raw)))
                self.end_headers()
                self.wfile.write(raw)

            do_GET = do_POST = do_PUT = _serve

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}"

    def fail(self, method: str, path: str, *faults: Fault) -> None:
        self.faults.setdefault((method, path), deque()).extend(faults)

    def count(self, method: str, path: str) -> int:
        return sum(1 for r in self.requests if r.method == method and r.path == path)

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    def route(self, seen: Seen):  # pragma: no cover - subclasses answer
        raise NotImplementedError


def now_iso() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


# ------------------------------------------------------------------------------------------- Freshdesk


FD_KEY = "fdk_CANARY_freshdesk_0123456789"
FD_AUTH = "Basic " + base64.b64encode(f"{FD_KEY}:X".encode()).decode()
FD_AGENT = {"available": True, "occasional": False, "id": 153022557183, "ticket_scope": 1,
            "signature": None, "group_ids": [], "role_ids": [], "created_at": "2024-11-01T10:00:00Z",
            "updated_at": "2024-12-01T10:00:00Z", "type": "support_agent",
            "contact": {"active": True, "email": "alex@vendor.example", "job_title": None, "language": "en",
                        "last_login_at": "2024-12-01T09:00:00Z", "mobile": None, "name": "Alex Agent",
                        "phone": None, "time_zone": "Tokyo", "created_at": "2024-11-01T10:00:00Z",
                        "updated_at": "2024-12-01T10:00:00Z"}}
FD_REQUESTER = {"id": 153027085411, "name": "Jimmy Jin", "email": "jjin@customer.example", "mobile": None,
                "phone": None}


def fd_ticket(tid: int, updated: str, *, status: int = 2, subject: str | None = None,
              attachments: list | None = None) -> dict:
    """A ticket as ``GET /api/v2/tickets/{id}`` shows it (the list omits description and attachments)."""
    return {
        "cc_emails": [], "fwd_emails": [], "reply_cc_emails": [], "ticket_cc_emails": [], "fr_escalated": False,
        "spam": False, "email_config_id": 153000135394, "group_id": 153000435735, "priority": 2,
        "requester_id": FD_REQUESTER["id"], "responder_id": None, "source": 1, "company_id": None,
        "status": status, "subject": subject or f"Push notifications stopped {tid}", "association_type": None,
        "support_email": None, "to_emails": None, "product_id": None, "id": tid, "type": "Problem",
        "due_by": "2026-01-09T22:00:00Z", "fr_due_by": "2026-01-08T22:00:00Z", "is_escalated": False,
        "description": f"<div>Pushes stopped after upgrading the SDK ({tid}).</div>",
        "description_text": f"Pushes stopped after upgrading the SDK ({tid}).",
        "custom_fields": {}, "created_at": "2026-01-05T09:00:00Z", "updated_at": updated,
        "tags": ["ios", "push"], "attachments": attachments or [], "source_additional_info": None,
        "nr_due_by": None, "nr_escalated": False,
    }


def fd_conversation(cid: int, tid: int, user_id: int, body: str, created: str, *, incoming: bool = False,
                    private: bool = False, attachments: list | None = None) -> dict:
    return {"body": f"<div>{body}</div>", "body_text": body, "id": cid, "incoming": incoming,
            "private": private, "user_id": user_id, "support_email": None, "source": 0 if not private else 2,
            "category": 3, "to_emails": [], "from_email": None, "cc_emails": [], "bcc_emails": None,
            "email_failure_count": None, "outgoing_failures": None, "thread_id": None,
            "thread_message_id": None, "created_at": created, "updated_at": created, "last_edited_at": None,
            "last_edited_user_id": None, "attachments": attachments or [], "automation_id": None,
            "automation_type_id": None, "auto_response": False, "ticket_id": tid,
            "delivery_details": {"failed_emails": [], "pending_emails": []}, "source_additional_info": None}


def fd_attachment(aid: int, name: str, url: str, size: int, content_type: str = "text/plain") -> dict:
    return {"id": aid, "content_type": content_type, "size": size, "name": name, "attachment_url": url,
            "created_at": "2026-01-05T09:00:00Z", "updated_at": "2026-01-05T09:00:00Z"}


class FakeFreshdesk(FakeServer):
    """Freshdesk API v2 for one domain: tickets, conversations, agents, replies and notes."""

    def __init__(self) -> None:
        self.tickets: dict[int, dict] = {}
        self.conversations: dict[int, list[dict]] = {}
        self.next_id = 900000
        super().__init__()

    def add(self, ticket: dict, conversations: list[dict] | None = None) -> None:
        self.tickets[ticket["id"]] = ticket
        self.conversations[ticket["id"]] = list(conversations or [])

    def _link(self, path: str, query: dict[str, str], page: int) -> dict[str, str]:
        nxt = {**query, "page": str(page + 1)}
        qs = "&".join(f"{k}={v}" for k, v in nxt.items())
        return {"Link": f'<https://acme.freshdesk.com{path}?{qs}>; rel="next"'}

    def _page(self, items: list, query: dict[str, str], path: str):
        per_page = int(query.get("per_page", 30))
        page = int(query.get("page", 1))
        if per_page > 100:
            return 400, {"description": "Validation failed", "errors": [
                {"field": "per_page", "message": "It should be a Positive Number less than or equal to 100",
                 "code": "invalid_value"}]}, {}
        chunk = items[(page - 1) * per_page: page * per_page]
        headers = self._link(path, query, page) if len(items) > page * per_page else {}
        headers.update({"X-RateLimit-Total": "200", "X-RateLimit-Remaining": "180",
                        "X-RateLimit-Used-CurrentRequest": "1"})
        return 200, chunk, headers

    def route(self, seen: Seen):
        if seen.headers.get("Authorization") != FD_AUTH:
            return 401, {"code": "invalid_credentials", "message": "You have to be logged in to perform this "
                                                                   "action."}, {}
        parts = seen.path.strip("/").split("/")
        if seen.path == "/api/v2/agents/me":
            return 200, FD_AGENT, {}
        if seen.path == "/api/v2/agents":
            return self._page([FD_AGENT], seen.query, seen.path)
        if seen.path == "/api/v2/tickets" and seen.method == "GET":
            q = seen.query
            if q.get("order_by") != "updated_at" or q.get("order_type") != "asc" or "updated_since" not in q:
                return 400, {"description": "Validation failed", "errors": [
                    {"field": "order_by", "message": "unexpected list query", "code": "invalid_value"}]}, {}
            since = q["updated_since"]
            items = sorted((t for t in self.tickets.values() if t["updated_at"] >= since),
                           key=lambda t: (t["updated_at"], t["id"]))
            listed = []
            for t in items:
                row = {k: v for k, v in t.items() if k not in ("description", "description_text", "attachments")}
                if q.get("include") == "requester":
                    row["requester"] = FD_REQUESTER
                listed.append(row)
            return self._page(listed, q, seen.path)
        if len(parts) >= 4 and parts[:3] == ["api", "v2", "tickets"]:
            tid = int(parts[3])
            if tid not in self.tickets:
                return 404, None, {}
            if len(parts) == 4:
                return 200, self.tickets[tid], {}
            if parts[4] == "conversations":
                return self._page(self.conversations[tid], seen.query, seen.path)
            if parts[4] in ("reply", "notes") and seen.method == "POST":
                payload = json.loads(seen.body)
                self.next_id += 1
                conv = fd_conversation(self.next_id, tid, FD_AGENT["id"], "", now_iso(),
                                       private=bool(payload.get("private")) if parts[4] == "notes" else False)
                conv["body"] = payload["body"]
                conv["body_text"] = payload["body"].replace("<p>", "").replace("</p>", "\n").replace(
                    "<br>", "\n").strip()
                self.conversations[tid].append(conv)
                return 201, conv, {}
        return 404, None, {}
