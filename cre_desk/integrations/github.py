"""GitHub Issues as the bug tracker that tickets link to: parse references, read issue state, file issues.

SDK support lives on bug linkage: a ticket waits on an engineering issue, and the engineer needs to know
when that issue was closed as fixed (``state_reason == "completed"``) or dropped (``"not_planned"``).
Refreshing many linked issues must be cheap, so reads are conditional (``If-None-Match`` with the stored
ETag; an authorised 304 does not count against the rate limit) and a 304 is reported as "unchanged".
GitHub's rate limits are honoured as its documentation asks: wait until ``x-ratelimit-reset`` when
``x-ratelimit-remaining`` is 0, follow ``retry-after``, and otherwise wait at least a minute, longer
each time, raising ``RateLimited`` instead of blocking when the wait exceeds the cap. Network safeguards
themselves (timeouts, redirects, token hygiene) live in ``http.ApiClient``.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from urllib.parse import quote

from cre_desk.core.issue_refs import parse_issue_ref
from cre_desk.errors import UserError
from cre_desk.integrations.http import ApiClient
from cre_desk.integrations.http_errors import BadResponse
from cre_desk.integrations.payloads import parse_time as _time

__all__ = ["GitHubClient", "IssueState", "parse_issue_ref", "API_VERSION"]

log = logging.getLogger(__name__)

API_VERSION = "2022-11-28"
#: GitHub: with no retry-after and no exhausted x-ratelimit-remaining, "wait for at least one minute".
MIN_RATE_LIMIT_WAIT_S = 60.0



@dataclass(frozen=True)
class IssueState:
    url: str
    title: str
    state: str  # "open" | "closed"
    state_reason: str | None  # "completed" | "not_planned" | "reopened" | None
    closed_at: datetime | None
    labels: tuple[str, ...]
    milestone: str | None
    etag: str | None



def _check_token(token: str | None) -> str | None:
    if token is None:
        return None
    token = token.strip()
    if not token:
        return None
    if not token.isascii() or not token.isprintable() or " " in token:
        # Never echo it back: messages end up in logs and screenshots.
        raise UserError("The GitHub token contains characters a token cannot have; paste it again.")
    return token


class _GitHubApiClient(ApiClient):
    """ApiClient with GitHub's fallback wait: no hint on a rate-limit answer means 60 s, doubling each time.

    ApiClient already waits until ``x-ratelimit-reset`` (or ``retry-after``) and gives a hint-less 403
    a minute; GitHub also asks for the same on a hint-less 429 and for longer waits while the limit
    persists, which is what this adds. ``GitHubClient`` resets the streak after each successful call.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.rate_limit_streak = 0

    def _header_wait(self, headers: Mapping[str, str], *, rate_limited: bool) -> float | None:
        """GitHub's documented order: ``retry-after``; else, only when ``x-ratelimit-remaining`` is 0,
        the reset time; else (a secondary limit, whatever reset header it carries) at least a minute,
        longer each time."""
        if not rate_limited:
            return super()._header_wait(headers, rate_limited=False)
        wait = super()._header_wait(headers, rate_limited=False)     # Retry-After alone
        if wait is None and (headers.get("x-ratelimit-remaining") or "").strip() == "0":
            wait = super()._header_wait(headers, rate_limited=True)
        if wait is None:
            wait = MIN_RATE_LIMIT_WAIT_S * (2 ** min(self.rate_limit_streak, 6))
            self.rate_limit_streak += 1
        return wait


class GitHubClient:
    """Read and create issues on github.com (or a GitHub Enterprise ``base_url``) with a fine-grained PAT."""

    def __init__(self, token: str | None, *, base_url: str = "https://api.github.com",
                 client_factory: Callable[..., ApiClient] = _GitHubApiClient,
                 sleep: Callable[[float], object] = time.sleep, now: Callable[[], float] = time.time,
                 on_wait: Callable[[float, str], object] | None = None, retry_after_cap_s: float = 60.0) -> None:
        token = _check_token(token)
        headers = {"Accept": "application/vnd.github+json", "X-GitHub-Api-Version": API_VERSION}
        if token:
            headers["Authorization"] = f"Bearer {token}"
        self.base_url = base_url.rstrip("/")
        self._client = client_factory(self.base_url, headers=headers, sleep=sleep, now=now, on_wait=on_wait,
                                      retry_after_cap_s=retry_after_cap_s)

    def close(self) -> None:
        self._client.close()

    def test_connection(self) -> str:
        """Ask GitHub who the token belongs to (``GET /user``): "login (name)"."""
        data = self._call("get", "/user").json
        if not isinstance(data, dict) or not data.get("login"):
            raise BadResponse("GitHub did not say which user the token belongs to.")
        login, name = str(data["login"]), str(data.get("name") or "")
        return f"{login} ({name})" if name and name != login else login

    def _call(self, method: str, *args: Any, **kwargs: Any):
        response = getattr(self._client, method)(*args, **kwargs)
        if hasattr(self._client, "rate_limit_streak"):
            self._client.rate_limit_streak = 0
        return response

    @staticmethod
    def _path(owner: str, repo: str) -> str:
        for part in (owner, repo):
            if not part or part in (".", "..") or "/" in part:
                raise UserError(f"“{part}” is not a GitHub owner or repository name.")
        return f"/repos/{quote(owner, safe='')}/{quote(repo, safe='')}"

    def get_issue(self, owner: str, repo: str, number: int, etag: str | None = None) -> IssueState | None:
        """The issue's current state, or None when it is unchanged since ``etag`` (HTTP 304)."""
        if isinstance(number, bool) or not isinstance(number, int) or number < 1:
            raise UserError(f"“{number}” is not a GitHub issue number.")
        response = self._call("get", f"{self._path(owner, repo)}/issues/{number}", etag=etag)
        if response.status == 304:
            return None
        data = response.json
        if not isinstance(data, dict) or not isinstance(data.get("state"), str):
            raise BadResponse(f"GitHub's answer for {owner}/{repo}#{number} was not an issue.")
        milestone = data.get("milestone")
        return IssueState(
            url=str(data.get("html_url") or f"https://github.com/{owner}/{repo}/issues/{number}"),
            title=str(data.get("title") or ""),
            state=data["state"],
            state_reason=data.get("state_reason") if isinstance(data.get("state_reason"), str) else None,
            closed_at=_time(data.get("closed_at")),
            labels=tuple(_label_names(data.get("labels"))),
            milestone=str(milestone["title"]) if isinstance(milestone, dict) and milestone.get("title") else None,
            etag=response.etag,
        )

    def create_issue(self, owner: str, repo: str, title: str, body: str, labels: Iterable[str] = ()) -> str:
        """File an issue; returns its html_url. Not retried after an unknown outcome (ReplyUncertain)."""
        if not title.strip():
            raise UserError("An issue needs a title.")
        payload: dict[str, Any] = {"title": title, "body": body}
        label_list = [str(label) for label in labels if str(label).strip()]
        if label_list:
            payload["labels"] = label_list
        response = self._call("post", f"{self._path(owner, repo)}/issues", payload)
        data = response.json
        url = data.get("html_url") if isinstance(data, dict) else None
        if not isinstance(url, str) or not url:
            raise BadResponse("GitHub created the issue but did not return its address.")
        return url


def _label_names(labels: Any) -> Iterable[str]:
    if not isinstance(labels, list):
        return
    for label in labels:
        if isinstance(label, dict) and label.get("name"):
            yield str(label["name"])
        elif isinstance(label, str) and label:
            yield label
