"""Zendesk for agents (issue 14, defect 2), Zendesk's 422 explanations, and two Zendesk accounts side by side.

The incremental export is for admins only: agents get the documented 403 and must sync through the search
export (``updated>`` plus its cursor), chosen automatically. Bodies follow Zendesk's documented shapes.
"""

from __future__ import annotations

import json

import pytest
from pytest_httpserver import HTTPServer
from test_zendesk import USERS, comment, export, make_provider, serve_comments, ticket
from werkzeug import Response

from cre_desk.db.imports import ImportStore, import_all
from cre_desk.integrations.http_errors import IntegrationError
from cre_desk.integrations.zendesk import EXPORT_PATH, SEARCH_EXPORT_PATH

FORBIDDEN = {
    "error": {
        "title": "Forbidden",
        "message": "You do not have access to this page. Please contact the "
        "account owner of this help desk for further help.",
    }
}


@pytest.fixture
def store(tmp_path):
    from cre_desk.config import default_paths
    from cre_desk.db.workspace import open_workspace

    ws = open_workspace(default_paths(tmp_path / "home"))
    yield ImportStore(ws.tickets)
    ws.close()


def me(role: str) -> dict:
    return {
        "user": {
            "id": 200,
            "url": "https://acme.zendesk.com/api/v2/users/200.json",
            "name": "Alex Agent",
            "email": "agent@vendor.example",
            "role": role,
            "role_type": None,
            "active": True,
        }
    }


def search_page(tickets: list[dict], after: str | None, server: HTTPServer) -> dict:
    results = [{**t, "result_type": "ticket"} for t in tickets]
    return {
        "results": results,
        "facets": None,
        "meta": {"has_more": after is not None, "after_cursor": after, "before_cursor": None},
        "links": {
            "prev": None,
            "next": server.url_for(f"{SEARCH_EXPORT_PATH}?page[after]={after}") if after else None,
        },
    }


def _serve_agent(httpserver, role="agent"):
    httpserver.expect_request("/api/v2/users/me.json").respond_with_json(me(role))
    httpserver.expect_request(EXPORT_PATH).respond_with_json(FORBIDDEN, status=403)
    httpserver.expect_request("/api/v2/users/show_many.json").respond_with_json({"users": USERS})
    httpserver.expect_request("/api/v2/organizations/show_many.json").respond_with_json(
        {"organizations": [{"id": 900, "name": "Customer Corp"}]}
    )
    serve_comments(httpserver, 7, [comment(1, 100, "Pushes stopped")])
    serve_comments(httpserver, 8, [comment(2, 100, "In-app messages missing")])

    def answer(request):
        if request.args.get("page[after]") == "s1":
            body = search_page([ticket(8, updated_at="2026-11-20T08:00:00Z")], None, httpserver)
        else:
            body = search_page([ticket(7)], "s1", httpserver)
        return Response(json.dumps(body), content_type="application/json")

    httpserver.expect_request(SEARCH_EXPORT_PATH).respond_with_handler(answer)


def _search_queries(httpserver) -> list[dict]:
    return [dict(req.args) for req, _ in httpserver.log if req.path == SEARCH_EXPORT_PATH]


@pytest.mark.parametrize("role", ["agent", "admin"])
def test_agents_sync_through_the_search_export(httpserver, store, tmp_path, role):
    """An agent (or a custom role refused the export) is moved to the search export without being told to
    "check the token"."""
    _serve_agent(httpserver, role)
    provider = make_provider(httpserver.url_for("/"))
    result = import_all(store, provider, "zendesk-acme", temp_dir=tmp_path / "t")
    assert result.tickets_created == 2 and result.problems == []
    titles = sorted(t.title for t in store.service.list_queue())
    assert titles == ["Push broken 7", "Push broken 8"]
    detail = store.service.get_ticket(store.service.list_queue()[0].id)
    assert detail.fields.customer == "Customer Corp" and detail.fields.requester_name == "Carol Customer"
    first, second = _search_queries(httpserver)
    assert first["filter[type]"] == "ticket" and first["query"].startswith("type:ticket updated>")
    assert second["page[after]"] == "s1"
    # The next sync searches from the newest change seen, from the first page (search cursors expire).
    httpserver.clear()
    _serve_agent(httpserver, role)
    import_all(store, provider, "zendesk-acme", temp_dir=tmp_path / "t")
    third = _search_queries(httpserver)[0]
    assert "page[after]" not in third
    assert third["query"] == "type:ticket updated>2026-11-20T07:45:00Z"


def test_connection_test_shows_the_role(httpserver):
    httpserver.expect_request("/api/v2/users/me.json").respond_with_json(me("agent"))
    assert make_provider(httpserver.url_for("/")).test_connection() == "Alex Agent (agent)"


def test_a_422_keeps_zendesks_explanation(httpserver):
    httpserver.expect_request("/api/v2/tickets/42.json", method="PUT").respond_with_json(
        {
            "error": "RecordInvalid",
            "description": "Record validation errors",
            "details": {"base": [{"description": "Comment body can't be blank", "error": "BlankValue"}]},
        },
        status=422,
    )
    with pytest.raises(IntegrationError) as info:
        make_provider(httpserver.url_for("/")).post_reply("42", " ", public=True, marker="cre-desk:1")
    assert info.value.status == 422
    assert "Comment body can't be blank" in str(info.value)


def test_two_zendesk_accounts_with_the_same_ticket_number_stay_apart(httpserver, store, tmp_path):
    other = HTTPServer(host="127.0.0.1", port=0)
    other.start()
    try:
        for server, subject in ((httpserver, "Acme: push broken"), (other, "Beta: crash on start")):
            serve_comments(server, 7, [comment(1, 100, subject)])
            server.expect_request(EXPORT_PATH).respond_with_json(
                export([ticket(7, subject=subject)], "c1", True, server)
            )
        import_all(store, make_provider(httpserver.url_for("/")), "zendesk-acme", temp_dir=tmp_path / "t")
        import_all(store, make_provider(other.url_for("/")), "zendesk-beta", temp_dir=tmp_path / "t")
    finally:
        other.stop()
    queue = store.service.list_queue()
    assert sorted(t.title for t in queue) == ["Acme: push broken", "Beta: crash on start"]
    accounts = {store.service.get_ticket(t.id).account_id for t in queue}
    assert accounts == {"zendesk-acme", "zendesk-beta"}


def test_attachment_redirected_to_another_host_gets_no_credentials(httpserver, tmp_path):
    """Zendesk documents that ``content_url`` may answer with a redirect to storage on another host."""
    from cre_desk.integrations.models import RemoteAttachment

    cdn = HTTPServer(host="127.0.0.2", port=0)
    cdn.start()
    try:
        cdn.expect_request("/storage/device.log").respond_with_data(
            b"E/Braze: boom\n", content_type="text/plain"
        )
        httpserver.expect_request(
            "/attachments/token/abc/", query_string="name=device.log"
        ).respond_with_data("", status=302, headers={"Location": cdn.url_for("/storage/device.log")})
        provider = make_provider(httpserver.url_for("/"))
        att = RemoteAttachment(
            "555", "device.log", 14, httpserver.url_for("/attachments/token/abc/?name=device.log")
        )
        assert provider.download(att, tmp_path / "device.log", 1000) == 14
        assert (tmp_path / "device.log").read_bytes() == b"E/Braze: boom\n"
        assert httpserver.log[0][0].headers.get("Authorization")  # the API host gets the credential
        assert cdn.log[0][0].headers.get("Authorization") is None  # the other host never does
    finally:
        cdn.stop()
