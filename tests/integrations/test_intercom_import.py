"""Intercom into the workspace, end to end against a local server speaking Intercom 2.11's documented JSON.

Covers issue 14's Intercom defects: attachment ids with a slash (1), the sync watermark (4), the requester of
admin-initiated conversations (5) and conversations over Intercom's 500-part limit.
"""

from __future__ import annotations

import functools
import json
import time
from datetime import UTC, datetime, timedelta

import pytest
from test_intercom import ADMIN, ADMINS, AUTH, CANARY, ME, USER, VERSION, _conversation, _part  # noqa: E402

from cre_desk.db.imports import ImportStore, import_all
from cre_desk.integrations.http import ApiClient
from cre_desk.integrations.intercom import IntercomProvider


@pytest.fixture
def store(tmp_path):
    from cre_desk.config import default_paths
    from cre_desk.db.workspace import open_workspace

    ws = open_workspace(default_paths(tmp_path / "home"))
    yield ImportStore(ws.tickets)
    ws.close()


@pytest.fixture
def provider(httpserver):
    factory = functools.partial(ApiClient, sleep=lambda s: None)
    prov = IntercomProvider(
        CANARY, base_url=httpserver.url_for("").rstrip("/"), version=VERSION, client_factory=factory
    )
    httpserver.expect_request("/me", method="GET", headers=AUTH).respond_with_json(ME)
    httpserver.expect_request("/admins", method="GET", headers=AUTH).respond_with_json(ADMINS)
    yield prov
    prov.close()


def _search_page(ids, next_after=None):
    pages = {"type": "pages", "page": 1, "per_page": 150, "total_pages": 2 if next_after else 1}
    if next_after:
        pages["next"] = {"page": 2, "starting_after": next_after}
    return {
        "type": "conversation.list",
        "conversations": [{"type": "conversation", "id": i} for i in ids],
        "total_count": len(ids),
        "pages": pages,
    }


def _searches(httpserver):
    return [json.loads(req.get_data()) for req, _ in httpserver.log if req.path == "/conversations/search"]


def test_intercom_attachments_are_imported(httpserver, provider, store, tmp_path):
    """Defect 1: the part attachment id "p3/0" must not become a folder in the download's file name."""
    log_url = httpserver.url_for("/i/o/1/logcat.txt")
    conv = _conversation(
        "101",
        parts=[
            _part(
                "p3",
                "comment",
                "<p>here is the log</p>",
                USER,
                1_700_000_400,
                attachments=[
                    {
                        "type": "upload",
                        "name": "logcat.txt",
                        "url": log_url,
                        "content_type": "text/plain",
                        "filesize": 29,
                        "width": None,
                        "height": None,
                    }
                ],
            )
        ],
    )
    httpserver.expect_request("/conversations/search", method="POST").respond_with_json(_search_page(["101"]))
    httpserver.expect_request("/conversations/101").respond_with_json(conv)
    httpserver.expect_request("/i/o/1/logcat.txt").respond_with_data(
        b"E/FCM: token refresh failed\n", content_type="text/plain"
    )
    result = import_all(store, provider, "intercom-acme", temp_dir=tmp_path / "t")
    assert result.problems == []
    assert result.attachments_added == 1
    (ticket,) = store.service.list_queue()
    detail = store.service.get_ticket(ticket.id)
    assert [a.file_name for a in detail.attachments] == ["logcat.txt"]
    assert (
        store.service.attachment_path(detail.attachments[0]).read_bytes() == b"E/FCM: token refresh failed\n"
    )
    # A second run does not download it again.
    again = import_all(
        store, provider, "intercom-acme", temp_dir=tmp_path / "t", since=datetime(2020, 1, 1, tzinfo=UTC)
    )
    assert again.attachments_added == 0 and again.problems == []


def test_intercom_sync_advances_its_watermark_and_never_replays_a_page_cursor(
    httpserver, provider, store, tmp_path
):
    """Defect 4: the next sync searches from the newest update seen, without an old starting_after."""
    recent = int(time.time()) - 3600
    first, second = _conversation("101"), _conversation("102")
    second["updated_at"] = recent
    httpserver.expect_oneshot_request("/conversations/search", method="POST").respond_with_json(
        _search_page(["101"], next_after="WzE3MDAwMDA2MDAwMDAsMTAxXQ==")
    )
    httpserver.expect_oneshot_request("/conversations/search", method="POST").respond_with_json(
        _search_page(["102"])
    )
    httpserver.expect_request("/conversations/101").respond_with_json(first)
    httpserver.expect_request("/conversations/102").respond_with_json(second)
    import_all(store, provider, "intercom-acme", temp_dir=tmp_path / "t")
    httpserver.expect_oneshot_request("/conversations/search", method="POST").respond_with_json(
        _search_page([])
    )
    import_all(store, provider, "intercom-acme", temp_dir=tmp_path / "t")
    bodies = _searches(httpserver)
    assert len(bodies) == 3
    # First sync: a bounded history, not the account's whole past.
    first_value = bodies[0]["query"]["value"]
    assert first_value > int((datetime.now(UTC) - timedelta(days=400)).timestamp())
    assert bodies[1]["pagination"]["starting_after"] == "WzE3MDAwMDA2MDAwMDAsMTAxXQ=="
    # Next sync: from the newest conversation seen (a minute back, for search lag), from the first page.
    assert bodies[2]["query"] == {"field": "updated_at", "operator": ">", "value": recent - 60}
    assert "starting_after" not in bodies[2]["pagination"]


def test_admin_initiated_conversation_has_the_customer_as_requester(httpserver, provider):
    """Defect 5: source.author is the teammate who wrote first; the customer is in ``contacts``."""
    conv = _conversation("201")
    conv["source"] = {
        "type": "email",
        "id": "src201",
        "delivered_as": "admin_initiated",
        "subject": "Your SDK key",
        "body": "<p>Hi, we noticed failed pushes</p>",
        "author": ADMIN,
        "attachments": [],
        "url": None,
        "redacted": False,
    }
    conv["contacts"] = {
        "type": "contact.list",
        "contacts": [{"type": "contact", "id": "c77", "external_id": "e77"}],
    }
    httpserver.expect_request("/conversations/search", method="POST").respond_with_json(_search_page(["201"]))
    httpserver.expect_request("/conversations/201").respond_with_json(conv)
    httpserver.expect_request("/contacts/c77", method="GET").respond_with_json(
        {
            "type": "contact",
            "id": "c77",
            "external_id": "e77",
            "workspace_id": "abc123",
            "role": "user",
            "email": "dana@customer.example",
            "phone": None,
            "name": "Dana Developer",
            "avatar": None,
            "owner_id": None,
            "created_at": 1_690_000_000,
            "updated_at": 1_700_000_000,
        }
    )
    (ticket,) = provider.fetch_page(None, None).tickets
    assert ticket.requester_name == "Dana Developer"
    assert ticket.customer == "customer.example"
    assert not ticket.messages[0].from_customer  # the opening message was the teammate's


def test_conversation_over_the_part_limit_is_reported_not_silently_cut(httpserver, provider, store, tmp_path):
    parts = [_part(f"p{i}", "comment", f"<p>message {i}</p>", USER, 1_700_000_000 + i) for i in range(500)]
    conv = _conversation("301", parts=parts)
    conv["conversation_parts"]["total_count"] = 612
    httpserver.expect_request("/conversations/search", method="POST").respond_with_json(_search_page(["301"]))
    httpserver.expect_request("/conversations/301").respond_with_json(conv)
    result = import_all(store, provider, "intercom-acme", temp_dir=tmp_path / "t")
    assert any("612" in p and "500" in p for p in result.problems), result.problems
