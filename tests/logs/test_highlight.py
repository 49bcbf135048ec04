"""What the log view colours on one line: header parts per format, message highlights, hostile input."""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cre_desk.logs.highlight import FORMATS, KINDS, MAX_LEXED, detect_format, level_kind, spans

ALL_FORMATS = (*FORMATS, "auto")


def parts(line: str, fmt: str = "auto") -> list[tuple[str, str]]:
    """(kind, text) for every span, in order — what the user sees coloured."""
    return [(kind, line[start:start + length]) for start, length, kind in spans(line, fmt)]


def kinds_of(line: str, fmt: str = "auto") -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for kind, text in parts(line, fmt):
        out.setdefault(kind, []).append(text)
    return out


def assert_well_formed(line: str, result: list[tuple[int, int, str]]) -> None:
    end = 0
    for start, length, kind in result:
        assert kind in KINDS and kind != "text"
        assert length > 0
        assert start >= end, result  # sorted and non-overlapping
        end = start + length
        assert end <= len(line)


# --- header parts per format ------------------------------------------------------------------

def test_threadtime_header():
    line = "11-20 10:14:02.118  8812  8813 E Braze v30.4.0 .BrazeInAppMessageManager: No activity is registered"
    assert parts(line, "threadtime")[:5] == [
        ("timestamp", "11-20 10:14:02.118"), ("pid", "8812"), ("pid", "8813"), ("level_e", "E"),
        ("tag", "Braze v30.4.0 .BrazeInAppMessageManager"),
    ]
    assert detect_format(line) == "threadtime"
    assert spans(line) == spans(line, "threadtime")


def test_threadtime_padded_tag_excludes_padding_and_levels_map():
    line = "11-20 10:14:02.118  8812  8812 W FIAM   : Fetched from cache"
    assert kinds_of(line, "threadtime")["tag"] == ["FIAM"]
    for letter, kind in zip("VDIWEFA", ("level_v", "level_d", "level_i", "level_w", "level_e", "level_f", "level_f"),
                            strict=True):
        assert (kind, letter) in parts(f"11-20 10:14:02.118  1  2 {letter} T: m", "threadtime")


def test_threadtime_with_year():
    line = "2024-11-20 10:14:02.118  8812  8812 I FIAM.Headless: Event Triggered: ON_FOREGROUND"
    assert detect_format(line) == "threadtime"
    assert parts(line)[0] == ("timestamp", "2024-11-20 10:14:02.118")
    assert kinds_of(line)["tag"] == ["FIAM.Headless"]


def test_studio_new_columns():
    line = "2024-11-20 10:14:02.118  8812-8812  Braze  com.acme.shop  I  Triggering action: test_event"
    assert detect_format(line) == "studio"
    assert parts(line, "studio") == [
        ("timestamp", "2024-11-20 10:14:02.118"), ("pid", "8812"), ("pid", "8812"), ("tag", "Braze"),
        ("level_i", "I"),
    ]


def test_studio_old_layout():
    line = "2024-11-20 10:14:02.118 8812-8812/com.acme.shop D/Braze: Opened session with activity: Main"
    assert detect_format(line) == "studio"
    assert parts(line, "studio")[:5] == [
        ("timestamp", "2024-11-20 10:14:02.118"), ("pid", "8812"), ("pid", "8812"), ("level_d", "D"),
        ("tag", "Braze"),
    ]


def test_brief_with_and_without_pid():
    assert parts("I/Braze( 8812): New session created", "brief") == [
        ("level_i", "I"), ("tag", "Braze"), ("pid", "8812")]
    assert parts("W/Braze: In-app message is expired", "brief") == [("level_w", "W"), ("tag", "Braze")]
    assert detect_format("I/Braze( 8812): x") == "brief"


def test_ios_nslog():
    line = "2024-11-20 10:14:02.118000+0900 Acme[123:4567] Braze SDK initialised"
    assert detect_format(line) == "ios"
    assert parts(line, "ios") == [
        ("timestamp", "2024-11-20 10:14:02.118000+0900"), ("tag", "Acme"), ("pid", "123"), ("pid", "4567")]


def test_ios_log_show():
    line = ("2024-11-20 10:14:02.118226+0900 0x1a2b     Error       0x0                  123    0    "
            "Acme: (BrazeKit) [com.braze:sdk] request failed")
    assert detect_format(line) == "ios"
    found = kinds_of(line, "ios")
    assert found["timestamp"] == ["2024-11-20 10:14:02.118226+0900"]
    assert found["level_e"] == ["Error"]
    assert found["tag"] == ["Acme", "BrazeKit", "com.braze:sdk"]
    assert "123" in found["pid"]
    default = line.replace("Error  ", "Default")
    assert kinds_of(default, "ios")["level_i"] == ["Default"]


def test_firebase_ios_bare_and_with_console_prefix():
    line = "10.21.0 - [FirebaseInAppMessaging][I-IAM130004] 2 message definitions were parsed out successfully"
    assert detect_format(line) == "firebase_ios"
    assert parts(line, "firebase_ios")[:4] == [
        ("number", "10.21.0"), ("tag", "FirebaseInAppMessaging"), ("tag", "I-IAM130004"), ("number", "2")]
    prefixed = "2024-11-20 10:14:02.118000+0900 Acme[123:4567] " + line
    assert detect_format(prefixed) == "firebase_ios"
    found = kinds_of(prefixed, "firebase_ios")
    assert found["timestamp"] == ["2024-11-20 10:14:02.118000+0900"]
    assert found["tag"] == ["Acme", "FirebaseInAppMessaging", "I-IAM130004"]


def test_jsonl_keys_strings_numbers_punct():
    line = '{"ts": "2024-11-20T10:14:02Z", "level": "error", "msg": "fetch \\"x\\" failed", "code": 503}'
    assert detect_format(line) == "jsonl"
    found = kinds_of(line, "jsonl")
    assert found["key"] == ['"ts"', '"level"', '"msg"', '"code"']
    assert found["string"] == ['"fetch \\"x\\" failed"']
    assert found["number"] == ["503"]
    assert found["level_e"] == ['"error"']
    assert found["timestamp"] == ['"2024-11-20T10:14:02Z"']
    assert parts(line, "jsonl")[0] == ("punct", "{")
    assert parts(line, "jsonl")[-1] == ("punct", "}")


def test_generic_timestamp_level_tag():
    line = "2024-11-20T10:14:02.118Z WARN [net] retrying in 5 s"
    assert detect_format(line) == "generic"
    assert parts(line) == [("timestamp", "2024-11-20T10:14:02.118Z"), ("level_w", "WARN"), ("tag", "net"),
                           ("number", "5")]


# --- message highlights -----------------------------------------------------------------------

def test_message_url_number_key_string_hex():
    line = ('11-20 10:14:02.118  8812  8812 D Braze: Making request(id = 5) to '
            'https://sdk.iad-01.braze.com/api/v3/data, took 250ms user="bob" flags=0x1F')
    found = kinds_of(line)
    assert found["url"] == ["https://sdk.iad-01.braze.com/api/v3/data"]  # trailing comma not included
    assert found["number"] == ["5", "250"]
    assert found["string"] == ['"bob"']
    assert found["key"] == ["user", "flags"]
    assert found["hex"] == ["0x1F"]


def test_message_uuid():
    line = "11-20 10:14:02.118  8812  8812 I FIAM.Headless: Starting InAppMessaging runtime with Installation ID 6f1c2b9e-1d2a-4c3b-9e8f-0a1b2c3d4e5f"
    assert kinds_of(line)["uuid"] == ["6f1c2b9e-1d2a-4c3b-9e8f-0a1b2c3d4e5f"]


def test_message_exceptions():
    assert kinds_of("Caused by: java.lang.IllegalStateException: Fragment not attached")["exception"] == [
        "java.lang.IllegalStateException"]
    ios = "*** Terminating app due to uncaught exception 'NSInternalInconsistencyException', reason: 'bad'"
    assert kinds_of(ios)["exception"] == ["NSInternalInconsistencyException"]
    assert kinds_of(ios)["string"] == ["'bad'"]
    assert kinds_of("E AndroidRuntime: kotlin.UninitializedPropertyAccessException: lateinit")["exception"] == [
        "kotlin.UninitializedPropertyAccessException"]
    assert "exception" not in kinds_of("an Error occurred while loading")
    assert "string" not in kinds_of("don't worry, it's fine")


def test_java_frame():
    line = "\tat com.acme.shop.MainActivity$onCreate$1.invokeSuspend(MainActivity.kt:42)"
    assert parts(line) == [("frame", "at com.acme.shop.MainActivity$onCreate$1.invokeSuspend(MainActivity.kt:42)")]
    logcat = "11-20 10:14:02.118  8812  8812 E AndroidRuntime: \tat com.acme.Foo.bar(Foo.java:12)"
    assert kinds_of(logcat)["frame"] == ["at com.acme.Foo.bar(Foo.java:12)"]
    assert "frame" not in kinds_of("failed at startup")


def test_ios_frame():
    line = "3   CoreFoundation                      0x00000001a2b3c4d5 __exceptionPreprocess + 164"
    assert parts(line) == [("number", "3"), ("frame", "CoreFoundation"), ("hex", "0x00000001a2b3c4d5"),
                           ("frame", "__exceptionPreprocess + 164")]


def test_numbers_inside_words_stay_plain():
    assert kinds_of("sdk v30 build abc123 ok 7")["number"] == ["7"]


# --- hostile input ----------------------------------------------------------------------------

def test_empty_string():
    for fmt in ALL_FORMATS:
        assert spans("", fmt) == []


def test_unknown_format_is_a_programming_error():
    with pytest.raises(ValueError):
        spans("x", "xml")


def test_ansi_escapes_and_control_characters_are_plain_text():
    line = "11-20 10:14:02.118  8812  8812 E Braze: \x1b[31mfailed\x1b[0m code 42\x00\x07\r\u202e"
    found = kinds_of(line)
    assert found["level_e"] == ["E"]
    assert found["number"] == ["42"]  # "31" and "0" inside the escapes are not numbers
    assert_well_formed(line, spans(line))
    leading = "\x1b[32m11-20 10:14:02.118  8812  8812 I T: m\x1b[0m"
    assert_well_formed(leading, spans(leading))


def test_100kb_line_only_first_4000_lexed():
    line = ("11-20 10:14:02.118  8812  8812 I Braze: " + "payload 12 https://x.io/a \"s\" " * 4000)[:100_000]
    started = time.perf_counter()
    result = spans(line)
    print(f"100 KB line: {(time.perf_counter() - started) * 1e3:.1f} ms")
    assert_well_formed(line, result)
    assert result[0] == (0, 18, "timestamp")
    assert max(s + n for s, n, _ in result) <= MAX_LEXED


def test_returned_list_is_a_copy():
    line = "I/Braze: 42"
    spans(line).clear()
    assert spans(line) == [(0, 1, "level_i"), (2, 5, "tag"), (9, 2, "number")]


def test_speed_of_a_typical_line():
    """Prints the per-line cost (target < 40 µs); no hard bound so a busy CI box never fails it."""
    from cre_desk.logs import highlight

    line = ("11-20 10:14:02.118  8812  8812 D Braze v30.4.0 .BrazeInAppMessageManager: Making request(id = 5)"
            " to https://sdk.iad-01.braze.com/api/v3/data")
    raw = highlight._spans.__wrapped__  # bypass the cache
    n = 500
    started = time.perf_counter()
    for _ in range(n):
        raw(line, "auto")
    print(f"{len(line)}-char line: {(time.perf_counter() - started) / n * 1e6:.1f} µs uncached")
    assert raw(line, "auto") == tuple(spans(line))


def test_level_kind():
    assert [level_kind(code) for code in range(7)] == [
        "text", "level_v", "level_d", "level_i", "level_w", "level_e", "level_f"]
    assert level_kind(99) == "text"


@pytest.mark.parametrize("fmt", ALL_FORMATS)
@settings(max_examples=1000, deadline=None)
@given(text=st.text(max_size=300))
def test_spans_are_sorted_disjoint_and_in_bounds(fmt, text):
    assert_well_formed(text, spans(text, fmt))


LOGGY = st.lists(st.sampled_from([
    "11-20 ", "2024-11-20 ", "10:14:02.118", "  8812", "-", "/", " E ", "I/", "Braze", ": ", "(", ")", "[", "]",
    "0x1f", "\"", "'", "{", "}", "https://a.b/c", "Exception", "java.lang.", "\tat ", "=", "+0900 ", " ", "\x1b[",
    "6f1c2b9e-1d2a-4c3b-9e8f-0a1b2c3d4e5f", "\n", "é", "😀",
]), max_size=40).map("".join)


@pytest.mark.parametrize("fmt", ALL_FORMATS)
@settings(max_examples=300, deadline=None)
@given(text=LOGGY)
def test_spans_well_formed_on_log_like_noise(fmt, text):
    assert_well_formed(text, spans(text, fmt))
