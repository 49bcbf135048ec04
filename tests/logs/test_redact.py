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
