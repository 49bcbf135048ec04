"""Write-back to Freshdesk and Help Scout, on SQLite and PostgreSQL, against local servers answering the
documented shapes (Freshdesk API v2 ``PUT /api/v2/tickets/{id}``; Help Scout Mailbox API 2.0 ``PATCH
/v2/conversations/{id}`` and ``PUT /v2/conversations/{id}/tags``).

What a user notices: a status, priority or tag change made here is in the helpdesk after the next sync,
once; a helpdesk without priorities (Help Scout) is never sent one; a refusal says why.
"""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, datetime

import pytest
from fake_helpdesks import FakeFreshdesk, FakeHelpScout, Fault, fd_ticket, hs_conversation, hs_thread, now_iso
from test_freshdesk import make_provider as freshdesk_provider
from test_helpscout import make_provider as helpscout_provider

from cre_desk.actions.helpdesk_writeback import push_changes
from cre_desk.db.imports import ImportStore, import_all

SINCE = datetime(2026, 1, 1, tzinfo=UTC)


@pytest.fixture
def fd():
    server = FakeFreshdesk()
    yield server
    server.close()


@pytest.fixture
def hs():
    server = FakeHelpScout()
    yield server
    server.close()


def _import(service, provider, account, tmp_path):
    return import_all(ImportStore(service), provider, account, temp_dir=tmp_path / "dl", since=SINCE)


def _only(service):
    (summary,) = service.list_queue()
    return service.get_ticket(summary.id)


def _edit(service, ticket_id, status=None, **fields):
    detail = service.get_ticket(ticket_id)
    if fields:
        service.update_ticket(ticket_id, replace(detail.fields, **fields), expected_version=detail.version)
    if status:
        service.change_status(ticket_id, status)


def _puts(server, path):
    return [json.loads(r.body) for r in server.requests if r.method in ("PUT", "PATCH") and r.path == path]


# -- Freshdesk -------------------------------------------------------------------------------------------


def test_freshdesk_status_priority_and_tags_go_back_once(service, fd, tmp_path):
    fd.add(fd_ticket(1, "2026-01-05T10:00:00Z"))
    provider = freshdesk_provider(fd.url)
    _import(service, provider, "freshdesk-acme", tmp_path)
    local = _only(service)
    assert local.fields.priority == "normal"  # Freshdesk 2 = medium
    _edit(service, local.id, status="solved", priority="urgent", tags=("ios", "push", "sdk-5.2"))

    result = push_changes(service, provider, "freshdesk-acme")
    assert (result.sent, result.problems) == (1, [])
    assert _puts(fd, "/api/v2/tickets/1") == [
        {"status": 4, "priority": 4, "tags": ["ios", "push", "sdk-5.2"]}
    ]
    assert push_changes(service, provider, "freshdesk-acme").sent == 0
    assert _import(service, provider, "freshdesk-acme", tmp_path).problems == []
    assert len(_puts(fd, "/api/v2/tickets/1")) == 1
    again = _only(service)
    assert (again.status, again.fields.priority) == ("solved", "urgent")


def test_freshdesk_priority_changed_there_arrives_here(service, fd, tmp_path):
    fd.add(fd_ticket(1, "2026-01-05T10:00:00Z"))
    provider = freshdesk_provider(fd.url)
    _import(service, provider, "freshdesk-acme", tmp_path)
    fd.tickets[1].update(
        priority=3, subject="Pushes stopped on Android 15", updated_at="2026-01-06T10:00:00Z"
    )
    _import(service, provider, "freshdesk-acme", tmp_path)
    now = _only(service)
    assert (now.fields.priority, now.fields.title) == ("high", "Pushes stopped on Android 15")
    assert push_changes(service, provider, "freshdesk-acme").sent == 0


def test_freshdesk_refusals_are_explained(service, fd, tmp_path):
    fd.add(fd_ticket(1, "2026-01-05T10:00:00Z"))
    provider = freshdesk_provider(fd.url)
    _import(service, provider, "freshdesk-acme", tmp_path)
    _edit(service, _only(service).id, priority="high")
    fd.fail(
        "PUT",
        "/api/v2/tickets/1",
        Fault(
            403, body={"code": "access_denied", "message": "You are not authorized to perform this action."}
        ),
        Fault(
            400,
            body={
                "description": "Validation failed",
                "errors": [
                    {
                        "field": "priority",
                        "message": "It should be one of these values: '1,2,3,4'",
                        "code": "invalid_value",
                    }
                ],
            },
        ),
    )
    first = push_changes(service, provider, "freshdesk-acme")
    assert (
        first.sent == 0
        and "Freshdesk does not let this account change the ticket (HTTP 403)" in first.problems[0]
    )
    second = push_changes(service, provider, "freshdesk-acme")
    assert second.sent == 0 and "priority: It should be one of these values" in second.problems[0]
    assert push_changes(service, provider, "freshdesk-acme").sent == 1
    assert fd.tickets[1]["priority"] == 3


def test_freshdesk_rate_limit_is_waited_out(service, fd, tmp_path):
    fd.add(fd_ticket(1, "2026-01-05T10:00:00Z"))
    sleeps: list[float] = []
    provider = freshdesk_provider(fd.url, sleeps)
    _import(service, provider, "freshdesk-acme", tmp_path)
    _edit(service, _only(service).id, status="waiting_customer")
    fd.fail(
        "PUT", "/api/v2/tickets/1", Fault(429, headers={"Retry-After": "5"}, body={"code": "rate_limited"})
    )
    assert push_changes(service, provider, "freshdesk-acme").sent == 1
    assert 5 in [round(s) for s in sleeps] and fd.tickets[1]["status"] == 3


# -- Help Scout ------------------------------------------------------------------------------------------


def _seed_hs(hs):
    hs.add(
        hs_conversation(
            1,
            "2026-01-05T10:00:00Z",
            threads=[
                hs_thread(
                    10, "customer", "<div>The coupon message is not shown</div>", "2026-01-05T09:00:00Z"
                )
            ],
        )
    )


def test_helpscout_status_and_tags_go_back_without_a_priority(service, hs, tmp_path):
    _seed_hs(hs)
    provider = helpscout_provider(hs.url)
    _import(service, provider, "helpscout-acme", tmp_path)
    local = _only(service)
    _edit(service, local.id, status="solved", priority="urgent", tags=("ios", "coupon"))

    result = push_changes(service, provider, "helpscout-acme")
    assert (result.sent, result.problems) == (1, [])
    assert _puts(hs, "/v2/conversations/1") == [{"op": "replace", "path": "/status", "value": "closed"}]
    assert _puts(hs, "/v2/conversations/1/tags") == [{"tags": ["coupon", "ios"]}]
    assert hs.conversations[1]["status"] == "closed"
    assert push_changes(service, provider, "helpscout-acme").sent == 0
    assert len(_puts(hs, "/v2/conversations/1")) == 1
    assert _only(service).fields.priority == "urgent"  # kept here; Help Scout has none


def test_helpscout_status_changed_there_arrives_and_both_sides_is_a_conflict(service, hs, tmp_path):
    _seed_hs(hs)
    provider = helpscout_provider(hs.url)
    _import(service, provider, "helpscout-acme", tmp_path)
    local = _only(service)
    hs.conversations[1].update(status="pending", _modified=now_iso())  # the list is filtered by time
    _import(service, provider, "helpscout-acme", tmp_path)
    assert _only(service).status == "on_hold"

    _edit(service, local.id, status="solved")
    hs.conversations[1].update(status="active", _modified=now_iso())
    result = push_changes(service, provider, "helpscout-acme")
    assert result.conflicts == 1 and "status is solved here but open in Help Scout" in result.problems[0]
    assert _puts(hs, "/v2/conversations/1") == [] and hs.conversations[1]["status"] == "active"


def test_freshdesk_and_helpscout_assignees_go_back(service, fd, hs, tmp_path):
    ticket = fd_ticket(1, "2026-01-05T10:00:00Z")
    fd.add(ticket)
    fdp = freshdesk_provider(fd.url)
    _import(service, fdp, "freshdesk-acme", tmp_path)
    local = _only(service)
    assert local.fields.assignee == ""  # responder_id null: unassigned
    _edit(service, local.id, assignee="Alex Agent")
    assert push_changes(service, fdp, "freshdesk-acme").sent == 1
    assert _puts(fd, "/api/v2/tickets/1")[-1] == {"responder_id": 153022557183}

    _seed_hs(hs)
    hsp = helpscout_provider(hs.url)
    _import(service, hsp, "helpscout-acme", tmp_path)
    conv = next(t for t in service.list_queue() if t.id != local.id)
    assert service.get_ticket(conv.id).fields.assignee == "Alex Agent"
    _edit(service, conv.id, assignee="bea@vendor.example")
    assert push_changes(service, hsp, "helpscout-acme").sent == 1
    assert _puts(hs, "/v2/conversations/1")[-1] == {"op": "replace", "path": "/assignTo", "value": 4002}
    assert hs.conversations[1]["assignee"]["first"] == "Bea"
