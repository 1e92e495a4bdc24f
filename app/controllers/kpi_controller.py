"""Connects the 绩效 page to the KPI queries: load off the GUI thread, follow ticket changes,
export the shown table to Excel."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal
from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError

from app.analytics import periods
from app.analytics.kpi import KPI_DEFINITIONS, KpiTable, kpi_table, kpi_trends
from app.analytics.kpi_workbook import grouping_name, period_name, write_kpi_workbook
from app.analytics.periods import Period
from app.controllers.background import run_in_background
from app.controllers.ticket_bus import TicketBus
from app.models.base import to_local, utcnow
from app.models.db import Database
from app.models.project import Project

# Ticket changes come in bursts (a bulk assignment, a sync): recompute once they settle.
REFRESH_DELAY_MS = 1500


def period_of(kind: str, year: int, part: int) -> Period:
    """The period the chooser shows: a month, a quarter or a year."""
    if kind == "month":
        return periods.month(year, part)
    if kind == "quarter":
        return periods.quarter(year, part)
    return periods.year(year)


class KpiController(QObject):
    """Owns the KPI page (app.views.kpi_page.KpiPage)."""

    errorOccurred = Signal(str)
    statusMessage = Signal(str)
    loaded = Signal(object)  # the KpiTable now on screen (its trends follow)
    trendsLoaded = Signal(object)  # the KpiTable with the trends now on screen
    exported = Signal(str)  # the path of a written workbook

    def __init__(self, db: Database, page, bus: TicketBus, parent: QObject | None = None,
                 clock: Callable[[], dt.datetime] = utcnow) -> None:
        super().__init__(parent)
        self.db = db
        self.page = page
        self.bus = bus
        self.clock = clock
        self.table: KpiTable | None = None
        self._generation = 0
        self._loading = False
        self._stale = True  # nothing loaded yet, or tickets changed since
        self._refresh = QTimer(self)
        self._refresh.setSingleShot(True)
        self._refresh.setInterval(REFRESH_DELAY_MS)
        self._refresh.timeout.connect(self._refresh_if_visible)

        page.optionsChanged.connect(self.load)
        page.trendChanged.connect(self.load_trends)
        page.refreshRequested.connect(self.load)
        page.exportRequested.connect(self.export)
        page.shown.connect(self._on_shown)
        bus.ticketsChanged.connect(self._on_tickets_changed)
        page.destroyed.connect(self._refresh.stop)

    def start(self) -> None:
        """Fill the choosers (this month, all projects); the table loads when first shown."""
        self.page.set_definitions([(d.identifier, d.name, d.unit, d.definition)
                                   for d in KPI_DEFINITIONS])
        self.reload_projects()
        today = to_local(self.clock()).date()
        self.page.set_period("month", today.year, today.month)
        if self.page.isVisible():
            self._on_shown()

    def reload_projects(self) -> None:
        try:
            with self.db.sessions() as session:
                projects = session.execute(select(Project.id, Project.name).order_by(Project.name)).all()
        except SQLAlchemyError as error:
            self.errorOccurred.emit(f"读取项目列表失败：{error}")
            return
        self.page.set_projects([tuple(row) for row in projects])

    # -- loading -----------------------------------------------------------------------------
    def load(self) -> None:
        """Compute the table for the page's choices off the GUI thread, then the trends.

        The rows and totals come first (one set of grouped queries), the sparklines after them
        in a second job, so the numbers are on screen as soon as they are known. The newest
        request wins: a result for older choices is dropped.
        """
        options = self.page.options()
        try:
            period = period_of(options["kind"], options["year"], options["part"])
        except ValueError as error:
            self.page.show_failure(str(error))
            return
        self._generation += 1
        generation = self._generation
        self._loading = True
        self._stale = False
        self.page.show_loading()
        by, project_id = options["by"], options["project_id"]

        def work() -> KpiTable:
            with self.db.sessions() as session:
                return kpi_table(session, period, by, project_id=project_id, trend_kpi=None)

        run_in_background(work, lambda table: self._show(generation, table),
                          lambda error: self._failed(generation, error))

    def _show(self, generation: int, table: KpiTable) -> None:
        if generation != self._generation:
            return  # the user chose again meanwhile: a newer load is coming
        self._loading = False
        self.table = table
        description = f"{period_name(table.period)} · {grouping_name(table.by)} · {table.scope}"
        self.page.show_table(table.rows, table.totals, table.by, description,
                             self._file_name(table))
        self.loaded.emit(table)
        self.load_trends()
        if self._stale:  # tickets changed while computing
            self._refresh.start()

    def load_trends(self) -> None:
        """The trend column for the table on screen and the chosen indicator."""
        table = self.table
        if table is None:
            return
        kpi = self.page.options()["trend_kpi"]
        generation = self._generation
        months = table.trend_months
        window = Period(months[0].first, months[-1].last)
        project_id = self.page.options()["project_id"]

        def work() -> dict:
            with self.db.sessions() as session:
                return kpi_trends(session, window, table.by, kpi, project_id=project_id)

        def show(trends: dict) -> None:
            if generation != self._generation or self.table is None:
                return
            if kpi != self.page.options()["trend_kpi"]:
                return  # another indicator was chosen meanwhile; its trends are coming
            self.table = replace(self.table, trends=trends, trend_kpi=kpi)
            labels = [f"{m.first.year}-{m.first.month:02d}" for m in months]
            self.page.show_trends(trends, kpi, labels)
            self.trendsLoaded.emit(self.table)

        run_in_background(work, show, lambda error: self._failed(generation, error))

    def _failed(self, generation: int, error: Exception) -> None:
        if generation != self._generation:
            return
        self._loading = False
        message = f"计算绩效失败：{error}"
        self.page.show_failure(message)
        self.errorOccurred.emit(message)

    def _on_shown(self) -> None:
        self.reload_projects()  # a project added meanwhile becomes a choice
        if self._stale and not self._loading:
            self.load()

    def _on_tickets_changed(self, _ids: list[Any]) -> None:
        self._stale = True
        self._refresh.start()

    def _refresh_if_visible(self) -> None:
        # A hidden page reloads when it is shown again (see _on_shown).
        if self.page.isVisible() and not self._loading:
            self.load()

    # -- export ------------------------------------------------------------------------------
    @staticmethod
    def _file_name(table: KpiTable) -> str:
        scope = "" if table.scope == "全部项目" else f"-{table.scope}"
        return f"保修绩效-{period_name(table.period)}-{grouping_name(table.by)}{scope}.xlsx"

    def export(self, path: str) -> None:
        """Write the table on screen (the very numbers shown) to `path` off the GUI thread."""
        table = self.table
        if table is None:
            self.errorOccurred.emit("绩效表尚未计算完成，请稍后再导出。")
            return
        now = self.clock()

        def work() -> str:
            return str(write_kpi_workbook(table, path, generated_at=now))

        def done(written: str) -> None:
            self.statusMessage.emit(f"已导出绩效表 → {written}")
            self.exported.emit(written)

        def failed(error: Exception) -> None:
            if isinstance(error, OSError):
                self.errorOccurred.emit(f"无法写入文件 {path}（{error.strerror or error}）")
            else:
                self.errorOccurred.emit(f"导出 Excel 失败：{error}")

        run_in_background(work, done, failed)
