"""专项复盘会议纪要: the minutes of a retrospective meeting as a verifiable PDF.

Same framework as the ticket forms (letterhead, QR code and short code, `第 x 页 / 共 y 页`,
byte-identical output for the same record): meeting facts, attendees with signature lines,
the problem, the 5-why chain or a drawn fishbone diagram (人机料法环测), conclusions, the
corrective and preventive actions, and the linked tickets with photo thumbnails. The minutes
keep their own register (`printed_minutes`); `verify_minutes_code` answers for it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import math
import uuid
from dataclasses import dataclass, field

from reportlab.graphics.shapes import Drawing, Line, Polygon, Rect, String
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.documents.layout import (
    BLANK_DATE,
    CELL_FONT,
    CONTENT_WIDTH,
    INK,
    LABEL_FILL,
    RULE,
    FormTable,
    Letterhead,
    Placeholder,
    SealBox,
    SignLine,
    Styles,
    build_pdf,
    fmt_dt,
    grid_table,
    heading_table,
    image_flowable,
    para,
    styles,
    title_block,
)
from app.documents.record import _company_of, _digest, _local, content_hash
from app.documents.verification import (
    QR_PREFIX,
    VerificationResult,
    VerifyStatus,
    format_code,
    short_code,
)
from app.fonts import register_reportlab_font
from app.models.attachment import Attachment
from app.models.attachment_store import AttachmentCorrupted, AttachmentStore
from app.models.base import to_local, utcnow
from app.models.escalation import Escalation
from app.models.escalation_terms import (
    ACTION_KIND_ZH,
    ACTION_STATUS_ZH,
    ANALYSIS_METHOD_ZH,
    ATTENDEE_ROLE_ZH,
    ESCALATION_KIND_ZH,
    ESCALATION_LEVEL_ZH,
    FISHBONE_ZH,
    MEETING_STATUS_ZH,
    AnalysisMethod,
    FishboneCategory,
)
from app.models.people import OrgUnit, Staff
from app.models.project import DefectCategory, Project
from app.models.retrospective import (
    CorrectiveAction,
    MeetingEscalation,
    MeetingTicket,
    PrintedMinutes,
    RetrospectiveMeeting,
)
from app.models.ticket import Ticket
from app.models.vocabulary import PHOTO_STAGE_ZH, TICKET_STATE_ZH, OrgKind, PhotoStage

KIND = "minutes"
TITLE = "专项复盘会议纪要"
FORM_PREFIX = "JY"  # 纪要
MAX_THUMBNAILS = 8
MAX_TICKET_ROWS = 40  # a large cluster: the first forty, and how many more
PART_ZH = {
    "meeting": "会议信息",
    "attendees": "参会人员",
    "problem": "问题描述",
    "analysis": "原因分析",
    "conclusions": "会议结论",
    "actions": "整改措施",
    "tickets": "关联报修单",
    "escalations": "关联升级事项",
    "photos": "照片",
}
_NO_DATE = dt.datetime(2000, 1, 1)


class MinutesRefused(Exception):
    """The minutes cannot be made (unknown meeting); the message is Chinese."""


# ---------------------------------------------------------------------------------------------
# The record: everything the minutes print, read once, hashed part by part
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class AttendeeLine:
    name: str
    organisation: str
    role: str  # Chinese


@dataclass(frozen=True)
class ActionLine:
    seq: int
    kind: str  # Chinese
    description: str
    owner: str
    department: str
    due_on: dt.date | None
    status: str  # Chinese
    closed_on: dt.date | None
    evidence_count: int


@dataclass(frozen=True)
class TicketLine:
    number: str
    reported_at: dt.datetime  # local
    location: str
    category: str
    description: str
    state: str  # Chinese


@dataclass(frozen=True)
class Thumbnail:
    sha256: str
    caption: str
    name: str


@dataclass
class MinutesRecord:
    meeting_id: uuid.UUID
    number: str
    title: str
    status: str  # Chinese
    held_at: dt.datetime  # local
    place: str
    host: str
    company: str
    project_dept: str
    project_name: str
    problem: str
    analysis_method: str
    five_whys: list[str]
    fishbone: dict[str, list[str]]
    root_cause: str
    conclusions: str
    attendees: list[AttendeeLine]
    actions: list[ActionLine]
    tickets: list[TicketLine]
    escalations: list[str]  # "SJ-… 共性问题反复出现（公司管理层）：title"
    thumbnails: list[Thumbnail]
    last_change_at: dt.datetime | None  # local
    parts: dict[str, str] = field(default_factory=dict)


def _letterhead_names(session: Session, project: Project | None) -> tuple[str, str]:
    if project is not None:
        return _company_of(session, session.get(OrgUnit, project.project_dept_id))
    hq = session.scalar(select(OrgUnit).where(OrgUnit.kind == OrgKind.HQ.value).limit(1))
    company, _dept = _company_of(session, hq)
    return company, company


def load_minutes(session: Session, meeting_id: uuid.UUID) -> MinutesRecord:
    """Everything the minutes print about one meeting, with the per-part content hashes."""
    meeting = session.get(RetrospectiveMeeting, meeting_id)
    if meeting is None:
        raise MinutesRefused(f"找不到复盘会议 {meeting_id}")
    project = session.get(Project, meeting.project_id) if meeting.project_id else None
    company, dept = _letterhead_names(session, project)
    names = dict(session.execute(select(Staff.id, Staff.name)).all())
    actions = list(
        session.scalars(
            select(CorrectiveAction)
            .where(CorrectiveAction.meeting_id == meeting_id)
            .order_by(CorrectiveAction.seq)
        )
    )
    action_lines = [
        ActionLine(
            a.seq,
            ACTION_KIND_ZH.get(a.kind, a.kind),
            a.description,
            names.get(a.owner_id, ""),
            a.department,
            a.due_on,
            ACTION_STATUS_ZH.get(a.status, a.status),
            _local(a.closed_at).date() if a.closed_at else None,
            len(a.evidence),
        )
        for a in actions
    ]
    escalations = list(
        session.scalars(
            select(Escalation)
            .join(MeetingEscalation, MeetingEscalation.escalation_id == Escalation.id)
            .where(MeetingEscalation.meeting_id == meeting_id)
            .order_by(Escalation.number)
        )
    )
    escalation_lines = [
        f"{e.number}　{ESCALATION_KIND_ZH.get(e.kind, e.kind)}"
        f"（{ESCALATION_LEVEL_ZH.get(e.level, e.level)}）：{e.title}"
        for e in escalations
    ]
    ticket_rows = list(
        session.execute(
            select(Ticket, DefectCategory.name)
            .join(MeetingTicket, MeetingTicket.ticket_id == Ticket.id)
            .outerjoin(DefectCategory, DefectCategory.id == Ticket.defect_category_id)
            .where(MeetingTicket.meeting_id == meeting_id)
            .order_by(MeetingTicket.sort_key, Ticket.reported_at)
        ).all()
    )
    tickets = [
        TicketLine(
            t.number,
            _local(t.reported_at),
            t.location_label or "",
            category or "",
            t.description or "",
            TICKET_STATE_ZH.get(t.state, t.state),
        )
        for t, category in ticket_rows
    ]
    thumbnails = _thumbnails(session, [t for t, _ in ticket_rows])
    record = MinutesRecord(
        meeting_id=meeting.id,
        number=meeting.number,
        title=meeting.title,
        status=MEETING_STATUS_ZH.get(meeting.status, meeting.status),
        held_at=_local(meeting.held_at),
        place=meeting.place,
        host=names.get(meeting.host_id, ""),
        company=company,
        project_dept=dept,
        project_name=project.name if project else "",
        problem=meeting.problem,
        analysis_method=meeting.analysis_method,
        five_whys=list(meeting.five_whys or []),
        fishbone={k: list(v) for k, v in (meeting.fishbone or {}).items()},
        root_cause=meeting.root_cause,
        conclusions=meeting.conclusions,
        attendees=[
            AttendeeLine(a.name, a.organisation, ATTENDEE_ROLE_ZH.get(a.role, a.role))
            for a in meeting.attendees
        ],
        actions=action_lines,
        tickets=tickets,
        escalations=escalation_lines,
        thumbnails=thumbnails,
        last_change_at=_local(max([meeting.updated_at, *(a.updated_at for a in actions)])),
    )
    record.parts = {
        "meeting": _digest(
            [
                record.number,
                record.title,
                record.status,
                record.held_at,
                record.place,
                record.host,
                record.project_name,
                record.company,
                record.project_dept,
            ]
        ),
        "attendees": _digest(record.attendees),
        "problem": _digest(record.problem),
        "analysis": _digest(
            [record.analysis_method, record.five_whys, record.fishbone, record.root_cause]
        ),
        "conclusions": _digest(record.conclusions),
        "actions": _digest(record.actions),
        "tickets": _digest(record.tickets),
        "escalations": _digest(record.escalations),
        "photos": _digest([t.sha256 for t in record.thumbnails]),
    }
    return record


def _thumbnails(session: Session, tickets: list[Ticket]) -> list[Thumbnail]:
    """One photo per ticket (the first before-photo, else any image), at most eight."""
    if not tickets:
        return []
    ids = [t.id for t in tickets[:40]]
    numbers = {t.id: t.number for t in tickets}
    photos: dict[uuid.UUID, Attachment] = {}
    query = (
        select(Attachment)
        .where(Attachment.ticket_id.in_(ids), Attachment.mime_type.like("image/%"))
        .order_by(Attachment.created_at, Attachment.id)
    )
    for attachment in session.scalars(query):
        best = photos.get(attachment.ticket_id)
        if best is None or (
            best.stage != PhotoStage.BEFORE and attachment.stage == PhotoStage.BEFORE
        ):
            photos[attachment.ticket_id] = attachment
    found = []
    for ticket_id in ids:
        photo = photos.get(ticket_id)
        if photo is not None:
            stage = PHOTO_STAGE_ZH.get(photo.stage, photo.stage)
            found.append(
                Thumbnail(photo.sha256, f"{numbers[ticket_id]}　{stage}", photo.original_name)
            )
        if len(found) >= MAX_THUMBNAILS:
            break
    return found


# ---------------------------------------------------------------------------------------------
# The fishbone diagram (鱼骨图), drawn as vector shapes
# ---------------------------------------------------------------------------------------------


def _fit(text: str, font: str, size: float, width: float) -> str:
    """The text cut to `width` with an ellipsis (the full causes are listed under the diagram)."""
    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text + "…"


def _wrap(text: str, font: str, size: float, width: float, lines: int) -> list[str]:
    out, current = [], ""
    for char in text:
        if stringWidth(current + char, font, size) > width:
            out.append(current)
            current = char
            if len(out) == lines:
                break
        else:
            current += char
    else:
        out.append(current)
    if len(out) > lines:
        out = out[:lines]
    if "".join(out) != text and out:
        out[-1] = _fit(out[-1] + "…", font, size, width)
    return [line for line in out if line]


def fishbone_drawing(
    head: str, causes: dict[str, list[str]], width: float = CONTENT_WIDTH, height: float = 92 * mm
) -> Drawing:
    """Spine, head box with the problem, six slanted bones (人机料法环测) with their causes."""
    font = register_reportlab_font()
    drawing = Drawing(width, height)
    drawing.initialFontName = font  # else the renderer selects Helvetica, never embedded
    mid = height / 2
    head_w, head_h = 34 * mm, 22 * mm
    spine_start, spine_end = 4 * mm, width - head_w - 2 * mm
    ink = colors.HexColor("#222222")
    drawing.add(Line(spine_start, mid, spine_end, mid, strokeColor=ink, strokeWidth=2.2))
    drawing.add(
        Polygon(
            [spine_end, mid + 4, spine_end + 2 * mm, mid, spine_end, mid - 4],
            fillColor=ink,
            strokeColor=ink,
        )
    )
    box_x = width - head_w
    drawing.add(
        Rect(
            box_x,
            mid - head_h / 2,
            head_w,
            head_h,
            strokeColor=ink,
            strokeWidth=1.2,
            fillColor=colors.HexColor("#f0f0f0"),
        )
    )
    lines = _wrap(head or "问题", font, 8.5, head_w - 4 * mm, 4)
    top = mid + (len(lines) - 1) * 5.6
    for index, line in enumerate(lines):
        drawing.add(
            String(
                box_x + head_w / 2,
                top - index * 11.2 - 3,
                line,
                fontName=font,
                fontSize=8.5,
                textAnchor="middle",
            )
        )
    categories = list(FishboneCategory)
    per_side = math.ceil(len(categories) / 2)
    step = (spine_end - spine_start - 8 * mm) / per_side
    bone_dx = 22 * mm  # how far left a bone's outer end lies from where it meets the spine
    label_h = 5.5 * mm
    for index, category in enumerate(categories):
        upper = index < per_side
        slot = index if upper else index - per_side
        join_x = spine_start + 8 * mm + step * (slot + 1) - 4 * mm
        end_y = height - label_h - 1 * mm if upper else label_h + 1 * mm
        end_x = join_x - bone_dx
        drawing.add(Line(join_x, mid, end_x, end_y, strokeColor=ink, strokeWidth=1.3))
        # The category label in a small box at the bone's outer end.
        label = FISHBONE_ZH[category]
        box_y = end_y if upper else end_y - label_h
        drawing.add(
            Rect(
                end_x - 5 * mm,
                box_y,
                10 * mm,
                label_h,
                strokeColor=ink,
                strokeWidth=0.8,
                fillColor=colors.HexColor("#dcdcdc"),
            )
        )
        drawing.add(
            String(end_x, box_y + 1.6 * mm, label, fontName=font, fontSize=9, textAnchor="middle")
        )
        items = causes.get(category.value, [])[:4]
        span = abs(end_y - mid) - 3 * mm
        for number, cause in enumerate(items):
            # Causes sit on short horizontal ribs along the bone, from the spine outwards.
            fraction = (number + 1) / (len(items) + 1)
            y = mid + (span * fraction if upper else -span * fraction)
            x = join_x - bone_dx * (abs(y - mid) / abs(end_y - mid))
            # The next bone to the left is `step` away at every height: the rib stops short of it.
            rib = step - 5 * mm
            drawing.add(
                Line(x - rib, y, x, y, strokeColor=colors.HexColor("#555555"), strokeWidth=0.6)
            )
            text = _fit(cause, font, 6.8, rib - 2.5 * mm)
            drawing.add(String(x - rib, y + 1.5, text, fontName=font, fontSize=6.8))
    return drawing


# ---------------------------------------------------------------------------------------------
# The story
# ---------------------------------------------------------------------------------------------


def _read(store: AttachmentStore, sha256: str, warnings: list[str], what: str) -> bytes | None:
    try:
        return store.read(sha256)
    except AttachmentCorrupted:
        warnings.append(f"{what}文件已损坏（与记录的哈希值不符），未打印")
    except OSError:
        warnings.append(f"{what}文件缺失，未打印")
    return None


def _attendee_table(st: Styles, rec: MinutesRecord) -> Table:
    """Attendees with an empty signature cell each, tall enough to sign by hand."""
    widths = [12 * mm, 26 * mm, 58 * mm, 18 * mm, CONTENT_WIDTH - 114 * mm]
    header = ["序号", "姓名", "单位", "身份", "签名"]
    rows: list[list[object]] = [[para(h, st.label) for h in header]]
    for index, a in enumerate(rec.attendees, 1):
        rows.append([str(index), a.name, para(a.organisation, st.value), a.role, ""])
    if len(rows) == 1:
        rows += [["", "", "", "", ""] for _ in range(4)]
    return Table(
        rows,
        colWidths=widths,
        repeatRows=1,
        minRowHeights=[0] + [10 * mm] * (len(rows) - 1),
        style=TableStyle(
            [
                CELL_FONT,
                ("FONTSIZE", (0, 0), (-1, -1), st.value.fontSize),
                ("BOX", (0, 0), (-1, -1), 1.1, INK),
                ("INNERGRID", (0, 0), (-1, -1), 0.5, RULE),
                ("BACKGROUND", (0, 0), (-1, 0), LABEL_FILL),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("ALIGN", (0, 0), (1, -1), "CENTER"),
                ("ALIGN", (3, 0), (3, -1), "CENTER"),
            ]
        ),
    )


def _five_why_table(st: Styles, rec: MinutesRecord) -> list[Flowable]:
    table = FormTable(st)
    for index, answer in enumerate(rec.five_whys, 1):
        table.wide(f"为什么{index}", answer)
    if not rec.five_whys:
        table.wide("为什么1", "", min_height=9 * mm)
    table.wide("根本原因", rec.root_cause, min_height=9 * mm)
    return table.build()


def _head_text(rec: MinutesRecord) -> str:
    """The fishbone's head: the problem in a few words (the title without project and suffix)."""
    title = rec.title.split(" · ")[-1].strip()
    for suffix in ("专项复盘会议", "专项复盘会", "复盘会"):
        title = title.removesuffix(suffix).strip()
    return title or rec.problem[:24] or "问题"


def _fishbone_section(st: Styles, rec: MinutesRecord) -> list[Flowable]:
    frame = Table(
        [[fishbone_drawing(_head_text(rec), rec.fishbone, CONTENT_WIDTH - 6 * mm)]],
        colWidths=[CONTENT_WIDTH],
        style=TableStyle(
            [
                CELL_FONT,
                ("BOX", (0, 0), (-1, -1), 1.1, INK),
                ("ALIGN", (0, 0), (-1, -1), "CENTER"),
                ("TOPPADDING", (0, 0), (-1, -1), 3 * mm),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3 * mm),
            ]
        ),
    )
    table = FormTable(st)
    for category in FishboneCategory:
        causes = rec.fishbone.get(category.value, [])
        if causes:
            table.wide(
                f"{FISHBONE_ZH[category]}", "；".join(f"{i}. {c}" for i, c in enumerate(causes, 1))
            )
    table.wide("根本原因", rec.root_cause, min_height=9 * mm)
    return [frame, *table.build()]


def _action_table(st: Styles, rec: MinutesRecord) -> Table:
    widths = [11 * mm, 11 * mm, CONTENT_WIDTH - 112 * mm, 17 * mm, 29 * mm, 22 * mm, 22 * mm]
    rows = []
    for a in rec.actions:
        status = a.status + (f"\n{a.closed_on:%Y-%m-%d}" if a.closed_on else "")
        if a.evidence_count:
            status += f"\n证据 {a.evidence_count} 份"
        rows.append(
            [
                str(a.seq),
                a.kind,
                para(a.description, st.value),
                a.owner,
                a.department,
                f"{a.due_on:%Y-%m-%d}" if a.due_on else "",
                para(status, st.cell_center),
            ]
        )
    if not rows:
        rows = [["", "", para("（本次会议未制定整改措施）", st.value), "", "", "", ""]]
    table = grid_table(
        st, ["序号", "类型", "措施内容", "责任人", "责任部门", "完成期限", "状态"], rows, widths
    )
    table.setStyle(
        TableStyle([("ALIGN", (0, 1), (1, -1), "CENTER"), ("ALIGN", (3, 1), (3, -1), "CENTER")])
    )
    return table


def _ticket_table(st: Styles, rec: MinutesRecord) -> Table:
    widths = [38 * mm, 22 * mm, 28 * mm, 22 * mm, CONTENT_WIDTH - 127 * mm, 17 * mm]
    font, size = st.value.fontName, st.value.fontSize
    # Pre-wrapped plain strings: twenty rows of paragraphs cost more than the rest of the page.
    rows = [
        [
            t.number,
            t.reported_at.strftime("%Y-%m-%d"),
            "\n".join(_wrap(t.location, font, size, widths[2] - 13, 2)),
            t.category,
            "\n".join(_wrap(" ".join(t.description.split()), font, size, widths[4] - 13, 3)),
            t.state,
        ]
        for t in rec.tickets[:MAX_TICKET_ROWS]
    ]
    if len(rec.tickets) > MAX_TICKET_ROWS:
        rows.append(
            [
                "",
                "",
                "",
                "",
                f"另有 {len(rec.tickets) - MAX_TICKET_ROWS} 张报修单未列出（详见系统）",
                "",
            ]
        )
    header = [
        para(h, st.label) for h in ["报修单号", "报修日期", "位置", "缺陷类别", "问题描述", "状态"]
    ]
    return Table(
        [header, *rows],
        colWidths=widths,
        repeatRows=1,
        splitInRow=1,
        style=TableStyle(
            [
                CELL_FONT,
                ("FONTSIZE", (0, 0), (-1, -1), st.value.fontSize),
                ("LEADING", (0, 0), (-1, -1), st.value.leading),
                ("BOX", (0, 0), (-1, -1), 1.1, INK),
                ("INNERGRID", (0, 0), (-1, -1), 0.5, RULE),
                ("BACKGROUND", (0, 0), (-1, 0), LABEL_FILL),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("TOPPADDING", (0, 0), (-1, -1), 2.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3.5),
            ]
        ),
    )


THUMBNAIL_PIXELS = 280  # 30 mm at about 240 dpi: sharp enough for a thumbnail
_THUMBNAILS: dict[str, bytes] = {}  # by content hash: the same photo is made small once


def _small_jpeg(data: bytes) -> bytes:
    """A small JPEG for a thumbnail: a camera photo decoded at reduced size (JPEG draft mode),
    so the PDF embeds a few kilobytes per photo and ReportLab copies them without decoding."""
    from PIL import Image as PILImage

    key = hashlib.sha256(data).hexdigest()
    if key not in _THUMBNAILS:
        with PILImage.open(io.BytesIO(data)) as picture:
            picture.draft("RGB", (THUMBNAIL_PIXELS, THUMBNAIL_PIXELS))
            small = picture.convert("RGB")
            small.thumbnail((THUMBNAIL_PIXELS, THUMBNAIL_PIXELS), PILImage.Resampling.BILINEAR)
            out = io.BytesIO()
            small.save(out, format="JPEG", quality=82)
        if len(_THUMBNAILS) > 512:
            _THUMBNAILS.clear()
        _THUMBNAILS[key] = out.getvalue()
    return _THUMBNAILS[key]


def _thumbnail_grid(
    st: Styles, rec: MinutesRecord, store: AttachmentStore, warnings: list[str]
) -> Table | None:
    if not rec.thumbnails:
        return None
    per_row = 4
    cell_w = CONTENT_WIDTH / per_row
    box_w, box_h = cell_w - 6 * mm, 30 * mm
    cells = []
    for thumb in rec.thumbnails:
        data = _read(store, thumb.sha256, warnings, f"照片“{thumb.name}”")
        picture: Flowable
        if data is None:
            picture = Placeholder(box_w, box_h, "照片缺失，未打印")
        else:
            try:
                picture = image_flowable(_small_jpeg(data), box_w, box_h)
            except Exception:  # not an image ReportLab/PIL can read
                warnings.append(f"照片“{thumb.name}”无法识别，未打印")
                picture = Placeholder(box_w, box_h, "照片无法识别，未打印")
        cells.append([picture, para(thumb.caption, st.caption)])
    rows = [cells[i : i + per_row] for i in range(0, len(cells), per_row)]
    rows[-1] += [""] * (per_row - len(rows[-1]))
    return Table(
        rows,
        colWidths=[cell_w] * per_row,
        style=TableStyle(
            [
                CELL_FONT,
                ("BOX", (0, 0), (-1, -1), 1.1, INK),
                ("INNERGRID", (0, 0), (-1, -1), 0.5, RULE),
                ("ALIGN", (0, 0), (-1, -1), "CENTER"),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
        ),
    )


def _sign_off(st: Styles) -> Table:
    half = CONTENT_WIDTH / 2
    cells = [
        [para("主持人（签字）：", st.body), para("记录人（签字）：", st.body)],
        [SignLine(half - 20 * mm), SignLine(half - 20 * mm)],
        [para(f"日期：{BLANK_DATE}", st.body), para(f"日期：{BLANK_DATE}", st.body)],
    ]
    signatures = Table(
        cells,
        colWidths=[half - 16 * mm, half - 16 * mm],
        style=TableStyle(
            [
                CELL_FONT,
                ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                ("TOPPADDING", (0, 0), (-1, -1), 4),
            ]
        ),
    )
    return Table(
        [[signatures, SealBox(26 * mm, "（项目部盖章）")]],
        colWidths=[CONTENT_WIDTH - 32 * mm, 32 * mm],
        style=TableStyle(
            [CELL_FONT, ("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("BOX", (0, 0), (-1, -1), 1.1, INK)]
        ),
    )


def _heading(st: Styles, title: str) -> Table:
    """A section heading that stays on the page of the table it heads."""
    heading = heading_table(st, title)
    heading.keepWithNext = True
    return heading


def story(
    rec: MinutesRecord, st: Styles, store: AttachmentStore, warnings: list[str]
) -> list[Flowable]:
    flow: list[Flowable] = []
    facts = FormTable(st).section("一、会议概况")
    facts.wide("会议主题", rec.title)
    facts.pairs(("会议时间", fmt_dt(rec.held_at)), ("会议地点", rec.place))
    facts.pairs(("主持人", rec.host), ("所属项目", rec.project_name))
    facts.pairs(("会议编号", rec.number), ("会议状态", rec.status))
    facts.wide("升级事项", "\n".join(rec.escalations) or "（无）")
    flow += [KeepTogether(facts.build()), Spacer(1, 3 * mm)]

    flow += [
        _heading(st, f"二、参会人员（共 {len(rec.attendees)} 人）"),
        _attendee_table(st, rec),
        Spacer(1, 3 * mm),
    ]

    problem = FormTable(st).section("三、问题描述")
    problem.wide("问题", rec.problem, min_height=14 * mm)
    flow += [KeepTogether(problem.build()), Spacer(1, 3 * mm)]

    method = ANALYSIS_METHOD_ZH.get(rec.analysis_method, rec.analysis_method)
    heading = _heading(st, f"四、原因分析（{method}）")
    if rec.analysis_method == AnalysisMethod.FISHBONE:
        section = _fishbone_section(st, rec)
        flow += [KeepTogether([heading, section[0]]), *section[1:]]
    else:
        flow += [heading, *_five_why_table(st, rec)]
    flow.append(Spacer(1, 3 * mm))

    conclusions = FormTable(st).section("五、会议结论")
    conclusions.wide("结论", rec.conclusions, min_height=12 * mm)
    flow += [KeepTogether(conclusions.build()), Spacer(1, 3 * mm)]

    closed = sum(1 for a in rec.actions if a.closed_on)
    flow += [
        _heading(st, f"六、整改措施（纠正与预防，共 {len(rec.actions)} 项，已关闭 {closed} 项）"),
        _action_table(st, rec),
        Spacer(1, 3 * mm),
    ]

    if rec.tickets:
        flow += [
            _heading(st, f"七、关联报修单（共 {len(rec.tickets)} 张）"),
            _ticket_table(st, rec),
        ]
        grid = _thumbnail_grid(st, rec, store, warnings)
        if grid is not None:
            flow += [Spacer(1, 2 * mm), grid]
        flow.append(Spacer(1, 3 * mm))
    flow.append(KeepTogether([Spacer(1, 2 * mm), _sign_off(st)]))
    return flow


# ---------------------------------------------------------------------------------------------
# Rendering, registering and verifying
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class RenderedMinutes:
    meeting_id: uuid.UUID
    meeting_number: str
    title: str  # 专项复盘会议纪要
    code: str  # K7QM-3XH9-P2WX
    pdf: bytes
    warnings: list[str] = field(default_factory=list)

    @property
    def file_name(self) -> str:
        return f"{TITLE}-{self.meeting_number}.pdf"


def render_record(rec: MinutesRecord, store: AttachmentStore) -> RenderedMinutes:
    """Lay out the minutes for a loaded record (no database needed)."""
    code = format_code(short_code(KIND, rec.meeting_id, content_hash(rec.parts)))
    st = styles()
    warnings: list[str] = []
    letterhead = Letterhead(
        title=TITLE,
        company=rec.company,
        project_dept=rec.project_dept,
        form_number=f"{FORM_PREFIX}-{rec.number}",
        code=code,
        qr_data=QR_PREFIX + code.replace("-", ""),
        created=rec.last_change_at or _NO_DATE,
        keywords=f"{QR_PREFIX}{code.replace('-', '')} 核验码 {code} {rec.number}",
        subject=f"复盘会议 {rec.number} · 核验码 {code}",
    )
    subtitle = (
        f"{rec.project_name}　·　会议时间 {fmt_dt(rec.held_at)}"
        if rec.project_name
        else fmt_dt(rec.held_at)
    )
    flow = [title_block(st, letterhead, subtitle), *story(rec, st, store, warnings)]
    return RenderedMinutes(
        rec.meeting_id, rec.number, TITLE, code, build_pdf(letterhead, flow), warnings
    )


def register_minutes(
    session: Session,
    rec: MinutesRecord,
    *,
    printed_by_id: uuid.UUID | None = None,
    now: dt.datetime | None = None,
) -> str:
    """Keep what these minutes show under their code (once per distinct content)."""
    digest = content_hash(rec.parts)
    code = short_code(KIND, rec.meeting_id, digest)
    if session.scalar(select(PrintedMinutes.id).where(PrintedMinutes.code == code)) is None:
        session.add(
            PrintedMinutes(
                code=code,
                meeting_id=rec.meeting_id,
                content_sha256=digest,
                parts=dict(rec.parts),
                printed_at=now or utcnow(),
                printed_by_id=printed_by_id,
            )
        )
        session.flush()
    return code


def find_meeting(session: Session, meeting: str | uuid.UUID) -> RetrospectiveMeeting:
    """A meeting by its number (FP-…) or id; MinutesRefused when there is none."""
    text = str(meeting).strip()
    found = session.scalar(select(RetrospectiveMeeting).where(RetrospectiveMeeting.number == text))
    if found is None:
        try:
            found = session.get(RetrospectiveMeeting, uuid.UUID(text))
        except ValueError:
            found = None
    if found is None:
        raise MinutesRefused(f"找不到复盘会议 {text}")
    return found


def render_minutes(
    session: Session,
    store: AttachmentStore,
    meeting_id: uuid.UUID | str,
    *,
    printed_by_id: uuid.UUID | None = None,
    now: dt.datetime | None = None,
) -> RenderedMinutes:
    """The minutes of a meeting (by id or number), their code registered (inside a transaction)."""
    meeting = find_meeting(session, meeting_id)
    rec = load_minutes(session, meeting.id)
    register_minutes(session, rec, printed_by_id=printed_by_id, now=now)
    return render_record(rec, store)


def verify_minutes_code(session: Session, code: str) -> VerificationResult | None:
    """The verdict for a minutes code (normalised, no dashes); None when it is not one."""
    printed = session.scalar(select(PrintedMinutes).where(PrintedMinutes.code == code))
    if printed is None:
        return None
    printed_at = to_local(printed.printed_at).replace(tzinfo=None)
    meeting = session.get(RetrospectiveMeeting, printed.meeting_id)
    if meeting is None:
        return VerificationResult(
            VerifyStatus.UNKNOWN,
            format_code(code),
            f"未知：《{TITLE}》对应的复盘会议已不存在",
            kind=KIND,
            printed_at=printed_at,
        )
    rec = load_minutes(session, meeting.id)
    what = f"《{TITLE}》{meeting.number}（{printed_at:%Y-%m-%d %H:%M} 打印）"
    if content_hash(rec.parts) == printed.content_sha256:
        return VerificationResult(
            VerifyStatus.MATCHES,
            format_code(code),
            f"与记录一致：{what}",
            ticket_number=meeting.number,
            kind=KIND,
            printed_at=printed_at,
        )
    old = printed.parts or {}
    changes = [PART_ZH.get(k, k) for k in rec.parts if old.get(k) != rec.parts[k]]
    return VerificationResult(
        VerifyStatus.CHANGED,
        format_code(code),
        f"打印后记录已更改（哪些：{'、'.join(changes)}）：{what}",
        changes=changes,
        ticket_number=meeting.number,
        kind=KIND,
        printed_at=printed_at,
    )
