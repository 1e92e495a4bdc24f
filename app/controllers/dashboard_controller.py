"""Connects the 工作台 page to the dashboard aggregates: loads them off the GUI thread when the
period or scope changes or tickets change, and turns a clicked chart element into the
报修单 list filtered to exactly the tickets it counts."""

from __future__ import annotations

import datetime as dt
import time
import uuid
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError

from app.analytics.dashboard import DashboardSnapshot, dashboard_snapshot, drill_down
from app.analytics.kpi import KPI_DEFINITIONS
from app.analytics.periods import Period, months_of
from app.controllers.background import run_in_background
from app.controllers.ticket_bus import TicketBus
from app.models.base import to_local, utcnow
from app.models.db import Database
from app.models.people import OrgUnit
from app.models.project import Project
from app.models.sla import AGE_BAND_ZH, AgeBand
from app.models.ticket_list import TicketFilter
from app.models.vocabulary import OrgKind

REFRESH_AFTER_CHANGE_MS = 3_000  # ticket changes come in bursts (a bulk assignment, a sync)
TILE_TIPS = {d.identifier: f"{d.name}：{d.definition}" for d in KPI_DEFINITIONS}


class DashboardController(QObject):
    """Owns the dashboard page (app.views.dashboard_page.DashboardPage).

    `navigate(key)` asks the main window to show a page ("tickets" after a drill-down);
    `show_filter(flt, title)` is the ticket list's (TicketListController.show_filter).
    """

    errorOccurred = Signal(str)
    navigate = Signal(str)  # the key of the page to show
    snapshotShown = Signal(object)  # a DashboardSnapshot is on screen
    drilledDown = Signal(object, str)  # the filter and title handed to the ticket list

    def __init__(
        self,
        db: Database,
        page,
        bus: TicketBus,
        show_filter: Callable[[TicketFilter, str], None] | None = None,
        parent: QObject | None = None,
        clock: Callable[[], dt.datetime] = utcnow,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.page = page
        self.bus = bus
        self.show_filter = show_filter
        self.clock = clock  # tests and screenshots pin it
        self._generation = 0  # of the newest request; older results are dropped
        self._running = False
        self._queued = False  # a newer request waits for the running one
        self._stale = False  # tickets changed while the page was hidden
        self._started_at = 0.0
        self._shown_texts = ("", "")  # the period and scope of the snapshot on screen
        self._refresh = QTimer(self)
        self._refresh.setSingleShot(True)
        self._refresh.setInterval(REFRESH_AFTER_CHANGE_MS)
        self._refresh.timeout.connect(self._refresh_after_change)

        page.selectionChanged.connect(self.reload)
        page.refreshRequested.connect(self.reload)
        page.elementClicked.connect(self.open_element)
        bus.ticketsChanged.connect(self._tickets_changed)
        page.installEventFilter(self)
        page.destroyed.connect(self._refresh.stop)

    def start(self) -> None:
        """Fill the scope chooser and start at this year; the figures load when the page shows."""
        try:
            with self.db.sessions() as session:
                projects = session.execute(
                    select(Project.id, Project.name).order_by(Project.code)).all()
                departments = session.execute(
                    select(OrgUnit.id, OrgUnit.name)
                    .where(OrgUnit.kind == OrgKind.PROJECT_DEPT.value).order_by(OrgUnit.name)
                ).all()
        except SQLAlchemyError as error:
            self._report(error)
            projects, departments = [], []
        self.page.set_scopes([tuple(d) for d in departments], [tuple(p) for p in projects])
        self.page.set_tile_tips(TILE_TIPS)
        self.page.set_today(to_local(self.clock()).date())
        if self.page.isVisible():
            self.reload()
        else:
            self._stale = True  # the app opens on the ticket list: read a year when first shown

    # -- loading -------------------------------------------------------------------------------
    def selection(self) -> tuple[Period, uuid.UUID | None, uuid.UUID | None]:
        first, last = self.page.period_range()
        scope = self.page.scope()
        project_id = scope[1] if scope and scope[0] == "project" else None
        department_id = scope[1] if scope and scope[0] == "department" else None
        return Period(first, last), project_id, department_id

    def reload(self) -> None:
        """Load the figures for what the page shows; a newer request supersedes this one."""
        self._generation += 1
        self.page.show_loading()
        if self._running:
            self._queued = True  # one query at a time: it starts when the running one ends
            return
        self._start_load()

    def _start_load(self) -> None:
        self._running, self._queued = True, False
        generation = self._generation
        period, project_id, department_id = self.selection()
        texts = (self.page.period_text(), self.page.scope_text())
        now, db = self.clock(), self.db
        self._started_at = time.perf_counter()

        def work() -> DashboardSnapshot:
            with db.sessions() as session:
                return dashboard_snapshot(session, period, project_id, department_id, now)

        def done(snapshot: DashboardSnapshot) -> None:
            self._finished()
            if generation == self._generation:
                self._shown_texts = texts
                self._show(snapshot)

        def failed(error: Exception) -> None:
            self._finished()
            if generation == self._generation:
                self.page.show_status("")
                self._report(error)

        run_in_background(work, done, failed)

    def _finished(self) -> None:
        self._running = False
        if self._queued:
            self._start_load()

    def _show(self, snapshot: DashboardSnapshot) -> None:
        self.page.show_snapshot(snapshot)
        seconds = time.perf_counter() - self._started_at
        shown = to_local(snapshot.now).strftime("%H:%M")
        period_text, scope_text = self._shown_texts
        self.page.show_status(self.tr("%1 · %2 · updated at %3 (%4 s)")
                              .replace("%1", period_text).replace("%2", scope_text)
                              .replace("%3", shown).replace("%4", f"{seconds:.1f}"))
        self.snapshotShown.emit(snapshot)

    def set_refresh_delay(self, milliseconds: int) -> None:
        """How long after the last ticket change the figures are read again."""
        self._refresh.setInterval(milliseconds)

    def is_loading(self) -> bool:
        return self._running

    # -- live changes ----------------------------------------------------------------------------
    def _tickets_changed(self, _ticket_ids: list) -> None:
        self._refresh.start()  # restarts: one reload after the burst

    def _refresh_after_change(self) -> None:
        if self.page.isVisible():
            self.reload()
        else:
            self._stale = True  # nobody looks: reload when the page is shown

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if watched is self.page and event.type() == QEvent.Type.Show and self._stale:
            self._stale = False
            self.reload()
        return False

    # -- drill-down ------------------------------------------------------------------------------
    def open_element(self, key: Any) -> None:
        """Open the ticket list filtered to what a chart element counts (the shown snapshot)."""
        snapshot = self.page.snapshot()
        if snapshot is None:
            return
        db = self.db
        title = self.element_title(snapshot, key)

        def work() -> TicketFilter:
            with db.sessions() as session:
                return drill_down(session, key, snapshot.period, project_id=snapshot.project_id,
                                  department_id=snapshot.department_id)

        def done(flt: TicketFilter) -> None:
            if self.show_filter is not None:
                self.show_filter(flt, title)
            self.drilledDown.emit(flt, title)
            self.navigate.emit("tickets")

        run_in_background(work, done, self._report)

    def element_title(self, snapshot: DashboardSnapshot, key: tuple) -> str:
        """What the drill-down chip says: the element, the period and the scope."""
        chart = key[0]
        period_text, scope_text = self._shown_texts
        what = ""
        if chart == "pareto":
            what = next((b.name for b in snapshot.pareto if b.category_id == key[1]), "")
        elif chart == "trend":
            month = months_of(snapshot.period)[int(key[2])].first
            year = month.year - 1 if key[1].endswith("_before") else month.year
            series = (self.tr("received") if key[1].startswith("received")
                      else self.tr("closed"))
            what = (self.tr("%1-%2 %3").replace("%1", str(year))
                    .replace("%2", f"{month.month:02d}").replace("%3", series))
        elif chart == "heat":
            heat = snapshot.heat_maps.get(key[1])
            row = next((r.name for r in heat.rows if r.location_id == key[2]), "") if heat else ""
            column = next((c.label for c in heat.columns if c.key == key[3]), "") if heat else ""
            what = f"{row} · {column}" if key[3] != "*" else row
        elif chart in ("response", "repair"):
            buckets = snapshot.response if chart == "response" else snapshot.repair
            part = {"met": self.tr("within the SLA"), "late": self.tr("late")}.get(key[2], "")
            name = self.tr("response") if chart == "response" else self.tr("repair")
            what = f"{name} {buckets[int(key[1])].label} {part}".strip()
        elif chart == "satisfaction":
            what = (self.tr("score %1").replace("%1", str(key[1])) if key[1]
                    else self.tr("no score"))
        elif chart == "ageing":
            band = AGE_BAND_ZH[AgeBand(int(key[1]))]
            what = {
                "overdue": self.tr("open %1, overdue"), "in_time": self.tr("open %1, not overdue"),
            }.get(key[2], self.tr("open %1")).replace("%1", band)
            return f"{what} · {scope_text}"
        elif chart == "follow_ups":
            return f"{self.tr('overdue follow-ups')} · {scope_text}"
        return f"{what} · {period_text} · {scope_text}"

    def _report(self, error: Exception) -> None:
        self.errorOccurred.emit(
            self.tr("The dashboard could not be read: %1").replace("%1", str(error)))
