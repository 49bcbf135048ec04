"""Secrets and e-mail addresses are removed from logs on import; the evidence around them stays."""

from __future__ import annotations

from cre_desk.logs.redact import redact_file, redact_line

CASES = {
    b"I Braze: Braze SDK initialized with api_key=3f2a9c1e-8b7d-4c6e-9a1b-2c3d4e5f6a7b endpoint=sdk.iad-03":
        b"api_key=[redacted API key] endpoint=sdk.iad-03",
    b"D OkHttp: Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_X":
        b"Authorization: Bearer [redacted",
    b"I Shop: user logged in as mika.tanaka@example.co.jp": b"user logged in as [redacted e-mail address]",
    b"D Firebase: token AAAAbbbbCCC:APA91bH" + b"x" * 80: b"token [redacted push token]",
    b'{"X-Braze-Api-Key": "abcdef123456", "level": "info"}': b'"X-Braze-Api-Key": "[redacted API key]"',
}


def test_each_kind_of_secret_is_replaced_with_a_label():
    for line, expected in CASES.items():
        assert expected in redact_line(line), line


def test_evidence_around_secrets_is_untouched():
    line = (b"11-20 10:14:02.611  8812  8853 V Braze v30.4.0 .BrazeRequestManager: Making request(id = 2f1e0c55) "
            b"to https://sdk.iad-03.braze.com/api/v3/data")
    assert redact_line(line) == line
    uuid = b"New session created with ID: 7d4c6a1e-93f1-4a2e-8f0c-2a1b9c7e5d10"
    assert redact_line(uuid) == uuid  # session ids are evidence, not secrets


def test_redacting_a_file_keeps_every_line_and_counts_what_it_removed(tmp_path):
    source = tmp_path / "device.log"
    lines = [b"line one\n", b"contact: a@b.example\n", b"caf\xe9 latin-1 stays\n", b"api_key: 0123456789abcdef\r\n"]
    source.write_bytes(b"".join(lines))
    target = tmp_path / "device.redacted.log"
    report = redact_file(source, target)
    out = target.read_bytes().splitlines(keepends=True)
    assert len(out) == 4 and out[0] == b"line one\n" and out[2] == b"caf\xe9 latin-1 stays\n"
    assert out[3].endswith(b"\r\n")
    assert report.counts["e-mail address"] == 1 and report.counts["API key"] == 1
    assert "Redacted" in report.describe()


#: Configuration and credential lines as each SDK prints them (shapes from public support threads and the
#: SDKs' own log statements; values invented). Each value must go; the words around it stay.
SDK_CREDENTIAL_LINES = {
    "Braze (Android, configuration dump)":
        (b"11-20 10:14:02.066  8812  8812 V Braze v30.4.0 .BrazeConfigurationProvider: Using resources value for "
         b"key: 'com_braze_api_key' and value: '1a2b3c4d-5e6f-4a1b-9c8d-7e6f5a4b9f0e'", b"1a2b3c4d"),
    "Appboy (Android, older configuration dump)":
        (b"D/Appboy v1.19.0 .com.appboy.configuration.CachedConfigurationProvider( 8628): Using runtime override "
         b"value for key: com_appboy_api_key and value: 0d8e2b7c-41f6-4d3b-a7c5-9e1f2a3b4c5d", b"0d8e2b7c"),
    "Amplitude (Android)":
        (b"2024-08-09 17:18:31.352 10497-10603 Amplitude               apar.ride.app                        D  "
         b"Handle response, status: BAD_REQUEST, error: Invalid API key: 6eaecc157d0ff5a58c0b0d6df54307be",
         b"6eaecc157d0ff5a58c0b0d6df54307be"),
    "AppsFlyer (Android)":
        (b"I/AppsFlyer_5.4.5(30426): [GCD-B01] URL: https://gcdsdk.appsflyer.com/install_data/v4.0/com.example"
         b"?devkey=cKq8sJ3nX2pL9vR4tY7wZ1&device_id=1594192632930-1171085345471451321", b"cKq8sJ3nX2pL9vR4tY7wZ1"),
    "Adjust (Android, event failure)":
        (b"E/Adjust: Event failed (Ignoring event subsequent to an event supposed to be unique) "
         b"(app_token: 2fm9gkqubvpc, adid: 5b3f)", b"2fm9gkqubvpc"),
    "Adjust (React Native, bad token)":
        (b"2025-05-29 14:34:30.397 30388-30535 Adjust                  appName                      E  "
         b"Malformed App Token 'q9k2x7w4v1b8'", b"q9k2x7w4v1b8"),
    "CleverTap (Flutter plugin start-up)":
        (b"Initializing default CleverTap SDK instance. CleverTapAccountID: W9R-486-4W5Z CleverTapToken: 6c1-b01z",
         b"6c1-b01z"),
    "OneSignal (Unity, Android)":
        (b"07-30 17:12:33.099 23240 23701 I OneSignal: Device registered, push token = "
         b"cG5bbhVbRASB9xk2Lp0QmZ7aYt", b"cG5bbhVbRASB9xk2Lp0QmZ7aYt"),
    "Airship (configuration properties echoed)":
        (b"D/UALib: Loaded config: productionAppKey = 'Xy1AbC2dEf3GhI4jKl5MnO', productionAppSecret = "
         b"'Pq6RsT7uVw8XyZ9aBc0DeF'", b"Pq6RsT7uVw8XyZ9aBc0DeF"),
}


def test_every_supported_sdks_credential_lines_lose_their_values_and_the_count_says_so():
    from collections import Counter

    for sdk, (line, secret) in SDK_CREDENTIAL_LINES.items():
        counts: Counter = Counter()
        out = redact_line(line, counts)
        assert secret not in out, sdk
        assert b"[redacted" in out and sum(counts.values()) >= 1, sdk
    airship = redact_line(SDK_CREDENTIAL_LINES["Airship (configuration properties echoed)"][0])
    assert b"Xy1AbC2dEf3GhI4jKl5MnO" not in airship   # both values of the line


def test_words_about_tokens_and_settings_that_are_not_secrets_stay():
    for line in (b"Error fetching FCM registration token: Error Domain=com.google.fcm Code=505",
                 b"No APNS token specified before fetching FCM Token",
                 b"Error encountered while fetching Expo token: TypeError: Network request failed.",
                 b"V Braze v30.4.0 .BrazeConfigurationProvider: Using resources value for key: "
                 b"'com_braze_custom_endpoint' and value: 'sdk.iad-05.braze.com'",
                 b"I OneSignal: Device registered, push token = null"):
        assert redact_line(line) == line, line


def test_the_report_counts_the_values_removed(tmp_path):
    source = tmp_path / "braze.log"
    source.write_bytes(b"\n".join(line for line, _ in SDK_CREDENTIAL_LINES.values()) + b"\n")
    report = redact_file(source, tmp_path / "out.log")
    assert report.counts["API key"] >= len(SDK_CREDENTIAL_LINES)
    assert report.describe().startswith("Redacted ") and "API keys" in report.describe()


# --- The streamed file pass gives what line-by-line redaction gives ---------------------------------------

import hashlib  # noqa: E402

import pytest  # noqa: E402
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from cre_desk.errors import Cancelled  # noqa: E402
from cre_desk.logs import redact  # noqa: E402

_PIECES = [
    b"api_key", b"API key", b"X-Braze-Api-Key", b"devkey", b"App Token", b"client_secret", b"passwd",
    b"push token",
    b"device token", b"Authorization", b"Bearer", b"value for key", b"'com_braze_api_key'", b"and value",
    b"eyJhbGciOiJIUzI1NiJ9", b".", b"eyJzdWIiOiIxMjM0NTY3ODkwIn0", b"AKIAABCDEFGHIJKLMNOP",
    b"sk_live_abcdefghijklmnop12", b"AIza" + b"a" * 35, b"ghp_" + b"A" * 36, b"abcdefghijk:APA91" + b"b" * 60,
    b"0123456789abcdef" * 4, b"mika.tanaka@example.co.jp", b"Foo@1a2b", b"abc123def456", b"I Braze: ",
    b":", b"=",
    b" ", b"\t", b"'", b'"', b",", b"\r", b"\xe9\xff", b"x" * 40]


def _line_by_line(data: bytes) -> bytes:
    out = []
    for line in data.split(b"\n"):
        out.append(redact.redact_line(line[:redact.LINE_LIMIT]) + line[redact.LINE_LIMIT:])
    return b"\n".join(out)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(lines=st.lists(st.lists(st.sampled_from(_PIECES), max_size=10).map(b"".join), min_size=1, max_size=60),
       block=st.integers(16, 700), final_newline=st.booleans())
def test_the_streamed_copy_equals_redacting_each_line(tmp_path_factory, monkeypatch, lines, block,
                                                      final_newline):
    monkeypatch.setattr(redact, "BLOCK", block)
    monkeypatch.setattr(redact, "LINE_LIMIT", 120)   # lines stay under 4 limits: blocks are cut at newlines
    data = b"\n".join(line[:470] for line in lines) + (b"\n" if final_newline else b"")
    folder = tmp_path_factory.mktemp("redact")
    (folder / "in.log").write_bytes(data)
    report = redact.redact_file(folder / "in.log", folder / "out.log")
    written = (folder / "out.log").read_bytes()
    assert written == _line_by_line(data)
    assert report.sha256 == hashlib.sha256(written).hexdigest()
    assert report.lines == data.count(b"\n") + (1 if data and not data.endswith(b"\n") else 0)


def test_a_cancel_between_blocks_removes_the_copy_and_releases_the_file(tmp_path, monkeypatch):
    monkeypatch.setattr(redact, "BLOCK", 4096)
    source = tmp_path / "big.log"
    source.write_bytes(b"I Braze: api_key=0123456789abcdef seen\n" * 20000)
    asked = []

    def cancel() -> bool:
        asked.append(1)
        return len(asked) > 5

    with pytest.raises(Cancelled):
        redact.redact_file(source, tmp_path / "out.log", cancel=cancel)
    assert not (tmp_path / "out.log").exists()
    source.unlink()   # the map is closed: the file can go (Windows refuses while it is mapped)


def test_an_empty_file_gives_an_empty_copy(tmp_path):
    (tmp_path / "empty.log").write_bytes(b"")
    report = redact.redact_file(tmp_path / "empty.log", tmp_path / "out.log")
    assert (tmp_path / "out.log").read_bytes() == b"" and report.lines == 0
    assert report.sha256 == hashlib.sha256(b"").hexdigest()
