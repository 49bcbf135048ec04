"""Zendesk Guide drafts against a local server answering the Help Center API's documented shapes."""

from __future__ import annotations

import base64
import json
import re
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from cre_desk.core import kb
from cre_desk.integrations.help_center import RemoteArticle, RemoteChanged, ZendeskGuide, body_html
from cre_desk.integrations.http import ApiClient

EMAIL, TOKEN = "agent@vendor.example", "gtk_CANARY_123"
BASIC = "Basic " + base64.b64encode(f"{EMAIL}/token:{TOKEN}".encode()).decode()


class FakeGuide:
    """Articles and translations in memory; every write bumps ``edited_at`` as Guide does."""

    def __init__(self) -> None:
        self.articles: dict[int, dict] = {}
        self.translations: dict[tuple[int, str], dict] = {}
        self.requests: list[tuple[str, str, dict | None]] = []
        self.clock = 0
        guide = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args) -> None:
                pass

            def _serve(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = json.loads(self.rfile.read(length)) if length else None
                guide.requests.append((self.command, self.path, body))
                if self.headers.get("Authorization") != BASIC:
                    return self._answer(401, {"error": "Couldn't authenticate you"})
                status, data = guide.route(self.command, self.path, body)
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

    def edited(self) -> str:
        self.clock += 1
        return f"2026-11-27T10:{self.clock:02d}:00Z"

    def article_json(self, aid: int) -> dict:
        a = self.articles[aid]
        en = self.translations[(aid, "en-us")]
        return {
            "id": aid,
            "url": f"{self.url}/api/v2/help_center/en-us/articles/{aid}.json",
            "html_url": f"https://acme.zendesk.com/hc/en-us/articles/{aid}",
            "title": en["title"],
            "body": en["body"],
            "locale": "en-us",
            "source_locale": "en-us",
            "draft": en["draft"],
            "section_id": a["section_id"],
            "permission_group_id": a["permission_group_id"],
            "user_segment_id": a["user_segment_id"],
            "created_at": "2026-11-27T10:00:00Z",
            "updated_at": a["edited_at"],
            "edited_at": a["edited_at"],
            "outdated": False,
        }

    def route(self, method: str, path: str, body):
        if m := re.fullmatch(r"/api/v2/help_center/en-us/sections/(\d+)/articles\.json", path):
            if method != "POST":
                return 405, {}
            art = body["article"]
            if "permission_group_id" not in art or "user_segment_id" not in art:
                return 400, {"error": "RecordInvalid", "description": "permission_group_id is required"}
            aid = 360000 + len(self.articles) + 1
            self.articles[aid] = {
                "section_id": int(m.group(1)),
                "permission_group_id": art["permission_group_id"],
                "user_segment_id": art["user_segment_id"],
                "edited_at": self.edited(),
            }
            self.translations[(aid, "en-us")] = {
                "title": art["title"],
                "body": art["body"],
                "draft": art["draft"],
            }
            return 201, {"article": self.article_json(aid)}
        if m := re.fullmatch(r"/api/v2/help_center/articles/(\d+)\.json", path):
            aid = int(m.group(1))
            if aid not in self.articles:
                return 404, {"error": "RecordNotFound"}
            return 200, {"article": self.article_json(aid)}
        if m := re.fullmatch(r"/api/v2/help_center/articles/(\d+)/translations\.json", path):
            aid, tr = int(m.group(1)), body["translation"]
            if (aid, tr["locale"]) in self.translations:
                return 400, {"error": "RecordInvalid", "description": "Locale has already been taken"}
            self.translations[(aid, tr["locale"])] = {
                "title": tr["title"],
                "body": tr["body"],
                "draft": tr.get("draft", False),
            }
            self.articles[aid]["edited_at"] = self.edited()
            return 201, {
                "translation": {
                    "id": 1,
                    "locale": tr["locale"],
                    "source_id": aid,
                    "title": tr["title"],
                    "body": tr["body"],
                    "draft": tr.get("draft", False),
                }
            }
        if m := re.fullmatch(r"/api/v2/help_center/articles/(\d+)/translations/([\w-]+)\.json", path):
            aid, locale = int(m.group(1)), m.group(2)
            if (aid, locale) not in self.translations:
                return 404, {"error": "RecordNotFound"}
            self.translations[(aid, locale)].update(body["translation"])
            self.articles[aid]["edited_at"] = self.edited()
            return 200, {
                "translation": {"locale": locale, "source_id": aid, **self.translations[(aid, locale)]}
            }
        return 404, {"error": "InvalidEndpoint"}

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def guide_server():
    server = FakeGuide()
    yield server
    server.close()


def _guide(server: FakeGuide) -> ZendeskGuide:
    return ZendeskGuide(
        "acme",
        EMAIL,
        TOKEN,
        base_url=server.url,
        client_factory=lambda base, *, headers: ApiClient(base, headers=headers, timeout=(2, 5)),
    )


ARTICLE = kb.ArticleFields(
    title_en="Push on Android 13",
    title_ja="Android 13 のプッシュ通知",
    body_en="## Fix\nAsk for the permission <now>.\n\n## How to check it worked\n1. Send a push",
    body_ja="## 対応方法\n通知許可を求めてください。",
)


def test_create_sends_a_draft_with_its_japanese_translation(guide_server):
    remote = _guide(guide_server).save_draft(ARTICLE, section_id=77, permission_group_id=5)
    aid = int(remote.remote_id)
    assert remote.url == f"https://acme.zendesk.com/hc/en-us/articles/{aid}"
    en = guide_server.translations[(aid, "en-us")]
    assert en["draft"] is True and "<h2>Fix</h2>" in en["body"] and "&lt;now&gt;" in en["body"]
    assert "<ol><li>Send a push</li></ol>" in en["body"]
    assert guide_server.translations[(aid, "ja")]["title"] == "Android 13 のプッシュ通知"
    assert remote.edited_at == guide_server.articles[aid]["edited_at"]
    post = guide_server.requests[0]
    assert post[2]["notify_subscribers"] is False and post[2]["article"]["user_segment_id"] is None


def test_update_replaces_our_draft_but_stops_when_guide_was_edited(guide_server):
    guide = _guide(guide_server)
    remote = guide.save_draft(ARTICLE, section_id=77, permission_group_id=5)
    changed = kb.ArticleFields(**{**ARTICLE.__dict__, "body_en": "## Fix\nNew wording."})
    again = guide.save_draft(changed, section_id=77, permission_group_id=5, remote=remote)
    aid = int(remote.remote_id)
    assert guide_server.translations[(aid, "en-us")]["body"] == "<h2>Fix</h2><p>New wording.</p>"
    assert again.edited_at != remote.edited_at and not guide.remote_changed(again)
    guide_server.translations[(aid, "en-us")]["body"] = "<p>edited in Guide</p>"
    guide_server.articles[aid]["edited_at"] = guide_server.edited()
    assert guide.remote_changed(again)
    with pytest.raises(RemoteChanged):
        guide.save_draft(ARTICLE, section_id=77, permission_group_id=5, remote=again)
    assert guide_server.translations[(aid, "en-us")]["body"] == "<p>edited in Guide</p>"
    guide.save_draft(ARTICLE, section_id=77, permission_group_id=5, remote=again, force=True)
    assert "<h2>Fix</h2>" in guide_server.translations[(aid, "en-us")]["body"]


def test_a_missing_translation_is_created_on_update(guide_server):
    guide = _guide(guide_server)
    english_only = kb.ArticleFields(title_en="Only English", body_en="Text")
    remote = guide.save_draft(english_only, section_id=1, permission_group_id=5)
    assert (int(remote.remote_id), "ja") not in guide_server.translations
    guide.save_draft(ARTICLE, section_id=1, permission_group_id=5, remote=remote)
    assert guide_server.translations[(int(remote.remote_id), "ja")]["draft"] is True


def test_body_html_escapes_everything():
    assert body_html("<script>x</script>") == "<p>&lt;script&gt;x&lt;/script&gt;</p>"


def test_wrong_token_is_refused_in_plain_words(guide_server):
    from cre_desk.integrations.http_errors import AuthFailed

    guide = ZendeskGuide(
        "acme",
        EMAIL,
        "wrong",
        base_url=guide_server.url,
        client_factory=lambda base, *, headers: ApiClient(base, headers=headers, timeout=(2, 5)),
    )
    with pytest.raises(AuthFailed):
        guide.save_draft(ARTICLE, section_id=1, permission_group_id=5)
    assert RemoteArticle("1", "", "")
