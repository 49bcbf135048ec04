"""GitHub issue references as people write them: an issue's address or ``owner/repo#12``.

Plain text rules, shared by the GitHub client and by anything that stores an issue link (linked tickets,
product-feedback items), so no layer needs the HTTP client just to read a reference.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from urllib.parse import urlsplit

from cre_desk.errors import UserError

_OWNER = r"[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}"
_REPO = r"[A-Za-z0-9._-]{1,100}"
_NUMBER = r"[1-9][0-9]{0,9}"
_SHORT_REF = re.compile(rf"({_OWNER})/({_REPO})#({_NUMBER})")
_URL_PATH = re.compile(rf"/({_OWNER})/({_REPO})/(?:issues|pull)/({_NUMBER})(?:/.*)?")
_GITHUB_HOSTS = frozenset({"github.com", "www.github.com"})


def parse_issue_ref(text: str, hosts: Iterable[str] = ()) -> tuple[str, str, int]:
    """``(owner, repo, number)`` from an issue URL or ``owner/repo#12``; UserError for anything else.

    ``hosts`` adds the web hosts of configured GitHub Enterprise servers to github.com.
    """
    raw = (text or "").strip()
    match = _SHORT_REF.fullmatch(raw)
    if match is None and raw:
        url = raw if "://" in raw else f"https://{raw}"
        try:
            parts = urlsplit(url)
            host = (parts.hostname or "").lower()
            port = parts.port
        except ValueError:
            parts, host, port = None, "", None
        known = host in _GITHUB_HOSTS or host in {h.lower() for h in hosts}
        if parts is not None and parts.scheme.lower() in ("https", "http") and known \
                and port in (None, 443) and not parts.username and not parts.password:
            match = _URL_PATH.fullmatch(parts.path.rstrip("/"))
    if match is None:
        shown = raw if len(raw) <= 80 else raw[:77] + "..."
        raise UserError(f"“{shown}” is not a GitHub issue. Paste the issue's address "
                        "(https://github.com/owner/repo/issues/12) or write owner/repo#12.")
    owner, repo, number = match.group(1), match.group(2), int(match.group(3))
    if repo in (".", "..") or repo.endswith(".git"):
        raise UserError(f"“{raw}” does not name a GitHub repository.")
    return owner, repo, number
