"""The queue as an engineer scans it: titles readable at the window's default size, nothing cut to "…"."""

from __future__ import annotations

from cre_desk.core.tickets import TicketFields

TITLE = "Coupon in-app message is not shown after the first purchase on Android 14"


def _tickets(ctx) -> None:
    for n in range(3):
        ctx.tickets.create_ticket(TicketFields(title=f"{TITLE} #{n}", symptom="iam_not_shown",
                                               customer="Acme Retail Holdings", assignee="aki",
                                               category="troubleshooting"), actor="aki")


def _visible_columns(view) -> dict[str, int]:
    names = view.model.COLUMNS
    return {names[c]: view.table.columnWidth(c) for c in range(len(names)) if not view.table.isColumnHidden(c)}


def test_titles_stay_readable_at_the_default_size_and_short_columns_are_not_cut(qtbot, window, ctx):
    _tickets(ctx)
    window.show()
    qtbot.waitExposed(window)
    view = window.queue
    view.reload()
    qtbot.waitUntil(lambda: view.model.rowCount() == 3)
    metrics = view.table.fontMetrics()
    columns = _visible_columns(view)
    assert columns["title"] >= metrics.horizontalAdvance(TITLE[:24]), columns
    for name in ("status", "due"):
        column = view.model.COLUMNS.index(name)
        assert name in columns and columns[name] >= view.table.sizeHintForColumn(column), (name, columns)
    # A wide window shows every column again, the title still first to grow.
    window.resize(2000, 900)
    window.splitter.setSizes([1100, 900])
    qtbot.waitUntil(lambda: {"customer", "assignee", "age"} <= set(_visible_columns(view)))
    assert _visible_columns(view)["title"] >= metrics.horizontalAdvance(TITLE[:24])
