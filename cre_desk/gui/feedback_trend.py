"""The feedback dashboard's weekly trend: stacked bars per team or kind, anomalies marked on top.

Drawing the chart is pyqtgraph work that needs only the figures and the names to show, not the
dashboard's tables or its period controls, so it lives apart from the view that owns them.
"""

from __future__ import annotations

from collections.abc import Callable

from cre_desk.core.feedback import KIND_ORDER, kind_label
from cre_desk.db.feedback_figures import FeedbackFigures
from cre_desk.gui import theme
from cre_desk.gui.formatting import ui_language

TEAM_COLOURS = ("#2563eb", "#dc2626", "#059669", "#7c3aed", "#d97706", "#0891b2", "#db2777", "#4b5563")


def trend_plot():
    """An empty chart: no menu, no panning, a grid across and room for the legend."""
    import pyqtgraph as pg

    widget = pg.PlotWidget(background=None)
    widget.showGrid(x=False, y=True, alpha=0.25)
    widget.setMenuEnabled(False)
    widget.setMouseEnabled(x=False, y=False)
    widget.addLegend(offset=(-10, 4), colCount=3)
    return widget


def draw_trend(plot, figures: FeedbackFigures | None, by: str, title: str, team_keys: list[str],
               team_name: Callable[[str], str], *, dark: bool) -> None:
    """Redraw ``plot``: weekly tickets stacked ``by`` "team" or "kind", in the teams' fixed order."""
    import pyqtgraph as pg

    plot.clear()
    plot.setTitle(title, color=theme.chart_text_colour(dark), size="10pt")
    if figures is None or not figures.weeks:
        return
    language = ui_language()
    series: dict[str, list[int]] = {}
    for (team, kind), per_week in figures.weekly.items():
        key = team if by == "team" else kind
        values = series.setdefault(key, [0] * len(figures.weeks))
        for n, week in enumerate(figures.weeks):
            values[n] += per_week.get(week, 0)
    # a team (or kind) keeps its colour and place in the stack whatever the period
    fixed = list(team_keys) + [""] if by == "team" else [str(k) for k in KIND_ORDER]
    order = [k for k in fixed if k in series] + sorted(k for k in series if k not in fixed)
    xs = list(range(len(figures.weeks)))
    base = [0] * len(xs)
    for n, key in enumerate(order):
        name = team_name(key) if by == "team" else kind_label(key, language, short=True)
        colour = TEAM_COLOURS[(fixed.index(key) if key in fixed else n) % len(TEAM_COLOURS)]
        bars = pg.BarGraphItem(x=xs, y0=list(base), height=series[key], width=0.75, brush=colour,
                               pen=pg.mkPen(None), name=name)
        plot.addItem(bars)
        base = [b + v for b, v in zip(base, series[key], strict=True)]
    for a in figures.anomalies:
        if a.week in figures.weeks:
            x = figures.weeks.index(a.week)
            marker = pg.ScatterPlotItem([x], [base[x] + 0.7], symbol="t", size=14, brush="#c0262d",
                                        pen=pg.mkPen("#7f1d1d"))
            plot.addItem(marker)
    plot.setYRange(0, max(max(base, default=0), 1) * 1.45 + 1, padding=0)  # room for the legend on top
    step = max(1, len(figures.weeks) // 8)
    plot.getAxis("bottom").setTicks(
        [[(n, w.strftime("%m-%d")) for n, w in enumerate(figures.weeks) if n % step == 0]]
    )
