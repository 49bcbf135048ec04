"""``cre-desk filter``: same language and engine as the log view, for scripts."""

from __future__ import annotations

import json

import numpy as np
import pytest

from cre_desk.cli import main
from cre_desk.logs import filter_lang, filtering, linescan
from cre_desk.logs.document import LogDocument

LOG = ("11-20 10:14:02.118  8812  8812 I Braze v30.4.0 .Braze: SDK initialized\n"
       "11-20 10:14:02.131  8812  8850 W Braze v30.4.0 .BrazeManager: Not showing in-app message\n"
       "11-20 10:14:02.140  1200  1210 E AndroidRuntime: FATAL EXCEPTION: main\n"
       "\tat com.acme.Main.run(Main.kt:3)\n"
       "11-20 10:14:09.140  8812  8812 D chatty: uid=10088 expire 3 lines\n")


@pytest.fixture
def log_file(tmp_path):
    path = tmp_path / "device.log"
    path.write_text(LOG)
    return path


def test_prints_matching_lines_as_they_are_in_the_file(log_file, capsysbinary):
    assert main(["filter", str(log_file), "--query", "tag:Braze level:W"]) == 0
    assert capsysbinary.readouterr().out.decode() == LOG.splitlines()[1] + "\n"


def test_counts_and_numbers_and_json(log_file, capsys):
    assert main(["filter", str(log_file), "-q", "is:crash", "--count"]) == 0
    assert capsys.readouterr().out.strip() == "2"   # the crash entry and its stack frame
    assert main(["filter", str(log_file), "-q", "pid:1200", "--output", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [item["line"] for item in data["lines"]] == [3, 4]
    assert main(["filter", str(log_file), "-q", "age:1s"]) == 0   # only the last entry is within 1 s of the end
    assert "chatty" in capsys.readouterr().out


def test_no_match_exits_1_and_a_bad_query_exits_2_with_the_reason(log_file, capsys):
    assert main(["filter", str(log_file), "-q", "tag:Nothing"]) == 1
    assert main(["filter", str(log_file), "-q", "tag:\"x"]) == 2
    assert "not understood" in capsys.readouterr().err


def test_the_pure_python_fallback_gives_the_same_rows(log_file, monkeypatch):
    """Where the native scanner is not built, the slower path must not change a single answer."""
    queries = ["tag:Braze", "message:in-app", "~\"^\\tat\"", "is:stacktrace", "pid:8812 -tid:8850", "braze",
               "message=:\"SDK initialized\"", "level:W | tag:chatty"]
    doc = LogDocument(log_file)
    doc.build()
    native = [filtering.filter_lines(doc, filter_lang.parse(q), now=1.0e12).tolist() for q in queries]
    doc.close()
    monkeypatch.setattr(linescan, "_native", None)
    doc = LogDocument(log_file)
    doc.build()
    python = [filtering.filter_lines(doc, filter_lang.parse(q), now=1.0e12).tolist() for q in queries]
    assert np.array_equal(doc.index.start_array(), np.cumsum([0] + [len(x) + 1 for x in LOG.splitlines()[:-1]]))
    doc.close()
    assert python == native
    assert all(native)
