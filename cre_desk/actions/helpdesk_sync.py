"""Sync every helpdesk account once: behind "Sync helpdesks", background sync and ``cre-desk sync``.

Why this exists: the window (on demand and every few minutes) and the command line must behave the same
way. Each account is imported on its own, so one failing or rate-limited account never hides or blocks
the others; a short rate limit is waited out with a visible countdown, a long one is remembered and
that account alone is skipped until it ends. Every failure becomes a sentence that says what to do.
Requests stop as soon as ``cancel()`` is true (``integrations.transport.cancel_scope``). Qt-free.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from cre_desk.db.imports import DEFAULT_HISTORY_DAYS
from cre_desk.errors import Cancelled, CreDeskError, EnvironmentFault
from cre_desk.integrations import transport
from cre_desk.integrations.accounts import PROVIDERS, Account
from cre_desk.integrations.http_errors import (
    AuthFailed,
    BadResponse,
    IntegrationError,
    Offline,
    RateLimited,
    ServerError,
    UntrustedServer,
)

log = logging.getLogger(__name__)

#: A rate limit up to this long is waited out (with a countdown) within the same sync.
MAX_RATE_LIMIT_WAIT_S = 15 * 60
#: Ticket sources; GitHub accounts are for bug links, not tickets.
NOT_HELPDESKS = frozenset({"github"})


@dataclass
class AccountOutcome:
    """What one account's sync did, in words for the status bar and the command line."""

    account_id: str
    ok: bool
    summary: str = ""  # "2 new ticket(s), …" or the failure, with what to do
    problems: list[str] = field(default_factory=list)
    retry_after: datetime | None = None  # rate limited: the account is skipped until then
    finished_at: datetime = field(default_factory=lambda: datetime.now(UTC))

    def line(self) -> str:
        return f"{self.account_id}: {self.summary}"


def helpdesk_accounts(accounts: list[Account]) -> list[Account]:
    return [a for a in accounts if a.provider in PROVIDERS and a.provider not in NOT_HELPDESKS]


def explain(exc: BaseException, account: Account, interval_minutes: int = 0) -> str:
    """One sentence: what went wrong with this account and what the engineer can do about it."""
    name = PROVIDERS.get(account.provider, account.provider)
    later = (
        f"CRE Desk tries again in {interval_minutes} minutes, or press Sync helpdesks (F6)."
        if interval_minutes
        else "Try again later with Sync helpdesks (F6)."
    )
    if isinstance(exc, AuthFailed):
        return (
            f"{name} refused this account's token: enter a new API token in File → Accounts and press "
            "Test connection."
        )
    if isinstance(exc, RateLimited):
        return (
            f"{name} asked CRE Desk to slow down; this account syncs again after "
            f"{exc.until.astimezone().strftime('%H:%M')}."
        )
    if isinstance(exc, UntrustedServer):
        return str(exc)
    if isinstance(exc, Offline):
        return f"{exc} Check the network connection. {later}"
    if isinstance(exc, ServerError):
        return f"{exc.message.rstrip('.')}. {later}"
    if isinstance(exc, BadResponse):
        return (
            f"{exc.message.rstrip('.')}. If this keeps happening, check the account's address in "
            "File → Accounts."
        )
    if isinstance(exc, EnvironmentFault):
        return f"{exc.message} {exc.action}".strip()
    if isinstance(exc, IntegrationError | CreDeskError):
        return str(exc)
    return (
        f"An unexpected error stopped this account's sync ({type(exc).__name__}); "
        "details are in the log file."
    )


def sync_accounts(
    store,
    accounts: list[Account],
    *,
    temp_dir: Path,
    make_provider: Callable[[Account], object],
    cancel: Callable[[], bool] = lambda: False,
    progress: Callable[[str], None] = lambda text: None,
    skip_until: dict[str, datetime] | None = None,
    interval_minutes: int = 0,
    now: Callable[[], datetime] = lambda: datetime.now(UTC),
    max_rate_limit_wait_s: float = MAX_RATE_LIMIT_WAIT_S,
    sleep: Callable[[float], object] = time.sleep,
    prepare_file: Callable[[Path], Path] | None = None,
) -> list[AccountOutcome]:
    """Import each helpdesk account in turn; raises Cancelled (with every finished page kept) when stopped.

    ``skip_until`` maps account ids to the end of a long rate limit: those accounts are left alone until
    then, and accounts newly rate limited are added to it. ``prepare_file`` (e.g.
    ``actions.attach.redacted_copy``) turns each downloaded attachment into the file to keep.
    """
    skip = skip_until if skip_until is not None else {}
    outcomes: list[AccountOutcome] = []
    for account in helpdesk_accounts(accounts):
        if cancel():
            raise Cancelled()
        until = skip.get(account.id)
        if until is not None and until > now():
            outcomes.append(
                AccountOutcome(account.id, False, explain(RateLimited(until), account), retry_after=until)
            )
            continue
        skip.pop(account.id, None)
        outcomes.append(
            _sync_one(
                store,
                account,
                temp_dir=temp_dir,
                make_provider=make_provider,
                cancel=cancel,
                progress=progress,
                skip=skip,
                interval_minutes=interval_minutes,
                now=now,
                max_wait=max_rate_limit_wait_s,
                sleep=sleep,
                prepare_file=prepare_file,
            )
        )
    return outcomes


def _sync_one(
    store,
    account: Account,
    *,
    temp_dir,
    make_provider,
    cancel,
    progress,
    skip,
    interval_minutes,
    now,
    max_wait,
    sleep,
    prepare_file=None,
) -> AccountOutcome:
    from cre_desk.actions.helpdesk_writeback import push_changes
    from cre_desk.core.field_mapping import parse as parse_field_map
    from cre_desk.db.imports import import_all

    problems: list[str] = []
    while True:
        try:
            with transport.cancel_scope(cancel):
                provider = make_provider(account)
                try:
                    pushed = push_changes(
                        store.service,
                        provider,
                        account.id,
                        triage_tags=getattr(account, "triage_tags", "") == "yes",
                    )
                    result = import_all(
                        store,
                        provider,
                        account.id,
                        temp_dir=temp_dir / f"sync-{account.id}",
                        cancel=cancel,
                        progress=lambda text: progress(f"{account.id}: {text}"),
                        history_days=_history_days(account),
                        prepare_file=prepare_file,
                        field_map=parse_field_map(getattr(account, "field_map", "") or ""),
                    )
                finally:
                    close = getattr(provider, "close", None)
                    if callable(close):
                        close()
            summary = "; ".join(filter(None, [result.describe(), pushed.describe()]))
            return AccountOutcome(account.id, True, summary, problems + pushed.problems + result.problems)
        except Cancelled:
            raise
        except RateLimited as exc:
            wait = (exc.until - now()).total_seconds()
            if wait > max_wait:
                skip[account.id] = exc.until
                log.info("%s rate limited until %s; skipped until then", account.id, exc.until.isoformat())
                return AccountOutcome(
                    account.id,
                    False,
                    explain(exc, account, interval_minutes),
                    problems,
                    retry_after=exc.until,
                )
            _countdown(account, exc.until, cancel=cancel, progress=progress, now=now, sleep=sleep)
            # …then resume the same account from where it stopped (its cursor was saved page by page).
        except Exception as exc:  # noqa: BLE001 - one account failing must not hide the others
            if not isinstance(exc, CreDeskError):
                log.exception("Sync of %s failed unexpectedly", account.id)
            else:
                log.warning("Sync of %s failed: %s", account.id, exc)
            return AccountOutcome(account.id, False, explain(exc, account, interval_minutes), problems)


def _history_days(account: Account) -> int:
    value = str(getattr(account, "history_days", "") or "")
    return int(value) if value.isdigit() and int(value) > 0 else DEFAULT_HISTORY_DAYS


def _countdown(account: Account, until: datetime, *, cancel, progress, now, sleep) -> None:
    """Wait for a rate limit to end, saying so every second; a cancel ends the wait at once."""
    name = PROVIDERS.get(account.provider, account.provider)
    while True:
        left = (until - now()).total_seconds()
        if left <= 0:
            return
        if cancel():
            raise Cancelled()
        progress(f"{account.id}: {name} is rate limiting; resuming in {int(left + 0.999)} s")
        sleep(min(1.0, left))
