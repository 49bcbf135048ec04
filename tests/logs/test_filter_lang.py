"""Behaviour of the log view's Logcat-style filter box, as a support engineer would type it."""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cre_desk.errors import UserError
from cre_desk.logs.entry import DEBUG, ERROR, FATAL, INFO, VERBOSE, WARN, Entry
from cre_desk.logs.filter_lang import (
    PRESETS,
    FilterError,
    Query,
    completions,
    describe,
    level_floor,
    parse,
)
from cre_desk.logs.filter_match import matcher

NOW = 1_700_000_000.0


def entry(line_no: int, level: int, tag: str, message: str, *, pid: int = 4711, tid: int = 4730,
          package: str = "com.acme.shop", age: float | None = 0.0, lines: int = 1) -> tuple[Entry, str]:
    """An entry plus the raw logcat line it came from."""
    first = message.split("\n", 1)[0]
    letter = {VERBOSE: "V", DEBUG: "D", INFO: "I", WARN: "W", ERROR: "E", FATAL: "F"}[level]
    raw = f"03-14 10:22:{line_no % 60:02d}.123  {pid}  {tid} {letter} {tag}: {first}"
    ts = None if age is None else NOW - age
    return Entry(line_no, line_no + lines, message, level, tag, pid, tid, package, ts), raw


LOG = [
    entry(0, DEBUG, "Braze v30.1.0 .InAppMessageManager", "Subscribing to in-app message events", age=900),
    entry(1, INFO, "Braze", "New session created with ID: 8f2c", age=600),
    entry(2, WARN, "BrazeInAppMessageManager", "No activity is currently registered to receive in-app messages",
          age=240),
    entry(3, INFO, "FIAM.Headless", "Event Triggered: ON_FOREGROUND", pid=5120, tid=5120,
          package="com.acme.other", age=200),
    entry(4, DEBUG, "FIAM.Display", "Binding to activity: MainActivity", age=120),
    entry(5, VERBOSE, "chatty", "uid=10123(com.acme.shop) identical 4 lines", age=100),
    entry(6, ERROR, "OneSignal", 'Error: the "app_id" is missing', age=60),
    entry(7, ERROR, "AndroidRuntime",
          "FATAL EXCEPTION: main\n\tat com.acme.shop.MainActivity.onCreate(MainActivity.java:42)"
          "\n\tat android.app.Activity.performCreate(Activity.java:8000)", age=30, lines=3),
    entry(10, FATAL, "libc", "Fatal signal 11 (SIGSEGV), code 1", age=10),
    entry(11, ERROR, "ReactNativeJS", "TypeError: undefined\n    at render (index.bundle:1:200)", age=5, lines=2),
    entry(13, ERROR, "MyApp", "*** Terminating app due to uncaught exception 'NSInvalidArgumentException'\n"
          "0   CoreFoundation                      0x00000001804ee0f8 __exceptionPreprocess + 164",
          age=2, lines=2),
    entry(15, INFO, "MyApp", "Order #42 placed", age=None),
]
FINDINGS = {2: [("BRZ-04", "D")], 1: [("BRZ-01", "C/D")], 3: [("FIAM-02", "C")]}


def hits(text: str, log=LOG, *, now: float | None = NOW, findings=FINDINGS) -> list[int]:
    """Line numbers of the entries the filter keeps."""
    match = matcher(parse(text), now=now, findings_by_line=findings)
    return [e.line_no for e, raw in log if match(e, raw)]


def error_of(text: str) -> FilterError:
    with pytest.raises(FilterError) as info:
        parse(text)
    return info.value


# --------------------------------------------------------------------------- keys


def test_tag_is_a_case_insensitive_substring():
    assert hits("tag:braze") == [0, 1, 2]


def test_tag_exact_and_regex():
    assert hits("tag=:Braze") == [1]
    assert hits("tag=:braze") == [1]
    assert hits("tag~:^fiam\\.(head|disp)") == [3, 4]
    assert hits("tag~:Br.*ze") == [0, 1, 2]


def test_message_keys():
    assert hits('message:"no activity"') == [2]
    assert hits("message~:session.*ID") == [1]
    assert hits('message=:"Order #42 placed"') == [15]


def test_level_is_at_or_above_and_accepts_letters_and_words():
    assert hits("level:W") == [2, 6, 7, 10, 11, 13]
    for spelling in ("W", "w", "warn", "WARNING", "Warn"):
        assert hits(f"level:{spelling}") == hits("level:W")
    assert hits("level:E") == hits("level:error") == [6, 7, 10, 11, 13]
    assert hits("level:F") == hits("level:A") == hits("level:assert") == hits("level:fatal") == [10]
    assert hits("level:v") == hits("level:verbose") == [e.line_no for e, _ in LOG]
    assert hits("level:debug") == [e.line_no for e, _ in LOG if e.level >= DEBUG]
    assert hits("level:i") == hits("level:info")


def test_unknown_level_is_an_error():
    err = error_of("tag:Braze level:loud")
    assert err.position == len("tag:Braze level:")
    assert "level" in err.message.lower()


def test_pid_tid_package():
    assert hits("pid:5120") == [3]
    assert hits("tid:5120") == [3]
    assert hits("package:com.acme.other") == [3]
    assert hits("package:ACME.SHOP") == [e.line_no for e, _ in LOG if e.line_no != 3]
    assert hits("package~:other$") == [3]
    assert error_of("pid:abc").position == 4


def test_age_counts_back_from_the_newest_entry():
    assert hits("age:1m") == [6, 7, 10, 11, 13]
    assert hits("age:5m") == [2, 3, 4, 5, 6, 7, 10, 11, 13]
    assert hits("age:30s") == [7, 10, 11, 13]
    assert hits("age:1h") == hits("age:2d") == [e.line_no for e, _ in LOG if e.timestamp is not None]
    # without any timestamp in the log nothing can be "recent"
    assert hits("age:1h", now=None) == []
    assert error_of("age:5y").position == 4
    assert error_of("age:m").position == 4


def test_is_crash():
    assert hits("is:crash") == [7, 10, 13]


def test_is_stacktrace_needs_continuation_frames():
    assert hits("is:stacktrace") == [7, 11, 13]
    # "at" in the first line alone is not a stack trace
    one_line = [entry(0, INFO, "App", "\tat the door")]
    assert hits("is:stacktrace", one_line) == []
    assert error_of("is:slow").position == 3


def test_rule_and_wildcard():
    assert hits("rule:BRZ-04") == [2]
    assert hits("rule:brz-04") == [2]
    assert hits("rule:BRZ-*") == [1, 2]
    assert hits("rule:*-02") == [3]
    assert hits("rule:BRZ-0") == []  # no implicit substring: BRZ-0 is not BRZ-04
    assert hits("rule:BRZ-04", findings=None) == []


def test_area_including_shared_areas():
    assert hits("area:D") == [1, 2]
    assert hits("area:c") == [1, 3]
    assert hits("area:A") == []
    assert error_of("area:Z").position == 5


def test_bare_words_search_tag_and_message_case_insensitively():
    assert hits("activity") == [2, 4, 7]  # "MainActivity" in the crash trace too
    assert hits("FIAM") == [3, 4]
    assert hits("braze activity") == [2]  # separate bare words are both required
    assert hits('"in-app message events"') == [0]


def test_bare_words_find_text_in_continuation_lines():
    assert hits("performCreate") == [7]
    assert hits("__exceptionPreprocess") == [13]


def test_bare_regex():
    assert hits('~"session created with id: [0-9a-f]+"') == [1]
    assert hits("~fatal\\s+(signal|exception)") == [7, 10]


def test_unknown_key_is_a_plain_text_search():
    query = parse("foo:bar")
    assert describe(query) == 'line contains "foo:bar"'
    log = [entry(0, INFO, "Cfg", "value foo:bar set"), entry(1, INFO, "Cfg", "foo is bar")]
    assert hits("foo:bar", log) == [0]
    assert hits("-foo:bar", log) == [1]
    url = [entry(0, DEBUG, "OkHttp", "--> GET http://api.acme.com/v1/config")]
    assert hits("http://api.acme.com", url) == [0]


# --------------------------------------------------------------------------- combination


def test_negation_of_any_term():
    assert hits("-tag:braze level:I") == [3, 6, 7, 10, 11, 13, 15]
    assert hits("level:E -is:crash") == [6, 11]
    assert hits("-level:I") == [0, 4, 5]
    assert hits("-~crash|fatal") == hits("-~crash | fatal")


def test_negated_same_key_terms_are_all_excluded():
    assert hits("-tag:Braze -tag:FIAM -tag:MyApp level:I") == [6, 7, 10, 11]


def test_same_key_terms_are_ored_different_keys_anded():
    assert hits("tag:FIAM tag:OneSignal") == [3, 4, 6]
    assert hits("tag:FIAM tag:OneSignal level:I") == [3, 6]
    assert hits("tag=:Braze tag~:^fiam") == [1, 3, 4]  # the modifier does not change the key


def test_explicit_and_overrides_same_key_or():
    assert hits("tag:Braze & tag:InApp") == [0, 2]
    assert hits("tag:FIAM & tag:OneSignal") == []


def test_and_binds_tighter_than_or():
    # tag:OneSignal | (tag:FIAM & level:I) -- not (tag:OneSignal | tag:FIAM) & level:I
    assert hits("tag:OneSignal | tag:FIAM & level:I") == [3, 6]
    assert hits("tag:FIAM & level:I | tag:OneSignal") == [3, 6]
    assert hits("tag:FIAM && level:I || tag:OneSignal") == [3, 6]


def test_parentheses_regroup():
    assert hits("(tag:OneSignal | tag:FIAM) & level:I") == [3, 6]
    assert hits("(tag:OneSignal | tag:FIAM) & level=:D") == [4]
    assert hits("-(tag:Braze | level:E) level:I") == [3, 15]
    assert hits("((tag:braze))") == [0, 1, 2]


def test_value_may_touch_a_closing_parenthesis():
    assert hits("(tag:OneSignal|tag:libc)") == [6, 10]
    assert hits("(onCreate(MainActivity.java:42))") == [7]


def test_quoting_with_escaped_quotes():
    log = [entry(0, ERROR, "OneSignal", 'Error: the "app_id" is missing'), entry(1, ERROR, "OneSignal", "app_id")]
    assert hits('"the \\"app_id\\" is"', log) == [0]
    assert hits("message:'\"app_id\"'", log) == [0]
    assert parse('message:"a \\\\ b"').root.value == "a \\ b"
    assert parse('~"\\d+"').root.value == "\\d+"  # other backslashes reach the regex untouched


def test_unclosed_quote_points_at_it():
    err = error_of('tag:Braze message:"no activity')
    assert err.position == len("tag:Braze message:")


@pytest.mark.parametrize(("text", "position"), [
    ("(tag:A | tag:B", 0),
    ("tag:A | tag:B)", 13),
    ("(level:E))", 9),
    ("((a)", 0),
    ("()", 0),
    ("tag:A |", 7),
    ("& tag:A", 0),
    ("tag:A | | tag:B", 8),
])
def test_unbalanced_or_dangling_syntax(text, position):
    err = error_of(text)
    assert err.position == position
    assert isinstance(err, UserError)
    assert f"character {position + 1}" in str(err)


def test_key_without_value_is_reported():
    assert error_of("level:W tag:").position == len("level:W tag:")


def test_modifier_the_key_does_not_support():
    assert error_of("level:W age~:5m").position == len("level:W ")


def test_deep_nesting_is_refused_not_crashed():
    err = error_of("(" * 500 + "x" + ")" * 500)
    assert "nested" in err.message


def test_empty_text_is_no_filter():
    assert parse("") is None
    assert parse("   \t\n") is None
    assert hits("") == [e.line_no for e, _ in LOG]
    assert describe(None) == "all lines"


# --------------------------------------------------------------------------- regex safety


def test_invalid_regex_reports_its_position():
    err = error_of("tag:Braze message~:(unclosed")
    assert err.position == len("tag:Braze message~:")
    assert "regular expression" in err.message
    assert "(?i)" not in err.message


def test_lookaround_is_explained():
    err = error_of('~"(?<=Braze)x"')
    assert err.position == 1
    assert "not supported" in err.message


def test_too_long_regex_is_refused():
    err = error_of("tag:a message~:" + "a" * 1001)
    assert err.position == len("tag:a message~:")
    assert "too long" in err.message
    assert parse("message~:" + "a" * 1000) is not None


def test_catastrophic_pattern_finishes_fast():
    evil = "a" * 50_000 + "!"
    line = [entry(0, ERROR, "Evil", evil)]
    started = time.perf_counter()
    for pattern in ('message~:"(a+)+$"', '~"(a|aa)+$"', 'message~:"^(\\w+\\s?)*$"'):
        assert hits(pattern, line) == []
    assert hits('~"(.*a){25}"', line) == [0]
    assert hits('~"(a+)+!$"', line) == [0]
    assert time.perf_counter() - started < 1.0


def test_lone_surrogates_in_log_do_not_crash_regex_matching():
    log = [entry(0, INFO, "Bad", "broken \udcff byte then Braze")]
    assert hits("~braze$", log) == [0]
    assert hits("braze", log) == [0]


# --------------------------------------------------------------------------- describe / level_floor


def test_describe_is_short_and_readable():
    assert describe(parse("level:W tag:Braze tag:FIAM")) == \
        'level ≥ W and (tag contains "Braze" or tag contains "FIAM")'
    assert describe(parse("-tag=:chatty")) == 'not tag is "chatty"'
    assert describe(parse("is:crash | rule:BRZ-*")) == 'is a crash or finding is "BRZ-*"'
    assert describe(parse("tag~:^Br")) == "tag matches /^Br/"
    assert describe(parse("pid:12 area:d")) == "pid is 12 and finding in area D"


def test_level_floor_only_for_pure_level_queries():
    assert level_floor(parse("level:W")) == WARN
    assert level_floor(parse("level:error")) == ERROR
    assert level_floor(parse("level:W level:E")) == WARN  # same key: OR
    assert level_floor(parse("level:W & level:E")) == ERROR
    assert level_floor(parse("(level:I)")) == INFO
    for text in ("level:W tag:Braze", "-level:W", "level=:W", "level:W | tag:x", "tag:Braze", "warn"):
        assert level_floor(parse(text)) is None, text
    assert level_floor(None) is None


def test_level_floor_agrees_with_the_matcher():
    floor = level_floor(parse("level:E"))
    assert [e.line_no for e, _ in LOG if e.level >= floor] == hits("level:E")


# --------------------------------------------------------------------------- presets / completion


def test_presets_all_parse_and_behave():
    assert set(PRESETS) == {"FIAM", "Braze", "OneSignal", "Push / system", "Hide system noise", "Errors"}
    for name, text in PRESETS.items():
        assert isinstance(parse(text), Query), name
    assert hits(PRESETS["FIAM"]) == [3, 4]
    assert hits(PRESETS["Braze"]) == [0, 1, 2]
    assert hits(PRESETS["Errors"]) == [6, 7, 10, 11, 13]
    assert 5 not in hits(PRESETS["Hide system noise"]) and 10 not in hits(PRESETS["Hide system noise"])
    assert len(hits(PRESETS["Hide system noise"])) == len(LOG) - 2
    push = [entry(0, WARN, "GCM", "broadcast intent callback: result=CANCELLED for Intent { act=com.google"
                  ".android.c2dm.intent.RECEIVE pkg=com.acme.shop }")]
    assert hits(PRESETS["Push / system"], push) == [0]


def test_completions():
    assert "tag:" in completions("")
    assert "level:" in completions("")
    assert completions("ta") == ["tag:", "tag=:", "tag~:"]
    assert completions("-TA") == ["-tag:", "-tag=:", "-tag~:"]
    assert completions("level:") == ["level:V", "level:D", "level:I", "level:W", "level:E", "level:F"]
    assert completions("level:w") == ["level:W"]
    assert completions("is:") == ["is:crash", "is:stacktrace"]
    assert completions("zzz") == []


# --------------------------------------------------------------------------- robustness


@settings(max_examples=2000, deadline=None)
@given(st.text())
def test_parse_returns_or_raises_filter_error(text):
    try:
        result = parse(text)
    except FilterError as err:
        assert 0 <= err.position <= len(text)
        return
    assert result is None or isinstance(result, Query)
    if result is not None:
        describe(result)
        level_floor(result)
        matcher(result, now=NOW, findings_by_line=FINDINGS)(*LOG[7])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["tag:", "-", "(", ")", "&", "|", '"', "\\", "~", "level:", "age:", "x", " ",
                                 "is:", "=:", "~:", "rule:*", "area:"]), max_size=20).map("".join))
def test_parse_survives_syntax_heavy_input(text):
    try:
        result = parse(text)
    except FilterError:
        return
    if result is not None:
        matcher(result, now=NOW, findings_by_line=FINDINGS)(*LOG[0])


def test_negated_level_terms_are_named_for_the_view_to_explain():
    from cre_desk.logs.filter_lang import negated_level_floors

    assert negated_level_floors(parse("-level:V")) == [VERBOSE]
    assert negated_level_floors(parse("tag:Braze -level:W")) == [WARN]
    assert negated_level_floors(parse("-(level:D | tag:x)")) == [DEBUG]
    assert negated_level_floors(parse("level:W")) == []
    assert negated_level_floors(parse("-level=:V")) == []       # exactly V: hides only Verbose lines
    assert negated_level_floors(parse("-(-level:E)")) == []
    assert negated_level_floors(None) == []
