"""Local HTTP servers that answer like Freshdesk API v2 and Help Scout Mailbox API 2.0.

Why: the providers must be tested over real sockets (retries, redirects, dropped connections) against the
vendors' documented request and response shapes, including state: a reply the server committed must show up
in the conversation it is then asked for. Bodies follow the documented examples (Freshdesk: list tickets with
``include=requester``, view ticket with ``attachments[].attachment_url``, conversations, reply/notes 201;
Help Scout: HAL ``_embedded``/``page``/``_links``, threads with ``_embedded.attachments``, reply/notes 201
with ``Resource-ID``). Each server records every request (method, path, query, headers, body) for assertions.
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
    """A threaded http.server whose routes are methods of the subclass
    (``route(method, path, query, body)``)."""

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
                if fault is not None:  # the write happened; the answer never arrives
                    self.connection.shutdown(socket.SHUT_RDWR)
                    self.close_connection = True
                    return
                self._answer(status, data, headers)

            def _answer(self, status: int, data, headers: dict[str, str]) -> None:
                raw = (
                    data if isinstance(data, bytes) else (b"" if data is None else json.dumps(data).encode())
                )
                self.send_response(status)
                headers = dict(headers)
                headers.setdefault("Content-Type", "application/json; charset=utf-8")
                for key, value in headers.items():
                    self.send_header(key, value)
                self.send_header("Content-Length", str(len(raw)))
                self.end_headers()
                self.wfile.write(raw)

            do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = _serve

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
FD_AGENT = {
    "available": True,
    "occasional": False,
    "id": 153022557183,
    "ticket_scope": 1,
    "signature": None,
    "group_ids": [],
    "role_ids": [],
    "created_at": "2024-11-01T10:00:00Z",
    "updated_at": "2024-12-01T10:00:00Z",
    "type": "support_agent",
    "contact": {
        "active": True,
        "email": "alex@vendor.example",
        "job_title": None,
        "language": "en",
        "last_login_at": "2024-12-01T09:00:00Z",
        "mobile": None,
        "name": "Alex Agent",
        "phone": None,
        "time_zone": "Tokyo",
        "created_at": "2024-11-01T10:00:00Z",
        "updated_at": "2024-12-01T10:00:00Z",
    },
}
FD_REQUESTER = {
    "id": 153027085411,
    "name": "Jimmy Jin",
    "email": "jjin@customer.example",
    "mobile": None,
    "phone": None,
}


def fd_ticket(
    tid: int, updated: str, *, status: int = 2, subject: str | None = None, attachments: list | None = None
) -> dict:
    """A ticket as ``GET /api/v2/tickets/{id}`` shows it (the list omits description and attachments)."""
    return {
        "cc_emails": [],
        "fwd_emails": [],
        "reply_cc_emails": [],
        "ticket_cc_emails": [],
        "fr_escalated": False,
        "spam": False,
        "email_config_id": 153000135394,
        "group_id": 153000435735,
        "priority": 2,
        "requester_id": FD_REQUESTER["id"],
        "responder_id": None,
        "source": 1,
        "company_id": None,
        "status": status,
        "subject": subject or f"Push notifications stopped {tid}",
        "association_type": None,
        "support_email": None,
        "to_emails": None,
        "product_id": None,
        "id": tid,
        "type": "Problem",
        "due_by": "2026-01-09T22:00:00Z",
        "fr_due_by": "2026-01-08T22:00:00Z",
        "is_escalated": False,
        "description": f"<div>Pushes stopped after upgrading the SDK ({tid}).</div>",
        "description_text": f"Pushes stopped after upgrading the SDK ({tid}).",
        "custom_fields": {},
        "created_at": "2026-01-05T09:00:00Z",
        "updated_at": updated,
        "tags": ["ios", "push"],
        "attachments": attachments or [],
        "source_additional_info": None,
        "nr_due_by": None,
        "nr_escalated": False,
    }


def fd_conversation(
    cid: int,
    tid: int,
    user_id: int,
    body: str,
    created: str,
    *,
    incoming: bool = False,
    private: bool = False,
    attachments: list | None = None,
) -> dict:
    return {
        "body": f"<div>{body}</div>",
        "body_text": body,
        "id": cid,
        "incoming": incoming,
        "private": private,
        "user_id": user_id,
        "support_email": None,
        "source": 0 if not private else 2,
        "category": 3,
        "to_emails": [],
        "from_email": None,
        "cc_emails": [],
        "bcc_emails": None,
        "email_failure_count": None,
        "outgoing_failures": None,
        "thread_id": None,
        "thread_message_id": None,
        "created_at": created,
        "updated_at": created,
        "last_edited_at": None,
        "last_edited_user_id": None,
        "attachments": attachments or [],
        "automation_id": None,
        "automation_type_id": None,
        "auto_response": False,
        "ticket_id": tid,
        "delivery_details": {"failed_emails": [], "pending_emails": []},
        "source_additional_info": None,
    }


def fd_attachment(aid: int, name: str, url: str, size: int, content_type: str = "text/plain") -> dict:
    return {
        "id": aid,
        "content_type": content_type,
        "size": size,
        "name": name,
        "attachment_url": url,
        "created_at": "2026-01-05T09:00:00Z",
        "updated_at": "2026-01-05T09:00:00Z",
    }


class FakeFreshdesk(FakeServer):
    """Freshdesk API v2 for one domain: tickets, conversations, agents, replies and notes."""

    def __init__(self) -> None:
        self.tickets: dict[int, dict] = {}
        self.conversations: dict[int, list[dict]] = {}
        self.next_id = 900000
        self.exclusive_since = False  # the docs do not say whether updated_since includes its own second
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
            return (
                400,
                {
                    "description": "Validation failed",
                    "errors": [
                        {
                            "field": "per_page",
                            "message": "It should be a Positive Number less than or equal to 100",
                            "code": "invalid_value",
                        }
                    ],
                },
                {},
            )
        chunk = items[(page - 1) * per_page : page * per_page]
        headers = self._link(path, query, page) if len(items) > page * per_page else {}
        headers.update(
            {
                "X-RateLimit-Total": "200",
                "X-RateLimit-Remaining": "180",
                "X-RateLimit-Used-CurrentRequest": "1",
            }
        )
        return 200, chunk, headers

    def route(self, seen: Seen):
        if seen.headers.get("Authorization") != FD_AUTH:
            return (
                401,
                {
                    "code": "invalid_credentials",
                    "message": "You have to be logged in to perform this action.",
                },
                {},
            )
        parts = seen.path.strip("/").split("/")
        if seen.path == "/api/v2/agents/me":
            return 200, FD_AGENT, {}
        if seen.path == "/api/v2/agents":
            return self._page([FD_AGENT], seen.query, seen.path)
        if seen.path == "/api/v2/tickets" and seen.method == "GET":
            q = seen.query
            if q.get("order_by") != "updated_at" or q.get("order_type") != "asc" or "updated_since" not in q:
                return (
                    400,
                    {
                        "description": "Validation failed",
                        "errors": [
                            {"field": "order_by", "message": "unexpected list query", "code": "invalid_value"}
                        ],
                    },
                    {},
                )
            since = q["updated_since"]
            items = sorted(
                (
                    t
                    for t in self.tickets.values()
                    if t["updated_at"] > since or (t["updated_at"] == since and not self.exclusive_since)
                ),
                key=lambda t: (t["updated_at"], t["id"]),
            )
            listed = []
            for t in items:
                row = {
                    k: v for k, v in t.items() if k not in ("description", "description_text", "attachments")
                }
                if q.get("include") == "requester":
                    row["requester"] = FD_REQUESTER
                listed.append(row)
            return self._page(listed, q, seen.path)
        if len(parts) >= 4 and parts[:3] == ["api", "v2", "tickets"]:
            tid = int(parts[3])
            if tid not in self.tickets:
                return 404, None, {}
            if len(parts) == 4 and seen.method == "PUT":
                return self._update(tid, json.loads(seen.body or b"{}"))
            if len(parts) == 4:
                ticket = dict(self.tickets[tid])
                if "company" in seen.query.get("include", "").split(",") and ticket.get("company_id"):
                    ticket["company"] = {"id": ticket["company_id"], "name": "Customer Corp"}
                return 200, ticket, {}
            if parts[4] == "conversations":
                return self._page(self.conversations[tid], seen.query, seen.path)
            if parts[4] in ("reply", "notes") and seen.method == "POST":
                payload = json.loads(seen.body)
                self.next_id += 1
                conv = fd_conversation(
                    self.next_id,
                    tid,
                    FD_AGENT["id"],
                    "",
                    now_iso(),
                    private=bool(payload.get("private")) if parts[4] == "notes" else False,
                )
                conv["body"] = payload["body"]
                conv["body_text"] = (
                    payload["body"].replace("<p>", "").replace("</p>", "\n").replace("<br>", "\n").strip()
                )
                self.conversations[tid].append(conv)
                return 201, conv, {}
        return 404, None, {}


    def _update(self, tid: int, payload: dict):
        """``PUT /api/v2/tickets/{id}``: 400 "Validation failed" with per-field errors, else the ticket."""
        errors = []
        if "status" in payload and payload["status"] not in (2, 3, 4, 5, 6, 7):
            errors.append({"field": "status", "message": "It should be one of these values: '2,3,4,5,6,7'",
                           "code": "invalid_value"})
        if "priority" in payload and payload["priority"] not in (1, 2, 3, 4):
            errors.append({"field": "priority", "message": "It should be one of these values: '1,2,3,4'",
                           "code": "invalid_value"})
        if errors:
            return 400, {"description": "Validation failed", "errors": errors}, {}
        ticket = self.tickets[tid]
        if "responder_id" in payload and payload["responder_id"] not in (None, FD_AGENT["id"]):
            return 400, {"description": "Validation failed", "errors": [
                {"field": "responder_id", "message": "There is no agent matching the given responder_id",
                 "code": "invalid_value"}]}, {}
        writable = ("status", "priority", "tags", "responder_id")
        ticket.update({k: v for k, v in payload.items() if k in writable})
        ticket["updated_at"] = now_iso()
        return 200, dict(ticket), {}


# ------------------------------------------------------------------------------------------- Help Scout


HS_APP_ID = "hsapp_0123456789"
HS_SECRET = "hss_CANARY_helpscout_0123456789"
HS_USER = {
    "id": 4001,
    "firstName": "Alex",
    "lastName": "Agent",
    "email": "alex@vendor.example",
    "role": "owner",
    "timezone": "Asia/Tokyo",
    "type": "user",
    "createdAt": "2024-11-01T10:00:00Z",
    "updatedAt": "2024-12-01T10:00:00Z",
}
HS_CUSTOMER = {
    "id": 29418,
    "first": "Vernon",
    "last": "Bear",
    "photoUrl": "http://whatever-path-to-url/image.jpg",
    "email": "vbear@customer.example",
}


def hs_thread(tid: int, kind: str, body: str, created: str, *, attachments: list | None = None) -> dict:
    """A thread as List Threads shows it; ``kind`` is customer, message (an agent reply), note or lineitem."""
    by_customer = kind == "customer"
    author = (
        {**HS_CUSTOMER, "type": "customer"}
        if by_customer
        else {
            "id": HS_USER["id"],
            "type": "user",
            "first": "Alex",
            "last": "Agent",
            "email": HS_USER["email"],
        }
    )
    return {
        "id": tid,
        "type": kind,
        "status": "active",
        "state": "published",
        "action": {"type": "default", "associatedEntities": {}},
        "body": body,
        "source": {"type": "email", "via": "customer" if by_customer else "user"},
        "customer": HS_CUSTOMER,
        "createdBy": author,
        "assignedTo": None,
        "savedReplyId": 0,
        "to": [],
        "cc": [],
        "bcc": [],
        "createdAt": created,
        "_embedded": {"attachments": attachments or []},
        "_links": {
            "createdByCustomer" if by_customer else "createdByUser": {
                "href": f"https://api.helpscout.net/v2/{'customers' if by_customer else 'users'}/"
                        f"{author['id']}"
            }
        },
    }


def hs_attachment(aid: int, name: str, size: int, conversation: int) -> dict:
    return {
        "id": aid,
        "filename": name,
        "mimeType": "text/plain",
        "width": 0,
        "height": 0,
        "size": size,
        "_links": {
            "data": {
                "href": f"https://api.helpscout.net/v2/conversations/{conversation}/attachments/{aid}/data"
            },
            "web": {"href": f"https://secure.helpscout.net/file/{aid}/device.log"},
        },
    }


def hs_conversation(cid: int, modified: str, *, status: str = "active", threads: list | None = None) -> dict:
    return {
        "id": cid,
        "number": 15000 + cid,
        "threads": len(threads or []),
        "type": "email",
        "folderId": 493,
        "status": status,
        "state": "published",
        "subject": f"In-app messages missing {cid}",
        "preview": "The coupon message is not shown",
        "mailboxId": 85,
        "assignee": {"id": 4001, "first": "Alex", "last": "Agent", "email": "alex@vendor.example"},
        "createdBy": {"id": HS_CUSTOMER["id"], "type": "customer", "email": HS_CUSTOMER["email"]},
        "createdAt": "2026-01-05T09:00:00Z",
        "closedBy": 0,
        "closedAt": None,
        "userUpdatedAt": modified,
        "customerWaitingSince": {
            "time": "2026-01-05T09:00:00Z",
            "friendly": "2 days ago",
            "latestReplyFrom": "customer",
        },
        "source": {"type": "email", "via": "customer"},
        "tags": [{"id": 9150, "color": "#929499", "tag": "ios"}],
        "cc": [],
        "bcc": [],
        "primaryCustomer": {"id": HS_CUSTOMER["id"]},
        "customFields": [],
        "_links": {
            "mailbox": {"href": "https://api.helpscout.net/v2/mailboxes/85"},
            "primaryCustomer": {"href": f"https://api.helpscout.net/v2/customers/{HS_CUSTOMER['id']}"},
            "threads": {"href": f"https://api.helpscout.net/v2/conversations/{cid}/threads"},
            "self": {"href": f"https://api.helpscout.net/v2/conversations/{cid}"},
        },
        "_modified": modified,
        "_threads": list(threads or []),
    }


class FakeHelpScout(FakeServer):
    """Help Scout Mailbox API 2.0: client-credentials tokens, conversations, threads, attachments, replies."""

    PAGE_SIZE = 2  # the real API pages by 50; small pages keep the tests short

    def __init__(self) -> None:
        self.conversations: dict[int, dict] = {}
        self.attachments: dict[int, bytes] = {}
        self.tokens: list[str] = []
        self.revoked: set[str] = set()
        self.expires_in = 172800
        self.users = [HS_USER, {**HS_USER, "id": 4002, "firstName": "Bea", "lastName": "Backend",
                                "email": "bea@vendor.example", "role": "user"}]
        self.next_id = 70000
        super().__init__()

    def add(self, conversation: dict) -> None:
        self.conversations[conversation["id"]] = conversation

    def _public(self, conv: dict, embed: bool) -> dict:
        out = {k: v for k, v in conv.items() if not k.startswith("_") or k == "_links"}
        if embed:
            newest_first = sorted(conv["_threads"], key=lambda t: t["createdAt"], reverse=True)
            out["_embedded"] = {"threads": newest_first}
        return out

    def _hal(self, key: str, items: list, page: int, path: str) -> dict:
        size = self.PAGE_SIZE
        total_pages = max(1, -(-len(items) // size))
        data = {
            "page": {"size": size, "totalElements": len(items), "totalPages": total_pages, "number": page},
            "_links": {
                "self": {"href": f"https://api.helpscout.net{path}"},
                "first": {"href": f"https://api.helpscout.net{path}?page=1"},
                "last": {"href": f"https://api.helpscout.net{path}?page={total_pages}"},
                "page": {"href": f"https://api.helpscout.net{path}{{?page}}", "templated": True},
            },
        }
        chunk = items[(page - 1) * size : page * size]
        if chunk:  # the _embedded key is left out when a page is empty
            data["_embedded"] = {key: chunk}
        if page < total_pages:
            data["_links"]["next"] = {"href": f"https://api.helpscout.net{path}?page={page + 1}"}
        return data

    def route(self, seen: Seen):
        limits = {"X-RateLimit-Limit-Minute": "200", "X-RateLimit-Remaining-Minute": "150"}
        if seen.path == "/v2/oauth2/token" and seen.method == "POST":
            body = json.loads(seen.body or b"{}")
            if (body.get("grant_type"), body.get("client_id"), body.get("client_secret")) != (
                "client_credentials",
                HS_APP_ID,
                HS_SECRET,
            ):
                return 401, {"error": "invalid_client", "error_description": "Bad client credentials"}, {}
            self.next_id += 1
            token = f"hstok{self.next_id}"
            self.tokens.append(token)
            return (
                200,
                {"token_type": "bearer", "access_token": token, "expires_in": self.expires_in},
                {"Cache-Control": "no-store"},
            )
        auth = seen.headers.get("Authorization", "")
        if not auth.startswith("Bearer ") or auth[7:] not in self.tokens or auth[7:] in self.revoked:
            return 401, {"error": "invalid_token", "error_description": "The access token is invalid"}, {}
        parts = seen.path.strip("/").split("/")
        page = int(seen.query.get("page", 1))
        if seen.path == "/v2/users/me":
            return 200, HS_USER, limits
        if seen.path == "/v2/users":
            return 200, self._hal("users", self.users, page, seen.path), limits
        if seen.path == "/v2/mailboxes":
            boxes = [
                {"id": 85, "name": "Support", "slug": "abc", "email": "support@vendor.example"},
                {"id": 86, "name": "SDK Partners", "slug": "def", "email": "partners@vendor.example"},
            ]
            return 200, self._hal("mailboxes", boxes, page, seen.path), limits
        if seen.path == "/v2/conversations" and seen.method == "GET":
            q = seen.query
            if (q.get("status"), q.get("sortField"), q.get("sortOrder")) != ("all", "modifiedAt", "asc"):
                return 400, {"logRef": "x", "message": "Bad request", "_embedded": {"errors": []}}, {}
            since = q.get("modifiedSince", "")
            items = sorted(
                (
                    c
                    for c in self.conversations.values()
                    if c["_modified"] >= since
                    and (not q.get("mailbox") or str(c["mailboxId"]) in q["mailbox"].split(","))
                ),
                key=lambda c: (c["_modified"], c["id"]),
            )
            listed = [self._public(c, q.get("embed") == "threads") for c in items]
            return 200, self._hal("conversations", listed, page, seen.path), limits
        if len(parts) >= 3 and parts[:2] == ["v2", "conversations"]:
            cid = int(parts[2])
            conv = self.conversations.get(cid)
            if conv is None:
                return 404, None, {}
            if len(parts) == 3 and seen.method == "PATCH":
                op = json.loads(seen.body or b"{}")
                if op.get("path") == "/assignTo" and op.get("op") in ("replace", "remove"):
                    user = next((u for u in self.users if u["id"] == op.get("value")), None)
                    if op["op"] == "replace" and user is None:
                        return 400, {"logRef": "x", "message": "Bad request", "_embedded": {"errors": [
                            {"path": "value", "message": "user not found"}]}}, {}
                    conv["assignee"] = {"id": user["id"], "first": user["firstName"],
                                        "last": user["lastName"],
                                        "email": user["email"]} if user else None
                    conv["userUpdatedAt"] = conv["_modified"] = now_iso()
                    return 204, None, limits
                if op.get("op") != "replace" or op.get("path") != "/status" or op.get("value") not in (
                        "active", "pending", "closed", "spam"):
                    return 400, {"logRef": "x", "message": "Bad request", "_embedded": {"errors": [
                        {"path": "value", "message": "must be one of active, pending, closed, spam"}]}}, {}
                conv["status"] = op["value"]
                conv["userUpdatedAt"] = conv["_modified"] = now_iso()
                return 204, None, limits
            if len(parts) == 4 and parts[3] == "tags" and seen.method == "PUT":
                names = json.loads(seen.body or b"{}").get("tags")
                if not isinstance(names, list):
                    return 400, {"logRef": "x", "message": "Bad request", "_embedded": {"errors": [
                        {"path": "tags", "message": "must not be null"}]}}, {}
                conv["tags"] = [{"id": 9150 + i, "color": "#929499", "tag": n} for i, n in enumerate(names)]
                conv["_modified"] = now_iso()
                return 204, None, limits
            if len(parts) == 3:
                return 200, self._public(conv, False), limits
            if parts[3] == "threads" and seen.method == "GET":
                newest_first = sorted(conv["_threads"], key=lambda t: t["createdAt"], reverse=True)
                return 200, self._hal("threads", newest_first, page, seen.path), limits
            if parts[3] == "attachments" and len(parts) == 6:
                content = self.attachments.get(int(parts[4]))
                if content is None:
                    return 404, None, {}
                if parts[5] == "data":
                    return 200, {"data": base64.b64encode(content).decode()}, limits
                if parts[5] == "file":
                    return (
                        200,
                        content,
                        {
                            "Content-Type": "text/plain",
                            "Content-Disposition": 'attachment; filename="device.log"',
                        },
                    )
            if parts[3] in ("reply", "notes") and seen.method == "POST":
                payload = json.loads(seen.body)
                if parts[3] == "reply" and _customer_id(payload) != HS_CUSTOMER["id"]:
                    return (
                        400,
                        {
                            "message": "Validation error",
                            "_embedded": {"errors": [{"path": "customer", "message": "must not be null"}]},
                        },
                        {},
                    )
                self.next_id += 1
                thread = hs_thread(
                    self.next_id, "message" if parts[3] == "reply" else "note", payload["text"], now_iso()
                )
                conv["_threads"].append(thread)
                return (
                    201,
                    None,
                    {
                        "Resource-ID": str(self.next_id),
                        "Location": f"https://api.helpscout.net/v2/conversations/{cid}/threads/"
                        f"{self.next_id}",
                    },
                )
        return 404, None, {}


def _customer_id(payload: dict):
    customer = payload.get("customer")
    return customer.get("id") if isinstance(customer, dict) else None
