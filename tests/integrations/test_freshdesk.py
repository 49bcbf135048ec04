"""FreshdeskProvider against a local server answering Freshdesk API v2's documented shapes.

Why: the provider translates Freshdesk's tickets, conversations and attachments into our records and must
keep the same guarantees as Zendesk and Intercom: an import that resumes after an interruption and never
duplicates, attachments fetched from S3 without the API key, a reply posted once even when the answer is
lost, and 429s waited out as ``Retry-After`` asks.
"""

from __future__ import annotations

import base64
import json
import logging
from datetime import UTC, datetime

import pytest
from fake_helpdesks import (  # noqa: E402 - sibling helper module
    FD_AGENT,
    FD_AUTH,
    FD_KEY,
    FD_REQUESTER,
    FakeFreshdesk,
    Fault,
    fd_attachment,
    fd_conversation,
    fd_ticket,
)
from pytest_httpserver import HTTPServer

from cre_desk.core.vocabulary import Status
from cre_desk.db.imports import ImportStore, import_all
from cre_desk.errors import UserError
from cre_desk.integrations.freshdesk import FreshdeskClient, FreshdeskProvider, domain_from, map_status
from cre_desk.integrations.http_errors import AuthFailed, IntegrationError, RateLimited, ServerError
from cre_desk.integrations.models import Provider
from cre_desk.integrations.posting import new_marker, post_once
from cre_desk.integrations.reconcile import PendingReplies

LOG = b"E/FCM: token refresh failed\nW/Braze: push not shown\n"


@pytest.fixture
def fd():
    server = FakeFreshdesk()
    yield server
    server.close()


@pytest.fixture
def other_host():
    """S3 stand-in on another loopback address: presigned attachment links point there."""
    server = HTTPServer(host="127.0.0.2", port=0)
    server.start()
    yield server
    server.clear()
    if server.is_running():
        server.stop()


@pytest.fixture(autouse=True)
def fresh_reply_registry(monkeypatch):
    """Each test starts with no remembered replies (the registry lives as long as the process)."""
    monkeypatch.setattr(FreshdeskProvider, "_pending", PendingReplies())


@pytest.fixture
def store(tmp_path):
    from cre_desk.config import default_paths
    from cre_desk.db.workspace import open_workspace

    ws = open_workspace(default_paths(tmp_path / "home"))
    yield ImportStore(ws.tickets)
    ws.close()


def make_provider(url: str, sleeps: list[float] | None = None, *, per_page: int = 2,
                  key: str = FD_KEY) -> FreshdeskProvider:
    record = sleeps if sleeps is not None else []

    def factory(base, *, headers):
        return FreshdeskClient(base, headers=headers, sleep=record.append, timeout=(2.0, 5.0), max_retries=2)

    return FreshdeskProvider("acme", key, base_url=url, client_factory=factory, per_page=per_page)


def seed(fd: FakeFreshdesk, count: int = 5) -> None:
    for tid in range(1, count + 1):
        fd.add(fd_ticket(tid, f"2026-01-0{tid}T10:00:00Z"), [
            fd_conversation(tid * 10, tid, FD_REQUESTER["id"], f"Still broken on build {tid}",
                            f"2026-01-0{tid}T09:30:00Z", incoming=True),
            fd_conversation(tid * 10 + 1, tid, FD_AGENT["id"], "Could you send a verbose log?",
                            f"2026-01-0{tid}T09:40:00Z"),
            fd_conversation(tid * 10 + 2, tid, FD_AGENT["id"], "Looks like the FCM token",
                            f"2026-01-0{tid}T09:45:00Z", private=True),
        ])


def test_provider_satisfies_protocol_and_names_the_agent(fd):
    provider = make_provider(fd.url)
    assert isinstance(provider, Provider)
    assert provider.test_connection() == "Alex Agent"
    assert fd.requests[0].headers["Authorization"] == FD_AUTH   # API key as user, "X" as password


@pytest.mark.parametrize("text", ["acme", "ACME.freshdesk.com", "https://acme.freshdesk.com/a/tickets/7"])
def test_domain_accepts_name_host_or_pasted_address(text):
    assert domain_from(text) == "acme"


@pytest.mark.parametrize("text", ["", "acme corp", "https://"])
def test_domain_rejects_what_is_not_a_freshdesk_name(text):
    with pytest.raises(UserError, match="Freshdesk domain"):
        domain_from(text)


@pytest.mark.parametrize(
    "value, status",
    [
        (2, Status.OPEN),
        (3, Status.WAITING_CUSTOMER),
        (4, Status.SOLVED),
        (5, Status.CLOSED),
        (6, Status.WAITING_CUSTOMER),
        (7, Status.ON_HOLD),
        (12, Status.OPEN),
        (None, Status.OPEN),
    ],
)
def test_status_numbers_map_to_our_statuses(value, status):
    assert map_status(value) == status.value


def test_pages_follow_the_updated_at_watermark_with_the_documented_query(fd):
    seed(fd, 5)
    provider = make_provider(fd.url)
    since = datetime(2026, 1, 1, tzinfo=UTC)
    pages, cursor = [], None
    for _ in range(10):
        page = provider.fetch_page(cursor, since)
        pages.append([t.external_id for t in page.tickets])
        cursor = page.cursor
        if page.done:
            break
    assert [tid for ids in pages for tid in ids] == ["1", "2", "3", "4", "5"]
    lists = [r.query for r in fd.requests if r.path == "/api/v2/tickets"]
    assert lists[0] == {
        "updated_since": "2026-01-01T00:00:00Z",
        "order_by": "updated_at",
        "order_type": "asc",
        "include": "requester",
        "page": "1",
        "per_page": "2",
    }
    # Each next request starts again a second before the newest change seen, never deep in page numbers;
    # the ticket seen at the boundary is not imported twice.
    assert [q["updated_since"] for q in lists[1:]] == [f"2026-01-0{d}T09:59:59Z" for d in (2, 3, 4, 5)]
    assert {q["page"] for q in lists} == {"1"}
    assert json.loads(cursor) == {"since": "2026-01-05T09:59:59Z", "page": 1}


def test_ticket_description_conversations_and_requester_are_translated(fd):
    seed(fd, 1)
    (t,) = make_provider(fd.url).fetch_page(None, datetime(2026, 1, 1, tzinfo=UTC)).tickets
    assert (t.external_id, t.title, t.requester_name, t.customer) == (
        "1",
        "Push notifications stopped 1",
        "Jimmy Jin",
        "customer.example",
    )
    assert t.status == Status.OPEN.value and t.tags == ("ios", "push")
    assert t.url.endswith("/a/tickets/1")
    assert [(m.author_name, m.from_customer, m.public, m.body) for m in t.messages] == [
        ("Jimmy Jin", True, True, "Pushes stopped after upgrading the SDK (1)."),
        ("Jimmy Jin", True, True, "Still broken on build 1"),
        ("Alex Agent", False, True, "Could you send a verbose log?"),
        ("Alex Agent", False, False, "Looks like the FCM token"),
    ]
    assert t.first_response_at == datetime(2026, 1, 1, 9, 40, tzinfo=UTC)


def test_same_second_page_steps_through_page_numbers(fd):
    for tid in range(1, 6):
        fd.add(fd_ticket(tid, "2026-01-03T10:00:00Z"))
    provider = make_provider(fd.url)
    cursor, seen = None, []
    for _ in range(10):
        page = provider.fetch_page(cursor, datetime(2026, 1, 1, tzinfo=UTC))
        seen += [t.external_id for t in page.tickets]
        cursor = page.cursor
        if page.done:
            break
    assert sorted(seen) == ["1", "2", "3", "4", "5"]
    assert [r.query["page"] for r in fd.requests if r.path == "/api/v2/tickets"][-1] == "3"


def test_import_resumes_after_an_interruption_without_duplicates(fd, store, tmp_path):
    seed(fd, 5)
    sleeps: list[float] = []
    provider = make_provider(fd.url, sleeps)
    # From the third list request on, Freshdesk fails: the first two pages are already safely imported.
    calls = {"n": 0}
    original = fd.route

    def route(seen):
        if seen.path == "/api/v2/tickets":
            calls["n"] += 1
            if calls["n"] >= 3:
                return 503, {"code": "service_unavailable"}, {}
        return original(seen)

    fd.route = route
    since = datetime(2026, 1, 1, tzinfo=UTC)
    with pytest.raises(ServerError):
        import_all(store, provider, "freshdesk-acme", temp_dir=tmp_path / "t", since=since)
    assert len(store.service.list_queue()) == 3
    fd.route = original
    views_before = fd.count("GET", "/api/v2/tickets/1")
    resumed_at = len(fd.requests)
    result = import_all(store, make_provider(fd.url), "freshdesk-acme", temp_dir=tmp_path / "t", since=since)
    assert {t.title for t in store.service.list_queue()} == {
        f"Push notifications stopped {i}" for i in range(1, 6)
    }
    assert result.tickets_created == 2
    assert fd.count("GET", "/api/v2/tickets/1") == views_before  # ticket 1 was not read again
    resumed = [r.query["updated_since"] for r in fd.requests[resumed_at:] if r.path == "/api/v2/tickets"]
    assert resumed[0] == "2026-01-03T09:59:59Z"


def test_reimport_refreshes_status_and_adds_only_new_messages(fd, store, tmp_path):
    seed(fd, 2)
    since = datetime(2026, 1, 1, tzinfo=UTC)
    first = import_all(store, make_provider(fd.url), "freshdesk-acme", temp_dir=tmp_path / "t", since=since)
    assert (first.tickets_created, first.messages_added) == (2, 8)
    fd.tickets[2].update(status=4, updated_at="2026-01-07T08:00:00Z")
    fd.conversations[2].append(
        fd_conversation(
            99, 2, FD_REQUESTER["id"], "Works now, thanks!", "2026-01-07T07:59:00Z", incoming=True
        )
    )
    again = import_all(store, make_provider(fd.url), "freshdesk-acme", temp_dir=tmp_path / "t")
    assert (again.tickets_created, again.messages_added) == (0, 1)
    solved = [t for t in store.service.list_queue() if t.title.endswith(" 2")][0]
    assert store.service.get_ticket(solved.id).status == Status.SOLVED.value
    # Importing the unchanged account once more adds nothing at all.
    third = import_all(store, make_provider(fd.url), "freshdesk-acme", temp_dir=tmp_path / "t")
    assert (third.tickets_created, third.messages_added, third.attachments_added) == (0, 0, 0)


def test_attachment_redirected_to_s3_arrives_without_the_api_key(fd, other_host, store, tmp_path):
    s3_path = "/cdn.freshdesk.com/data/helpdesk/attachments/production/5001/original/device.log"
    other_host.expect_request(s3_path).respond_with_data(LOG, content_type="text/plain")
    # The attachment link is on the API host and redirects to a presigned S3 address, as Freshdesk's CDN does.
    fd.add(
        fd_ticket(
            1,
            "2026-01-02T10:00:00Z",
            attachments=[fd_attachment(5001, "device.log", fd.url + "/attachments/5001", len(LOG))],
        )
    )
    original = fd.route

    def route(seen):
        if seen.path == "/attachments/5001":
            return (
                302,
                b"",
                {"Location": other_host.url_for(s3_path) + "?X-Amz-Expires=300&X-Amz-Signature=abc"},
            )
        return original(seen)

    fd.route = route
    result = import_all(
        store,
        make_provider(fd.url),
        "freshdesk-acme",
        temp_dir=tmp_path / "t",
        since=datetime(2026, 1, 1, tzinfo=UTC),
    )
    assert result.attachments_added == 1 and not result.problems
    detail = store.service.get_ticket(store.service.list_queue()[0].id)
    assert store.service.attachment_path(detail.attachments[0]).read_bytes() == LOG
    s3_request = other_host.log[0][0]
    assert s3_request.headers.get("Authorization") is None
    assert FD_KEY not in str(s3_request.headers) and FD_AUTH.split()[1] not in str(s3_request.headers)


def test_expired_presigned_link_is_renewed_once(fd, other_host, tmp_path):
    other_host.expect_request("/old").respond_with_data(
        "<Error><Code>AccessDenied</Code><Message>Request has expired</Message></Error>",
        status=403,
        content_type="application/xml",
    )
    other_host.expect_request("/new").respond_with_data(LOG, content_type="text/plain")
    fd.add(
        fd_ticket(
            1,
            "2026-01-02T10:00:00Z",
            attachments=[fd_attachment(5001, "device.log", other_host.url_for("/old"), len(LOG))],
        )
    )
    provider = make_provider(fd.url)
    (t,) = provider.fetch_page(None, datetime(2026, 1, 1, tzinfo=UTC)).tickets
    fd.tickets[1]["attachments"][0]["attachment_url"] = other_host.url_for("/new")
    dest = tmp_path / "device.log"
    assert provider.download(t.messages[0].attachments[0], dest, 1 << 20) == len(LOG)
    assert dest.read_bytes() == LOG


def test_reply_is_posted_once_as_html_without_a_visible_marker(fd):
    seed(fd, 1)
    marker = new_marker()
    result = post_once(
        make_provider(fd.url), "1", "Fixed in 4.3.\n\nPlease update.", public=True, marker=marker
    )
    assert result.message_id is not None and not result.reconciled
    posts = [r for r in fd.requests if r.method == "POST"]
    assert [p.path for p in posts] == ["/api/v2/tickets/1/reply"]
    sent = json.loads(posts[0].body)
    assert sent == {"body": "<p>Fixed in 4.3.</p><p>Please update.</p>"}
    assert marker not in posts[0].body.decode()


def test_private_note_goes_to_notes(fd):
    seed(fd, 1)
    post_once(make_provider(fd.url), "1", "Internal: FCM token rotated", public=False, marker=new_marker())
    (post,) = [r for r in fd.requests if r.method == "POST"]
    assert post.path == "/api/v2/tickets/1/notes" and json.loads(post.body)["private"] is True


def test_reply_whose_answer_is_lost_is_found_not_posted_again(fd):
    seed(fd, 1)
    fd.fail("POST", "/api/v2/tickets/1/reply", Fault(drop_after=True))
    provider = make_provider(fd.url)
    result = post_once(provider, "1", "Fixed in 4.3", public=True, marker=new_marker())
    assert result.reconciled and result.message_id == str(fd.conversations[1][-1]["id"])
    assert fd.count("POST", "/api/v2/tickets/1/reply") == 1


def test_lost_answer_with_nothing_saved_reports_not_posted(fd):
    seed(fd, 1)
    provider = make_provider(fd.url)
    original = fd.route

    def route(seen):
        if seen.method == "POST":  # the request reached the server but nothing was saved
            return 200, None, {}
        return original(seen)

    fd.route = route
    fd.fail("POST", "/api/v2/tickets/1/reply", Fault(drop_after=True))
    result = post_once(provider, "1", "Fixed in 4.3", public=True, marker=new_marker())
    assert result.message_id is None and result.reconciled
    assert fd.count("POST", "/api/v2/tickets/1/reply") == 1


def test_someone_elses_identical_words_are_not_taken_for_our_reply(fd):
    seed(fd, 1)
    fd.conversations[1].append(
        fd_conversation(
            555,
            1,
            FD_REQUESTER["id"],
            "Fixed in 4.3",
            datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
            incoming=True,
        )
    )
    original = fd.route
    fd.route = lambda seen: (200, None, {}) if seen.method == "POST" else original(seen)
    fd.fail("POST", "/api/v2/tickets/1/reply", Fault(drop_after=True))
    result = post_once(make_provider(fd.url), "1", "Fixed in 4.3", public=True, marker=new_marker())
    assert result.message_id is None


def test_429_waits_as_retry_after_says_then_continues(fd):
    seed(fd, 1)
    fd.fail(
        "GET",
        "/api/v2/tickets",
        Fault(
            429,
            {"Retry-After": "7", "X-RateLimit-Total": "200", "X-RateLimit-Remaining": "0"},
            {"code": "rate_limited"},
        ),
    )
    sleeps: list[float] = []
    page = make_provider(fd.url, sleeps).fetch_page(None, datetime(2026, 1, 1, tzinfo=UTC))
    assert [t.external_id for t in page.tickets] == ["1"]
    assert sleeps == [7.0]
    assert fd.count("GET", "/api/v2/tickets") == 2


def test_429_on_reply_is_retried_because_nothing_was_posted(fd):
    seed(fd, 1)
    fd.fail("POST", "/api/v2/tickets/1/reply", Fault(429, {"Retry-After": "2"}, {"code": "rate_limited"}))
    sleeps: list[float] = []
    result = post_once(make_provider(fd.url, sleeps), "1", "Fixed", public=True, marker=new_marker())
    assert result.message_id is not None and sleeps == [2.0]
    assert len(fd.conversations[1]) == 4  # exactly one reply


def test_long_retry_after_is_reported_not_slept(fd):
    fd.fail("GET", "/api/v2/tickets", Fault(429, {"Retry-After": "3600"}, {"code": "rate_limited"}))
    sleeps: list[float] = []
    with pytest.raises(RateLimited):
        make_provider(fd.url, sleeps).fetch_page(None, datetime(2026, 1, 1, tzinfo=UTC))
    assert sleeps == []


def test_wrong_key_is_an_auth_failure_and_the_key_never_leaks(fd, caplog):
    caplog.set_level(logging.DEBUG)
    provider = make_provider(fd.url, key="fdk_CANARY_wrong_key_999")
    errors = []
    for call in (provider.test_connection, lambda: provider.fetch_page(None, None)):
        with pytest.raises(IntegrationError) as info:
            call()
        errors.append(info.value)
    assert isinstance(errors[0], AuthFailed)
    blob = "\n".join(
        [
            caplog.text,
            repr(provider),
            str(vars(provider)),
            repr(provider._client),
            *(f"{e!s} {e!r} {e.detail}" for e in errors),
        ]
    )
    for form in ("fdk_CANARY_wrong_key_999", base64.b64encode(b"fdk_CANARY_wrong_key_999:X").decode()):
        assert form not in blob


def test_validation_error_says_what_freshdesk_objected_to(fd):
    seed(fd, 1)
    fd.fail(
        "POST",
        "/api/v2/tickets/1/reply",
        Fault(
            400,
            {},
            {
                "description": "Validation failed",
                "errors": [{"field": "body", "message": "It should not be blank", "code": "missing_field"}],
            },
        ),
    )
    with pytest.raises(IntegrationError, match="Validation failed: body: It should not be blank") as info:
        post_once(make_provider(fd.url), "1", "x", public=True, marker=new_marker())
    assert info.value.status == 400 and fd.count("POST", "/api/v2/tickets/1/reply") == 1


def test_nearly_spent_budget_spaces_out_the_next_request(fd):
    seed(fd, 1)
    original = fd.route

    def route(seen):
        status, data, headers = original(seen)
        if seen.path == "/api/v2/tickets":
            headers = {**headers, "X-RateLimit-Total": "200", "X-RateLimit-Remaining": "4"}
        return status, data, headers

    fd.route = route
    sleeps: list[float] = []
    make_provider(fd.url, sleeps).fetch_page(None, datetime(2026, 1, 1, tzinfo=UTC))
    # 200 a minute with 4 left (reserve 10): the next request waits 7 x 0.3 s instead of running into 429.
    assert sleeps == [pytest.approx(2.1)]


def test_attachment_gone_from_storage_is_a_file_problem_not_a_key_problem(fd, other_host, store, tmp_path):
    other_host.expect_request("/gone").respond_with_data(
        "<Error><Code>AccessDenied</Code></Error>", status=403, content_type="application/xml"
    )
    fd.add(
        fd_ticket(
            1,
            "2026-01-02T10:00:00Z",
            attachments=[fd_attachment(5001, "device.log", other_host.url_for("/gone"), len(LOG))],
        )
    )
    result = import_all(
        store,
        make_provider(fd.url),
        "freshdesk-acme",
        temp_dir=tmp_path / "t",
        since=datetime(2026, 1, 1, tzinfo=UTC),
    )
    assert result.tickets_created == 1 and result.attachments_added == 0
    (problem,) = result.problems
    assert "no longer offers" in problem and "token" not in problem and "credentials" not in problem


def test_reply_committed_after_the_check_is_found_by_a_later_client(fd):
    """The reply tab builds a new client for a retry: it must still recognise a reply that landed late."""
    seed(fd, 1)
    original = fd.route
    fd.route = lambda seen: (201, None, {}) if seen.method == "POST" else original(seen)
    fd.fail("POST", "/api/v2/tickets/1/reply", Fault(drop_after=True))
    marker = new_marker()
    assert (
        post_once(make_provider(fd.url), "1", "Fixed in 4.3", public=True, marker=marker).message_id is None
    )
    fd.route = original
    late = fd_conversation(
        777, 1, FD_AGENT["id"], "Fixed in 4.3", datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    )
    fd.conversations[1].append(late)
    assert make_provider(fd.url).find_reply("1", marker) == "777"


def test_two_identical_replies_are_never_taken_for_one_another(fd):
    seed(fd, 1)
    first_marker, second_marker = new_marker(), new_marker()
    first = post_once(make_provider(fd.url), "1", "Thanks, closing this.", public=True, marker=first_marker)
    fd.fail("POST", "/api/v2/tickets/1/reply", Fault(drop_after=True))
    second = post_once(make_provider(fd.url), "1", "Thanks, closing this.", public=True, marker=second_marker)
    assert second.reconciled and second.message_id not in (None, first.message_id)
    assert make_provider(fd.url).find_reply("1", first_marker) in (None, first.message_id)


def test_ticket_changed_in_the_same_second_across_a_page_edge_is_not_missed(fd):
    """Whether or not Freshdesk counts ``updated_since`` inclusively, the watermark leaves no gap."""
    fd.exclusive_since = True
    fd.add(fd_ticket(1, "2026-01-02T10:00:00Z"))
    fd.add(fd_ticket(2, "2026-01-03T10:00:00Z"))
    fd.add(fd_ticket(3, "2026-01-03T10:00:00Z"))  # same second as 2, but on the next page
    provider = make_provider(fd.url)
    cursor, seen = None, []
    for _ in range(10):
        page = provider.fetch_page(cursor, datetime(2026, 1, 1, tzinfo=UTC))
        seen += [t.external_id for t in page.tickets]
        cursor = page.cursor
        if page.done:
            break
    assert sorted(seen) == ["1", "2", "3"]


def test_the_requesters_company_names_the_customer(fd):
    ticket = fd_ticket(1, "2026-01-02T10:00:00Z")
    ticket["company_id"] = 153001657645
    fd.add(ticket)
    (t,) = make_provider(fd.url).fetch_page(None, datetime(2026, 1, 1, tzinfo=UTC)).tickets
    assert t.customer == "Customer Corp"
    assert [r.query for r in fd.requests if r.path == "/api/v2/tickets/1"] == [{"include": "company"}]
