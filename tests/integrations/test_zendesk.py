"""ZendeskProvider against a local server speaking Zendesk's documented JSON shapes.

Why: the provider's job is translation (cursor export, comment pages, side-loaded users, status map, reply
PUT, reconciliation by marker); these tests pin that translation and the reply safety rules over real HTTP.
"""

from __future__ import annotations

import base64
import json
import logging
import socket
import threading
from datetime import UTC, datetime

import pytest
from pytest_httpserver import HTTPServer

from cre_desk.core.vocabulary import Status
from cre_desk.errors import UserError
from cre_desk.integrations.http import ApiClient
from cre_desk.integrations.http_errors import AuthFailed, BadResponse, IntegrationError, ReplyUncertain
from cre_desk.integrations.models import Provider, RemoteAttachment
from cre_desk.integrations.zendesk import EXPORT_PATH, ZendeskProvider, map_status

CANARY = "ztk_CANARY_1234567890"
EMAIL = "agent@vendor.example"
BASIC = "Basic " + base64.b64encode(f"{EMAIL}/token:{CANARY}".encode()).decode()


def make_provider(base_url: str, sleeps: list[float] | None = None) -> ZendeskProvider:
    record = sleeps if sleeps is not None else []

    def factory(base, *, headers):
        return ApiClient(base, headers=headers, sleep=record.append, timeout=(2.0, 5.0))

    return ZendeskProvider("acme", EMAIL, CANARY, base_url=base_url.rstrip("/"), client_factory=factory)


def ticket(tid: int, status: str = "open", **extra) -> dict:
    data = {
        "id": tid, "url": f"https://acme.zendesk.com/api/v2/tickets/{tid}.json", "subject": f"Push broken {tid}",
        "description": "Pushes stopped", "status": status, "priority": "high", "type": "problem",
        "requester_id": 100, "assignee_id": 200, "organization_id": 900, "tags": ["ios", "push"],
        "created_at": "2026-01-05T09:00:00Z", "updated_at": "2026-01-06T10:30:00Z",
        "via": {"channel": "email"}, "custom_fields": [],
    }
    data.update(extra)
    return data


USERS = [
    {"id": 100, "name": "Carol Customer", "email": "carol@customer.example", "role": "end-user",
     "organization_id": 900},
    {"id": 200, "name": "Alex Agent", "email": EMAIL, "role": "agent"},
]
ORGS = [{"id": 900, "name": "Customer Corp"}]


def comment(cid: int, author: int, body: str, *, public: bool = True, created: str = "2026-01-05T09:00:00Z",
            attachments: list | None = None) -> dict:
    return {"id": cid, "type": "Comment", "author_id": author, "body": body, "plain_body": body,
            "html_body": f"<div class=\"zd-comment\"><p>{body}</p></div>", "public": public,
            "attachments": attachments or [], "audit_id": cid + 1, "via": {"channel": "web"}, "created_at": created}


def one_page_comments(comments: list[dict]) -> dict:
    return {"comments": comments, "users": USERS, "meta": {"has_more": False, "after_cursor": None},
            "links": {"next": None, "prev": None}}


def export(tickets: list[dict], after: str | None, end: bool, server: HTTPServer) -> dict:
    return {"tickets": tickets, "users": USERS, "organizations": ORGS, "after_cursor": after,
            "after_url": server.url_for(f"{EXPORT_PATH}?cursor={after}") if after else None,
            "before_cursor": None, "before_url": None, "end_of_stream": end}


def serve_comments(server: HTTPServer, tid: int, comments: list[dict]) -> None:
    server.expect_request(f"/api/v2/tickets/{tid}/comments.json").respond_with_json(one_page_comments(comments))


def test_provider_satisfies_protocol(httpserver):
    assert isinstance(make_provider(httpserver.url_for("/")), Provider)


def test_test_connection_uses_users_me(httpserver):
    httpserver.expect_request("/api/v2/users/me.json", headers={"Authorization": BASIC}).respond_with_json(
        {"user": {"id": 200, "name": "Alex Agent", "email": EMAIL, "role": "admin"}})
    assert make_provider(httpserver.url_for("/")).test_connection() == "Alex Agent (admin)"


def test_test_connection_anonymous_is_auth_failure(httpserver):
    httpserver.expect_request("/api/v2/users/me.json").respond_with_json(
        {"user": {"id": None, "name": "Anonymous user", "role": "end-user"}})
    with pytest.raises(AuthFailed):
        make_provider(httpserver.url_for("/")).test_connection()


def test_incremental_export_three_pages_to_end_of_stream(httpserver):
    start = datetime(2026, 1, 1, tzinfo=UTC)
    base_q = {"include": "users,organizations"}
    httpserver.expect_oneshot_request(EXPORT_PATH, query_string={**base_q, "start_time": str(int(start.timestamp()))}
                                      ).respond_with_json(export([ticket(1), ticket(2)], "c1", False, httpserver))
    httpserver.expect_oneshot_request(EXPORT_PATH, query_string={**base_q, "cursor": "c1"}).respond_with_json(
        export([ticket(3, "pending")], "c2", False, httpserver))
    httpserver.expect_oneshot_request(EXPORT_PATH, query_string={**base_q, "cursor": "c2"}).respond_with_json(
        export([ticket(4, "solved"), ticket(5, "deleted")], "c3", True, httpserver))
    for tid in (1, 2, 3, 4):
        serve_comments(httpserver, tid, [comment(tid * 10, 100, f"Help with {tid}")])
    provider = make_provider(httpserver.url_for("/"))
    pages, cursor, since = [], None, start
    while True:
        page = provider.fetch_page(cursor, since)
        pages.append(page)
        cursor = page.cursor
        if page.done:
            break
        assert len(pages) < 10
    assert [len(p.tickets) for p in pages] == [2, 1, 1]
    assert [p.cursor for p in pages] == ["c1", "c2", "c3"]
    assert [p.done for p in pages] == [False, False, True]
    ids = [t.external_id for p in pages for t in p.tickets]
    assert ids == ["1", "2", "3", "4"]  # the deleted ticket 5 is not imported
    first = pages[0].tickets[0]
    assert first.title == "Push broken 1" and first.requester_name == "Carol Customer"
    assert first.customer == "Customer Corp" and first.tags == ("ios", "push")
    assert first.status == Status.OPEN.value and first.url.endswith("/agent/tickets/1")
    assert first.created_at == datetime(2026, 1, 5, 9, 0, tzinfo=UTC)
    assert json.loads(first.raw_json)["id"] == 1
    assert first.messages[0].body == "Help with 1" and first.messages[0].from_customer
    assert pages[1].tickets[0].status == Status.WAITING_CUSTOMER.value
    httpserver.check_assertions()


def test_comments_pagination_users_and_attachments(httpserver):
    next_url = httpserver.url_for("/api/v2/tickets/7/comments.json") + "?page%5Bafter%5D=xyz&page%5Bsize%5D=100"
    page1 = {
        "comments": [comment(1, 100, "App crashes", attachments=[
            {"id": 555, "file_name": "device.log", "content_url": httpserver.url_for("/attachments/555"),
             "content_type": "text/plain", "size": 12, "inline": False, "deleted": False},
            {"id": 556, "file_name": "gone.png", "content_url": "https://x.example/g", "content_type": "image/png",
             "size": 3, "inline": False, "deleted": True},
        ])],
        "users": USERS, "meta": {"has_more": True, "after_cursor": "xyz"}, "links": {"next": next_url},
    }
    page2 = {"comments": [comment(2, 200, "Looking into it", created="2026-01-05T10:00:00Z"),
                          comment(3, 200, "Internal: SDK 4.2 bug", public=False, created="2026-01-05T11:00:00Z")],
             "users": USERS, "meta": {"has_more": False, "after_cursor": None}, "links": {"next": None}}
    httpserver.expect_oneshot_request("/api/v2/tickets/7/comments.json",
                                      query_string={"page[size]": "100", "include": "users"}).respond_with_json(page1)
    httpserver.expect_oneshot_request("/api/v2/tickets/7/comments.json",
                                      query_string={"page[after]": "xyz", "page[size]": "100"}).respond_with_json(page2)
    httpserver.expect_request(EXPORT_PATH).respond_with_json(export([ticket(7)], "c9", True, httpserver))
    httpserver.expect_request("/attachments/555").respond_with_data(b"log contents", content_type="text/plain")
    provider = make_provider(httpserver.url_for("/"))
    (t,) = provider.fetch_page(None, None).tickets
    assert [m.external_id for m in t.messages] == ["1", "2", "3"]
    assert [m.author_name for m in t.messages] == ["Carol Customer", "Alex Agent", "Alex Agent"]
    assert [m.from_customer for m in t.messages] == [True, False, False]
    assert [m.public for m in t.messages] == [True, True, False]
    assert t.first_response_at == datetime(2026, 1, 5, 10, 0, tzinfo=UTC)
    (att,) = t.messages[0].attachments  # the deleted attachment is not listed
    assert att == RemoteAttachment("555", "device.log", 12, httpserver.url_for("/attachments/555"), "text/plain")
    assert all(r.headers.get("Authorization") == BASIC for r, _ in httpserver.log)


def test_attachment_download_with_cap(httpserver, tmp_path):
    httpserver.expect_request("/attachments/1").respond_with_data(b"x" * 100, content_type="text/plain")
    httpserver.expect_request("/attachments/2").respond_with_data(b"y" * 5000, content_type="text/plain")
    provider = make_provider(httpserver.url_for("/"))
    small = RemoteAttachment("1", "a.log", 100, httpserver.url_for("/attachments/1"))
    big = RemoteAttachment("2", "b.log", 5000, httpserver.url_for("/attachments/2"))
    assert provider.download(small, tmp_path / "a.log", 1000) == 100
    with pytest.raises(BadResponse):
        provider.download(big, tmp_path / "b.log", 1000)
    assert not (tmp_path / "b.log").exists() and not (tmp_path / "b.log.part").exists()


def test_attachment_on_another_host_gets_no_credentials(httpserver, tmp_path):
    other = HTTPServer(host="127.0.0.2", port=0)
    other.start()
    try:
        other.expect_request("/cdn/file.log").respond_with_data(b"data", content_type="text/plain")
        provider = make_provider(httpserver.url_for("/"))
        att = RemoteAttachment("1", "file.log", 4, other.url_for("/cdn/file.log"))
        assert provider.download(att, tmp_path / "file.log", 1000) == 4
        assert other.log[0][0].headers.get("Authorization") is None
    finally:
        other.stop()


@pytest.mark.parametrize(("zendesk", "ours"), [
    ("new", Status.NEW), ("open", Status.OPEN), ("pending", Status.WAITING_CUSTOMER), ("hold", Status.ON_HOLD),
    ("solved", Status.SOLVED), ("closed", Status.CLOSED), ("weird", Status.OPEN), (None, Status.OPEN),
])
def test_status_map(zendesk, ours):
    assert map_status(zendesk) == ours.value


def audit(aid: int, comment_id: int, body: str, *, ref: str | None = None,
          created: str = "2026-01-07T09:00:00Z") -> dict:
    """An audit as Zendesk documents it; ``ref`` is the custom metadata our update carried."""
    custom = {"cre_desk_ref": ref} if ref else {}
    return {"id": aid, "ticket_id": 42, "created_at": created, "author_id": 200,
            "metadata": {"system": {"client": "CRE-Desk", "ip_address": "203.0.113.5"}, "custom": custom},
            "via": {"channel": "api", "source": {"from": {}, "to": {}, "rel": None}},
            "events": [{"id": comment_id, "type": "Comment", "author_id": 200, "body": body,
                        "html_body": body, "plain_body": body, "public": True, "attachments": [],
                        "audit_id": aid}]}


def test_post_reply_keeps_the_reference_out_of_the_customers_text(httpserver):
    """Issue 14 defect 6: the reference travels in the audit's custom metadata, not in the comment."""
    ref = "cre-desk:ab12cd34ab12cd34ab12cd34ab12cd34"
    expected = {"ticket": {"comment": {"body": "Please update the SDK.", "public": False},
                           "metadata": {"cre_desk_ref": ref}}}
    httpserver.expect_request("/api/v2/tickets/42.json", method="PUT", json=expected).respond_with_json(
        {"ticket": ticket(42), "audit": audit(9001, 9002, "Please update the SDK.", ref=ref)})
    provider = make_provider(httpserver.url_for("/"))
    assert provider.post_reply("42", "Please update the SDK.", public=False, marker=ref) == "9002"


def test_post_reply_rejects_non_numeric_ticket_id(httpserver):
    with pytest.raises(UserError):
        make_provider(httpserver.url_for("/")).post_reply("../users/1", "x", public=True, marker="m")


def test_post_reply_500_is_not_retried(httpserver):
    httpserver.expect_request("/api/v2/tickets/42.json", method="PUT").respond_with_json({}, status=500)
    sleeps: list[float] = []
    with pytest.raises(IntegrationError):
        make_provider(httpserver.url_for("/"), sleeps).post_reply("42", "hi", public=True, marker="[m]")
    assert len(httpserver.log) == 1 and sleeps == []


def _dropping_server() -> tuple[socket.socket, list[bytes]]:
    """Reads one full request and closes the connection without answering (N-8)."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(4)
    seen: list[bytes] = []

    def serve() -> None:
        conn, _ = sock.accept()
        with conn:
            data = b""
            while b"\r\n\r\n" not in data:
                data += conn.recv(65536)
            head, _, body = data.partition(b"\r\n\r\n")
            length = int([ln for ln in head.split(b"\r\n") if ln.lower().startswith(b"content-length")][0]
                         .split(b":")[1])
            while len(body) < length:
                body += conn.recv(65536)
            seen.append(body)

    threading.Thread(target=serve, daemon=True).start()
    return sock, seen


def test_dropped_reply_is_uncertain_then_reconciled(httpserver):
    sock, seen = _dropping_server()
    marker = "cre-desk:5eed5eed5eed5eed5eed5eed5eed5eed"
    try:
        provider = make_provider(f"http://127.0.0.1:{sock.getsockname()[1]}")
        with pytest.raises(ReplyUncertain):
            provider.post_reply("42", "Fixed in 4.3", public=True, marker=marker)
    finally:
        sock.close()
    assert len(seen) == 1 and marker.encode() in seen[0]
    sent = json.loads(seen[0])
    assert marker not in sent["ticket"]["comment"]["body"]
    # Reconcile against the real ticket: the update carrying the reference did land.
    audits_path = "/api/v2/tickets/42/audits.json"
    httpserver.expect_request(audits_path, query_string={"page[size]": "100"}).respond_with_json(
        {"audits": [audit(70, 71, "Any news?", created="2026-01-06T09:00:00Z"),
                    audit(76, 77, "Fixed in 4.3", ref=marker)],
         "meta": {"has_more": False, "after_cursor": None, "before_cursor": None},
         "links": {"prev": None, "next": None}})
    provider = make_provider(httpserver.url_for("/"))
    assert provider.find_reply("42", marker) == "77"
    assert provider.find_reply("42", "cre-desk:00000000000000000000000000000000") is None


def test_canary_token_never_leaks(httpserver, caplog):
    caplog.set_level(logging.DEBUG)
    httpserver.expect_request("/api/v2/users/me.json").respond_with_json({"error": "Couldn't authenticate you"},
                                                                         status=401)
    httpserver.expect_request(EXPORT_PATH).respond_with_data("<html>down</html>", content_type="text/html")
    provider = make_provider(httpserver.url_for("/"))
    errors = []
    for call in (provider.test_connection, lambda: provider.fetch_page(None, None)):
        with pytest.raises(IntegrationError) as info:
            call()
        errors.append(info.value)
    b64_token = base64.b64encode(CANARY.encode()).decode()
    blob = "\n".join([caplog.text, repr(provider), str(vars(provider)), repr(provider._client),
                      *(f"{e!s} {e!r} {e.detail}" for e in errors)])
    for form in (CANARY, b64_token, BASIC, BASIC.split()[1]):
        assert form not in blob
