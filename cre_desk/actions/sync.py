"""Syncing the helpdesk accounts: "Sync helpdesks", the background timer and ``cre-desk sync``.

Why here: both callers must import the same way, and in particular must redact the logs they import
exactly as attaching by hand does when the user turned redaction on (``Settings.redact_logs``).
The per-account rules (rate limits, resumable cursors, what a failure means) live in
``cre_desk.actions.helpdesk_sync``; this decides what goes in and which file each attachment becomes.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from cre_desk.actions.attach import redacted_copy
from cre_desk.actions.helpdesk_sync import AccountOutcome, helpdesk_accounts, sync_accounts
from cre_desk.db.imports import ImportStore
from cre_desk.integrations.accounts import Account, load_accounts, provider_for


def accounts_to_sync(settings, *, account_id: str | None = None, provider: str | None = None
                     ) -> list[Account]:
    """The configured helpdesk accounts (GitHub is not one), optionally only one id or one provider."""
    return [a for a in helpdesk_accounts(load_accounts(settings))
            if (account_id is None or a.id == account_id) and (provider is None or a.provider == provider)]


def sync_helpdesks(store: ImportStore, settings, accounts: list[Account], *, temp_dir: Path,
                   make_provider: Callable[[Account], object] = provider_for,
                   cancel: Callable[[], bool] = lambda: False,
                   progress: Callable[[str], None] = lambda text: None,
                   skip_until: dict[str, datetime] | None = None, interval_minutes: int = 0,
                   ) -> list[AccountOutcome]:
    """Import each account in turn; raises ``Cancelled`` (every finished page kept) when ``cancel()``.

    Attached logs are redacted on the way in when ``settings.redact_logs`` is on.
    """
    prepare_file = redacted_copy if settings.redact_logs else None
    return sync_accounts(store, accounts, temp_dir=temp_dir, make_provider=make_provider, cancel=cancel,
                         progress=progress, skip_until=skip_until, interval_minutes=interval_minutes,
                         prepare_file=prepare_file)
