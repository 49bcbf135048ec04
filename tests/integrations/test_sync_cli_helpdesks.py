"""``cre-desk sync --provider freshdesk|helpscout`` imports from those accounts without the window."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from fake_helpdesks import (  # noqa: E402 - sibling helper module
    FD_KEY,
    HS_APP_ID,
    HS_SECRET,
    FakeFreshdesk,
    FakeHelpScout,
    fd_ticket,
    hs_conversation,
    hs_thread,
)

from cre_desk import sync_cli
from cre_desk.config import Settings, default_paths
from cre_desk.integrations import accounts


def test_sync_command_imports_the_chosen_provider_only(tmp_path, capsys):
    fd, hs = FakeFreshdesk(), FakeHelpScout()
    recent = (datetime.now(UTC) - timedelta(days=2)).strftime(
        "%Y-%m-%dT%H:%M:%SZ"
    )  # within a first sync's reach
    try:
        fd.add(fd_ticket(1, recent))
        hs.add(
            hs_conversation(
                1, recent, threads=[hs_thread(10, "customer", "<p>Banner never shows</p>", recent)]
            )
        )
        home = tmp_path / "home"
        paths = default_paths(home)
        settings = Settings()
        accounts.save_account(
            settings,
            accounts.Account(id="freshdesk-acme", provider="freshdesk", subdomain="acme", base_url=fd.url),
            FD_KEY,
        )
        accounts.save_account(
            settings,
            accounts.Account(id="helpscout-support", provider="helpscout", app_id=HS_APP_ID, base_url=hs.url),
            HS_SECRET,
        )
        paths.settings_file.parent.mkdir(parents=True, exist_ok=True)
        settings.save(paths.settings_file)
        assert sync_cli.main(["--provider", "helpscout"], home=home) == 0
        out = capsys.readouterr().out
        assert "helpscout-support: 1 new ticket" in out and "freshdesk" not in out
        assert fd.requests == []
        assert sync_cli.main(["--provider", "freshdesk"], home=home) == 0
        assert "freshdesk-acme: 1 new ticket" in capsys.readouterr().out
    finally:
        fd.close()
        hs.close()
