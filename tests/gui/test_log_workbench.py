"""The Logs tab as an engineer uses it: open the customer's log, filter, search, mark, compare, quote."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from PySide6.QtWidgets import QInputDialog
from ui_steps import open_ticket  # noqa: E402 - shared GUI steps beside this file

from cre_desk.core.tickets import TicketFields
from cre_desk.gui.log_pane import LogPane
from cre_desk.gui.tasks import wait_for_all

DEMO = Path(__file__).resolve().parents[2] / "resources" / "demo" / "logs"


def _ticket_with_log(ctx, log: Path, symptom="iam_not_shown"):
    ticket = ctx.tickets.create_ticket(TicketFields(title="Coupon not shown", symptom=symptom), actor="aki")
    ctx.tickets.attach_file(ticket.id, log)
    return ticket


def _open_logs(qtbot, window, ticket_id):
    open_ticket(qtbot, window, ticket_id)
    window.show_tab(3)
    logs = window.pane.logs
    qtbot.waitUntil(lambda: logs.left.doc is not None and logs.left.doc.ready, timeout=10000)
    qtbot.waitUntil(lambda: logs.analysis is not None, timeout=10000)
    return logs


def _visible_lines(pane: LogPane) -> list[int]:
    return [pane.model.line_of_row(r) for r in range(pane.model.rowCount())]


def test_findings_point_at_the_problem_line_and_become_checklist_evidence(qtbot, window, ctx):
    ticket = _ticket_with_log(ctx, DEMO / "braze-android-iam-failing.log")
    logs = _open_logs(qtbot, window, ticket.id)
    assert logs.left.model.rowCount() == 15
    rows = [
        logs.findings.model.item(r, 0).data(Qt_user_role()) for r in range(logs.findings.model.rowCount())
    ]
    problem = next(r for r, f in enumerate(rows) if f.rule_id == "BRZ-04")
    assert "D" in logs.findings.areas.text()
    logs.findings.view.setCurrentIndex(logs.findings.model.index(problem, 0))
    logs.findings.go_to_finding(logs.findings.model.index(problem, 0))
    assert logs.left.current_line() == 12
    logs.accept_current_finding()
    wait_for_all()
    qtbot.waitUntil(lambda: "Quoted" in logs.findings.explain.text())
    item = next(
        e
        for e in ctx.tickets.get_ticket(ticket.id).checklist
        if e.item_key == "d_display_manager_not_registered"
    )
    assert item.verdict == "suspected"
    assert "[braze-android-iam-failing.log:13]" in item.evidence


def Qt_user_role():  # noqa: N802 - reads like the Qt constant it stands for
    from cre_desk.gui.log_findings_panel import FINDING_ROLE

    return FINDING_ROLE


def test_filter_language_and_presets_narrow_the_view(qtbot, window, ctx):
    logs = _open_logs(qtbot, window, _ticket_with_log(ctx, DEMO / "braze-android-iam-failing.log").id)
    pane = logs.left
    pane.set_filter("level:W")
    assert _visible_lines(pane) == [13]
    pane.set_filter("tag:ShopAnalytics | message:changeUser")
    qtbot.waitUntil(lambda: _visible_lines(pane) == [4, 10, 13])
    assert pane.filter_state.text() == "3 of 15 lines"
    pane.set_filter('message~:"(unclosed"')
    assert pane.filter_state.text() == "Filter not understood"
    assert "character" in pane.filter_edit.toolTip()
    assert pane.model.rowCount() == 3  # a broken filter leaves the last good one in place
    pane.set_filter("")
    assert pane.model.rowCount() == 15


def test_search_counts_hits_and_moves_between_them(qtbot, window, ctx):
    logs = _open_logs(qtbot, window, _ticket_with_log(ctx, DEMO / "braze-android-iam-failing.log").id)
    pane = logs.left
    pane.search_edit.setText("session")
    pane.run_search()
    qtbot.waitUntil(lambda: len(pane.model.hits) == 4)
    assert pane.current_line() == 1
    pane.find_next()
    assert pane.current_line() == 2
    pane.find_previous()
    pane.find_previous()
    assert pane.current_line() == 8  # wraps round to the last hit
    assert pane.hit_label.text() == "4 / 4 lines"
    pane.regex_box.setChecked(True)
    pane.search_edit.setText("(a+)+!$")  # catastrophic for a backtracking engine; linear here
    pane.run_search()
    qtbot.waitUntil(lambda: pane.hit_label.text() == "No hits")
    pane.search_edit.setText("(a+)+$")  # `$` is the end of each line: the two lines ending in "a"
    pane.run_search()
    qtbot.waitUntil(lambda: pane.hit_label.text() == "1 / 2 lines")


def test_marks_are_saved_with_their_note_and_quoted_as_evidence(qtbot, window, ctx, monkeypatch):
    ticket = _ticket_with_log(ctx, DEMO / "braze-android-iam-failing.log")
    logs = _open_logs(qtbot, window, ticket.id)
    monkeypatch.setattr(
        QInputDialog, "getText", staticmethod(lambda *a, **k: ("manager never registered", True))
    )
    logs.marks_panel.toggle_mark(logs.left, 12, logs.left.doc.line_text(12))
    qtbot.waitUntil(lambda: 12 in logs.left.model.marks)
    assert ctx.tickets.list_marks(ticket.id)[0].note == "manager never registered"
    assert logs.marks_panel.model.rowCount() == 1
    chosen = {}

    def pick(parent, title, label, items, current, editable):
        chosen["first"] = items[0]
        return items[0], True

    monkeypatch.setattr(QInputDialog, "getItem", staticmethod(pick))
    logs.marks_panel.quote_line(logs.left, 12, logs.left.doc.line_text(12))
    wait_for_all()
    assert "Display manager" in chosen["first"]  # the finding on that line puts its cause first
    item = next(
        e
        for e in ctx.tickets.get_ticket(ticket.id).checklist
        if e.item_key == "d_display_manager_not_registered"
    )
    assert "manager never registered" in item.evidence
    logs.marks_panel.toggle_mark(logs.left, 12, "")
    qtbot.waitUntil(lambda: 12 not in logs.left.model.marks)
    assert ctx.tickets.list_marks(ticket.id) == []


def test_side_by_side_with_a_baseline_names_the_first_missing_step(qtbot, window, ctx):
    logs = _open_logs(qtbot, window, _ticket_with_log(ctx, DEMO / "braze-android-iam-failing.log").id)
    combo = logs.compare_combo
    target = next(
        i for i in range(combo.count()) if getattr(combo.itemData(i), "baseline", "") == "braze-android-iam"
    )
    combo.setCurrentIndex(target)
    combo.activated.emit(target)
    qtbot.waitUntil(lambda: logs.right.doc is not None and logs.right.doc.ready, timeout=10000)
    qtbot.waitUntil(lambda: "Display reached" in logs.comparison.summary.text(), timeout=10000)
    assert not logs.right.isHidden()


def test_milestones_read_in_the_ui_language(qtbot, window, ctx, qapp):
    from cre_desk.logs import analysis, baselines

    logs = _open_logs(qtbot, window, _ticket_with_log(ctx, DEMO / "braze-android-iam-failing.log").id)
    result = analysis.compare_with_baseline(logs.left.doc, "braze-android-iam")
    display = next(m for m in baselines.load_baselines()["braze-android-iam"].milestones if m.id == "display")
    qapp.setProperty("cre_desk_language", "ja")
    try:
        logs.comparison.show_milestones(result)
    finally:
        qapp.setProperty("cre_desk_language", "en")
    assert display.title.ja in logs.comparison.summary.text()
    head = logs.comparison.model.item(0)
    assert any(display.title.ja in head.child(row).text() for row in range(head.rowCount()))


def _timed_log(path: Path, start_second: int, lines: int, tag: str) -> Path:
    """A logcat file with one line a second from ``start_second`` past 10:00:00."""
    rows = []
    for n in range(lines):
        second = start_second + n
        rows.append(f"11-20 10:{second // 60 % 60:02d}:{second % 60:02d}.000  100  100 I {tag}: step {n}\n")
    path.write_text("".join(rows))
    return path


def test_scrolling_one_log_scrolls_the_other_to_the_same_moment_until_switched_off(qtbot, window, ctx,
                                                                                  tmp_path):
    # The device log starts 100 s after the known-good one; each line is one second.
    ticket = _ticket_with_log(ctx, _timed_log(tmp_path / "device.log", 100, 600, "Device"))
    ctx.tickets.attach_file(ticket.id, _timed_log(tmp_path / "good.log", 0, 1200, "Good"))
    logs = _open_logs(qtbot, window, ticket.id)
    _compare_with(qtbot, logs, lambda c: getattr(c, "name", "") == "good.log")
    logs.comparison.align(left_line=0, right_line=100)   # device line 1 is good line 101: the same second
    bar = logs.left.table.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)                # the user drags the left scroll bar
    left_top = logs.left.top_line()
    assert left_top is not None and left_top > 50
    qtbot.waitUntil(lambda: logs.right.top_line() == left_top + 100, timeout=5000)
    logs.comparison.sync_box.setChecked(False)   # switched off: the other log stays where it is
    bar.setValue(0)
    qtbot.wait(100)
    assert logs.right.top_line() == left_top + 100
    assert logs.left.top_line() == 0


def test_a_zip_of_logs_lists_each_log_and_names_rejected_entries(qtbot, window, ctx, tmp_path):
    bundle = tmp_path / "bundle.zip"
    with zipfile.ZipFile(bundle, "w") as zf:
        zf.write(DEMO / "onesignal-android-paused.log", "a/onesignal.log")
        zf.write(DEMO / "fiam-android-rate-limited.log", "b/fiam.log")
        zf.writestr("../../escape.log", "x")
    logs = _open_logs(qtbot, window, _ticket_with_log(ctx, bundle).id)
    names = [logs.log_combo.itemText(i) for i in range(logs.log_combo.count())]
    assert len(names) == 2 and any("onesignal.log" in n for n in names)
    assert any("escape.log" in n for n in logs.notices)
    assert not (tmp_path.parent / "escape.log").exists()


@pytest.mark.parametrize(
    "payload", [b"", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 50, b"\xff\xfe" + "行\n".encode("utf-16-le")]
)
def test_empty_binary_and_utf16_attachments_open_without_error(
    qtbot, window, ctx, tmp_path, payload, dialogs
):
    path = tmp_path / "odd.log"
    path.write_bytes(payload)
    ticket = _ticket_with_log(ctx, path)
    open_ticket(qtbot, window, ticket.id)
    window.show_tab(3)
    logs = window.pane.logs
    qtbot.waitUntil(lambda: logs.left.doc is not None and logs.left.doc.ready, timeout=10000)
    wait_for_all()
    assert not [d for d in dialogs.shown if d[0] == "crash"]


def test_attached_logs_lose_their_secrets_but_keep_their_lines(qtbot, window, ctx, tmp_path):
    ticket = ctx.tickets.create_ticket(
        TicketFields(title="Events missing", symptom="events_not_recorded"), actor="aki"
    )
    open_ticket(qtbot, window, ticket.id)
    log = tmp_path / "device.log"
    log.write_text(
        "11-20 10:14:02.118  1  1 I Shop: login mika@example.co.jp\n"
        "11-20 10:14:02.119  1  1 D Braze: api_key=0123456789abcdef session ok\n"
    )
    window.pane.overview.files_dropped.emit([log])
    qtbot.waitUntil(lambda: len(window.pane.ticket.attachments) == 1, timeout=5000)
    stored = ctx.tickets.attachment_path(ctx.tickets.get_ticket(ticket.id).attachments[0]).read_text()
    assert "mika@example.co.jp" not in stored and "0123456789abcdef" not in stored
    assert stored.count("\n") == 2 and "session ok" in stored
    assert window.pane.attach_bar.lines() == [
        "device.log: attached (2 secret(s) or e-mail address(es) removed)"
    ]


def test_saved_filters_survive_a_restart(qtbot, window, ctx, monkeypatch):
    from cre_desk.config import Settings

    logs = _open_logs(qtbot, window, _ticket_with_log(ctx, DEMO / "braze-android-iam-failing.log").id)
    logs.left.filter_edit.setText("tag:ShopAnalytics")
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("Shop events", True)))
    logs.left.filtering.save_filter()
    assert Settings.load(ctx.paths.settings_file).saved_filters == {"Shop events": "tag:ShopAnalytics"}


def test_unpacked_archives_go_when_the_ticket_is_left_and_at_the_next_start(qtbot, window, ctx, tmp_path):
    """No temporary copies pile up: switching ticket removes them, and a start sweeps a killed run's."""
    bundle = tmp_path / "bundle.zip"
    with zipfile.ZipFile(bundle, "w") as zf:
        zf.writestr("device.log", "11-20 10:14:02.118  1  1 I Braze v30.4.0 .Braze: hello\n" * 50)
    first = _ticket_with_log(ctx, bundle)
    other = ctx.tickets.create_ticket(TicketFields(title="Other", symptom="other"), actor="aki")
    logs = _open_logs(qtbot, window, first.id)
    qtbot.waitUntil(lambda: logs.left.doc is not None and logs.left.doc.ready, timeout=10000)
    folder = ctx.paths.ticket_temp_dir(first.id)
    assert any(p.is_file() for p in folder.rglob("*")), "the archive was unpacked for reading"
    open_ticket(qtbot, window, other.id)
    wait_for_all()
    qtbot.waitUntil(lambda: not folder.exists(), timeout=5000)
    leftover = ctx.paths.temp_dir / "ticket-99" / "attachment-1"
    leftover.mkdir(parents=True)
    (leftover / "device.log").write_text("left by a killed run\n")
    assert ctx.paths.sweep_temp() >= 1
    assert not any(ctx.paths.temp_dir.iterdir())


def _compare_with(qtbot, logs, pick) -> None:
    combo = logs.compare_combo
    target = next(i for i in range(combo.count()) if pick(combo.itemData(i)))
    combo.setCurrentIndex(target)
    combo.activated.emit(target)
    qtbot.waitUntil(lambda: logs.right.doc is not None and logs.right.doc.ready, timeout=10000)


def test_comparing_two_attached_logs_finishes_and_says_what_differs(qtbot, window, ctx):
    ticket = _ticket_with_log(ctx, DEMO / "braze-android-iam-failing.log")
    ctx.tickets.attach_file(ticket.id, DEMO / "fiam-android-rate-limited.log")
    logs = _open_logs(qtbot, window, ticket.id)
    _compare_with(qtbot, logs, lambda c: getattr(c, "name", "") == "fiam-android-rate-limited.log")
    qtbot.waitUntil(lambda: logs.comparison.model.rowCount() >= 2, timeout=10000)
    summary = logs.comparison.summary.text()
    assert "Comparing" not in summary
    assert "only in this log" in summary.lower() and "only in the other" in summary.lower()


def _shows_nothing_of_the_first_ticket(logs) -> None:
    assert logs.right.doc is None and logs.right.isHidden()
    assert logs.comparison.model.rowCount() == 0
    assert "Display reached" not in logs.comparison.summary.text()
    assert logs.comparison.summary.text() == logs.comparison.nothing_compared()
    assert logs.compare_combo.currentData() is None
    for pane in (logs.left, logs.right):
        assert pane.search_edit.text() == "" and pane.filter_edit.text() == ""
        assert pane.hit_label.text() == "" and pane.filter_state.text() == ""
        assert "braze" not in pane.detail.toPlainText().lower()
        assert "braze" not in pane.title.text().lower()
    assert logs.marks_panel.model.rowCount() == 0 and logs.marks == []
    findings = [
        logs.findings.model.item(r, 0).data(Qt_user_role()).rule_id
        for r in range(logs.findings.model.rowCount())
    ]
    assert not any(rule.startswith("BRZ") for rule in findings)
    assert "braze" not in (logs.findings.facts.text() + logs.findings.explain.text()).lower()
    assert logs.side.currentIndex() == 0
    assert logs.comparison.offset == 0.0


@pytest.mark.parametrize("second_log", ["fiam-android-rate-limited.log", None])
def test_switching_tickets_leaves_nothing_of_the_previous_tickets_logs(
    qtbot, window, ctx, monkeypatch, second_log
):
    first = _ticket_with_log(ctx, DEMO / "braze-android-iam-failing.log")
    second = ctx.tickets.create_ticket(
        TicketFields(title="Rate limited", symptom="iam_not_shown"), actor="aki"
    )
    if second_log:
        ctx.tickets.attach_file(second.id, DEMO / second_log)
    logs = _open_logs(qtbot, window, first.id)
    _compare_with(qtbot, logs, lambda c: getattr(c, "baseline", "") == "braze-android-iam")
    qtbot.waitUntil(lambda: "Display reached" in logs.comparison.summary.text(), timeout=10000)
    logs.left.search_edit.setText("session")
    logs.left.run_search()
    qtbot.waitUntil(lambda: len(logs.left.model.hits) == 4)
    logs.right.search_edit.setText("Braze")
    monkeypatch.setattr(
        QInputDialog, "getText", staticmethod(lambda *a, **k: ("manager never registered", True))
    )
    logs.marks_panel.toggle_mark(logs.left, 12, logs.left.doc.line_text(12))
    qtbot.waitUntil(lambda: logs.marks_panel.model.rowCount() == 1)
    logs.left.go_to_line(12)
    assert "Braze" in logs.left.detail.toPlainText()
    assert logs.side.currentIndex() == 2

    open_ticket(qtbot, window, second.id)
    _shows_nothing_of_the_first_ticket(logs)  # at once, before the second ticket's log is read
    if second_log:
        qtbot.waitUntil(lambda: logs.left.doc is not None and logs.left.doc.ready, timeout=10000)
        qtbot.waitUntil(lambda: logs.analysis is not None, timeout=10000)
        assert logs.left.doc.name == second_log
    wait_for_all()
    _shows_nothing_of_the_first_ticket(logs)


def test_the_findings_panel_says_why_and_what_to_ask_for_when_nothing_decides(qtbot, window, ctx, tmp_path):
    decisive = tmp_path / "decisive.log"
    decisive.write_text(
        "02-25 10:52:51.373 E/FA      (24178): Invalid public event name. Event will not be logged "
        "(FE): app install\n",
        encoding="utf-8",
    )
    logs = _open_logs(qtbot, window, _ticket_with_log(ctx, decisive, "events_not_recorded").id)
    assert "Why: The event itself was malformed" in logs.findings.areas.text()
    assert "No decisive line" not in logs.findings.areas.text()
    quiet = tmp_path / "quiet.log"
    quiet.write_text(
        "11-20 10:14:02.118  8812  8812 D Braze v30.4.0 .BrazeManager: Requesting content cards refresh\n",
        encoding="utf-8",
    )
    logs = _open_logs(qtbot, window, _ticket_with_log(ctx, quiet).id)
    text = logs.findings.areas.text()
    assert "(low confidence)" in text and "No decisive line" in text and "BrazeLogger" in text


def test_a_filter_that_leaves_no_line_says_so_and_explains_a_negated_level(qtbot, window, ctx):
    logs = _open_logs(qtbot, window, _ticket_with_log(ctx, DEMO / "braze-android-iam-failing.log").id)
    pane = logs.left
    pane.set_filter("-level:V")          # Logcat: hides Verbose *and above*, so every line
    qtbot.waitUntil(lambda: pane.filter_state.text() == "0 of 15 lines")
    assert pane.empty_note.isVisible()
    said = pane.empty_note.text()
    assert "No line matches this filter" in said
    assert "-level:V" in said and "level:D" in said
    pane.set_filter("level:D")           # what was meant: Verbose lines hidden, the rest shown
    assert pane.model.rowCount() > 0
    assert not pane.empty_note.isVisible()
    pane.set_filter('message:"no such text anywhere"')
    qtbot.waitUntil(lambda: pane.filter_state.text() == "0 of 15 lines")
    assert pane.empty_note.isVisible() and "level" not in pane.empty_note.text()
