"""The look every printed form shares: A4 page, letterhead, title, bordered tables, QR, footer.

Forms are ReportLab platypus stories. Output is deterministic: invariant mode, the creation
date taken from the record, no random ids; the same record gives byte-identical PDFs.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape

import qrcode
from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    Image,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from app.fonts import register_reportlab_font
from app.resource_locator import FONT_NAME

PAGE_WIDTH, PAGE_HEIGHT = A4
# Margins suit common office printers (most cannot print the outer 5 mm).
MARGIN_X = 18 * mm
MARGIN_TOP = 20 * mm
MARGIN_BOTTOM = 18 * mm
CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN_X

INK = colors.black
RULE = colors.HexColor("#333333")
LABEL_FILL = colors.HexColor("#f0f0f0")
SECTION_FILL = colors.HexColor("#dcdcdc")
MUTED = colors.HexColor("#555555")

# Non-breaking spaces: ReportLab collapses ordinary (and ideographic) spaces in paragraphs.
# Table cells holding plain strings (even empty ones) are set in the table's font, Helvetica
# by default, which is never embedded: every table names the bundled font.
CELL_FONT = ("FONTNAME", (0, 0), (-1, -1), FONT_NAME)

BLANK_DATE = "\u00a0" * 10 + "年" + "\u00a0" * 6 + "月" + "\u00a0" * 6 + "日"


@dataclass(frozen=True)
class Styles:
    body: ParagraphStyle
    value: ParagraphStyle
    label: ParagraphStyle
    section: ParagraphStyle
    small: ParagraphStyle
    caption: ParagraphStyle
    title: ParagraphStyle
    subtitle: ParagraphStyle
    letter: ParagraphStyle
    cell_center: ParagraphStyle


def styles() -> Styles:
    font = register_reportlab_font()
    base = ParagraphStyle("body", fontName=font, fontSize=10, leading=15, wordWrap="CJK")
    return Styles(
        body=base,
        value=ParagraphStyle("value", parent=base, fontSize=9.5, leading=13.5),
        label=ParagraphStyle("label", parent=base, fontSize=9.5, leading=13, alignment=TA_CENTER),
        section=ParagraphStyle("section", parent=base, fontSize=10.5, leading=14),
        small=ParagraphStyle("small", parent=base, fontSize=8, leading=10.5, textColor=MUTED),
        caption=ParagraphStyle("caption", parent=base, fontSize=8, leading=10.5, alignment=TA_CENTER),
        title=ParagraphStyle("title", parent=base, fontSize=21, leading=28, alignment=TA_CENTER),
        subtitle=ParagraphStyle("subtitle", parent=base, fontSize=9, leading=12, alignment=TA_CENTER),
        letter=ParagraphStyle("letter", parent=base, fontSize=11, leading=19, firstLineIndent=22),
        cell_center=ParagraphStyle("center", parent=base, fontSize=9.5, leading=13, alignment=TA_CENTER),
    )


def para(text: object, style: ParagraphStyle) -> Paragraph:
    """A paragraph of plain text (escaped; line breaks kept); None prints nothing."""
    content = "" if text is None else str(text)
    return Paragraph(escape(content).replace("\n", "<br/>"), style)


def cell_text(text: object, style: ParagraphStyle, width: float) -> str | Paragraph:
    """Short one-line texts as plain table strings (several times faster to lay out than a
    paragraph); anything that might wrap as a CJK-wrapping paragraph."""
    content = "" if text is None else str(text)
    if "\n" not in content and (
        not content or stringWidth(content, style.fontName, style.fontSize) <= width - 9
    ):
        return content
    return para(content, style)


def fmt_dt(value: dt.datetime | None) -> str:
    return "" if value is None else value.strftime("%Y-%m-%d %H:%M")


def fmt_date(value: dt.date | dt.datetime | None) -> str:
    if value is None:
        return ""
    return f"{value.year}年{value.month:02d}月{value.day:02d}日"


def fmt_number(value: float | None) -> str:
    if value is None:
        return ""
    return f"{value:g}"


def checkbox(checked: bool, text: str) -> str:
    return f"{'■' if checked else '□'} {text}"


# ---------------------------------------------------------------------------------------------
# Tables
# ---------------------------------------------------------------------------------------------

LABEL_WIDTH = 24 * mm
FOUR_COLUMNS = (LABEL_WIDTH, 63 * mm, LABEL_WIDTH, 63 * mm)
TWO_COLUMNS = (LABEL_WIDTH, CONTENT_WIDTH - LABEL_WIDTH)


class _Segment:
    """Consecutive rows with the same columns: one ReportLab table."""

    def __init__(self, widths: Sequence[float]) -> None:
        self.widths = list(widths)
        self.rows: list[list[object]] = []
        self.commands: list[tuple] = []
        self.min_heights: dict[int, float] = {}


class FormTable:
    """A bordered form table built row by row: section headings, label/value pairs, long texts.

    Rows of different shapes become separate tables stacked without gaps (they look like one
    table): ReportLab cannot split a spanned cell across pages, and long texts must split.
    """

    def __init__(self, st: Styles) -> None:
        self.st = st
        self.segments: list[_Segment] = []

    def _row(self, widths: Sequence[float]) -> tuple[_Segment, int]:
        if not self.segments or self.segments[-1].widths != list(widths):
            self.segments.append(_Segment(widths))
        segment = self.segments[-1]
        return segment, len(segment.rows)

    def section(self, title: str) -> FormTable:
        segment, row = self._row([CONTENT_WIDTH])
        segment.rows.append([para(title, self.st.section)])
        segment.commands.append(("BACKGROUND", (0, row), (-1, row), SECTION_FILL))
        return self

    def _cell(self, value: object, width: float) -> object:
        if isinstance(value, Flowable | list):
            return value
        return cell_text(value, self.st.value, width)

    def pairs(self, *items: tuple[str, object], min_height: float = 0) -> FormTable:
        """One row of label/value pairs: two pairs side by side, or one over the whole width."""
        widths = FOUR_COLUMNS if len(items) == 2 else TWO_COLUMNS
        segment, row = self._row(widths)
        cells: list[object] = []
        for label, value in items:
            column = len(cells)
            segment.commands += [
                ("BACKGROUND", (column, row), (column, row), LABEL_FILL),
                ("ALIGN", (column, row), (column, row), "CENTER"),
            ]
            cells += [cell_text(label, self.st.label, widths[column]),
                      self._cell(value, widths[column + 1])]
        segment.rows.append(cells)
        if min_height:
            segment.min_heights[row] = min_height
        return self

    def wide(self, label: str, value: object, *, min_height: float = 0) -> FormTable:
        """A label and one value over the rest of the row (long texts split across pages)."""
        return self.pairs((label, value), min_height=min_height)

    def raw(self, cells: list[object], *commands: tuple, min_height: float = 0) -> FormTable:
        """A four-column row laid out by the caller (commands relative to the row)."""
        segment, row = self._row(FOUR_COLUMNS)
        segment.rows.append(cells + [""] * (len(FOUR_COLUMNS) - len(cells)))
        for name, start, end, *rest in commands:
            segment.commands.append((name, (start[0], row + start[1]), (end[0], row + end[1]), *rest))
        if min_height:
            segment.min_heights[row] = min_height
        return self

    def build(self) -> list[Flowable]:
        tables: list[Flowable] = []
        for segment in self.segments:
            style = [
                CELL_FONT,
                ("FONTSIZE", (0, 0), (-1, -1), self.st.value.fontSize),
                ("LEADING", (0, 0), (-1, -1), self.st.value.leading),
                ("BOX", (0, 0), (-1, -1), 1.1, INK),
                ("INNERGRID", (0, 0), (-1, -1), 0.5, RULE),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (-1, -1), 4),
                ("RIGHTPADDING", (0, 0), (-1, -1), 4),
                ("TOPPADDING", (0, 0), (-1, -1), 2.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3.5),
                *segment.commands,
            ]
            heights = None
            if segment.min_heights:
                heights = [segment.min_heights.get(i, 0) for i in range(len(segment.rows))]
            tables.append(Table(
                segment.rows, colWidths=segment.widths, style=TableStyle(style),
                splitInRow=1, minRowHeights=heights,
            ))
        return tables


def grid_table(st: Styles, header: list[str], rows: list[list[object]], widths: list[float]) -> Table:
    """A list table (materials, sign-offs) with a shaded header row repeated on every page."""
    data: list[list[object]] = [[cell_text(h, st.label, w) for h, w in zip(header, widths, strict=True)]]
    for row in rows:
        data.append([c if isinstance(c, Flowable) else cell_text(c, st.value, w)
                     for c, w in zip(row, widths, strict=True)])
    return Table(
        data, colWidths=widths, repeatRows=1, splitInRow=1,
        style=TableStyle([CELL_FONT,
            ("FONTSIZE", (0, 0), (-1, -1), st.value.fontSize),
            ("LEADING", (0, 0), (-1, -1), st.value.leading),
            ("ALIGN", (0, 0), (-1, 0), "CENTER"),
            ("BOX", (0, 0), (-1, -1), 1.1, INK),
            ("INNERGRID", (0, 0), (-1, -1), 0.5, RULE),
            ("BACKGROUND", (0, 0), (-1, 0), LABEL_FILL),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("TOPPADDING", (0, 0), (-1, -1), 2.5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3.5),
        ]),
    )


def heading_table(st: Styles, title: str) -> Table:
    """A section heading as a one-cell bordered table (sections that hold their own tables)."""
    return Table(
        [[para(title, st.section)]], colWidths=[CONTENT_WIDTH],
        style=TableStyle([CELL_FONT,
            ("BOX", (0, 0), (-1, -1), 1.1, INK),
            ("BACKGROUND", (0, 0), (-1, -1), SECTION_FILL),
            ("TOPPADDING", (0, 0), (-1, -1), 2.5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3.5),
        ]),
    )


# ---------------------------------------------------------------------------------------------
# QR code, photos, signatures, seal box
# ---------------------------------------------------------------------------------------------


class QrCode(Flowable):
    """The verification QR code drawn as vector squares (crisp at any printer resolution)."""

    def __init__(self, data: str, size: float) -> None:
        super().__init__()
        qr = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=0)
        qr.add_data(data)
        qr.make(fit=True)
        self.matrix = qr.get_matrix()
        self.size = size
        self.width = self.height = size

    def draw(self) -> None:
        count = len(self.matrix)
        module = self.size / count
        canvas = self.canv
        canvas.setFillColor(INK)
        for row_index, row in enumerate(self.matrix):
            y = self.size - (row_index + 1) * module
            start = None
            for col, dark in enumerate([*row, False]):
                if dark and start is None:
                    start = col
                elif not dark and start is not None:
                    canvas.rect(start * module, y, (col - start) * module, module * 1.02, stroke=0, fill=1)
                    start = None


class TitleText(Flowable):
    """The form's title: centred, letter-spaced and emboldened (the font has no bold face)."""

    def __init__(self, text: str, width: float, size: float) -> None:
        super().__init__()
        self.text, self.width, self.size = text, width, size
        self.height = size * 1.25

    def draw(self) -> None:
        canvas = self.canv
        font = register_reportlab_font()
        spacing = self.size * 0.35
        from reportlab.pdfbase.pdfmetrics import stringWidth

        width = stringWidth(self.text, font, self.size) + spacing * (len(self.text) - 1)
        text = canvas.beginText((self.width - width) / 2, self.size * 0.25)
        text.setFont(font, self.size)
        text.setCharSpace(spacing)
        # Fill and stroke: the heavier strokes of a 黑体 heading.
        text.setTextRenderMode(2)
        canvas.setLineWidth(self.size / 32)
        canvas.setStrokeColor(INK)
        canvas.setFillColor(INK)
        text.textOut(self.text)
        canvas.drawText(text)


class Placeholder(Flowable):
    """A framed box with a note, where a photo or signature cannot be printed."""

    def __init__(self, width: float, height: float, text: str) -> None:
        super().__init__()
        self.width, self.height, self.text = width, height, text

    def draw(self) -> None:
        canvas = self.canv
        canvas.setStrokeColor(MUTED)
        canvas.setDash(2, 2)
        canvas.rect(0, 0, self.width, self.height)
        canvas.setDash()
        canvas.setFillColor(MUTED)
        canvas.setFont(register_reportlab_font(), 8)
        canvas.drawCentredString(self.width / 2, self.height / 2 - 3, self.text)


class SealBox(Flowable):
    """The 盖章 box: a dashed square where the project department stamps the form."""

    def __init__(self, size: float, label: str = "（盖章处）") -> None:
        super().__init__()
        self.width = self.height = size
        self.label = label

    def draw(self) -> None:
        canvas = self.canv
        canvas.setStrokeColor(MUTED)
        canvas.setLineWidth(0.6)
        canvas.setDash(3, 2)
        canvas.circle(self.width / 2, self.height / 2, self.width / 2 - 1)
        canvas.setDash()
        canvas.setFillColor(MUTED)
        canvas.setFont(register_reportlab_font(), 8)
        canvas.drawCentredString(self.width / 2, self.height / 2 - 3, self.label)


class SignLine(Flowable):
    """A blank line to sign on by hand, with a small label under it."""

    def __init__(self, width: float, label: str = "") -> None:
        super().__init__()
        self.width, self.height, self.label = width, 24, label

    def draw(self) -> None:
        canvas = self.canv
        canvas.setStrokeColor(INK)
        canvas.setLineWidth(0.6)
        canvas.line(0, 10, self.width, 10)
        if self.label:
            canvas.setFillColor(MUTED)
            canvas.setFont(register_reportlab_font(), 7)
            canvas.drawString(0, 1, self.label)


# Large camera photos are scaled down before embedding: forms stay small and print fast.
_MAX_PIXELS = 1400


def image_flowable(data: bytes, max_width: float, max_height: float) -> Image:
    """An image scaled to fit the box, keeping its proportions."""
    reader = ImageReader(io.BytesIO(data))
    width, height = reader.getSize()
    if max(width, height) > _MAX_PIXELS:
        from PIL import Image as PILImage

        with PILImage.open(io.BytesIO(data)) as picture:
            picture = picture.convert("RGB")
            picture.thumbnail((_MAX_PIXELS, _MAX_PIXELS))
            out = io.BytesIO()
            picture.save(out, format="JPEG", quality=85)
        data = out.getvalue()
        width, height = picture.size
    scale = min(max_width / width, max_height / height)
    return Image(io.BytesIO(data), width=width * scale, height=height * scale)


# ---------------------------------------------------------------------------------------------
# The document: letterhead, footer with the code and "第 x 页 / 共 y 页"
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Letterhead:
    title: str  # 保修完成确认单
    company: str
    project_dept: str
    form_number: str  # WC-BX-JN01-2026-00042
    code: str  # K7QM-3XH9-P2WX
    qr_data: str
    created: dt.datetime  # local time of the record: the PDF's creation date
    keywords: str
    subject: str


def numbered_canvas(footer: Callable[[Canvas, int, int], None]) -> type[Canvas]:
    """A canvas that holds its pages back until the end, so that `footer(canvas, page, total)`
    can write "第 N 页 / 共 M 页" on each. A page can opt out (a cover) by setting the canvas's
    `numbered` to False while it is drawn."""

    class NumberedCanvas(Canvas):
        def __init__(self, *args, **kwargs) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict] = []
            self.numbered = True

        def showPage(self) -> None:  # noqa: N802 (ReportLab's name)
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                if self.numbered:
                    footer(self, self._pageNumber, total)
                super().showPage()
            super().save()

    return NumberedCanvas


def _form_footer(canvas: Canvas, page: int, total: int) -> None:
    canvas.setFont(register_reportlab_font(), 8)
    canvas.setFillColor(MUTED)
    canvas.drawRightString(PAGE_WIDTH - MARGIN_X, MARGIN_BOTTOM - 11 * mm, f"第 {page} 页 / 共 {total} 页")


def _draw_page_frame(letterhead: Letterhead) -> Callable[[Canvas, BaseDocTemplate], None]:
    font = register_reportlab_font()

    def draw(canvas: Canvas, doc: BaseDocTemplate) -> None:
        canvas.saveState()
        top = PAGE_HEIGHT - MARGIN_TOP + 6 * mm
        canvas.setFont(font, 8.5)
        canvas.setFillColor(MUTED)
        left = letterhead.company
        if letterhead.project_dept and letterhead.project_dept != letterhead.company:
            left = f"{left}　{letterhead.project_dept}"
        canvas.drawString(MARGIN_X, top, left)
        right = f"编号：{letterhead.form_number}"
        if doc.page > 1:
            right = f"《{letterhead.title}》（续）　{right}"
        canvas.drawRightString(PAGE_WIDTH - MARGIN_X, top, right)
        canvas.setStrokeColor(INK)
        canvas.setLineWidth(0.8)
        canvas.line(MARGIN_X, top - 2.2 * mm, PAGE_WIDTH - MARGIN_X, top - 2.2 * mm)
        canvas.setLineWidth(0.3)
        canvas.line(MARGIN_X, top - 3 * mm, PAGE_WIDTH - MARGIN_X, top - 3 * mm)

        bottom = MARGIN_BOTTOM - 6 * mm
        canvas.setLineWidth(0.4)
        canvas.line(MARGIN_X, bottom, PAGE_WIDTH - MARGIN_X, bottom)
        canvas.setFont(font, 8)
        canvas.drawString(
            MARGIN_X, bottom - 5 * mm,
            f"核验码：{letterhead.code}　扫描二维码或在保修工作台“核验”中输入核验码，可核对本文件与系统记录是否一致",
        )
        canvas.restoreState()

    return draw


def title_block(st: Styles, letterhead: Letterhead, subtitle: str) -> Table:
    """The form's title centred, the QR code in the top-right corner with the code under it."""
    qr_size = 24 * mm
    qr = Table(
        [[QrCode(letterhead.qr_data, qr_size)], [para(letterhead.code, st.caption)]],
        colWidths=[qr_size + 2 * mm],
        style=TableStyle([CELL_FONT,
            ("ALIGN", (0, 0), (-1, -1), "CENTER"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 0),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
        ]),
    )
    title = [
        TitleText(letterhead.title, CONTENT_WIDTH - 2 * (qr_size + 4 * mm), st.title.fontSize),
        Spacer(1, 2 * mm),
        para(subtitle, st.subtitle),
    ]
    side = qr_size + 4 * mm
    return Table(
        [[Spacer(side, 1), title, qr]],
        colWidths=[side, CONTENT_WIDTH - 2 * side, side],
        style=TableStyle([CELL_FONT,
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("ALIGN", (2, 0), (2, 0), "RIGHT"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3 * mm),
        ]),
    )


def build_pdf(letterhead: Letterhead, story: list[Flowable]) -> bytes:
    """Lay the story out on A4 pages with letterhead and footer; deterministic bytes."""
    # ReportLab's pure-Python ASCII85 encoder took ~60 % of the time for forms with photos;
    # binary streams are valid PDF, smaller and equally deterministic. (Process-wide, harmless.)
    rl_config.useA85 = 0
    out = io.BytesIO()
    created = letterhead.created

    class FormDocTemplate(BaseDocTemplate):
        def beforeDocument(self) -> None:  # noqa: N802 (ReportLab's hook)
            # The creation date is the record's, not the clock's: same record, same bytes.
            self.canv.setDateFormatter(
                lambda *_args: created.strftime("D:%Y%m%d%H%M%S+08'00'")
            )

    doc = FormDocTemplate(
        out,
        pagesize=A4,
        leftMargin=MARGIN_X,
        rightMargin=MARGIN_X,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        title=f"{letterhead.title} {letterhead.form_number}",
        author=letterhead.company,
        subject=letterhead.subject,
        keywords=letterhead.keywords,
        creator="WarrantyDesk 保修工作台",
        producer="WarrantyDesk 保修工作台 (ReportLab)",
        invariant=1,
        pageCompression=1,
        # Else the canvas starts in Helvetica, which is never embedded (pdffonts: emb no).
        initialFontName=register_reportlab_font(),
    )
    frame = Frame(MARGIN_X, MARGIN_BOTTOM, CONTENT_WIDTH, PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM,
                  id="body", leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    doc.addPageTemplates([PageTemplate(id="form", frames=[frame], onPage=_draw_page_frame(letterhead))])
    doc.build(story, canvasmaker=numbered_canvas(_form_footer))
    return out.getvalue()


ALIGN = {"left": TA_LEFT, "right": TA_RIGHT, "center": TA_CENTER}
