"""Bulk re-tagging from the queue: choose a product team and/or kind for the selected tickets, see how many
change (and how many change category with it), confirm, and the queue and dashboards follow.

The work is ``cre_desk.actions.retag``; this module only asks and reports, off the GUI thread.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from cre_desk.actions.retag import RetagPlan, RetagResult, plan_retag, retag_tickets
from cre_desk.core.feedback import KIND_ORDER, ProductTeam, kind_label
from cre_desk.gui import messages
from cre_desk.gui.context import AppContext
from cre_desk.gui.feedback_tags import feedback_store
from cre_desk.gui.formatting import ui_language

_KEEP = "__keep__"


class RetagDialog(QDialog):
    """Team and kind for many tickets; either may stay as each ticket has it."""

    def __init__(self, teams: list[ProductTeam], count: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Re-tag tickets"))
        self.setMinimumWidth(420)
        language = ui_language()
        intro = QLabel(self.tr("Set the product team and/or kind of the %n selected ticket(s).", "", count))
        intro.setWordWrap(True)
        self.team = QComboBox()
        self.team.addItem(self.tr("Keep each ticket's team"), _KEEP)
        for team in teams:
            self.team.addItem(team.label(language), team.key)
        self.team.addItem(self.tr("(no team)"), "")
        self.kind = QComboBox()
        self.kind.addItem(self.tr("Keep each ticket's kind"), _KEEP)
        for kind in KIND_ORDER:
            self.kind.addItem(kind_label(kind, language), str(kind))
        form = QFormLayout()
        form.addRow(self.tr("Team"), self.team)
        form.addRow(self.tr("Kind"), self.kind)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def choice(self) -> tuple[str | None, str | None]:
        """(team, kind); None keeps each ticket's own."""
        team, kind = self.team.currentData(), self.kind.currentData()
        return (None if team == _KEEP else team), (None if kind == _KEEP else kind)


class BulkRetag(QObject):
    """One bulk re-tagging: plan, confirm with the count of tickets that change, carry out, report.

    Signals:
        done(object): the RetagResult, after the tickets changed.
    """

    done = Signal(object)

    def __init__(self, parent: QWidget, ctx: AppContext, teams: list[ProductTeam]) -> None:
        super().__init__(parent)
        self.widget, self.ctx = parent, ctx
        language = ui_language()
        self.names = {t.key: t.label(language) for t in teams}

    def describe(self, team: str | None, kind: str | None) -> str:
        parts = []
        if team is not None:
            parts.append(self.names.get(team, team) if team else self.tr("no team"))
        if kind is not None:
            parts.append(kind_label(kind, ui_language()))
        quotes = "「」" if ui_language() == "ja" else "“”"
        return quotes[0] + " · ".join(parts) + quotes[1]

    def confirmation_text(self, plan: RetagPlan) -> str:
        what = self.describe(plan.team, plan.kind)
        text = self.tr("Set {0} on %n ticket(s)?", "", len(plan.changing)).format(what)
        unchanged = len(plan.ticket_ids) - len(plan.changing)
        if unchanged:
            text += "\n" + self.tr(
                "%n selected ticket(s) already have it and stay as they are.", "", unchanged
            )
        if plan.new_category:
            text += "\n" + self.tr(
                "%n of them change category with the kind; their resolution timers follow the new category.",
                "",
                len(plan.new_category),
            )
        return text

    def start(self, ticket_ids: list[int], team: str | None, kind: str | None) -> None:
        self.ctx.run_db(
            plan_retag,
            feedback_store(self.ctx),
            ticket_ids,
            team=team,
            kind=kind,
            on_done=self._planned,
            on_error=self._failed,
            receiver=self,
        )

    def _planned(self, plan: RetagPlan) -> None:
        if not plan.changing:
            what = self.describe(plan.team, plan.kind)
            messages.info(self.widget, self.tr("The selected tickets already have {0}.").format(what))
            self.deleteLater()
            return
        if not messages.confirm(self.widget, self.confirmation_text(plan)):
            self.deleteLater()
            return
        self.ctx.run_db(
            retag_tickets,
            self.ctx.tickets,
            feedback_store(self.ctx),
            plan,
            actor=self.ctx.user,
            on_done=self._finished,
            on_error=self._failed,
            receiver=self,
        )

    def _failed(self, exc: BaseException) -> None:
        self.deleteLater()
        messages.report_exception(self.widget, exc)

    def _finished(self, result: RetagResult) -> None:
        self.deleteLater()
        self.done.emit(result)
        if result.failed:
            lines = "\n".join(f"#{ticket_id}: {why}" for ticket_id, why in result.failed)
            text = self.tr("%n ticket(s) re-tagged; these could not be:", "", len(result.changed))
            messages.warn(self.widget, text + "\n" + lines)
