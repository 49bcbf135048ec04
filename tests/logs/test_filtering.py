"""The columnar filter must select exactly what the per-entry reference predicate selects."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cre_desk.errors import Cancelled
from cre_desk.logs import filter_lang, filter_match, filtering
from cre_desk.logs.document import LogDocument

TAGS = ["Braze v30.4.0 .BrazeManager", "FIAM", "OneSignal", "chatty", "Tag with spaces", "ActivityManager", "行"]
MESSAGES = ["New session created with ID: abc", "Filtering non-displayable message", "FATAL EXCEPTION: main",
            "Requesting in-app messages", "payload {\"a\": 1}", "braze BRAZE Braze", "ÉCLAIR éclair", "ok",
            "", "  indented", "\x1b[31mred\x1b[0m text", "Fatal signal 11", "message: nested: colons"]
CONTINUATIONS = ["\tat com.braze.Foo.bar(Foo.java:10)", "    at com.app.Main.run(Main.kt:3)",
                 "Caused by: java.lang.IllegalStateException", "0   CoreFoundation   0x00000001 __exceptionPreprocess",
                 "  plain wrapped text"]


@st.composite
def logcat(draw) -> str:
    lines = []
    for i in range(draw(st.integers(1, 25))):
        level = draw(st.sampled_from("VDIWEF"))
        tag = draw(st.sampled_from(TAGS))
        pid = draw(st.sampled_from([100, 2000, 31337]))
        tid = pid + draw(st.integers(0, 2))
        fmt = draw(st.sampled_from(["threadtime", "threadtime", "brief"]))
        msg = draw(st.sampled_from(MESSAGES))
        if fmt == "threadtime":
            lines.append(f"11-20 10:14:{i % 60:02d}.{i:03d} {pid:>5} {tid:>5} {level} {tag}: {msg}")
        else:
            lines.append(f"{level}/{tag}({pid:>5}): {msg}")
        for _ in range(draw(st.integers(0, 2)) if draw(st.booleans()) else 0):
            lines.append(draw(st.sampled_from(CONTINUATIONS)))
    return "\n".join(lines) + draw(st.sampled_from(["\n", ""]))


WORDS = ["braze", "Braze", "session", "FIAM", "éclair", "ÉCLAIR", "行", "at com", "ok", "message", "x", "red",
         "nested: colons", ": ", "0x0"]
REGEXES = ["Braze|FIAM", "^11-20", "session.*ID", "\\d+", "^\\tat", "colons$", "a\\s+c", "^New", "é+"]


@st.composite
def term(draw) -> str:
    kind = draw(st.sampled_from(["tag", "message", "bare", "regex", "level", "pid", "tid", "package", "is", "age"]))
    quote = lambda v: '"' + v.replace("\\", "\\\\").replace('"', '\\"') + '"'  # noqa: E731
    if kind == "tag":
        op = draw(st.sampled_from([":", "=:", "~:"]))
        value = draw(st.sampled_from(TAGS + ["braze", "manager"])) if op != "~:" else draw(st.sampled_from(REGEXES))
        return f"tag{op}{quote(value)}"
    if kind == "message":
        op = draw(st.sampled_from([":", ":", "=:", "~:"]))
        value = draw(st.sampled_from(WORDS + MESSAGES[:4])) if op != "~:" else draw(st.sampled_from(REGEXES))
        return f"message{op}{quote(value)}" if value else "message:x"
    if kind == "bare":
        return quote(draw(st.sampled_from(WORDS)))
    if kind == "regex":
        return "~" + quote(draw(st.sampled_from(REGEXES)))
    if kind == "level":
        return f"level{draw(st.sampled_from([':', '=:']))}{draw(st.sampled_from('VDIWEF'))}"
    if kind in ("pid", "tid"):
        return f"{kind}:{draw(st.sampled_from([100, 101, 2000, 31337, 5]))}"
    if kind == "package":
        return "package:com"
    if kind == "is":
        return f"is:{draw(st.sampled_from(['crash', 'stacktrace']))}"
    return f"age:{draw(st.sampled_from(['3s', '10s', '1m']))}"


@st.composite
def query(draw, depth: int = 0) -> str:
    if depth > 2 or draw(st.integers(0, 2)) == 0:
        text = draw(term())
    else:
        parts = [draw(query(depth + 1)) for _ in range(draw(st.integers(2, 3)))]
        joiner = draw(st.sampled_from([" ", " | ", " & "]))
        text = "(" + joiner.join(parts) + ")"
    return ("-" if draw(st.integers(0, 4)) == 0 else "") + text


def _reference(doc: LogDocument, parsed, now) -> np.ndarray:
    return doc.filter_lines(filter_match.matcher(parsed, now=now))


def _newest(doc: LogDocument):
    times = [doc.timestamp_of(n) for n in range(len(doc))]
    times = [t for t in times if t is not None]
    return max(times) if times else None


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(text=logcat(), q=query())
def test_columnar_filter_selects_what_the_reference_predicate_selects(tmp_path_factory, text, q):
    path = tmp_path_factory.mktemp("f") / "device.log"
    path.write_text(text, encoding="utf-8")
    doc = LogDocument(path)
    try:
        doc.build()
        parsed = filter_lang.parse(q)
        now = _newest(doc)
        expected = _reference(doc, parsed, now)
        got = filtering.filter_lines(doc, parsed, now=now)
        assert got.tolist() == expected.tolist(), (q, doc.format)
    finally:
        doc.close()


@pytest.mark.parametrize("text", [
    "2024-11-20 10:14:02.118 8812-8830/com.example.shop I/Braze: hello\n2024-11-20 10:14:03.118 8812-8830/? W/FIAM: x\n",
    "2024-11-20 10:14:02.118+0900 MyApp[812:3456] [Firebase/InAppMessaging][I-IAM280002] Filtering message\n"
    "2024-11-20 10:14:03.118+0900 MyApp[812:3456] Braze: session started\n",
    "plain text line about braze\n  continued here\nanother line\n",
])
@pytest.mark.parametrize("q", ["package:shop", "tag:FIAM", "message:session", "braze", "~\"^  cont\"", "pid:812",
                               "-message:x", "message=:\"session started\"", "level:W"])
def test_other_formats_agree_too(tmp_path, text, q):
    path = tmp_path / "x.log"
    path.write_text(text)
    doc = LogDocument(path)
    doc.build()
    parsed = filter_lang.parse(q)
    assert filtering.filter_lines(doc, parsed, now=_newest(doc)).tolist() == _reference(doc, parsed,
                                                                                          _newest(doc)).tolist()
    doc.close()


def test_cancel_stops_a_filter(tmp_path):
    path = tmp_path / "big.log"
    path.write_text("11-20 10:14:02.118  1  2 I Braze: hello\n" * 200_000)
    doc = LogDocument(path)
    doc.build()
    with pytest.raises(Cancelled):
        filtering.filter_lines(doc, filter_lang.parse("message:hello"), cancel=lambda: True)
    doc.close()


def _quoted(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


TEXT_QUERIES = st.one_of(
    st.sampled_from(WORDS + MESSAGES[:5]).map(_quoted),
    st.sampled_from(WORDS + MESSAGES[:5]).map(lambda w: "message:" + _quoted(w)),
    st.lists(st.sampled_from(["braze", "session", "at", "ok", "Caused", "colons", "main"]), min_size=1,
             max_size=3).map(lambda ws: '~"' + "|".join(ws) + '"'),
    st.lists(st.sampled_from(["braze", "FIAM", "x", "red"]), min_size=1, max_size=2)
    .map(lambda ws: 'message~:"' + "|".join(ws) + '"'),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(text=logcat(), q=TEXT_QUERIES, crlf=st.booleans(), pieces=st.integers(1, 7))
def test_counting_without_an_index_counts_what_the_filter_shows(tmp_path_factory, text, q, crlf, pieces):
    """``cre-desk filter --count`` reads a text term straight from the bytes: same number as the view."""
    path = tmp_path_factory.mktemp("c") / "device.log"
    path.write_bytes(text.replace("\n", "\r\n" if crlf else "\n").encode("utf-8"))
    doc = LogDocument(path)
    try:
        parsed = filter_lang.parse(q)
        counted = filtering.count_unindexed(doc.index.buffer(), doc.format, doc.index.newline, parsed, pieces=pieces)
        doc.build()
        if counted is not None:
            assert counted == len(filtering.filter_lines(doc, parsed)), (q, doc.format)
    finally:
        doc.close()


def test_counting_without_an_index_answers_for_plain_logcat(tmp_path):
    lines = []
    for i in range(3000):
        lines.append(f"11-20 10:14:02.{i % 1000:03d}  100  101 {'IW'[i % 2]} Tag{i % 7}: step {i} of the session")
        if i % 5 == 0:
            lines += ["\tat com.braze.Foo.bar(Foo.java:10)", "Caused by: java.lang.IllegalStateException: session"]
    path = tmp_path / "plain.log"
    path.write_text("\n".join(lines) + "\n")
    doc = LogDocument(path)
    queries = [filter_lang.parse(q) for q in ["message:session", "Tag3", '~"IllegalState|Foo"', "message:tag3"]]
    try:
        counted = [{filtering.count_unindexed(doc.index.buffer(), doc.format, doc.index.newline, parsed, pieces=k)
                    for k in (1, 4, 13)} for parsed in queries]
        doc.build()
        for parsed, counts in zip(queries, counted, strict=True):
            assert None not in counts, parsed
            assert counts == {len(filtering.filter_lines(doc, parsed))}, parsed
    finally:
        doc.close()
