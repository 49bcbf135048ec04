"""Refreshing linked GitHub issues goes on past a deleted or hidden one, follows moved ones (issue 14, 7)."""

from __future__ import annotations

from cre_desk.actions.issue_links import refresh_links
from cre_desk.core.tickets import TicketFields
from cre_desk.integrations.accounts import Account, save_account

ISSUE = {
    "id": 1,
    "number": 3,
    "title": "Crash on start",
    "state": "closed",
    "state_reason": "completed",
    "html_url": "https://github.com/acme/sdk-new/issues/3",
    "labels": [],
    "milestone": None,
    "closed_at": "2026-11-20T01:00:00Z",
    "created_at": "2026-10-01T09:00:00Z",
    "updated_at": "2026-11-20T01:00:00Z",
}


def test_refresh_goes_on_past_gone_and_hidden_issues(ctx, httpserver):
    save_account(
        ctx.settings,
        Account(id="github", provider="github", base_url=httpserver.url_for("/").rstrip("/")),
        "ghp_CANARY_refresh_0000",
    )
    httpserver.expect_request("/repos/acme/sdk/issues/1").respond_with_json(
        {
            "message": "This issue was deleted",
            "documentation_url": "https://docs.github.com/rest/issues/issues#get-an-issue",
            "status": "410",
        },
        status=410,
    )
    httpserver.expect_request("/repos/acme/private/issues/2").respond_with_json(
        {
            "message": "Not Found",
            "documentation_url": "https://docs.github.com/rest/issues/issues#get-an-issue",
            "status": "404",
        },
        status=404,
    )
    # A transferred issue: GitHub answers 301 with the new address on the same host.
    httpserver.expect_request("/repos/acme/sdk-old/issues/3").respond_with_data(
        "", status=301, headers={"Location": httpserver.url_for("/repositories/42/issues/3")}
    )
    httpserver.expect_request("/repositories/42/issues/3").respond_with_json(ISSUE)
    t = ctx.tickets.create_ticket(TicketFields(title="App crashes"))
    for repo, number in (("sdk", 1), ("private", 2), ("sdk-old", 3)):
        ctx.tickets.link_issue(t.id, "acme", repo, number)
    closed = refresh_links(ctx.tickets, ctx.settings)
    states = {link.number: link.state for link in ctx.tickets.list_issue_links(t.id)}
    assert states == {1: "deleted", 2: "unavailable", 3: "closed"}
    assert [c.number for c in closed] == [3]
    moved = [link for link in ctx.tickets.list_issue_links(t.id) if link.number == 3][0]
    assert moved.url == "https://github.com/acme/sdk-new/issues/3"
