"""Write-back to Intercom 2.11 against a local server answering its documented shapes, on SQLite and
PostgreSQL: ``POST /conversations/{id}/parts`` (``message_type`` close/open/assignment, teammates from
``GET /admins``), ``POST /tags`` (create or
update by name), ``POST /conversations/{id}/tags`` and ``DELETE /conversations/{id}/tags/{tag_id}`` with the
admin's id, and Intercom's ``error.list`` bodies.
"""

from __future__ import annotations

import functools
import json
from dataclasses import replace
from datetime import UTC, datetime

import pytest
from test_intercom import ADMINS, ME, VERSION, _conversation
from werkzeug import Response

from cre_desk.actions.helpdesk_writeback import push_changes
from cre_desk.db.imports import ImportStore, import_all
from cre_desk.integrations.http import ApiClient
from cre_desk.integrations.intercom import IntercomProvider

CANARY = "tok_CANARY_intercom_writeback"


class FakeIntercom:
    def __init__(self, server) -> None:
        self.conv = _conversation("101", tags=("sdk", "android"))
        self.conv["updated_at"] = int(datetime.now(UTC).timestamp()) - 60
        self.tags = {"sdk": "0", "android": "1"}
        self.writes: list[tuple[str, str, dict]] = []
        self.refuse: list[tuple[int, dict]] = []
        self.admins_refused = False
        server.expect_request("/me").respond_with_json(ME)
        server.expect_request("/admins").respond_with_handler(lambda r: self._admins())
        server.expect_request("/conversations/search", method="POST").respond_with_json(
            {
                "type": "conversation.list",
                "conversations": [{"type": "conversation", "id": "101"}],
                "total_count": 1,
                "pages": {"type": "pages", "page": 1, "per_page": 150, "total_pages": 1},
            }
        )
        server.expect_request("/conversations/101", method="GET").respond_with_handler(
            lambda r: self._json(self.conv)
        )
        server.expect_request("/conversations/101/parts", method="POST").respond_with_handler(self._part)
        server.expect_request("/tags", method="POST").respond_with_handler(self._tag)
        server.expect_request("/conversations/101/tags", method="POST").respond_with_handler(self._attach)
        for tag_id in ("0", "1", "2", "3"):
            server.expect_request(f"/conversations/101/tags/{tag_id}", method="DELETE").respond_with_handler(
                functools.partial(self._detach, tag_id)
            )

    def _admins(self):
        if self.admins_refused:
            return self._json({"type": "error.list", "request_id": "r9", "errors": [
                {"code": "token_unauthorized", "message": "Not authorized to access resource"}]}, 403)
        return self._json(ADMINS)

    @staticmethod
    def _json(body, status=200):
        return Response(json.dumps(body), status=status, content_type="application/json")

    def _record(self, request) -> dict | None:
        body = json.loads(request.data or b"{}")
        self.writes.append((request.method, request.path, body))
        return body

    def _refused(self):
        if self.refuse:
            status, body = self.refuse.pop(0)
            return self._json(body, status)
        return None

    def _part(self, request):
        body = self._record(request)
        if (refused := self._refused()) is not None:
            return refused
        if body.get("type") != "admin" or body.get("admin_id") != ME["id"]:
            return self._json(
                {
                    "type": "error.list",
                    "errors": [{"code": "parameter_invalid", "message": "admin_id is a required parameter"}],
                },
                400,
            )
        if body["message_type"] == "assignment":
            if body.get("assignee_id") not in ("0", *(a["id"] for a in ADMINS["admins"])):
                return self._json({"type": "error.list", "errors": [
                    {"code": "parameter_invalid", "message": "Assignee not found"}]}, 400)
            self.conv["admin_assignee_id"] = None if body["assignee_id"] == "0" else int(body["assignee_id"])
            return self._json(self.conv)
        self.conv["state"] = {"close": "closed", "open": "open"}[body["message_type"]]
        self.conv["open"] = self.conv["state"] == "open"
        return self._json(self.conv)

    def _tag(self, request):
        body = self._record(request)
        tag_id = self.tags.setdefault(body["name"], str(len(self.tags)))
        return self._json({"type": "tag", "id": tag_id, "name": body["name"]})

    def _attach(self, request):
        body = self._record(request)
        if (refused := self._refused()) is not None:
            return refused
        name = next(n for n, i in self.tags.items() if i == body["id"])
        tag = {"type": "tag", "id": body["id"], "name": name}
        self.conv["tags"]["tags"].append(tag)
        return self._json(tag)

    def _detach(self, tag_id, request):
        body = self._record(request)
        if not body.get("admin_id"):
            return self._json(
                {
                    "type": "error.list",
                    "errors": [
                        {"code": "parameter_not_found", "message": "admin_id is a required parameter"}
                    ],
                },
                400,
            )
        self.conv["tags"]["tags"] = [t for t in self.conv["tags"]["tags"] if t["id"] != tag_id]
        return self._json({"type": "tag", "id": tag_id, "name": "x"})


@pytest.fixture
def ic(httpserver):
    return FakeIntercom(httpserver)


@pytest.fixture
def provider(httpserver):
    prov = IntercomProvider(
        CANARY,
        base_url=httpserver.url_for("").rstrip("/"),
        version=VERSION,
        client_factory=functools.partial(ApiClient, sleep=lambda s: None),
    )
    yield prov
    prov.close()


def _imported(service, provider, tmp_path):
    import_all(
        ImportStore(service),
        provider,
        "intercom-acme",
        temp_dir=tmp_path / "dl",
        since=datetime(2023, 1, 1, tzinfo=UTC),
    )
    (summary,) = service.list_queue()
    return service.get_ticket(summary.id)


def test_closing_and_retagging_here_reach_intercom_once(service, ic, provider, tmp_path):
    local = _imported(service, provider, tmp_path)
    service.update_ticket(
        local.id, replace(local.fields, tags=("sdk", "push-token")), expected_version=local.version
    )
    service.change_status(local.id, "solved")

    result = push_changes(service, provider, "intercom-acme")
    assert (result.sent, result.problems) == (1, [])
    assert (
        "POST",
        "/conversations/101/parts",
        {"message_type": "close", "type": "admin", "admin_id": "991"},
    ) in ic.writes
    assert ("POST", "/tags", {"name": "push-token"}) in ic.writes
    assert ("POST", "/conversations/101/tags", {"id": "2", "admin_id": "991"}) in ic.writes
    assert ("DELETE", "/conversations/101/tags/1", {"admin_id": "991"}) in ic.writes
    assert ic.conv["state"] == "closed"
    assert sorted(t["name"] for t in ic.conv["tags"]["tags"]) == ["push-token", "sdk"]

    count = len(ic.writes)
    assert push_changes(service, provider, "intercom-acme").sent == 0
    assert len(ic.writes) == count


def test_intercom_refusal_is_explained_and_retried_next_sync(service, ic, provider, tmp_path):
    local = _imported(service, provider, tmp_path)
    service.change_status(local.id, "solved")
    ic.refuse.append(
        (
            403,
            {
                "type": "error.list",
                "request_id": "r1",
                "errors": [{"code": "action_forbidden", "message": "This admin cannot close conversations"}],
            },
        )
    )
    result = push_changes(service, provider, "intercom-acme")
    assert result.sent == 0
    assert "Intercom does not let this account change the ticket (HTTP 403)" in result.problems[0]
    assert ic.conv["state"] == "open"
    assert push_changes(service, provider, "intercom-acme").sent == 1 and ic.conv["state"] == "closed"


def test_intercom_priority_is_imported_and_never_sent(service, ic, provider, tmp_path):
    ic.conv["priority"] = "priority"
    local = _imported(service, provider, tmp_path)
    assert local.fields.priority == "high"
    service.update_ticket(local.id, replace(local.fields, priority="low"), expected_version=local.version)
    assert push_changes(service, provider, "intercom-acme").sent == 0 and ic.writes == []


def test_the_assignee_arrives_from_intercom_and_one_set_here_goes_back(service, ic, provider, tmp_path):
    local = _imported(service, provider, tmp_path)
    assert local.fields.assignee == "Aiko Admin"   # admin_assignee_id 991, named through GET /admins
    service.update_ticket(local.id, replace(local.fields, assignee="ken sato"),
                          expected_version=local.version)
    result = push_changes(service, provider, "intercom-acme")
    assert (result.sent, result.problems) == (1, [])
    assert ("POST", "/conversations/101/parts", {"message_type": "assignment", "type": "admin",
                                                  "admin_id": "991", "assignee_id": "992"}) in ic.writes
    assert ic.conv["admin_assignee_id"] == 992
    count = len(ic.writes)
    assert push_changes(service, provider, "intercom-acme").sent == 0 and len(ic.writes) == count
    # nobody here: Intercom's "0"
    now = service.get_ticket(local.id)
    service.update_ticket(local.id, replace(now.fields, assignee=""), expected_version=now.version)
    assert push_changes(service, provider, "intercom-acme").sent == 1
    assert ic.writes[-1][2]["assignee_id"] == "0" and ic.conv["admin_assignee_id"] is None


def test_an_assignee_changed_on_both_sides_is_a_conflict(service, ic, provider, tmp_path):
    local = _imported(service, provider, tmp_path)
    ic.conv["admin_assignee_id"] = 992   # a teammate reassigned it in Intercom meanwhile
    ic.conv["updated_at"] += 30
    service.update_ticket(local.id, replace(local.fields, assignee="Nobody Known"),
                          expected_version=local.version)
    result = push_changes(service, provider, "intercom-acme")
    assert (result.sent, result.conflicts) == (0, 1) and "Ken Sato in Intercom" in result.problems[0]
    assert not [w for w in ic.writes if w[2].get("message_type") == "assignment"]
    assert ic.conv["admin_assignee_id"] == 992


def test_a_token_that_may_not_list_teammates_syncs_the_rest_and_says_why(service, ic, provider, tmp_path):
    ic.admins_refused = True
    imported = import_all(ImportStore(service), provider, "intercom-acme", temp_dir=tmp_path / "dl",
                          since=datetime(2023, 1, 1, tzinfo=UTC))
    assert any("Read admins" in p for p in imported.problems)
    (summary,) = service.list_queue()
    local = service.get_ticket(summary.id)
    assert local.fields.assignee == ""   # unknown, never guessed
    service.update_ticket(local.id, replace(local.fields, assignee="Ken Sato"),
                          expected_version=local.version)
    service.change_status(local.id, "solved")
    result = push_changes(service, provider, "intercom-acme")
    assert result.sent == 1 and ic.conv["state"] == "closed"
    assert not [w for w in ic.writes if w[2].get("message_type") == "assignment"]

