"""``cre-desk sync [--account ID] [--provider NAME]``: import helpdesk tickets without the window.

Uses the accounts configured in the app (tokens from the keyring) and resumes each account from
where its last import stopped. Exit status 0 when every account synced, 1 otherwise.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from cre_desk.errors import CreDeskError


def main(argv: list[str], db_url: str | None = None, home: Path | None = None) -> int:
    parser = argparse.ArgumentParser(prog="cre-desk sync", description="Import tickets from helpdesk accounts.")
    parser.add_argument("--account", help="only this account id")
    parser.add_argument("--provider", choices=("zendesk", "intercom", "freshdesk", "helpscout"),
                        help="only accounts of this provider")
    args = parser.parse_args(argv)
    from cre_desk.config import Settings, default_paths
    from cre_desk.db.imports import ImportStore, import_all
    from cre_desk.db.workspace import open_workspace
    from cre_desk.integrations.accounts import HELPDESKS, load_accounts, provider_for

    paths = default_paths(home)
    settings = Settings.load(paths.settings_file)
    accounts = [a for a in load_accounts(settings) if a.provider in HELPDESKS
                and (args.account is None or a.id == args.account)
                and (args.provider is None or a.provider == args.provider)]
    if not accounts:
        print("No matching helpdesk account. Add one in Settings → Accounts.", file=sys.stderr)
        return 1
    workspace = open_workspace(paths, db_url or settings.db_url)
    failures = 0
    try:
        store = ImportStore(workspace.tickets)
        for account in accounts:
            try:
                provider = provider_for(account)
                result = import_all(store, provider, account.id, temp_dir=paths.temp_dir / f"sync-{account.id}",
                                    progress=lambda text, a=account: print(f"{a.id}: {text}", file=sys.stderr))
                print(f"{account.id}: {result.describe()}")
                for problem in result.problems:
                    print(f"{account.id}: {problem}", file=sys.stderr)
            except CreDeskError as exc:
                failures += 1
                print(f"{account.id}: {exc}", file=sys.stderr)
    finally:
        workspace.close()
    return 1 if failures else 0
