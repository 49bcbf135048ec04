"""Tokens for helpdesk and GitHub accounts, kept only in the operating system's keyring.

A token never goes into the database, settings, logs or crash reports. When no secure keyring
backend exists (a bare Linux session, a frozen app without its backend), storing is refused with an
explanation instead of silently falling back to a plain-text file.
"""

from __future__ import annotations

import keyring
from keyring.errors import KeyringError, PasswordDeleteError

from cre_desk.errors import EnvironmentFault

SERVICE = "cre-desk"
#: Backends that do not protect anything: refusing them is the point of using a keyring.
_INSECURE = ("fail", "null", "plaintext", "chainer")


class KeyringUnavailable(EnvironmentFault):
    """No secure password store: tokens cannot be saved on this machine."""


def backend_name() -> str:
    backend = keyring.get_keyring()
    return f"{type(backend).__module__}.{type(backend).__name__}"


def _check_backend() -> None:
    backend = keyring.get_keyring()
    name = backend_name().lower()
    if any(word in name for word in _INSECURE) and not getattr(backend, "backends", None):
        raise KeyringUnavailable(
            "There is no secure password store on this computer, so the token was not saved.",
            action="On Linux, install and unlock a keyring such as GNOME Keyring or KWallet; on Windows and "
                   "macOS the system store is used automatically.",
        )


def _key(account_id: str) -> str:
    return f"account:{account_id}"


def store_token(account_id: str, token: str) -> None:
    try:
        _check_backend()
    except KeyringUnavailable:
        raise
    except Exception:  # noqa: BLE001 - a backend that cannot even start (no D-Bus session, say)
        raise KeyringUnavailable("The password store could not be opened, so the token was not saved.",
                                 action="Unlock or install the system keyring and try again.") from None
    try:
        keyring.set_password(SERVICE, _key(account_id), token)
    except Exception:  # noqa: BLE001 - backends raise their own types, not only KeyringError
        # ``from None``: the backend's own exception may quote what it was asked to store.
        raise KeyringUnavailable("The password store refused to save the token.",
                                 action="Unlock the system keyring and try again.") from None


def load_token(account_id: str) -> str | None:
    try:
        return keyring.get_password(SERVICE, _key(account_id))
    except KeyringError:
        return None


def delete_token(account_id: str) -> None:
    try:
        keyring.delete_password(SERVICE, _key(account_id))
    except (PasswordDeleteError, KeyringError):
        pass
