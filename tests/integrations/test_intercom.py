"""IntercomProvider against a local HTTP server speaking Intercom's documented JSON (API version 2.11)."""

from __future__ import annotations

import functools
import time
from datetime import UTC, datetime

import pytest

from cre_desk.errors import UserError
from cre_desk.integrations.http import ApiClient
from cre_desk.integrations.http_errors import AuthFailed, IntegrationError
from cre_desk.integrations.intercom import IntercomProvider, text_to_intercom_html
from cre_desk.integrations.models import Provider

CANARY = "ic_CANARY0000000000000000000000000000000"
VERSION = "2.11"
AUTH = {"Authorization": f"Bearer {CANARY}", "Intercom-Version": VERSION}

ME = {"type": "admin", "id": "991", "name": "Aiko Admin", "email": "aiko@vendor.example",
      "app": {"type": "app", "id_code": "abc123", "name": "Acme SDK"}}
#: ``GET /admins`` as Intercom 2.11 documents it (the teammates an assignee can be)
ADMINS = {"type": "admin.list", "admins": [
    {"type": "admin", "id": "991", "name": "Aiko Admin", "email": "aiko@vendor.example", "job_title": "CRE",
     "away_mode_enabled": False, "away_mode_reassign": False, "has_inbox_seat": True, "team_ids": []},
    {"type": "admin", "id": "992", "name": "Ken Sato", "email": "ken@vendor.example", "job_title": "CRE",
     "away_mode_enabled": False, "away_mode_reassign": False, "has_inbox_seat": True, "team_ids": [7]},
]}


def _part(pid, part_type, body, author, created, attachments=()):
    return {"type": "conversation_part", "id": pid, "part_type": part_type, "body": body, "created_at": created,
            "updated_at": created, "notified_at": created, "author": author, "attachments": list(attachments),
            "assigned_to": None, "redacted": False}


USER = {"type": "user", "id": "u1", "name": "Carol Customer", "email": "carol@customer.example"}
ADMIN = {"type": "admin", "id": "991", "name": "Aiko Admin", "email": "aiko@vendor.example"}


def _conversation(cid, state="open", parts=(), tags=("sdk", "android")):
    return {
        "type": "conversation", "id": cid, "title": None, "created_at": 1_700_000_000, "updated_at": 1_700_000_600,
        "waiting_since": None, "snoozed_until": None, "open": state != "closed", "state": state, "read": True,
        "priority": "not_priority", "admin_assignee_id": 991, "team_assignee_id": None,
        "tags": {"type": "tag.list", "tags": [{"type": "tag", "id": str(i), "name": n} for i, n in enumerate(tags)]},
        "source": {"type": "conversation", "id": f"src{cid}", "delivered_as": "customer_initiated",
                   "subject": "", "body": "<p>Push notifications stopped on Android 14</p>", "author": USER,
                   "attachments": [], "url": None, "redacted": False},
        "contacts": {"type": "contact.list", "contacts": [{"type": "contact", "id": "u1", "external_id": "e1"}]},
        "statistics": {"type": "conversation_statistics", "first_admin_reply_at": 1_700_000_300},
        "custom_attributes": {},
        "conversation_parts": {"type": "conversation_part.list", "conversation_parts": list(parts),
                               "total_count": len(parts)},
    }


FULL_101 = _conversation("101", parts=[
    _part("p1", "assignment", None, ADMIN, 1_700_000_100),
    _part("p2", "comment", '<p>Could you try <a href="https://docs.vendor.example/push">the push guide</a>?</p>'
                           "<p>Steps:</p><ul><li>update</li><li>retry</li></ul>", ADMIN, 1_700_000_300),
    _part("p3", "comment", "<p>Still broken &amp; here is the log</p><script>alert('x')</script>"
                           "<img src=file:///etc/passwd>",
          USER, 1_700_000_400,
          attachments=[{"type": "upload", "name": "logcat.txt", "url": "https://downloads.intercomcdn.com/i/o/1/logcat.txt",
                        "content_type": "text/plain", "filesize": 2048, "width": None, "height": None},
                       {"type": "upload", "name": "screen.png", "url": "https://downloads.intercomcdn.com/i/o/2/s.png",
                        "content_type": "image/png", "filesize": 4096, "width": 100, "height": 200}]),
    _part("p4", "note", "<p>Looks like the FCM token refresh bug</p>", ADMIN, 1_700_000_500),
])


@pytest.fixture
def sleeps():
    return []


@pytest.fixture
def provider(httpserver, sleeps):
    factory = functools.partial(ApiClient, sleep=sleeps.append)
    prov = IntercomProvider(CANARY, base_url=httpserver.url_for("").rstrip("/"), version=VERSION,
                            client_factory=factory)
    httpserver.expect_request("/me", method="GET", headers=AUTH).respond_with_json(ME)
    httpserver.expect_request("/admins", method="GET", headers=AUTH).respond_with_json(ADMINS)
    yield prov
    prov.close()


def test_is_a_provider(provider):
    assert isinstance(provider, Provider)
    assert provider.name == "intercom"


def test_test_connection_names_admin_and_workspace(provider, httpserver):
    assert provider.test_connection() == "Aiko Admin (Acme SDK)"
    assert all(req.headers.get("Intercom-Version") == VERSION for req, _ in httpserver.log)


def test_region_hosts():
    assert IntercomProvider("t", region="eu").base_url == "https://api.eu.intercom.io"
    assert IntercomProvider("t", region="au").base_url == "https://api.au.intercom.io"
    assert IntercomProvider("t").base_url == "https://api.intercom.io"
    with pytest.raises(UserError):
        IntercomProvider("t", region="mars")
    with pytest.raises(UserError) as exc:
        IntercomProvider(CANARY + "\n\x00")
    assert CANARY not in str(exc.value)


def test_search_paginates_to_the_end(provider, httpserver):
    provider.test_connection()  # /me (admin and workspace) is read once and cached before the ordered exchange
    provider.admins()  # so are the teammates (/admins), which name the assignee
    since = datetime(2023, 11, 1, tzinfo=UTC)
    query = {"field": "updated_at", "operator": ">", "value": int(since.timestamp())}
    page_info = {"type": "pages", "page": 1, "per_page": 150, "total_pages": 2,
                 "next": {"page": 2, "starting_after": "WzE3MDAwMDA2MDAwMDAsMTAxXQ=="}}
    httpserver.expect_ordered_request(
        "/conversations/search", method="POST", headers=AUTH,
        json={"query": query, "pagination": {"per_page": 150}},
    ).respond_with_json({"type": "conversation.list", "conversations": [{"type": "conversation", "id": "101"}],
                         "total_count": 2, "pages": page_info})
    httpserver.expect_ordered_request("/conversations/101", method="GET", headers=AUTH).respond_with_json(FULL_101)
    httpserver.expect_ordered_request(
        "/conversations/search", method="POST", headers=AUTH,
        json={"query": query, "pagination": {"per_page": 150, "starting_after": "WzE3MDAwMDA2MDAwMDAsMTAxXQ=="}},
    ).respond_with_json({"type": "conversation.list", "conversations": [{"type": "conversation", "id": "102"}],
                         "total_count": 2,
                         "pages": {"type": "pages", "page": 2, "per_page": 150, "total_pages": 2}})
    httpserver.expect_ordered_request("/conversations/102", method="GET", headers=AUTH).respond_with_json(
        _conversation("102", state="snoozed", tags=()))

    seen, cursor, pages = [], None, 0
    while True:
        page = provider.fetch_page(cursor, since)
        pages += 1
        seen += [t.external_id for t in page.tickets]
        if page.done:
            assert page.cursor is None
            break
        cursor = page.cursor
    httpserver.check_assertions()
    assert pages == 2
    assert seen == ["101", "102"]


def test_conversation_becomes_ticket_with_plain_text_parts(provider, httpserver):
    httpserver.expect_request("/conversations/search", method="POST").respond_with_json(
        {"type": "conversation.list", "conversations": [{"type": "conversation", "id": "101"}], "total_count": 1,
         "pages": {"type": "pages", "page": 1, "per_page": 150, "total_pages": 1}})
    httpserver.expect_request("/conversations/101", method="GET", headers=AUTH).respond_with_json(FULL_101)

    page = provider.fetch_page(None, None)
    assert page.done and page.cursor is None
    [ticket] = page.tickets
    assert ticket.external_id == "101"
    assert ticket.url == "https://app.intercom.com/a/inbox/abc123/inbox/conversation/101"
    assert ticket.title == "Push notifications stopped on Android 14"
    assert ticket.requester_name == "Carol Customer"
    assert ticket.customer == "customer.example"
    assert ticket.status == "open"
    assert ticket.tags == ("sdk", "android")
    assert ticket.created_at == datetime.fromtimestamp(1_700_000_000, UTC)
    assert ticket.updated_at == datetime.fromtimestamp(1_700_000_600, UTC)
    assert ticket.first_response_at == datetime.fromtimestamp(1_700_000_300, UTC)
    assert '"id": "101"' in ticket.raw_json

    ids = [m.external_id for m in ticket.messages]
    assert ids == ["src101", "p2", "p3", "p4"]  # the assignment event has no words and is left out
    source, answer, customer, note = ticket.messages
    assert source.from_customer and source.public and source.body == "Push notifications stopped on Android 14"
    assert not answer.from_customer and answer.public and answer.author_name == "Aiko Admin"
    assert answer.body == "Could you try the push guide (https://docs.vendor.example/push)?\nSteps:\n- update\n- retry"
    assert customer.from_customer and customer.author_name == "Carol Customer"
    # The script is gone and the local image is a harmless placeholder: no markup, no file: URL.
    assert customer.body == "Still broken & here is the log\n[image]"
    for text in (m.body for m in ticket.messages):
        assert "<" not in text and "script" not in text and "file:" not in text
    assert customer.created_at == datetime.fromtimestamp(1_700_000_400, UTC)
    assert [(a.external_id, a.file_name, a.size, a.content_type) for a in customer.attachments] == [
        ("p3/0", "logcat.txt", 2048, "text/plain"), ("p3/1", "screen.png", 4096, "image/png")]
    assert customer.attachments[0].url == "https://downloads.intercomcdn.com/i/o/1/logcat.txt"
    assert '"part_type": "comment"' in customer.raw_json
    assert not note.public and note.body == "Looks like the FCM token refresh bug"


@pytest.mark.parametrize(("state", "status"), [("open", "open"), ("snoozed", "on_hold"), ("closed", "solved"),
                                               ("weird", "open")])
def test_status_mapping(provider, httpserver, state, status):
    httpserver.expect_request("/conversations/search", method="POST").respond_with_json(
        {"type": "conversation.list", "conversations": [{"type": "conversation", "id": "7"}],
         "pages": {"type": "pages", "page": 1}})
    httpserver.expect_request("/conversations/7").respond_with_json(_conversation("7", state=state))
    assert provider.fetch_page(None, None).tickets[0].status == status


def test_conversation_deleted_during_sync_is_skipped(provider, httpserver):
    httpserver.expect_request("/conversations/search", method="POST").respond_with_json(
        {"type": "conversation.list", "conversations": [{"id": "8"}, {"id": "9"}], "pages": {"type": "pages"}})
    httpserver.expect_request("/conversations/8").respond_with_json(
        {"type": "error.list", "errors": [{"code": "not_found", "message": "Resource Not Found"}]}, status=404)
    httpserver.expect_request("/conversations/9").respond_with_json(_conversation("9"))
    assert [t.external_id for t in provider.fetch_page(None, None).tickets] == ["9"]


def test_reply_posts_as_the_token_admin_with_version_header(provider, httpserver):
    """Issue 14 defect 6: nothing but the engineer's words reaches the customer (no visible reference)."""
    marker = "cre-desk:abcd1234abcd1234abcd1234abcd1234"
    expected_body = "<p>Hello &lt;team&gt; &amp; Carol,<br>try 4.2.1</p>"
    new_part = _part("p9", "comment", expected_body, ADMIN, int(time.time()))
    provider.test_connection()  # caches the admin id from /me before the ordered exchange
    httpserver.expect_ordered_request(
        "/conversations/101/reply", method="POST", headers={**AUTH, "Content-Type": "application/json"},
        json={"message_type": "comment", "type": "admin", "admin_id": "991", "body": expected_body},
    ).respond_with_json(_conversation("101", parts=[*FULL_101["conversation_parts"]["conversation_parts"], new_part]))
    part_id = provider.post_reply("101", "Hello <team> & Carol,\ntry 4.2.1", public=True, marker=marker)
    assert part_id == "p9"
    httpserver.check_assertions()
    reply_requests = [req for req, _ in httpserver.log if req.path.endswith("/reply")]
    assert reply_requests[0].headers["Intercom-Version"] == VERSION
    assert b"cre-desk" not in reply_requests[0].get_data()


def test_private_reply_is_a_note(provider, httpserver):
    body = "<p>internal</p>"
    httpserver.expect_request(
        "/conversations/101/reply", method="POST", headers=AUTH,
        json={"message_type": "note", "type": "admin", "admin_id": "991", "body": body},
    ).respond_with_json(_conversation("101", parts=[_part("n1", "note", body, ADMIN, int(time.time()))]))
    assert provider.post_reply("101", "internal", public=False, marker="cre-desk:11112222") == "n1"


def test_find_reply_matches_admin_text_and_time(provider, httpserver):
    """After a lost answer the reply is recognised by its admin, words and time, not a visible marker."""
    from cre_desk.integrations.http_errors import ReplyUncertain

    marker = "cre-desk:feedbeeffeedbeeffeedbeeffeedbeef"
    now = int(time.time())
    httpserver.expect_oneshot_request("/conversations/101/reply", method="POST").respond_with_data(
        "", status=504)
    with pytest.raises(ReplyUncertain):
        provider.post_reply("101", "Fixed in 4.2.2", public=True, marker=marker)
    old_same_text = _part("p5", "comment", "<p>Fixed in 4.2.2</p>", ADMIN, now - 86_400)
    customer_echo = _part("p6", "comment", "<p>Fixed in 4.2.2</p>", USER, now)
    mine = _part("p10", "comment", "<p>Fixed in   4.2.2</p>", ADMIN, now)
    httpserver.expect_request("/conversations/101", method="GET").respond_with_json(
        _conversation("101", parts=[old_same_text, customer_echo, mine]))
    assert provider.find_reply("101", marker) == "p10"
    assert provider.find_reply("101", "cre-desk:00000000000000000000000000000000") is None


def test_bad_conversation_ids_never_reach_the_url(provider):
    with pytest.raises(UserError):
        provider.post_reply("../admins", "x", public=True, marker="[m]")
    with pytest.raises(UserError):
        provider.find_reply("1?x=1", "[m]")


def test_attachment_download(provider, httpserver, tmp_path):
    httpserver.expect_request("/files/logcat.txt").respond_with_data(b"E/FCM: token refresh failed\n" * 10)
    [att] = provider._message(  # one record from documented JSON
        _part("p", "comment", "<p>log</p>", USER, 1, attachments=[
            {"type": "upload", "name": "logcat.txt", "url": httpserver.url_for("/files/logcat.txt"),
             "content_type": "text/plain", "filesize": 290}]),
        fallback_id="p", public=True, created=None).attachments
    dest = tmp_path / "logcat.txt"
    assert provider.download(att, dest, max_bytes=10_000) == 280
    assert dest.read_bytes().startswith(b"E/FCM")


def test_auth_failure_never_shows_the_token(httpserver, caplog):
    prov = IntercomProvider(CANARY, base_url=httpserver.url_for("").rstrip("/"))
    httpserver.expect_request("/me").respond_with_json(
        {"type": "error.list", "errors": [{"code": "unauthorized", "message": "Access Token Invalid"}]}, status=401)
    with pytest.raises(AuthFailed) as exc:
        prov.test_connection()
    assert isinstance(exc.value, IntegrationError)
    for text in (str(exc.value), repr(exc.value), exc.value.detail, caplog.text, repr(prov.__dict__)):
        assert CANARY not in text


def test_text_to_intercom_html():
    assert text_to_intercom_html("a\n\n\nb\r\nc <x>") == "<p>a</p><p>b<br>c &lt;x&gt;</p>"
    assert text_to_intercom_html("") == ""
