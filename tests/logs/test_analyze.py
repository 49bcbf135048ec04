"""``cre-desk analyze``: the log engine headless, as a support engineer scripts it."""

from __future__ import annotations

import gzip
import json
import zipfile
from pathlib import Path

import pytest

from cre_desk import cli

DEMO = Path(__file__).resolve().parents[2] / "resources" / "demo" / "logs"


def _run(capsys, *args: str) -> tuple[int, dict]:
    code = cli.main(["analyze", *args, "--json"])
    return code, json.loads(capsys.readouterr().out)


def test_json_report_of_a_failing_braze_log(capsys):
    code, report = _run(capsys, str(DEMO / "braze-android-iam-failing.log"), "--baseline", "braze-android-iam",
                        "--symptom", "iam_not_shown")
    assert code == 0
    (log,) = report["logs"]
    assert log["format"] == "threadtime"
    assert (log["lines"], log["entries"], log["unparsed_lines"]) == (15, 15, 0)
    assert log["facts"]["sdk_version"] == ["30.4.0"]
    assert log["facts"]["user_id"] == ["cust-000482"]
    problem = next(f for f in log["findings"] if f["rule_id"] == "BRZ-04")
    assert problem["area"] == "D" and problem["polarity"] == "!" and problem["line_numbers"] == [13]
    assert "No activity is currently registered" in problem["lines"][0]
    assert "iam_not_shown:d_display_manager_not_registered" in problem["checklist"]
    assert log["suspected_areas"][0]["area"] == "D" and "BRZ-04" in log["suspected_areas"][0]["findings"]
    assert log["baseline"]["first_missing"]["id"] == "display"
    # Shipped titles come as one en/ja pair; the reader picks the language.
    title = log["baseline"]["first_missing"]["title"]
    assert set(title) == {"en", "ja"} and "Display" in title["en"] and not title["ja"].isascii()
    assert all(set(m["title"]) == {"en", "ja"} for m in log["baseline"]["milestones"])
    assert "display" in log["baseline"]["missing"]


def test_force_stopped_push_log_points_at_the_os(capsys):
    code, report = _run(capsys, str(DEMO / "xiaomi-push-force-stopped.log"), "--symptom", "push_not_delivered")
    assert code == 0
    areas = report["logs"][0]["suspected_areas"]
    assert areas[0]["area"] == "E"
    assert {"SYS-01", "SYS-04"} <= set(areas[0]["findings"])


def test_a_zip_with_two_logs_gives_two_results_and_a_gz_opens_directly(capsys, tmp_path):
    bundle = tmp_path / "logs.zip"
    with zipfile.ZipFile(bundle, "w") as zf:
        zf.write(DEMO / "onesignal-android-paused.log", "device-a/onesignal.log")
        zf.write(DEMO / "fiam-android-rate-limited.log", "device-b/fiam.log")
        zf.writestr("../../evil.log", "x")
    packed = tmp_path / "braze.log.gz"
    packed.write_bytes(gzip.compress((DEMO / "braze-android-iam-failing.log").read_bytes()))
    code, report = _run(capsys, str(bundle), str(packed))
    assert code == 0
    assert [log["format"] for log in report["logs"]] == ["threadtime", "studio", "threadtime"]
    assert any("OS-01" == f["rule_id"] for f in report["logs"][0]["findings"])
    assert any("FIAM-07" == f["rule_id"] for f in report["logs"][1]["findings"])
    assert any("evil.log" in e["file"] for e in report["errors"])
    assert not (tmp_path.parent / "evil.log").exists()


def test_unreadable_file_is_reported_and_the_rest_still_analysed(capsys, tmp_path):
    code, report = _run(capsys, str(tmp_path / "missing.log"), str(DEMO / "onesignal-android-paused.log"))
    assert code == 1
    assert len(report["logs"]) == 1 and report["errors"][0]["file"].endswith("missing.log")


def test_text_report_and_unknown_baseline(capsys):
    assert cli.main(["analyze", str(DEMO / "onesignal-android-paused.log")]) == 0
    out = capsys.readouterr().out
    assert "OS-07" in out and "suspected areas: D" in out
    with pytest.raises(SystemExit):
        cli.main(["analyze"])
    assert cli.main(["analyze", str(DEMO / "onesignal-android-paused.log"), "--baseline", "nope"]) == 2


def _full_scan(doc):
    """Every entry through the rules, the way analysis worked before the prescan."""
    from cre_desk.logs import rule_scan
    from cre_desk.logs import rules as rules_module

    scanner = rule_scan.Scanner(rules_module.load_rules())
    scanner.feed(doc.iter_entries())
    return scanner


def test_prescan_finds_exactly_what_reading_every_entry_finds(tmp_path):
    from cre_desk import resource_files
    from cre_desk.logs import prescan, rule_scan
    from cre_desk.logs import rules as rules_module
    from cre_desk.logs.document import LogDocument

    logs = sorted(p for p in resource_files.path("demo", "logs").iterdir() if p.is_file())
    logs += sorted(p for p in resource_files.path("baselines").iterdir() if p.suffix == ".log")
    assert len(logs) >= 6
    for path in logs:
        doc = LogDocument(path)
        doc.build()
        full = _full_scan(doc)
        scanner = rule_scan.Scanner(rules_module.load_rules())
        heads = prescan.candidate_entries(doc, scanner)
        assert heads is not None and len(heads) < len(doc)   # the prescan really skips entries
        scanner.feed(doc.iter_entries(lines=heads))
        assert scanner.findings() == full.findings(), path.name
        assert scanner.facts() == full.facts(), path.name
        assert scanner.detected_vendors() == full.detected_vendors(), path.name
        doc.close()
