"""The ticket's Logs tab: the customer's log beside a known-good one, findings, marks and comparison.

Attached files are opened through the safe archive reader (a zip of several logs becomes several
logs). The left pane shows the chosen log; the right pane, when used, shows another attached log or a
baseline, scrolled in step by timestamp. Findings and marks turn into checklist evidence.

Signals:
    evidence_added(): checklist evidence changed, so the ticket view should refresh.
    attach_requested(): the user pressed Attach… (the ticket pane asks which files).
    files_dropped(list): local file paths dropped onto the tab, to attach.
"""

from __future__ import annotations

import gc
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QListView,
    QPushButton,
    QSplitter,
    QTabWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from cre_desk.actions import checklist as checklist_actions
from cre_desk.actions.ticket_logs import LogChoice, TicketLogs
from cre_desk.core.tickets import MarkRecord, TicketDetail
from cre_desk.errors import Cancelled
from cre_desk.gui import messages
from cre_desk.gui.context import AppContext
from cre_desk.gui.formatting import plain_label, plain_tooltip, ui_language
from cre_desk.gui.log_pane import LogPane
from cre_desk.gui.notice_labels import NoticeLabel, never_wider
from cre_desk.gui.tasks import Progress, run_in_background
from cre_desk.gui.wrap_row import WrapRow
from cre_desk.gui.wrapping_delegate import wrap_rows
from cre_desk.logs import analysis as analysis_module
from cre_desk.logs import baselines as baselines_module
from cre_desk.logs import findings_wording, rule_scan
from cre_desk.logs import rules as rules_module
from cre_desk.logs.document import LogDocument

FINDING_ROLE = Qt.ItemDataRole.UserRole + 1
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
        self._syncing = False
        self.offset = 0.0      # right time minus left time, set by aligning two lines
        self.aligned = False   # the engineer aligned two lines (else both logs start together)
        self._compare_job: Progress | None = None
        self._generation = 0   # bumped when another ticket is shown: older results are dropped
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
        self.sync_box = QCheckBox(self.tr("Scroll together by time"))
        self.sync_box.setChecked(True)
        self.empty = _plain(QLabel(self.tr("No logs attached. Press Attach… or drop log files (.log, .txt, "
                                           ".gz, .zip) here.")))
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.attach_button = QPushButton(self.tr("Attach…"))
        self.attach_button.setToolTip(self.tr("Choose log files or archives to attach (Ctrl+Shift+A); you "
                                              "can also drop them on this tab"))
        self.attach_button.clicked.connect(self.attach_requested)
        self.notice = NoticeLabel()   # what could not be read in the attached files, one line each
        self.notice.hide()

        # findings panel
        self.facts = _plain(QLabel())
        self.areas = _plain(QLabel())
        self.findings_model = QStandardItemModel(0, 3, self)
        self.findings_model.setHorizontalHeaderLabels([self.tr("Finding"), self.tr("Area"), self.tr("Where")])
        self.findings_view = QTreeView()
        self.findings_view.setModel(self.findings_model)
        self.findings_view.setRootIsDecorated(False)
        self.findings_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.findings_view.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.findings_view.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.findings_view.header().setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.findings_view.header().setStretchLastSection(False)
        self.findings_view.doubleClicked.connect(self._go_to_finding)
        self.findings_view.selectionModel().currentChanged.connect(lambda cur, _p: self._explain(cur))
        self.explain = _plain(QLabel())
        self.accept_button = QPushButton(self.tr("Accept as evidence"))
        self.accept_button.setToolTip(self.tr("Quote the finding's lines in the checklist items it points at "
                                              "and mark them suspected"))
        self.accept_button.clicked.connect(self.accept_current_finding)
        self.reject_button = QPushButton(self.tr("Dismiss"))
        self.reject_button.clicked.connect(self.reject_current_finding)
        findings_tab = QWidget()
        f = QVBoxLayout(findings_tab)
        f.addWidget(self.facts)
        f.addWidget(self.areas)
        f.addWidget(self.findings_view, 1)
        f.addWidget(self.explain)
        buttons = QHBoxLayout()
        buttons.addWidget(self.accept_button)
        buttons.addWidget(self.reject_button)
        buttons.addStretch(1)
        f.addLayout(buttons)

        # marks panel
        self.marks_model = QStandardItemModel(self)
        self.marks_view = QListView()
        self.marks_view.setModel(self.marks_model)
        self.marks_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        wrap_rows(self.marks_view)
        self.marks_view.doubleClicked.connect(self._go_to_mark)
        self.marks: list[MarkRecord] = []
        marks_tab = QWidget()
        m = QVBoxLayout(marks_tab)
        m.addWidget(_plain(QLabel(self.tr("Ctrl+M marks the current line. Double-click a mark to go to it; "
                                          "right-click a line to quote it as checklist evidence."))))
        m.addWidget(self.marks_view, 1)

        # comparison panel
        self.compare_model = QStandardItemModel(self)
        self.compare_view = QTreeView()
        self.compare_view.setModel(self.compare_model)
        self.compare_view.setHeaderHidden(True)
        self.compare_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.compare_view.doubleClicked.connect(self._go_to_milestone)
        self.compare_summary = _plain(QLabel(self._nothing_compared()))
        compare_tab = QWidget()
        c = QVBoxLayout(compare_tab)
        c.addWidget(self.compare_summary)
        c.addWidget(self.compare_view, 1)

        self.side = QTabWidget()
        self.side.addTab(findings_tab, self.tr("Findings"))
        self.side.addTab(marks_tab, self.tr("Marks"))
        self.side.addTab(compare_tab, self.tr("Comparison"))

        # On a narrow window the comparison controls wrap below the log choice instead of widening it.
        top = WrapRow(main=_labelled(QLabel(self.tr("Log")), self.log_combo), main_min=260)
        top.addWidget(_labelled(QLabel(self.tr("Compare with")), self.compare_combo))
        top.addWidget(self.sync_box)
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

        self.left.mark_requested.connect(lambda line, text: self.toggle_mark(self.left, line, text))
        self.right.mark_requested.connect(lambda line, text: self.toggle_mark(self.right, line, text))
        self.left.evidence_requested.connect(lambda line, text: self.quote_line(self.left, line, text))
        self.right.evidence_requested.connect(lambda line, text: self.quote_line(self.right, line, text))
        self.left.align_requested.connect(lambda line: self.align(left_line=line))
        self.right.align_requested.connect(lambda line: self.align(right_line=line))
        self.left.top_line_changed.connect(self._sync_from_left)
        self.left.indexed.connect(self._analyse_left)
        for pane in (self.left, self.right):
            pane.filters_saved.connect(self.ctx.save_settings)
        self.right.indexed.connect(self._compare)
        # A scroll made while the other log was still loading could not reach its lines: once they are
        # all there, it shows the same moment as this one.
        self.right.indexed.connect(lambda: self._sync_from_left(self.left.top_line() or 0))
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

    def _nothing_compared(self) -> str:
        return self.tr("Choose a log or a known-good baseline in “Compare with” to see what is missing.")

    def _forget_ticket(self) -> None:
        """Clear everything shown for the previous ticket: its logs, searches, findings, marks, comparison."""
        self._generation += 1
        self._cancel_comparison()
        for pane in (self.left, self.right):
            pane.reset()
        self.right.hide()
        self.choices, self.notices = [], []
        self._show_notices([])
        self.log_combo.clear()
        self.compare_combo.clear()
        self.offset, self.aligned = 0.0, False
        self.analysis = None
        self.rejected_findings = set()
        self.accepted_findings = {}
        self.findings_model.removeRows(0, self.findings_model.rowCount())
        for label in (self.facts, self.areas, self.explain):
            label.clear()
            label.setToolTip("")
        self.marks = []
        self.marks_model.clear()
        self.compare_model.clear()
        self.compare_summary.setText(self._nothing_compared())
        self.side.setCurrentIndex(0)

    def _current(self, generation: int) -> bool:
        """Whether a result started at ``generation`` still belongs to the ticket on screen."""
        return generation == self._generation and self.ticket is not None

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
            self._generation += 1   # a log of it still being opened must not appear
            self.left.reset()
            self.analysis = None
            self.findings_model.removeRows(0, self.findings_model.rowCount())
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
            self._load_marks()

    def _open_doc(self, pane: LogPane, choice: LogChoice, on_ready=None) -> None:
        logs = self._logs(self.ticket.id if self.ticket else 0)
        work = logs.work_dir
        generation = self._generation

        def make() -> LogDocument:
            if choice.baseline:
                base = baselines_module.load_baselines()[choice.baseline]
                path = logs.write_baseline(choice.baseline, base.log_text())
                return LogDocument(path, name=base.title.get(ui_language()), work_dir=work)
            return LogDocument(choice.path, name=choice.name, work_dir=work)

        def done(doc: LogDocument) -> None:
            if not self._current(generation):
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
        self.findings_model.removeRows(0, self.findings_model.rowCount())
        self.facts.setText(self.tr("Reading the log…"))
        self.areas.clear()
        self.explain.clear()
        self._open_doc(self.left, choice, on_ready=lambda _d: self._apply_marks())

    def _open_right(self, choice: LogChoice | None) -> None:
        self._cancel_comparison()
        self.compare_model.clear()
        if choice is None:
            self.right.close_document()
            self.right.hide()
            self.compare_summary.setText(self._nothing_compared())
            return
        self.right.show()
        self.offset, self.aligned = 0.0, False
        self.compare_summary.setText(self.tr("Comparing…"))
        self._open_doc(self.right, choice)

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
        attachment_id = self._attachment_of(self.left)
        if self.ticket is not None and attachment_id is not None:
            self.ctx.run_db(self.ctx.knowledge.record_fingerprint, self.ticket.id, attachment_id,
                            result.to_json(), receiver=self)

    def _on_analysis_failed(self, exc: BaseException) -> None:
        if not isinstance(exc, Cancelled):
            self.facts.setText(self.tr("The log could not be analysed: {0}").format(exc))

    def _show_analysis(self, doc: LogDocument, result: analysis_module.Analysis) -> None:
        if doc is not self.left.doc:
            return
        self.analysis = result
        self._keep_fingerprint(result)
        language = ui_language()
        facts = [f"{name.replace('_', ' ')}: {', '.join(values[:3])}" for name, values in result.facts.items()]
        vendors = ", ".join(result.vendors)
        self.facts.setText(" · ".join(([self.tr("SDK: {0}").format(vendors)] if vendors else []) + facts)
                           or self.tr("No SDK facts found in this log."))
        if result.suspected_areas:
            from cre_desk.core.vocabulary import Area
            from cre_desk.gui.formatting import vocab

            names = {a.value: a for a in Area}
            ranked = ", ".join(f"{a['area']} {vocab(names[a['area']]) if a['area'] in names else ''}".strip()
                               + (" " + self.tr("(low confidence)") if a.get("confidence") == "low" else "")
                               for a in result.suspected_areas[:3])
            text = self.tr("Suspected areas, strongest first: {0}").format(ranked)
            why = result.suspected_areas[0].get("why") or []
            if why:
                reason = findings_wording.reason_in(result.findings, result.suspected_areas[0], language)
                text += "\n" + self.tr("Why: {0}").format(reason)
            self.areas.setToolTip(plain_tooltip("\n".join(why)) if why else "")
        else:
            text = self.tr("No problem lines found by the rules.")
            self.areas.setToolTip("")
        if result.advice:
            steps = [f"• {step.get(language) or step['en']}" for step in result.advice.get("steps", [])[:2]]
            text += "\n" + self.tr("No decisive line in this log — ask for a verbose log from app start through "
                                   "the problem.") + ("\n" + "\n".join(steps) if steps else "")
        self.areas.setText(text)
        rules_by_id = {r.id: r for r in rules_module.load_rules()}
        self.findings_model.removeRows(0, self.findings_model.rowCount())
        for finding in result.findings:
            if finding.rule_id in self.rejected_findings or (finding.polarity == "info" and not finding.line_nos):
                continue
            rule = rules_by_id.get(finding.rule_id)
            title = rule.meaning.get(language) if rule else findings_wording.title_in(finding, language)
            mark = {"!": "⚠", "+": "✓", "info": "ℹ"}[finding.polarity]
            if finding.missing:
                mark = "✗"
                title = self.tr("Missing: {0}").format(title)
            where = self.tr("never seen") if finding.missing else self.tr("line {0}").format(
                finding.line_nos[0] + 1) + (f" (+{finding.count - 1})" if finding.count > 1 else "")
            first = QStandardItem(f"{mark} {title}")
            first.setData(finding, FINDING_ROLE)
            why = findings_wording.why_in(finding, language)
            first.setToolTip(plain_tooltip(f"{finding.rule_id}: {title}" + (f"\n{why}" if why else "")))
            self.findings_model.appendRow([first, QStandardItem(finding.area or "–"), QStandardItem(where)])
        self.left.set_findings(rule_scan.findings_by_line(f for f in result.findings if f.polarity != "info"))
        if result.baseline:
            self._show_milestones(result.baseline)

    def _finding_at(self, index) -> rules_module.Finding | None:
        if not index.isValid():
            return None
        return self.findings_model.item(index.row(), 0).data(FINDING_ROLE)

    def _explain(self, index) -> None:
        finding = self._finding_at(index)
        if finding is None:
            self.explain.clear()
            return
        rule = next((r for r in rules_module.load_rules() if r.id == finding.rule_id), None)
        language = ui_language()
        text = rule.explain.get(language) if rule else findings_wording.title_in(finding, language)
        if finding.lines:
            text += "\n\n" + "\n".join(finding.lines[:3])
        self.explain.setText(text)

    def _go_to_finding(self, index) -> None:
        finding = self._finding_at(index)
        if finding is not None and finding.line_nos:
            self.left.go_to_line(finding.line_nos[0])

    def _checklist_targets(self, refs) -> list:
        return checklist_actions.checklist_targets(self.ticket, refs) if self.ticket is not None else []

    def accept_current_finding(self) -> None:
        finding = self._finding_at(self.findings_view.currentIndex())
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
        generation = self._generation

        def done(count: int) -> None:
            if self._current(generation):
                self.explain.setText(self.tr("Quoted in %n checklist item(s).", "", count))
            self.evidence_added.emit()

        self.ctx.run_db(checklist_actions.accept_finding, service, plan, actor=actor, on_done=done,
                        receiver=self)

    def reject_current_finding(self) -> None:
        finding = self._finding_at(self.findings_view.currentIndex())
        if finding is None:
            return
        self.rejected_findings.add(finding.rule_id)
        self.findings_model.removeRow(self.findings_view.currentIndex().row())

    # -- marks ------------------------------------------------------------------------------------

    def _load_marks(self) -> None:
        if self.ticket is None:
            return
        ticket_id, generation = self.ticket.id, self._generation
        self.ctx.run_db(self.ctx.tickets.list_marks, ticket_id,
                        on_done=lambda marks: self._on_marks(marks) if self._current(generation) else None,
                        receiver=self)

    def _on_marks(self, marks: list[MarkRecord]) -> None:
        self.marks = marks
        self.marks_model.clear()
        for mark in marks:
            item = QStandardItem(mark.citation())
            item.setToolTip(plain_tooltip(mark.citation()))   # U-1: the quoted line is customer text
            self.marks_model.appendRow(item)
        self._apply_marks()

    def _apply_marks(self) -> None:
        for pane in (self.left, self.right):
            name = pane.doc.name if pane.doc else None
            pane.model.set_marks({m.line_no: m.note for m in self.marks if m.log_name == name})

    def _attachment_of(self, pane: LogPane) -> int | None:
        if pane is self.left:
            choice = self.log_combo.currentData()
        else:
            choice = self.compare_combo.currentData()
        return choice.attachment_id if isinstance(choice, LogChoice) else None

    def toggle_mark(self, pane: LogPane, line: int, text: str) -> None:
        if self.ticket is None or pane.doc is None:
            return
        attachment_id = self._attachment_of(pane)
        if attachment_id is None:
            messages.info(self, self.tr("Marks are kept on the ticket's own logs, not on baselines."))
            return
        name = pane.doc.name
        existing = next((m for m in self.marks if m.log_name == name and m.line_no == line), None)
        service = self.ctx.tickets
        if existing is not None:
            self.ctx.run_db(service.delete_mark, existing.id, on_done=lambda _r: self._load_marks(), receiver=self)
            return
        note, ok = QInputDialog.getText(self, self.tr("Mark line {0}").format(line + 1),
                                        self.tr("Note (optional):"))
        if not ok:
            return
        self.ctx.run_db(service.add_mark, self.ticket.id, attachment_id, line, text, log_name=name, note=note,
                        actor=self.ctx.settings.user_name, on_done=lambda _r: self._load_marks(), receiver=self)

    def _go_to_mark(self, index) -> None:
        if not index.isValid() or index.row() >= len(self.marks):
            return
        mark = self.marks[index.row()]
        for pane in (self.left, self.right):
            if pane.doc is not None and pane.doc.name == mark.log_name:
                pane.go_to_line(mark.line_no)
                return
        for i in range(self.log_combo.count()):
            choice = self.log_combo.itemData(i)
            if choice.name == mark.log_name:
                self.log_combo.setCurrentIndex(i)
                self._open_doc(self.left, choice, on_ready=lambda _d: self.left.go_to_line(mark.line_no))
                return

    def quote_line(self, pane: LogPane, line: int, text: str) -> None:
        """Ask which checklist item the line is evidence for, then append it there."""
        if self.ticket is None or pane.doc is None:
            return
        if not self.ticket.checklist:
            messages.info(self, self.tr("Choose the ticket's symptom first: it gives the ticket its checklist."))
            return
        findings = self.analysis.findings if self.analysis else []
        ordered = checklist_actions.ordered_for_line(self.ticket, findings, line)
        from cre_desk.gui.checklist_texts import texts_for

        texts = texts_for(self.ticket.fields.symptom, ui_language())
        labels = [f"{e.area} · {texts[e.item_key].title if e.item_key in texts else e.title}" for e in ordered]
        label, ok = QInputDialog.getItem(self, self.tr("Quote as evidence"),
                                         self.tr("Which possible cause is line {0} evidence for?").format(line + 1),
                                         labels, 0, False)
        if not ok:
            return
        entry = ordered[labels.index(label)]
        note = next((m.note for m in self.marks if m.log_name == pane.doc.name and m.line_no == line), "")
        self.ctx.run_db(checklist_actions.quote_line, self.ctx.tickets, entry, pane.doc.name, line, text,
                        note=note, actor=self.ctx.settings.user_name, on_done=lambda _e: self.evidence_added.emit(),
                        receiver=self)

    # -- side by side -----------------------------------------------------------------------------

    def align(self, left_line: int | None = None, right_line: int | None = None) -> None:
        """Use the given (or current) lines of both panes as the same moment in time."""
        if self.left.doc is None or self.right.doc is None:
            messages.info(self, self.tr("Open a second log in “Compare with” first."))
            return
        left_line = left_line if left_line is not None else self.left.current_line()
        right_line = right_line if right_line is not None else self.right.current_line()
        if left_line is None or right_line is None:
            messages.info(self, self.tr("Select the matching line in the other log first, then align."))
            return
        lt, rt = self.left.doc.timestamp_of(left_line), self.right.doc.timestamp_of(right_line)
        if lt is None or rt is None:
            messages.info(self, self.tr("One of the two lines has no time stamp, so the logs cannot be aligned."))
            return
        self.offset, self.aligned = rt - lt, True
        self.sync_box.setChecked(True)
        self._sync_from_left(self.left.top_line() or 0)

    def _sync_from_left(self, line: int) -> None:
        if self._syncing or not self.sync_box.isChecked() or self.right.doc is None or not self.right.doc.ready:
            return
        if self.left.doc is None or not self.left.doc.ready:
            return
        ts = self.left.doc.timestamp_of(line)
        if ts is None:
            return
        target = self.right.doc.line_at_or_after(ts + self.offset)
        if target is None:
            return
        self._syncing = True
        try:
            self.right.go_to_line(target, select=False, top=True)
        finally:
            self._syncing = False

    def _compare(self) -> None:
        left, right = self.left.doc, self.right.doc
        if left is None or right is None or not left.ready or not right.ready:
            return
        choice = self.compare_combo.currentData()
        baseline = choice.baseline if isinstance(choice, LogChoice) else None
        if not self.aligned:
            lt = next((t for t in (left.timestamp_of(n) for n in range(min(len(left), 50))) if t), None)
            rt = next((t for t in (right.timestamp_of(n) for n in range(min(len(right), 50))) if t), None)
            if lt is not None and rt is not None:
                self.offset = rt - lt   # start both logs together until the engineer aligns them

        def work(progress):
            result = {}
            if baseline:
                result["baseline"] = analysis_module.compare_with_baseline(left, baseline, cancel=progress.should_stop)
            only_left, only_right = baselines_module.diff_normalized(
                (e.message for e in left.iter_entries(cancel=progress.should_stop)),
                (e.message for e in right.iter_entries(cancel=progress.should_stop)))
            result["only_left"], result["only_right"] = only_left, only_right
            return result

        self._cancel_comparison()
        self._compare_job = run_in_background(
            work,
            on_done=lambda result: self._show_comparison(result) if self._showing(left, right) else None,
            on_error=lambda exc: self._on_compare_failed(exc) if self._showing(left, right) else None,
            on_progress=lambda *_: None, receiver=self)

    def _cancel_comparison(self) -> None:
        if self._compare_job is not None:
            self._compare_job.cancel()
            self._compare_job = None

    def _showing(self, left: LogDocument, right: LogDocument) -> bool:
        """A late result belongs on screen only while the same two logs are still open."""
        return self.left.doc is left and self.right.doc is right

    def _on_compare_failed(self, exc: BaseException) -> None:
        self.compare_summary.setText(self.tr("The two logs could not be compared: {0}").format(
            messages.classify(exc)))

    def _show_comparison(self, result: dict) -> None:
        self.compare_model.clear()
        only_left, only_right = len(result["only_left"]), len(result["only_right"])
        self.compare_summary.setText(
            self.tr("%n kind(s) of line only in this log", "", only_left) + " · "
            + self.tr("%n only in the other log", "", only_right))
        if "baseline" in result:
            self._show_milestones(result["baseline"])
        root = self.compare_model.invisibleRootItem()
        for title, items in ((self.tr("Only in this log (%n)", "", len(result["only_left"])), result["only_left"]),
                             (self.tr("Only in the other log (%n)", "", len(result["only_right"])),
                              result["only_right"])):
            head = QStandardItem(title)
            for text in items[:200]:
                child = QStandardItem(text[:300])
                child.setToolTip(plain_tooltip(text[:2000]))   # U-1: customer log text
                head.appendRow(child)
            root.appendRow(head)
        self.compare_view.expandAll() if self.compare_model.rowCount() < 4 else None
        self.side.setCurrentIndex(2)

    def _show_milestones(self, data: dict) -> None:
        existing = self.compare_model.findItems(self.tr("Milestones"))
        for item in existing:
            self.compare_model.removeRow(item.row())
        head = QStandardItem(self.tr("Milestones"))
        language = ui_language()
        for milestone in data["milestones"]:
            seen = milestone["line"] is not None
            title = milestone["title"][language]
            text = (f"✓ {title} — " + self.tr("line {0}").format(milestone["line"])) if seen else (
                f"✗ {title} — " + self.tr("missing (area {0})").format(milestone["area"]))
            child = QStandardItem(text)
            child.setData(milestone["line"], FINDING_ROLE)
            head.appendRow(child)
        self.compare_model.insertRow(0, head)
        self.compare_view.expand(head.index())
        first = data["first_missing"]
        if first:
            self.compare_summary.setText(self.tr(
                "The first expected step missing from this log is “{0}”: start with checklist area {1}.").format(
                first["title"][language], first["area"]))
        else:
            self.compare_summary.setText(self.tr("Every expected step of the known-good log appears in this log."))

    def _go_to_milestone(self, index) -> None:
        line = index.data(FINDING_ROLE)
        if isinstance(line, int):
            self.left.go_to_line(line - 1)

    def shutdown(self) -> None:
        self.left.close_document()
        self.right.close_document()
