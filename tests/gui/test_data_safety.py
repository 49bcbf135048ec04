"""Nothing typed is lost: teammates' drafts (C-1), a full disk (D-3), steady typing (D-8)."""

from __future__ import annotations

from ui_steps import open_ticket  # noqa: E402 - shared GUI steps beside this file

from cre_desk.core.tickets import TicketFields


def _open_reply(qtbot, window, ticket_id):
    open_ticket(qtbot, window, ticket_id)
    window.show_tab(4)
    composer = window.pane.reply
    qtbot.waitUntil(lambda: composer.editors["summary"].toPlainText() != "")
    return composer


def test_c1_a_teammates_draft_saved_meanwhile_is_kept_beside_mine_and_the_conflict_is_shown(
        qtbot, window, ctx, dialogs):
    """C-1: both open a ticket with no draft; the teammate's autosave lands first; mine must not
    replace it."""
    ticket = ctx.tickets.create_ticket(TicketFields(title="Coupon not shown", symptom="iam_not_shown"),
                                       actor="aki")
    composer = _open_reply(qtbot, window, ticket.id)
    assert composer.draft_version is None
    ctx.tickets.save_draft(ticket.id, language="en", audience="marketer", summary="Ben's summary for Mika.",
                           cause="", fix="", actor="Ben")
    composer.editors["summary"].setPlainText("Aki's summary.")
    composer.flush()
    qtbot.waitUntil(lambda: any("Ben saved this reply draft" in text for _level, text in dialogs.shown),
                    timeout=5000)
    text = composer.editors["summary"].toPlainText()
    assert "Aki's summary." in text and "Ben's summary for Mika." in text
    composer.flush()
    qtbot.waitUntil(lambda: (d := ctx.tickets.get_draft(ticket.id)) is not None
                    and "Aki's summary." in d.summary,
                    timeout=5000)
    assert "Ben's summary for Mika." in ctx.tickets.get_draft(ticket.id).summary


class _Disk:
    """A full disk, the way SQLite meets it: every write that needs a new page fails with SQLITE_FULL
    ("database or disk is full"). ``free()`` gives the space back."""

    def __init__(self, db) -> None:
        from sqlalchemy import event

        self.db, self.event = db, event
        with db.engine.connect() as conn:
            self.pages = conn.exec_driver_sql("PRAGMA page_count").scalar()
        event.listen(db.engine, "connect", self._limit)
        db.engine.dispose()   # every pooled connection is reopened under the limit

    def _limit(self, dbapi_conn, _record) -> None:
        dbapi_conn.execute(f"PRAGMA max_page_count={self.pages}")

    def free(self) -> None:
        from cre_desk.gui.tasks import wait_for_all

        wait_for_all()
        self.event.remove(self.db.engine, "connect", self._limit)
        self.db.engine.dispose()


def test_d3_edits_typed_while_the_disk_is_full_survive_switching_and_closing_and_save_once_space_is_back(
        qtbot, window, ctx, dialogs):
    """D-3: Overview, checklist evidence and the reply typed on a full disk are kept (switching tickets and
    back, refusing to close silently), and Ctrl+S saves them once space is freed."""
    service = ctx.tickets
    first = service.create_ticket(TicketFields(title="Coupon not shown", symptom="iam_not_shown"))
    other = service.create_ticket(TicketFields(title="Push not delivered", symptom="push_not_delivered"))
    composer = _open_reply(qtbot, window, first.id)
    pane = window.pane
    asked = "What they asked, typed on a full disk. " * 800
    evidence = "Evidence typed on a full disk. " * 800
    reply = "Reply typed on a full disk. " * 800

    disk = _Disk(ctx.workspace.db)
    pane.overview.asked.setPlainText(asked)
    window.show_tab(1)
    checklist = pane.checklist
    item = checklist._current
    assert item is not None
    checklist.evidence.setPlainText(evidence)
    window.show_tab(4)
    composer.editors["summary"].setPlainText(reply)
    qtbot.waitUntil(lambda: "Not saved" in pane.save_state.text()
                    and "Not saved" in checklist.saved_label.text()
                    and "Not saved" in composer.state.text(), timeout=10_000)
    assert any("disk is full" in text for _level, text in dialogs.shown)
    window.save()   # Ctrl+S while still full: still not saved, still kept
    qtbot.wait(300)
    assert pane.overview.asked.toPlainText() == asked

    open_ticket(qtbot, window, other.id)            # switching away must not drop the texts…
    open_ticket(qtbot, window, first.id)            # …and coming back shows them again
    qtbot.waitUntil(lambda: composer.editors["summary"].toPlainText() == reply, timeout=5000)
    assert pane.overview.asked.toPlainText() == asked
    qtbot.waitUntil(lambda: checklist._current is not None and checklist._current.id == item.id)
    assert checklist.evidence.toPlainText() == evidence

    dialogs.answers["confirm"] = False             # closing asks first, and "No" keeps the window
    window.close()
    assert window.isVisible()

    disk.free()
    window.save()   # Ctrl+S once space is back
    qtbot.waitUntil(lambda: service.get_ticket(first.id).fields.asked == asked, timeout=10_000)
    qtbot.waitUntil(lambda: next(e for e in service.get_ticket(first.id).checklist
                                 if e.id == item.id).evidence == evidence, timeout=10_000)
    qtbot.waitUntil(lambda: (d := service.get_draft(first.id)) is not None and d.summary == reply,
                    timeout=10_000)
    qtbot.waitUntil(lambda: pane.unsaved_tickets() == [], timeout=5000)
    assert pane.save_state.text() == "Saved"
    from cre_desk.db.safety import check_file

    assert check_file(ctx.workspace.paths.database, quick=False).ok


def test_d8_steady_typing_is_saved_within_about_a_second_even_if_the_pauses_never_reach_the_debounce(
        tmp_path):
    """D-8: type into the Overview, the checklist evidence and the reply with pauses of 0.3–1.2 s (never a
    long idle), SIGKILL 1.2 s after the last keystroke, restart: everything typed is in the database."""
    import os
    import subprocess
    import sys
    import textwrap
    from pathlib import Path

    home = tmp_path / "home"
    script = textwrap.dedent(f"""
        import os, signal, time
        from pathlib import Path
        from PySide6.QtWidgets import QApplication
        from cre_desk.config import Settings, default_paths
        from cre_desk.core.tickets import TicketFields
        from cre_desk.db.workspace import open_workspace
        from cre_desk.gui.context import AppContext
        from cre_desk.gui.main_window import MainWindow
        app = QApplication([])
        ws = open_workspace(default_paths(Path({str(home)!r})))
        ticket = ws.tickets.create_ticket(TicketFields(title="Push not delivered",
                                                       symptom="push_not_delivered"))
        ctx = AppContext(ws, Settings(user_name="Aki"), ws.paths)
        window = MainWindow(); window.attach_workspace(ctx); window.show()
        def spin(cond, limit=20):
            end = time.time() + limit
            while not cond() and time.time() < end:
                app.processEvents(); time.sleep(0.01)
        window.queue.reload()
        spin(lambda: window.queue.model.row_of(ticket.id) >= 0)
        window.queue.select_ticket(ticket.id)
        spin(lambda: window.pane.ticket is not None)
        pane = window.pane
        composer = pane.reply
        spin(lambda: composer.editors["summary"].toPlainText() != "")
        spin(lambda: pane.checklist._current is not None)
        editors = [pane.overview.asked, pane.checklist.evidence, composer.editors["summary"]]
        pauses = [0.3, 1.2, 0.5, 0.9, 1.1, 0.4, 1.2, 0.7, 1.0, 0.3, 1.2, 0.8]
        for n, pause in enumerate(pauses):
            spin(lambda: False, pause)
            for editor in editors:
                editor.setPlainText(f"word{{n}} " * (n + 1))
        spin(lambda: False, 1.2)   # the last keystroke is 1.2 s old when the app dies
        print("typed", flush=True)
        os.kill(os.getpid(), signal.SIGKILL)
    """)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    root = Path(__file__).resolve().parents[2]
    result = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True,
                            timeout=180, cwd=root)
    assert "typed" in result.stdout, result.stderr[-2000:]
    assert result.returncode == -9
    from cre_desk.config import default_paths
    from cre_desk.db.workspace import open_workspace

    last = "word11 " * 12
    ws = open_workspace(default_paths(home))
    try:
        ticket = ws.tickets.get_ticket(ws.tickets.list_queue()[0].id)
        assert ticket.fields.asked == last
        assert ticket.checklist[0].evidence == last
        assert ws.tickets.get_draft(ticket.id).summary == last
    finally:
        ws.close()
