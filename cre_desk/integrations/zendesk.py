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
from datetime import UTC, datetime, timedelta
from pathlib import Path

from cre_desk.core.field_mapping import flatten
from cre_desk.core.vocabulary import Status
from cre_desk.errors import UserError
from cre_desk.integrations.html_text import html_to_text
from cre_desk.integrations.http import ApiClient
from cre_desk.integrations.http_errors import AuthFailed, BadResponse, ReplyUncertain
from cre_desk.integrations.models import RemoteAttachment, RemoteMessage, RemoteTicket, SyncPage
from cre_desk.integrations.writeback import zendesk_priority

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
#: Agents may not use the incremental export (admins only); the search export with ``updated>`` works.
SEARCH_EXPORT_PATH = "/api/v2/search/export.json"
_SEARCH_CURSOR = "search:"
MAX_COMMENT_PAGES = 60  # 5000 comments per ticket at 100 a page, with margin
MAX_AUDIT_PAGES = 50    # audits searched for a reply's hidden reference
#: The key of the hidden reference in an update's custom audit metadata (not shown to customers).
MARKER_KEY = "cre_desk_ref"


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


def _comment_event_id(audit: dict) -> str | None:
    for event in audit.get("events") or []:
        if isinstance(event, dict) and event.get("type") == "Comment" and event.get("id"):
            return str(event["id"])
    return None


def _expect_dict(data, key: str) -> dict:
    if not isinstance(data, dict) or not isinstance(data.get(key, {}), (dict, list)):
        raise BadResponse(f"Zendesk sent an unexpected answer (no “{key}”).")
    return data


class ZendeskProvider:
    """Zendesk Support through API-token auth (``{email}/token:{token}``)."""

    name = "zendesk"
    #: Search results can lag behind changes by a few minutes: a search-based sync looks back this far.
    watermark_overlap = timedelta(minutes=15)

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
        self.role: str | None = None          # "admin", "agent"… as /users/me says
        self._use_search = False              # the incremental export was refused: sync by search export
        self._search_query: str | None = None

    def __repr__(self) -> str:
        return f"ZendeskProvider({self._base!r}, email={self.email!r})"

    def close(self) -> None:
        self._client.close()

    # ------------------------------------------------------------------------------------- Provider API

    def test_connection(self) -> str:
        """The signed-in name and role, e.g. "Alex Agent (agent)": agents sync by search, admins by export."""
        user = self._me()
        name = str(user.get("name") or user.get("email") or "Zendesk user")
        return f"{name} ({self.role})" if self.role else name

    def _me(self) -> dict:
        data = _expect_dict(self._client.get("/api/v2/users/me.json").json, "user")
        user = data.get("user") or {}
        if not user.get("id") or user.get("role") == "anonymous":
            raise AuthFailed("Zendesk did not recognise the e-mail and token (signed in as anonymous).")
        self.role = str(user.get("role") or "") or None
        if self.role and self.role != "admin":
            self._use_search = True
        return user

    def fetch_page(self, cursor: str | None, since: datetime | None) -> SyncPage:
        if cursor and cursor.startswith(_SEARCH_CURSOR):
            return self._search_page(cursor[len(_SEARCH_CURSOR):], since)
        if self._use_search:
            return self._search_page(None, since)
        try:
            return self._export_page(cursor, since)
        except AuthFailed as exc:
            if exc.status != 403:
                raise
            # The export is for admins only (a custom role can be refused too): the search export is not.
            log.info("Zendesk incremental export refused (403); syncing through the search export")
            self._use_search = True
            return self._search_page(None, since)

    def _export_page(self, cursor: str | None, since: datetime | None) -> SyncPage:
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

    def _search_page(self, after: str | None, since: datetime | None) -> SyncPage:
        """One page of ``GET /api/v2/search/export.json``; its cursor lasts an hour, so it is never kept
        between syncs and a cursor from an earlier run starts the search again."""
        if not after or self._search_query is None:
            after = None
            self._search_query = "type:ticket"
            if since is not None:
                self._search_query += " updated>" + since.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        params: dict[str, object] = {"query": self._search_query, "filter[type]": "ticket", "page[size]": 100}
        if after:
            params["page[after]"] = after
        data = _expect_dict(self._client.get(SEARCH_EXPORT_PATH, params=params).json, "results")
        raws = [r for r in data.get("results") or [] if isinstance(r, dict)
                and r.get("result_type", "ticket") == "ticket" and r.get("status") != "deleted"]
        self._fetch_missing_orgs([r.get("organization_id") for r in raws])
        tickets = [self._ticket(raw) for raw in raws]
        meta = data.get("meta") or {}
        nxt = meta.get("after_cursor") if meta.get("has_more") else None
        return SyncPage(tickets=tickets, cursor=f"{_SEARCH_CURSOR}{nxt}" if nxt else None, done=not nxt)

    def download(self, attachment: RemoteAttachment, dest: Path, max_bytes: int) -> int:
        return self._client.download(attachment.url, dest, max_bytes)

    def post_reply(self, ticket_external_id: str, body: str, *, public: bool, marker: str) -> str:
        """Add a comment; ``marker`` travels in the audit's custom metadata, which customers never see."""
        tid = _ticket_id(ticket_external_id)
        payload: dict = {"ticket": {"comment": {"body": body, "public": bool(public)}}}
        if marker:
            payload["ticket"]["metadata"] = {MARKER_KEY: marker}
        resp = self._client.put(f"/api/v2/tickets/{tid}.json", payload)
        data = resp.json if isinstance(resp.json, dict) else {}
        audit = data.get("audit") or {}
        comment_id = _comment_event_id(audit)
        if comment_id:
            return comment_id
        found = self.find_reply(tid, marker) if marker else None
        if found:
            return found
        raise ReplyUncertain("Zendesk accepted the reply but did not say which comment it became; "
                             "CRE Desk checks the ticket before trying again.")

    def find_reply(self, ticket_external_id: str, marker: str) -> str | None:
        """The comment made by the update whose audit carries ``marker`` (newest audits first), or None."""
        tid = _ticket_id(ticket_external_id)
        if not marker:
            return None
        for audit in self._audits(tid):
            custom = ((audit.get("metadata") or {}).get("custom") or {}) if isinstance(audit, dict) else {}
            if isinstance(custom, dict) and custom.get(MARKER_KEY) == marker:
                return _comment_event_id(audit) or (str(audit["id"]) if audit.get("id") else None)
        return None

    def _audits(self, tid: str) -> list[dict]:
        """The ticket's audits, newest first (``GET /api/v2/tickets/{id}/audits.json``, cursor pages)."""
        audits: list[dict] = []
        url = f"/api/v2/tickets/{tid}/audits.json"
        params: dict[str, object] | None = {"page[size]": 100}
        for _page in range(MAX_AUDIT_PAGES):
            data = _expect_dict(self._client.get(url, params=params).json, "audits")
            audits.extend(a for a in data.get("audits") or [] if isinstance(a, dict))
            meta, links = data.get("meta") or {}, data.get("links") or {}
            if meta.get("has_more") and links.get("next"):
                url, params = str(links["next"]), None
            elif meta.get("has_more") and meta.get("after_cursor"):
                params = {"page[size]": 100, "page[after]": meta["after_cursor"]}
            elif data.get("next_page"):
                url, params = str(data["next_page"]), None
            else:
                break
        return sorted(audits, key=lambda a: str(a.get("created_at") or ""), reverse=True)

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

    def _fetch_missing_orgs(self, ids) -> None:
        missing = sorted({i for i in ids if isinstance(i, int) and i not in self._orgs})
        for start in range(0, len(missing), 100):
            chunk = ",".join(str(i) for i in missing[start:start + 100])
            data = self._client.get("/api/v2/organizations/show_many.json", params={"ids": chunk}).json
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
        assignee_id = raw.get("assignee_id")
        self._fetch_missing_users([requester_id, assignee_id, *(c.get("author_id") for c in comments)])
        assignee = (self._users.get(assignee_id) or {}).get("name") if assignee_id else ""
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
            tags=tuple(str(t) for t in raw.get("tags") or []), priority=zendesk_priority(raw.get("priority")),
            fields=flatten("custom_fields", raw.get("custom_fields")),
            assignee=str(assignee) if assignee is not None else None,
            created_at=_parse_time(raw.get("created_at")), updated_at=_parse_time(raw.get("updated_at")),
            first_response_at=first_response, messages=messages,
            raw_json=json.dumps(raw, ensure_ascii=False, sort_keys=True),
        )
