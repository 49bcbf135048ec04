"""GitHubClient against a local HTTP server speaking GitHub's documented REST JSON (API version 2022-11-28)."""

from __future__ import annotations

import logging
import time
from datetime import UTC, datetime

import pytest

from cre_desk.errors import UserError
from cre_desk.integrations.github import API_VERSION, GitHubClient, IssueState, parse_issue_ref
from cre_desk.integrations.http_errors import AuthFailed, NotFound, RateLimited

CANARY = "ghp_CANARY0000000000000000000000000000000"
HEADERS = {"Authorization": f"Bearer {CANARY}", "Accept": "application/vnd.github+json",
           "X-GitHub-Api-Version": API_VERSION}
ISSUE_PATH = "/repos/acme/android-sdk/issues/12"


def _issue(state="open", state_reason=None, closed_at=None):
    return {
        "id": 1, "node_id": "MDU6SXNzdWUx", "number": 12, "title": "Push token not refreshed after restore",
        "state": state, "state_reason": state_reason, "locked": False,
        "url": "https://api.github.com/repos/acme/android-sdk/issues/12",
        "html_url": "https://github.com/acme/android-sdk/issues/12",
        "user": {"login": "octocat", "id": 1},
        "labels": [{"id": 208045946, "name": "bug", "color": "f29513", "default": True},
                   {"id": 208045947, "name": "push", "color": "a2eeef", "default": False}],
        "assignees": [], "milestone": {"id": 1002604, "number": 1, "title": "v4.3.0", "state": "open"},
        "comments": 3, "created_at": "2026-10-01T09:00:00Z", "updated_at": "2026-11-20T10:30:00Z",
        "closed_at": closed_at, "author_association": "MEMBER", "body": "Steps...",
    }


@pytest.fixture
def sleeps():
    return []


@pytest.fixture
def waits():
    return []


@pytest.fixture
def client(httpserver, sleeps, waits):
    gh = GitHubClient(CANARY, base_url=httpserver.url_for("").rstrip("/"), sleep=sleeps.append,
                      on_wait=lambda seconds, reason: waits.append((seconds, reason)))
    yield gh
    gh.close()


# ------------------------------------------------------------------------------------------ references


@pytest.mark.parametrize(("text", "expected"), [
    ("https://github.com/acme/android-sdk/issues/12", ("acme", "android-sdk", 12)),
    ("https://github.com/acme/android-sdk/issues/12/", ("acme", "android-sdk", 12)),
    ("https://github.com/acme/android-sdk/issues/12#issuecomment-99", ("acme", "android-sdk", 12)),
    ("https://github.com/acme/android-sdk/issues/12?q=1", ("acme", "android-sdk", 12)),
    ("  https://www.github.com/Acme-Inc/sdk.ios/issues/7  ", ("Acme-Inc", "sdk.ios", 7)),
    ("github.com/acme/android-sdk/issues/12", ("acme", "android-sdk", 12)),
    ("https://github.com/acme/android-sdk/pull/34", ("acme", "android-sdk", 34)),
    ("acme/android-sdk#12", ("acme", "android-sdk", 12)),
    ("a/b_c.d#1", ("a", "b_c.d", 1)),
])
def test_parse_issue_ref_accepts(text, expected):
    assert parse_issue_ref(text) == expected


@pytest.mark.parametrize("text", [
    "", "   ", "#12", "acme#12", "acme/android-sdk", "acme/android-sdk#", "acme/android-sdk#0", "acme/android-sdk#-1",
    "acme/android-sdk#12abc", "acme/android-sdk #12", "acme/../x#1", "acme/..#1",
    "https://gitlab.com/acme/android-sdk/issues/12", "https://github.com.evil.example/acme/sdk/issues/12",
    "https://user:pw@github.com/acme/sdk/issues/12", "https://github.com:8443/acme/sdk/issues/12",
    "https://github.com/acme/android-sdk", "https://github.com/acme/android-sdk/issues/",
    "https://github.com/acme/android-sdk/issues/twelve", "ftp://github.com/acme/sdk/issues/1",
    "javascript:alert(1)//github.com/a/b/issues/1", "-acme/sdk#1", "https://github.com/acme/sdk/issues/99999999999",
])
def test_parse_issue_ref_rejects(text):
    with pytest.raises(UserError) as exc:
        parse_issue_ref(text)
    assert "not a GitHub issue" in str(exc.value) or "repository" in str(exc.value)


def test_parse_issue_ref_message_is_bounded():
    with pytest.raises(UserError) as exc:
        parse_issue_ref("x" * 5000)
    assert len(str(exc.value)) < 300


# ------------------------------------------------------------------------------------------ reading issues


def test_get_issue_then_304_with_etag(client, httpserver):
    etag = 'W/"ab8a0c5b7c5f1c3e"'
    httpserver.expect_ordered_request(ISSUE_PATH, method="GET", headers=HEADERS).respond_with_json(
        _issue(), headers={"ETag": etag, "x-ratelimit-remaining": "4999", "x-ratelimit-reset": "1893456000"})
    httpserver.expect_ordered_request(ISSUE_PATH, method="GET", headers={**HEADERS, "If-None-Match": etag}
                                      ).respond_with_data("", status=304, headers={"ETag": etag})

    first = client.get_issue("acme", "android-sdk", 12)
    assert first == IssueState(
        url="https://github.com/acme/android-sdk/issues/12", title="Push token not refreshed after restore",
        state="open", state_reason=None, closed_at=None, labels=("bug", "push"), milestone="v4.3.0", etag=etag)
    assert client.get_issue("acme", "android-sdk", 12, etag=first.etag) is None
    httpserver.check_assertions()
    assert len(httpserver.log) == 2


def test_closed_issue_reports_reason_and_time(client, httpserver):
    data = _issue(state="closed", state_reason="completed", closed_at="2026-11-20T10:30:00Z")
    data["milestone"] = None
    data["labels"] = []
    httpserver.expect_request(ISSUE_PATH, headers=HEADERS).respond_with_json(data, headers={"ETag": '"x1"'})
    issue = client.get_issue("acme", "android-sdk", 12)
    assert issue.state == "closed"
    assert issue.state_reason == "completed"
    assert issue.closed_at == datetime(2026, 11, 20, 10, 30, tzinfo=UTC)
    assert issue.labels == ()
    assert issue.milestone is None
    assert issue.etag == '"x1"'


def test_missing_issue_is_not_found(client, httpserver):
    httpserver.expect_request(ISSUE_PATH).respond_with_json(
        {"message": "Not Found", "documentation_url": "https://docs.github.com/rest"}, status=404)
    with pytest.raises(NotFound) as exc:
        client.get_issue("acme", "android-sdk", 12)
    assert CANARY not in str(exc.value)


def test_bad_arguments_never_reach_the_url(client):
    with pytest.raises(UserError):
        client.get_issue("acme", "..", 1)
    with pytest.raises(UserError):
        client.get_issue("acme/x", "sdk", 1)
    with pytest.raises(UserError):
        client.get_issue("acme", "sdk", 0)


def test_anonymous_client_sends_no_authorization(httpserver):
    gh = GitHubClient(None, base_url=httpserver.url_for("").rstrip("/"))
    httpserver.expect_request(ISSUE_PATH).respond_with_json(_issue())
    assert gh.get_issue("acme", "android-sdk", 12).state == "open"
    request = httpserver.log[0][0]
    assert "Authorization" not in request.headers
    assert request.headers["X-GitHub-Api-Version"] == API_VERSION


# ------------------------------------------------------------------------------------------ creating issues


def test_create_issue_returns_html_url(client, httpserver):
    httpserver.expect_request(
        "/repos/acme/android-sdk/issues", method="POST", headers=HEADERS,
        json={"title": "Crash in PushService", "body": "From ticket ZD-1234", "labels": ["bug", "from-support"]},
    ).respond_with_json({**_issue(), "number": 57, "html_url": "https://github.com/acme/android-sdk/issues/57"},
                        status=201)
    url = client.create_issue("acme", "android-sdk", "Crash in PushService", "From ticket ZD-1234",
                              labels=("bug", "from-support"))
    assert url == "https://github.com/acme/android-sdk/issues/57"
    httpserver.check_assertions()


def test_create_issue_without_labels_sends_none(client, httpserver):
    httpserver.expect_request("/repos/acme/android-sdk/issues", method="POST",
                              json={"title": "t", "body": ""}).respond_with_json(
        {"html_url": "https://github.com/acme/android-sdk/issues/58"}, status=201)
    assert client.create_issue("acme", "android-sdk", "t", "").endswith("/58")
    with pytest.raises(UserError):
        client.create_issue("acme", "android-sdk", "  ", "body")


# ------------------------------------------------------------------------------------------ rate limits


def _limited(httpserver, reset: float | None, *, status=403, remaining="0", body=None):
    headers = {"x-ratelimit-limit": "5000", "x-ratelimit-used": "5000", "x-ratelimit-resource": "core"}
    if remaining is not None:
        headers["x-ratelimit-remaining"] = remaining
    if reset is not None:
        headers["x-ratelimit-reset"] = str(int(reset))
    httpserver.expect_oneshot_request(ISSUE_PATH).respond_with_json(
        body or {"message": "API rate limit exceeded for user ID 1.",
                 "documentation_url": "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api"},
        status=status, headers=headers)


def test_exhausted_limit_with_reset_in_the_past_retries_promptly(client, httpserver, sleeps, waits):
    _limited(httpserver, reset=time.time() - 120)
    httpserver.expect_request(ISSUE_PATH).respond_with_json(_issue())
    assert client.get_issue("acme", "android-sdk", 12).state == "open"
    assert len(httpserver.log) == 2
    assert len(sleeps) == 1 and 0 < sleeps[0] <= 2  # a token pause, not a tight loop
    assert waits and waits[0][1] == "rate limited"


def test_exhausted_limit_waits_until_reset_when_within_cap(client, httpserver, sleeps):
    _limited(httpserver, reset=time.time() + 30)
    httpserver.expect_request(ISSUE_PATH).respond_with_json(_issue())
    assert client.get_issue("acme", "android-sdk", 12).state == "open"
    assert len(sleeps) == 1 and 27 <= sleeps[0] <= 31
    assert len(httpserver.log) == 2  # exactly one request per wait window


def test_exhausted_limit_with_reset_far_ahead_raises_rate_limited(client, httpserver, sleeps):
    reset = int(time.time()) + 3600
    _limited(httpserver, reset=reset)
    httpserver.expect_request(ISSUE_PATH).respond_with_json(_issue())  # must not be reached
    with pytest.raises(RateLimited) as exc:
        client.get_issue("acme", "android-sdk", 12)
    assert abs(exc.value.until.timestamp() - reset) <= 2
    assert str(exc.value).startswith("rate limited until ")
    assert CANARY not in str(exc.value)
    assert sleeps == []
    assert len(httpserver.log) == 1


def test_secondary_limit_without_headers_backs_off_a_minute_then_longer(client, httpserver, sleeps):
    secondary = {"message": "You have exceeded a secondary rate limit. Please wait a few minutes before you try "
                            "again.", "documentation_url": "https://docs.github.com/rest"}
    _limited(httpserver, reset=None, remaining=None, body=secondary)
    _limited(httpserver, reset=None, remaining=None, body=secondary)
    with pytest.raises(RateLimited) as exc:
        client.get_issue("acme", "android-sdk", 12)
    assert sleeps == [60.0]  # at least a minute; the next wait (120 s) is over the cap, so no more blocking
    assert len(httpserver.log) == 2
    assert exc.value.until.timestamp() >= time.time() + 100


def test_secondary_limit_then_success_resets_the_backoff(client, httpserver, sleeps):
    secondary = {"message": "You have exceeded a secondary rate limit."}
    _limited(httpserver, reset=None, remaining=None, body=secondary)
    httpserver.expect_request(ISSUE_PATH).respond_with_json(_issue())
    client.get_issue("acme", "android-sdk", 12)
    _limited(httpserver, reset=None, remaining=None, body=secondary)
    client.get_issue("acme", "android-sdk", 12)
    assert sleeps == [60.0, 60.0]


def test_429_without_headers_backs_off_at_least_a_minute(client, httpserver, sleeps):
    httpserver.expect_oneshot_request(ISSUE_PATH).respond_with_json({"message": "slow down"}, status=429)
    httpserver.expect_request(ISSUE_PATH).respond_with_json(_issue())
    client.get_issue("acme", "android-sdk", 12)
    assert sleeps == [60.0]


def test_retry_after_is_honoured(client, httpserver, sleeps):
    httpserver.expect_oneshot_request(ISSUE_PATH).respond_with_json(
        {"message": "You have exceeded a secondary rate limit."}, status=403, headers={"retry-after": "7"})
    httpserver.expect_request(ISSUE_PATH).respond_with_json(_issue())
    client.get_issue("acme", "android-sdk", 12)
    assert sleeps == [7.0]


def test_secondary_limit_on_create_is_waited_out_not_double_posted(client, httpserver, sleeps):
    httpserver.expect_oneshot_request("/repos/acme/android-sdk/issues", method="POST").respond_with_json(
        {"message": "You have exceeded a secondary rate limit."}, status=403, headers={"retry-after": "5"})
    httpserver.expect_request("/repos/acme/android-sdk/issues", method="POST").respond_with_json(
        {"html_url": "https://github.com/acme/android-sdk/issues/59"}, status=201)
    assert client.create_issue("acme", "android-sdk", "t", "b").endswith("/59")
    assert sleeps == [5.0]
    assert len(httpserver.log) == 2


# ------------------------------------------------------------------------------------------ token hygiene


def test_permission_403_is_auth_failure_without_the_token(client, httpserver, caplog, sleeps):
    caplog.set_level(logging.DEBUG)
    httpserver.expect_request(ISSUE_PATH).respond_with_json(
        {"message": "Resource not accessible by personal access token",
         "documentation_url": "https://docs.github.com/rest/issues/issues#get-an-issue"},
        status=403, headers={"x-ratelimit-remaining": "4990", "x-ratelimit-reset": str(int(time.time()) + 600)})
    with pytest.raises(AuthFailed) as exc:
        client.get_issue("acme", "android-sdk", 12)
    assert sleeps == []
    for text in (str(exc.value), repr(exc.value), exc.value.detail, caplog.text, repr(client), repr(vars(client))):
        assert CANARY not in text


def test_bad_credentials_401_never_shows_the_token(client, httpserver, caplog):
    caplog.set_level(logging.DEBUG)
    httpserver.expect_request("/repos/acme/android-sdk/issues", method="POST").respond_with_json(
        {"message": "Bad credentials", "documentation_url": "https://docs.github.com/rest"}, status=401)
    with pytest.raises(AuthFailed) as exc:
        client.create_issue("acme", "android-sdk", "t", f"token is {CANARY[:4]}...")
    chain = []
    error: BaseException | None = exc.value
    while error is not None:
        chain.append(error)
        error = error.__cause__ or error.__context__
    for err in chain:
        assert CANARY not in str(err) and CANARY not in repr(err)
    assert CANARY not in caplog.text


def test_malformed_token_is_refused_without_echo():
    with pytest.raises(UserError) as exc:
        GitHubClient(CANARY + "\r\nX-Evil: 1")
    assert CANARY not in str(exc.value)
