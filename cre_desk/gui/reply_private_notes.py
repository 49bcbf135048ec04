"""The private notes a reply would quote, and the engineer's choice of which of them the customer sees.

Checklist evidence and notes on marked log lines are written for colleagues; a draft built from them can
carry them to the customer. This panel lists them beside the preview, ticked unless left out, warns while
the reply quotes any, and remembers what was excluded (saved with the draft). The composer owns the reply;
this object owns the notes and asks the composer to re-draft when a choice changes.

Its texts keep the "ReplyComposer" translation context they were written under; the warnings that count
notes stay in the composer's tr(), the only form in which lupdate keeps them plural.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QStandardItem, QStandardItemModel

from cre_desk.core import replies
from cre_desk.gui.reply_highlights import mark_private_notes

if TYPE_CHECKING:
    from cre_desk.gui.reply_composer import ReplyComposer


class PrivateNotes:
    def __init__(self, composer: ReplyComposer) -> None:
        self.composer = composer
        #: The keys of the notes the engineer left out of the reply (stored beside the draft).
        self.excluded: set[str] = set()
        self.items: tuple[replies.PrivateItem, ...] = ()
        self.model = QStandardItemModel(composer)
        self.model.itemChanged.connect(self._on_item_changed)
        composer.private_list.setModel(self.model)
        composer.private_list.clicked.connect(self._on_list_clicked)
        # Beside the preview, so what will be sent and the private notes in it are read together.
        composer.private_view.hide()
        composer.preview_tab.setSizes([380, 260])
        composer.private_notice.clicked.connect(self._show_list)
        composer.private_notice.hide()

    def fill(self) -> None:
        """List the private notes the draft would quote, ticked unless the engineer excluded them."""
        composer = self.composer
        if composer.ticket is None:
            return
        self.items = replies.private_items(composer.inputs())
        kinds = {"evidence": QCoreApplication.translate("ReplyComposer", "Checklist evidence"),
                 "mark_note": QCoreApplication.translate("ReplyComposer", "Note on a marked line")}
        self.model.blockSignals(True)
        try:
            self.model.clear()
            for item in self.items:
                row = QStandardItem(f"{kinds.get(item.kind, item.kind)} · {item.source}\n{item.text}")
                row.setCheckable(True)
                excluded = item.key in self.excluded
                row.setCheckState(Qt.CheckState.Unchecked if excluded else Qt.CheckState.Checked)
                row.setData(item.key, Qt.ItemDataRole.UserRole)
                row.setToolTip(QCoreApplication.translate(
                    "ReplyComposer", "Ticked: sent to the customer. Unticked: left out of the reply."))
                self.model.appendRow(row)
        finally:
            self.model.blockSignals(False)
        self.composer.say_private()
        self.mark_in_preview()

    def sent_items(self) -> list[replies.PrivateItem]:
        """The private notes the reply as it stands would send (including ones kept in edited text)."""
        text = self.composer.rendered("plain")
        return [item for item in self.items if item.text and item.text in text]

    def mark_in_preview(self) -> None:
        mark_private_notes(self.composer.preview, self.items)

    def _on_list_clicked(self, index) -> None:
        """Scroll the preview to where the note is quoted."""
        preview = self.composer.preview
        item = next((i for i in self.items if i.key == index.data(Qt.ItemDataRole.UserRole)), None)
        lines = [line.strip() for line in item.text.splitlines() if line.strip()] if item else []
        cursor = preview.document().find(lines[0]) if lines else None
        if cursor is not None and not cursor.isNull():
            preview.setTextCursor(cursor)
            preview.ensureCursorVisible()

    def _show_list(self) -> None:
        self.composer.side.setCurrentWidget(self.composer.preview_tab)
        self.composer.private_list.setFocus()

    def _on_item_changed(self, row: QStandardItem) -> None:
        key = row.data(Qt.ItemDataRole.UserRole)
        if row.checkState() == Qt.CheckState.Checked:
            self.excluded.discard(key)
        else:
            self.excluded.add(key)
        # Rebuilt after the click is fully handled: the rebuild refills the list this item belongs to.
        QTimer.singleShot(0, self._on_choice_changed)

    def _on_choice_changed(self) -> None:
        composer = self.composer
        if composer.ticket is None:
            return
        composer.apply_fresh(explicit=False)   # untouched parts are rebuilt without (or with) the note
        self.composer.say_private()
        composer.schedule_save()
