"""Opening real log files: any encoding, line ending or size is indexed and read back faithfully."""

from __future__ import annotations

import os

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cre_desk.logs import index as index_module
from cre_desk.logs.document import LogDocument
from cre_desk.logs.entry import ERROR, FATAL, INFO
from cre_desk.logs.entry_map import EntryMap
from cre_desk.logs.search_patterns import PatternError, compile_user_pattern

CRASH = [
    "2026-11-20 10:14:02.118+0900 Acme[12:34] Terminating app due to uncaught exception 'NSInvalidArgumentException'",
    "0   CoreFoundation                      0x00000001a2b3c4d5 __exceptionPreprocess + 164",
    "1   libobjc.A.dylib                     0x0000000192a1b2c3 objc_exception_throw + 60",
    "2026-11-20 10:14:02.300+0900 Acme[12:34] next entry",
]


def _threadtime(n: int) -> list[str]:
    return [f"11-20 10:{i // 60 % 60:02d}:{i % 60:02d}.{i % 1000:03d}  8812  {8812 + i % 3} {'VDIWEF'[i % 6]} "
            f"Tag{i % 7}: message number {i}" for i in range(n)]


def _open(tmp_path, data: bytes, name="device.log") -> LogDocument:
    path = tmp_path / name
    path.write_bytes(data)
    doc = LogDocument(path, work_dir=tmp_path / "work")
    doc.build()
    return doc


@pytest.mark.parametrize("ending", ["\n", "\r\n", "\r"])
def test_every_line_ending_reads_back_the_same_lines(tmp_path, ending):
    lines = _threadtime(50)
    doc = _open(tmp_path, (ending.join(lines) + ending).encode())
    assert [doc.line_text(i) for i in range(len(doc))] == lines
    assert doc.format == "threadtime"


def test_small_chunks_give_the_same_index_as_one_chunk(tmp_path, monkeypatch):
    lines = _threadtime(3000)
    data = ("\n".join(lines) + "\n").encode()
    whole = _open(tmp_path, data, "a.log")
    monkeypatch.setattr(index_module, "FIRST_CHUNK", 777)
    monkeypatch.setattr(index_module, "CHUNK", 4093)
    pieces = _open(tmp_path, data, "b.log")
    assert np.array_equal(whole.index.start_array(), pieces.index.start_array())
    assert np.array_equal(whole.levels(), pieces.levels())
    assert pieces.line_text(2999) == lines[2999]


def test_levels_come_from_the_bytes_without_parsing(tmp_path):
    doc = _open(tmp_path, ("\n".join(_threadtime(12)) + "\n").encode())
    assert list(doc.levels()) == [1, 2, 3, 4, 5, 6] * 2


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_logs_are_transcoded(tmp_path, encoding):
    lines = ["11-20 10:14:02.118  1  1 I Tag: こんにちは", "11-20 10:14:02.119  1  1 E Tag: 失敗しました"]
    doc = _open(tmp_path, ("\n".join(lines) + "\n").encode(encoding))
    assert [doc.line_text(i) for i in range(len(doc))] == lines
    assert doc.entry(1).level == ERROR


def test_invalid_utf8_is_replaced_and_counted(tmp_path):
    doc = _open(tmp_path, b"11-20 10:14:02.118  1  1 I Tag: caf\xe9 ok\n11-20 10:14:02.119  1  1 I Tag: fine\n")
    assert doc.line_text(0) == "11-20 10:14:02.118  1  1 I Tag: caf\ufffd ok"
    assert doc.stats().non_utf8 == 1


@pytest.mark.parametrize("data", [b"", b"x", b"\n", b"\0" * 4096, os.urandom(256 * 1024),
                                  b"\x89PNG\r\n\x1a\n" + os.urandom(5000)])
def test_empty_tiny_and_binary_files_open(tmp_path, data):
    doc = _open(tmp_path, data)
    for line in range(min(len(doc), 50)):
        doc.line_text(line)
        doc.entry(line)
    assert doc.stats().lines == len(doc)


def test_a_huge_line_is_truncated_for_display(tmp_path):
    doc = _open(tmp_path, b"I/Tag: " + b"a" * (3 * 1024 * 1024) + b"\nI/Tag: next\n")
    assert len(doc) == 2
    assert len(doc.line_text(0)) == 64 * 1024
    assert doc.line_text(1) == "I/Tag: next"


def test_stack_trace_lines_belong_to_the_entry_above(tmp_path):
    doc = _open(tmp_path, ("\n".join(CRASH) + "\n").encode())
    assert doc.format == "ios"
    entry = doc.entry(2)
    assert (entry.line_no, entry.end_line) == (0, 3)
    assert "objc_exception_throw" in entry.message
    assert doc.line_entry(1).extra.get("continuation")
    assert doc.stats().entries == 2


def test_search_finds_lines_case_insensitively_and_regex_runs_on_re2(tmp_path):
    doc = _open(tmp_path, ("\n".join(_threadtime(200)) + "\n").encode())
    hits = doc.search_lines(compile_user_pattern("MESSAGE NUMBER 19", regex=False, case_sensitive=False))
    assert list(hits) == [19] + list(range(190, 200))
    slow = compile_user_pattern("(a+)+$", regex=True, case_sensitive=True)
    assert len(doc.search_lines(slow)) == 0
    with pytest.raises(PatternError, match="look-around"):
        compile_user_pattern("(?=x)", regex=True, case_sensitive=True)


def test_filter_keeps_whole_entries(tmp_path):
    doc = _open(tmp_path, ("\n".join(CRASH) + "\n").encode())
    lines = doc.filter_lines(lambda entry, raw: "uncaught" in entry.message)
    assert list(lines) == [0, 1, 2]


def test_jump_to_time(tmp_path):
    doc = _open(tmp_path, ("\n".join(_threadtime(300)) + "\n").encode())
    target = doc.entry(150).timestamp
    assert doc.line_at_or_after(target) == 150


def test_a_file_deleted_after_opening_can_still_be_read_on_posix(tmp_path):
    path = tmp_path / "gone.log"
    path.write_bytes(("\n".join(_threadtime(20)) + "\n").encode())
    doc = LogDocument(path)
    path.unlink()
    doc.build()
    assert doc.entry(19).message == "message number 19"
    doc.close()


def test_levels_of_text_formats_are_parsed_in_the_background_pass(tmp_path):
    doc = _open(tmp_path, ("\n".join([
        "2026-11-20 10:14:02.118226+0900 0x1a2b     Fault       0x0     123    0    Acme: boom",
        "2026-11-20 10:14:02.118226+0900 0x1a2b     Default     0x0     123    0    Acme: ok"]) + "\n").encode())
    assert list(doc.levels()) == [FATAL, INFO]


def test_alternation_of_words_finds_the_same_lines_as_the_regex(tmp_path):
    import re2

    lines = [f"11-20 10:00:00.000  1  1 {'E' if i % 7 == 0 else 'I'} Tag: "
             f"{'java.lang.IllegalStateException' if i % 5 == 0 else ('FATAL signal' if i % 11 == 0 else 'fine')}"
             for i in range(500)]
    doc = _open(tmp_path, ("\n".join(lines) + "\n").encode())
    fast = doc.search_lines(compile_user_pattern("Exception|FATAL", regex=True, case_sensitive=True))
    plain = doc.search_lines(re2.compile(b"Exception|FATAL"))
    assert list(fast) == list(plain) and len(fast) == sum(1 for i in range(500) if i % 5 == 0 or i % 11 == 0)
    insensitive = doc.search_lines(compile_user_pattern("exception|fatal", regex=True, case_sensitive=False))
    assert list(insensitive) == list(fast)


@pytest.mark.parametrize("case_sensitive", [True, False])
def test_plain_word_search_by_the_native_scan_finds_what_re2_finds(tmp_path, case_sensitive):
    from cre_desk.logs.search_patterns import LiteralSet, compile_user_pattern

    lines = [f"11-20 10:14:{i % 60:02d}.000  1  1 I {'Braze' if i % 3 else 'FIAM'}: message {i} "
             f"{'exception' if i % 7 == 0 else 'Exception' if i % 11 == 0 else 'ok'}" for i in range(120_000)]
    path = tmp_path / "words.log"
    path.write_text("\n".join(lines) + "\n")
    doc = LogDocument(path)
    doc.build()
    words = compile_user_pattern("Exception|FIAM", regex=True, case_sensitive=case_sensitive)
    assert isinstance(words, LiteralSet) and words.words
    first: list = []
    native = doc.search_lines(words, first_hits=first.append)
    regex = doc.search_lines(compile_user_pattern("(?:Exception|FIAM)", regex=True, case_sensitive=case_sensitive))
    assert native.tolist() == regex.tolist() and len(native) > 40_000
    assert first and first[0][0] == native[0]
    doc.close()


@settings(max_examples=300, deadline=None)
@given(flags=st.lists(st.booleans(), min_size=1, max_size=60), picks=st.lists(st.integers(0, 59), max_size=20))
def test_entry_map_gives_each_line_the_first_line_of_its_entry(flags, picks):
    """Only continuation lines are stored; every look-up still answers like a full per-line map."""
    headers = np.array(flags, dtype=bool)
    headers[0] = True
    dense = np.maximum.accumulate(np.arange(len(headers)) * headers)
    entry_map = EntryMap(len(headers), np.flatnonzero(~headers))
    lines = np.array([p % len(headers) for p in picks], dtype=np.int64)
    assert entry_map[lines].tolist() == dense[lines].tolist()
    assert [entry_map[int(line)] for line in range(len(headers))] == dense.tolist()
    assert len(entry_map) == len(headers)
