"""ApiClient against real local sockets: retries, rate limits, caps, redirects, dropped writes, secrets.

Why: the reliability criteria N-1..N-11 and K-1/K-2 are about transport behaviour that mocks hide; these tests
drive a real pytest-httpserver (and, for dropped or truncated connections, a raw socket server) so timeouts,
Retry-After, streaming caps and redirect credential stripping run exactly as in production.
"""

from __future__ import annotations

import base64
import datetime as dt
import gzip
import ipaddress
import logging
import re
import socket
import ssl
import threading
import time
from email.utils import format_datetime

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Response as WResponse

from cre_desk.integrations.http import ApiClient
from cre_desk.integrations.http_errors import (
    AuthFailed,
    BadResponse,
    IntegrationError,
    NotFound,
    Offline,
    RateLimited,
    ReplyUncertain,
    ServerError,
    UntrustedServer,
)

CANARY = "ztk_CANARY_1234567890"
AUTH = {"Authorization": f"Bearer {CANARY}", "X-Api-Key": CANARY}
NOW = 1_800_000_000.0


class Clock:
    """Injected ``sleep``/``now``: sleeping is recorded and advances the fake clock instantly."""

    def __init__(self) -> None:
        self.t = NOW
        self.sleeps: list[float] = []
        self.waits: list[tuple[float, str]] = []

    def now(self) -> float:
        return self.t

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.t += seconds

    def on_wait(self, seconds: float, reason: str) -> None:
        self.waits.append((seconds, reason))


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def make_client(clock):
    clients: list[ApiClient] = []

    def make(base_url: str, **kwargs) -> ApiClient:
        kwargs.setdefault("headers", AUTH)
        kwargs.setdefault("sleep", clock.sleep)
        kwargs.setdefault("now", clock.now)
        kwargs.setdefault("on_wait", clock.on_wait)
        kwargs.setdefault("timeout", (2.0, 5.0))
        client = ApiClient(base_url.rstrip("/"), **kwargs)
        clients.append(client)
        return client

    yield make
    for client in clients:
        client.close()


@pytest.fixture
def other_host():
    """A second server on a different loopback address: 'another host' for redirect tests."""
    server = HTTPServer(host="127.0.0.2", port=0)
    server.start()
    yield server
    server.clear()
    if server.is_running():
        server.stop()


class RawServer:
    """A tiny socket server for faults Werkzeug cannot produce: drop after reading, truncated bodies."""

    def __init__(self, reply: bytes | None) -> None:
        self.reply = reply  # None: read the request, then close without answering
        self.requests: list[bytes] = []
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(8)
        self.sock.settimeout(0.2)
        self.port = self.sock.getsockname()[1]
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def _read_request(self, conn: socket.socket) -> bytes:
        data = b""
        while b"\r\n\r\n" not in data:
            chunk = conn.recv(65536)
            if not chunk:
                return data
            data += chunk
        head, _, body = data.partition(b"\r\n\r\n")
        length = 0
        for line in head.split(b"\r\n"):
            if line.lower().startswith(b"content-length:"):
                length = int(line.split(b":", 1)[1])
        while len(body) < length:
            chunk = conn.recv(65536)
            if not chunk:
                break
            body += chunk
        return head + b"\r\n\r\n" + body

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            with conn:
                conn.settimeout(5)
                try:
                    self.requests.append(self._read_request(conn))
                    if self.reply is not None:
                        conn.sendall(self.reply)
                except OSError:
                    pass

    def close(self) -> None:
        self._stop.set()
        self._thread.join(2)
        self.sock.close()


@pytest.fixture
def raw_server():
    servers: list[RawServer] = []

    def make(reply: bytes | None) -> RawServer:
        server = RawServer(reply)
        servers.append(server)
        return server

    yield make
    for server in servers:
        server.close()


@pytest.fixture(scope="session")
def tls_files(tmp_path_factory):
    """A self-signed certificate for 127.0.0.1 (N-10: rejected by default, accepted as a configured CA)."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1)).not_valid_after(now + dt.timedelta(days=2))
        .add_extension(x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
                       critical=False)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    folder = tmp_path_factory.mktemp("tls")
    cert_path, key_path = folder / "cert.pem", folder / "key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    return cert_path, key_path


@pytest.fixture
def https_server(tls_files):
    cert_path, key_path = tls_files
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert_path, key_path)
    server = HTTPServer(host="127.0.0.1", port=0, ssl_context=context)
    server.start()
    yield server
    server.clear()
    if server.is_running():
        server.stop()


# --------------------------------------------------------------------------------------------- basics


def test_get_json_sends_auth_and_user_agent(httpserver, make_client):
    httpserver.expect_request("/api/ping", query_string={"a": "1"}).respond_with_json({"ok": True},
                                                                                     headers={"ETag": '"v1"'})
    resp = make_client(httpserver.url_for("/")).get("/api/ping", params={"a": "1"})
    assert resp.status == 200 and resp.json == {"ok": True} and resp.etag == '"v1"'
    request = httpserver.log[0][0]
    assert request.headers["Authorization"] == f"Bearer {CANARY}"
    assert request.headers["User-Agent"].startswith("CRE-Desk/")


def test_etag_304_returns_status_304(httpserver, make_client):
    httpserver.expect_request("/issue", headers={"If-None-Match": '"abc"'}).respond_with_data("", status=304)
    resp = make_client(httpserver.url_for("/")).get("/issue", etag='"abc"')
    assert resp.status == 304 and resp.json is None


def test_plain_http_to_a_remote_host_is_refused():
    with pytest.raises(IntegrationError):
        ApiClient("http://example.com", headers=AUTH)


@pytest.mark.parametrize(("status", "error"), [(401, AuthFailed), (403, AuthFailed), (404, NotFound),
                                               (422, IntegrationError)])
def test_client_errors_are_typed_and_not_retried(httpserver, make_client, clock, status, error):
    httpserver.expect_request("/x").respond_with_json({"error": "nope"}, status=status)
    with pytest.raises(error) as info:
        make_client(httpserver.url_for("/")).get("/x")
    assert info.value.status == status
    assert len(httpserver.log) == 1 and clock.sleeps == []


# --------------------------------------------------------------------------------------------- rate limits


def test_429_with_retry_after_waits_then_succeeds(httpserver, make_client, clock):
    httpserver.expect_ordered_request("/r").respond_with_json({}, status=429, headers={"Retry-After": "1"})
    httpserver.expect_ordered_request("/r").respond_with_json({"ok": 1})
    resp = make_client(httpserver.url_for("/")).get("/r")
    assert resp.json == {"ok": 1}
    assert clock.sleeps == [1.0] and clock.sleeps[0] >= 1
    assert clock.waits == [(1.0, "rate limited")]
    assert len(httpserver.log) == 2


def test_429_with_http_date_retry_after(httpserver, make_client, clock):
    when = format_datetime(dt.datetime.fromtimestamp(NOW + 5, dt.UTC), usegmt=True)
    httpserver.expect_ordered_request("/r").respond_with_json({}, status=429, headers={"Retry-After": when})
    httpserver.expect_ordered_request("/r").respond_with_json({"ok": 1})
    make_client(httpserver.url_for("/")).get("/r")
    assert clock.sleeps == [pytest.approx(5.0)]


def test_429_with_ratelimit_reset_epoch(httpserver, make_client, clock):
    headers = {"X-RateLimit-Reset": str(int(NOW + 7)), "X-RateLimit-Remaining": "0"}
    httpserver.expect_ordered_request("/r").respond_with_json({}, status=429, headers=headers)
    httpserver.expect_ordered_request("/r").respond_with_json({"ok": 1})
    make_client(httpserver.url_for("/")).get("/r")
    assert clock.sleeps == [pytest.approx(7.0)]


def test_429_without_retry_after_backs_off_exponentially(httpserver, make_client, clock):
    for _ in range(3):
        httpserver.expect_ordered_request("/r").respond_with_json({}, status=429)
    httpserver.expect_ordered_request("/r").respond_with_json({"ok": 1})
    make_client(httpserver.url_for("/")).get("/r")
    assert len(clock.sleeps) == 3
    first, second, third = clock.sleeps
    assert 1.0 <= first < second < third
    assert second >= 2.0 and third >= 4.0


def test_retry_after_over_cap_raises_rate_limited_with_until(httpserver, make_client, clock):
    httpserver.expect_request("/r").respond_with_json({}, status=429, headers={"Retry-After": "3600"})
    with pytest.raises(RateLimited) as info:
        make_client(httpserver.url_for("/"), retry_after_cap_s=60).get("/r")
    assert info.value.until == dt.datetime.fromtimestamp(NOW + 3600, dt.UTC)
    assert str(info.value).startswith("rate limited until ")
    assert clock.sleeps == [] and len(httpserver.log) == 1


def test_github_style_403_rate_limit_waits_for_reset(httpserver, make_client, clock):
    headers = {"x-ratelimit-remaining": "0", "x-ratelimit-reset": str(int(NOW + 30))}
    httpserver.expect_ordered_request("/r").respond_with_json({"message": "API rate limit exceeded"},
                                                              status=403, headers=headers)
    httpserver.expect_ordered_request("/r").respond_with_json({"ok": 1})
    make_client(httpserver.url_for("/")).get("/r")
    assert clock.sleeps == [pytest.approx(30.0)]


def test_persistent_429_gives_up_with_rate_limited(httpserver, make_client, clock):
    httpserver.expect_request("/r").respond_with_json({}, status=429, headers={"Retry-After": "2"})
    with pytest.raises(RateLimited):
        make_client(httpserver.url_for("/"), max_retries=2).get("/r")
    assert clock.sleeps == [2.0, 2.0] and len(httpserver.log) == 3


# --------------------------------------------------------------------------------------------- 5xx and writes


def test_get_500_twice_then_200_is_retried(httpserver, make_client, clock):
    httpserver.expect_ordered_request("/g").respond_with_json({}, status=500)
    httpserver.expect_ordered_request("/g").respond_with_json({}, status=500)
    httpserver.expect_ordered_request("/g").respond_with_json({"ok": 1})
    assert make_client(httpserver.url_for("/")).get("/g").json == {"ok": 1}
    assert len(clock.sleeps) == 2 and clock.sleeps[0] < clock.sleeps[1]


def test_get_500_forever_raises_server_error(httpserver, make_client, clock):
    httpserver.expect_request("/g").respond_with_json({}, status=502)
    with pytest.raises(ServerError) as info:
        make_client(httpserver.url_for("/"), max_retries=3).get("/g")
    assert info.value.status == 502 and len(httpserver.log) == 4


def test_post_500_is_not_retried(httpserver, make_client, clock):
    httpserver.expect_request("/p", method="POST").respond_with_json({}, status=500)
    with pytest.raises(ServerError) as info:
        make_client(httpserver.url_for("/")).post("/p", {"body": "hi"})
    assert info.value.status == 500
    assert len(httpserver.log) == 1 and clock.sleeps == []


def test_post_429_is_retried(httpserver, make_client, clock):
    httpserver.expect_ordered_request("/p", method="POST").respond_with_json({}, status=429,
                                                                             headers={"Retry-After": "1"})
    httpserver.expect_ordered_request("/p", method="POST", json={"body": "hi"}).respond_with_json({"id": 7},
                                                                                                  status=201)
    resp = make_client(httpserver.url_for("/")).post("/p", {"body": "hi"})
    assert resp.status == 201 and resp.json == {"id": 7}
    assert clock.sleeps == [1.0]


@pytest.mark.parametrize("method", ["PUT", "POST"])
def test_write_503_is_never_retried_blindly(httpserver, make_client, clock, method):
    """Issue 12 item 11 (RELIABILITY N-5): a 503 on a write is reported, never sent again automatically."""
    httpserver.expect_request("/t", method=method).respond_with_json({}, status=503,
                                                                     headers={"Retry-After": "1"})
    client = make_client(httpserver.url_for("/"))
    with pytest.raises(ServerError) as info:
        (client.put if method == "PUT" else client.post)("/t", {"x": 1})
    assert info.value.status == 503 and len(httpserver.log) == 1 and clock.sleeps == []


def test_put_dropped_after_sending_is_reply_uncertain(raw_server, make_client, clock):
    server = raw_server(None)  # reads the whole PUT, then closes without a status line
    with pytest.raises(ReplyUncertain):
        make_client(server.url).put("/api/v2/tickets/1.json", {"ticket": {"comment": {"body": "hi"}}})
    time.sleep(0.1)
    assert len(server.requests) == 1 and b'"body": "hi"' in server.requests[0]
    assert clock.sleeps == []


def test_post_to_a_closed_port_is_offline_not_uncertain(make_client):
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    with pytest.raises(Offline) as info:
        make_client(f"http://127.0.0.1:{port}").post("/p", {"x": 1})
    assert not isinstance(info.value, ReplyUncertain)


def test_get_to_a_closed_port_retries_then_offline(make_client, clock):
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    with pytest.raises(Offline):
        make_client(f"http://127.0.0.1:{port}", max_retries=2).get("/g")
    assert len(clock.sleeps) == 2


# --------------------------------------------------------------------------------------------- bodies


def test_truncated_body_is_bad_response_after_retries(raw_server, make_client, clock):
    reply = b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"tickets\": ["
    server = raw_server(reply)
    with pytest.raises((BadResponse, Offline)):
        make_client(server.url, max_retries=2).get("/g")
    time.sleep(0.1)
    assert len(server.requests) == 3 and len(clock.sleeps) == 2


def test_n3_a_truncated_body_is_retried_at_most_three_times_by_default(raw_server, make_client, clock):
    """N-3: an idempotent GET whose body is cut short is retried ≤ 3 times (it was 4) with the defaults."""
    reply = b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"tickets\": ["
    server = raw_server(reply)
    with pytest.raises((BadResponse, Offline)):
        make_client(server.url).get("/g")
    time.sleep(0.1)
    assert len(server.requests) == 4 and len(clock.sleeps) == 3


def test_malformed_json_is_bad_response(httpserver, make_client):
    httpserver.expect_request("/j").respond_with_data('{"tickets": [1, 2', content_type="application/json")
    with pytest.raises(BadResponse):
        make_client(httpserver.url_for("/")).get("/j")


def test_html_with_200_is_bad_response(httpserver, make_client):
    httpserver.expect_request("/j").respond_with_data("<html><body>Maintenance</body></html>",
                                                      content_type="text/html")
    with pytest.raises(BadResponse):
        make_client(httpserver.url_for("/")).get("/j")


def test_html_mislabelled_as_json_is_bad_response(httpserver, make_client):
    httpserver.expect_request("/j").respond_with_data("<!DOCTYPE html><p>oops", content_type="application/json")
    with pytest.raises(BadResponse):
        make_client(httpserver.url_for("/")).get("/j")


def test_body_over_cap_is_bad_response(httpserver, make_client):
    httpserver.expect_request("/big").respond_with_json({"data": "x" * 5000})
    with pytest.raises(BadResponse):
        make_client(httpserver.url_for("/"), max_body_bytes=1000).get("/big")


def test_gzip_bomb_is_capped_on_decoded_bytes(httpserver, make_client):
    bomb = gzip.compress(b'{"a": "' + b"0" * 2_000_000 + b'"}')
    assert len(bomb) < 10_000
    httpserver.expect_request("/bomb").respond_with_data(bomb, content_type="application/json",
                                                         headers={"Content-Encoding": "gzip"})
    with pytest.raises(BadResponse):
        make_client(httpserver.url_for("/"), max_body_bytes=100_000).get("/bomb")


def test_read_timeout_is_offline(httpserver, make_client, clock):
    def slow(_request):
        time.sleep(0.6)
        return WResponse("{}", content_type="application/json")

    httpserver.expect_request("/slow").respond_with_handler(slow)
    started = time.monotonic()
    with pytest.raises(Offline):
        make_client(httpserver.url_for("/"), timeout=(1.0, 0.15), max_retries=1).get("/slow")
    assert time.monotonic() - started < 3
    # RELIABILITY N-1: a server that stays silent is not asked again (that only multiplies the wait).
    assert clock.sleeps == [] and len(httpserver.log) <= 1


def test_deadline_stops_retrying(httpserver, make_client, clock):
    httpserver.expect_request("/g").respond_with_json({}, status=503, headers={"Retry-After": "50"})
    with pytest.raises(ServerError):
        make_client(httpserver.url_for("/"), deadline_s=80, max_retries=10).get("/g")
    assert clock.sleeps == [50.0]


# --------------------------------------------------------------------------------------------- redirects


def test_redirect_to_another_host_drops_credentials(httpserver, other_host, make_client):
    other_host.expect_request("/landing").respond_with_json({"ok": "there"})
    httpserver.expect_request("/start").respond_with_data(
        "", status=302, headers={"Location": other_host.url_for("/landing")})
    resp = make_client(httpserver.url_for("/")).get("/start", headers={"X-Custom": "1"})
    assert resp.json == {"ok": "there"}
    assert resp.url == other_host.url_for("/landing")
    assert httpserver.log[0][0].headers.get("Authorization") == f"Bearer {CANARY}"
    seen = other_host.log[0][0].headers
    assert seen.get("Authorization") is None and seen.get("X-Api-Key") is None
    assert seen.get("X-Custom") is None and seen.get("Cookie") is None


def test_same_host_redirect_keeps_credentials(httpserver, make_client):
    httpserver.expect_request("/a").respond_with_data("", status=301, headers={"Location": "/b"})
    httpserver.expect_request("/b").respond_with_json({"ok": 1})
    make_client(httpserver.url_for("/")).get("/a")
    assert httpserver.log[1][0].headers.get("Authorization") == f"Bearer {CANARY}"


def test_redirect_loop_stops_at_five(httpserver, make_client, clock):
    def loop(request):
        n = int(request.path.rsplit("/", 1)[1])
        return WResponse("", status=302, headers={"Location": f"/loop/{n + 1}"})

    httpserver.expect_request(re.compile(r"^/loop/\d+$")).respond_with_handler(loop)
    with pytest.raises(BadResponse):
        make_client(httpserver.url_for("/")).get("/loop/0")
    assert len(httpserver.log) == 6  # the original request plus 5 redirects, never the 10 the loop offers
    assert clock.sleeps == []


def test_https_to_http_redirect_is_refused(https_server, httpserver, tls_files, make_client):
    httpserver.expect_request("/plain").respond_with_json({"leak": True})
    https_server.expect_request("/secure").respond_with_data(
        "", status=302, headers={"Location": httpserver.url_for("/plain")})
    client = make_client(https_server.url_for("/"), ca_bundle=tls_files[0])
    with pytest.raises(BadResponse):
        client.get("/secure")
    assert len(https_server.log) == 1 and httpserver.log == []


def test_self_signed_certificate_rejected_unless_configured(https_server, tls_files, make_client):
    https_server.expect_request("/x").respond_with_json({"ok": 1})
    with pytest.raises(UntrustedServer):
        make_client(https_server.url_for("/")).get("/x")
    assert make_client(https_server.url_for("/"), ca_bundle=tls_files[0]).get("/x").json == {"ok": 1}


def test_proxy_variables_and_netrc_are_ignored(httpserver, make_client, monkeypatch, tmp_path):
    netrc = tmp_path / ".netrc"
    netrc.write_text("machine localhost login stolen password secret\nmachine 127.0.0.1 login s password s\n")
    monkeypatch.setenv("NETRC", str(netrc))
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("HTTP_PROXY", "http://127.0.0.1:9")
    monkeypatch.setenv("http_proxy", "http://127.0.0.1:9")
    httpserver.expect_request("/x").respond_with_json({"ok": 1})
    assert make_client(httpserver.url_for("/"), headers={}).get("/x").json == {"ok": 1}
    assert httpserver.log[0][0].headers.get("Authorization") is None


# --------------------------------------------------------------------------------------------- downloads


def test_download_streams_to_file_without_auth_on_other_host(httpserver, other_host, make_client, tmp_path):
    payload = b"log line\n" * 1000
    other_host.expect_request("/files/app.log").respond_with_data(payload, content_type="text/plain")
    httpserver.expect_request("/attachments/1").respond_with_data(
        "", status=302, headers={"Location": other_host.url_for("/files/app.log")})
    dest = tmp_path / "app.log"
    written = make_client(httpserver.url_for("/")).download("/attachments/1", dest, max_bytes=1_000_000)
    assert written == len(payload) and dest.read_bytes() == payload
    assert other_host.log[0][0].headers.get("Authorization") is None
    assert not (tmp_path / "app.log.part").exists()


@pytest.mark.parametrize("chunked", [False, True])
def test_download_over_cap_removes_partial_file(httpserver, make_client, tmp_path, chunked):
    payload = b"z" * 200_000
    if chunked:
        def handler(_request):
            return WResponse(iter([payload[i:i + 10_000] for i in range(0, len(payload), 10_000)]),
                             content_type="application/octet-stream")

        httpserver.expect_request("/big").respond_with_handler(handler)
    else:
        httpserver.expect_request("/big").respond_with_data(payload, content_type="application/octet-stream")
    dest = tmp_path / "big.bin"
    with pytest.raises(BadResponse):
        make_client(httpserver.url_for("/")).download(httpserver.url_for("/big"), dest, max_bytes=50_000)
    assert not dest.exists() and not (tmp_path / "big.bin.part").exists()


# --------------------------------------------------------------------------------------------- secrets


def test_canary_token_never_leaks(httpserver, raw_server, make_client, caplog, clock):
    caplog.set_level(logging.DEBUG)
    forms = [CANARY, base64.b64encode(CANARY.encode()).decode(), f"Bearer {CANARY}"]
    client = make_client(httpserver.url_for("/"), max_retries=1)
    httpserver.expect_request("/401").respond_with_json({"error": "Couldn't authenticate you"},
                                                        status=401)
    httpserver.expect_request("/500").respond_with_json({}, status=500)
    httpserver.expect_request("/429").respond_with_json({}, status=429, headers={"Retry-After": "999"})
    httpserver.expect_request("/bad").respond_with_data("{oops", content_type="application/json")
    errors: list[Exception] = []
    for path in ("/401", "/500", "/429", "/bad"):
        with pytest.raises(IntegrationError) as info:
            client.get(path, params={"page": "2"})
        errors.append(info.value)
    dropped = raw_server(None)
    uncertain = make_client(dropped.url)
    with pytest.raises(ReplyUncertain) as info:
        uncertain.post("/reply", {"body": "x"})
    errors.append(info.value)
    texts = [caplog.text, repr(client), repr(uncertain), str(vars(client))]
    for err in errors:
        texts += [str(err), repr(err), err.detail, repr(err.__cause__), repr(err.__context__)]
    blob = "\n".join(texts)
    for form in forms:
        assert form not in blob


# --------------------------------------------------------------------------------------------- write outcomes


def test_write_accepted_with_unreadable_answer_is_uncertain(httpserver, make_client):
    httpserver.expect_request("/p", method="POST").respond_with_data("<html>ok</html>", status=201,
                                                                     content_type="text/html")
    with pytest.raises(ReplyUncertain):
        make_client(httpserver.url_for("/")).post("/p", {"x": 1})
    assert len(httpserver.log) == 1


def test_write_gateway_timeout_is_uncertain(httpserver, make_client, clock):
    httpserver.expect_request("/t", method="PUT").respond_with_json({}, status=504)
    with pytest.raises(ReplyUncertain):
        make_client(httpserver.url_for("/")).put("/t", {"x": 1})
    assert len(httpserver.log) == 1 and clock.sleeps == []


class DripServer(RawServer):
    """Sends headers, then one byte every 0.2 s: the read timeout never fires, only the deadline can."""

    def _serve(self) -> None:
        try:
            conn, _ = self.sock.accept()
        except OSError:
            return
        with conn:
            self.requests.append(self._read_request(conn))
            try:
                conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n")
                while not self._stop.is_set():
                    conn.sendall(b" ")
                    time.sleep(0.2)
            except OSError:
                pass


def test_slow_drip_hits_the_overall_deadline(make_client):
    server = DripServer(None)
    try:
        started = time.monotonic()
        with pytest.raises(Offline):
            make_client(server.url, now=time.time, deadline_s=1.0, timeout=(2.0, 5.0)).get("/x")
        assert time.monotonic() - started < 3
    finally:
        server.close()
