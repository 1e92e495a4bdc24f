"""`warrantydesk selftest`: open the main window offscreen on a temporary demo store and check
fonts, database and translations. Exit 0, or print what failed and exit 1."""

from __future__ import annotations

import os
import sys
import tempfile
import traceback
from collections.abc import Callable
from pathlib import Path

SELFTEST_TICKETS = 300


def run_selftest() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory(prefix="warrantydesk-selftest-") as folder:
        os.environ["WARRANTYDESK_DATA_DIR"] = folder
        return _run_checks(Path(folder))


def _run_checks(folder: Path) -> int:
    from PySide6.QtCore import QSettings

    failures: list[str] = []
    context: dict = {}

    def check(name: str, step: Callable[[], str]) -> None:
        try:
            detail = step()
        except Exception as error:
            failures.append(name)
            print(f"FAIL  {name}: {error}")
            traceback.print_exc(file=sys.stdout)
        else:
            print(f"ok    {name}: {detail}")

    def database() -> str:
        from sqlalchemy import text

        from app.demo.generator import generate_demo
        from app.models.db import open_database

        db = open_database(folder / "selftest.db", create=True)
        generate_demo(db, tickets=SELFTEST_TICKETS, seed=7)
        with db.sessions() as session:
            integrity = session.execute(text("PRAGMA integrity_check")).scalar()
            journal = session.execute(text("PRAGMA journal_mode")).scalar()
            count = session.execute(text("SELECT count(*) FROM ticket")).scalar()
        if integrity != "ok" or journal != "wal" or count != SELFTEST_TICKETS:
            raise RuntimeError(f"integrity={integrity} journal={journal} tickets={count}")
        context["db"] = db
        return f"{count} demo tickets, integrity ok, WAL"

    def application() -> str:
        from app.gui import prepare_application

        app, language = prepare_application([sys.argv[0]], "zh_CN")
        context["app"] = app
        return f"QApplication on {app.platformName()}, language {language}"

    def translations() -> str:
        from PySide6.QtCore import QCoreApplication

        translated = QCoreApplication.translate("MainWindow", "Tickets")
        if translated != "报修单":
            raise RuntimeError(f"'Tickets' translated as {translated!r}")
        return "Chinese catalogue loaded (Tickets → 报修单)"

    def qt_font() -> str:
        from PySide6.QtGui import QFontInfo, QFontMetrics

        from app.resource_locator import FONT_FAMILY

        app = context["app"]
        family = QFontInfo(app.font()).family()
        metrics = QFontMetrics(app.font())
        if family != FONT_FAMILY or not all(metrics.inFontUcs4(ord(c)) for c in "保修工作台"):
            raise RuntimeError(f"application font is {family!r}")
        return family

    def pdf_font() -> str:
        import io

        from reportlab.pdfgen import canvas

        from app.fonts import register_reportlab_font

        name = register_reportlab_font()
        buffer = io.BytesIO()
        pdf = canvas.Canvas(buffer)
        pdf.setFont(name, 12)
        pdf.drawString(72, 720, "保修完成确认单")
        pdf.save()
        if b"FontFile2" not in buffer.getvalue():
            raise RuntimeError("the CJK font was not embedded")
        return f"ReportLab embeds {name}"

    def printed_form() -> str:
        from sqlalchemy import select

        from app.config import attachments_dir
        from app.documents import render_for_ticket
        from app.documents.pages import PdfPages
        from app.models.attachment_store import AttachmentStore
        from app.models.ticket import Ticket

        db = context["db"]
        with db.transaction() as session:
            ticket = session.scalars(select(Ticket).where(Ticket.state == "archived").limit(1)).first()
            if ticket is None:
                return "no archived demo ticket to print (skipped)"
            document = render_for_ticket(session, AttachmentStore(attachments_dir(db.path)), ticket, "confirmation")
        pages = PdfPages(document.pdf)
        image = pages.render(0, 50)
        if image.width < 100 or b"FontFile2" not in document.pdf:
            raise RuntimeError("the form did not render")
        return f"confirmation form of {ticket.number}: {pages.count} page(s), code {document.code}"

    def chart_font() -> str:
        from matplotlib.figure import Figure

        from app.fonts import configure_matplotlib

        family = configure_matplotlib()
        figure = Figure()
        figure.add_subplot().set_title("报修趋势")
        figure.savefig(folder / "chart.png")
        return f"matplotlib uses {family}"

    def main_window() -> str:
        from app.gui import build_main_ui

        settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
        ui = build_main_ui(context["db"], "zh_CN", settings)
        ui.start()
        context["app"].processEvents()
        from PySide6.QtCore import QThreadPool

        QThreadPool.globalInstance().waitForDone(10_000)
        rows = ui.controller.tickets.model.rowCount()
        if not ui.window.isVisible() or rows == 0:
            raise RuntimeError(f"window visible={ui.window.isVisible()} rows={rows}")
        ui.window.close()
        return f"main window shown, ticket list has {rows} rows loaded"

    def sync_driver() -> str:
        # The shared PostgreSQL needs psycopg's compiled driver: no libpq on Windows desktops.
        import psycopg
        from sqlalchemy.dialects import postgresql  # noqa: F401

        if psycopg.pq.__impl__ != "binary":
            raise RuntimeError(f"psycopg uses its {psycopg.pq.__impl__} implementation")
        return f"psycopg {psycopg.__version__} ({psycopg.pq.__impl__})"

    check("database", database)
    check("sync driver", sync_driver)
    check("application", application)
    if "app" in context:
        check("translations", translations)
        check("Qt font", qt_font)
        check("PDF font", pdf_font)
        check("printed form", printed_form)
        check("chart font", chart_font)
        if "db" in context:
            check("main window", main_window)
    if "db" in context:
        context["db"].close()
    if failures:
        print(f"selftest FAILED: {', '.join(failures)}")
        return 1
    print("selftest passed")
    return 0
