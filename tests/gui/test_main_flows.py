"""GUI flows a CRE engineer performs: open a ticket, edit it, walk the checklist, search the queue."""

from __future__ import annotations

from ui_steps import open_ticket  # noqa: E402 - shared GUI steps beside this file

from cre_desk.core.tickets import TicketFields
from cre_desk.core.vocabulary import Status, Verdict
from cre_desk.gui.checklist_model import ENTRY_ROLE
from cre_desk.gui.new_ticket_dialog import NewTicketDialog


def _create(ctx, **kw):
    return ctx.tickets.create_ticket(TicketFields(title=kw.pop("title", "Banner not shown"), **kw), actor="aki")


def test_new_ticket_dialog_creates_and_opens_the_ticket(qtbot, window, monkeypatch):
    monkeypatch.setattr(NewTicketDialog, "ask", classmethod(lambda cls, parent, assignee="": TicketFields(
        title="Push not delivered to iOS 18", symptom="push_not_delivered", platform="ios", assignee=assignee)))
    window.act_new.trigger()
    qtbot.waitUntil(lambda: window.pane.ticket is not None)
    assert window.pane.ticket.fields.title == "Push not delivered to iOS 18"
    assert window.pane.ticket.fields.assignee == "Aki Sato"
    qtbot.waitUntil(lambda: window.queue.model.rowCount() == 1)
    assert window.pane.overview.title.text() == "Push not delivered to iOS 18"
    assert window.pane.checklist.model.rowCount() == 5  # the five areas


def test_new_ticket_dialog_requires_a_title(qtbot):
    dialog = NewTicketDialog()
    qtbot.addWidget(dialog)
    dialog._on_buttons_accepted()
    assert dialog.result() == 0
    assert "title" in dialog.ui.error.text().lower()


def test_editing_the_overview_autosaves(qtbot, window, ctx):
    ticket = _create(ctx)
    open_ticket(qtbot, window, ticket.id)
    form = window.pane.overview
    qtbot.keyClicks(form.goal, "Show the banner on the home screen")
    assert window.pane.dirty
    qtbot.waitUntil(lambda: ctx.tickets.get_ticket(ticket.id).fields.goal == "Show the banner on the home screen",
                    timeout=5000)
    qtbot.waitUntil(lambda: window.pane.save_state.text() == "Saved")


def test_switching_tickets_saves_pending_edits(qtbot, window, ctx):
    first, second = _create(ctx, title="First"), _create(ctx, title="Second")
    open_ticket(qtbot, window, first.id)
    qtbot.keyClicks(window.pane.overview.notes, "checked the dashboard")
    open_ticket(qtbot, window, second.id)
    qtbot.waitUntil(lambda: ctx.tickets.get_ticket(first.id).fields.notes == "checked the dashboard")


def test_walk_checklist_records_verdict_and_evidence(qtbot, window, ctx):
    ticket = _create(ctx, symptom="iam_not_shown")
    open_ticket(qtbot, window, ticket.id)
    window.pane.tabs.setCurrentIndex(1)
    view = window.pane.checklist
    first = view.tree.currentIndex().data(ENTRY_ROLE)
    assert first is not None and first.position == 0  # starts at the first cause in walk order
    view.evidence.setPlainText("Session starts at 10:14:02")
    confirmed = next(b for b in view.verdict_buttons.buttons() if b.property("verdict") == Verdict.RULED_OUT)
    qtbot.mouseClick(confirmed, __import__("PySide6.QtCore", fromlist=["Qt"]).Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: ctx.tickets.get_ticket(ticket.id).checklist[0].verdict == Verdict.RULED_OUT)
    saved = ctx.tickets.get_ticket(ticket.id).checklist[0]
    assert saved.evidence == "Session starts at 10:14:02"
    assert view.progress.value() == 1
    view.select_next_unchecked()
    assert view.tree.currentIndex().data(ENTRY_ROLE).id != first.id


def test_status_change_is_recorded_in_the_timeline(qtbot, window, ctx):
    ticket = _create(ctx)
    open_ticket(qtbot, window, ticket.id)
    pane = window.pane
    pane.status.setCurrentIndex(pane.status.findData(Status.WAITING_CUSTOMER))
    pane.status.activated.emit(pane.status.currentIndex())
    qtbot.waitUntil(lambda: pane.timeline.model.rowCount() == 2)
    assert ctx.tickets.get_ticket(ticket.id).status == Status.WAITING_CUSTOMER


def test_queue_search_finds_by_question_text(qtbot, window, ctx):
    _create(ctx, title="Banner not shown", asked="The coupon banner never appears")
    wanted = _create(ctx, title="Events missing", asked="purchase_completed never reaches the dashboard")
    window.queue.reload()
    qtbot.waitUntil(lambda: window.queue.model.rowCount() == 2)
    qtbot.keyClicks(window.queue.search, "dashboard")
    qtbot.waitUntil(lambda: window.queue.model.rowCount() == 1, timeout=3000)
    assert window.queue.rows()[0].id == wanted.id


def test_queue_filters_by_status(qtbot, window, ctx):
    open_one = _create(ctx, title="Still open")
    closed = _create(ctx, title="Done")
    ctx.tickets.change_status(closed.id, Status.CLOSED)
    window.queue.reload()
    qtbot.waitUntil(lambda: window.queue.model.rowCount() == 1)  # the default shows open tickets only
    assert window.queue.rows()[0].id == open_one.id
    window.queue.status_filter.setCurrentIndex(1)  # all statuses
    qtbot.waitUntil(lambda: window.queue.model.rowCount() == 2)
    window.queue.status_filter.setCurrentIndex(0)
    qtbot.waitUntil(lambda: window.queue.model.rowCount() == 1)
    assert window.queue.rows()[0].id == open_one.id


def test_dropping_a_log_attaches_it(qtbot, window, ctx, tmp_path):
    ticket = _create(ctx)
    open_ticket(qtbot, window, ticket.id)
    log = tmp_path / "device.log"
    log.write_text("11-20 10:14:02.118  8812  8812 I Braze: hello\n")
    window.pane.overview.files_dropped.emit([log])
    qtbot.waitUntil(lambda: window.pane.overview.attachments_model.rowCount() == 1)
    assert ctx.tickets.get_ticket(ticket.id).attachments[0].file_name == "device.log"


def test_demo_workspace_loads_once(qtbot, window, ctx):
    from cre_desk.gui.tasks import wait_for_all

    window.load_demo()
    # Six troubleshooting tickets plus a year of tagged product feedback, most of it solved.
    qtbot.waitUntil(lambda: ctx.tickets.count() > 250, timeout=60000)
    wait_for_all(60000)
    loaded = ctx.tickets.count()
    from cre_desk.core.demo import demo_tickets

    titles = {s.title for s in ctx.tickets.list_queue()}
    assert {t["title"] for t in demo_tickets()} <= titles
    window.load_demo()
    wait_for_all(60000)
    assert ctx.tickets.count() == loaded


def test_new_ticket_dialog_makes_the_user_choose_symptom_and_category(qtbot):
    dialog = NewTicketDialog()
    qtbot.addWidget(dialog)
    assert dialog.ui.symptom.currentData() is None and dialog.ui.category.currentData() is None
    dialog.ui.title.setText("Push not delivered")
    dialog._on_buttons_accepted()
    assert dialog.result() == 0 and "symptom" in dialog.ui.error.text().lower()
    dialog.ui.symptom.setCurrentIndex(dialog.ui.symptom.findData("push_not_delivered"))
    dialog._on_buttons_accepted()
    assert dialog.result() == 0 and "category" in dialog.ui.error.text().lower()
    dialog.ui.category.setCurrentIndex(dialog.ui.category.findData("troubleshooting"))
    dialog._on_buttons_accepted()
    assert dialog.result() == 1
    assert (dialog.fields().symptom, dialog.fields().category) == ("push_not_delivered", "troubleshooting")
