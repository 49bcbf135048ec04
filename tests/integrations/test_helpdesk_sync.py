"""Syncing all accounts: rate limits waited out with a countdown or skipped per account, errors that say
what to do, and a stop that is honoured (issue 14 "also degrading" and background sync)."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta

import pytest
from pytest_httpserver import HTTPServer
from test_zendesk import comment, export, make_provider, serve_comments, ticket

from cre_desk.actions.helpdesk_sync import sync_accounts
from cre_desk.db.imports import ImportStore
from cre_desk.errors import Cancelled
from cre_desk.integrations.accounts import Account
from cre_desk.integrations.zendesk import EXPORT_PATH


@pytest.fixture
def store(tmp_path):
    from cre_desk.config import default_paths
    from cre_desk.db.workspace import open_workspace

    ws = open_workspace(default_paths(tmp_path / "home"))
    yield ImportStore(ws.tickets)
    ws.close()


class FakeClock:
    def __init__(self) -> None:
        self.at = datetime.now(UTC)
        self.slept: list[float] = []

    def now(self) -> datetime:
        return self.at

    def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.at += timedelta(seconds=seconds)


def account(server: HTTPServer, name: str) -> Account:
    return Account(
        id=name,
        provider="zendesk",
        subdomain="acme",
        email="agent@vendor.example",
        base_url=server.url_for("/").rstrip("/"),
    )


def serve_ok(server: HTTPServer, subject: str = "Push broken") -> None:
    serve_comments(server, 7, [comment(1, 100, subject)])
    server.expect_request(EXPORT_PATH).respond_with_json(
        export([ticket(7, subject=subject)], "c1", True, server)
    )


def providers(acct: Account):
    return make_provider(acct.base_url)


def test_a_retry_after_over_a_minute_is_waited_out_with_a_countdown(httpserver, store, tmp_path):
    httpserver.expect_oneshot_request(EXPORT_PATH).respond_with_json(
        {
            "error": "APIRateLimitExceeded",
            "description": "Number of allowed API requests per minute exceeded",
        },
        status=429,
        headers={"Retry-After": "90"},
    )
    serve_ok(httpserver)
    clock, said = FakeClock(), []
    (outcome,) = sync_accounts(
        store,
        [account(httpserver, "zendesk-acme")],
        temp_dir=tmp_path,
        now=clock.now,
        sleep=clock.sleep,
        make_provider=providers,
        progress=said.append,
    )
    assert outcome.ok and "1 new ticket" in outcome.summary
    assert 85 <= sum(clock.slept) <= 95
    assert any("resuming in 90 s" in s or "resuming in 89 s" in s for s in said)
    assert any("resuming in 1 s" in s for s in said)


def test_a_long_rate_limit_skips_only_that_account_until_it_ends(httpserver, store, tmp_path):
    other = HTTPServer(host="127.0.0.1", port=0)
    other.start()
    try:
        httpserver.expect_request(EXPORT_PATH).respond_with_json(
            {"error": "APIRateLimitExceeded"}, status=429, headers={"Retry-After": "3600"}
        )
        serve_ok(other, "Beta: crash")
        skip: dict = {}
        accounts = [account(httpserver, "zendesk-acme"), account(other, "zendesk-beta")]
        first = sync_accounts(store, accounts, temp_dir=tmp_path, make_provider=providers, skip_until=skip)
        assert [o.ok for o in first] == [False, True]
        assert "slow down" in first[0].summary and first[0].retry_after is not None
        assert set(skip) == {"zendesk-acme"}
        asked = len(httpserver.log)
        second = sync_accounts(store, accounts, temp_dir=tmp_path, make_provider=providers, skip_until=skip)
        assert len(httpserver.log) == asked  # no request to the limited account before the limit ends
        assert [o.ok for o in second] == [False, True]
    finally:
        other.stop()


def test_a_refused_token_says_what_to_do(httpserver, store, tmp_path):
    httpserver.expect_request(EXPORT_PATH).respond_with_json(
        {"error": "Couldn't authenticate you"}, status=401
    )
    (outcome,) = sync_accounts(
        store, [account(httpserver, "zendesk-acme")], temp_dir=tmp_path, make_provider=providers
    )
    assert not outcome.ok
    assert (
        "File → Accounts" in outcome.summary
        and "new API token" in outcome.summary
        and "Test connection" in outcome.summary
    )


def test_stop_is_honoured_between_and_inside_accounts(httpserver, store, tmp_path):
    stop = threading.Event()
    stop.set()
    serve_ok(httpserver)
    with pytest.raises(Cancelled):
        sync_accounts(
            store,
            [account(httpserver, "zendesk-acme")],
            temp_dir=tmp_path,
            make_provider=providers,
            cancel=stop.is_set,
        )
    assert store.service.count() == 0


def test_the_first_sync_reaches_back_only_as_far_as_the_account_says(httpserver, store, tmp_path):
    """Issue 14: the first sync used to download the account's whole history (start_time=0)."""
    serve_ok(httpserver)
    acct = account(httpserver, "zendesk-acme")
    acct.history_days = "7"
    (outcome,) = sync_accounts(store, [acct], temp_dir=tmp_path, make_provider=providers)
    assert outcome.ok
    start = int(next(r for r, _ in httpserver.log if r.path == EXPORT_PATH).args["start_time"])
    week_ago = (datetime.now(UTC) - timedelta(days=7)).timestamp()
    assert abs(start - week_ago) < 300
