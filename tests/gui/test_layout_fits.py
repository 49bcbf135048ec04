"""The window fits 1024-1440 pixel laptop screens in English and Japanese: nothing ends off-screen and
the text that matters (log messages, cause names, buttons) keeps its room."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QPoint, Qt
from PySide6.QtGui import QFontMetrics
from ui_steps import open_ticket

from cre_desk.core.tickets import TicketFields
from cre_desk.core.vocabulary import Verdict
from cre_desk.gui import app as gui_app
from cre_desk.gui.formatting import vocab
from cre_desk.gui.log_model import ENTRY_ROLE, TEXT_COLUMN

DEMO = Path(__file__).resolve().parents[2] / "resources" / "demo" / "logs"


@pytest.fixture(params=["en", "ja"])
def language(request, qapp):
    locale = QLocale()
    translators = gui_app.install_translations(qapp, request.param) if request.param != "en" else []
    yield request.param
    for translator in translators:
        qapp.removeTranslator(translator)
    qapp.setProperty("cre_desk_language", "en")
    QLocale.setDefault(locale)


def _ticket(ctx, log: Path | None = None):
    fields = TicketFields(title="Coupon in-app message not shown", customer="株式会社テスト",
                          symptom="iam_not_shown")
    ticket = ctx.tickets.create_ticket(fields, actor="aki")
    if log is not None:
        ctx.tickets.attach_file(ticket.id, log)
    return ticket


def _right_edge(widget, window) -> int:
    return widget.mapTo(window, QPoint(widget.width(), 0)).x()


@pytest.mark.parametrize("size", [(1024, 720), (1280, 800), (1440, 900)])
def test_the_window_takes_a_laptop_screens_size_on_every_tab(qtbot, language, window, ctx, size):
    open_ticket(qtbot, window, _ticket(ctx, DEMO / "braze-android-iam-failing.log").id)
    for tab in range(window.pane.tabs.count()):
        window.show_tab(tab)
        window.resize(*size)
        qtbot.wait(50)
        assert window.minimumSizeHint().width() <= size[0], (tab, window.minimumSizeHint())
        assert (window.width(), window.height()) == size, tab
        assert _right_edge(window.pane.similar, window) <= size[0]


def test_two_logs_side_by_side_keep_their_search_boxes_and_messages(qtbot, language, window, ctx):
    window.resize(1440, 900)
    open_ticket(qtbot, window, _ticket(ctx, DEMO / "braze-android-iam-failing.log").id)
    window.show_tab(3)
    logs = window.pane.logs
    qtbot.waitUntil(lambda: logs.left.doc is not None and logs.left.doc.ready, timeout=10000)
    combo = logs.compare_combo
    target = next(i for i in range(combo.count()) if getattr(combo.itemData(i), "baseline", ""))
    combo.setCurrentIndex(target)
    combo.activated.emit(target)
    qtbot.waitUntil(lambda: logs.right.doc is not None and logs.right.doc.ready, timeout=10000)
    qtbot.wait(100)
    for pane in (logs.left, logs.right):
        assert pane.search_edit.width() >= 160, pane.search_edit.width()
        assert pane.filter_edit.width() >= 160, pane.filter_edit.width()
        assert _right_edge(pane.table, window) <= 1440
        # The message of a compact line starts early enough to show at least 12 characters of it.
        column = pane.table.columnWidth(TEXT_COLUMN)
        delegate = pane.delegate
        index = pane.model.index(0, TEXT_COLUMN)
        pieces = delegate._compact_pieces(index.data(Qt.ItemDataRole.DisplayRole), index.data(ENTRY_ROLE),
                                          delegate._tag_chars(column))
        prefix = "".join(text for text, _kind in pieces[:4])   # time, level, tag, ": "
        message_room = column - 6 - delegate.metrics.horizontalAdvance(prefix)
        assert message_room >= delegate.metrics.horizontalAdvance("0") * 12, (column, prefix)


def _causes(model):
    for area in range(model.rowCount()):
        parent = model.index(area, 0)
        for row in range(model.rowCount(parent)):
            yield model.index(row, 0, parent)


def test_checklist_names_get_the_width_and_verdicts_stay_in_view(qtbot, language, window, ctx):
    window.resize(1280, 800)
    open_ticket(qtbot, window, _ticket(ctx).id)
    window.show_tab(1)
    checklist = window.pane.checklist
    qtbot.wait(50)
    tree = checklist.tree
    # The verdict column is as wide as a verdict, not as an area's progress: the names get the rest.
    bold = tree.font()
    bold.setBold(True)
    widest = max(QFontMetrics(bold).horizontalAdvance(vocab(verdict)) for verdict in Verdict)
    assert tree.columnWidth(1) <= widest + 30, (tree.columnWidth(1), widest)
    assert tree.columnWidth(0) >= tree.viewport().width() * 0.6, (tree.columnWidth(0), tree.columnWidth(1))
    with_log_lines = 0
    for index in _causes(checklist.model):
        assert index.data() in index.data(Qt.ItemDataRole.ToolTipRole)
        tree.setCurrentIndex(index)
        with_log_lines += checklist.patterns.isVisible()
        for button in (*checklist.verdict_buttons.buttons(), checklist.next_button):
            assert not button.visibleRegion().isEmpty(), (index.data(), button.text())
            assert button.mapTo(window, QPoint(0, button.height())).y() <= window.height()
    assert with_log_lines > 0


def test_the_overview_gives_conversation_and_notes_real_width(qtbot, language, window, ctx):
    window.resize(1440, 900)
    open_ticket(qtbot, window, _ticket(ctx).id)
    window.show_tab(0)
    qtbot.wait(50)
    form = window.pane.overview
    assert form.conversation.width() >= 300, form.conversation.width()
    assert form.notes.width() >= 300, form.notes.width()
    customer = form.ui.customer
    assert customer.text() == "株式会社テスト"
    needed = customer.fontMetrics().horizontalAdvance(customer.text()) + 12
    assert customer.width() >= needed, (customer.width(), needed)
    scroll = window.pane.tabs.widget(0)
    assert scroll.horizontalScrollBar().maximum() == 0   # the right-hand column (assignee, tags) is not cut
    assert _right_edge(form.ui.tags, scroll.viewport()) <= scroll.viewport().width()


def test_a_long_title_shows_its_start(qtbot, window, ctx):
    title = ("Coupon in-app message not shown " + "after the second session " * 20)[:500]
    ticket = ctx.tickets.create_ticket(TicketFields(title=title), actor="aki")
    open_ticket(qtbot, window, ticket.id)
    window.show_tab(0)
    assert window.pane.overview.title.text() == title
    assert window.pane.overview.title.cursorPosition() == 0


def test_the_articles_list_says_when_it_is_empty_and_fits_its_headers(qtbot, language, window, ctx):
    window.show_articles()
    articles = window.tool_windows.articles
    qtbot.waitUntil(lambda: articles.list_empty.isVisible(), timeout=5000)
    assert articles.list_model.rowCount() == 0
    assert articles.list_empty.text()
    view = articles.list_view
    header = view.horizontalHeader()
    for column in (0, 2, 3, 4):
        assert view.columnWidth(column) >= header.sectionSizeFromContents(column).width(), column
    assert view.horizontalScrollBar().maximum() == 0
    articles.close()
