"""GitHub as documented (issue 14, defect 7): secondary limits, Enterprise servers, the connection test.

Bodies and headers follow GitHub's REST documentation (API version 2022-11-28).
"""

from __future__ import annotations

import time

import pytest
from test_github import CANARY, HEADERS, ISSUE_PATH, _issue

from cre_desk.errors import UserError
from cre_desk.integrations.accounts import Account
from cre_desk.integrations.github import GitHubClient, parse_issue_ref

SECONDARY = {
    "message": "You have exceeded a secondary rate limit. Please wait a few minutes before you try again. "
    "If you reach out to GitHub Support for help, please include the request ID "
    "DBE2:2B5C:6F1E8A:7102C4:66A0F1B2.",
    "documentation_url": "https://docs.github.com/free-pro-team@latest/rest/overview/"
    "rate-limits-for-the-rest-api#about-secondary-rate-limits",
    "status": "403",
}


def test_secondary_limit_with_rate_headers_still_waits_a_minute(httpserver):
    """Remaining is not 0, so the reset header is about the primary limit: wait at least one minute."""
    sleeps: list[float] = []
    client = GitHubClient(CANARY, base_url=httpserver.url_for("").rstrip("/"), sleep=sleeps.append)
    headers = {
        "x-ratelimit-limit": "5000",
        "x-ratelimit-remaining": "4987",
        "x-ratelimit-used": "13",
        "x-ratelimit-reset": str(int(time.time()) + 5),
        "x-ratelimit-resource": "core",
        "x-github-request-id": "DBE2:2B5C:6F1E8A:7102C4:66A0F1B2",
    }
    httpserver.expect_oneshot_request(ISSUE_PATH).respond_with_json(SECONDARY, status=403, headers=headers)
    httpserver.expect_request(ISSUE_PATH).respond_with_json(_issue())
    assert client.get_issue("acme", "android-sdk", 12).state == "open"
    assert sleeps == [60.0]


def test_enterprise_server_issue_links_are_accepted_and_read_from_api_v3(httpserver):
    from cre_desk.integrations.accounts import github_web_host

    base = httpserver.url_for("/api/v3").rstrip("/")
    host = github_web_host(base)
    assert github_web_host("https://ghe.corp.example/api/v3") == "ghe.corp.example"
    assert github_web_host("https://api.github.com") == "github.com"
    assert parse_issue_ref(
        "https://ghe.corp.example/acme/android-sdk/issues/12", hosts=("ghe.corp.example",)
    ) == ("acme", "android-sdk", 12)
    with pytest.raises(UserError):
        parse_issue_ref("https://ghe.corp.example/acme/android-sdk/issues/12")  # not a configured server
    assert host
    httpserver.expect_request(f"/api/v3{ISSUE_PATH}", headers=HEADERS).respond_with_json(_issue())
    assert (
        GitHubClient(CANARY, base_url=base)
        .get_issue("acme", "android-sdk", 12)
        .title.startswith("Push token")
    )


def test_enterprise_account_is_accepted():
    account = Account(id="ghe", provider="github", base_url="https://ghe.corp.example/api/v3").validated()
    assert account.base_url == "https://ghe.corp.example/api/v3"


def test_connection_test_asks_github(httpserver):
    httpserver.expect_request("/user", headers=HEADERS).respond_with_json(
        {"login": "octocat", "id": 1, "type": "User", "name": "The Octocat", "site_admin": False}
    )
    assert (
        GitHubClient(CANARY, base_url=httpserver.url_for("").rstrip("/")).test_connection()
        == "octocat (The Octocat)"
    )
    assert [r.path for r, _ in httpserver.log] == ["/user"]
