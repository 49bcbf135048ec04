"""Intercom Articles drafts against a local server answering the Articles API's documented shapes."""

from __future__ import annotations

import json
import re
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from cre_desk.actions.publish_article import intercom_copy_changed, save_to_intercom
from cre_desk.core import kb
from cre_desk.db.kb_remotes import INTERCOM, RemoteCopies
from cre_desk.db.kb_service import KnowledgeService
from cre_desk.integrations.help_center import RemoteChanged
from cre_desk.integrations.http import ApiClient
from cre_desk.integrations.http_errors import AuthFailed, IntegrationError, NotFound
from cre_desk.integrations.intercom_articles import IntercomArticles, RemoteLive

TOKEN = "dG9rOmNhbmFyeQ=="
ADMIN = "991267407"


def _errors(code: str, message: str) -> dict:
    return {"type": "error.list", "request_id": "req_abc123", "errors": [{"code": code, "message": message}]}


class FakeIntercom:
    """Articles in memory; every write moves ``updated_at`` (Unix seconds) on, as Intercom does."""

    def __init__(self) -> None:
        self.articles: dict[str, dict] = {}
        self.requests: list[tuple[str, str, dict | None, dict]] = []
        self.clock = 1_732_700_000
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args) -> None:
                pass

            def _serve(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = json.loads(self.rfile.read(length)) if length else None
                fake.requests.append((self.command, self.path, body, dict(self.headers)))
                if self.headers.get("Authorization") != f"Bearer {TOKEN}":
                    return self._answer(401, _errors("unauthorized", "Access Token Invalid"))
                status, data = fake.route(self.command, self.path, body)
                self._answer(status, data)

            def _answer(self, status: int, data) -> None:
                raw = json.dumps(data).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json; charset=utf-8")
                self.send_header("Content-Length", str(len(raw)))
                self.end_headers()
                self.wfile.write(raw)

            do_GET = do_POST = do_PUT = _serve  # noqa: N815

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"

    def tick(self) -> int:
        self.clock += 60
        return self.clock

    def route(self, method: str, path: str, body):
        if path == "/me" and method == "GET":
            return 200, {"type": "admin", "id": ADMIN, "name": "Aki Tanaka", "email": "aki@vendor.example",
                         "app": {"type": "app", "id_code": "hfi1bx4l", "name": "Vendor SDK"}}
        if path == "/articles" and method == "POST":
            if not body.get("title") or "author_id" not in body:
                return 400, _errors("parameter_not_found", "title and author_id are required")
            if str(body["author_id"]) != ADMIN:
                return 400, _errors("parameter_invalid", "author_id must be a teammate of the workspace")
            aid = str(9000 + len(self.articles) + 1)
            self.articles[aid] = {"created_at": self.clock, **self._fields(body)}
            self.articles[aid]["updated_at"] = self.tick()
            return 200, self.article_json(aid)
        if m := re.fullmatch(r"/articles/(\d+)", path):
            aid = m.group(1)
            if aid not in self.articles:
                return 404, _errors("not_found", "Resource Not Found")
            if method == "PUT":
                self.articles[aid].update(self._fields(body))
                self.articles[aid]["updated_at"] = self.tick()
            return 200, self.article_json(aid)
        return 404, _errors("not_found", "Resource Not Found")

    @staticmethod
    def _fields(body: dict) -> dict:
        keep = ("title", "description", "body", "author_id", "state", "parent_id", "parent_type")
        out = {k: body[k] for k in keep if k in body}
        if "translated_content" in body:
            out["translated_content"] = body["translated_content"]
        return out

    def article_json(self, aid: str) -> dict:
        a = self.articles[aid]
        published = a.get("state") == "published"
        translated = {"type": "article_translated_content"}
        for locale, content in (a.get("translated_content") or {}).items():
            translated[locale] = {"type": "article_content", **content, "created_at": a["created_at"],
                                  "updated_at": a["updated_at"]}
        return {
            "type": "article", "id": aid, "workspace_id": "hfi1bx4l",
            "parent_id": a.get("parent_id"), "parent_type": a.get("parent_type"),
            "parent_ids": [a["parent_id"]] if a.get("parent_id") else [],
            "title": a["title"], "description": a.get("description", ""), "body": a.get("body", ""),
            "author_id": int(a["author_id"]), "state": a.get("state", "draft"),
            "created_at": a["created_at"], "updated_at": a["updated_at"],
            "url": f"https://intercom.help/vendor/en/articles/{aid}-push" if published else None,
            "default_locale": "en", "translated_content": translated,
        }

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def intercom():
    server = FakeIntercom()
    yield server
    server.close()


def _client(server: FakeIntercom, token: str = TOKEN) -> IntercomArticles:
    def factory(base, *, headers):
        return ApiClient(base, headers=headers, timeout=(2, 5))

    return IntercomArticles(token, base_url=server.url, client_factory=factory)


ARTICLE = kb.ArticleFields(
    title_en="Push on Android 13",
    title_ja="Android 13 のプッシュ通知",
    body_en="## Fix\nAsk for the permission <now>.\n\n## How to check it worked\n1. Send a push",
    body_ja="## 対応方法\n通知許可を求めてください。",
)


def test_create_sends_a_draft_with_japanese_and_the_pinned_version(intercom):
    remote = _client(intercom).save_draft(ARTICLE, parent_id=145)
    stored = intercom.articles[remote.remote_id]
    assert stored["state"] == "draft" and stored["author_id"] == int(ADMIN)
    assert stored["parent_id"] == 145 and stored["parent_type"] == "collection"
    assert "<h2>Fix</h2>" in stored["body"] and "&lt;now&gt;" in stored["body"]
    assert stored["description"] == "Fix"
    ja = stored["translated_content"]["ja"]
    assert ja["title"] == "Android 13 のプッシュ通知"
    assert ja["state"] == "draft" and ja["type"] == "article_content"
    assert remote.edited_at == str(stored["updated_at"]) and remote.url == ""  # a draft has no public address
    posts = [r for r in intercom.requests if r[0] == "POST"]
    assert len(posts) == 1 and all(r[3].get("Intercom-Version") == "2.11" for r in intercom.requests)


def test_save_remembers_the_copy_updates_it_and_stops_on_an_edit_made_in_intercom(intercom, database):
    knowledge, copies = KnowledgeService(database), RemoteCopies(database)
    article = knowledge.create_article(ARTICLE)
    client = _client(intercom)
    assert intercom_copy_changed(copies, article.id, client) is None
    first = save_to_intercom(knowledge, copies, article.id, client, account_id="intercom-main")
    assert copies.get(article.id, INTERCOM) == first and first.account_id == "intercom-main"
    knowledge.update_article(article.id, kb.ArticleFields(**{**ARTICLE.__dict__, "body_en": "## Fix\nNew."}),
                             expected_version=article.version)
    second = save_to_intercom(knowledge, copies, article.id, client, account_id="intercom-main")
    assert second.remote_id == first.remote_id and len(intercom.articles) == 1  # updated, not duplicated
    assert intercom.articles[first.remote_id]["body"] == "<h2>Fix</h2><p>New.</p>"
    assert intercom_copy_changed(copies, article.id, client) is False
    intercom.articles[first.remote_id]["body"] = "<p>edited in Intercom</p>"
    intercom.articles[first.remote_id]["updated_at"] = intercom.tick()
    assert intercom_copy_changed(copies, article.id, client) is True
    with pytest.raises(RemoteChanged):
        save_to_intercom(knowledge, copies, article.id, client, account_id="intercom-main")
    assert intercom.articles[first.remote_id]["body"] == "<p>edited in Intercom</p>"
    save_to_intercom(knowledge, copies, article.id, client, account_id="intercom-main", force=True)
    assert intercom.articles[first.remote_id]["body"] == "<h2>Fix</h2><p>New.</p>"
    assert intercom.articles[first.remote_id]["state"] == "draft"


def test_a_live_article_is_never_replaced_or_unpublished_without_saying_so(intercom):
    client = _client(intercom)
    remote = client.save_draft(ARTICLE)
    intercom.articles[remote.remote_id]["state"] = "published"  # someone published it in Intercom
    remote = client.read(remote.remote_id)
    assert remote.url.startswith("https://intercom.help/")
    with pytest.raises(RemoteLive):
        client.save_draft(ARTICLE, remote=remote)
    assert [r[0] for r in intercom.requests].count("PUT") == 0
    client.save_draft(ARTICLE, remote=remote, replace_live=True)
    assert intercom.articles[remote.remote_id]["state"] == "published"  # still live, not taken down


def test_refusals_come_back_in_intercoms_words(intercom):
    with pytest.raises(AuthFailed):
        _client(intercom, token="wrong").save_draft(ARTICLE)
    client = _client(intercom)
    with pytest.raises(NotFound):
        client.read("424242")
    with pytest.raises(IntegrationError, match="title and author_id are required"):
        client.save_draft(kb.ArticleFields(title_en="", body_en="A body without a title"))
