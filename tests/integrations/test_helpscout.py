"""HelpScoutProvider against a local server answering Help Scout Mailbox API 2.0's documented shapes.

Why: besides translating HAL conversations and threads, this provider signs in with an OAuth2
client-credentials app (token only in memory, renewed when refused), and must keep the shared guarantees:
an import that resumes and never duplicates, attachments without the token on other hosts, a reply posted
once even when the answer is lost, and 429s waited out as ``X-RateLimit-Retry-After`` asks.
"""

from __future__ import annotations

import json
import logging
from datetime import UTC, datetime

import pytest
from fake_helpdesks import (  # noqa: E402 - sibling helper module
    HS_APP_ID,
    HS_CUSTOMER,
    HS_SECRET,
    FakeHelpScout,
    Fault,
    hs_attachment,
    hs_conversation,
    hs_thread,
)
from pytest_httpserver import HTTPServer

from cre_desk.core.vocabulary import Status
from cre_desk.db.imports import ImportStore, import_all
from cre_desk.integrations.helpscout import HelpScoutClient, HelpScoutProvider
from cre_desk.integrations.http_errors import AuthFailed, IntegrationError, ServerError
from cre_desk.integrations.models import Provider
from cre_desk.integrations.posting import new_marker, post_once
from cre_desk.integrations.reconcile import PendingReplies

LOG = b"E/FCM: token refresh failed\nW/Braze: in-app message not shown\n"


@pytest.fixture
def hs():
    server = FakeHelpScout()
    yield server
    server.close()


@pytest.fixture
def other_host():
    server = HTTPServer(host="127.0.0.2", port=0)
    server.start()
    yield server
    server.clear()
    if server.is_running():
        server.stop()


@pytest.fixture(autouse=True)
def fresh_reply_registry(monkeypatch):
    """Each test starts with no remembered replies (the registry lives as long as the process)."""
    monkeypatch.setattr(HelpScoutProvider, "_pending", PendingReplies())


@pytest.fixture
def store(tmp_path):
    from cre_desk.config import default_paths
    from cre_desk.db.workspace import open_workspace

    ws = open_workspace(default_paths(tmp_path / "home"))
    yield ImportStore(ws.tickets)
    ws.close()


def make_provider(
    url: str, sleeps: list[float] | None = None, *, secret: str = HS_SECRET, mailbox: str = "85", now=None
) -> HelpScoutProvider:
    record = sleeps if sleeps is not None else []

    def factory(base, *, headers):
        return HelpScoutClient(base, headers=headers, sleep=record.append, timeout=(2.0, 5.0), max_retries=2)

    kwargs = {"now": now} if now else {}
    return HelpScoutProvider(
        HS_APP_ID, secret, mailbox=mailbox, base_url=url, client_factory=factory, **kwargs
    )


def seed(hs: FakeHelpScout, count: int = 3) -> None:
    for cid in range(1, count + 1):
        hs.add(
            hs_conversation(
                cid,
                f"2026-01-0{cid}T10:00:00Z",
                threads=[
                    hs_thread(
                        cid * 10,
                        "customer",
                        "<div>The coupon message is not shown</div>",
                        f"2026-01-0{cid}T09:00:00Z",
                    ),
                    hs_thread(cid * 10 + 1, "lineitem", "", f"2026-01-0{cid}T09:01:00Z"),
                    hs_thread(
                        cid * 10 + 2,
                        "message",
                        "<p>Could you send a verbose log?</p>",
                        f"2026-01-0{cid}T09:30:00Z",
                    ),
                    hs_thread(
                        cid * 10 + 3, "note", "<p>Probably the FCM token</p>", f"2026-01-0{cid}T09:31:00Z"
                    ),
                ],
            )
        )


def test_client_credentials_token_then_bearer_and_user_name(hs):
    provider = make_provider(hs.url)
    assert isinstance(provider, Provider)
    assert provider.test_connection() == "Alex Agent"
    token_call, me_call = hs.requests[0], hs.requests[1]
    assert token_call.path == "/v2/oauth2/token" and "Authorization" not in token_call.headers
    assert json.loads(token_call.body) == {
        "grant_type": "client_credentials",
        "client_id": HS_APP_ID,
        "client_secret": HS_SECRET,
    }
    assert me_call.headers["Authorization"] == f"Bearer {hs.tokens[0]}"


def test_mailboxes_are_listed_for_choosing(hs):
    assert make_provider(hs.url).list_mailboxes() == [("85", "Support"), ("86", "SDK Partners")]


def test_wrong_secret_says_what_to_check_after_one_attempt(hs):
    with pytest.raises(AuthFailed, match="App ID and Secret"):
        make_provider(hs.url, secret="wrong").test_connection()
    assert [r.path for r in hs.requests] == ["/v2/oauth2/token"]


def test_refused_token_is_renewed_once_and_expired_token_is_replaced(hs):
    clock = {"t": 1_000_000.0}
    provider = make_provider(hs.url, now=lambda: clock["t"])
    provider.test_connection()
    hs.revoked.add(hs.tokens[0])
    assert provider.list_mailboxes()
    assert len(hs.tokens) == 2
    clock["t"] += hs.expires_in  # past expiry: a new token before the next call, not after a refusal
    before = len(hs.requests)
    provider.list_mailboxes()
    assert [r.path for r in hs.requests[before:]][:2] == ["/v2/oauth2/token", "/v2/mailboxes"]


def test_conversation_threads_and_customer_are_translated(hs):
    seed(hs, 1)
    (t,) = make_provider(hs.url).fetch_page(None, datetime(2026, 1, 1, tzinfo=UTC)).tickets
    assert (t.external_id, t.title, t.requester_name, t.customer) == (
        "1",
        "In-app messages missing 1",
        "Vernon Bear",
        "customer.example",
    )
    assert t.status == Status.OPEN.value and t.tags == ("ios",)
    assert t.url == "https://secure.helpscout.net/conversation/1/15001"
    assert [(m.external_id, m.from_customer, m.public, m.body) for m in t.messages] == [
        ("10", True, True, "The coupon message is not shown"),
        ("12", False, True, "Could you send a verbose log?"),
        ("13", False, False, "Probably the FCM token"),
    ]
    assert t.first_response_at == datetime(2026, 1, 1, 9, 30, tzinfo=UTC)
    query = [r.query for r in hs.requests if r.path == "/v2/conversations"][0]
    assert query == {
        "status": "all",
        "sortField": "modifiedAt",
        "sortOrder": "asc",
        "page": "1",
        "embed": "threads",
        "mailbox": "85",
        "modifiedSince": "2026-01-01T00:00:00Z",
    }


def test_import_resumes_at_the_page_where_it_stopped_and_never_duplicates(hs, store, tmp_path):
    seed(hs, 5)
    original = hs.route
    # Page 2 of the list fails (after retries), after page 1 was imported.
    hs.route = lambda seen: (
        (500, {"message": "boom"}, {})
        if seen.path == "/v2/conversations" and seen.query.get("page") == "2"
        else original(seen)
    )
    provider = make_provider(hs.url)
    since = datetime(2026, 1, 1, tzinfo=UTC)
    with pytest.raises(ServerError):
        import_all(store, provider, "helpscout-acme", temp_dir=tmp_path / "t", since=since)
    assert len(store.service.list_queue()) == 2
    hs.route = original
    resumed_at = len(hs.requests)
    result = import_all(store, make_provider(hs.url), "helpscout-acme", temp_dir=tmp_path / "t", since=since)
    pages = [r.query["page"] for r in hs.requests[resumed_at:] if r.path == "/v2/conversations"]
    assert pages == ["2", "3"]
    assert result.tickets_created == 3 and len(store.service.list_queue()) == 5
    # Next sync: from the start of the finished pass; nothing new, nothing duplicated.
    again = import_all(store, make_provider(hs.url), "helpscout-acme", temp_dir=tmp_path / "t")
    assert (again.tickets_created, again.messages_added) == (0, 0)
    last = [r.query for r in hs.requests if r.path == "/v2/conversations"][-1]
    assert last["modifiedSince"] > "2026-01-05T10:00:00Z" and last["page"] == "1"


def test_conversation_moving_during_a_pass_keeps_the_old_start_date(hs):
    seed(hs, 4)
    provider = make_provider(hs.url)
    since = datetime(2026, 1, 1, tzinfo=UTC)
    page = provider.fetch_page(None, since)
    hs.conversations[1]["_modified"] = "2026-02-01T00:00:00Z"  # changed mid-pass: moves to the end
    while not page.done:
        page = provider.fetch_page(page.cursor, since)
    assert json.loads(page.cursor) == {"since": "2026-01-01T00:00:00Z", "page": 1}


def test_attachment_file_redirected_to_storage_arrives_without_the_token(hs, other_host, store, tmp_path):
    hs.add(
        hs_conversation(
            1,
            "2026-01-02T10:00:00Z",
            threads=[
                hs_thread(
                    10,
                    "customer",
                    "log attached",
                    "2026-01-02T09:00:00Z",
                    attachments=[hs_attachment(5000, "device.log", len(LOG), 1)],
                )
            ],
        )
    )
    other_host.expect_request("/attachments/5000/device.log").respond_with_data(
        LOG, content_type="text/plain"
    )
    original = hs.route

    def route(seen):
        if seen.path.endswith("/attachments/5000/file"):
            return 302, b"", {"Location": other_host.url_for("/attachments/5000/device.log")}
        return original(seen)

    hs.route = route
    result = import_all(
        store,
        make_provider(hs.url),
        "helpscout-acme",
        temp_dir=tmp_path / "t",
        since=datetime(2026, 1, 1, tzinfo=UTC),
    )
    assert result.attachments_added == 1 and not result.problems
    detail = store.service.get_ticket(store.service.list_queue()[0].id)
    assert store.service.attachment_path(detail.attachments[0]).read_bytes() == LOG
    assert other_host.log[0][0].headers.get("Authorization") is None
    assert all(token not in str(other_host.log[0][0].headers) for token in hs.tokens)


def test_attachment_falls_back_to_the_base64_data_endpoint(hs, tmp_path):
    hs.add(
        hs_conversation(
            1,
            "2026-01-02T10:00:00Z",
            threads=[
                hs_thread(
                    10,
                    "customer",
                    "log attached",
                    "2026-01-02T09:00:00Z",
                    attachments=[hs_attachment(5000, "device.log", len(LOG), 1)],
                )
            ],
        )
    )
    hs.attachments[5000] = LOG
    original = hs.route
    hs.route = lambda seen: (404, None, {}) if seen.path.endswith("/file") else original(seen)
    provider = make_provider(hs.url)
    (t,) = provider.fetch_page(None, datetime(2026, 1, 1, tzinfo=UTC)).tickets
    dest = tmp_path / "device.log"
    assert provider.download(t.messages[0].attachments[0], dest, 1 << 20) == len(LOG)
    assert dest.read_bytes() == LOG and hs.count("GET", "/v2/conversations/1/attachments/5000/data") == 1


def test_reply_is_posted_once_to_the_customer_with_the_resource_id(hs):
    seed(hs, 1)
    marker = new_marker()
    result = post_once(
        make_provider(hs.url), "1", "Fixed in 4.3.\n\nPlease update.", public=True, marker=marker
    )
    assert result.message_id == str(hs.next_id) and not result.reconciled
    (post,) = [r for r in hs.requests if r.method == "POST" and r.path != "/v2/oauth2/token"]
    assert post.path == "/v2/conversations/1/reply"
    assert json.loads(post.body) == {
        "customer": {"id": HS_CUSTOMER["id"]},
        "text": "<p>Fixed in 4.3.</p><p>Please update.</p>",
    }
    assert marker not in post.body.decode()


def test_note_goes_to_notes(hs):
    seed(hs, 1)
    post_once(make_provider(hs.url), "1", "Internal: FCM token rotated", public=False, marker=new_marker())
    (post,) = [r for r in hs.requests if r.method == "POST" and r.path != "/v2/oauth2/token"]
    assert post.path == "/v2/conversations/1/notes" and json.loads(post.body) == {
        "text": "<p>Internal: FCM token rotated</p>"
    }


def test_reply_whose_answer_is_lost_is_found_not_posted_again(hs):
    seed(hs, 1)
    hs.fail("POST", "/v2/conversations/1/reply", Fault(drop_after=True))
    result = post_once(make_provider(hs.url), "1", "Fixed in 4.3", public=True, marker=new_marker())
    assert result.reconciled and result.message_id == str(hs.next_id)
    assert hs.count("POST", "/v2/conversations/1/reply") == 1


def test_lost_answer_with_nothing_saved_reports_not_posted(hs):
    seed(hs, 1)
    original = hs.route
    hs.route = lambda seen: (201, None, {}) if seen.path.endswith("/reply") else original(seen)
    hs.fail("POST", "/v2/conversations/1/reply", Fault(drop_after=True))
    result = post_once(make_provider(hs.url), "1", "Fixed in 4.3", public=True, marker=new_marker())
    assert result.message_id is None and hs.count("POST", "/v2/conversations/1/reply") == 1


def test_429_waits_as_x_ratelimit_retry_after_says(hs):
    seed(hs, 1)
    hs.fail(
        "GET",
        "/v2/conversations",
        Fault(
            429,
            {
                "X-RateLimit-Limit-Minute": "200",
                "X-RateLimit-Remaining-Minute": "0",
                "X-RateLimit-Retry-After": "9",
            },
            {"message": "Too many"},
        ),
    )
    sleeps: list[float] = []
    page = make_provider(hs.url, sleeps).fetch_page(None, datetime(2026, 1, 1, tzinfo=UTC))
    assert [t.external_id for t in page.tickets] == ["1"] and sleeps == [9.0]


def test_429_on_reply_is_retried_because_nothing_was_posted(hs):
    seed(hs, 1)
    hs.fail("POST", "/v2/conversations/1/reply", Fault(429, {"X-RateLimit-Retry-After": "3"}, {}))
    sleeps: list[float] = []
    result = post_once(make_provider(hs.url, sleeps), "1", "Fixed", public=True, marker=new_marker())
    assert result.message_id is not None and sleeps == [3.0]
    assert sum(1 for t in hs.conversations[1]["_threads"] if t["type"] == "message") == 2


def test_secret_and_token_never_leak(hs, caplog):
    caplog.set_level(logging.DEBUG)
    provider = make_provider(hs.url)
    provider.test_connection()
    hs.conversations.clear()
    original = hs.route
    hs.route = lambda seen: (
        (200, b"<html>down</html>", {"Content-Type": "text/html"})
        if seen.path == "/v2/conversations"
        else original(seen)
    )
    errors = []
    with pytest.raises(IntegrationError) as info:
        provider.fetch_page(None, None)
    errors.append(info.value)
    with pytest.raises(IntegrationError) as info:
        make_provider(hs.url, secret="hss_CANARY_wrong").test_connection()
    errors.append(info.value)
    blob = "\n".join(
        [
            caplog.text,
            repr(provider),
            str(vars(provider)),
            repr(provider._client),
            repr(provider._token_client),
            *(f"{e!s} {e!r} {e.detail}" for e in errors),
        ]
    )
    for secret in (HS_SECRET, "hss_CANARY_wrong", *hs.tokens):
        assert secret not in blob


def test_validation_error_says_what_help_scout_objected_to(hs):
    seed(hs, 1)
    hs.fail(
        "POST",
        "/v2/conversations/1/reply",
        Fault(
            400,
            {},
            {
                "logRef": "64bb72b4-0a92-11e8-ba89-0ed5f89f718b",
                "message": "Bad request",
                "_embedded": {"errors": [{"path": "text", "message": "may not be empty", "source": "JSON"}]},
            },
        ),
    )
    with pytest.raises(IntegrationError, match="Bad request: text: may not be empty"):
        post_once(make_provider(hs.url), "1", "x", public=True, marker=new_marker())
    assert hs.count("POST", "/v2/conversations/1/reply") == 1


def test_nearly_spent_minute_budget_spaces_out_the_next_request(hs):
    seed(hs, 1)
    original = hs.route

    def route(seen):
        status, data, headers = original(seen)
        if seen.path == "/v2/users/me":
            headers = {**headers, "X-RateLimit-Limit-Minute": "400", "X-RateLimit-Remaining-Minute": "1"}
        return status, data, headers

    hs.route = route
    sleeps: list[float] = []
    provider = make_provider(hs.url, sleeps)
    provider.test_connection()
    assert sleeps == []
    provider.list_mailboxes()
    assert sleeps == [pytest.approx(60 / 400 * 20)]  # reserve 20 of 400, 1 left


def test_unreadable_saved_position_starts_from_the_sync_date(hs):
    seed(hs, 1)
    page = make_provider(hs.url).fetch_page("not json", datetime(2026, 1, 1, tzinfo=UTC))
    assert [t.external_id for t in page.tickets] == ["1"]
    assert [r.query for r in hs.requests if r.path == "/v2/conversations"][0][
        "modifiedSince"
    ] == "2026-01-01T00:00:00Z"


def test_reply_committed_after_the_check_is_found_by_a_later_client(hs):
    seed(hs, 1)
    original = hs.route
    hs.route = lambda seen: (201, None, {}) if seen.path.endswith("/reply") else original(seen)
    hs.fail("POST", "/v2/conversations/1/reply", Fault(drop_after=True))
    marker = new_marker()
    assert (
        post_once(make_provider(hs.url), "1", "Fixed in 4.3", public=True, marker=marker).message_id is None
    )
    hs.route = original
    hs.conversations[1]["_threads"].append(
        hs_thread(777, "message", "<p>Fixed in 4.3</p>", datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"))
    )
    assert make_provider(hs.url).find_reply("1", marker) == "777"


def test_spam_and_draft_conversations_are_not_imported(hs):
    seed(hs, 3)
    hs.conversations[1]["status"] = "spam"
    hs.conversations[2]["state"] = "draft"
    provider = make_provider(hs.url)
    page, seen = provider.fetch_page(None, datetime(2026, 1, 1, tzinfo=UTC)), []
    while True:
        seen += [t.external_id for t in page.tickets]
        if page.done:
            break
        page = provider.fetch_page(page.cursor, datetime(2026, 1, 1, tzinfo=UTC))
    assert seen == ["3"]
