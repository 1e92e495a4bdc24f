"""The 报表 page's controllers: the 报告 tab (summary reports and the white paper as PDF, made
off the GUI thread, then previewed or saved) and the page as a whole (绩效 + 报告)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from sqlalchemy.orm import Session

from app.analytics.periods import Period
from app.controllers.background import run_in_background
from app.controllers.documents_controller import page_image
from app.controllers.kpi_controller import KpiController, period_of
from app.controllers.ticket_bus import TicketBus
from app.documents.pages import PdfPages
from app.models.base import to_local, utcnow
from app.models.db import Database

# render(session, kind, period, now) -> PDF bytes (app.documents.reports.render_report)
ReportRenderer = Callable[[Session, str, Period, dt.datetime], bytes]
_PERIOD_KIND = {"monthly": "month", "quarterly": "quarter", "annual": "year"}
_TITLES = {"monthly": "月度保修工作总结", "quarterly": "季度保修工作总结", "annual": "年度保修白皮书"}


def _render_report(session: Session, kind: str, period: Period, now: dt.datetime) -> bytes:
    # Imported when first used: the report builders pull in matplotlib and ReportLab.
    from app.documents.reports import render_report

    return render_report(session, kind, period, now)


def report_file_name(kind: str, period: Period) -> str:
    """年度保修白皮书-2026年度.pdf — the builders' own naming."""
    from app.documents.reports import default_file_name

    return default_file_name(kind, period)


def report_period(kind: str, year: int, part: int) -> Period:
    return period_of(_PERIOD_KIND[kind], year, part)


def last_complete(kind: str, today: dt.date) -> tuple[int, int]:
    """(year, month or quarter) of the last whole month / quarter / year before `today`."""
    if kind == "monthly":
        return (today.year, today.month - 1) if today.month > 1 else (today.year - 1, 12)
    if kind == "quarterly":
        quarter = (today.month - 1) // 3  # the one before the running quarter
        return (today.year, quarter) if quarter else (today.year - 1, 4)
    return today.year - 1, 1


class ReportController(QObject):
    """Owns the 报告 tab (app.views.reports_page.ReportPanel)."""

    errorOccurred = Signal(str)
    statusMessage = Signal(str)
    rendered = Signal(bytes)  # each report made (previewed or saved)
    previewShown = Signal(object)  # the preview dialog
    saved = Signal(str)  # the path written

    def __init__(self, db: Database, panel, parent: QObject | None = None, *,
                 render: ReportRenderer = _render_report,
                 clock: Callable[[], dt.datetime] = utcnow) -> None:
        super().__init__(parent)
        self.db = db
        self.panel = panel
        self.render = render
        self.clock = clock
        self._busy = False
        self._previews: list[tuple[Any, PdfPages]] = []
        panel.previewRequested.connect(self.preview)
        panel.saveRequested.connect(self.save)
        panel.set_file_namer(lambda kind, year, part: report_file_name(
            kind, report_period(kind, year, part)))

    def start(self) -> None:
        """Offer the last whole month (the report people write at the start of a month)."""
        year, part = last_complete("monthly", to_local(self.clock()).date())
        self.panel.set_selection("monthly", year, part)

    def _job(self, kind: str, period: Period) -> Callable[[], bytes]:
        now = self.clock()

        def work() -> bytes:
            with self.db.sessions() as session:
                return self.render(session, kind, period, now)

        return work

    def _begin(self, kind: str, year: int, part: int) -> Period | None:
        if self._busy:
            self.errorOccurred.emit("上一份报告仍在生成，请稍候。")
            return None
        try:
            period = report_period(kind, year, part)
        except (KeyError, ValueError) as error:
            self.errorOccurred.emit(f"统计期无效：{error}")
            return None
        self._busy = True
        self.panel.show_busy(f"正在生成《{_TITLES[kind]}》……")
        return period

    def preview(self, kind: str, year: int, part: int) -> None:
        """Make the report off the GUI thread, then show it in the print preview."""
        period = self._begin(kind, year, part)
        if period is None:
            return
        name = report_file_name(kind, period)

        def show(pdf: bytes) -> None:
            self._busy = False
            self.rendered.emit(pdf)
            try:
                pages = PdfPages(pdf)
            except Exception as error:  # pypdfium2 refuses a broken file with its own types
                self._failed(error)
                return
            self.panel.show_done(f"已生成《{_TITLES[kind]}》，共 {len(pages.sizes)} 页。")
            dialog = self.panel.show_preview(
                Path(name).stem, pages.sizes, lambda index, dpi: page_image(pages, index, dpi), name)
            dialog.saveRequested.connect(lambda path: self._write(pdf, path))
            dialog.finished.connect(lambda _result: self._close(dialog))
            self._previews.append((dialog, pages))
            self.previewShown.emit(dialog)

        run_in_background(self._job(kind, period), show, self._failed)

    def save(self, kind: str, year: int, part: int, path: str) -> None:
        """Make the report off the GUI thread and write it to `path`."""
        period = self._begin(kind, year, part)
        if period is None:
            return
        render = self._job(kind, period)

        def work() -> bytes:
            pdf = render()
            Path(path).write_bytes(pdf)
            return pdf

        def done(pdf: bytes) -> None:
            self._busy = False
            self.rendered.emit(pdf)
            self.panel.show_done(f"已保存《{_TITLES[kind]}》→ {path}")
            self.statusMessage.emit(f"已保存《{_TITLES[kind]}》→ {path}")
            self.saved.emit(path)

        run_in_background(work, done, self._failed)

    def _write(self, pdf: bytes, path: str) -> None:
        try:
            Path(path).write_bytes(pdf)
        except OSError as error:
            self.errorOccurred.emit(f"无法写入文件 {path}（{error.strerror or error}）")
            return
        self.statusMessage.emit(f"已保存报告 → {path}")
        self.saved.emit(path)

    def _close(self, dialog: Any) -> None:
        for entry in list(self._previews):
            if entry[0] is dialog:
                self._previews.remove(entry)
                entry[1].close()

    def _failed(self, error: Exception) -> None:
        self._busy = False
        if isinstance(error, OSError):
            message = f"无法写入文件（{error.strerror or error}）"
        else:
            message = f"生成报告失败：{error}"
        self.panel.show_done(message)
        self.errorOccurred.emit(message)


class ReportsPageController(QObject):
    """The 报表 page (app.views.reports_page.ReportsPage): its 绩效 and 报告 tabs."""

    errorOccurred = Signal(str)
    statusMessage = Signal(str)

    def __init__(self, db: Database, page, bus: TicketBus, parent: QObject | None = None, *,
                 clock: Callable[[], dt.datetime] = utcnow,
                 render: ReportRenderer = _render_report) -> None:
        super().__init__(parent)
        self.kpi = KpiController(db, page.kpi, bus, self, clock=clock)
        self.reports = ReportController(db, page.report, self, render=render, clock=clock)
        for controller in (self.kpi, self.reports):
            controller.errorOccurred.connect(self.errorOccurred.emit)
            controller.statusMessage.connect(self.statusMessage.emit)

    def start(self) -> None:
        self.kpi.start()
        self.reports.start()
