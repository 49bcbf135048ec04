"""``cre-desk kb``: list, export, suggest, candidates, health, FAQ and Guide drafts from the command line."""

from __future__ import annotations

import json

from cre_desk import cli
from cre_desk.config import Settings, default_paths
from cre_desk.core import kb, replies, reply_render
from cre_desk.core.tickets import TicketFields
from cre_desk.db.kb_service import KnowledgeService
from cre_desk.db.workspace import open_workspace
from tests.integrations.test_help_center import EMAIL, TOKEN, FakeGuide


def _home(tmp_path):
    home = tmp_path / "home"
    ws = open_workspace(default_paths(home))
    ids = []
    for title in ("Push not delivered on Android 13", "Android 13 push notifications not delivered"):
        t = ws.tickets.create_ticket(TicketFields(title=title, symptom="push_not_delivered"))
        reply = replies.Reply(summary="s", cause="Permission missing.", fix="Request the permission.")
        ws.tickets.record_sent_reply(
            t.id, reply_render.render_plain(reply, "en"), language="en", audience="marketer"
        )
        ws.tickets.change_status(t.id, "solved")
        ids.append(t.id)
    knowledge = KnowledgeService(ws.db)
    knowledge.create_article(
        kb.ArticleFields(
            title_en="Published <one>", title_ja="公開済み", body_en="## Fix\nDo it.", status="published"
        )
    )
    knowledge.create_article(kb.ArticleFields(title_en="Still a draft"))
    ws.close()
    return home, ids


def test_list_export_suggest_candidates_health_and_faq(tmp_path, capsys):
    home, ids = _home(tmp_path)
    assert cli.main(["--home", str(home), "kb", "list"]) == 0
    assert "Still a draft" in capsys.readouterr().out
    assert cli.main(["--home", str(home), "kb", "export", "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [r["title_en"] for r in rows] == ["Published <one>"] and rows[0]["title_ja"] == "公開済み"
    assert cli.main(["--home", str(home), "kb", "export", "--format", "html"]) == 0
    page = capsys.readouterr().out
    assert "<h1>Published &lt;one&gt;</h1><h2>Fix</h2><p>Do it.</p>" in page and 'lang="ja"' in page
    assert cli.main(["--home", str(home), "kb", "export", "--format", "md", "--all"]) == 0
    assert "# Still a draft" in capsys.readouterr().out
    assert cli.main(["--home", str(home), "kb", "suggest", str(ids[0])]) == 0
    out = capsys.readouterr().out
    assert f"ticket #{ids[1]}" in out and "similar words" in out
    assert cli.main(["--home", str(home), "kb", "candidates"]) == 0
    assert f"2 tickets (#{ids[0]}, #{ids[1]})" in capsys.readouterr().out
    assert cli.main(["--home", str(home), "kb", "faq", str(ids[0]), "--owner", "aki"]) == 0
    assert "Drafted FAQ article #3" in capsys.readouterr().out
    assert cli.main(["--home", str(home), "kb", "health"]) == 0
    assert "#3\tdraft\t0\t0\t0" in capsys.readouterr().out


def test_publish_asks_first_then_saves_a_guide_draft_through_the_account(tmp_path, capsys, monkeypatch):
    from cre_desk.integrations import accounts

    home, _ids = _home(tmp_path)
    server = FakeGuide()
    try:
        paths = default_paths(home)
        settings = Settings.load(paths.settings_file)
        account = accounts.Account(
            id="zendesk-acme", provider="zendesk", subdomain="acme", email=EMAIL, base_url=server.url
        )
        accounts.save_account(settings, account, TOKEN)
        settings.save(paths.settings_file)
        args = [
            "--home",
            str(home),
            "kb",
            "publish",
            "1",
            "--account",
            "zendesk-acme",
            "--section",
            "7",
            "--permission-group",
            "5",
        ]
        monkeypatch.setattr("builtins.input", lambda prompt: "n")
        assert cli.main(args) == 1
        assert server.requests == []
        monkeypatch.setattr("builtins.input", lambda prompt: "y")
        assert cli.main(args) == 0
        assert "Saved as a draft in Zendesk Guide: https://acme.zendesk.com/hc/en-us/articles/360001" in (
            capsys.readouterr().out
        )
        ws = open_workspace(paths)
        try:
            saved = KnowledgeService(ws.db).get_article(1)
            assert saved.remote_id == "360001" and saved.version == 1
        finally:
            ws.close()
        server.translations[(360001, "en-us")]["body"] = "edited in Guide"
        server.articles[360001]["edited_at"] = server.edited()
        assert cli.main([*args, "--yes"]) == 1
        assert "edited in Zendesk Guide" in capsys.readouterr().err
        assert cli.main([*args, "--yes", "--replace-remote"]) == 0
        assert server.translations[(360001, "en-us")]["body"] == "<h2>Fix</h2><p>Do it.</p>"
    finally:
        server.close()


def test_publish_through_an_intercom_account_keeps_the_copy_and_refuses_a_live_article(tmp_path, capsys,
                                                                                      monkeypatch):
    from cre_desk.db.kb_remotes import INTERCOM, RemoteCopies
    from cre_desk.integrations import accounts
    from tests.integrations.test_intercom_articles import TOKEN as INTERCOM_TOKEN
    from tests.integrations.test_intercom_articles import FakeIntercom

    home, _ids = _home(tmp_path)
    server = FakeIntercom()
    try:
        paths = default_paths(home)
        settings = Settings.load(paths.settings_file)
        accounts.save_account(settings, accounts.Account(id="intercom-main", provider="intercom",
                                                         base_url=server.url), INTERCOM_TOKEN)
        settings.save(paths.settings_file)
        args = ["--home", str(home), "kb", "publish", "1", "--account", "intercom-main",
                "--collection", "145"]
        monkeypatch.setattr("builtins.input", lambda prompt: "n")
        assert cli.main(args) == 1 and server.requests == []
        assert cli.main([*args, "--yes"]) == 0
        assert "Saved to Intercom Articles: article 9001" in capsys.readouterr().out
        ws = open_workspace(paths)
        try:
            assert RemoteCopies(ws.db).get(1, INTERCOM).remote_id == "9001"
        finally:
            ws.close()
        server.articles["9001"]["state"] = "published"
        assert cli.main([*args, "--yes"]) == 1
        assert "published in Intercom" in capsys.readouterr().err
        assert cli.main([*args, "--yes", "--replace-live"]) == 0
        assert len(server.articles) == 1 and server.articles["9001"]["state"] == "published"
    finally:
        server.close()
