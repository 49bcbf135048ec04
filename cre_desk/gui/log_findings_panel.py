"""The Logs tab's Findings panel: what the analysis of the left log concluded, worded in the UI's language.

The analysis itself is made once, in English, by ``logs.analysis``; this panel shows its facts, suspected
areas and findings in the UI's language (rules' own labels, shipped texts of generic findings) and explains
the one selected. What happens to a finding (accepting it as checklist evidence) is the Logs tab's business.
This is part of the Logs tab's view, so its texts keep that view's translation context ("LogWorkbench",
where they are translated): they are written as ``QCoreApplication.translate`` calls.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from cre_desk.gui.formatting import plain_label, plain_tooltip, ui_language
from cre_desk.gui.notice_labels import never_wider
from cre_desk.logs import analysis as analysis_module
from cre_desk.logs import findings_wording
from cre_desk.logs import rules as rules_module

FINDING_ROLE = Qt.ItemDataRole.UserRole + 1


def _plain(label: QLabel) -> QLabel:
    """Labels here show customer or log text: always literal, wrapped, and never wider than they are given."""
    return never_wider(plain_label(label, wrap=True, selectable=True))


class FindingsPanel(QWidget):
    """Facts, suspected areas and findings of one analysis; Accept and Dismiss act on the selected finding."""

    line_requested = Signal(int)   # 0-based line of the left log a finding points at

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.facts = _plain(QLabel())
        self.areas = _plain(QLabel())
        self.model = QStandardItemModel(0, 3, self)
        self.model.setHorizontalHeaderLabels([QCoreApplication.translate("LogWorkbench", "Finding"),
                                              QCoreApplication.translate("LogWorkbench", "Area"),
                                              QCoreApplication.translate("LogWorkbench", "Where")])
        self.view = QTreeView()
        self.view.setModel(self.model)
        self.view.setRootIsDecorated(False)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.view.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.view.header().setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.view.header().setStretchLastSection(False)
        self.view.doubleClicked.connect(self.go_to_finding)
        self.view.selectionModel().currentChanged.connect(lambda cur, _p: self._explain(cur))
        self.explain = _plain(QLabel())
        self.accept_button = QPushButton(QCoreApplication.translate("LogWorkbench", "Accept as evidence"))
        self.accept_button.setToolTip(QCoreApplication.translate(
            "LogWorkbench", "Quote the finding's lines in the checklist items it points at "
                            "and mark them suspected"))
        self.reject_button = QPushButton(QCoreApplication.translate("LogWorkbench", "Dismiss"))
        f = QVBoxLayout(self)
        f.addWidget(self.facts)
        f.addWidget(self.areas)
        f.addWidget(self.view, 1)
        f.addWidget(self.explain)
        buttons = QHBoxLayout()
        buttons.addWidget(self.accept_button)
        buttons.addWidget(self.reject_button)
        buttons.addStretch(1)
        f.addLayout(buttons)

    def clear_findings(self) -> None:
        self.model.removeRows(0, self.model.rowCount())

    def clear(self) -> None:
        """Nothing analysed: no findings and no text (nor tooltips) in the labels."""
        self.clear_findings()
        for label in (self.facts, self.areas, self.explain):
            label.clear()
            label.setToolTip("")

    def reading(self) -> None:
        """A log is being opened: the old findings go while it is read."""
        self.clear_findings()
        self.facts.setText(QCoreApplication.translate("LogWorkbench", "Reading the log…"))
        self.areas.clear()
        self.explain.clear()

    def failed(self, exc: BaseException) -> None:
        self.facts.setText(QCoreApplication.translate("LogWorkbench", "The log could not be analysed: {0}")
                           .format(exc))

    def show_analysis(self, result: analysis_module.Analysis, dismissed: set[str]) -> None:
        """The analysis in the UI's language, leaving out the findings the engineer dismissed."""
        language = ui_language()
        facts = [f"{name.replace('_', ' ')}: {', '.join(values[:3])}"
                 for name, values in result.facts.items()]
        vendors = ", ".join(result.vendors)
        sdk = [QCoreApplication.translate("LogWorkbench", "SDK: {0}").format(vendors)] if vendors else []
        self.facts.setText(" · ".join(sdk + facts)
                           or QCoreApplication.translate("LogWorkbench", "No SDK facts found in this log."))
        if result.suspected_areas:
            from cre_desk.core.vocabulary import Area
            from cre_desk.gui.formatting import vocab

            names = {a.value: a for a in Area}
            low = QCoreApplication.translate("LogWorkbench", "(low confidence)")
            ranked = ", ".join(f"{a['area']} {vocab(names[a['area']]) if a['area'] in names else ''}".strip()
                               + (" " + low if a.get("confidence") == "low" else "")
                               for a in result.suspected_areas[:3])
            text = QCoreApplication.translate("LogWorkbench", "Suspected areas, strongest first: {0}").format(
                ranked)
            why = result.suspected_areas[0].get("why") or []
            if why:
                reason = findings_wording.reason_in(result.findings, result.suspected_areas[0], language)
                text += "\n" + QCoreApplication.translate("LogWorkbench", "Why: {0}").format(reason)
            self.areas.setToolTip(plain_tooltip("\n".join(why)) if why else "")
        else:
            text = QCoreApplication.translate("LogWorkbench", "No problem lines found by the rules.")
            self.areas.setToolTip("")
        if result.advice:
            steps = [f"• {step.get(language) or step['en']}" for step in result.advice.get("steps", [])[:2]]
            text += "\n" + QCoreApplication.translate(
                "LogWorkbench",
                "No decisive line in this log — ask for a verbose log from app start through the problem.",
            ) + ("\n" + "\n".join(steps) if steps else "")
        self.areas.setText(text)
        rules_by_id = {r.id: r for r in rules_module.load_rules()}
        self.clear_findings()
        for finding in result.findings:
            if finding.rule_id in dismissed or (finding.polarity == "info" and not finding.line_nos):
                continue
            rule = rules_by_id.get(finding.rule_id)
            title = rule.meaning.get(language) if rule else findings_wording.title_in(finding, language)
            mark = {"!": "⚠", "+": "✓", "info": "ℹ"}[finding.polarity]
            if finding.missing:
                mark = "✗"
                title = QCoreApplication.translate("LogWorkbench", "Missing: {0}").format(title)
            where = QCoreApplication.translate("LogWorkbench", "never seen") if finding.missing else (
                QCoreApplication.translate("LogWorkbench", "line {0}").format(finding.line_nos[0] + 1)
                + (f" (+{finding.count - 1})" if finding.count > 1 else ""))
            first = QStandardItem(f"{mark} {title}")
            first.setData(finding, FINDING_ROLE)
            why = findings_wording.why_in(finding, language)
            first.setToolTip(plain_tooltip(f"{finding.rule_id}: {title}" + (f"\n{why}" if why else "")))
            self.model.appendRow([first, QStandardItem(finding.area or "–"), QStandardItem(where)])

    def finding_at(self, index) -> rules_module.Finding | None:
        if not index.isValid():
            return None
        return self.model.item(index.row(), 0).data(FINDING_ROLE)

    def current_finding(self) -> rules_module.Finding | None:
        return self.finding_at(self.view.currentIndex())

    def remove_current(self) -> None:
        self.model.removeRow(self.view.currentIndex().row())

    def _explain(self, index) -> None:
        finding = self.finding_at(index)
        if finding is None:
            self.explain.clear()
            return
        rule = next((r for r in rules_module.load_rules() if r.id == finding.rule_id), None)
        language = ui_language()
        text = rule.explain.get(language) if rule else findings_wording.title_in(finding, language)
        if finding.lines:
            text += "\n\n" + "\n".join(finding.lines[:3])
        self.explain.setText(text)

    def go_to_finding(self, index) -> None:
        finding = self.finding_at(index)
        if finding is not None and finding.line_nos:
            self.line_requested.emit(finding.line_nos[0])
