"""Helpdesk and GitHub accounts as the user configured them (never their tokens).

Accounts are stored in the settings file; each one names its token's keyring entry by account id.
``provider_for`` builds the client for an account with the token read from the keyring.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass

from cre_desk.errors import UserError
from cre_desk.integrations import credentials

PROVIDERS = {
    "zendesk": "Zendesk",
    "intercom": "Intercom",
    "freshdesk": "Freshdesk",
    "helpscout": "Help Scout",
    "github": "GitHub",
}
#: Providers whose tickets are imported and answered (GitHub only links issues).
HELPDESKS = ("zendesk", "intercom", "freshdesk", "helpscout")


@dataclass
class Account:
    id: str  # short unique name, e.g. "zendesk-acme"
    provider: str  # zendesk | intercom | freshdesk | helpscout | github
    title: str = ""
    subdomain: str = ""  # Zendesk: the <name> of <name>.zendesk.com; Freshdesk: of <name>.freshdesk.com
    email: str = ""  # Zendesk: the agent e-mail the API token belongs to
    region: str = "us"  # Intercom: us | eu | au
    base_url: str = ""  # override (self-hosted GitHub Enterprise, or a test server)
    history_days: str = "90"  # helpdesks: how far back the first sync reaches (not the whole history)
    app_id: str = ""  # Help Scout: the OAuth app's App ID (its secret is the keyring token)
    mailbox: str = ""  # Help Scout: the mailbox id to import ("" = every mailbox the app's user sees)
    field_map: str = ""  # helpdesk fields that fill ours, "platform = custom_fields.360001234" lines
    triage_tags: str = ""  # "yes": symptom and category are sent to the helpdesk as tags

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> Account:
        known = {k: str(v) for k, v in data.items() if k in cls.__dataclass_fields__}
        return cls(**known)

    def validated(self) -> Account:
        if self.provider == "zendesk":
            self.subdomain = normalise_subdomain(self.subdomain)
        if not re.fullmatch(r"[a-z0-9][a-z0-9_-]{0,62}", self.id or ""):
            raise UserError("Give the account a short name of lower-case letters, digits, - or _.")
        if self.provider not in PROVIDERS:
            raise UserError(f"Unknown provider {self.provider!r}.")
        if self.provider == "zendesk" and not self.base_url:
            if not re.fullmatch(r"[a-z0-9][a-z0-9-]{0,62}", self.subdomain or ""):
                raise UserError("Enter the Zendesk subdomain: the NAME in NAME.zendesk.com.")
            if "@" not in self.email:
                raise UserError("Enter the e-mail address of the Zendesk agent the API token belongs to.")
        if self.base_url and not self.base_url.startswith(
            ("https://", "http://127.0.0.1", "http://localhost")
        ):
            raise UserError(
                "The server address must start with https:// (tokens are never sent unencrypted)."
            )
        if not (self.history_days or "").isdigit() or not 1 <= int(self.history_days) <= 3650:
            raise UserError("The first sync reaches back between 1 and 3650 days.")
        if self.provider == "intercom" and self.region not in ("us", "eu", "au"):
            raise UserError("Intercom region must be us, eu or au.")
        if self.provider == "freshdesk" and (self.subdomain or not self.base_url):
            from cre_desk.integrations.freshdesk import domain_from

            self.subdomain = domain_from(self.subdomain)
        if self.field_map:
            from cre_desk.core.field_mapping import parse, render

            self.field_map = render(parse(self.field_map))
        if self.provider == "helpscout":
            if not re.fullmatch(r"[A-Za-z0-9_-]{1,128}", self.app_id or ""):
                raise UserError("Enter the Help Scout App ID (Your Profile → My Apps).")
            if self.mailbox and not self.mailbox.isdigit():
                raise UserError(
                    "Choose a Help Scout mailbox from the list, or leave it empty for all of them."
                )
        return self


def normalise_subdomain(text: str) -> str:
    """``acme``, ``acme.zendesk.com`` and ``https://acme.zendesk.com/agent/tickets/1`` all mean ``acme``."""
    value = (text or "").strip().lower()
    if "://" in value:
        value = value.split("://", 1)[1]
    value = value.split("/", 1)[0].split("?", 1)[0].split("#", 1)[0]
    value = value.rsplit("@", 1)[-1].split(":", 1)[0].rstrip(".")
    if value.endswith(".zendesk.com"):
        value = value[: -len(".zendesk.com")]
    return value


def github_web_host(base_url: str) -> str:
    """The web host of a GitHub API address: api.github.com -> github.com, https://HOST/api/v3 -> HOST."""
    from urllib.parse import urlsplit

    host = (urlsplit(base_url or "https://api.github.com").hostname or "").lower()
    return "github.com" if host in ("api.github.com", "github.com") else host


def ticket_url_prefix(account: Account) -> str:
    """The start of this account's ticket addresses (as imports store them), or "" when it cannot be told."""
    if account.provider == "zendesk":
        base = (account.base_url or f"https://{account.subdomain}.zendesk.com").rstrip("/")
        return f"{base}/agent/tickets/"
    return ""


def account_for_ticket(
    accounts: list[Account], source: str, account_id: str, external_url: str = ""
) -> Account | None:
    """The one account a ticket's replies may go to; None when that cannot be told for certain.

    Tickets imported since accounts were recorded name theirs. An older ticket goes to the account whose
    ticket address it carries, or to the only account of its helpdesk; never to "the first" of several.
    """
    same = [a for a in accounts if a.provider == source]
    if account_id:
        return next((a for a in same if a.id == account_id), None)
    by_url = [a for a in same if ticket_url_prefix(a) and external_url.startswith(ticket_url_prefix(a))]
    if len(by_url) == 1:
        return by_url[0]
    return same[0] if len(same) == 1 else None


def load_accounts(settings) -> list[Account]:
    return [Account.from_dict(a) for a in getattr(settings, "accounts", []) if isinstance(a, dict)]


def save_account(settings, account: Account, token: str | None) -> None:
    """Add or replace an account; a new token goes to the keyring (never to ``settings``)."""
    account.validated()
    if token:
        credentials.store_token(account.id, token)
    others = [a for a in getattr(settings, "accounts", []) if a.get("id") != account.id]
    settings.accounts = [*others, account.to_dict()]


def remove_account(settings, account_id: str) -> None:
    settings.accounts = [a for a in getattr(settings, "accounts", []) if a.get("id") != account_id]
    credentials.delete_token(account_id)


def provider_for(account: Account):
    """The client for an account, with its token from the keyring; raises if the token is missing."""
    token = credentials.load_token(account.id)
    if not token:
        raise UserError(f"No token is stored for “{account.id}”. Open File → Accounts and enter it again.")
    if account.provider == "zendesk":
        from cre_desk.integrations.zendesk import ZendeskProvider

        return ZendeskProvider(account.subdomain, account.email, token, base_url=account.base_url or None)
    if account.provider == "intercom":
        from cre_desk.integrations.intercom import IntercomProvider

        return IntercomProvider(token, region=account.region, base_url=account.base_url or None)
    if account.provider == "freshdesk":
        from cre_desk.integrations.freshdesk import FreshdeskProvider

        return FreshdeskProvider(account.subdomain, token, base_url=account.base_url or None)
    if account.provider == "helpscout":
        from cre_desk.integrations.helpscout import HelpScoutProvider

        return HelpScoutProvider(
            account.app_id, token, mailbox=account.mailbox, base_url=account.base_url or None
        )
    from cre_desk.integrations.github import GitHubClient

    return GitHubClient(token, base_url=account.base_url or "https://api.github.com")
