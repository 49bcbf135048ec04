"""Accounts keep their tokens only in the keyring; a machine without a secure keyring refuses to store."""

from __future__ import annotations

import keyring
import pytest
from keyring.backends import fail

from cre_desk.config import Settings
from cre_desk.errors import UserError
from cre_desk.integrations import accounts, credentials

CANARY = "ztk_CANARY_accounts_0123456789"


def test_token_goes_to_the_keyring_and_never_to_the_settings_file(tmp_path):
    settings = Settings()
    account = accounts.Account(
        id="zendesk-acme", provider="zendesk", subdomain="acme", email="aki@example.com"
    )
    accounts.save_account(settings, account, CANARY)
    path = tmp_path / "settings.json"
    settings.save(path)
    assert CANARY not in path.read_text(encoding="utf-8")
    assert credentials.load_token("zendesk-acme") == CANARY
    loaded = accounts.load_accounts(Settings.load(path))
    assert loaded == [account]
    accounts.remove_account(settings, "zendesk-acme")
    assert credentials.load_token("zendesk-acme") is None and settings.accounts == []


def test_no_secure_keyring_means_the_token_is_refused_not_written_in_plain_text():
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        with pytest.raises(credentials.KeyringUnavailable, match="no secure password store"):
            credentials.store_token("zendesk-acme", CANARY)
    finally:
        keyring.set_keyring(previous)


@pytest.mark.parametrize(
    "account, message",
    [
        (accounts.Account(id="Bad Name", provider="zendesk"), "short name"),
        (accounts.Account(id="z", provider="zendesk", subdomain="", email="a@b.c"), "subdomain"),
        (accounts.Account(id="z", provider="zendesk", subdomain="acme", email="nobody"), "e-mail"),
        (accounts.Account(id="g", provider="github", base_url="http://github.example.com"), "https://"),
        (accounts.Account(id="i", provider="intercom", region="mars"), "region"),
    ],
)
def test_account_settings_are_checked_with_a_plain_message(account, message):
    with pytest.raises(UserError, match=message):
        account.validated()


def test_missing_token_is_explained():
    with pytest.raises(UserError, match="No token is stored"):
        accounts.provider_for(accounts.Account(id="gh", provider="github"))


@pytest.mark.parametrize(
    "typed",
    [
        "acme",
        "acme.zendesk.com",
        "https://acme.zendesk.com",
        "https://acme.zendesk.com/agent/tickets/12",
        " ACME.zendesk.com/ ",
    ],
)
def test_zendesk_subdomain_field_takes_the_address_as_people_paste_it(typed):
    """Issue 14: the subdomain field rejected ``acme.zendesk.com`` and URLs."""
    from cre_desk.integrations.accounts import Account

    account = Account(id="zendesk-acme", provider="zendesk", subdomain=typed, email="a@x.example").validated()
    assert account.subdomain == "acme"


@pytest.mark.parametrize(
    "account, secret",
    [
        (
            accounts.Account(id="freshdesk-acme", provider="freshdesk", subdomain="acme"),
            "fdk_CANARY_accounts_0123",
        ),
        (
            accounts.Account(id="helpscout-support", provider="helpscout", app_id="hsapp_01", mailbox="85"),
            "hss_CANARY_accounts_0123",
        ),
    ],
)
def test_freshdesk_key_and_help_scout_secret_go_to_the_keyring_only(tmp_path, account, secret):
    settings = Settings()
    accounts.save_account(settings, account, secret)
    path = tmp_path / "settings.json"
    settings.save(path)
    assert secret not in path.read_text(encoding="utf-8")
    assert credentials.load_token(account.id) == secret
    assert accounts.load_accounts(Settings.load(path)) == [account]
    provider = accounts.provider_for(account)
    assert (
        provider.name == account.provider
        and secret not in repr(provider)
        and secret not in str(vars(provider))
    )
    accounts.remove_account(settings, account.id)
    assert credentials.load_token(account.id) is None


@pytest.mark.parametrize(
    "account, message",
    [
        (accounts.Account(id="f", provider="freshdesk", subdomain="acme corp"), "Freshdesk domain"),
        (accounts.Account(id="h", provider="helpscout", app_id=""), "App ID"),
        (accounts.Account(id="h", provider="helpscout", app_id="hsapp", mailbox="Support"), "mailbox"),
    ],
)
def test_freshdesk_and_help_scout_settings_are_checked_with_a_plain_message(account, message):
    with pytest.raises(UserError, match=message):
        account.validated()


def test_freshdesk_domain_is_stored_as_its_name():
    account = accounts.Account(
        id="f", provider="freshdesk", subdomain="https://Acme.freshdesk.com/a/tickets/7"
    )
    assert account.validated().subdomain == "acme"
