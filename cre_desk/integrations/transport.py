"""The sockets under ``http.ApiClient``: credentials never printed, every request stoppable, network settings.

Why this exists:

* ``http.client`` prints every request, headers included, to stdout when its debug level is raised
  (``http.client.HTTPConnection.debuglevel = 1``, a common troubleshooting step). Our connections ignore
  that level and print the same lines with credentials replaced (RELIABILITY K-2).
* A request blocked in ``recv`` cannot see a cancel flag or a deadline: a server dripping one header byte
  at a time never trips the read timeout. A watchdog shuts the request's socket down when the user
  cancels (``cancel_scope``) or the overall deadline passes, so the blocked call returns at once
  (RELIABILITY N-1/N-2).
* Corporate proxies that inspect HTTPS need their certificate authority: ``configure(ca_bundle=…)`` holds
  the path from the settings for every client (RELIABILITY N-10).

Qt-free.
"""

from __future__ import annotations

import contextlib
import http.client
import re
import socket
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from requests.adapters import HTTPAdapter
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool

#: How often the watchdog looks at the cancel flag and the deadline.
WATCH_INTERVAL_S = 0.05

_SECRET_HEADER = re.compile(
    rb"(?im)^((?:proxy-)?authorization|cookie|x-api-key|private-token)(:[ \t]*)[^\r\n]*"
)
_SECRET_QUERY = re.compile(rb"(?i)([?&](?:access_)?token=|[?&]api_key=|[?&]key=)[^&\s#'\"]*")
#: Secrets in a request body: OAuth token requests (Help Scout's client credentials) as JSON or a form.
_SECRET_NAMES = rb"client_secret|access_token|refresh_token|password|api_key|apikey|token"
_SECRET_JSON = re.compile(rb'(?i)("(?:' + _SECRET_NAMES + rb')"\s*:\s*")(?:[^"\\]|\\.)*')
_SECRET_FORM = re.compile(rb"(?i)((?:^|[&\s])(?:" + _SECRET_NAMES + rb")=)[^&\s]*")


def redact_wire(data: bytes) -> bytes:
    """Request bytes with credential headers, token query parameters and secrets in bodies replaced."""
    data = _SECRET_HEADER.sub(rb"\1\2<redacted>", data)
    data = _SECRET_QUERY.sub(rb"\1<redacted>", data)
    data = _SECRET_JSON.sub(rb"\1<redacted>", data)
    return _SECRET_FORM.sub(rb"\1<redacted>", data)


def safe_url(url: str) -> str:
    """host + path only: no user info, no query string (may hold cursors or keys)."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    if parts.port:
        host = f"{host}:{parts.port}"
    return f"{host}{parts.path}"


# --------------------------------------------------------------------------------------------- settings


@dataclass
class NetworkSettings:
    #: A PEM file of extra certificate authorities (a company proxy inspecting HTTPS); "" = system defaults.
    ca_bundle: str = ""


_settings = NetworkSettings()


def configure(*, ca_bundle: str = "") -> None:
    """Apply the user's network settings to every client created from now on."""
    _settings.ca_bundle = (ca_bundle or "").strip()


def ca_bundle() -> str:
    return _settings.ca_bundle


def check_ca_bundle(path: str) -> str:
    """The path if it is a readable PEM certificate file; raises UserError in plain words otherwise."""
    from cre_desk.errors import UserError

    file = Path(path).expanduser()
    try:
        head = file.read_bytes()[:1_000_000]
    except OSError:
        raise UserError(
            f"The company certificate file “{file}” could not be read. Choose it again in "
            "Settings → Company certificate."
        ) from None
    if b"-----BEGIN CERTIFICATE-----" not in head:
        raise UserError(
            f"“{file.name}” is not a certificate file (PEM, starting with -----BEGIN CERTIFICATE-----). "
            "Ask your IT team for the proxy's CA certificate in PEM format."
        )
    return str(file)


# --------------------------------------------------------------------------------------------- watchdog


class Watch:
    """One request's stop conditions; its sockets are shut down when the user cancels or time runs out."""

    def __init__(self, deadline_s: float, cancel: Callable[[], bool] | None) -> None:
        self.deadline = time.monotonic() + deadline_s
        self.cancel = cancel
        self.fired: str | None = None  # "cancel" | "deadline"
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()
        self._done = threading.Event()

    def add(self, sock) -> None:
        if sock is None:
            return
        with self._lock:
            if sock not in self._sockets:
                self._sockets.append(sock)
            fired = self.fired
        if fired:
            _shutdown(sock)

    def check(self) -> str | None:
        if self.fired is None:
            if self.cancel is not None and self.cancel():
                self._fire("cancel")
            elif time.monotonic() > self.deadline:
                self._fire("deadline")
        return self.fired

    def _fire(self, reason: str) -> None:
        with self._lock:
            self.fired = reason
            sockets = list(self._sockets)
        for sock in sockets:
            _shutdown(sock)

    def sleep(self, seconds: float) -> None:
        """Wait ``seconds`` unless cancelled or past the deadline (then return early; ``fired`` says why)."""
        end = time.monotonic() + seconds
        while self.check() is None:
            left = end - time.monotonic()
            if left <= 0:
                return
            time.sleep(min(WATCH_INTERVAL_S, left))

    def _run(self) -> None:
        while not self._done.wait(WATCH_INTERVAL_S):
            if self.check():
                return

    def close(self) -> None:
        self._done.set()


def _shutdown(sock) -> None:
    # socket.socket.shutdown, not SSLSocket.shutdown: unblock the reader without touching TLS state it uses.
    with contextlib.suppress(OSError, ValueError, TypeError):
        socket.socket.shutdown(sock, socket.SHUT_RDWR)


_local = threading.local()


@contextlib.contextmanager
def cancel_scope(cancel: Callable[[], bool]) -> Iterator[None]:
    """Requests made by this thread inside the block stop within ``WATCH_INTERVAL_S`` once ``cancel()``."""
    previous = getattr(_local, "cancel", None)
    _local.cancel = cancel
    try:
        yield
    finally:
        _local.cancel = previous


def current_cancel() -> Callable[[], bool] | None:
    return getattr(_local, "cancel", None)


@contextlib.contextmanager
def watching(deadline_s: float) -> Iterator[Watch]:
    """Run one request under a watchdog thread (cancel flag of the current ``cancel_scope`` plus deadline)."""
    watch = Watch(deadline_s, current_cancel())
    previous = getattr(_local, "watch", None)
    _local.watch = watch
    thread = threading.Thread(target=watch._run, name="http-watchdog", daemon=True)  # noqa: SLF001
    thread.start()
    try:
        yield watch
    finally:
        watch.close()
        _local.watch = previous


def _current_watch() -> Watch | None:
    return getattr(_local, "watch", None)


# --------------------------------------------------------------------------------------------- connections


class GuardedHTTPConnection(HTTPConnection):
    """Quiet to ``http.client``'s debug printing (prints redacted lines instead); its sockets are watched."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.debuglevel = 0  # shadows the class-wide level anyone may have raised

    def set_debuglevel(self, level: int) -> None:  # noqa: ARG002 - never print raw headers
        self.debuglevel = 0

    def send(self, data) -> None:
        if self.sock is None and self.auto_open:
            self.connect()
        watch = _current_watch()
        if watch is not None:
            watch.add(self.sock)
        if http.client.HTTPConnection.debuglevel > 0 and isinstance(data, bytes | bytearray):
            print("send:", repr(redact_wire(bytes(data))))
        super().send(data)

    def getresponse(self):
        watch = _current_watch()
        if watch is not None:
            watch.add(self.sock)
        return super().getresponse()


class GuardedHTTPSConnection(GuardedHTTPConnection, HTTPSConnection):
    """The same guard over TLS."""


class _GuardedHTTPPool(HTTPConnectionPool):
    ConnectionCls = GuardedHTTPConnection


class _GuardedHTTPSPool(HTTPSConnectionPool):
    ConnectionCls = GuardedHTTPSConnection


class GuardedAdapter(HTTPAdapter):
    """The requests adapter ApiClient mounts: every connection it opens is a guarded one."""

    def init_poolmanager(self, *args, **kwargs) -> None:
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = {"http": _GuardedHTTPPool, "https": _GuardedHTTPSPool}

    def proxy_manager_for(self, proxy, **kwargs):
        manager = super().proxy_manager_for(proxy, **kwargs)
        manager.pool_classes_by_scheme = {"http": _GuardedHTTPPool, "https": _GuardedHTTPSPool}
        return manager
