"""tools/mine_sdk_logs.py on a small made-up SDK tree holding one log call of every known shape."""

from __future__ import annotations

import importlib.util
import json
import re
import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = Path(__file__).resolve().parent / "fixture_sdk"

_spec = importlib.util.spec_from_file_location("mine_sdk_logs", ROOT / "tools" / "mine_sdk_logs.py")
miner = importlib.util.module_from_spec(_spec)
sys.modules["mine_sdk_logs"] = miner  # dataclasses look their module up while the class is built
_spec.loader.exec_module(miner)

# (rendered message as the SDK would log it, level, tag or None for "not checked", Firebase code or "")
EXPECTED = [
    # Android Log.w with a concatenation spread over four lines
    (
        "Push registration failed for sender id 901234567890 after 3 attempts. Will retry.",
        "W",
        "AcmePush",
        "",
    ),
    ("Push token could not be saved", "E", "AcmePush", ""),
    # Log.wtf + String.format(Locale, ...): printf values become groups, the tag is a qualified constant
    ("Invalid notification channel id promo (attempt 2)", "F", "AcmeSDK", ""),
    ("Timber failed to deliver message 0:1700000000%ab12 to handler", "E", "AcmePush", ""),
    # escaped quotes; the text after the line break is not part of the first log line
    ('Firebase message received with "invalid" payload: Bundle[{gcm.n.e=1}]', "E", "AcmePush", ""),
    # Kotlin lambdas: multi-line "a" + "b ${x}" and a tag constant resolved through getBrazeLogTag(...)
    (
        "No activity is currently registered to receive in-app messages. Saving message 6548f0d2 for later.",
        "W",
        "InAppManager",
        "",
    ),
    ('Could not display in-app message with payload: {"type":"MODAL"}', "E", "InAppManager", ""),
    ("Cannot show message containing a Braze Actions Push Prompt", "W", "InAppManager", ""),
    ("App id 1234 is not a valid UUID. OneSignal will not initialize.", "E", None, ""),
    ("Notification permission not granted; 3 notifications suppressed", "W", None, ""),
    ("Config value for key com_acme_api_key is invalid, using default", "W", "AcmeInApp", ""),
    ("Kotlin lambda logger failed for event 'purchase'", "E", "InAppManager", ""),
    ("Vendor logger error code 503 while syncing", "E", "AcmeInApp", ""),
    # ObjC: adjacent literals, %ld/%@, Firebase I-codes from a literal and from an enum constant
    (
        "Failed restful api request to fetch in-app messages: seeing http status code as 403 with body as "
        '{"error": {"code": 403}}',
        "W",
        "",
        "I-IAM130004",
    ),
    ("In-App Messaging must be used with the default Firebase app.", "E", "", "I-IAM170000"),
    ("Firebase not set up correctly, nil or empty senderID.", "E", "", "I-FCM001000"),
    (
        "APNS device token not set before retrieving FCM Token for Sender ID '901234567890'.",
        "W",
        "",
        "I-FCM002022",
    ),
    (
        "Braze cannot display this message because the image has a height or width of 0. The image has width "
        "0.000000 and height 120.500000.",
        "unknown",
        "",
        "",
    ),
    (
        "Can't find HTML at path /var/mobile/x, with file name message.html. Aborting display.",
        "unknown",
        "",
        "",
    ),
    ("Keychain write failed with status -25299", "E", "", ""),
    (
        "Could not open message database at /var/mobile/Containers/Data/db.sqlite",
        "E",
        "",
        "",
    ),  # [ALog error:]
    ("Native crash handler install failed: sigaltstack", "W", "", ""),  # LOG_W(...)
    ("Notification permission request failed: Error Domain=UNErrorDomain Code=1", "E", "", ""),
    # Swift: \(x, privacy:) interpolation, Logger(), os_log(.error, ...), NSLog, error descriptions
    ("Unable to present message 6548f0d2 - no window scene available", "E", "", ""),
    ("Push authorization status is denied; notifications will not be shown", "W", "", ""),
    ("Failed to download image https://cdn.example.com/a.png for message", "E", "", ""),
    ("Swift NSLog level is unknown: hello", "unknown", "", ""),
    ("Unable to parse response to create subscription request for push", "E", "", ""),  # OneSignalLog (Swift)
    ("Unable to present message - unable to find the app root view controller.", "E", "", ""),
    ("Unable to present message - failed to retrieve assets", "E", "", ""),
]

IGNORED = [
    "Registering for push with sender id 1",  # Log.d
    "Info line is ignored",  # Log.i
    "This commented-out call must be ignored",  # // comment
    "Neither must this one",  # /* comment */
    "Test-only error line must not be mined",  # src/test
    "Attempting to display 1",  # brazelog(D)
    "Default priority is debug and ignored",  # brazelog { } without a level
    "Debug output is ignored x",  # FIRLogDebug
    "Presenting message 1",  # logger.debug
    "Plain os_log at info level is ignored x",  # os_log(type: .info)
    "OneSignal verbose line is ignored x",  # OneSignalLog.onesignalLog(.LL_VERBOSE, ...)
]


def _mine(tmp_path: Path, source: Path = FIXTURE, name: str = "out.json", version: str = "1.2.3") -> dict:
    out = tmp_path / name
    assert (
        miner.main(
            [
                str(source),
                "--vendor",
                "braze",
                "--repository",
                "acme/acme-sdk",
                "--sdk-version",
                version,
                "--out",
                str(out),
            ]
        )
        == 0
    )
    return json.loads(out.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def doc(tmp_path_factory) -> dict:
    return _mine(tmp_path_factory.mktemp("mined"))


def _matching(doc: dict, message: str) -> list[dict]:
    return [rule for rule in doc["rules"] if re.search(rule["pattern"], message)]


def test_document_shape(doc):
    assert doc["schema_version"] == 1 and doc["vendor"] == "braze" and doc["draft"] is True
    ids = [rule["id"] for rule in doc["rules"]]
    assert len(ids) == len(set(ids)) and all(re.fullmatch(r"BRZ-M\d{3}", i) for i in ids)
    assert len(doc["rules"]) == len(EXPECTED)


@pytest.mark.parametrize(("message", "level", "tag", "code"), EXPECTED, ids=[e[0][:40] for e in EXPECTED])
def test_rendered_messages_are_matched(doc, message, level, tag, code):
    hits = _matching(doc, message)
    assert len(hits) == 1, f"{message!r} matched {[h['pattern'] for h in hits]}"
    rule = hits[0]
    assert rule["level"] == level
    if tag is not None:
        assert rule["tag"] == tag
    assert rule.get("code", "") == code
    assert rule["platform"] == ("ios" if rule["provenance"]["path"].startswith("ios/") else "android")


@pytest.mark.parametrize("message", IGNORED)
def test_low_levels_comments_and_tests_are_ignored(doc, message):
    assert _matching(doc, message) == []
    assert not any(message[:20] in rule["provenance"]["template"] for rule in doc["rules"])


def test_short_templates_are_skipped(doc):
    assert not any(rule["provenance"]["template"] == '"Short"' for rule in doc["rules"])


def test_every_rule_has_provenance_pointing_at_its_source(doc):
    for rule in doc["rules"]:
        prov = rule["provenance"]
        assert prov["repository"] == "acme/acme-sdk" and prov["sdk_version"] == "1.2.3"
        source = (FIXTURE / prov["path"]).read_text(encoding="utf-8")
        assert prov["template"] and prov["template"] in source, rule["id"]
        assert prov["line"].isdigit()
        # the call starts on the recorded line, the template follows it
        assert source.index(prov["template"]) >= sum(
            len(x) for x in source.splitlines(True)[: int(prov["line"]) - 1]
        )


def test_patterns_are_usable_rules(doc):
    from cre_desk.logs.rules import literal_prefilter

    for rule in doc["rules"]:
        pattern = rule["pattern"]
        re.compile(pattern)
        assert not pattern.startswith(("(", ".", "\\s", "\\S")), pattern
        assert literal_prefilter(pattern) and max(len(x) for x in literal_prefilter(pattern)) >= 6, pattern


def test_templates_keep_the_exact_source_text(doc):
    push = _matching(doc, EXPECTED[0][0])[0]
    assert push["provenance"]["template"] == (
        '"Push registration failed for sender id "\n        + senderId\n        + " after "\n'
        '        + attempt + " attempts. Will retry."'
    )
    kotlin = _matching(doc, EXPECTED[5][0])[0]
    assert "${message?.id}" in kotlin["provenance"]["template"]
    assert kotlin["pattern"] == (
        "No activity is currently registered to receive in-app messages\\. Saving message (.*?) for later\\."
    )
    swift = _matching(doc, "Unable to present message 1 - no window scene available")[0]
    assert swift["provenance"]["template"].startswith('"Unable to present message \\(message.id, privacy')


def test_template_conversion_units():
    def regex(expr: str, lang: str, printf: bool = False) -> str:
        parsed = miner.parse_expr(expr, lang)
        parts = miner.apply_printf(parsed.parts) if printf else parsed.parts
        return miner.to_regex(miner.normalise_parts(parts))

    assert regex('"a.b " + x + " (c)"', "java") == r"a\.b (.*?) \(c\)"
    assert regex('"id $id and ${user.name}!"', "kotlin") == "id (.*?) and (.*?)!"
    assert regex('"took \\(ms) ms [\\(n)]"', "swift") == r"took (.*?) ms \[(.*?)\]"
    assert regex('@"%{public}@ code %lu, %zd%% %s"', "objc", printf=True) == r"code (\d+), (-?\d+)% (.*)"
    assert regex('x + "leading value is dropped"', "java") == "leading value is dropped"


def test_diff_reports_added_removed_and_changed(tmp_path, capsys):
    old = _mine(tmp_path, name="old.json")
    tree = tmp_path / "sdk"
    shutil.copytree(FIXTURE, tree)
    push = tree / "android/src/main/java/com/acme/sdk/AcmePush.java"
    text = push.read_text(encoding="utf-8")
    text = text.replace(
        '    Log.e(TAG, "Push token could not be saved", e);\n',
        '    Log.w(TAG, "Server rejected the device registration request", e);\n',
    )
    text = text.replace('" attempts. Will retry."', '" attempts. Will retry in " + delay + " ms."')
    push.write_text(text, encoding="utf-8")
    new = _mine(tmp_path, tree, name="new.json", version="1.3.0")

    diff = miner.diff_documents(old, new)
    assert [r["pattern"] for r in diff["added"]] == ["Server rejected the device registration request"]
    assert [r["pattern"] for r in diff["removed"]] == ["Push token could not be saved"]
    assert [(a["provenance"]["line"], b["pattern"]) for a, b in diff["changed"]] == [
        (
            "13",
            r"Push registration failed for sender id (.*?) after (.*?) attempts\. Will retry in (.*?) ms\.",
        )
    ]

    capsys.readouterr()
    assert miner.main([str(tmp_path / "new.json"), "--diff", str(tmp_path / "old.json")]) == 0
    printed = capsys.readouterr().out
    assert printed.startswith("SDK 1.2.3 -> 1.3.0: 1 added, 1 removed, 1 changed")
    assert '+ [W] android/src/main/java/com/acme/sdk/AcmePush.java:17  "Server rejected the device' in printed
    assert (
        '- [E] android/src/main/java/com/acme/sdk/AcmePush.java:17  "Push token could not be saved"'
        in printed
    )
    assert "~ [W] android/src/main/java/com/acme/sdk/AcmePush.java:13" in printed
    assert (
        '    now: "Push registration failed for sender id " + senderId + " after " + attempt + " attempts. '
        'Will retry in " + delay + " ms."' in printed
    )


def test_unchanged_tree_diffs_empty(tmp_path, capsys):
    _mine(tmp_path, name="a.json")
    capsys.readouterr()
    assert (
        miner.main(
            [str(FIXTURE), "--vendor", "braze", "--sdk-version", "1.2.3", "--diff", str(tmp_path / "a.json")]
        )
        == 0
    )
    assert capsys.readouterr().out.startswith("SDK 1.2.3 -> 1.2.3: 0 added, 0 removed, 0 changed")


def test_call_shapes_are_data():
    names = [shape.name for shape in miner.CALL_SHAPES]
    assert len(names) == len(set(names))
    for shape in miner.CALL_SHAPES:
        re.compile(shape.regex)
        assert set(shape.langs) <= set(miner.LANGS.values())
