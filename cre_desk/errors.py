"""Exception types that carry end-user text, split the way the user is told about them.

``UserError`` is a problem with what the user asked for or gave us (bad input, corrupt file):
the message is shown as is. ``EnvironmentFault`` is something around the app going wrong (disk
full, database locked, offline, keyring refused): shown with a suggested action. Anything else is
a bug and goes to the crash path.
"""

from __future__ import annotations


class CreDeskError(Exception):
    """Base for errors whose message is written for the end user."""

    def __init__(self, message: str, *, detail: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.detail = detail

    def __str__(self) -> str:
        return self.message


class UserError(CreDeskError):
    """The input or request cannot be honoured; the message says why in plain words."""


class EnvironmentFault(CreDeskError):
    """Something outside the app failed; ``action`` tells the user what to try."""

    def __init__(self, message: str, *, action: str = "", detail: str = "") -> None:
        super().__init__(message, detail=detail)
        self.action = action


class ConflictError(CreDeskError):
    """Someone else saved the same record first; both versions are kept for the user to choose."""

    def __init__(self, message: str, *, mine: object = None, theirs: object = None) -> None:
        super().__init__(message)
        self.mine = mine
        self.theirs = theirs


class Cancelled(Exception):  # noqa: N818 - reads naturally at raise sites
    """The user stopped a long operation; not an error to report."""
