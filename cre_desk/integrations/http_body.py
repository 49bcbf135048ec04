"""Reading an answer's body without trusting it.

Why a module of its own: a server, or a proxy in between, may send more than we can hold (or a gzip bomb),
drip bytes for ever, answer a data request with an HTML page, or drop the connection half way. Each
becomes a typed error here: the size cap counts decoded bytes, the overall deadline is checked between
chunks, and a write that was accepted but whose answer cannot be read is ``ReplyUncertain`` (reconcile,
never re-post) rather than a failure.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field

import requests
from requests.structures import CaseInsensitiveDict
from urllib3.exceptions import DecodeError
from urllib3.exceptions import HTTPError as Urllib3HTTPError

from cre_desk.integrations.http_errors import BadResponse, Offline, ReplyUncertain
from cre_desk.integrations.http_refusals import RetryLater
from cre_desk.integrations.transport import safe_url

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Response:
    status: int
    headers: Mapping[str, str] = field(repr=False)
    json: object | None
    etag: str | None
    url: str


def iter_body(resp: requests.Response, url: str, max_bytes: int, deadline: float, method: str, *, host: str,
              now: Callable[[], float]) -> Iterator[bytes]:
    """Yield decoded chunks, enforcing the size cap and deadline; maps stream failures to typed errors."""
    too_big = BadResponse(f"{host} sent more data than allowed ({max_bytes // 1024} KiB).")
    declared = resp.headers.get("Content-Length", "")
    if declared.isdigit() and "Content-Encoding" not in resp.headers and int(declared) > max_bytes:
        raise too_big
    total = 0
    write = method not in ("GET", "HEAD")
    try:
        while True:
            # read1 returns whatever has arrived (one recv), so a slow drip still reaches the deadline check.
            chunk = resp.raw.read1(64 * 1024, decode_content=True)
            if not chunk:
                break
            total += len(chunk)
            if total > max_bytes:
                raise too_big
            if now() > deadline:
                if write:
                    raise ReplyUncertain(f"{host} accepted the request but answered too slowly to tell what "
                                         "happened. CRE Desk checks the ticket before trying again.")
                raise Offline(f"{host} is sending data too slowly; try again later.")
            yield chunk
    except DecodeError:
        raise BadResponse(f"{host} sent data that could not be decoded.") from None
    except (Urllib3HTTPError, OSError) as exc:
        log.info("%s %s: body incomplete (%s)", method, safe_url(url), type(exc).__name__)
        err = BadResponse(f"{host} sent an incomplete response.")
        if write:
            raise ReplyUncertain(f"The connection to {host} dropped while it answered, so the reply's "
                                 "outcome is unknown. CRE Desk checks the ticket before trying "
                                 "again.") from None
        raise RetryLater(err, reason="incomplete response") from None


def read_json(resp: requests.Response, url: str, deadline: float, *, max_bytes: int, host: str,
              now: Callable[[], float]) -> Response:
    """A 2xx answer as JSON; a write whose answer cannot be read is ``ReplyUncertain``, never a failure."""
    method = (resp.request.method or "GET").upper()
    if method in ("GET", "HEAD"):
        return _parse_json(resp, url, deadline, method, max_bytes=max_bytes, host=host, now=now)
    try:
        return _parse_json(resp, url, deadline, method, max_bytes=max_bytes, host=host, now=now)
    except BadResponse:
        # The write was accepted (2xx) but its answer is unusable: never let the caller think it failed.
        raise ReplyUncertain(f"{host} accepted the request but its answer could not be read. "
                             "CRE Desk checks the ticket before trying again.") from None


def _parse_json(resp: requests.Response, url: str, deadline: float, method: str, *, max_bytes: int, host: str,
                now: Callable[[], float]) -> Response:
    body = b"".join(iter_body(resp, url, max_bytes, deadline, method, host=host, now=now))
    headers = CaseInsensitiveDict(resp.headers)
    etag = headers.get("ETag")
    if not body.strip():
        return Response(resp.status_code, headers, None, etag, url)
    ctype = headers.get("Content-Type", "").lower()
    if "html" in ctype or body.lstrip()[:1] == b"<":
        raise BadResponse(f"{host} sent a web page instead of data; the address may be wrong or the service "
                          "may be down.", status=resp.status_code)
    try:
        data = json.loads(body)
    except (ValueError, UnicodeDecodeError):
        raise BadResponse(f"{host} sent data that is not valid JSON.", status=resp.status_code) from None
    return Response(resp.status_code, headers, data, etag, url)
