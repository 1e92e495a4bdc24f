"""The 工作台 page as a manager uses it: choose the period, read the charts, click a bar or a
heat-map cell to open exactly its tickets in the 报修单 list, save and copy charts."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QCoreApplication, QPoint, Qt
from PySide6.QtGui import QGuiApplication, QImage
from sqlalchemy import select

from app.analytics import periods
from app.analytics.dashboard import (
    category_pareto,
    drill_down,
    monthly_trend,
    satisfaction_distribution,
)
from app.analytics.kpi import kpi_totals
from app.controllers.dashboard_controller import DashboardController
from app.demo.generator import REFERENCE_NOW
from app.models import Ticket
from app.models.base import to_local
from app.models.ticket_list import count_tickets
from app.views.dashboard_page import DashboardPage

THIS_YEAR = to_local(REFERENCE_NOW).year


def _tr(text: str) -> str:
    return QCoreApplication.translate("DashboardPage", text)


@pytest.fixture
def dashboard(ui, demo_db, qtbot):
    """The dashboard page in the main window, wired as the composition root wires it."""
    page = DashboardPage()
    ui.window.pages.insertWidget(0, page)
    ui.window.pages.setCurrentWidget(page)
    tickets = ui.controller.tickets
    tickets.clock = lambda: REFERENCE_NOW
    controller = DashboardController(demo_db, page, ui.controller.bus, tickets.show_filter,
                                     parent=ui.controller, clock=lambda: REFERENCE_NOW)
    controller.navigate.connect(ui.window.show_page)
    ui.window.resize(1366, 768)
    with qtbot.waitSignal(controller.snapshotShown, timeout=20_000):
        controller.start()
    return controller


def _wait_for_list(qtbot, ui, expected: int) -> None:
    label = ui.controller.tickets.page.count_label
    qtbot.waitUntil(lambda: label.text() == f"共 {expected} 张报修单", timeout=10_000)


def _listed_ids(ui) -> set:
    model = ui.controller.tickets.page.model
    while model.canFetchMore():
        model.fetchMore()
    return {model.row_at(r).id for r in range(model.rowCount())}


def _matching_ids(db, flt) -> set:
    from app.models.ticket_list import matching_ids

    with db.sessions() as session:
        return set(matching_ids(session, flt, limit=100_000, now=REFERENCE_NOW))


def test_shows_this_year_with_every_chart_and_tile(dashboard, demo_db) -> None:
    page = dashboard.page
    snapshot = page.snapshot()
    assert snapshot.period == periods.year(THIS_YEAR)
    assert page.period_label.text() == _tr("Year %1").replace("%1", str(THIS_YEAR))
    with demo_db.sessions() as session:
        totals = kpi_totals(session, snapshot.period.first, snapshot.period.last)
        assert snapshot.trend == monthly_trend(session, snapshot.period)
    assert page.tiles["complaints"].value_label.text() == str(totals.complaints)
    assert page.tiles["on_time_rate"].value_label.text() == f"{totals.on_time_rate * 100:.1f}%"
    assert "按时完工率" in page.tiles["on_time_rate"].toolTip()  # the KPI definition
    for key, chart in page.chart_views().items():
        assert chart.figure.axes, key  # drawn, not left empty
    assert len(page.pareto_chart.keys()) == min(12, len(snapshot.pareto))
    assert page.status_label.text().startswith(page.period_text() + " · " + _tr("All projects"))


def test_previous_period_and_scope_reload_off_the_gui_thread(dashboard, demo_db, qtbot) -> None:
    page = dashboard.page
    with qtbot.waitSignal(dashboard.snapshotShown, timeout=20_000) as shown:
        qtbot.mouseClick(page.previous_button, Qt.MouseButton.LeftButton)
    assert shown.args[0].period == periods.year(THIS_YEAR - 1)
    assert page.period_label.text() == _tr("Year %1").replace("%1", str(THIS_YEAR - 1))

    # Month view of this year's October, then one project: the figures follow the scope.
    with qtbot.waitSignal(dashboard.snapshotShown, timeout=20_000) as shown:
        page.set_period("month", dt.date(THIS_YEAR, 10, 5))
    assert shown.args[0].period == periods.month(THIS_YEAR, 10)
    project_index = next(i for i in range(page.scope_combo.count())
                         if (page.scope_combo.itemData(i) or ("",))[0] == "project")
    with qtbot.waitSignal(dashboard.snapshotShown, timeout=20_000) as shown:
        page.scope_combo.setCurrentIndex(project_index)
    project_id = page.scope_combo.itemData(project_index)[1]
    snapshot = shown.args[0]
    assert snapshot.project_id == project_id
    with demo_db.sessions() as session:
        assert snapshot.pareto == category_pareto(session, periods.month(THIS_YEAR, 10),
                                                  project_id=project_id)
        assert snapshot.satisfaction == satisfaction_distribution(
            session, periods.month(THIS_YEAR, 10), project_id=project_id)


def test_a_newer_request_supersedes_an_older_one(dashboard, qtbot) -> None:
    page = dashboard.page
    shown = []
    dashboard.snapshotShown.connect(shown.append)
    page.set_period("year", dt.date(THIS_YEAR - 1, 1, 1))
    page.set_period("year", dt.date(THIS_YEAR - 2, 1, 1))  # while the first one loads
    qtbot.waitUntil(lambda: bool(shown) and not dashboard.is_loading(), timeout=20_000)
    assert [s.period for s in shown] == [periods.year(THIS_YEAR - 2)]
    assert page.snapshot().period == periods.year(THIS_YEAR - 2)


def test_custom_range(dashboard, qtbot) -> None:
    page = dashboard.page
    with qtbot.waitSignal(dashboard.snapshotShown, timeout=20_000) as shown:
        page.set_period("custom", dt.date(THIS_YEAR, 3, 15), dt.date(THIS_YEAR, 5, 20))
    assert shown.args[0].period == periods.Period(dt.date(THIS_YEAR, 3, 15),
                                                  dt.date(THIS_YEAR, 5, 20))
    assert page.from_edit.isVisible() and not page.previous_button.isVisible()
    assert [m.month.month for m in shown.args[0].trend] == [3, 4, 5]


def test_clicking_a_pareto_bar_lists_its_tickets(dashboard, ui, demo_db, qtbot) -> None:
    page = dashboard.page
    snapshot = page.snapshot()
    top = snapshot.pareto[0]
    chart = page.pareto_chart
    position = chart.element_position(("pareto", top.category_id))
    with qtbot.waitSignal(dashboard.drilledDown, timeout=10_000) as drilled:
        qtbot.mouseClick(chart.canvas, Qt.MouseButton.LeftButton, pos=position)
    flt = drilled.args[0]
    assert ui.window.current_page() == "tickets"
    with demo_db.sessions() as session:
        expected = count_tickets(session, flt, now=REFERENCE_NOW)
        assert flt == drill_down(session, ("pareto", top.category_id), snapshot.period)
    assert expected == top.count > 0
    _wait_for_list(qtbot, ui, expected)
    assert _listed_ids(ui) == _matching_ids(demo_db, flt)
    list_page = ui.controller.tickets.page
    assert top.name in list_page.drill_down_text()
    assert page.period_text() in list_page.drill_down_text()

    # The clerk narrows it further with the list's own filters, then removes the chip.
    list_page.state_combo.setCurrentIndex(1)  # 未结
    narrowed = ui.controller.tickets.current_filter()
    assert narrowed.defect_category_id == top.category_id and narrowed.states
    with demo_db.sessions() as session:
        _wait_for_list(qtbot, ui, count_tickets(session, narrowed, now=REFERENCE_NOW))
    qtbot.mouseClick(list_page.drill_close, Qt.MouseButton.LeftButton)
    assert list_page.drill_down_text() == "" and ui.controller.tickets.drill_down() is None
    assert ui.controller.tickets.current_filter().defect_category_id is None


def _cell_position(chart, row: int, column: int) -> QPoint:
    """The canvas pixel of a heat-map cell's centre, as a user would aim at it."""
    ax = chart.figure.axes[0]
    chart.canvas.draw()
    x, y = ax.transData.transform((column, row))
    ratio = chart.canvas.device_pixel_ratio or 1
    return QPoint(round(x / ratio), round((chart.figure.bbox.height - y) / ratio))


def test_clicking_a_heat_map_cell_lists_that_place(dashboard, ui, demo_db, qtbot) -> None:
    page = dashboard.page
    snapshot = page.snapshot()
    heat = snapshot.heat_maps[page.heat_layout()]
    row, column = max(((i, j) for i in range(len(heat.rows)) for j in range(len(heat.columns))),
                      key=lambda ij: heat.counts[ij[0]][ij[1]])
    with qtbot.waitSignal(dashboard.drilledDown, timeout=10_000) as drilled:
        qtbot.mouseClick(page.heat_chart.canvas, Qt.MouseButton.LeftButton,
                         pos=_cell_position(page.heat_chart, row, column))
    flt, title = drilled.args
    assert flt.location_ids and heat.rows[row].name in title
    _wait_for_list(qtbot, ui, heat.counts[row][column])
    assert _listed_ids(ui) == _matching_ids(demo_db, flt)


def test_heat_map_layout_chooser_redraws(dashboard) -> None:
    page = dashboard.page
    layouts = [page.heat_combo.itemData(i) for i in range(page.heat_combo.count())]
    assert len(layouts) > 1  # the demo has housing, plants, roads and MEP
    page.heat_combo.setCurrentIndex(layouts.index(layouts[-1]))
    shown = page.snapshot().heat_maps[layouts[-1]]
    ax = page.heat_chart.figure.axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()][0].startswith(shown.rows[0].name[:10])


def test_ageing_bar_and_follow_up_tile_list_open_tickets(dashboard, ui, demo_db, qtbot) -> None:
    page = dashboard.page
    snapshot = page.snapshot()
    band = next(b for b in snapshot.open.bands if b.open - b.overdue > 0)
    key = ("ageing", int(band.band), "in_time")  # the blue part: open and not overdue
    with qtbot.waitSignal(dashboard.drilledDown, timeout=10_000):
        qtbot.mouseClick(page.ageing_chart.canvas, Qt.MouseButton.LeftButton,
                         pos=page.ageing_chart.element_position(key))
    _wait_for_list(qtbot, ui, band.open - band.overdue)
    with demo_db.sessions() as session:
        states = {t.state for t in session.scalars(select(Ticket).where(
            Ticket.id.in_(list(_listed_ids(ui)))))}
    assert states and "archived" not in states

    with qtbot.waitSignal(dashboard.drilledDown, timeout=10_000) as drilled:
        qtbot.mouseClick(page.tiles["follow_ups"], Qt.MouseButton.LeftButton)
    assert drilled.args[0].follow_up_overdue
    _wait_for_list(qtbot, ui, snapshot.open.overdue_follow_ups)


def test_distribution_bars_list_late_responses(dashboard, ui, qtbot) -> None:
    page = dashboard.page
    buckets = page.snapshot().response
    index = next(i for i, b in enumerate(buckets) if b.late)
    with qtbot.waitSignal(dashboard.drilledDown, timeout=10_000):
        qtbot.mouseClick(page.response_chart.canvas, Qt.MouseButton.LeftButton,
                         pos=page.response_chart.element_position(("response", index, "late")))
    _wait_for_list(qtbot, ui, buckets[index].late)


def test_save_png_svg_and_copy(dashboard, tmp_path, qtbot) -> None:
    chart = dashboard.page.pareto_chart
    chosen = []

    def choose(caption: str, file_filter: str, suggested: str) -> str:
        chosen.append(suggested)
        return str(tmp_path / suggested.split(".")[0])  # typed without the extension

    chart.file_chooser = choose
    qtbot.mouseClick(chart.png_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(chart.svg_button, Qt.MouseButton.LeftButton)
    png, svg = tmp_path / "pareto.png", tmp_path / "pareto.svg"
    assert chosen == ["pareto.png", "pareto.svg"]
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    image = QImage(str(png))
    assert image.width() > 600 and image.height() > 300
    text = svg.read_text(encoding="utf-8")
    assert "<svg" in text and text.rstrip().endswith("</svg>")

    qtbot.mouseClick(chart.copy_button, Qt.MouseButton.LeftButton)
    copied = QGuiApplication.clipboard().image()
    assert not copied.isNull() and copied.size() == image.size()

    # The same from the right-click menu.
    titles = [action.text() for action in chart.menu.actions()]
    assert titles == [QCoreApplication.translate("ChartView", text) for text in (
        "Save as PNG…", "Save as SVG…", "Copy to clipboard")]
    chart.menu.actions()[0].trigger()
    assert chosen[-1] == "pareto.png"


def test_ticket_changes_refresh_once_after_a_burst(dashboard, demo_db, qtbot) -> None:
    dashboard.set_refresh_delay(50)
    with demo_db.sessions() as session:
        ids = list(session.scalars(select(Ticket.id).limit(3)))
    shown = []
    dashboard.snapshotShown.connect(shown.append)
    for ticket_id in ids:
        dashboard.bus.changed([ticket_id])
    qtbot.waitUntil(lambda: len(shown) == 1, timeout=20_000)
    qtbot.wait(300)
    assert len(shown) == 1
