"""Intercom as a ticket source: conversations in, admin replies and notes out.

Mobile-SDK vendors often take support through Intercom's in-app chat, so CRE Desk imports those
conversations next to Zendesk tickets. This adapter turns Intercom's shapes into the shared
``RemoteTicket``/``RemoteMessage`` records: conversations found with ``POST /conversations/search``
(``starting_after`` in the body, as the search endpoints require), parts from ``GET /conversations/{id}``
with their HTML bodies reduced to plain text (never rendered), and replies posted as the admin who owns
the token. The ``Intercom-Version`` header is always pinned so a change in the workspace's default API
version cannot silently change the shapes parsed here.
"""

from __future__ import annotations

import html
import logging
import re
import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from cre_desk.core.field_mapping import flatten
from cre_desk.core.vocabulary import Status
from cre_desk.errors import UserError
from cre_desk.integrations.html_text import html_to_text
from cre_desk.integrations.http import ApiClient
from cre_desk.integrations.http_errors import AuthFailed, BadResponse, NotFound, Offline, ReplyUncertain
from cre_desk.integrations.models import RemoteAttachment, RemoteMessage, RemoteTicket, SyncPage
from cre_desk.integrations.payloads import as_list as _list
from cre_desk.integrations.payloads import as_obj as _obj
from cre_desk.integrations.payloads import raw_json as _raw
from cre_desk.integrations.writeback import intercom_priority

__all__ = ["IntercomProvider", "REGION_HOSTS", "text_to_intercom_html"]

log = logging.getLogger(__name__)

REGION_HOSTS = {
    "us": "https://api.intercom.io",
    "eu": "https://api.eu.intercom.io",
    "au": "https://api.au.intercom.io",
}
_INBOX_HOSTS = {"us": "https://app.intercom.com", "eu": "https://app.eu.intercom.com",
                "au": "https://app.au.intercom.com"}
#: Intercom's maximum page size for the search endpoints.
PER_PAGE = 150
_STATUS = {"open": Status.OPEN, "snoozed": Status.ON_HOLD, "closed": Status.SOLVED}
_CUSTOMER_AUTHORS = frozenset({"user", "lead", "contact"})
_ID = re.compile(r"[A-Za-z0-9_-]{1,64}")


def _conversation_id(value: str) -> str:
    text = str(value).strip()
    if not _ID.fullmatch(text):
        raise UserError(f"“{text[:40]}” is not an Intercom conversation id.")
    return text


def _check_token(token: str) -> str:
    token = (token or "").strip()
    if not token:
        raise UserError("Enter an Intercom access token.")
    if not token.isascii() or not token.isprintable():
        # Never echo it: the message may end up in a log or a screenshot.
        raise UserError("The Intercom access token contains characters a token cannot have; paste it again.")
    return token


def _ts(value: Any) -> datetime | None:
    """Intercom timestamps are Unix seconds; anything else is treated as missing."""
    if isinstance(value, bool) or not isinstance(value, int | float) or value <= 0:
        return None
    return datetime.fromtimestamp(value, UTC)





def text_to_intercom_html(text: str) -> str:
    """The user's plain-text reply as the HTML Intercom expects: escaped, blank lines split paragraphs."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").strip("\n")
    paragraphs = [p for p in text.split("\n\n") if p.strip()]
    return "".join(
        "<p>" + "<br>".join(html.escape(line, quote=False) for line in p.strip("\n").split("\n")) + "</p>"
        for p in paragraphs
    )


class IntercomProvider:
    """One Intercom workspace, reached with one access token (see ``cre_desk.integrations.models.Provider``)."""

    name = "intercom"
    #: Search results may trail the newest changes a little: the next sync looks back this far.
    watermark_overlap = timedelta(minutes=1)

    def __init__(self, token: str, *, region: str = "us", base_url: str | None = None, version: str = "2.11",
                 client_factory: Callable[..., ApiClient] = ApiClient) -> None:
        token = _check_token(token)
        region = (region or "us").lower()
        if base_url is None and region not in REGION_HOSTS:
            raise UserError(f"Unknown Intercom region '{region}'; choose one of: {', '.join(REGION_HOSTS)}.")
        self.region = region
        self.version = version
        self.base_url = (base_url or REGION_HOSTS[region]).rstrip("/")
        self._client = client_factory(
            self.base_url,
            headers={"Authorization": f"Bearer {token}", "Intercom-Version": version, "Accept": "application/json"},
        )
        self._me: dict | None = None
        #: teammates (id, name, e-mail) from ``GET /admins``, read once; None until read, () when refused
        self._admins: tuple[tuple[str, str, str], ...] | None = None
        self._contacts: dict[str, dict] = {}
        self._problems: list[str] = []

    # -- account ------------------------------------------------------------------------------------
    def _admin(self) -> dict:
        if self._me is None:
            me = _obj(self._client.get("/me").json)
            if not me.get("id"):
                raise BadResponse("Intercom did not say which admin this token belongs to.")
            self._me = me
        return self._me

    def admins(self) -> tuple[tuple[str, str, str], ...]:
        """Every teammate as (id, name, e-mail), or () when this token may not list them (a token without
        the "read admins" permission): assignees are then left as they are, never guessed."""
        if self._admins is None:
            try:
                data = _obj(self._client.get("/admins").json)
            except AuthFailed as exc:
                if exc.status != 403:
                    raise
                log.info("Intercom token may not list admins; assignees are not synced")
                self._admins = ()
            else:
                self._admins = tuple(
                    (str(a["id"]), str(a.get("name") or ""), str(a.get("email") or ""))
                    for a in _list(data.get("admins"))
                    if isinstance(a, dict) and a.get("id") is not None
                )
        return self._admins

    def assignee_of(self, conv: dict) -> str | None:
        """The assigned teammate's name, "" when unassigned, None when it cannot be told."""
        admin_id = conv.get("admin_assignee_id")
        if admin_id in (None, "", 0, "0"):
            return ""
        names = {agent_id: name or email for agent_id, name, email in self.admins()}
        return names.get(str(admin_id))

    def test_connection(self) -> str:
        me = self._admin()
        name = str(me.get("name") or me.get("email") or me["id"])
        workspace = _obj(me.get("app")).get("name")
        return f"{name} ({workspace})" if workspace else name

    def close(self) -> None:
        self._client.close()

    # -- sync ---------------------------------------------------------------------------------------
    def fetch_page(self, cursor: str | None, since: datetime | None) -> SyncPage:
        after = int(since.timestamp()) if since is not None else 0
        body: dict[str, Any] = {
            "query": {"field": "updated_at", "operator": ">", "value": after},
            "pagination": {"per_page": PER_PAGE},
        }
        if cursor:
            body["pagination"]["starting_after"] = cursor
        try:
            page = _obj(self._client.post("/conversations/search", body).json)
        except ReplyUncertain as exc:
            # A search changes nothing, so an unknown outcome is just a dropped connection.
            raise Offline("The connection to Intercom dropped during a search; try again.") from exc
        if "conversations" not in page:
            raise BadResponse("Intercom's search answer had no conversation list.")
        tickets = []
        self._problems = []
        for item in _list(page.get("conversations")):
            if not isinstance(item, dict) or item.get("id") is None:
                continue
            try:
                tickets.append(self._ticket(_conversation_id(item["id"])))
            except NotFound:
                # Deleted between the search and the read: nothing left to import, and it must not
                # block every later sync.
                log.info("Intercom conversation vanished during sync; skipped")
        if self._admins == () and any(t.assignee is None for t in tickets):
            self._problems.append(
                "this Intercom token may not list teammates (it needs the “Read admins” permission): "
                "assignees are neither imported nor sent; the rest of each conversation is"
            )
        nxt = _obj(_obj(page.get("pages")).get("next")).get("starting_after")
        if nxt and nxt == cursor:
            raise BadResponse("Intercom returned the same page of search results twice.")
        return SyncPage(tickets=tickets, cursor=nxt or None, done=not nxt, problems=tuple(self._problems))

    def _conversation(self, conversation_id: str) -> dict:
        conv = _obj(self._client.get(f"/conversations/{_conversation_id(conversation_id)}").json)
        if conv.get("id") is None:
            raise BadResponse(f"Intercom's answer for conversation {conversation_id} was not a conversation.")
        return conv

    def _ticket(self, conversation_id: str) -> RemoteTicket:
        conv = self._conversation(conversation_id)
        source = _obj(conv.get("source"))
        author = _obj(source.get("author"))
        messages = self._messages(conv)
        created = _ts(conv.get("created_at")) or datetime.fromtimestamp(0, UTC)
        title = (str(conv.get("title") or "").strip() or html_to_text(source.get("subject"))
                 or next((m.body.split("\n", 1)[0][:120] for m in messages if m.body), "")
                 or f"Intercom conversation {conv['id']}")
        # An admin-initiated conversation is opened by a teammate: the customer is in ``contacts``.
        by_customer = str(author.get("type") or "") in _CUSTOMER_AUTHORS
        requester = author if by_customer else self._first_contact(conv)
        email = str(requester.get("email") or "")
        return RemoteTicket(
            external_id=str(conv["id"]),
            url=self._inbox_url(str(conv["id"])),
            title=title,
            requester_name=str(requester.get("name") or email or ""),
            customer=email.rpartition("@")[2] if "@" in email else "",
            status=_STATUS.get(str(conv.get("state") or ""), Status.OPEN).value,
            tags=tuple(str(t["name"]) for t in _list(_obj(conv.get("tags")).get("tags"))
                       if isinstance(t, dict) and t.get("name")),
            created_at=created,
            updated_at=_ts(conv.get("updated_at")) or created,
            first_response_at=_ts(_obj(conv.get("statistics")).get("first_admin_reply_at")),
            priority=intercom_priority(conv.get("priority")),
            assignee=self.assignee_of(conv),
            fields=flatten("custom_attributes", conv.get("custom_attributes")),
            messages=messages,
            raw_json=_raw(conv),
        )

    def _first_contact(self, conv: dict) -> dict:
        """The conversation's first contact, read with ``GET /contacts/{id}`` (the list holds only ids)."""
        refs = [c for c in _list(_obj(conv.get("contacts")).get("contacts"))
                if isinstance(c, dict) and c.get("id")]
        if not refs:
            return {}
        contact_id = str(refs[0]["id"])
        if contact_id not in self._contacts:
            if not _ID.fullmatch(contact_id):
                return {}
            try:
                self._contacts[contact_id] = _obj(self._client.get(f"/contacts/{contact_id}").json)
            except NotFound:
                self._contacts[contact_id] = {}
        return self._contacts[contact_id]

    def _inbox_url(self, conversation_id: str) -> str:
        app_id = _obj(self._admin().get("app")).get("id_code")
        host = _INBOX_HOSTS.get(self.region, _INBOX_HOSTS["us"])
        if not app_id:
            return ""
        return f"{host}/a/inbox/{app_id}/inbox/conversation/{conversation_id}"

    def _messages(self, conv: dict) -> tuple[RemoteMessage, ...]:
        out: list[RemoteMessage] = []
        source = _obj(conv.get("source"))
        if source:
            msg = self._message(source, fallback_id=f"{conv['id']}-source", public=True,
                                created=_ts(conv.get("created_at")))
            if msg is not None:
                out.append(msg)
        part_list = _obj(conv.get("conversation_parts"))
        parts = _list(part_list.get("conversation_parts"))
        total = part_list.get("total_count")
        if isinstance(total, int) and total > len(parts):
            # Intercom returns at most 500 parts of a conversation and offers no way to page through the rest.
            self._problems.append(f"Intercom conversation {conv['id']} has {total} parts but Intercom "
                                  f"returns only {len(parts)}; open it in Intercom to read the rest.")
        for part in parts:
            if not isinstance(part, dict) or part.get("id") is None:
                continue
            public = "note" not in str(part.get("part_type") or "")
            msg = self._message(part, fallback_id=str(part["id"]), public=public, created=None)
            if msg is not None:
                out.append(msg)
        return tuple(out)

    @staticmethod
    def _message(part: dict, *, fallback_id: str, public: bool, created: datetime | None) -> RemoteMessage | None:
        external_id = str(part.get("id") or fallback_id)
        body = html_to_text(part.get("body") if isinstance(part.get("body"), str) else "")
        attachments = tuple(
            RemoteAttachment(
                external_id=f"{external_id}/{index}",
                file_name=str(att.get("name") or f"attachment-{index}"),
                size=att["filesize"] if isinstance(att.get("filesize"), int) else None,
                url=str(att["url"]),
                content_type=str(att.get("content_type") or ""),
            )
            for index, att in enumerate(_list(part.get("attachments")))
            if isinstance(att, dict) and att.get("url")
        )
        if not body and not attachments:
            return None  # assignment, open/close and other events without words
        author = _obj(part.get("author"))
        return RemoteMessage(
            external_id=external_id,
            author_name=str(author.get("name") or author.get("email") or author.get("type") or ""),
            from_customer=str(author.get("type") or "") in _CUSTOMER_AUTHORS,
            public=public,
            body=body,
            created_at=_ts(part.get("created_at")) or created or datetime.fromtimestamp(0, UTC),
            attachments=attachments,
            raw_json=_raw(part),
        )

    def download(self, attachment: RemoteAttachment, dest: Path, max_bytes: int) -> int:
        # Attachment URLs live on Intercom's CDN: ApiClient sends the token only to the API host.
        return self._client.download(attachment.url, dest, max_bytes)

    # -- replies ---------------------------------------------------------------------------------------
    #: Replies sent by this process, by reference: (admin id, the reply's text as Intercom shows it, sent at).
    #: Intercom has no field the customer cannot see, so a lost answer is reconciled by matching these.
    _sent: dict[str, tuple[str, str, float]] = {}
    _sent_lock = threading.Lock()
    #: (workspace, conversation, part) -> the reference it was matched to, so two identical replies are never
    #: taken for one another.
    _claimed: dict[tuple[str, str, str], str] = {}
    #: How far before our request a matching part may be stamped (clock difference between us and Intercom).
    CLOCK_SLACK_S = 300

    def post_reply(self, ticket_external_id: str, body: str, *, public: bool, marker: str) -> str:
        """Reply as the token's admin; nothing is added to the text the customer reads."""
        admin_id = str(self._admin()["id"])
        html_body = text_to_intercom_html(body)
        payload = {
            "message_type": "comment" if public else "note",
            "type": "admin",
            "admin_id": admin_id,
            "body": html_body,
        }
        path = f"/conversations/{_conversation_id(ticket_external_id)}/reply"
        if marker:
            with self._sent_lock:
                self._sent.setdefault(marker, (admin_id, _comparable(html_body), time.time()))
        conv = _obj(self._client.post(path, payload).json)
        found = self._find_sent(conv, marker) if marker else None
        if found is None:
            parts = [p for p in _list(_obj(conv.get("conversation_parts")).get("conversation_parts"))
                     if isinstance(p, dict) and p.get("id") is not None]
            if not parts:
                # Posted (2xx) but Intercom did not say as what: never post again, look it up later.
                raise ReplyUncertain("Intercom accepted the reply but did not confirm it; checking before any retry.")
            found = str(parts[-1]["id"])
        return found

    def find_reply(self, ticket_external_id: str, marker: str) -> str | None:
        """The part that is this reply (same admin, same text, not older than the request), or None."""
        conversation_id = _conversation_id(ticket_external_id)
        with self._sent_lock:
            known = marker in self._sent
        if not known:
            return None
        return self._find_sent(self._conversation(conversation_id), marker)

    def _find_sent(self, conv: dict, marker: str) -> str | None:
        with self._sent_lock:
            sent = self._sent.get(marker)
        if sent is None:
            return None
        admin_id, text, sent_at = sent
        parts = _list(_obj(conv.get("conversation_parts")).get("conversation_parts"))
        for part in reversed(parts):
            if not isinstance(part, dict) or part.get("id") is None:
                continue
            author = _obj(part.get("author"))
            created = part.get("created_at")
            if str(author.get("id") or "") != admin_id or str(author.get("type") or "") != "admin":
                continue
            if isinstance(created, int | float) and created < sent_at - self.CLOCK_SLACK_S:
                continue
            body = part.get("body")
            if _comparable(body if isinstance(body, str) else "") != text:
                continue
            with self._sent_lock:
                key = (self.base_url, str(conv.get("id")), str(part["id"]))
                owner = self._claimed.setdefault(key, marker)
            if owner == marker:
                return str(part["id"])
        return None


def _comparable(html_body: str) -> str:
    """A reply's words with spacing normalised, so Intercom's re-serialised HTML still matches ours."""
    return " ".join(html_to_text(html_body).split())
