"""Issue 12 items 9, 16 and 21 on real sockets: no credential printed with http.client debugging (K-2),
every request stoppable and bounded by the overall deadline (N-1/N-2), the company certificate setting (N-10).
"""

from __future__ import annotations

import base64
import datetime as dt
import http.client
import socket
import ssl
import threading
import time

import pytest
from pytest_httpserver import HTTPServer
from test_zendesk import BASIC, CANARY, make_provider

from cre_desk.config import Settings
from cre_desk.errors import Cancelled, UserError
from cre_desk.integrations import transport
from cre_desk.integrations.http import ApiClient
from cre_desk.integrations.http_errors import Offline, UntrustedServer


@pytest.fixture(autouse=True)
def _default_network():
    yield
    transport.configure(ca_bundle="")


# ------------------------------------------------------------------------------------------ K-2


def test_k2_http_client_debugging_never_prints_the_credential(httpserver, capfd, monkeypatch):
    monkeypatch.setattr(http.client.HTTPConnection, "debuglevel", 1)
    httpserver.expect_request("/api/v2/users/me.json").respond_with_json(
        {"user": {"id": 200, "name": "Alex Agent", "role": "admin"}}
    )
    httpserver.expect_request("/api/v2/search/export.json").respond_with_json({"results": [], "meta": {}})
    provider = make_provider(httpserver.url_for("/"))
    provider.test_connection()
    provider._client.get("/api/v2/search/export.json", params={"query": "x", "token": CANARY})
    out, err = capfd.readouterr()
    printed = out + err
    assert "send:" in printed and "<redacted>" in printed  # still useful for troubleshooting
    for form in (CANARY, base64.b64encode(CANARY.encode()).decode(), BASIC.split()[1]):
        assert form not in printed


def test_redact_wire_covers_headers_and_query_tokens():
    raw = (
        b"GET /x?token=abc&page=2 HTTP/1.1\r\nAuthorization: Bearer s3cr3t\r\nCookie: a=b\r\n"
        b"Accept: */*\r\n\r\n"
    )
    clean = transport.redact_wire(raw)
    assert b"s3cr3t" not in clean and b"abc" not in clean and b"a=b" not in clean
    assert b"page=2" in clean and b"Accept: */*" in clean


@pytest.mark.parametrize("body", [
    b'{"grant_type": "client_credentials", "client_id": "app1", "client_secret": "hs_CANARY_s3cr3t"}',
    b"grant_type=client_credentials&client_id=app1&client_secret=hs_CANARY_s3cr3t",
    b'{"refresh_token":"hs_CANARY_s3cr3t","a":1}',
])
def test_redact_wire_covers_secrets_in_token_request_bodies(body):
    """An OAuth token request (Help Scout) prints its body under HTTP debugging: the secret must not show."""
    clean = transport.redact_wire(b"POST /v2/oauth2/token HTTP/1.1\r\nContent-Type: x\r\n\r\n" + body)
    assert b"CANARY" not in clean
    assert body.count(b"app1") == clean.count(b"app1"), "only the secret is hidden"


# ------------------------------------------------------------------------------------------ N-1 / N-2


class RawServer:
    """Accepts connections and then either stays silent or drips a response one byte at a time."""

    def __init__(self, mode: str) -> None:
        self.mode = mode
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(8)
        self.accepted = 0
        self.stop = threading.Event()
        threading.Thread(target=self._serve, daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.sock.getsockname()[1]}"

    def _serve(self) -> None:
        while not self.stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            self.accepted += 1
            threading.Thread(target=self._talk, args=(conn,), daemon=True).start()

    def _talk(self, conn: socket.socket) -> None:
        with conn:
            if self.mode == "drip":
                payload = b"HTTP/1.1 200 OK\r\nX-Slow: " + b"a" * 100_000
                for byte in payload:
                    if self.stop.wait(0.2):
                        return
                    try:
                        conn.sendall(bytes([byte]))
                    except OSError:
                        return
            else:
                self.stop.wait(60)

    def close(self) -> None:
        self.stop.set()
        self.sock.close()


def _run(fn) -> tuple[threading.Thread, dict]:
    outcome: dict = {}

    def target() -> None:
        started = time.monotonic()
        try:
            outcome["value"] = fn()
        except BaseException as exc:  # noqa: BLE001 - recorded for the assertion
            outcome["error"] = exc
        outcome["seconds"] = time.monotonic() - started

    thread = threading.Thread(target=target, daemon=True)
    thread.start()
    return thread, outcome


def test_n2_a_server_dripping_its_headers_is_cut_off_by_the_deadline():
    server = RawServer("drip")
    try:
        client = ApiClient(server.url, headers={}, timeout=(1.0, 1.0), deadline_s=1.5, sleep=lambda s: None)
        thread, outcome = _run(lambda: client.get("/api/v2/tickets.json"))
        thread.join(20)
        assert not thread.is_alive(), "the request never ended"
        assert isinstance(outcome.get("error"), Offline)
    finally:
        server.close()


def test_n1_a_silent_server_is_asked_once_not_again_and_again():
    server = RawServer("silent")
    try:
        client = ApiClient(
            server.url, headers={}, timeout=(1.0, 0.3), deadline_s=30, max_retries=4, sleep=lambda s: None
        )
        with pytest.raises(Offline):
            client.get("/api/v2/tickets.json")
        assert server.accepted == 1
    finally:
        server.close()


def test_n1_cancel_stops_a_request_to_a_silent_server_at_once():
    server = RawServer("silent")
    stop = threading.Event()
    try:
        client = ApiClient(server.url, headers={}, timeout=(5.0, 30.0))

        def call():
            with transport.cancel_scope(stop.is_set):
                return client.get("/api/v2/tickets.json")

        thread, outcome = _run(call)
        time.sleep(0.3)
        stop.set()
        thread.join(10)  # the read timeout is 30 s: only the cancel can end it this soon
        assert not thread.is_alive()
        assert isinstance(outcome.get("error"), Cancelled)
    finally:
        server.close()


def test_cancel_ends_a_rate_limit_wait(httpserver):
    httpserver.expect_request("/limited").respond_with_json({}, status=429, headers={"Retry-After": "30"})
    stop = threading.Event()
    client = ApiClient(httpserver.url_for("/").rstrip("/"), headers={})

    def call():
        with transport.cancel_scope(stop.is_set):
            return client.get("/limited")

    thread, outcome = _run(call)
    time.sleep(0.3)
    stop.set()
    thread.join(10)
    assert not thread.is_alive() and isinstance(outcome.get("error"), Cancelled)


# ------------------------------------------------------------------------------------------ N-10


def _certificates(tmp_path):
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    now = dt.datetime.now(dt.UTC)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Corp Proxy CA")])
    ca = (
        x509.CertificateBuilder()
        .subject_name(ca_name)
        .issuer_name(ca_name)
        .public_key(ca_key.public_key())
        .serial_number(1)
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=30))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                key_cert_sign=True,
                crl_sign=True,
                content_commitment=False,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()), critical=False)
        .sign(ca_key, hashes.SHA256())
    )
    key = ec.generate_private_key(ec.SECP256R1())
    cert = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")]))
        .issuer_name(ca_name)
        .public_key(key.public_key())
        .serial_number(2)
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=30))
        .add_extension(x509.SubjectAlternativeName([x509.DNSName("localhost")]), critical=False)
        .add_extension(x509.ExtendedKeyUsage([x509.oid.ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), critical=False
        )
        .sign(ca_key, hashes.SHA256())
    )
    ca_file, cert_file, key_file = tmp_path / "corp-ca.pem", tmp_path / "server.pem", tmp_path / "server.key"
    ca_file.write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
    )
    return ca_file, cert_file, key_file


def test_n10_company_certificate_setting_is_named_and_works(tmp_path):
    ca_file, cert_file, key_file = _certificates(tmp_path)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert_file, key_file)
    server = HTTPServer(host="localhost", port=0, ssl_context=context)
    server.start()
    try:
        server.expect_request("/api/v2/users/me.json").respond_with_json({"user": {"id": 1}})
        base = f"https://localhost:{server.port}"
        with pytest.raises(UntrustedServer) as info:  # rejected by default
            ApiClient(base, headers={}).get("/api/v2/users/me.json")
        assert "Settings → Company certificate" in str(info.value)
        settings = Settings(ca_bundle=str(ca_file))  # the setting the message names exists
        transport.configure(ca_bundle=settings.ca_bundle)
        assert ApiClient(base, headers={}).get("/api/v2/users/me.json").json == {"user": {"id": 1}}
    finally:
        server.stop()


def test_n10_a_wrong_certificate_file_is_explained(tmp_path):
    bad = tmp_path / "not-a-cert.txt"
    bad.write_text("hello")
    with pytest.raises(UserError) as info:
        transport.check_ca_bundle(str(bad))
    assert "PEM" in str(info.value)
    with pytest.raises(UserError):
        transport.check_ca_bundle(str(tmp_path / "missing.pem"))


def test_settings_keep_the_company_certificate(tmp_path):
    path = tmp_path / "settings.json"
    Settings(ca_bundle="/etc/corp/ca.pem").save(path)
    assert Settings.load(path).ca_bundle == "/etc/corp/ca.pem"
