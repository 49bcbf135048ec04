"""The ticket's Logs tab: the customer's log beside a known-good one, findings, marks and comparison.

Attached files are opened through the safe archive reader (a zip of several logs becomes several
logs). The left pane shows the chosen log; the right pane, when used, shows another attached log or a
baseline, scrolled in step by timestamp. Findings and marks turn into checklist evidence. This module opens
the ticket's logs and holds what belongs to the ticket on screen (its marks, accepted and dismissed
findings); the Findings, Marks and Comparison panels below the logs are ``log_findings_panel``,
``log_marks`` and ``log_comparison``.

Signals:
    evidence_added(): checklist evidence changed, so the ticket view should refresh.
    attach_requested(): the user pressed Attach… (the ticket pane asks which files).
    files_dropped(list): local file paths dropped onto the tab, to attach.
"""

from __future__ import annotations

import gc
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from cre_desk.actions import checklist as checklist_actions
from cre_desk.actions.ticket_logs import LogChoice, TicketLogs
from cre_desk.core.tickets import MarkRecord, TicketDetail
from cre_desk.errors import Cancelled
from cre_desk.gui import messages
from cre_desk.gui.context import AppContext
from cre_desk.gui.formatting import plain_label, ui_language
from cre_desk.gui.log_comparison import ComparisonPanel
from cre_desk.gui.log_findings_panel import FindingsPanel
from cre_desk.gui.log_marks import MarksPanel
from cre_desk.gui.log_pane import LogPane
from cre_desk.gui.notice_labels import NoticeLabel, never_wider
from cre_desk.gui.tasks import run_in_background
from cre_desk.gui.wrap_row import WrapRow
from cre_desk.logs import analysis as analysis_module
from cre_desk.logs import baselines as baselines_module
from cre_desk.logs import rule_scan
from cre_desk.logs import rules as rules_module
from cre_desk.logs.document import LogDocument

#: Notices about the attached files shown at once (one line each); the rest are counted.
MAX_NOTICES = 6


def _plain(label: QLabel) -> QLabel:
    """Labels here show customer or log text: always literal, wrapped, and never wider than they are given."""
    return never_wider(plain_label(label, wrap=True, selectable=True))


def _labelled(label: QLabel, field: QWidget) -> QWidget:
    """A label and its field kept together on one line (the field takes the width)."""
    pair = QWidget()
    row = QHBoxLayout(pair)
    row.setContentsMargins(0, 0, 0, 0)
    row.addWidget(label)
    row.addWidget(field, 1)
    return pair


def warm_catalogue() -> int:
    """Load the rules and known issues into their caches (the first analysis then starts at once)."""
    from cre_desk.logs import known_issues

    return len(rules_module.load_rules()) + len(known_issues.load())


def settle_long_lived_objects(_result=None) -> None:
    """Move every object alive now (the app, its modules, the rule catalogue) out of the collector's reach.

    A full collection walks every tracked object while holding the interpreter lock: with the app loaded
    that stalled the window for 70-190 ms in the middle of an analysis. What exists once the catalogue is
    read lives as long as the app, so it is frozen once (``gc.freeze``) and later collections only walk
    what the open tickets and logs create.
    """
    gc.freeze()


class LogWorkbench(QWidget):
    evidence_added = Signal()
    attach_requested = Signal()
    files_dropped = Signal(list)

    def __init__(self, ctx: AppContext, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ticket: TicketDetail | None = None
        self.choices: list[LogChoice] = []
        self.notices: list[str] = []
        self.analysis: analysis_module.Analysis | None = None
        self.rejected_findings: set[str] = set()
        self.accepted_findings: dict[str, tuple[str, ...]] = {}   # rule id -> matched lines, for the reply
        self.marks: list[MarkRecord] = []
        self.generation = 0   # bumped when another ticket is shown: older results are dropped
        # The rule catalogue and the known SDK issues (hundreds of expressions) are read once, off the GUI
        # thread, before the first log needs them: reading them mid-analysis made the window wait.
        run_in_background(warm_catalogue, on_done=settle_long_lived_objects, on_error=lambda _e: None,
                          receiver=self)

        saved = ctx.settings.saved_filters
        self.left = LogPane(self, saved_filters=saved)
        self.right = LogPane(self, saved_filters=saved)
        self.right.hide()

        self.setAcceptDrops(True)
        self.log_combo = QComboBox()
        self.log_combo.setMinimumContentsLength(14)
        self.log_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.log_combo.activated.connect(lambda _i: self._open_left(self.log_combo.currentData()))
        self.compare_combo = QComboBox()
        self.compare_combo.setMinimumContentsLength(14)
        self.compare_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.compare_combo.activated.connect(lambda _i: self._open_right(self.compare_combo.currentData()))
        self.empty = _plain(QLabel(self.tr("No logs attached. Press Attach… or drop log files (.log, .txt, "
                                           ".gz, .zip) here.")))
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.attach_button = QPushButton(self.tr("Attach…"))
        self.attach_button.setToolTip(self.tr("Choose log files or archives to attach (Ctrl+Shift+A); you "
                                              "can also drop them on this tab"))
        self.attach_button.clicked.connect(self.attach_requested)
        self.notice = NoticeLabel()   # what could not be read in the attached files, one line each
        self.notice.hide()

        self.findings = FindingsPanel()
        self.findings.accept_button.clicked.connect(self.accept_current_finding)
        self.findings.reject_button.clicked.connect(self.reject_current_finding)
        self.findings.line_requested.connect(self.left.go_to_line)
        self.marks_panel = MarksPanel(self)
        self.comparison = ComparisonPanel(self.left, self.right)
        self.comparison.line_requested.connect(self.left.go_to_line)

        self.side = QTabWidget()
        self.side.addTab(self.findings, self.tr("Findings"))
        self.side.addTab(self.marks_panel, self.tr("Marks"))
        self.side.addTab(self.comparison, self.tr("Comparison"))
        self.comparison.shown.connect(lambda: self.side.setCurrentWidget(self.comparison))

        # On a narrow window the comparison controls wrap below the log choice instead of widening it.
        top = WrapRow(main=_labelled(QLabel(self.tr("Log")), self.log_combo), main_min=260)
        top.addWidget(_labelled(QLabel(self.tr("Compare with")), self.compare_combo))
        top.addWidget(self.comparison.sync_box)
        top.addWidget(self.attach_button)
        panes = QSplitter(Qt.Orientation.Horizontal)
        panes.addWidget(self.left)
        panes.addWidget(self.right)
        self.split = QSplitter(Qt.Orientation.Vertical)
        self.split.addWidget(panes)
        self.split.addWidget(self.side)
        self.split.setStretchFactor(0, 3)
        self.split.setStretchFactor(1, 1)
        self.split.setSizes([560, 240])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.notice)
        layout.addWidget(self.empty, 1)
        layout.addWidget(self.split, 1)

        marks = self.marks_panel
        self.left.mark_requested.connect(lambda line, text: marks.toggle_mark(self.left, line, text))
        self.right.mark_requested.connect(lambda line, text: marks.toggle_mark(self.right, line, text))
        self.left.evidence_requested.connect(lambda line, text: marks.quote_line(self.left, line, text))
        self.right.evidence_requested.connect(lambda line, text: marks.quote_line(self.right, line, text))
        self.left.align_requested.connect(lambda line: self.comparison.align(left_line=line))
        self.right.align_requested.connect(lambda line: self.comparison.align(right_line=line))
        self.left.top_line_changed.connect(self.comparison.sync_from_left)
        self.left.indexed.connect(self._analyse_left)
        for pane in (self.left, self.right):
            pane.filters_saved.connect(self.ctx.save_settings)
        self.right.indexed.connect(self._compare)
        # A scroll made while the other log was still loading could not reach its lines: once they are
        # all there, it shows the same moment as this one.
        self.right.indexed.connect(lambda: self.comparison.sync_from_left(self.left.top_line() or 0))
        self._show_empty(True)

    # -- loading ----------------------------------------------------------------------------------

    def _show_empty(self, empty: bool) -> None:
        self.empty.setVisible(empty)
        self.split.setVisible(not empty)

    def load(self, ticket: TicketDetail) -> None:
        """Show the ticket's logs (re-opening only when the set of attachments changed)."""
        same_ticket = self.ticket is not None and self.ticket.id == ticket.id
        previous = self.ticket.id if self.ticket is not None and not same_ticket else None
        old_ids = {a.id for a in self.ticket.attachments} if same_ticket else None
        self.ticket = ticket
        if same_ticket and old_ids == {a.id for a in ticket.attachments}:
            return
        if not same_ticket:
            self._forget_ticket()
            if previous is not None:
                # The closed ticket's unpacked archives and transcoded copies are not needed any more.
                self._forget_temp(previous)
        logs, ticket_id = self._logs(ticket.id), ticket.id
        service, attachments = self.ctx.tickets, list(ticket.attachments)
        run_in_background(logs.open, service, attachments,
                          on_done=lambda r: self._on_opened(ticket_id, r.choices, r.notices), receiver=self)

    def focus_search(self) -> bool:
        """Ctrl+F here: the search box of the log that has the focus, else the left one's; False if no log."""
        if not self.split.isVisibleTo(self):
            return False
        focus = QApplication.focusWidget()
        in_right = focus is not None and self.right.isVisibleTo(self) and self.right.isAncestorOf(focus)
        (self.right if in_right else self.left).focus_search()
        return True

    def _forget_ticket(self) -> None:
        """Clear everything shown for the previous ticket: its logs, searches, findings, marks, comparison."""
        self.generation += 1
        self.comparison.forget()
        for pane in (self.left, self.right):
            pane.reset()
        self.right.hide()
        self.choices, self.notices = [], []
        self._show_notices([])
        self.log_combo.clear()
        self.compare_combo.clear()
        self.analysis = None
        self.rejected_findings = set()
        self.accepted_findings = {}
        self.findings.clear()
        self.marks = []
        self.marks_panel.model.clear()
        self.side.setCurrentIndex(0)

    def is_current(self, generation: int) -> bool:
        """Whether a result started at ``generation`` still belongs to the ticket on screen."""
        return generation == self.generation and self.ticket is not None

    def _show_notices(self, notices: list[str]) -> None:
        shown = notices[:MAX_NOTICES]
        if len(notices) > MAX_NOTICES:
            shown.append(self.tr("… and %n more", "", len(notices) - MAX_NOTICES))
        self.notice.set_lines(shown)
        self.notice.setVisible(bool(shown))

    def release_attachment(self, attachment_id: int) -> None:
        """Close the panes showing an attachment about to be removed, and drop its unpacked copies."""
        if isinstance(self.compare_combo.currentData(), LogChoice) and \
                self.compare_combo.currentData().attachment_id == attachment_id:
            self.compare_combo.setCurrentIndex(0)
            self._open_right(None)
        current = self.log_combo.currentData()
        if isinstance(current, LogChoice) and current.attachment_id == attachment_id:
            self.generation += 1   # a log of it still being opened must not appear
            self.left.reset()
            self.analysis = None
            self.findings.clear_findings()
        if self.ticket is not None:
            run_in_background(self._logs(self.ticket.id).release_attachment, attachment_id,
                              on_done=lambda _r: None, receiver=self)

    # -- dropping files ---------------------------------------------------------------------------

    def dragEnterEvent(self, event) -> None:  # noqa: N802 - Qt override
        if event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # noqa: N802 - Qt override
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.files_dropped.emit(paths)

    def _logs(self, ticket_id: int) -> TicketLogs:
        return TicketLogs(self.ctx.paths.ticket_temp_dir(ticket_id))

    def _forget_temp(self, ticket_id: int) -> None:
        run_in_background(self._logs(ticket_id).close, on_done=lambda _r: None, receiver=self)

    def close_logs(self) -> None:
        """Close both logs and drop the open ticket's temporary files (the window is closing)."""
        self.left.close_document()
        self.right.close_document()
        if self.ticket is not None:
            self._logs(self.ticket.id).close()

    def _on_opened(self, ticket_id: int, choices: list[LogChoice], notices: list[str]) -> None:
        if self.ticket is None or self.ticket.id != ticket_id:
            return
        current = self.log_combo.currentData()
        self.choices = choices
        self.notices = notices
        self.log_combo.clear()
        for choice in choices:
            self.log_combo.addItem(choice.name, choice)
        self.compare_combo.clear()
        self.compare_combo.addItem(self.tr("(nothing: one log)"), None)
        for choice in choices:
            self.compare_combo.addItem(choice.name, choice)
        for name, base in sorted(baselines_module.load_baselines().items()):
            self.compare_combo.addItem(self.tr("Known-good: {0}").format(base.title.get(ui_language())),
                                       LogChoice(name, Path(), None, baseline=name))
        self._show_empty(not choices)
        self._show_notices(notices)
        if choices:
            keep = next((i for i, c in enumerate(choices) if current and c.path == current.path), 0)
            self.log_combo.setCurrentIndex(keep)
            if self.left.doc is None or (current is not None and current.path != choices[keep].path):
                self._open_left(choices[keep])
            self.marks_panel.load()

    def open_doc(self, pane: LogPane, choice: LogChoice, on_ready=None) -> None:
        """Open ``choice`` (an attached log or a baseline) in ``pane``, unless another ticket is shown by then."""
        logs = self._logs(self.ticket.id if self.ticket else 0)
        work = logs.work_dir
        generation = self.generation

        def make() -> LogDocument:
            if choice.baseline:
                base = baselines_module.load_baselines()[choice.baseline]
                path = logs.write_baseline(choice.baseline, base.log_text())
                return LogDocument(path, name=base.title.get(ui_language()), work_dir=work)
            return LogDocument(choice.path, name=choice.name, work_dir=work)

        def done(doc: LogDocument) -> None:
            if not self.is_current(generation):
                doc.close()   # made for a ticket no longer shown
                return
            pane.open_document(doc)
            if on_ready:
                on_ready(doc)

        run_in_background(make, on_done=done, receiver=pane)

    def _open_left(self, choice: LogChoice | None) -> None:
        if choice is None:
            return
        self.analysis = None
        self.findings.reading()
        self.open_doc(self.left, choice, on_ready=lambda _d: self.marks_panel.apply())

    def _open_right(self, choice: LogChoice | None) -> None:
        self.comparison.cancel()
        if choice is None:
            self.comparison.clear()
            self.right.close_document()
            self.right.hide()
            return
        self.right.show()
        self.comparison.comparing()
        self.open_doc(self.right, choice)

    def current_choice(self) -> LogChoice | None:
        return self.log_combo.currentData()

    # -- findings ---------------------------------------------------------------------------------

    def _analyse_left(self) -> None:
        doc = self.left.doc
        if doc is None:
            return
        symptom = self.ticket.fields.symptom if self.ticket else None
        choice = self.compare_combo.currentData()
        baseline = choice.baseline if isinstance(choice, LogChoice) else None
        run_in_background(
            lambda progress: analysis_module.analyze(doc, symptom=symptom, baseline=baseline,
                                                     cancel=progress.should_stop),
            on_done=lambda result: self._show_analysis(doc, result),
            on_error=lambda exc: self._on_analysis_failed(exc) if doc is self.left.doc else None,
            on_progress=lambda *_: None, receiver=self)
        if self.right.doc is not None and self.right.doc.ready:
            self._compare()

    def _keep_fingerprint(self, result: analysis_module.Analysis) -> None:
        """Store what this log showed, so later tickets with the same findings find this one."""
        attachment_id = self.attachment_of(self.left)
        if self.ticket is not None and attachment_id is not None:
            self.ctx.run_db(self.ctx.knowledge.record_fingerprint, self.ticket.id, attachment_id,
                            result.to_json(), receiver=self)

    def _on_analysis_failed(self, exc: BaseException) -> None:
        if not isinstance(exc, Cancelled):
            self.findings.failed(exc)

    def _show_analysis(self, doc: LogDocument, result: analysis_module.Analysis) -> None:
        if doc is not self.left.doc:
            return
        self.analysis = result
        self._keep_fingerprint(result)
        self.findings.show_analysis(result, self.rejected_findings)
        self.left.set_findings(rule_scan.findings_by_line(f for f in result.findings if f.polarity != "info"))
        if result.baseline:
            self.comparison.show_milestones(result.baseline)

    def _checklist_targets(self, refs) -> list:
        return checklist_actions.checklist_targets(self.ticket, refs) if self.ticket is not None else []

    def accept_current_finding(self) -> None:
        finding = self.findings.current_finding()
        if finding is None or self.ticket is None:
            return
        log_name = self.left.doc.name if self.left.doc else ""
        plan = checklist_actions.finding_quote(self.ticket, finding, log_name,
                                               missing_line=self.tr("[{0}] Expected line never appears: {1}"))
        if not plan.targets:
            messages.info(self, self.tr("This finding does not point at a cause in this ticket's checklist. "
                                        "Mark its line (Ctrl+M) and quote it where it fits."))
            return
        self.accepted_findings[finding.rule_id] = tuple(finding.lines)
        service, actor = self.ctx.tickets, self.ctx.settings.user_name
        generation = self.generation

        def done(count: int) -> None:
            if self.is_current(generation):
                self.findings.explain.setText(self.tr("Quoted in %n checklist item(s).", "", count))
            self.evidence_added.emit()

        self.ctx.run_db(checklist_actions.accept_finding, service, plan, actor=actor, on_done=done,
                        receiver=self)

    def reject_current_finding(self) -> None:
        finding = self.findings.current_finding()
        if finding is None:
            return
        self.rejected_findings.add(finding.rule_id)
        self.findings.remove_current()

    def attachment_of(self, pane: LogPane) -> int | None:
        """The attachment the log in ``pane`` comes from (None for a baseline)."""
        if pane is self.left:
            choice = self.log_combo.currentData()
        else:
            choice = self.compare_combo.currentData()
        return choice.attachment_id if isinstance(choice, LogChoice) else None

    # -- side by side -----------------------------------------------------------------------------

    def _compare(self) -> None:
        choice = self.compare_combo.currentData()
        self.comparison.compare(choice.baseline if isinstance(choice, LogChoice) else None)

    def shutdown(self) -> None:
        self.left.close_document()
        self.right.close_document()
