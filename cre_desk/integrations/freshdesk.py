"""Freshdesk (API v2) as a ``Provider``: changed tickets with their conversations, attachments, replies.

Why this exists: many mobile-SDK vendors run their support desk on Freshdesk. This module only translates
between Freshdesk's JSON and the neutral records in ``models``; every network safeguard (timeouts, retries,
``Retry-After`` on 429, credentials kept to the Freshdesk host on redirects) lives in ``http.ApiClient``;
``FreshdeskClient`` adds Freshdesk's budget headers and error bodies.

Sync walks ``GET /api/v2/tickets`` ordered by ``updated_at`` ascending. Instead of going ever deeper in
page numbers (the list stops at page 300, and a ticket changed mid-walk shifts every later page), each
request starts again a second before the last ticket's ``updated_at``; the cursor holds that watermark, so an
interrupted import resumes where it stopped and a finished one continues from there next time. Freshdesk
has no idempotency key for replies: a lost answer is reconciled by author, words and time
(``reconcile.PendingReplies``), so no marker is shown to the customer. Qt-free.
"""

from __future__ import annotations

import base64
import json
import logging
import re
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import urlsplit

from cre_desk.core.field_mapping import flatten
from cre_desk.core.vocabulary import Status
from cre_desk.errors import UserError
from cre_desk.integrations.html_text import html_to_text
from cre_desk.integrations.http import ApiClient
from cre_desk.integrations.http_errors import (
    AuthFailed,
    BadResponse,
    IntegrationError,
    NotFound,
    ReplyUncertain,
)
from cre_desk.integrations.models import RemoteAttachment, RemoteMessage, RemoteTicket, SyncPage
from cre_desk.integrations.payloads import as_list as _list
from cre_desk.integrations.payloads import as_obj as _obj
from cre_desk.integrations.payloads import iso_utc as _iso
from cre_desk.integrations.payloads import parse_time as _time
from cre_desk.integrations.payloads import raw_json as _raw
from cre_desk.integrations.reconcile import PendingReplies, plain_to_html, strip_marker
from cre_desk.integrations.vendor_client import VendorClient, field_messages
from cre_desk.integrations.writeback import freshdesk_priority

__all__ = ["FreshdeskClient", "FreshdeskProvider", "domain_from", "map_status"]

log = logging.getLogger(__name__)

PER_PAGE = 100           # Freshdesk's maximum page size
MAX_LIST_PAGE = 300      # the ticket list answers no further than this page
MAX_CONVERSATION_PAGES = 50
FIND_REPLY_PAGES = 3     # the newest 300 conversations are searched after a lost answer
#: A first sync without a start date reads the whole history (the list alone returns only 30 days).
EPOCH = datetime(2000, 1, 1, tzinfo=UTC)
WATERMARK_OVERLAP = timedelta(seconds=1)

# Freshdesk's built-in statuses; 6 and 7 are the defaults newer accounts add.
_STATUS = {
    2: Status.OPEN,
    3: Status.WAITING_CUSTOMER,
    4: Status.SOLVED,
    5: Status.CLOSED,
    6: Status.WAITING_CUSTOMER,
    7: Status.ON_HOLD,
}
_DOMAIN = re.compile(r"[a-z0-9][a-z0-9-]{0,62}")
_ID = re.compile(r"\d{1,20}")


def map_status(value) -> str:
    """Freshdesk status number -> our Status value; unknown (custom) statuses read as open."""
    return _STATUS.get(value if isinstance(value, int) else -1, Status.OPEN).value


def domain_from(text: str) -> str:
    """``acme`` from ``acme``, ``acme.freshdesk.com`` or a pasted Freshdesk address; raises UserError."""
    value = (text or "").strip().lower()
    if "://" in value:
        value = urlsplit(value).hostname or ""
    value = value.split("/", 1)[0]
    if value.endswith(".freshdesk.com"):
        value = value[: -len(".freshdesk.com")]
    if not _DOMAIN.fullmatch(value):
        raise UserError("Enter the Freshdesk domain: the NAME in NAME.freshdesk.com.")
    return value


def _ticket_id(value) -> str:
    text = str(value).strip()
    if not _ID.fullmatch(text):
        raise UserError(f"“{text[:40]}” is not a Freshdesk ticket number.")
    return text







def _has_next(headers) -> bool | None:
    """``Link: <…>; rel="next"`` says another page exists; None when the header is absent."""
    link = headers.get("Link") if headers is not None else None
    if not link:
        return None
    return 'rel="next"' in link.replace("'", '"')


def _decode_cursor(cursor: str | None) -> tuple[datetime | None, int]:
    if not cursor:
        return None, 1
    try:
        data = json.loads(cursor)
        since = _time(data.get("since"))
        page = int(data.get("page", 1))
    except (ValueError, TypeError, AttributeError):
        log.warning("Freshdesk: the saved sync position could not be read; starting from the sync date")
        return None, 1
    return since, max(1, page)


def _encode_cursor(since: datetime, page: int) -> str:
    return json.dumps({"since": _iso(since), "page": page}, sort_keys=True)


class FreshdeskClient(VendorClient):
    """Freshdesk's per-minute budget headers and ``{"description", "errors": [{field, message}]}`` bodies."""

    vendor = "Freshdesk"
    remaining_header = "X-RateLimit-Remaining"
    limit_header = "X-RateLimit-Total"

    @staticmethod
    def explain(data) -> str:
        data = _obj(data)
        details = field_messages(data.get("errors"), "field")
        message = str(data.get("description") or data.get("message") or "").strip()
        return f"{message}: {details}" if message and details else message or details


class FreshdeskProvider:
    """One Freshdesk helpdesk reached with one agent's API key (Basic auth, key as user, "X" as password)."""

    name = "freshdesk"
    #: Replies sent from this process, shared by every FreshdeskProvider (a retry builds a new one).
    _pending = PendingReplies()

    def __init__(self, domain: str, api_key: str, *, base_url: str | None = None,
                 client_factory: Callable[..., ApiClient] = FreshdeskClient,
                 per_page: int = PER_PAGE) -> None:
        api_key = (api_key or "").strip()
        if not api_key:
            raise UserError("Enter the Freshdesk API key (Profile settings → View API key).")
        if not api_key.isascii() or not api_key.isprintable():
            raise UserError("The Freshdesk API key contains characters a key cannot have; paste it again.")
        self.domain = domain_from(domain) if not base_url else (domain or "")
        self._base = (base_url or f"https://{self.domain}.freshdesk.com").rstrip("/")
        credential = base64.b64encode(f"{api_key}:X".encode()).decode("ascii")
        self._client = client_factory(
            self._base, headers={"Authorization": f"Basic {credential}", "Accept": "application/json"}
        )
        self._per_page = max(1, min(PER_PAGE, int(per_page)))
        self._me: dict | None = None
        self._agents: dict[int, str] | None = None
        self._seen: dict[str, str] = {}  # ticket id -> updated_at already imported this run
        self._attachment_ticket: dict[str, str] = {}  # attachment id -> ticket id, to renew expired links

    def __repr__(self) -> str:
        return f"FreshdeskProvider({self._base!r})"

    def close(self) -> None:
        self._client.close()

    # -- account --------------------------------------------------------------------------------------

    def _agent_me(self) -> dict:
        if self._me is None:
            me = _obj(self._client.get("/api/v2/agents/me").json)
            if me.get("id") is None:
                raise BadResponse("Freshdesk did not say which agent this API key belongs to.")
            self._me = me
        return self._me

    def test_connection(self) -> str:
        me = self._agent_me()
        contact = _obj(me.get("contact"))
        return str(contact.get("name") or contact.get("email") or f"agent {me['id']}")

    def _agent_names(self) -> dict[int, str]:
        """Every agent's name by id, read once: tells an agent's reply from a customer's."""
        if self._agents is None:
            agents: dict[int, str] = {}
            try:
                for page in range(1, 11):
                    resp = self._client.get(
                        "/api/v2/agents", params={"per_page": self._per_page, "page": page}
                    )
                    items = _list(resp.json)
                    for agent in items:
                        if isinstance(agent, dict) and isinstance(agent.get("id"), int):
                            contact = _obj(agent.get("contact"))
                            agents[agent["id"]] = str(contact.get("name") or contact.get("email") or "agent")
                    more = _has_next(resp.headers)
                    if not (more if more is not None else len(items) >= self._per_page):
                        break
            except (AuthFailed, NotFound):
                # Agents without admin rights may not list agents: fall back to each message's "incoming"
                # flag.
                log.info("Freshdesk: the agent list is not readable with this key; using the incoming flag")
                self._agents = {}
                return self._agents
            self._agents = agents
        return self._agents

    # -- sync -----------------------------------------------------------------------------------------

    def fetch_page(self, cursor: str | None, since: datetime | None) -> SyncPage:
        saved_since, page = _decode_cursor(cursor)
        start = saved_since or since or EPOCH
        params = {
            "updated_since": _iso(start),
            "order_by": "updated_at",
            "order_type": "asc",
            "include": "requester",
            "page": page,
            "per_page": self._per_page,
        }
        resp = self._client.get("/api/v2/tickets", params=params)
        if not isinstance(resp.json, list):
            raise BadResponse("Freshdesk's ticket list was not a list of tickets.")
        items = [t for t in resp.json if isinstance(t, dict) and t.get("id") is not None]
        tickets = []
        newest = start
        for item in items:
            updated = _time(item.get("updated_at"))
            if updated is not None and updated > newest:
                newest = updated
            tid = _ticket_id(item["id"])
            if self._seen.get(tid) == item.get("updated_at"):
                continue  # already imported in this run (the watermark overlaps by design)
            try:
                tickets.append(self._ticket(tid, item))
            except NotFound:
                log.info("Freshdesk ticket vanished during sync; skipped")
                continue
            self._seen[tid] = str(item.get("updated_at"))
        more = _has_next(resp.headers)
        if more is None:
            more = len(items) >= self._per_page
        # The next request starts a second before the newest change seen: whether Freshdesk counts
        # ``updated_since`` inclusively or not, a ticket changed in that same second is not skipped.
        mark = newest - WATERMARK_OVERLAP
        if not more:
            return SyncPage(tickets=tickets, cursor=_encode_cursor(max(mark, start), 1), done=True)
        if mark > start:
            return SyncPage(tickets=tickets, cursor=_encode_cursor(mark, 1), done=False)
        # A whole page changed within that second: step through the pages of that second.
        if page >= MAX_LIST_PAGE:
            raise BadResponse(
                "Freshdesk lists more than 30,000 tickets changed in the same second; the import "
                "cannot page past them."
            )
        return SyncPage(tickets=tickets, cursor=_encode_cursor(start, page + 1), done=False)

    def _conversations(self, tid: str, *, max_pages: int = MAX_CONVERSATION_PAGES) -> Iterator[dict]:
        for page in range(1, max_pages + 1):
            resp = self._client.get(
                f"/api/v2/tickets/{tid}/conversations", params={"per_page": self._per_page, "page": page}
            )
            items = _list(resp.json)
            yield from (c for c in items if isinstance(c, dict) and c.get("id") is not None)
            more = _has_next(resp.headers)
            if not (more if more is not None else len(items) >= self._per_page):
                return
        log.warning("Freshdesk ticket %s: stopped reading conversations after %d pages", tid, max_pages)

    def _attachments(self, tid: str, raw: list) -> tuple[RemoteAttachment, ...]:
        out = []
        for att in raw:
            if not isinstance(att, dict) or att.get("id") is None or not att.get("attachment_url"):
                continue
            aid = str(att["id"])
            self._attachment_ticket[aid] = tid
            out.append(
                RemoteAttachment(
                    external_id=aid,
                    file_name=str(att.get("name") or f"attachment-{aid}"),
                    size=att["size"] if isinstance(att.get("size"), int) else None,
                    url=str(att["attachment_url"]),
                    content_type=str(att.get("content_type") or ""),
                )
            )
        return tuple(out)

    def _ticket(self, tid: str, listed: dict) -> RemoteTicket:
        # The list carries no description and no attachments: the ticket itself does.
        full = {
            **listed,
            **_obj(self._client.get(f"/api/v2/tickets/{tid}", params={"include": "company"}).json),
        }
        requester = _obj(listed.get("requester")) or _obj(full.get("requester"))
        requester_id = full.get("requester_id")
        requester_name = str(requester.get("name") or requester.get("email") or "")
        email = str(requester.get("email") or "")
        created = _time(full.get("created_at")) or EPOCH
        agents = self._agent_names()
        description = full.get("description_text") or html_to_text(str(full.get("description") or ""))
        messages = [
            RemoteMessage(
                external_id=f"{tid}-description",
                author_name=requester_name or "customer",
                from_customer=True,
                public=True,
                body=str(description or ""),
                created_at=created,
                attachments=self._attachments(tid, _list(full.get("attachments"))),
                raw_json=_raw({k: full.get(k) for k in ("description", "description_text", "attachments")}),
            )
        ]
        for conv in self._conversations(tid):
            user_id = conv.get("user_id")
            if agents:
                from_customer = user_id not in agents
            else:
                from_customer = bool(conv.get("incoming")) or user_id == requester_id
            if user_id == requester_id:
                author = requester_name or "customer"
            else:
                author = (agents.get(user_id) if isinstance(user_id, int) else None) or str(
                    conv.get("from_email") or f"user {user_id}")
            body = conv.get("body_text") or html_to_text(str(conv.get("body") or ""))
            messages.append(
                RemoteMessage(
                    external_id=str(conv["id"]),
                    author_name=author,
                    from_customer=from_customer,
                    public=not conv.get("private", False),
                    body=str(body or ""),
                    created_at=_time(conv.get("created_at")) or created,
                    attachments=self._attachments(tid, _list(conv.get("attachments"))),
                    raw_json=_raw(conv),
                )
            )
        first_response = min(
            (m.created_at for m in messages if m.public and not m.from_customer), default=None
        )
        tags = tuple(str(t) for t in _list(full.get("tags")) if t)
        company = str(_obj(full.get("company")).get("name") or "").strip()
        return RemoteTicket(
            external_id=tid,
            url=f"{self._base}/a/tickets/{tid}",
            title=str(full.get("subject") or "").strip() or f"Freshdesk ticket {tid}",
            requester_name=requester_name,
            customer=company or (email.rpartition("@")[2] if "@" in email else ""),
            status=map_status(full.get("status")),
            tags=tags,
            priority=freshdesk_priority(full.get("priority")),
            fields=flatten("custom_fields", full.get("custom_fields")),
            assignee=self._agent_names().get(full["responder_id"]) if full.get("responder_id") else "",
            created_at=created,
            updated_at=_time(full.get("updated_at")) or created,
            first_response_at=first_response,
            messages=tuple(messages),
            raw_json=_raw(full),
        )

    def download(self, attachment: RemoteAttachment, dest: Path, max_bytes: int) -> int:
        """Stream an attachment; its S3 link expires after minutes, so an expired one is renewed once."""
        try:
            return self._client.download(attachment.url, dest, max_bytes)
        except (AuthFailed, NotFound):
            fresh = self._renewed_url(attachment)
            if not fresh or fresh == attachment.url:
                # Not a wrong API key: the file's storage link is gone (expired, or the file was deleted).
                raise IntegrationError(
                    f"Freshdesk no longer offers “{attachment.file_name}” for download; it "
                    "is fetched again when the ticket next changes."
                ) from None
            log.info("Freshdesk attachment link had expired; downloading with a renewed one")
            return self._client.download(fresh, dest, max_bytes)

    def _renewed_url(self, attachment: RemoteAttachment) -> str | None:
        tid = self._attachment_ticket.get(attachment.external_id)
        if tid is None:
            return None
        candidates = _list(_obj(self._client.get(f"/api/v2/tickets/{tid}").json).get("attachments"))
        for conv in self._conversations(tid):
            candidates.extend(_list(conv.get("attachments")))
        for att in candidates:
            if isinstance(att, dict) and str(att.get("id")) == attachment.external_id:
                return str(att.get("attachment_url") or "") or None
        return None

    # -- replies --------------------------------------------------------------------------------------

    def post_reply(self, ticket_external_id: str, body: str, *, public: bool, marker: str) -> str:
        """A public reply (``/reply``) or a private note (``/notes``); the marker is never sent."""
        tid = _ticket_id(ticket_external_id)
        text = strip_marker(body, marker)
        self._pending.remember(marker, self._reply_key(tid), text)
        payload: dict[str, object]
        if public:
            path, payload = f"/api/v2/tickets/{tid}/reply", {"body": plain_to_html(text)}
        else:
            path, payload = f"/api/v2/tickets/{tid}/notes", {"body": plain_to_html(text), "private": True}
        resp = self._client.post(path, payload)
        posted = _obj(resp.json)
        if posted.get("id") is not None:
            self._pending.claim(marker, self._reply_key(tid), str(posted["id"]))
            return str(posted["id"])
        found = self.find_reply(tid, marker) if marker else None
        if found:
            return found
        raise ReplyUncertain(
            "Freshdesk accepted the reply but did not say which message it became; "
            "CRE Desk checks the ticket before trying again."
        )

    def _reply_key(self, ticket_id: str) -> str:
        return f"{self._base}/{ticket_id}"

    def find_reply(self, ticket_external_id: str, marker: str) -> str | None:
        tid = _ticket_id(ticket_external_id)
        if not marker:
            return None
        me = self._agent_me().get("id")
        newest: list[dict] = list(self._conversations(tid, max_pages=MAX_CONVERSATION_PAGES))
        newest.sort(key=lambda c: str(c.get("created_at") or ""), reverse=True)
        for conv in newest[: FIND_REPLY_PAGES * self._per_page]:
            text = str(conv.get("body") or conv.get("body_text") or "")
            if self._pending.matches(
                marker,
                self._reply_key(tid),
                message_id=str(conv["id"]),
                text=text,
                author_is_me=conv.get("user_id") == me,
                created_at=_time(conv.get("created_at")),
            ):
                return str(conv["id"])
        return None
