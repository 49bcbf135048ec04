"""Status, tags and priority go both ways with Zendesk, on SQLite and PostgreSQL (issue 14, "Both ways").

A local server plays one Zendesk ticket the way the Tickets API documents it: ``GET``/``PUT
/api/v2/tickets/{id}.json``, ``safe_update`` with ``updated_stamp`` answered by 409 ``UpdateConflict``,
403 for a role that may not edit, 422 ``RecordInvalid`` with ``details``, 429 with ``Retry-After``.
What a user notices: a change made here shows up in Zendesk once, a change made there arrives here, a
change made on both sides is reported and never overwritten, and a refusal says why in plain words.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest
from test_zendesk import EXPORT_PATH, USERS, comment, make_provider, one_page_comments, ticket
from werkzeug import Response

from cre_desk.actions.helpdesk_writeback import push_changes
from cre_desk.core.tickets import TicketFields
from cre_desk.db.imports import ImportStore, import_all
from cre_desk.db.writeback import WritebackStore

pytestmark = pytest.mark.usefixtures("tmp_path")

FORBIDDEN = {
    "error": {
        "title": "Forbidden",
        "message": "You do not have access to this page. Please contact "
        "the account owner of this help desk for further help.",
    }
}
INVALID = {
    "error": "RecordInvalid",
    "description": "Record validation errors",
    "details": {"status": [{"description": "Status: closed prevents ticket update"}]},
}
CONFLICT = {
    "error": "UpdateConflict",
    "description": "Safe Update prevented the update due to outdated ticket "
    "data. Please fetch the latest ticket data and try again.",
}


AGENTS = [
    {"id": 200, "name": "Alex Agent", "email": "agent@vendor.example", "role": "agent", "active": True},
    {"id": 201, "name": "Bea Backend", "email": "bea@vendor.example", "role": "agent", "active": True},
]


class FakeZendesk:
    """Ticket 7 of one Zendesk account; ``refuse`` makes the next PUT answer with a documented error."""

    def __init__(self, server) -> None:
        self.server = server
        self.ticket = ticket(7, priority="normal", tags=["ios", "push"])
        self.puts: list[dict] = []
        self.refuse: list[tuple[int, dict, dict]] = []
        self.change_before_write: dict | None = None
        server.expect_request(EXPORT_PATH).respond_with_handler(self._export)
        server.expect_request("/api/v2/tickets/7/comments.json").respond_with_json(
            one_page_comments([comment(1, 100, "Pushes stopped on iOS 18")])
        )
        server.expect_request("/api/v2/users/show_many.json").respond_with_json({"users": USERS})
        server.expect_request("/api/v2/users/search.json").respond_with_handler(self._search_users)
        for user in AGENTS:
            server.expect_request(f"/api/v2/users/{user['id']}.json").respond_with_json({"user": user})
        server.expect_request("/api/v2/tickets/7.json", method="GET").respond_with_handler(self._show)
        server.expect_request("/api/v2/tickets/7.json", method="PUT").respond_with_handler(self._update)

    def edit(self, **values) -> None:
        """Someone changes the ticket in Zendesk."""
        self.ticket.update(values)
        self._bump()

    def _bump(self) -> None:
        stamp = datetime.fromisoformat(self.ticket["updated_at"].replace("Z", "+00:00")).timestamp() + 60
        self.ticket["updated_at"] = datetime.fromtimestamp(stamp, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")

    def _export(self, request):
        body = {
            "tickets": [dict(self.ticket)],
            "users": USERS,
            "organizations": [{"id": 900, "name": "Customer"}],
            "after_cursor": "c1",
            "after_url": None,
            "before_cursor": None,
            "before_url": None,
            "end_of_stream": True,
        }
        return Response(json.dumps(body), content_type="application/json")

    def _search_users(self, request):
        """``GET /api/v2/users/search.json?query=``: users whose name or e-mail matches."""
        query = request.args.get("query", "").lower()
        found = [u for u in AGENTS + USERS if query in u["name"].lower() or query in u["email"].lower()]
        body = {"users": found, "next_page": None, "previous_page": None, "count": len(found)}
        return Response(json.dumps(body), content_type="application/json")

    def _show(self, request):
        return Response(json.dumps({"ticket": self.ticket}), content_type="application/json")

    def _update(self, request):
        body = json.loads(request.data)
        self.puts.append(body)
        if self.refuse:
            status, payload, headers = self.refuse.pop(0)
            return Response(
                json.dumps(payload), status=status, headers=headers, content_type="application/json"
            )
        if self.change_before_write is not None:  # another agent saves between our read and write
            self.edit(**self.change_before_write)
            self.change_before_write = None
        fields = body["ticket"]
        if fields.get("safe_update") and fields.get("updated_stamp") != self.ticket["updated_at"]:
            return Response(json.dumps(CONFLICT), status=409, content_type="application/json")
        for key in ("status", "priority", "tags", "assignee_id"):
            if key in fields:
                self.ticket[key] = fields[key]
        self._bump()
        audit = {
            "id": 9001,
            "ticket_id": 7,
            "created_at": self.ticket["updated_at"],
            "author_id": 200,
            "events": [
                {"id": 9002, "type": "Change", "field_name": "status", "value": self.ticket["status"]}
            ],
        }
        return Response(json.dumps({"ticket": self.ticket, "audit": audit}), content_type="application/json")


@pytest.fixture
def zd(httpserver):
    return FakeZendesk(httpserver)


def _import(service, provider, tmp_path):
    return import_all(ImportStore(service), provider, "zendesk-acme", temp_dir=tmp_path / "dl")


def _edit(service, ticket_id, **changes):
    detail = service.get_ticket(ticket_id)
    status = changes.pop("status", None)
    if changes:
        from dataclasses import replace

        detail = service.update_ticket(
            ticket_id, replace(detail.fields, **changes), expected_version=detail.version
        )
    if status:
        service.change_status(ticket_id, status)
    return service.get_ticket(ticket_id)


def _only_ticket(service):
    (summary,) = service.list_queue()
    return service.get_ticket(summary.id)


def test_changes_here_reach_zendesk_once(service, zd, httpserver, tmp_path):
    provider = make_provider(httpserver.url_for("/"))
    _import(service, provider, tmp_path)
    local = _only_ticket(service)
    assert local.fields.priority == "normal"
    _edit(service, local.id, status="solved", priority="urgent", tags=("ios", "push", "sdk-bug"))

    result = push_changes(service, provider, "zendesk-acme")
    assert (result.sent, result.problems) == (1, [])
    sent = zd.puts[0]["ticket"]
    assert sent["status"] == "solved" and sent["priority"] == "urgent"
    assert sent["tags"] == ["ios", "push", "sdk-bug"]
    assert sent["safe_update"] is True and sent["updated_stamp"] == "2026-01-06T10:30:00Z"
    assert zd.ticket["status"] == "solved"

    # Nothing is sent twice, and importing the ticket again changes nothing here.
    assert push_changes(service, provider, "zendesk-acme").sent == 0
    result = _import(service, provider, tmp_path)
    assert len(zd.puts) == 1 and result.problems == []
    again = _only_ticket(service)
    assert (again.status, again.fields.priority) == ("solved", "urgent")


def test_changes_made_in_zendesk_arrive_and_local_edits_stay(service, zd, httpserver, tmp_path):
    provider = make_provider(httpserver.url_for("/"))
    _import(service, provider, tmp_path)
    local = _only_ticket(service)
    _edit(service, local.id, priority="urgent", notes="Customer on SDK 5.2")
    zd.edit(subject="Push broken on iOS 18 only", status="pending", tags=["ios", "push", "vip"])

    result = _import(service, provider, tmp_path)
    assert result.problems == []
    now = _only_ticket(service)
    assert now.fields.title == "Push broken on iOS 18 only"  # the helpdesk's subject
    assert now.status == "waiting_customer"  # changed there only: taken
    assert set(now.fields.tags) == {"ios", "push", "vip"}
    assert now.fields.priority == "urgent" and now.fields.notes == "Customer on SDK 5.2"  # kept

    push_changes(service, provider, "zendesk-acme")
    assert zd.puts[-1]["ticket"] == {
        "priority": "urgent",
        "safe_update": True,
        "updated_stamp": zd.puts[-1]["ticket"]["updated_stamp"],
    }
    assert zd.ticket["status"] == "pending" and zd.ticket["priority"] == "urgent"


def test_a_field_changed_on_both_sides_is_reported_not_overwritten(service, zd, httpserver, tmp_path):
    provider = make_provider(httpserver.url_for("/"))
    _import(service, provider, tmp_path)
    local = _only_ticket(service)
    _edit(service, local.id, priority="urgent")
    zd.edit(priority="low")

    result = push_changes(service, provider, "zendesk-acme")
    assert zd.puts == [] and result.conflicts == 1
    assert "priority is urgent here but low in Zendesk" in result.problems[0]
    assert _import(service, provider, tmp_path).problems == []  # still held, not re-reported as new
    assert _only_ticket(service).fields.priority == "urgent"
    assert "priority" in WritebackStore(service).conflict(local.id)

    WritebackStore(service).resolve(local.id, keep_here=True)
    assert push_changes(service, provider, "zendesk-acme").sent == 1
    assert zd.ticket["priority"] == "urgent"


def test_taking_zendesks_side_of_a_conflict(service, zd, httpserver, tmp_path):
    provider = make_provider(httpserver.url_for("/"))
    _import(service, provider, tmp_path)
    local = _only_ticket(service)
    _edit(service, local.id, status="solved")
    zd.edit(status="hold")
    result = _import(service, provider, tmp_path)
    assert any("status is solved here but on hold in the helpdesk" in p for p in result.problems)
    assert push_changes(service, provider, "zendesk-acme").conflicts == 1 and zd.puts == []

    WritebackStore(service).resolve(local.id, keep_here=False)
    assert _only_ticket(service).status == "on_hold"
    assert push_changes(service, provider, "zendesk-acme").sent == 0 and zd.puts == []


def test_a_role_that_may_not_edit_is_told_so_and_the_change_waits(service, zd, httpserver, tmp_path):
    provider = make_provider(httpserver.url_for("/"))
    _import(service, provider, tmp_path)
    _edit(service, _only_ticket(service).id, priority="high")
    zd.refuse.append((403, FORBIDDEN, {}))

    result = push_changes(service, provider, "zendesk-acme")
    assert result.sent == 0
    assert "Zendesk does not let this account change the ticket (HTTP 403)" in result.problems[0]
    assert "admin" in result.problems[0]
    assert push_changes(service, provider, "zendesk-acme").sent == 1  # allowed later: sent then
    assert zd.ticket["priority"] == "high"


def test_zendesks_422_explanation_reaches_the_user(service, zd, httpserver, tmp_path):
    provider = make_provider(httpserver.url_for("/"))
    _import(service, provider, tmp_path)
    _edit(service, _only_ticket(service).id, status="open", priority="low")
    zd.refuse.append((422, INVALID, {}))
    result = push_changes(service, provider, "zendesk-acme")
    assert result.sent == 0 and "closed prevents ticket update" in result.problems[0]


def test_rate_limited_write_waits_as_asked_and_lands_once(service, zd, httpserver, tmp_path):
    sleeps: list[float] = []
    provider = make_provider(httpserver.url_for("/"), sleeps)
    _import(service, provider, tmp_path)
    _edit(service, _only_ticket(service).id, priority="high")
    zd.refuse.append((429, {"error": "APIRateLimitExceeded"}, {"Retry-After": "7"}))
    assert push_changes(service, provider, "zendesk-acme").sent == 1
    assert 7 in [round(s) for s in sleeps]
    assert len(zd.puts) == 2 and zd.ticket["priority"] == "high"


def test_a_change_saved_in_zendesk_meanwhile_is_not_overwritten(service, zd, httpserver, tmp_path):
    provider = make_provider(httpserver.url_for("/"))
    _import(service, provider, tmp_path)
    _edit(service, _only_ticket(service).id, priority="high")
    zd.change_before_write = {"priority": "urgent"}

    result = push_changes(service, provider, "zendesk-acme")
    assert result.sent == 0 and "changed the ticket while CRE Desk was updating it" in result.problems[0]
    assert zd.ticket["priority"] == "urgent"  # the other agent's value stands
    result = push_changes(service, provider, "zendesk-acme")
    assert result.conflicts == 1 and "high here but urgent in Zendesk" in result.problems[0]


# -- field mapping -----------------------------------------------------------------------------------------

MAPPING = {
    "platform": "custom_fields.360001",
    "sdk_version": "custom_fields.360002",
    "os_version": "custom_fields.360003",
}


def test_mapped_custom_fields_fill_the_ticket_and_follow_zendesk_unless_edited_here(
    service, zd, httpserver, tmp_path
):
    zd.ticket["custom_fields"] = [
        {"id": 360001, "value": "iOS"},
        {"id": 360002, "value": "5.2.1"},
        {"id": 360003, "value": "iOS 17.4"},
        {"id": 360004, "value": "ignored"},
    ]
    provider = make_provider(httpserver.url_for("/"))
    import_all(ImportStore(service), provider, "zendesk-acme", temp_dir=tmp_path / "dl", field_map=MAPPING)
    local = _only_ticket(service)
    assert (local.fields.platform, local.fields.sdk_version, local.fields.os_version) == (
        "ios",
        "5.2.1",
        "iOS 17.4",
    )
    _edit(service, local.id, os_version="iOS 17.5 beta")  # the engineer knows better
    zd.edit(
        custom_fields=[
            {"id": 360001, "value": "iOS"},
            {"id": 360002, "value": "5.3.0"},
            {"id": 360003, "value": "iOS 17.4.1"},
        ]
    )
    import_all(ImportStore(service), provider, "zendesk-acme", temp_dir=tmp_path / "dl", field_map=MAPPING)
    now = _only_ticket(service)
    assert now.fields.sdk_version == "5.3.0"  # changed there only: taken
    assert now.fields.os_version == "iOS 17.5 beta"  # edited here: kept


# -- assignee ------------------------------------------------------------------------------------------------


def test_assignee_goes_both_ways_by_agent_name(service, zd, httpserver, tmp_path):
    provider = make_provider(httpserver.url_for("/"))
    _import(service, provider, tmp_path)
    local = _only_ticket(service)
    assert local.fields.assignee == "Alex Agent"  # Zendesk's assignee_id 200, by name

    _edit(service, local.id, assignee="bea backend")
    assert push_changes(service, provider, "zendesk-acme").sent == 1
    assert zd.puts[-1]["ticket"]["assignee_id"] == 201 and zd.ticket["assignee_id"] == 201
    assert push_changes(service, provider, "zendesk-acme").sent == 0

    zd.edit(assignee_id=200)  # reassigned in Zendesk
    _import(service, provider, tmp_path)
    assert _only_ticket(service).fields.assignee == "Alex Agent"


def test_an_assignee_zendesk_does_not_know_waits_and_the_rest_is_sent(service, zd, httpserver, tmp_path):
    provider = make_provider(httpserver.url_for("/"))
    _import(service, provider, tmp_path)
    _edit(service, _only_ticket(service).id, assignee="Carl Contractor", priority="high")
    result = push_changes(service, provider, "zendesk-acme")
    assert result.sent == 1 and "assignee_id" not in zd.puts[-1]["ticket"]
    assert zd.ticket["priority"] == "high"
    assert "no Zendesk agent is called “Carl Contractor”" in result.problems[0]
    assert "Carl Contractor" in push_changes(service, provider, "zendesk-acme").problems[0]  # still waiting


def test_symptom_and_category_travel_as_tags_when_the_account_asks(service, zd, httpserver, tmp_path):
    provider = make_provider(httpserver.url_for("/"))
    _import(service, provider, tmp_path)
    local = _only_ticket(service)
    assert push_changes(service, provider, "zendesk-acme").sent == 0  # not asked: nothing to send

    assert push_changes(service, provider, "zendesk-acme", triage_tags=True).sent == 1
    assert zd.ticket["tags"] == ["cre-category-troubleshooting", "cre-symptom-iam_not_shown", "ios", "push"]
    assert push_changes(service, provider, "zendesk-acme", triage_tags=True).sent == 0

    _edit(service, local.id, symptom="push_not_delivered", category="bug")
    assert push_changes(service, provider, "zendesk-acme", triage_tags=True).sent == 1
    assert zd.ticket["tags"] == ["cre-category-bug", "cre-symptom-push_not_delivered", "ios", "push"]

    _import(service, provider, tmp_path)  # our own tags do not become the ticket's tags
    assert _only_ticket(service).fields.tags == ("ios", "push")
    assert push_changes(service, provider, "zendesk-acme", triage_tags=True).sent == 0


def test_tickets_imported_before_two_way_sync_are_not_pushed_in_bulk(service, zd, httpserver, tmp_path):
    """After the upgrade, old local-only status and assignee edits become conflicts, never bulk writes."""
    from sqlalchemy import update

    from cre_desk.db.models import RemoteState

    provider = make_provider(httpserver.url_for("/"))
    _import(service, provider, tmp_path)
    local = _only_ticket(service)
    _edit(service, local.id, status="solved", assignee="Aki Sato", tags=("ios", "push", "churn-risk"))
    with service.db.write() as session:  # the row as the version before two-way sync left it
        session.execute(
            update(RemoteState).values(
                remote_title=None,
                remote_requester=None,
                remote_priority=None,
                remote_tags=None,
                remote_fields=None,
            )
        )
    assert push_changes(service, provider, "zendesk-acme").sent == 0 and zd.puts == []

    zd.edit(tags=["ios", "push", "vip"])
    result = _import(service, provider, tmp_path)
    assert result.problems == []  # a decision to make, shown on the ticket, not a failure
    assert "status is solved here but open in the helpdesk" in WritebackStore(service).conflict(local.id)
    assert "assignee is Aki Sato here but Alex Agent" in WritebackStore(service).conflict(local.id)
    assert set(_only_ticket(service).fields.tags) == {"ios", "push", "churn-risk", "vip"}  # merged
    pushed = push_changes(service, provider, "zendesk-acme")
    assert pushed.sent == 0 and pushed.conflicts == 1 and zd.puts == []


def test_one_field_of_a_conflict_is_decided_and_the_other_waits(service, tmp_path):
    """The engineer takes the helpdesk's priority and keeps the status: only the status is sent later."""
    from sqlalchemy import select

    from cre_desk.core.sync_conflicts import FieldConflict
    from cre_desk.db.models import RemoteState, Ticket

    ticket = service.create_ticket(TicketFields(title="Push broken", priority="high"))
    with service.db.write() as session:
        row = session.get(Ticket, ticket.id)
        row.source, row.account_id, row.external_id = "zendesk", "zendesk-acme", "7"
        row.status = "waiting_customer"
        session.add(RemoteState(ticket_id=ticket.id, remote_status="hold", remote_priority="urgent",
                                remote_title="Push broken", remote_requester="",
                                conflict='[["status", "waiting_customer", "hold"], '
                                         '["priority", "high", "urgent"]]'))
    store = WritebackStore(service)
    assert [c.field for c in store.conflicts(ticket.id)] == ["status", "priority"]
    store.resolve(ticket.id, keep_here=False, fields={"priority"})
    assert store.conflicts(ticket.id) == [FieldConflict("status", "waiting_customer", "hold")]
    detail = service.get_ticket(ticket.id)
    assert (detail.fields.priority, detail.status) == ("urgent", "waiting_customer")
    store.resolve(ticket.id, keep_here=True, fields={"status"})
    assert store.conflicts(ticket.id) == [] and service.get_ticket(ticket.id).status == "waiting_customer"
    with service.db.read() as session:
        assert session.scalar(select(RemoteState.conflict).where(RemoteState.ticket_id == ticket.id)) == ""
