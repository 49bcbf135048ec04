"""The product-teams table a lead edits from the feedback dashboard.

Teams are the dashboard's rows and the key tickets are tagged with, so editing them is a dialog of its own:
the dashboard only reads back the teams to save and the keys that were removed.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cre_desk.core.feedback import ProductTeam


class TeamsDialog(QDialog):
    """A lead's table of product teams: key, names, and the symptoms, checklist items and words of each."""

    COLUMNS = ("key", "name", "name_ja", "symptoms", "checklist_items", "keywords")

    def __init__(self, teams: list[ProductTeam], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Product teams"))
        self._original = {t.key for t in teams}
        self.table = QTableWidget(0, len(self.COLUMNS))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Key"),
                self.tr("Name"),
                self.tr("Name (Japanese)"),
                self.tr("Symptoms"),
                self.tr("Checklist items"),
                self.tr("Feature words"),
            ]
        )
        self.table.horizontalHeader().setStretchLastSection(True)
        for team in teams:
            self._add_row(team)
        self.table.resizeColumnsToContents()
        add = QPushButton(self.tr("Add team"))
        add.clicked.connect(lambda: self._add_row(ProductTeam(key="", name="")))
        remove = QPushButton(self.tr("Remove team"))
        remove.setToolTip(self.tr("Its tickets keep their kind and become untagged by team"))
        remove.clicked.connect(lambda: self.table.removeRow(self.table.currentRow()))
        note = QLabel(self.tr("Lists are comma-separated. Checklist items match by the start of their key."))
        note.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(add)
        row.addWidget(remove)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(note)
        layout.addLayout(row)
        layout.addWidget(buttons)
        self.resize(980, 420)

    def _add_row(self, team: ProductTeam) -> None:
        r = self.table.rowCount()
        self.table.insertRow(r)
        values = (
            team.key,
            team.name,
            team.name_ja,
            ", ".join(team.symptoms),
            ", ".join(team.checklist_items),
            ", ".join(team.keywords),
        )
        for c, value in enumerate(values):
            item = QTableWidgetItem(value)
            if c == 0 and team.key:
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)  # tickets store the key
            self.table.setItem(r, c, item)

    def teams(self) -> list[ProductTeam]:
        out = []
        for r in range(self.table.rowCount()):
            cells = [_text(self.table.item(r, c)) for c in range(6)]
            if not cells[0].strip() and not cells[1].strip():
                continue

            def split(text: str) -> tuple[str, ...]:
                return tuple(p.strip() for p in text.split(",") if p.strip())

            out.append(
                ProductTeam(
                    key=cells[0] or cells[1],
                    name=cells[1] or cells[0],
                    name_ja=cells[2],
                    symptoms=split(cells[3]),
                    checklist_items=split(cells[4]),
                    keywords=split(cells[5]),
                    position=r,
                )
            )
        return out

    def removed(self) -> list[str]:
        kept = {t.key for t in self.teams()}
        return sorted(self._original - kept)


def _text(item: QTableWidgetItem | None) -> str:
    return item.text() if item is not None else ""
