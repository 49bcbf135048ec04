"""One careful HTTP client shared by every helpdesk and GitHub integration.

Why this exists: each vendor API needs the same defensive behaviour, and getting it wrong in one place
leaks tokens, double-posts customer replies or hangs a worker thread. ``ApiClient`` centralises it:

* timeouts on every call and an overall deadline; retries with exponential backoff and jitter for GET only
  (plus 429 for POST/PUT, where the server refused before processing), honouring ``Retry-After`` and
  rate-limit reset headers up to a cap, beyond which ``RateLimited(until)`` is raised instead of blocking;
* a POST/PUT whose connection drops after sending raises ``ReplyUncertain`` so the caller reconciles
  instead of re-posting;
* redirects followed by hand (max 5): credentials go only to the original host, https->http is refused;
* ``trust_env=False`` (no proxy variables, no ``.netrc``), TLS verification always on;
* response bodies streamed with a size cap counted on decoded bytes (gzip-bomb safe);
* error messages, logs and ``repr`` never contain tokens or query strings.

The errors it raises are in ``http_errors`` (callers catch them without needing the client), what a
refused answer means and whether to ask again in ``http_refusals``, and the capped reading of bodies in
``http_body``. Qt-free: the GUI runs these calls on worker threads and shows ``on_wait`` pauses.
"""

from __future__ import annotations

import http.cookiejar
import logging
import os
import random
import time
from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import requests
from requests.structures import CaseInsensitiveDict
from urllib3.exceptions import ConnectTimeoutError, NewConnectionError

from cre_desk import __version__
from cre_desk.errors import Cancelled
from cre_desk.integrations import transport
from cre_desk.integrations.http_body import Response, iter_body, read_json
from cre_desk.integrations.http_errors import (
    BadResponse,
    IntegrationError,
    Offline,
    RateLimited,
    ReplyUncertain,
    UntrustedServer,
)
from cre_desk.integrations.http_refusals import RetryLater, raise_refusal, wait_from_headers
from cre_desk.integrations.transport import safe_url

log = logging.getLogger(__name__)

MAX_REDIRECTS = 5
_REDIRECT_STATUSES = (301, 302, 303, 307, 308)
_LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1")


class _Secret:
    """Holds credential headers so they never show up in repr(), vars() dumps or tracebacks' locals."""

    __slots__ = ("_value",)

    def __init__(self, value: Mapping[str, str]) -> None:
        self._value = dict(value)

    def get(self) -> dict[str, str]:
        return dict(self._value)

    def __repr__(self) -> str:
        return "<redacted>"


def _origin(url: str) -> tuple[str, str, int | None]:
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    port = parts.port or {"http": 80, "https": 443}.get(scheme)
    return scheme, (parts.hostname or "").lower(), port


def _block_all_cookies() -> http.cookiejar.DefaultCookiePolicy:
    return http.cookiejar.DefaultCookiePolicy(allowed_domains=[])


# --------------------------------------------------------------------------------------------- client


class ApiClient:
    """A requests.Session wrapper with retries, caps and credential hygiene; one per account."""

    def __init__(self, base_url: str, *, headers: Mapping[str, str], user_agent: str = f"CRE-Desk/{__version__}",
                 timeout: tuple[float, float] = (5.0, 30.0), max_retries: int = 3,
                 retry_after_cap_s: float = 60.0, deadline_s: float = 120.0,
                 max_body_bytes: int = 50 * 1024 * 1024, sleep: Callable[[float], object] = time.sleep,
                 now: Callable[[], float] = time.time,
                 on_wait: Callable[[float, str], object] | None = None,
                 ca_bundle: str | os.PathLike | None = None, proxy: str | None = None,
                 backoff_base_s: float = 1.0, backoff_max_s: float = 30.0) -> None:
        scheme, host, _port = _origin(base_url)
        if scheme != "https" and not (scheme == "http" and host in _LOOPBACK_HOSTS):
            raise IntegrationError("The server address must start with https:// (tokens are never sent unencrypted).")
        self._base_url = base_url.rstrip("/")
        self._origin = _origin(self._base_url)
        self._host = host
        self._auth = _Secret(headers)
        self._timeout = timeout
        self._max_retries = max(0, int(max_retries))
        self._retry_after_cap_s = float(retry_after_cap_s)
        self._deadline_s = float(deadline_s)
        self._max_body_bytes = int(max_body_bytes)
        self._sleep = sleep
        self._now = now
        self._on_wait = on_wait
        self._backoff_base_s = backoff_base_s
        self._backoff_max_s = backoff_max_s
        self._random = random.Random()
        session = requests.Session()
        session.trust_env = False  # no proxy variables, no .netrc (CVE-2024-47081 class)
        # Guarded connections: never print credentials, and can be stopped mid-request (see transport).
        session.mount("https://", transport.GuardedAdapter())
        session.mount("http://", transport.GuardedAdapter())
        company_ca = str(ca_bundle) if ca_bundle else transport.ca_bundle()
        session.verify = transport.check_ca_bundle(company_ca) if company_ca else True
        session.cookies.set_policy(_block_all_cookies())
        session.headers.clear()
        session.headers.update({"User-Agent": user_agent, "Accept-Encoding": "gzip, deflate", "Accept": "*/*"})
        if proxy:
            session.proxies = {"http": proxy, "https": proxy}
        self._session = session

    def __repr__(self) -> str:
        return f"ApiClient({self._base_url!r})"

    @property
    def base_url(self) -> str:
        return self._base_url

    # ------------------------------------------------------------------------------------- public API

    def get(self, path_or_url: str, params=None, headers=None, etag: str | None = None) -> Response:
        extra = dict(headers or {})
        if etag:
            extra["If-None-Match"] = etag
        return self._execute("GET", self._url(path_or_url), params=params, headers=extra,
                             consume=self._consume_json)

    def post(self, path: str, json_body, headers=None) -> Response:
        return self._execute("POST", self._url(path), json_body=json_body, headers=dict(headers or {}),
                             consume=self._consume_json)

    def put(self, path: str, json_body, headers=None) -> Response:
        return self._execute("PUT", self._url(path), json_body=json_body, headers=dict(headers or {}),
                             consume=self._consume_json)

    def patch(self, path: str, json_body, headers=None) -> Response:
        return self._execute("PATCH", self._url(path), json_body=json_body, headers=dict(headers or {}),
                             consume=self._consume_json)

    def delete(self, path: str, json_body=None, headers=None) -> Response:
        return self._execute("DELETE", self._url(path), json_body=json_body, headers=dict(headers or {}),
                             consume=self._consume_json)

    def download(self, url: str, dest: Path, max_bytes: int) -> int:
        """Stream ``url`` to ``dest``; over ``max_bytes`` raises BadResponse and no file is left behind."""
        dest = Path(dest)
        part = dest.with_name(dest.name + ".part")

        def consume(resp: requests.Response, final_url: str, deadline: float) -> int:
            written = 0
            host = self._host_of(final_url)
            with open(part, "wb") as fh:
                for chunk in iter_body(resp, final_url, max_bytes, deadline, "GET", host=host, now=self._now):
                    written += len(chunk)
                    fh.write(chunk)
            return written

        try:
            written = self._execute("GET", self._url(url), headers={}, consume=consume)
            os.replace(part, dest)
            return written
        finally:
            part.unlink(missing_ok=True)

    def close(self) -> None:
        self._session.close()

    def __enter__(self) -> ApiClient:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # ------------------------------------------------------------------------------------- internals

    def _url(self, path_or_url: str) -> str:
        if path_or_url.startswith(("https://", "http://")):
            return path_or_url
        return self._base_url + "/" + path_or_url.lstrip("/")

    def _headers_for(self, url: str, extra: Mapping[str, str]) -> dict[str, str]:
        """Credentials and caller headers only for the original host; other hosts get the bare request."""
        if _origin(url) == self._origin:
            return {**self._auth.get(), **extra}
        return {k: v for k, v in extra.items() if k.lower() == "if-none-match"}

    def _backoff(self, attempt: int) -> float:
        delay = min(self._backoff_max_s, self._backoff_base_s * (2 ** attempt))
        return delay + self._random.uniform(0, delay * 0.25)

    def _execute(self, method: str, url: str, *, params=None, json_body=None, headers: Mapping[str, str],
                 consume):
        """One call, with its retries, under a watchdog: the user's cancel or the overall deadline shuts the
        socket down even while a server drips its headers or stays silent."""
        with transport.watching(self._deadline_s) as watch:
            try:
                return self._execute_watched(method, url, params=params, json_body=json_body, headers=headers,
                                             consume=consume, watch=watch)
            except (IntegrationError, RetryLater, OSError, requests.exceptions.RequestException):
                if watch.fired:     # the watchdog cut the socket: say why, not what the cut looked like
                    raise self._stopped(watch, method, url) from None
                raise

    def _stopped(self, watch: transport.Watch, method: str, url: str) -> Exception:
        host = self._host_of(url)
        if method not in ("GET", "HEAD"):
            return ReplyUncertain(f"The request to {host} was stopped after it may have been sent. "
                                  "CRE Desk checks the ticket before trying again.")
        if watch.fired == "cancel":
            return Cancelled()
        return Offline(f"{host} did not answer in time ({self._deadline_s:.0f} s); try again later.")

    def _execute_watched(self, method: str, url: str, *, params, json_body, headers: Mapping[str, str],
                         consume, watch: transport.Watch):
        deadline = self._now() + self._deadline_s
        attempt = 0
        while True:
            if watch.check():
                raise self._stopped(watch, method, url)
            if self._now() > deadline:
                raise Offline(f"{self._host_of(url)} did not answer in time; try again later.")
            try:
                return self._attempt(method, url, params, json_body, headers, consume, deadline)
            except RetryLater as sig:
                if watch.check():
                    raise self._stopped(watch, method, url) from None
                now = self._now()
                wait = sig.wait if sig.wait is not None else self._backoff(attempt)
                wait = max(wait, sig.min_wait, 0.0)
                until = datetime.fromtimestamp(now + wait, UTC)
                too_long = wait > self._retry_after_cap_s or now + wait > deadline
                if too_long or attempt >= self._max_retries:
                    if sig.rate_limited:
                        log.warning("%s %s rate limited until %s", method, safe_url(url), until.isoformat())
                        raise RateLimited(until, status=sig.error.status) from None
                    raise sig.error from None
                attempt += 1
                log.warning("%s %s: %s; retry %d/%d in %.1f s", method, safe_url(url), sig.reason, attempt,
                            self._max_retries, wait)
                if self._on_wait is not None:
                    self._on_wait(wait, sig.reason)
                if self._sleep is time.sleep:
                    watch.sleep(wait)           # a cancel ends the wait at once
                else:
                    self._sleep(wait)

    def _host_of(self, url: str) -> str:
        return urlsplit(url).hostname or self._host

    def _send(self, method: str, url: str, params, json_body, headers) -> requests.Response:
        """One HTTP exchange; maps transport failures to typed errors (``RetryLater`` for a safe GET retry)."""
        host = self._host_of(url)
        write = method not in ("GET", "HEAD")
        try:
            return self._session.request(method, url, params=params, json=json_body, headers=headers,
                                         timeout=self._timeout, allow_redirects=False, stream=True)
        except requests.exceptions.SSLError:
            log.warning("%s %s: TLS verification failed", method, safe_url(url))
            raise UntrustedServer(f"The secure connection to {host} could not be verified. Check the "
                                  "address; if your company's network inspects secure traffic, choose its "
                                  "certificate file in Settings → Company certificate (CA bundle).") from None
        except requests.exceptions.ConnectTimeout:
            err = Offline(f"Could not connect to {host}: the connection timed out.")
            not_sent = True
        except requests.exceptions.ReadTimeout:
            err = Offline(f"{host} did not answer in time.")
            if not write:
                # A silent server stays silent: repeating the wait would only multiply it (RELIABILITY N-1).
                raise err from None
            not_sent = False
        except requests.exceptions.ConnectionError as exc:
            reason = getattr(exc.args[0], "reason", None) if exc.args else None
            not_sent = isinstance(reason, (NewConnectionError, ConnectTimeoutError)) or isinstance(
                exc, requests.exceptions.ProxyError)
            err = Offline(f"Could not reach {host}. Check the network connection."
                          if not_sent else f"The connection to {host} was lost.")
        except requests.exceptions.RequestException as exc:
            log.warning("%s %s failed: %s", method, safe_url(url), type(exc).__name__)
            raise BadResponse(f"The request to {host} could not be sent.") from None
        log.info("%s %s failed: %s", method, safe_url(url), err.message)
        if write and not not_sent:
            raise ReplyUncertain(f"The connection to {host} dropped after the reply was sent, so it may or may "
                                 "not have been saved. CRE Desk checks the ticket before trying again.") from None
        if write:
            raise err from None
        raise RetryLater(err, reason="offline")

    def _attempt(self, method, url, params, json_body, headers, consume, deadline):
        current, verb, body = url, method, json_body
        for hop in range(MAX_REDIRECTS + 1):
            resp = self._send(verb, current, params if hop == 0 else None, body,
                              self._headers_for(current, headers))
            log.debug("%s %s -> %d", verb, safe_url(current), resp.status_code)
            location = resp.headers.get("Location")
            if resp.status_code not in _REDIRECT_STATUSES or not location:
                break
            resp.close()
            if hop == MAX_REDIRECTS:
                raise BadResponse(f"{self._host_of(url)} redirected too many times.")
            target = urljoin(current, location)
            scheme = urlsplit(target).scheme.lower()
            if scheme not in ("http", "https"):
                raise BadResponse("The server redirected to an unsupported address.")
            if urlsplit(current).scheme.lower() == "https" and scheme != "https":
                raise BadResponse("The server redirected from a secure (https) to an insecure (http) address; "
                                  "refused.")
            if verb not in ("GET", "HEAD") and resp.status_code not in (307, 308):
                raise BadResponse(f"{self._host_of(current)} redirected the request instead of answering it.")
            current = target
        try:
            return self._handle(resp, verb, current, consume, deadline)
        finally:
            resp.close()

    def _handle(self, resp: requests.Response, method: str, url: str, consume, deadline):
        status = resp.status_code
        host = self._host_of(url)
        write = method not in ("GET", "HEAD")
        if 200 <= status < 300:
            return consume(resp, url, deadline)
        if status == 304:
            return Response(304, CaseInsensitiveDict(resp.headers), None, resp.headers.get("ETag"), url)
        raise_refusal(resp, host, write=write, header_wait=self._header_wait)

    def _header_wait(self, headers: Mapping[str, str], *, rate_limited: bool) -> float | None:
        """Seconds to wait from Retry-After (seconds or HTTP-date) or, for rate limits, reset headers.

        The hook vendor clients extend with their own headers (``VendorClient``, GitHub's client)."""
        return wait_from_headers(headers, rate_limited=rate_limited, now=self._now())

    def _consume_json(self, resp: requests.Response, url: str, deadline: float) -> Response:
        return read_json(resp, url, deadline, max_bytes=self._max_body_bytes, host=self._host_of(url),
                         now=self._now)
