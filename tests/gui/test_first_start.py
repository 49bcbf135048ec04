"""Who am I: the first start asks the engineer's name once (editable in Settings) and offers the demo,
ticked; the name is the Timeline's "By", the default assignee and the reply's signature."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox
from ui_steps import open_ticket  # noqa: E402 - shared GUI steps beside this file

from cre_desk.config import Settings
from cre_desk.core.tickets import TicketFields
from cre_desk.core.vocabulary import Status
from cre_desk.gui import welcome_dialog
from cre_desk.gui.new_ticket_dialog import NewTicketDialog
from cre_desk.gui.welcome_dialog import Welcome, WelcomeDialog, greet_first_start


def test_the_welcome_says_yes_to_the_demo_by_default(qtbot):
    dialog = WelcomeDialog("", ask_name=True, offer_demo=True)
    qtbot.addWidget(dialog)
    assert dialog.ui.demo.isChecked()
    start = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    assert start.isDefault()
    dialog.ui.name.setText("  Mika Tanaka ")
    assert dialog.answer() == Welcome("Mika Tanaka", True)


def test_first_start_asks_the_name_once_and_uses_it_everywhere(qtbot, window, ctx, monkeypatch):
    ctx.settings.user_name = ""
    asked = []

    def answer(cls, parent, name, *, ask_name, offer_demo):
        asked.append((ask_name, offer_demo))
        return Welcome("Mika Tanaka", False)

    monkeypatch.setattr(WelcomeDialog, "ask", classmethod(answer))
    greet_first_start(window, ctx, database_created=True)
    assert asked == [(True, True)]
    assert ctx.user == "Mika Tanaka"
    saved = Settings.load(ctx.paths.settings_file)
    assert saved.user_name == "Mika Tanaka" and saved.name_asked and saved.demo_offered
    greet_first_start(window, ctx, database_created=False)
    assert len(asked) == 1, "asked only once"

    # The default assignee of a new ticket, and the Timeline's "By" column.
    seen = {}
    monkeypatch.setattr(NewTicketDialog, "ask", classmethod(
        lambda cls, parent, assignee="": seen.setdefault("assignee", assignee) and TicketFields(
            title="Push not delivered", assignee=assignee)))
    window.act_new.trigger()
    qtbot.waitUntil(lambda: window.pane.ticket is not None)
    assert seen["assignee"] == "Mika Tanaka"
    pane = window.pane
    pane.status.setCurrentIndex(pane.status.findData(Status.WAITING_CUSTOMER))
    pane.status.activated.emit(pane.status.currentIndex())
    qtbot.waitUntil(lambda: pane.timeline.model.rowCount() >= 2)
    by = pane.timeline.model.columnCount() - 1
    names = {pane.timeline.model.index(r, by).data() for r in range(pane.timeline.model.rowCount())}
    assert names == {"Mika Tanaka"}


def test_a_name_left_empty_is_not_asked_again_and_settings_can_set_it(qtbot, window, ctx, monkeypatch):
    from cre_desk.gui.settings_dialog import SettingsDialog

    ctx.settings.user_name = ""
    monkeypatch.setattr(WelcomeDialog, "ask", classmethod(lambda cls, *a, **k: Welcome("", False)))
    greet_first_start(window, ctx, database_created=False)
    assert ctx.settings.name_asked and ctx.user == ""
    monkeypatch.setattr(WelcomeDialog, "ask", classmethod(lambda cls, *a, **k: (_ for _ in ()).throw(
        AssertionError("asked twice"))))
    greet_first_start(window, ctx, database_created=False)
    dialog = SettingsDialog(ctx.settings)
    qtbot.addWidget(dialog)
    dialog.ui.user_name.setText("Ben Ito")
    dialog._on_buttons_accepted()
    ticket = ctx.tickets.create_ticket(TicketFields(title="Events missing"))
    open_ticket(qtbot, window, ticket.id)
    model = window.pane.timeline.model
    before = model.rowCount()
    window.pane.status.setCurrentIndex(window.pane.status.findData(Status.ON_HOLD))
    window.pane.status.activated.emit(window.pane.status.currentIndex())
    qtbot.waitUntil(lambda: model.rowCount() == before + 1)
    assert model.index(before, 4).data() == "Ben Ito"


def test_the_suggested_name_is_a_full_name_or_nothing():
    import getpass

    name = welcome_dialog.suggested_name()
    assert isinstance(name, str) and "," not in name
    assert name.lower() != getpass.getuser().lower()   # never the bare login (such as "root")
