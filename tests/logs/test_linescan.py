"""The native scanner and the Python parser must agree on every line, whatever its shape."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cre_desk.logs import linescan
from cre_desk.logs.formats import LineParser

pytestmark = pytest.mark.skipif(not linescan.native_available(), reason="native scanner not built")

SEPARATORS = [" ", "  ", "\t", "", "-", "/", ":", ": ", "(", ")", "\r", "\x1c"]
STAMPS = ["11-20 10:14:02.118", "2024-11-20 10:14:02.118", "11-20 10:14:02", "11-20 10:14:02,5",
          "11-20 99:14:02.1", "02-30 10:00:00.000", "11-20 10:14:02.1234567890", "12-31 23:59:60.999", "1-20 10:14:02"]
WORDS = ["8812", " 8812", "0", "99999999999999", "I", "W", "E", "V", "D", "F", "A", "X", "i",
         "Braze v30.4.0 .BrazeManager", "FIAM", "Tag with spaces", "com.example.shop", "?", "( 123)", "(123)",
         "message text", "x" * 130, "é", "行", "\x1b[31m", "OneSignal"]
#: Each format's header as slots; a slot is a separator or a word, so most lines are near-misses.
TEMPLATES = [
    ["stamp", "sep", "word", "sep", "word", "sep", "word", "sep", "word", "sep", "word"],
    ["stamp", "sep", "word", "sep", "word", "sep", "word", "sep", "word", "sep", "word", "sep", "word"],
    ["word", "sep", "word", "sep", "word", "sep", "word"],
]


@st.composite
def lines(draw):
    slots = draw(st.sampled_from(TEMPLATES))
    parts = []
    for slot in slots:
        if slot == "stamp":
            parts.append(draw(st.sampled_from(STAMPS)))
        elif slot == "sep":
            parts.append(draw(st.sampled_from(SEPARATORS)))
        else:
            parts.append(draw(st.sampled_from(WORDS)))
    return "".join(parts)


def _valid_lines(fmt: str):
    """Real headers of each format with random fields: the scanner must parse these, not only reject noise."""
    return st.builds(
        lambda stamp, pid, tid, level, tag, pkg, msg: {
            "threadtime": f"{stamp} {pid:>5} {tid:>5} {level} {tag}: {msg}",
            "studio": f"{stamp} {pid}-{tid}/{pkg} {level}/{tag}: {msg}",
            "studio_new": f"2024-{stamp[-18:]} {pid}-{tid} {tag.replace(' ', '_') or 'T'}  {pkg}  {level}  {msg}",
            "time": f"{stamp} {level}/{tag}({pid:>5}): {msg}",
            "brief": f"{level}/{tag}({pid:>5}): {msg}",
        }[fmt],
        st.sampled_from(STAMPS[:4]), st.integers(0, 99999), st.integers(0, 99999), st.sampled_from("VDIWEFA"),
        st.sampled_from(["Braze", "FIAM", "Tag with spaces", "", "chatty", "x" * 40]),
        st.sampled_from(["com.example.shop", "?"]), st.sampled_from(["hello", "a: b", "", "  padded", "(1): x"]))


@st.composite
def _near_misses(draw, fmt: str):
    """A real header with one character replaced, dropped or added: where two parsers drift apart."""
    line = draw(_valid_lines(fmt))
    at = draw(st.integers(0, max(0, len(line) - 1)))
    char = draw(st.sampled_from(list(" \t-/:()?xI1é\r") + ["  "]))
    how = draw(st.sampled_from(["replace", "drop", "insert"]))
    if how == "replace":
        return line[:at] + char + line[at + 1:]
    if how == "drop":
        return line[:at] + line[at + 1:]
    return line[:at] + char + line[at:]


def _columns(block: linescan.Block) -> list[tuple]:
    return [(int(block.levels[i]), block.tags[block.tag_ids[i]] if block.levels[i] else "",
             block.pairs[block.pair_ids[i]] if block.levels[i] else (None, None),
             block.packages[block.package_ids[i]] if block.levels[i] else "")
            for i in range(len(block.starts))]


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data(), st.sampled_from(sorted(linescan.NATIVE_FORMATS)))
def test_native_and_python_scans_agree(data_strategy, fmt):
    rows = data_strategy.draw(st.lists(st.one_of(lines(), _valid_lines(fmt), _near_misses(fmt)),
                                       min_size=1, max_size=12))
    data = "\n".join(rows).encode("utf-8")
    if not data:
        return
    parser = LineParser(fmt, year=2026, latest_month=11)
    native = linescan.scan_block(data, 0, len(data), 10, fmt, parser)
    python = linescan.scan_block(data, 0, len(data), 10, fmt, parser, force_python=True)
    assert np.array_equal(native.starts, python.starts)
    assert _columns(native) == _columns(python)
    offsets_n, times_n = linescan.header_fields(data, native.starts, np.arange(len(native.starts)), 10, fmt, parser)
    offsets_p, times_p = linescan.header_fields(data, native.starts, np.arange(len(native.starts)), 10, fmt, parser,
                                                force_python=True)
    assert np.array_equal(offsets_n >= 0, offsets_p >= 0)
    # Times agree to the microsecond (the Python side goes through a float).
    assert np.all(np.abs(times_n - times_p) <= 1) or np.array_equal(times_n, times_p)


def test_message_offsets_point_at_the_parsed_message():
    data = (b"11-20 10:14:02.118  8812  8830 I Braze v30.4.0 .BrazeManager: hello: world\n"
            b"2024-11-20 10:14:02.118 8812-8830/com.shop W/FIAM: Filtering non-displayable message\n")
    for fmt in ("threadtime", "studio"):
        parser = LineParser(fmt, year=2026)
        block = linescan.scan_block(data, 0, len(data), 10, fmt, parser)
        offsets, _ = linescan.header_fields(data, block.starts, np.arange(2), 10, fmt, parser)
        for i, start in enumerate(block.starts):
            if offsets[i] < 0:
                continue
            line = data[start:].split(b"\n", 1)[0].decode()
            assert line[offsets[i]:] == parser.parse(0, line).message


BASES = {
    "threadtime": ["11-20 10:14:02.118  8812  8830 I Braze v30.4.0 .BrazeManager: New session (1): x",
                   "2024-11-20 10:14:02.118 12 3 W FIAM    : Filtering"],
    "studio": ["2024-11-20 10:14:02.118 8812-8830/com.example.shop I/Braze: hello: there",
               "11-20 10:14:02.118 8812-8830/? D/Tag with spaces: x"],
    "studio_new": ["2024-11-20 10:14:02.118  8812-8830  BrazeManager  com.example.shop  I  hello world",
                   "2022-10-26 12:35:10.036 17392-17611 Braze v23....Properties com.poq.app  W  Value I x",
                   "2024-11-20 10:14:02.118  8812-8830    com.example.shop  I  no tag column"],
    "time": ["11-20 10:14:02.118 I/Braze( 8812): New session", "11-20 10:14:02.118 E/a(b)( 12): (3): y"],
    "brief": ["I/Braze( 8812): New session", "W/FIAM: Filtering (2)"],
}


@pytest.mark.parametrize("fmt", sorted(BASES))
def test_every_one_character_change_of_a_header_is_judged_alike(fmt):
    """Exhaustive near misses: each position, each odd character, replaced, dropped or inserted."""
    rows = []
    for base in BASES[fmt]:
        for at in range(len(base)):
            for char in " \t-/:()?xI1é\r\x1c":
                rows += [base[:at] + char + base[at + 1:], base[:at] + char + base[at:]]
            rows.append(base[:at] + base[at + 1:])
    data = "\n".join(rows).encode("utf-8")
    parser = LineParser(fmt, year=2026, latest_month=11)
    native = linescan.scan_block(data, 0, len(data), 10, fmt, parser)
    python = linescan.scan_block(data, 0, len(data), 10, fmt, parser, force_python=True)
    assert len(native.starts) == len(rows)
    mismatched = [rows[i] for i, (a, b) in enumerate(zip(_columns(native), _columns(python), strict=True)) if a != b]
    assert not mismatched, mismatched[:5]
    assert sum(1 for level in native.levels if level) > len(rows) // 4   # the bases really are headers


WORD_BITS = ["braze", "Braze", "in-app", "message", "http", "HTTP", "fail", "error", "x", "ab", "abc", "é", "行",
             "Exception", "not yet", "  ", ":", "abab", "aab"]


@st.composite
def _texts_and_needles(draw):
    """Many needles (the rule catalogue's case: keyed by 3-byte grams looked at every second byte), few
    needles (memchr jumps), short needles (pairs and single bytes), over lines built from the same words
    at every alignment."""
    words = draw(st.lists(st.sampled_from(WORD_BITS), min_size=1, max_size=60))
    seps = draw(st.lists(st.sampled_from([" ", "", "\n", "-", "\r\n"]), min_size=len(words), max_size=len(words)))
    text = ("".join(w + s for w, s in zip(words, seps, strict=True))).encode()
    if draw(st.booleans()):
        text = b"z" + text   # the other parity for every word
    pool = [w.encode() for w in WORD_BITS] + [text[i:i + n] for i in range(0, max(1, len(text) - 8), 3)
                                             for n in (4, 6) if b"\n" not in text[i:i + n] and text[i:i + n]]
    needles = draw(st.lists(st.sampled_from(pool), min_size=1, max_size=30, unique=True))
    return text, needles


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_texts_and_needles(), st.booleans())
def test_native_literal_scans_find_what_a_plain_search_finds(case, icase):
    """Every (line, needle) pair and every line with any needle, as a plain ``in`` per line finds them."""
    text, needles = case
    if icase:
        needles = sorted({n.lower() for n in needles})
    starts = np.asarray([0] + [i + 1 for i, b in enumerate(text) if b == 0x0A and i + 1 < len(text)], dtype=np.int64)
    lines_text = [text[a:b] for a, b in zip(starts, list(starts[1:]) + [len(text)], strict=True)]
    expected_pairs = [(k, j) for k, line in enumerate(lines_text) for j, n in enumerate(needles)
                      if n in (line.lower() if icase else line)]
    got_lines, got_ids = linescan.needle_lines(text, starts, needles, icase=icase, threads=1)
    assert sorted(zip(got_lines.tolist(), got_ids.tolist(), strict=True)) == expected_pairs
    found, _unsure = linescan.find_lines(text, starts, needles, icase=icase, region=False, fmt="threadtime",
                                        newline=0x0A, parser=None, threads=1)
    assert found.tolist() == sorted({k for k, _ in expected_pairs})
    spans = np.frombuffer(linescan.native_module().line_spans(text, needles, int(icase)), dtype=np.int64)
    ends = [int(a) + len(line.rstrip(b"\n")) for a, line in zip(starts, lines_text, strict=True)]
    expected_spans = [(int(starts[k]), ends[k]) for k in sorted({k for k, _ in expected_pairs})
                      if any(n in (lines_text[k].rstrip(b"\n").lower() if icase else lines_text[k].rstrip(b"\n"))
                             for n in needles)]
    assert list(zip(spans[0::2].tolist(), spans[1::2].tolist(), strict=True)) == expected_spans
