"""Attaching files to a ticket as an engineer does it: button, menu, drops, progress, cancel, removal."""

from __future__ import annotations

import zipfile
from pathlib import Path

from ui_steps import open_ticket  # noqa: E402 - shared GUI steps beside this file

from cre_desk.core.tickets import TicketFields
from cre_desk.gui.tasks import wait_for_all

DEMO = Path(__file__).resolve().parents[2] / "resources" / "demo" / "logs"
LONG = "customer-device-export-" + "very-long-name-" * 11 + "2026-11-20T10-14-02"


def _ticket(ctx, title="Coupon not shown"):
    return ctx.tickets.create_ticket(TicketFields(title=title, symptom="iam_not_shown"), actor="aki")


def test_long_notices_and_long_file_names_never_widen_the_window(qtbot, window, ctx, tmp_path):
    screen = 1440
    window.resize(1400, 800)
    qtbot.waitUntil(lambda: window.width() == 1400)
    ticket = _ticket(ctx)
    open_ticket(qtbot, window, ticket.id)
    log = tmp_path / f"{LONG}.log"
    log.write_text((DEMO / "braze-android-iam-failing.log").read_text() + "api_key=0123456789abcdef\n")
    bundle = tmp_path / f"{LONG}.zip"
    with zipfile.ZipFile(bundle, "w") as zf:
        zf.writestr(f"{LONG}/{LONG}.log", b"\x00\x01\x02\x03" * 4000)
    window.pane.attacher.attach([log, bundle])
    qtbot.waitUntil(lambda: window.pane.ticket is not None and len(window.pane.ticket.attachments) == 2,
                    timeout=10000)
    window.show_tab(3)
    logs = window.pane.logs
    qtbot.waitUntil(lambda: logs.left.doc is not None and logs.left.doc.ready, timeout=10000)
    wait_for_all()
    qtbot.wait(50)
    assert window.width() == 1400
    assert window.minimumSizeHint().width() <= screen
    window.show_tab(0)
    qtbot.wait(50)
    assert window.width() == 1400
    item = window.pane.overview.attachments_model.item(0)
    assert len(item.text()) < 70 and "…" in item.text() and LONG[:100] in item.toolTip()
    assert window.minimumSizeHint().width() <= screen


def _files(tmp_path):
    log = tmp_path / "device.log"
    log.write_text((DEMO / "braze-android-iam-failing.log").read_text())
    empty = tmp_path / "empty.log"
    empty.write_bytes(b"")
    shot = tmp_path / "screenshot.png"
    shot.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40)
    return log, empty, shot


def test_attach_buttons_and_the_menu_open_the_file_dialog(qtbot, window, ctx, tmp_path, monkeypatch):
    from cre_desk.gui.attach_bar import AttachDialog

    ticket = _ticket(ctx)
    open_ticket(qtbot, window, ticket.id)
    logs = [tmp_path / f"device-{n}.log" for n in range(3)]
    for n, log in enumerate(logs):
        log.write_text(f"11-20 10:14:0{n}.118  1  1 I Shop: line {n}\n")
    asked = []

    def answer(parent, start_dir):
        asked.append(start_dir)
        return [logs[len(asked) - 1]]

    monkeypatch.setattr(AttachDialog, "ask", staticmethod(answer))
    window.pane.overview.attach_button.click()
    qtbot.waitUntil(lambda: len(window.pane.ticket.attachments) == 1, timeout=5000)
    window.show_tab(3)
    window.pane.logs.attach_button.click()
    qtbot.waitUntil(lambda: len(window.pane.ticket.attachments) == 2, timeout=5000)
    assert window.act_attach.shortcut().toString() == "Ctrl+Shift+A"
    window.act_attach.trigger()
    qtbot.waitUntil(lambda: len(window.pane.ticket.attachments) == 3, timeout=5000)
    assert asked[1] == str(tmp_path), "the dialog opens where the last files came from"
    assert [a.file_name for a in ctx.tickets.get_ticket(ticket.id).attachments] == [p.name for p in logs]


def test_drops_on_the_logs_tab_attach_and_each_file_gets_its_own_line(qtbot, window, ctx, tmp_path):
    from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
    from PySide6.QtGui import QDragEnterEvent, QDropEvent

    ticket = _ticket(ctx)
    open_ticket(qtbot, window, ticket.id)
    window.show_tab(3)
    logs = window.pane.logs
    files = _files(tmp_path)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in files])
    enter = QDragEnterEvent(logs.rect().center(), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    logs.dragEnterEvent(enter)
    assert logs.acceptDrops() and enter.isAccepted()
    drop = QDropEvent(QPointF(logs.rect().center()), Qt.DropAction.CopyAction, mime,
                      Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    logs.dropEvent(drop)
    qtbot.waitUntil(lambda: len(window.pane.attach_bar.lines()) == 3, timeout=5000)
    lines = window.pane.attach_bar.lines()
    assert lines[0] == "device.log: attached"
    assert lines[1].startswith("empty.log: not attached") and "empty" in lines[1].split(":", 1)[1]
    assert lines[2].startswith("screenshot.png: not attached") and "PNG image" in lines[2]
    assert "\n".join(lines) == window.pane.attach_bar.notices.text()   # one line each, not run together
    assert [a.file_name for a in ctx.tickets.get_ticket(ticket.id).attachments] == ["device.log"]
    qtbot.waitUntil(lambda: logs.left.doc is not None, timeout=5000)
    window.pane.attach_bar.dismiss.click()
    assert window.pane.attach_bar.isHidden()
    logs.dropEvent(drop)
    qtbot.waitUntil(lambda: len(window.pane.attach_bar.lines()) == 3, timeout=5000)
    assert window.pane.attach_bar.lines()[0] == (
        "device.log: already attached to this ticket (same content), not added again")
    open_ticket(qtbot, window, _ticket(ctx, "Another").id)
    assert window.pane.attach_bar.isHidden() and window.pane.attach_bar.lines() == []


def test_a_large_file_shows_progress_and_cancel_answers_at_once(qtbot, window, ctx, tmp_path, monkeypatch):
    import threading

    from cre_desk.actions import attach

    ticket = _ticket(ctx)
    open_ticket(qtbot, window, ticket.id)
    big = tmp_path / "big.gz"
    big.write_bytes(b"\x1f\x8b" + b"x" * (3 * attach.BLOCK))
    gate, real_copy = threading.Event(), attach._copy

    def held_copy(source, target, cancel, report):
        def after_first_block(n):
            report(n)
            gate.wait(10)          # the copy is "slow": it waits here until the test has pressed Cancel
        return real_copy(source, target, cancel, after_first_block)

    monkeypatch.setattr(attach, "_copy", held_copy)
    bar = window.pane.attach_bar
    window.pane.attacher.attach([big])
    assert bar.running and bar.isVisibleTo(window)
    qtbot.waitUntil(lambda: bar.progress.value() > 0, timeout=5000)
    assert "big.gz" in bar.state.text()
    bar.cancel_button.click()
    # The window answers before the copy has even noticed: no waiting on the worker.
    assert not bar.running
    assert bar.lines() == ["Attaching stopped: none of the files was attached."]
    gate.set()
    wait_for_all()
    qtbot.wait(50)
    assert ctx.tickets.get_ticket(ticket.id).attachments == ()
    assert not any((ctx.paths.temp_dir / "attach").iterdir())
    assert bar.lines() == ["Attaching stopped: none of the files was attached."]


def test_removing_an_attachment_asks_first_and_deletes_the_copy(qtbot, window, ctx, tmp_path, dialogs,
                                                                 monkeypatch):
    from cre_desk.gui import messages

    questions = []
    monkeypatch.setattr(messages.Dialogs, "confirm", staticmethod(
        lambda parent, title, text: questions.append(text) or dialogs.answers["confirm"]))
    ticket = _ticket(ctx)
    log = tmp_path / "device.log"
    log.write_text((DEMO / "braze-android-iam-failing.log").read_text())
    record = ctx.tickets.attach_file(ticket.id, log)
    ctx.tickets.attach_file(ticket.id, DEMO / "fiam-android-rate-limited.log")
    copy = ctx.tickets.attachment_path(record)
    open_ticket(qtbot, window, ticket.id)
    window.show_tab(3)
    logs = window.pane.logs
    qtbot.waitUntil(lambda: logs.left.doc is not None and logs.left.doc.ready, timeout=10000)
    assert logs.left.doc.name == "device.log"
    window.show_tab(0)
    overview = window.pane.overview
    assert not overview.remove_button.isEnabled()
    overview.attachments.setCurrentIndex(overview.attachments_model.index(0, 0))
    assert overview.remove_button.isEnabled()
    dialogs.answers["confirm"] = False
    overview.remove_button.click()
    wait_for_all()
    assert copy.exists() and len(ctx.tickets.get_ticket(ticket.id).attachments) == 2
    assert questions[0].startswith(f"Remove “device.log” from ticket #{ticket.id}?")
    assert "not touched" in questions[0] and "cannot be undone" in questions[0]
    dialogs.answers["confirm"] = True
    overview.remove_button.click()
    qtbot.waitUntil(lambda: len(window.pane.ticket.attachments) == 1, timeout=5000)
    assert not copy.exists() and log.exists()
    assert window.pane.attach_bar.lines() == [
        "device.log: removed from the ticket, and its copy deleted from the workspace"]
    assert overview.attachments_model.rowCount() == 1
    fiam = "fiam-android-rate-limited.log"
    qtbot.waitUntil(lambda: logs.left.doc is not None and logs.left.doc.name == fiam, timeout=10000)
    assert [logs.log_combo.itemText(i) for i in range(logs.log_combo.count())] == [fiam]


def test_files_chosen_while_others_are_copied_are_attached_after_them(qtbot, window, ctx, tmp_path):
    ticket = _ticket(ctx)
    open_ticket(qtbot, window, ticket.id)
    first, second = tmp_path / "first.log", tmp_path / "second.log"
    first.write_text("11-20 10:14:02.118  1  1 I Shop: one\n")
    second.write_text("11-20 10:14:03.118  1  1 I Shop: two\n")
    window.pane.attacher.attach([first])
    window.pane.attacher.attach([second])
    qtbot.waitUntil(lambda: len(window.pane.ticket.attachments) == 2, timeout=5000)
    assert [a.file_name for a in ctx.tickets.get_ticket(ticket.id).attachments] == ["first.log", "second.log"]
    qtbot.waitUntil(lambda: window.pane.attach_bar.lines() == ["first.log: attached", "second.log: attached"],
                    timeout=5000)
