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
