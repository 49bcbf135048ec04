"""Every supported log format is recognised and its lines are split into the right fields."""

from __future__ import annotations

import calendar

import pytest

from cre_desk.logs import format_detection, formats
from cre_desk.logs.entry import DEBUG, ERROR, FATAL, INFO, WARN

SAMPLES = {
    "threadtime": [
        "11-20 10:14:02.118  8812  8812 I Braze v30.4.0 .BrazeInAppMessageManager: No activity is currently "
        "registered to receive in-app messages.",
        "11-20 10:14:03.002  8812  8850 E AndroidRuntime: FATAL EXCEPTION: main",
    ],
    "studio": [
        "2026-11-19 09:02:11.402 21044-21044/jp.example.news I/FIAM.Headless: Starting InAppMessaging runtime",
        "11-19 09:02:12.540 21044-21102/? W/FIAM.Headless: App foreground rate limited ? : true",
    ],
    "studio_new": [
        "2026-11-20 10:14:02.118  8812-8812  Braze                   com.acme.shop                        "
        "I  New session created with ID: 7d4c",
    ],
    "time": ["11-20 10:14:02.118 W/GCM-DMM( 4120): broadcast intent callback: result=CANCELLED"],
    "brief": [
        "E/OneSignal( 3011): There is an IAM currently showing!",
        "D/OneSignal: setPaused(value: true)",
    ],
    "long": ["[ 11-20 10:14:02.118  8812: 8812 I/Braze ]"],
    "ios": [
        "2026-11-20 10:14:02.118421+0900 Acme[1234:56789] [Braze] Started user session (id: 5F2A)",
        "2026-11-20 10:14:02.200000+0900 Acme[1234:56789] 10.21.0 - [FirebaseInAppMessaging][I-IAM130004] "
        "Fetched 2 messages",
    ],
    "ios_logshow": [
        "2026-11-20 10:14:02.118226+0900 0x1a2b     Error       0x0                  123    0    Acme: "
        "(BrazeKit) [com.braze:sdk] Request failed",
    ],
    "firebase_ios": [
        "10.21.0 - [FirebaseInAppMessaging][I-IAM900002] 0 message definitions were parsed out "
        "successfully and 0 messages are discarded"
    ],
    "jsonl": [
        '{"ts": "2026-11-20T10:14:02.118Z", "level": "warning", "logger": "push", "msg": "token expired"}'
    ],
    "studio_columns": [
        "10:49:38.245  26864-30696  CleverTap               com.acme.app                         D  Found Valid "
        "Notification Message",
        "   Braze v23.0.1 .Braze  V  The instance is null. Allowing instance initialization",
        "                         D  Braze SDK Initializing",
        "15:34:48.028  W  Could not fetch in-app messages",
        "14:32:28.361 14885-15462/com.acme E/OneSignal: Error Getting FCM Token",
    ],
    "ios_console": [
        "error\t10:14:02.118421+0900\tShop\tFailed to register for remote notifications",
        "default\t10:14:02.200000+0900\tShop\t[Braze] Started user session",
    ],
}


@pytest.mark.parametrize("fmt", sorted(SAMPLES))
def test_each_format_is_detected_from_its_own_lines(fmt):
    assert format_detection.detect(SAMPLES[fmt] * 3).format == fmt


def test_threadtime_fields():
    entry = formats.LineParser("threadtime", year=2026).parse(7, SAMPLES["threadtime"][0])
    assert (entry.line_no, entry.level, entry.pid, entry.tid) == (7, INFO, 8812, 8812)
    assert entry.tag == "Braze v30.4.0 .BrazeInAppMessageManager"
    assert entry.message.startswith("No activity is currently registered")
    assert entry.timestamp == calendar.timegm((2026, 11, 20, 10, 14, 2)) + 0.118


def test_android_studio_export_reads_package_and_unknown_package():
    parser = formats.LineParser("studio", year=2026)
    first, second = (parser.parse(0, line) for line in SAMPLES["studio"])
    assert (first.package, first.tag, first.level) == ("jp.example.news", "FIAM.Headless", INFO)
    assert (second.package, second.level) == ("", WARN)


def test_new_android_studio_columns():
    entry = formats.LineParser("studio_new").parse(0, SAMPLES["studio_new"][0])
    assert (entry.tag, entry.package, entry.level, entry.pid) == ("Braze", "com.acme.shop", INFO, 8812)
    assert entry.message == "New session created with ID: 7d4c"


def test_brief_with_and_without_pid():
    parser = formats.LineParser("brief")
    with_pid, without = (parser.parse(0, line) for line in SAMPLES["brief"])
    assert (with_pid.level, with_pid.tag, with_pid.pid) == (ERROR, "OneSignal", 3011)
    assert (without.level, without.tag, without.pid) == (DEBUG, "OneSignal", None)


def test_xcode_line_with_firebase_message_lifts_tag_and_applies_the_utc_offset():
    entry = formats.LineParser("ios").parse(0, SAMPLES["ios"][1])
    assert entry.tag == "Firebase/InAppMessaging" or entry.tag == "FirebaseInAppMessaging"
    assert entry.extra["code"] == "I-IAM130004" and entry.extra["sdk_version"] == "10.21.0"
    assert entry.timestamp == calendar.timegm((2026, 11, 20, 1, 14, 2)) + 0.2


def test_log_show_level_words():
    entry = formats.LineParser("ios_logshow").parse(0, SAMPLES["ios_logshow"][0])
    assert (entry.level, entry.tag, entry.pid) == (ERROR, "Acme", 123)


def test_json_lines_find_fields_by_common_names():
    entry = formats.LineParser("jsonl").parse(0, SAMPLES["jsonl"][0])
    assert (entry.level, entry.tag, entry.message) == (WARN, "push", "token expired")
    assert entry.timestamp == calendar.timegm((2026, 11, 20, 10, 14, 2)) + 0.118


@pytest.mark.parametrize(
    "line",
    [
        "[" * 100_000,
        '{"a": ' + "9" * 100_000 + "}",
        '{"level": NaN, "msg": Infinity}',
        '{"a": 1} trailing',
        '{"msg": "\\ud800"}',
        '{"msg": "x", "msg": "y"}',
        "{" * 50_000 + "}" * 50_000,
        "",
    ],
)
def test_hostile_json_lines_never_raise(line):
    result = formats.LineParser("jsonl").parse(0, line)
    assert result is None or result.message is not None


def test_year_less_log_across_new_year_gets_last_year_for_december():
    parser = formats.LineParser("threadtime", year=2027, latest_month=1)
    december = parser.parse(0, "12-31 23:59:59.900  1  1 I A: bye")
    january = parser.parse(1, "01-01 00:00:00.100  1  1 I A: hello")
    assert december.timestamp < january.timestamp
    assert january.timestamp - december.timestamp == pytest.approx(0.2)


def test_impossible_dates_keep_the_line_but_drop_the_time():
    entry = formats.LineParser("threadtime", year=2026).parse(0, "02-30 10:00:00.000  1  1 W Tag: odd")
    assert entry.message == "odd" and entry.timestamp is None and entry.level == WARN


def test_ansi_colour_codes_are_removed_before_parsing():
    entry = formats.LineParser("threadtime").parse(
        0, "\x1b[31m11-20 10:14:02.118  1  2 F libc: Fatal signal\x1b[0m"
    )
    assert entry.level == FATAL and entry.message == "Fatal signal"


def test_unknown_text_falls_back_to_generic_and_still_finds_levels():
    lines = ["starting up", "2026-11-20 10:00:00 ERROR could not connect", "  at somewhere"]
    assert format_detection.detect(lines).format == "generic"
    entry = formats.LineParser("generic").parse(1, lines[1])
    assert entry.level == ERROR and entry.timestamp is not None


def test_android_studio_lines_with_hidden_columns_keep_their_fields():
    parser = formats.LineParser("studio_columns", year=2026)
    full, tag_only, blank_tag, compact, old = (parser.parse(0, line) for line in SAMPLES["studio_columns"])
    assert (full.pid, full.tid, full.tag, full.package, full.level, full.message) == (
        26864,
        30696,
        "CleverTap",
        "com.acme.app",
        DEBUG,
        "Found Valid Notification Message",
    )
    assert (tag_only.tag, tag_only.level, tag_only.message) == (
        "Braze v23.0.1 .Braze",
        1,
        "The instance is null. Allowing instance initialization",
    )
    assert (blank_tag.tag, blank_tag.level, blank_tag.message) == ("", DEBUG, "Braze SDK Initializing")
    assert (compact.tag, compact.level, compact.message) == ("", WARN, "Could not fetch in-app messages")
    assert (old.pid, old.package, old.tag, old.level, old.message) == (
        14885,
        "com.acme",
        "OneSignal",
        ERROR,
        "Error Getting FCM Token",
    )
    assert parser.parse(1, "        at com.acme.Foo.bar(Foo.java:12)") is None, (
        "a frame continues the entry above"
    )
    system = parser.parse(0, "10:49:39.245  26864-30696  ActivityManager  system_process  I  Displayed x")
    assert (system.tag, system.package, system.message) == (
        "ActivityManager",
        "system_process",
        "Displayed x",
    )


def test_prose_with_a_capital_letter_is_not_an_android_studio_line():
    prose = ["Plan A  B  C", "We tried I think twice", "Then it failed"]
    assert format_detection.detect(prose).format == "generic"


def test_console_app_copies_keep_level_process_and_message():
    parser = formats.LineParser("ios_console", year=2026)
    error, default = (parser.parse(0, line) for line in SAMPLES["ios_console"])
    assert (error.level, error.tag, error.message) == (
        ERROR,
        "Shop",
        "Failed to register for remote notifications",
    )
    assert (default.level, default.message) == (INFO, "[Braze] Started user session")


def test_a_vendor_prefixed_pasted_line_names_its_sdk_as_tag():
    parser = formats.LineParser("generic")
    assert parser.parse(0, "[Adjust]e: Malformed App Token").tag == "Adjust"
    assert (
        parser.parse(0, "[CleverTap]: CleverTap.TEST: Notifying user profile initialized").tag == "CleverTap"
    )
    assert parser.parse(0, "flutter: OneSignal permission false").tag == "flutter"
    assert parser.parse(0, "Request failed").tag == ""
