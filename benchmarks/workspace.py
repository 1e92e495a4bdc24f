"""Ticket workspace figures: opening a ticket with 50 events and 20 photos, and how long the GUI
thread stalls while a clerk types in the intake form. Run alone: `python -m benchmarks.workspace`.
"""

from __future__ import annotations

import datetime as dt
import os
import statistics
import time
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from app.config import attachments_dir
from app.controllers.current_user import CurrentUser
from app.controllers.ticket_bus import TicketBus
from app.controllers.ticket_windows import TicketViews, TicketWindows
from app.models.attachment_store import AttachmentStore
from app.models.db import open_database
from app.models.location import Location
from app.models.project import Project
from app.models.ticket_actions import add_comment, attach_file, register_ticket
from app.models.vocabulary import PhotoStage
from app.models.workflow import Intake
from app.views.intake_dialog import IntakeDialog
from app.views.stage_forms import ticket_forms
from app.views.ticket_detail_window import TicketDetailWindow
from benchmarks.gallery import _StallMeter, make_photos
from benchmarks.report import pad

EVENTS = 50
OPEN_TARGET_MS = 300.0
STALL_TARGET_MS = 50.0
REPEAT = 5
TYPED = "卫生间顶棚渗水滴到地板上已经两天了业主很着急请尽快安排师傅上门查看处理谢谢"


def _store(folder: Path):
    from app.demo.generator import generate_demo

    path = folder / "workspace" / "demo.db"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        db = open_database(path, create=True)
        generate_demo(db, tickets=2000, seed=5)
        return db
    return open_database(path)


def _busy_ticket(db, photos: list[Path], actor_id) -> object:
    """A ticket with 20 photos and (with the comments) 50 events."""
    store = AttachmentStore(attachments_dir(db.path))
    with db.transaction() as session:
        from app.models.people import Staff

        actor = session.get(Staff, actor_id)
        room = session.scalars(select(Location).join(Project, Project.id == Location.project_id)
                               .where(Location.kind == "room").order_by(Project.handover_date.desc())).first()
        ticket = register_ticket(session, actor, Intake(
            project_id=room.project_id, channel="hotline", description="卫生间顶棚渗水",
            reporter_name="王女士", reporter_phone="13800138000", location_id=room.id,
        ))
        for n, path in enumerate(photos):
            attach_file(session, store, ticket, actor, data=path.read_bytes(), original_name=path.name,
                        mime_type="image/jpeg", stage=(PhotoStage.BEFORE, PhotoStage.DURING, PhotoStage.AFTER)[n % 3])
        session.flush()
        count = len(ticket.events)
        for n in range(max(0, EVENTS - count)):
            add_comment(session, ticket, actor, f"第{n + 1}次电话沟通：业主反映情况，已记录",
                        now=dt.datetime(2026, 11, 24, 8, 0) + dt.timedelta(minutes=n))
        return ticket.id


def _open_times(app: QApplication, windows: TicketWindows, ticket_id) -> list[float]:
    times = []
    for _ in range(REPEAT):
        windows.thumbnails.cache.clear()
        start = time.perf_counter()
        window = windows.open(ticket_id)
        window.repaint()
        app.processEvents()
        times.append((time.perf_counter() - start) * 1000)
        windows.thumbnails.wait_for_done()
        app.processEvents()
        window._allow_close = True
        window.close()
        app.processEvents()
    return times


def _typing_stall(app: QApplication, windows: TicketWindows) -> tuple[float, float]:
    """(longest event-loop stall, slowest keystroke) in ms while typing at ~25 keys a second."""
    dialog = windows.new_ticket()
    dialog.project.widget.setCurrentIndex(1)
    app.processEvents()
    meter = _StallMeter()
    meter.start()
    slowest = 0.0

    def key(widget, text: str) -> None:
        nonlocal slowest
        event = QInputMethodEvent("", [])
        event.setCommitString(text)
        start = time.perf_counter()
        widget.setFocus()
        QApplication.sendEvent(widget, event)
        if widget is dialog.location_edit:
            widget.textEdited.emit(widget.text())
        app.processEvents()
        slowest = max(slowest, (time.perf_counter() - start) * 1000)
        end = time.perf_counter() + 0.04
        while time.perf_counter() < end:  # the typist's pause: previews arrive meanwhile
            app.processEvents()
            time.sleep(0.002)

    for char in "3栋1502":
        key(dialog.location_edit, char)
    for char in TYPED:
        key(dialog.description.widget, char)
    end = time.perf_counter() + 0.5
    while time.perf_counter() < end:
        app.processEvents()
        time.sleep(0.002)
    stall = meter.stop()
    dialog.finish()
    return stall, slowest


def run(data: str) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from app.gui import prepare_application

    app, _language = prepare_application([], "zh_CN")
    folder = Path(data)
    db = _store(folder)
    settings = QSettings(str(folder / "workspace" / "settings.ini"), QSettings.Format.IniFormat)
    bus, user = TicketBus(), CurrentUser(settings)
    with db.sessions() as session:
        user.restore(session)
    ticket_id = _busy_ticket(db, make_photos(folder / "photos"), user.staff_id)
    views = TicketViews(intake_dialog=lambda: IntakeDialog(None),
                        detail_window=lambda choices: TicketDetailWindow(ticket_forms(choices)))
    windows = TicketWindows(db, bus, user, views, print)
    opens = _open_times(app, windows, ticket_id)
    stall, slowest = _typing_stall(app, windows)
    windows.thumbnails.shutdown()
    db.close()

    print("\nTicket workspace (issue #4)")
    print(pad("scenario", 52), pad("measured", 14), "target")
    print(pad(f"open a ticket: {EVENTS} events, 20 photos (median of {REPEAT})", 52),
          pad(f"{statistics.median(opens):.0f} ms", 14), f"≤ {OPEN_TARGET_MS:.0f} ms")
    print(pad("  slowest open", 52), pad(f"{max(opens):.0f} ms", 14))
    print(pad("typing in the intake form: longest GUI stall", 52), pad(f"{stall:.0f} ms", 14),
          f"≤ {STALL_TARGET_MS:.0f} ms")
    print(pad("  slowest keystroke handled", 52), pad(f"{slowest:.1f} ms", 14))


if __name__ == "__main__":
    run("bench-data")
