"""Zendesk Support as a ``Provider``: import changed tickets with their comments, download attachments, reply.

Why this exists: Zendesk is the richest import path (cursor-based incremental export, comments with
attachments) and the most common B2B helpdesk among our users. This module only translates between the
Zendesk API and the neutral records in ``models``; every network safeguard (retries, caps, redirects,
credential hygiene) lives in ``http.ApiClient``. Qt-free.
"""

from __future__ import annotations

import base64
import json
import logging
import re
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

from cre_desk.core.vocabulary import Status
from cre_desk.errors import UserError
from cre_desk.integrations.html_text import html_to_text
from cre_desk.integrations.http import ApiClient, AuthFailed, BadResponse, ReplyUncertain
from cre_desk.integrations.models import RemoteAttachment, RemoteMessage, RemoteTicket, SyncPage

log = logging.getLogger(__name__)

STATUS_MAP = {
    "new": Status.NEW.value,
    "open": Status.OPEN.value,
    "pending": Status.WAITING_CUSTOMER.value,
    "hold": Status.ON_HOLD.value,
    "solved": Status.SOLVED.value,
    "closed": Status.CLOSED.value,
}
EXPORT_PATH = "/api/v2/incremental/tickets/cursor.json"
MAX_COMMENT_PAGES = 60  # 5000 comments per ticket at 100 a page, with margin
FIND_REPLY_PAGES = 3    # the newest 300 comments are searched for a reply's marker


def map_status(value: str | None) -> str:
    """Zendesk status -> our Status value; unknown values read as open so nothing silently disappears."""
    return STATUS_MAP.get((value or "").lower(), Status.OPEN.value)


def _parse_time(value) -> datetime:
    if isinstance(value, (int, float)):
        return datetime.fromtimestamp(value, UTC)
    if not isinstance(value, str) or not value:
        raise BadResponse("Zendesk sent a ticket without a valid date.")
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise BadResponse("Zendesk sent a ticket without a valid date.") from None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def _ticket_id(value: str) -> str:
    text = str(value).strip()
    if not re.fullmatch(r"\d{1,20}", text):
        raise UserError(f"“{value}” is not a Zendesk ticket number.")
    return text


def _expect_dict(data, key: str) -> dict:
    if not isinstance(data, dict) or not isinstance(data.get(key, {}), (dict, list)):
        raise BadResponse(f"Zendesk sent an unexpected answer (no “{key}”).")
    return data


class ZendeskProvider:
    """Zendesk Support through API-token auth (``{email}/token:{token}``)."""

    name = "zendesk"

    def __init__(self, subdomain: str, email: str, token: str, *, base_url: str | None = None,
                 client_factory=ApiClient) -> None:
        if not base_url and not re.fullmatch(r"[a-z0-9][a-z0-9-]{0,62}", subdomain or ""):
            raise UserError("Enter the Zendesk subdomain: the NAME in NAME.zendesk.com.")
        self.subdomain = subdomain
        self.email = email
        self._base = (base_url or f"https://{subdomain}.zendesk.com").rstrip("/")
        credential = base64.b64encode(f"{email}/token:{token}".encode()).decode("ascii")
        self._client = client_factory(self._base, headers={"Authorization": f"Basic {credential}",
                                                           "Accept": "application/json"})
        self._users: dict[int, dict] = {}
        self._orgs: dict[int, str] = {}

    def __repr__(self) -> str:
        return f"ZendeskProvider({self._base!r}, email={self.email!r})"

    def close(self) -> None:
        self._client.close()

    # ------------------------------------------------------------------------------------- Provider API

    def test_connection(self) -> str:
        data = _expect_dict(self._client.get("/api/v2/users/me.json").json, "user")
        user = data.get("user") or {}
        if not user.get("id") or user.get("role") == "anonymous":
            raise AuthFailed("Zendesk did not recognise the e-mail and token (signed in as anonymous).")
        return str(user.get("name") or user.get("email") or "Zendesk user")

    def fetch_page(self, cursor: str | None, since: datetime | None) -> SyncPage:
        params: dict[str, object] = {"include": "users,organizations"}
        if cursor:
            params["cursor"] = cursor
        else:
            params["start_time"] = max(0, int(since.timestamp())) if since else 0
        data = _expect_dict(self._client.get(EXPORT_PATH, params=params).json, "tickets")
        self._remember(data)
        tickets = []
        for raw in data.get("tickets") or []:
            if not isinstance(raw, dict) or raw.get("status") == "deleted":
                continue
            tickets.append(self._ticket(raw))
        next_cursor = data.get("after_cursor") or cursor
        done = bool(data.get("end_of_stream")) or not data.get("after_cursor")
        return SyncPage(tickets=tickets, cursor=next_cursor, done=done)

    def download(self, attachment: RemoteAttachment, dest: Path, max_bytes: int) -> int:
        return self._client.download(attachment.url, dest, max_bytes)

    def post_reply(self, ticket_external_id: str, body: str, *, public: bool, marker: str) -> str:
        tid = _ticket_id(ticket_external_id)
        text = body if not marker or marker in body else body + marker
        resp = self._client.put(f"/api/v2/tickets/{tid}.json",
                                {"ticket": {"comment": {"body": text, "public": bool(public)}}})
        data = resp.json if isinstance(resp.json, dict) else {}
        audit = data.get("audit") or {}
        for event in audit.get("events") or []:
            if isinstance(event, dict) and event.get("type") == "Comment" and event.get("id"):
                return str(event["id"])
        found = self.find_reply(tid, marker) if marker else None
        if found:
            return found
        if audit.get("id"):
            return str(audit["id"])
        raise ReplyUncertain("Zendesk accepted the reply but did not say which comment it became; "
                             "CRE Desk checks the ticket before trying again.")

    def find_reply(self, ticket_external_id: str, marker: str) -> str | None:
        tid = _ticket_id(ticket_external_id)
        if not marker:
            return None
        for comment in self._comments(tid, newest_first=True, max_pages=FIND_REPLY_PAGES):
            texts = (comment.get("body"), comment.get("plain_body"), comment.get("html_body"))
            if any(isinstance(t, str) and marker in t for t in texts):
                return str(comment.get("id"))
        return None

    # ------------------------------------------------------------------------------------- helpers

    def _remember(self, data: dict) -> None:
        for user in data.get("users") or []:
            if isinstance(user, dict) and user.get("id") is not None:
                self._users[user["id"]] = user
        for org in data.get("organizations") or []:
            if isinstance(org, dict) and org.get("id") is not None:
                self._orgs[org["id"]] = str(org.get("name") or "")

    def _user_name(self, user_id) -> str:
        user = self._users.get(user_id) or {}
        return str(user.get("name") or user.get("email") or (f"user {user_id}" if user_id else "unknown"))

    def _fetch_missing_users(self, ids) -> None:
        missing = sorted({i for i in ids if isinstance(i, int) and i not in self._users})
        for start in range(0, len(missing), 100):
            chunk = ",".join(str(i) for i in missing[start:start + 100])
            data = self._client.get("/api/v2/users/show_many.json", params={"ids": chunk}).json
            if isinstance(data, dict):
                self._remember(data)

    def _comments(self, tid: str, *, newest_first: bool = False, max_pages: int = MAX_COMMENT_PAGES
                  ) -> Iterator[dict]:
        params: dict[str, object] | None = {"page[size]": 100, "include": "users"}
        if newest_first:
            params["sort"] = "-created_at"
        url = f"/api/v2/tickets/{tid}/comments.json"
        for _page in range(max_pages):
            data = _expect_dict(self._client.get(url, params=params).json, "comments")
            self._remember(data)
            for comment in data.get("comments") or []:
                if isinstance(comment, dict):
                    yield comment
            meta = data.get("meta") or {}
            links = data.get("links") or {}
            if not meta.get("has_more"):
                return
            if links.get("next"):
                url, params = str(links["next"]), None
            elif meta.get("after_cursor"):
                params = {"page[size]": 100, "page[after]": meta["after_cursor"], "include": "users"}
                if newest_first:
                    params["sort"] = "-created_at"
            else:
                return
        log.warning("Zendesk ticket %s: stopped reading comments after %d pages", tid, max_pages)

    def _message(self, comment: dict, requester_id) -> RemoteMessage:
        author_id = comment.get("author_id")
        author = self._users.get(author_id) or {}
        role = author.get("role")
        from_customer = role == "end-user" if role else author_id == requester_id
        body = comment.get("plain_body") or comment.get("body")
        if not isinstance(body, str) or not body:
            body = html_to_text(str(comment.get("html_body") or ""))
        attachments = tuple(
            RemoteAttachment(external_id=str(a.get("id")), file_name=str(a.get("file_name") or "attachment"),
                             size=a.get("size") if isinstance(a.get("size"), int) else None,
                             url=str(a.get("content_url") or ""), content_type=str(a.get("content_type") or ""))
            for a in comment.get("attachments") or []
            if isinstance(a, dict) and a.get("content_url") and not a.get("deleted")
        )
        return RemoteMessage(external_id=str(comment.get("id")), author_name=self._user_name(author_id),
                             from_customer=from_customer, public=bool(comment.get("public", True)), body=body,
                             created_at=_parse_time(comment.get("created_at")), attachments=attachments,
                             raw_json=json.dumps(comment, ensure_ascii=False, sort_keys=True))

    def _ticket(self, raw: dict) -> RemoteTicket:
        tid = _ticket_id(raw.get("id"))
        comments = list(self._comments(tid))
        requester_id = raw.get("requester_id")
        self._fetch_missing_users([requester_id, *(c.get("author_id") for c in comments)])
        messages = tuple(self._message(c, requester_id) for c in comments)
        first_response = min((m.created_at for m in messages if m.public and not m.from_customer), default=None)
        requester = self._users.get(requester_id) or {}
        org_id = raw.get("organization_id") or requester.get("organization_id")
        customer = self._orgs.get(org_id, "") if org_id else ""
        if not customer and "@" in str(requester.get("email") or ""):
            customer = str(requester["email"]).rsplit("@", 1)[1]
        return RemoteTicket(
            external_id=tid, url=f"{self._base}/agent/tickets/{tid}",
            title=str(raw.get("subject") or raw.get("raw_subject") or "(no subject)"),
            requester_name=self._user_name(requester_id) if requester_id else "",
            customer=customer, status=map_status(raw.get("status")),
            tags=tuple(str(t) for t in raw.get("tags") or []),
            created_at=_parse_time(raw.get("created_at")), updated_at=_parse_time(raw.get("updated_at")),
            first_response_at=first_response, messages=messages,
            raw_json=json.dumps(raw, ensure_ascii=False, sort_keys=True),
        )
