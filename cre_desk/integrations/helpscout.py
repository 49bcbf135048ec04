"""Help Scout (Mailbox API 2.0) as a ``Provider``: conversations and threads in, replies and notes out.

Why this exists: Help Scout is a common shared inbox among mobile-SDK vendors. Access is an OAuth2 app of
the client-credentials kind: the app id sits in the settings, its secret in the keyring, and the short-lived
access token only in memory (fetched again when it expires or is refused). This module only translates
between Help Scout's HAL JSON and the records in ``models``; timeouts, retries, 429 waits and redirect
hygiene come from ``http.ApiClient`` (taught Help Scout's rate-limit headers in ``HelpScoutClient``).

Sync lists a mailbox's conversations (``status=all``, ``modifiedSince``, sorted by ``modifiedAt``
ascending, threads embedded) page by page; the cursor holds the page and the start of the pass, and a
finished pass continues from that start next time. A conversation modified during a pass moves to the end
of the list and can push another past a page boundary; when that is seen, the next pass starts over from
the old date rather than risk missing it. Replies are reconciled by author, words and time after a lost
answer (``reconcile.PendingReplies``), so customers never see a marker. Qt-free.
"""

from __future__ import annotations

import base64
import json
import logging
import os
import re
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime
from pathlib import Path

from cre_desk.core.field_mapping import flatten
from cre_desk.core.vocabulary import Status
from cre_desk.errors import UserError
from cre_desk.integrations.html_text import html_to_text
from cre_desk.integrations.http import ApiClient
from cre_desk.integrations.http_errors import AuthFailed, BadResponse, NotFound, Offline, ReplyUncertain
from cre_desk.integrations.models import RemoteAttachment, RemoteMessage, RemoteTicket, SyncPage
from cre_desk.integrations.payloads import as_list as _list
from cre_desk.integrations.payloads import as_obj as _obj
from cre_desk.integrations.payloads import iso_utc as _iso
from cre_desk.integrations.payloads import parse_time as _time
from cre_desk.integrations.payloads import raw_json as _raw
from cre_desk.integrations.reconcile import PendingReplies, plain_to_html, strip_marker
from cre_desk.integrations.vendor_client import VendorClient, field_messages
from cre_desk.integrations.writeback import helpscout_person

__all__ = ["HelpScoutClient", "HelpScoutProvider", "map_status"]

log = logging.getLogger(__name__)

API_URL = "https://api.helpscout.net"
WEB_URL = "https://secure.helpscout.net"
MAX_THREAD_PAGES = 20
TOKEN_MARGIN_S = 60.0   # fetch a new token this long before the old one expires
#: A pass starts this long before the server's clock said it did, for changes committed while it began.
PASS_OVERLAP = timedelta(minutes=1)
_STATUS = {"active": Status.OPEN, "open": Status.OPEN, "pending": Status.ON_HOLD, "closed": Status.SOLVED,
           "spam": Status.CLOSED}
_ID = re.compile(r"\d{1,20}")
_TEXT_THREADS = frozenset({"customer", "message", "note", "chat", "phone", "reply"})


def map_status(value) -> str:
    return _STATUS.get(str(value or "").lower(), Status.OPEN).value


def _conversation_id(value) -> str:
    text = str(value).strip()
    if not _ID.fullmatch(text):
        raise UserError(f"“{text[:40]}” is not a Help Scout conversation id.")
    return text







def _person(value) -> str:
    person = _obj(value)
    name = " ".join(str(person.get(k) or "").strip() for k in ("first", "last")).strip()
    return name or str(person.get("email") or "")


class HelpScoutClient(VendorClient):
    """Help Scout's rate-limit headers (``X-RateLimit-Retry-After`` on 429) and HAL error bodies."""

    vendor = "Help Scout"
    retry_after_header = "X-RateLimit-Retry-After"
    remaining_header = "X-RateLimit-Remaining-Minute"
    limit_header = "X-RateLimit-Limit-Minute"

    @staticmethod
    def explain(data) -> str:
        data = _obj(data)
        details = field_messages(_obj(data.get("_embedded")).get("errors"), "path")
        message = str(data.get("message") or data.get("error_description") or "").strip()
        return f"{message}: {details}" if message and details else message or details


class HelpScoutProvider:
    """One Help Scout account (optionally one mailbox) reached with an OAuth2 client-credentials app."""

    name = "helpscout"
    #: Replies sent from this process, shared by every HelpScoutProvider (a retry builds a new one).
    _pending = PendingReplies()

    def __init__(self, app_id: str, app_secret: str, *, mailbox: str = "", base_url: str | None = None,
                 client_factory: Callable[..., ApiClient] = HelpScoutClient,
                 now: Callable[[], float] = time.time) -> None:
        app_id, app_secret = (app_id or "").strip(), (app_secret or "").strip()
        if not app_id or not app_secret:
            raise UserError("Enter the Help Scout app's App ID and App Secret (Your Profile → My Apps).")
        for value in (app_id, app_secret):
            if not value.isascii() or not value.isprintable():
                raise UserError(
                    "The Help Scout App ID or Secret contains characters it cannot have; paste it again."
                )
        mailbox = (mailbox or "").strip()
        if mailbox and not _ID.fullmatch(mailbox):
            raise UserError(
                "Choose a Help Scout mailbox from the list (or leave it empty for all mailboxes)."
            )
        self.mailbox = mailbox
        self._base = (base_url or API_URL).rstrip("/")
        self._factory = client_factory
        self._now = now
        self._credentials = _Credentials(app_id, app_secret)
        self._token_client = client_factory(self._base, headers={"Accept": "application/json"})
        self._client: ApiClient | None = None
        self._expires_at = 0.0
        self._me: dict | None = None
        self._customers: dict[str, str] = {}  # conversation id -> primary customer id, for replies
        self._pass_ids: set[str] = set()
        self._pass_shifted = False

    def __repr__(self) -> str:
        return f"HelpScoutProvider({self._base!r}, mailbox={self.mailbox!r})"

    def close(self) -> None:
        self._token_client.close()
        if self._client is not None:
            self._client.close()

    # -- token ----------------------------------------------------------------------------------------

    def _api(self) -> ApiClient:
        if self._client is None or self._now() >= self._expires_at:
            self._refresh_token()
        assert self._client is not None   # set by _refresh_token or it raised
        return self._client

    def _refresh_token(self) -> None:
        try:
            resp = self._token_client.post("/v2/oauth2/token", self._credentials.body())
        except AuthFailed:
            raise AuthFailed(
                "Help Scout refused the App ID and Secret. Check them under Your Profile → My Apps; "
                "the app's user must be active.",
                status=401,
            ) from None
        except ReplyUncertain:
            raise Offline("The connection to Help Scout dropped while signing in; try again.") from None
        data = _obj(resp.json)
        token = data.get("access_token")
        if not isinstance(token, str) or not token:
            raise BadResponse("Help Scout did not return an access token.")
        raw_expiry = data.get("expires_in")
        expires = float(raw_expiry) if isinstance(raw_expiry, int | float) else 300.0
        if self._client is not None:
            self._client.close()
        self._client = self._factory(
            self._base,
            headers={"Authorization": f"Bearer {token}", "Accept": "application/hal+json, application/json"},
        )
        self._expires_at = self._now() + max(0.0, expires - TOKEN_MARGIN_S)

    def _call(self, method: str, path: str, **kwargs):
        """One API call; a token refused before its expiry (revoked, rotated) is fetched anew once."""
        client = self._api()  # a refused App Secret fails here, once, and is not asked again
        try:
            return getattr(client, method)(path, **kwargs)
        except AuthFailed as exc:
            if exc.status != 401:
                raise
            self._client, self._expires_at = None, 0.0
            return getattr(self._api(), method)(path, **kwargs)

    # -- account --------------------------------------------------------------------------------------

    def _user_me(self) -> dict:
        if self._me is None:
            me = _obj(self._call("get", "/v2/users/me").json)
            if me.get("id") is None:
                raise BadResponse("Help Scout did not say which user the app belongs to.")
            self._me = me
        return self._me

    def test_connection(self) -> str:
        me = self._user_me()
        return (
            _person({"first": me.get("firstName"), "last": me.get("lastName"), "email": me.get("email")})
            or f"user {me['id']}"
        )

    def list_mailboxes(self) -> list[tuple[str, str]]:
        """(id, name) of every mailbox the app's user can see, for choosing one in the accounts dialog."""
        out: list[tuple[str, str]] = []
        for page in range(1, 21):
            data = _obj(self._call("get", "/v2/mailboxes", params={"page": page}).json)
            for box in _list(_obj(data.get("_embedded")).get("mailboxes")):
                if isinstance(box, dict) and box.get("id") is not None:
                    out.append((str(box["id"]), str(box.get("name") or box.get("email") or box["id"])))
            info = _obj(data.get("page"))
            if int(info.get("number") or page) >= int(info.get("totalPages") or 1):
                break
        return out

    # -- sync -----------------------------------------------------------------------------------------

    def fetch_page(self, cursor: str | None, since: datetime | None) -> SyncPage:
        try:
            state = _obj(json.loads(cursor)) if cursor else {}
        except ValueError:
            log.warning("Help Scout: the saved sync position could not be read; starting from the sync date")
            state = {}
        start = _time(state.get("since")) or since
        page = int(state.get("page") or 1)
        pass_start = _time(state.get("pass"))
        params: dict[str, object] = {
            "status": "all",
            "sortField": "modifiedAt",
            "sortOrder": "asc",
            "page": page,
            "embed": "threads",
        }
        if self.mailbox:
            params["mailbox"] = self.mailbox
        if start is not None:
            params["modifiedSince"] = _iso(start)
        resp = self._call("get", "/v2/conversations", params=params)
        data = _obj(resp.json)
        if "page" not in data and "_embedded" not in data:
            raise BadResponse("Help Scout's conversation list had neither conversations nor page details.")
        if page == 1 or pass_start is None:
            pass_start = self._server_time(resp.headers) - PASS_OVERLAP
            self._pass_ids, self._pass_shifted = set(), False
        tickets = []
        for conv in _list(_obj(data.get("_embedded")).get("conversations")):
            if not isinstance(conv, dict) or conv.get("id") is None:
                continue
            cid = _conversation_id(conv["id"])
            if cid in self._pass_ids:
                self._pass_shifted = True  # it moved to the end: another may have slipped past a page edge
            self._pass_ids.add(cid)
            if (
                str(conv.get("status") or "") == "spam"
                or str(conv.get("state") or "published") != "published"
            ):
                continue  # spam and unsent drafts are not customer tickets
            try:
                tickets.append(self._ticket(conv))
            except NotFound:
                log.info("Help Scout conversation vanished during sync; skipped")
        info = _obj(data.get("page"))
        more = bool(_obj(_obj(data.get("_links")).get("next")).get("href")) or (
            int(info.get("number") or page) < int(info.get("totalPages") or 0)
        )
        if more:
            nxt = {"since": _iso(start) if start else None, "page": page + 1, "pass": _iso(pass_start)}
            return SyncPage(tickets=tickets, cursor=json.dumps(nxt, sort_keys=True), done=False)
        resume: datetime | None = pass_start
        if self._pass_shifted:
            log.info(
                "Help Scout: conversations moved during the sync; the next sync re-reads from the same date"
            )
            resume = start
        return SyncPage(
            tickets=tickets,
            cursor=json.dumps({"since": _iso(resume) if resume else None, "page": 1}, sort_keys=True),
            done=True,
        )

    def _server_time(self, headers) -> datetime:
        value = headers.get("Date") if headers is not None else None
        if value:
            try:
                moment = parsedate_to_datetime(value)
                return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
            except (TypeError, ValueError, IndexError):
                pass
        return datetime.fromtimestamp(self._now(), UTC)

    def _threads(self, conv: dict) -> list[dict]:
        cid = str(conv["id"])
        embedded = _obj(conv.get("_embedded")).get("threads")
        # Embedded chat threads are cut short by design; chats are read from the thread list in full.
        if isinstance(embedded, list) and str(conv.get("type") or "") != "chat":
            return [t for t in embedded if isinstance(t, dict)]
        threads: list[dict] = []
        for page in range(1, MAX_THREAD_PAGES + 1):
            data = _obj(self._call("get", f"/v2/conversations/{cid}/threads", params={"page": page}).json)
            threads.extend(
                t for t in _list(_obj(data.get("_embedded")).get("threads")) if isinstance(t, dict)
            )
            info = _obj(data.get("page"))
            if int(info.get("number") or page) >= int(info.get("totalPages") or 1):
                break
        return threads

    def _ticket(self, conv: dict) -> RemoteTicket:
        cid = _conversation_id(conv["id"])
        customer = _obj(conv.get("primaryCustomer"))
        if customer.get("id") is not None:
            self._customers[cid] = str(customer["id"])
        created = _time(conv.get("createdAt")) or datetime.fromtimestamp(0, UTC)
        threads = [t for t in self._threads(conv) if str(t.get("state") or "published") == "published"]
        threads.sort(key=lambda t: (str(t.get("createdAt") or ""), int(t.get("id") or 0)))
        messages = []
        for thread in threads:
            if str(thread.get("type") or "") not in _TEXT_THREADS or thread.get("id") is None:
                continue  # line items: assignments, status changes, workflow runs
            author = _obj(thread.get("createdBy"))
            from_customer = str(author.get("type") or thread.get("type")) == "customer"
            attachments = tuple(
                RemoteAttachment(
                    external_id=str(att["id"]),
                    file_name=str(att.get("filename") or att.get("fileName") or f"attachment-{att['id']}"),
                    size=att["size"] if isinstance(att.get("size"), int) else None,
                    url=f"{self._base}/v2/conversations/{cid}/attachments/{att['id']}/file",
                    content_type=str(att.get("mimeType") or ""),
                )
                for att in _list(_obj(thread.get("_embedded")).get("attachments"))
                if isinstance(att, dict) and att.get("id") is not None
            )
            messages.append(
                RemoteMessage(
                    external_id=str(thread["id"]),
                    author_name=_person(author) or str(author.get("type") or ""),
                    from_customer=from_customer,
                    public=str(thread.get("type")) != "note",
                    body=html_to_text(str(thread.get("body") or "")),
                    created_at=_time(thread.get("createdAt")) or created,
                    attachments=attachments,
                    raw_json=_raw(thread),
                )
            )
        times = [m.created_at for m in messages] + [
            t for t in (_time(conv.get("userUpdatedAt")), _time(conv.get("closedAt"))) if t
        ]
        first_response = min(
            (m.created_at for m in messages if m.public and not m.from_customer), default=None
        )
        if not _person(customer):  # the list may carry only the customer's id; threads name them
            customer = {
                **next((_obj(t.get("customer")) for t in threads if _person(t.get("customer"))), {}),
                **{k: v for k, v in customer.items() if v},
            }
        email = str(customer.get("email") or "")
        return RemoteTicket(
            external_id=cid,
            url=f"{WEB_URL}/conversation/{cid}/{conv.get('number') or ''}".rstrip("/"),
            title=str(conv.get("subject") or "").strip()
            or f"Help Scout conversation {conv.get('number') or cid}",
            requester_name=_person(customer),
            customer=email.rpartition("@")[2] if "@" in email else "",
            status=map_status(conv.get("status")),
            tags=tuple(
                str(t.get("tag") or t.get("name"))
                for t in _list(conv.get("tags"))
                if isinstance(t, dict) and (t.get("tag") or t.get("name"))
            ),
            fields=flatten("customFields", conv.get("customFields")),
            assignee=helpscout_person(conv.get("assignee")),
            created_at=created,
            updated_at=max([created, *times]),
            first_response_at=first_response,
            messages=tuple(messages),
            raw_json=_raw({k: v for k, v in conv.items() if k != "_embedded"}),
        )

    def download(self, attachment: RemoteAttachment, dest: Path, max_bytes: int) -> int:
        """The file endpoint streams (and may redirect to storage elsewhere, without our token); servers
        without it answer 404, and then the documented base64 data endpoint is used."""
        try:
            return self._call("download", attachment.url, dest=dest, max_bytes=max_bytes)
        except NotFound:
            if not attachment.url.endswith("/file"):
                raise
        data = _obj(self._call("get", attachment.url[: -len("/file")] + "/data").json).get("data")
        if not isinstance(data, str):
            raise BadResponse("Help Scout's attachment answer had no data.")
        try:
            content = base64.b64decode(data, validate=True)
        except ValueError:
            raise BadResponse("Help Scout sent attachment data that is not base64.") from None
        if len(content) > max_bytes:
            raise BadResponse(f"The attachment is larger than allowed ({max_bytes // 1024} KiB).")
        part = Path(dest).with_name(Path(dest).name + ".part")
        try:
            part.write_bytes(content)
            os.replace(part, dest)
        finally:
            part.unlink(missing_ok=True)
        return len(content)

    # -- replies --------------------------------------------------------------------------------------

    def _customer_of(self, cid: str) -> str:
        if cid not in self._customers:
            conv = _obj(self._call("get", f"/v2/conversations/{cid}").json)
            customer = _obj(conv.get("primaryCustomer"))
            if customer.get("id") is None:
                raise UserError(
                    "This Help Scout conversation has no customer to reply to; add a note instead."
                )
            self._customers[cid] = str(customer["id"])
        return self._customers[cid]

    def post_reply(self, ticket_external_id: str, body: str, *, public: bool, marker: str) -> str:
        """A reply to the customer (``/reply``) or a note (``/notes``); the marker is never sent."""
        cid = _conversation_id(ticket_external_id)
        text = strip_marker(body, marker)
        if public:
            path = f"/v2/conversations/{cid}/reply"
            payload: dict[str, object] = {
                "customer": {"id": int(self._customer_of(cid))},
                "text": plain_to_html(text),
            }
        else:
            path, payload = f"/v2/conversations/{cid}/notes", {"text": plain_to_html(text)}
        self._user_me()  # who we are, known before the post so a lost answer can be reconciled
        self._pending.remember(marker, self._reply_key(cid), text)
        resp = self._call("post", path, json_body=payload)
        resource = resp.headers.get("Resource-ID") if resp.headers is not None else None
        if resource:
            self._pending.claim(marker, self._reply_key(cid), str(resource))
            return str(resource)
        found = self.find_reply(cid, marker) if marker else None
        if found:
            return found
        raise ReplyUncertain(
            "Help Scout accepted the reply but did not say which thread it became; "
            "CRE Desk checks the conversation before trying again."
        )

    def _reply_key(self, ticket_id: str) -> str:
        return f"{self._base}/{ticket_id}"

    def find_reply(self, ticket_external_id: str, marker: str) -> str | None:
        cid = _conversation_id(ticket_external_id)
        if not marker:
            return None
        me = str(self._user_me().get("id"))
        for page in range(1, 4):  # threads come newest first
            data = _obj(self._call("get", f"/v2/conversations/{cid}/threads", params={"page": page}).json)
            for thread in _list(_obj(data.get("_embedded")).get("threads")):
                if not isinstance(thread, dict) or thread.get("id") is None:
                    continue
                author = _obj(thread.get("createdBy"))
                if self._pending.matches(
                    marker,
                    self._reply_key(cid),
                    message_id=str(thread["id"]),
                    text=str(thread.get("body") or ""),
                    author_is_me=str(author.get("id")) == me and str(author.get("type") or "user") == "user",
                    created_at=_time(thread.get("createdAt")),
                ):
                    return str(thread["id"])
            info = _obj(data.get("page"))
            if int(info.get("number") or page) >= int(info.get("totalPages") or 1):
                break
        return None


class _Credentials:
    """The app id and secret, kept out of repr(), vars() dumps and tracebacks' locals."""

    __slots__ = ("_app_id", "_secret")

    def __init__(self, app_id: str, secret: str) -> None:
        self._app_id, self._secret = app_id, secret

    def body(self) -> dict[str, str]:
        return {"grant_type": "client_credentials", "client_id": self._app_id, "client_secret": self._secret}

    def __repr__(self) -> str:
        return "<redacted>"
