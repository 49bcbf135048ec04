"""``cre-desk sync`` runs the same sync as the window and says what to do about a failing account."""

from __future__ import annotations

from test_zendesk import CANARY, EMAIL, comment, export, serve_comments, ticket

from cre_desk import sync_cli
from cre_desk.config import Settings, default_paths
from cre_desk.integrations.accounts import Account, save_account
from cre_desk.integrations.zendesk import EXPORT_PATH


def _configure(home, base_url: str) -> None:
    paths = default_paths(home)
    settings = Settings()
    save_account(
        settings,
        Account(
            id="zendesk-acme",
            provider="zendesk",
            subdomain="acme",
            email=EMAIL,
            base_url=base_url.rstrip("/"),
        ),
        CANARY,
    )
    settings.save(paths.settings_file)


def test_cli_sync_imports_and_reports(httpserver, tmp_path, capsys):
    serve_comments(httpserver, 7, [comment(1, 100, "Push broken")])
    httpserver.expect_request(EXPORT_PATH).respond_with_json(export([ticket(7)], "c1", True, httpserver))
    _configure(tmp_path / "home", httpserver.url_for("/"))
    assert sync_cli.main([], home=tmp_path / "home") == 0
    assert "zendesk-acme: 1 new ticket(s)" in capsys.readouterr().out


def test_cli_sync_failure_says_what_to_do(httpserver, tmp_path, capsys):
    httpserver.expect_request(EXPORT_PATH).respond_with_json(
        {"error": "Couldn't authenticate you"}, status=401
    )
    _configure(tmp_path / "home", httpserver.url_for("/"))
    assert sync_cli.main(["--provider", "zendesk"], home=tmp_path / "home") == 1
    err = capsys.readouterr().err
    assert "File → Accounts" in err and CANARY not in err
