"""The Japanese UI has no English left in the places people look: priorities, time units, the
dashboard's columns and Qt's own file dialog."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QFileDialog, QLabel, QTreeView

from cre_desk.gui import app as gui_app


@pytest.fixture
def japanese(qapp):
    locale = QLocale()
    translators = gui_app.install_translations(qapp, "ja")
    yield translators
    for translator in translators:
        qapp.removeTranslator(translator)
    qapp.setProperty("cre_desk_language", "en")
    QLocale.setDefault(locale)


def test_priorities_are_japanese(qtbot, japanese):
    from cre_desk.gui.overview_form import OverviewForm

    form = OverviewForm()
    qtbot.addWidget(form)
    labels = [form.ui.priority.itemText(i) for i in range(form.ui.priority.count())]
    assert labels == ["低", "通常", "高", "緊急"]
    values = [form.ui.priority.itemData(i) for i in range(form.ui.priority.count())]
    assert values == ["low", "normal", "high", "urgent"]


def test_time_units_are_japanese(japanese):
    from cre_desk.core import timers
    from cre_desk.gui.formatting import age, due_text

    now = datetime(2026, 11, 20, 12, tzinfo=UTC)
    assert age(now - timedelta(days=2, hours=20), now) == "2日 20時間"
    assert age(now - timedelta(hours=2, minutes=5), now) == "2時間 05分"
    assert age(now - timedelta(minutes=12), now) == "12分"
    assert due_text(timers.Due(timers.ON_TRACK, left_business_s=22.5 * 3600)) == "あと 22.5 時間"
    assert due_text(timers.Due(timers.BREACHED, left_business_s=-3 * 3600)) == "3.0 時間超過"


def test_qt_file_dialog_is_japanese(qtbot, japanese, tmp_path):
    (tmp_path / "logs").mkdir()
    (tmp_path / "report.csv").write_text("x")
    assert QLocale().language() == QLocale.Language.Japanese
    dialog = QFileDialog(None, "保存", str(tmp_path), "CSV (*.csv)")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    qtbot.addWidget(dialog)
    dialog.show()
    labels = [label.text() for label in dialog.findChildren(QLabel) if label.text()]
    assert labels and all(not any(c.isascii() and c.isalpha() for c in text.replace("&", "").split("(")[0])
                          for text in labels), labels
    view = dialog.findChild(QTreeView)
    model = view.model()
    qtbot.waitUntil(lambda: model.rowCount(view.rootIndex()) == 2)
    types = {model.index(r, 0, view.rootIndex()).data(): model.index(r, 2, view.rootIndex()).data()
             for r in range(2)}
    assert types["logs"] == "フォルダ"
    assert "File" not in types["report.csv"] and "document" not in types["report.csv"].lower()


def test_dashboard_columns_fit_their_japanese_text(qtbot, japanese, ctx):
    from cre_desk.core.tickets import TicketFields
    from cre_desk.gui.dashboard import DashboardView

    svc = ctx.tickets
    now = svc.clock()
    for n in range(2):
        fields = TicketFields(title=f"Resolved {n}", category="troubleshooting", assignee="佐藤 亜紀")
        t = svc.create_ticket(fields, created_at=now - timedelta(days=10))
        svc.change_status(t.id, "solved", at=now - timedelta(days=9))
    svc.create_ticket(TicketFields(title="Push still failing", category="troubleshooting", assignee="伊藤"),
                      created_at=now - timedelta(days=20))
    board = DashboardView(ctx)
    qtbot.addWidget(board)
    board.resize(1200, 820)
    board.show()
    board.refresh()
    qtbot.waitUntil(lambda: board.report is not None and board.report.resolved == 2, timeout=10000)
    qtbot.waitUntil(lambda: board.risk_model.rowCount() == 1)
    for view in board._tables():
        model, header = view.model(), view.horizontalHeader()
        if view.isVisible():
            sizes = [header.sectionSize(c) for c in range(model.columnCount())]
            assert view.horizontalScrollBar().maximum() == 0, ("every column in view without scrolling",
                                                               sizes, view.viewport().width(), board.width())
        for column in range(model.columnCount()):
            last = column == model.columnCount() - 1
            if header.sectionResizeMode(column) == header.ResizeMode.Stretch or last:
                continue
            texts = [model.index(r, column).data(Qt.ItemDataRole.DisplayRole)
                     for r in range(model.rowCount())]
            widest = max([view.fontMetrics().horizontalAdvance(str(t)) for t in texts if t is not None] + [0])
            assert header.sectionSize(column) >= widest, (model.headerData(column, Qt.Orientation.Horizontal),
                                                          header.sectionSize(column), widest)


def test_the_save_conflict_dialog_names_fields_and_values_in_japanese(japanese):
    from cre_desk.core.tickets import TicketFields
    from cre_desk.gui.conflict_dialog import describe_differences

    mine = TicketFields(title="A", priority="high", category="bug")
    theirs = TicketFields(title="B", priority="normal", category="troubleshooting")
    text = describe_differences(mine, theirs)
    assert "■ 件名" in text and "■ 優先度" in text and "■ 区分" in text
    assert "高" in text and "通常" in text and "不具合" in text and "トラブルシューティング" in text
    assert "Yours" not in text and "Theirs" not in text and "normal" not in text


def test_designer_forms_and_the_checklist_heading_are_japanese(qtbot, japanese):
    from cre_desk.gui.checklist_texts import scoping_text
    from cre_desk.gui.damaged_dialog import DamagedDatabaseDialog
    from cre_desk.gui.new_ticket_dialog import NewTicketDialog

    dialog = NewTicketDialog()
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "新規チケット" and dialog.ui.title_label.text() == "件名"
    damaged = DamagedDatabaseDialog("disk I/O error", None)
    qtbot.addWidget(damaged)
    assert damaged.windowTitle() == "データベースの破損"
    explanation = damaged.ui.explanation.text()
    assert explanation.startswith("CRE Desk のデータベースファイルが破損しています: disk I/O error。")
    scoping_text.cache_clear()
    assert scoping_text("iam_not_shown", "ja").startswith("まず範囲を絞り込みます:\n• ")
    scoping_text.cache_clear()
