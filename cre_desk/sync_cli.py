"""``cre-desk sync [--account ID] [--provider NAME]``: import helpdesk tickets without the window.

Uses the accounts configured in the app (tokens from the keyring) and resumes each account from
where its last import stopped. Exit status 0 when every account synced, 1 otherwise.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def main(argv: list[str], db_url: str | None = None, home: Path | None = None) -> int:
    from cre_desk.integrations.accounts import PROVIDERS

    helpdesks = sorted(p for p in PROVIDERS if p != "github")
    parser = argparse.ArgumentParser(prog="cre-desk sync", description="Import tickets from helpdesk accounts.")
    parser.add_argument("--account", help="only this account id")
    parser.add_argument("--provider", choices=helpdesks, help="only accounts of this provider")
    args = parser.parse_args(argv)
    from cre_desk.actions.sync import accounts_to_sync, sync_helpdesks
    from cre_desk.config import Settings, default_paths
    from cre_desk.db.imports import ImportStore
    from cre_desk.db.workspace import open_workspace
    from cre_desk.integrations import transport

    paths = default_paths(home)
    settings = Settings.load(paths.settings_file)
    transport.configure(ca_bundle=settings.ca_bundle)
    accounts = accounts_to_sync(settings, account_id=args.account, provider=args.provider)
    if not accounts:
        print("No matching helpdesk account. Add one in the app under File → Accounts.", file=sys.stderr)
        return 1
    workspace = open_workspace(paths, db_url or settings.db_url)
    try:
        outcomes = sync_helpdesks(ImportStore(workspace.tickets), settings, accounts, temp_dir=paths.temp_dir,
                                  progress=lambda text: print(text, file=sys.stderr))
    finally:
        workspace.close()
    for outcome in outcomes:
        print(outcome.line(), file=sys.stdout if outcome.ok else sys.stderr)
        for problem in outcome.problems:
            print(f"{outcome.account_id}: {problem}", file=sys.stderr)
    return 0 if all(o.ok for o in outcomes) else 1
