"""The reports' page: A4 with a running header and "第 N 页 共 M 页", headings, contents, texts.

Shared by the summary reports and the white paper. Deterministic like the forms: ReportLab
invariant mode, the creation date taken from the report's `now`, no random ids.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
from dataclasses import dataclass

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.tableofcontents import TableOfContents

from app.documents.layout import (
    CELL_FONT,
    INK,
    LABEL_FILL,
    MUTED,
    RULE,
    cell_text,
    numbered_canvas,
    para,
)
from app.fonts import register_reportlab_font

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN_X = 20 * mm
MARGIN_TOP = 22 * mm
MARGIN_BOTTOM = 20 * mm
CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN_X

ACCENT = colors.HexColor("#1f4e8c")
NO_DATA = "无数据"
DASH = "—"


@dataclass(frozen=True)
class ReportStyles:
    body: ParagraphStyle
    small: ParagraphStyle
    note: ParagraphStyle
    cell: ParagraphStyle
    cell_center: ParagraphStyle
    h1: ParagraphStyle
    h2: ParagraphStyle
    cover_title: ParagraphStyle
    cover_subtitle: ParagraphStyle
    cover_line: ParagraphStyle
    toc_title: ParagraphStyle
    toc_levels: tuple[ParagraphStyle, ...]
    suggestion: ParagraphStyle
    figure_value: ParagraphStyle
    figure_label: ParagraphStyle


# Chinese punctuation that must not start a line (避头点). ReportLab's CJK wrap knows the
# ideographic comma and full stop but not the full-width comma, semicolon, colon, question
# and exclamation marks, so "，必要时…" could begin a line. Its list is extended once.
_NO_LINE_START = "\uff0c\uff1b\uff1a\uff01\uff1f\u300b\u201d\u2019"


def _keep_punctuation_off_line_starts() -> None:
    from reportlab.lib import textsplit
    from reportlab.platypus import paragraph

    # Single-run paragraphs wrap in textsplit, mixed ones in paragraph: both read the list.
    for module in (textsplit, paragraph):
        missing = "".join(c for c in _NO_LINE_START if c not in module.ALL_CANNOT_START)
        if missing:
            module.ALL_CANNOT_START += missing


def report_styles() -> ReportStyles:
    _keep_punctuation_off_line_starts()
    font = register_reportlab_font()
    body = ParagraphStyle(
        "r-body",
        fontName=font,
        fontSize=10,
        leading=16,
        wordWrap="CJK",
        firstLineIndent=20,
        spaceAfter=4,
    )
    plain = ParagraphStyle("r-plain", parent=body, firstLineIndent=0)
    return ReportStyles(
        body=body,
        small=ParagraphStyle("r-small", parent=plain, fontSize=8, leading=11, textColor=MUTED),
        note=ParagraphStyle(
            "r-note",
            parent=plain,
            fontSize=9,
            leading=13,
            textColor=MUTED,
            spaceBefore=2,
            spaceAfter=4,
        ),
        cell=ParagraphStyle("r-cell", parent=plain, fontSize=8.5, leading=11.5),
        cell_center=ParagraphStyle(
            "r-cell-c", parent=plain, fontSize=8.5, leading=11.5, alignment=TA_CENTER
        ),
        h1=ParagraphStyle(
            "r-h1",
            parent=plain,
            fontSize=15,
            leading=22,
            textColor=ACCENT,
            spaceBefore=10,
            spaceAfter=6,
            keepWithNext=1,
        ),
        h2=ParagraphStyle(
            "r-h2",
            parent=plain,
            fontSize=11.5,
            leading=17,
            textColor=INK,
            spaceBefore=8,
            spaceAfter=4,
            keepWithNext=1,
        ),
        cover_title=ParagraphStyle(
            "r-cover", parent=plain, fontSize=30, leading=42, alignment=TA_CENTER, textColor=ACCENT
        ),
        cover_subtitle=ParagraphStyle(
            "r-cover-sub", parent=plain, fontSize=15, leading=24, alignment=TA_CENTER
        ),
        cover_line=ParagraphStyle(
            "r-cover-line",
            parent=plain,
            fontSize=11,
            leading=20,
            alignment=TA_CENTER,
            textColor=MUTED,
        ),
        toc_title=ParagraphStyle(
            "r-toc", parent=plain, fontSize=18, leading=26, alignment=TA_CENTER, spaceAfter=12
        ),
        toc_levels=(
            ParagraphStyle("r-toc0", parent=plain, fontSize=11.5, leading=22, leftIndent=0),
            ParagraphStyle(
                "r-toc1", parent=plain, fontSize=10, leading=17, leftIndent=18, textColor=MUTED
            ),
        ),
        suggestion=ParagraphStyle(
            "r-sugg",
            parent=plain,
            fontSize=10,
            leading=16,
            leftIndent=18,
            firstLineIndent=-18,
            spaceAfter=6,
        ),
        figure_value=ParagraphStyle(
            "r-fig-v", parent=plain, fontSize=17, leading=22, alignment=TA_CENTER, textColor=ACCENT
        ),
        figure_label=ParagraphStyle(
            "r-fig-l", parent=plain, fontSize=8.5, leading=11, alignment=TA_CENTER, textColor=MUTED
        ),
    )


# ---------------------------------------------------------------------------------------------
# Number texts
# ---------------------------------------------------------------------------------------------


def fmt_count(value: int | None) -> str:
    return DASH if value is None else f"{value:,}"


def fmt_rate(value: float | None) -> str:
    """0.935 → 93.5%; no value (nothing counted) → —."""
    return DASH if value is None else f"{value * 100:.1f}%"


def fmt_score(value: float | None) -> str:
    return DASH if value is None else f"{value:.2f}"


def fmt_hours(value: float | None) -> str:
    return DASH if value is None else f"{value:.1f}"


def count_change(now: int | None, before: int | None) -> str:
    """+12（+8.3%）; when there was nothing before, only the difference."""
    if now is None or before is None:
        return DASH
    diff = now - before
    if diff == 0:
        return "持平"
    if before == 0:
        return f"{diff:+,}"
    return f"{diff:+,}（{diff / before * 100:+.1f}%）"


def rate_change(now: float | None, before: float | None) -> str:
    """Rates compare in percentage points: +2.1个百分点."""
    if now is None or before is None:
        return DASH
    points = (now - before) * 100
    if abs(points) < 0.05:
        return "持平"
    return f"{points:+.1f}个百分点"


def score_change(now: float | None, before: float | None) -> str:
    if now is None or before is None:
        return DASH
    diff = now - before
    return "持平" if abs(diff) < 0.005 else f"{diff:+.2f}分"


def local_day(value: dt.datetime) -> str:
    from app.models.base import to_local

    local = to_local(value)
    return f"{local.year}年{local.month}月{local.day}日"


def local_minute(value: dt.datetime) -> str:
    from app.models.base import to_local

    return to_local(value).strftime("%Y-%m-%d %H:%M")


# ---------------------------------------------------------------------------------------------
# Headings (contents entries and PDF bookmarks), tables, figures
# ---------------------------------------------------------------------------------------------


class Heading(Paragraph):
    """A section heading; the document template lists it in the contents and bookmarks."""

    def __init__(self, text: str, style: ParagraphStyle, level: int, key: str) -> None:
        super().__init__(text, style)
        self.toc_text, self.toc_level, self.toc_key = text, level, key


def heading(st: ReportStyles, text: str, level: int, key: str) -> Heading:
    return Heading(text, st.h1 if level == 0 else st.h2, level, key)


def chapter(st: ReportStyles, text: str, level: int, key: str) -> list[Flowable]:
    """A chapter heading that starts a new page when less than a chart's height is left, so a
    heading never stands alone at the foot of a page (keepWithNext cannot hold a figure)."""
    return [CondPageBreak(70 * mm), heading(st, text, level, key)]


def data_table(
    st: ReportStyles,
    header: Sequence[str],
    rows: Sequence[Sequence[object]],
    widths: Sequence[float],
    *,
    align_right_from: int = 1,
    highlight_first_column: bool = False,
) -> Table:
    """A ruled list table, header shaded and repeated on each page; numbers right-aligned."""

    def cell(value: object, style: ParagraphStyle, width: float) -> object:
        # Flowables and numbers as they are; text as a plain string when it fits one line.
        return cell_text(value, style, width) if isinstance(value, str) else value

    data = [[h if isinstance(h, Flowable) else para(h, st.cell_center) for h in header]]
    data += [[cell(value, st.cell, w) for value, w in zip(row, widths, strict=True)]
             for row in rows]
    commands = [
        CELL_FONT,
        ("FONTSIZE", (0, 0), (-1, -1), st.cell.fontSize),
        ("LEADING", (0, 0), (-1, -1), st.cell.leading),
        ("LINEABOVE", (0, 0), (-1, 0), 1.0, INK),
        ("LINEBELOW", (0, 0), (-1, 0), 0.6, INK),
        ("LINEBELOW", (0, -1), (-1, -1), 1.0, INK),
        ("LINEBELOW", (0, 1), (-1, -2), 0.25, RULE),
        ("BACKGROUND", (0, 0), (-1, 0), LABEL_FILL),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("ALIGN", (align_right_from, 1), (-1, -1), "RIGHT"),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
    ]
    if highlight_first_column:
        commands.append(("TEXTCOLOR", (0, 1), (0, -1), ACCENT))
    return Table(
        data, colWidths=list(widths), repeatRows=1, style=TableStyle(commands), hAlign="LEFT"
    )


def no_data(st: ReportStyles, what: str = "") -> Paragraph:
    """The line that stands in for a table or chart when the period has nothing to show."""
    return para(f"{what}{NO_DATA}" if what else f"本期{NO_DATA}", st.note)


def key_figures(st: ReportStyles, figures: Sequence[tuple[str, str, str]]) -> Table:
    """A row of boxed key figures: (value, label, note under it)."""
    width = CONTENT_WIDTH / len(figures)
    cells = [
        [para(v, st.figure_value), para(label, st.figure_label), para(note, st.figure_label)]
        for v, label, note in figures
    ]
    return Table(
        [cells],
        colWidths=[width] * len(figures),
        style=TableStyle(
            [
                CELL_FONT,
                ("BOX", (0, 0), (-1, -1), 0.8, ACCENT),
                ("INNERGRID", (0, 0), (-1, -1), 0.4, RULE),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("TOPPADDING", (0, 0), (-1, -1), 6),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
            ]
        ),
    )


def contents(st: ReportStyles) -> list[Flowable]:
    # The table's own style must name the CJK font too, or Helvetica is referenced unembedded.
    style = TableStyle(
        [
            CELL_FONT,
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 0),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
        ]
    )
    toc = TableOfContents(
        levelStyles=list(st.toc_levels), dotsMinLevel=0, rightColumnWidth=40, tableStyle=style
    )
    return [Paragraph("目　录", st.toc_title), toc]


# ---------------------------------------------------------------------------------------------
# The document
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ReportHeader:
    title: str  # 年度保修白皮书
    period_label: str  # 2026年度
    company: str
    created: dt.datetime  # local time written as the PDF's creation date
    subject: str
    keywords: str


def _report_footer(canvas: Canvas, page: int, total: int) -> None:
    canvas.setFont(register_reportlab_font(), 8.5)
    canvas.setFillColor(MUTED)
    canvas.drawCentredString(PAGE_WIDTH / 2, MARGIN_BOTTOM - 11 * mm, f"第 {page} 页 共 {total} 页")


def _body_page(header: ReportHeader):
    font = register_reportlab_font()

    def draw(canvas: Canvas, doc: BaseDocTemplate) -> None:
        canvas.numbered = True  # type: ignore[attr-defined]
        canvas.saveState()
        top = PAGE_HEIGHT - MARGIN_TOP + 8 * mm
        canvas.setFont(font, 8.5)
        canvas.setFillColor(MUTED)
        canvas.drawString(MARGIN_X, top, header.company)
        canvas.drawRightString(
            PAGE_WIDTH - MARGIN_X, top, f"{header.title}（{header.period_label}）"
        )
        canvas.setStrokeColor(ACCENT)
        canvas.setLineWidth(0.8)
        canvas.line(MARGIN_X, top - 2.5 * mm, PAGE_WIDTH - MARGIN_X, top - 2.5 * mm)
        bottom = MARGIN_BOTTOM - 6 * mm
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.4)
        canvas.line(MARGIN_X, bottom, PAGE_WIDTH - MARGIN_X, bottom)
        canvas.restoreState()

    return draw


def _cover_page(canvas: Canvas, doc: BaseDocTemplate) -> None:
    canvas.numbered = False  # type: ignore[attr-defined]
    canvas.saveState()
    canvas.setFillColor(ACCENT)
    canvas.rect(0, PAGE_HEIGHT - 28 * mm, PAGE_WIDTH, 28 * mm, stroke=0, fill=1)
    canvas.rect(0, 0, PAGE_WIDTH, 14 * mm, stroke=0, fill=1)
    canvas.restoreState()


class _ReportDoc(BaseDocTemplate):
    def __init__(self, *args, created: dt.datetime, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._created = created

    def beforeDocument(self) -> None:  # noqa: N802 (ReportLab's hook)
        created = self._created
        self.canv.setDateFormatter(lambda *_args: created.strftime("D:%Y%m%d%H%M%S+08'00'"))

    def afterFlowable(self, flowable: Flowable) -> None:  # noqa: N802 (ReportLab's hook)
        if isinstance(flowable, Heading):
            key = flowable.toc_key
            self.canv.bookmarkPage(key)
            self.canv.addOutlineEntry(
                flowable.toc_text, key, level=flowable.toc_level, closed=flowable.toc_level > 0
            )
            self.notify("TOCEntry", (flowable.toc_level, flowable.toc_text, self.page, key))


def build_report(header: ReportHeader, story: list[Flowable], *, cover_page: bool) -> bytes:
    """Lay out the story; with `cover_page` the first page is the cover (no header or number)."""
    rl_config.useA85 = 0  # binary streams: smaller, faster, equally deterministic
    out = io.BytesIO()
    doc = _ReportDoc(
        out,
        created=header.created,
        pagesize=A4,
        leftMargin=MARGIN_X,
        rightMargin=MARGIN_X,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        title=f"{header.title}（{header.period_label}）",
        author=header.company,
        subject=header.subject,
        keywords=header.keywords,
        creator="WarrantyDesk 保修工作台",
        producer="WarrantyDesk 保修工作台 (ReportLab)",
        invariant=1,
        pageCompression=1,
        initialFontName=register_reportlab_font(),  # never Helvetica, which is not embedded
    )
    frame = Frame(
        MARGIN_X,
        MARGIN_BOTTOM,
        CONTENT_WIDTH,
        PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM,
        id="body",
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )
    templates = [PageTemplate(id="body", frames=[frame], onPage=_body_page(header))]
    if cover_page:
        cover = PageTemplate(id="cover", frames=[frame], onPage=_cover_page)
        templates.insert(0, cover)
        story = [NextPageTemplate("body"), *story]
    doc.addPageTemplates(templates)
    doc.multiBuild(story, canvasmaker=numbered_canvas(_report_footer))
    return out.getvalue()


def cover_story(
    st: ReportStyles, title: str, period_line: str, lines: Sequence[str]
) -> list[Flowable]:
    """The white paper's cover page, followed by a page break."""
    flow: list[Flowable] = [
        Spacer(1, 62 * mm),
        para(title, st.cover_title),
        Spacer(1, 8 * mm),
        para(period_line, st.cover_subtitle),
        Spacer(1, 70 * mm),
    ]
    flow += [para(line, st.cover_line) for line in lines]
    flow.append(PageBreak())
    return flow


def cover_block(
    st: ReportStyles, title: str, period_line: str, lines: Sequence[str]
) -> list[Flowable]:
    """The summary report's title block at the top of its first page."""
    rule = Table(
        [[""]],
        colWidths=[CONTENT_WIDTH],
        rowHeights=[2],
        style=TableStyle([CELL_FONT, ("LINEBELOW", (0, 0), (-1, -1), 1.2, ACCENT)]),
    )
    info = ParagraphStyle("r-info", parent=st.cover_line, fontSize=9, leading=14, alignment=TA_LEFT)
    return [
        Spacer(1, 4 * mm),
        para(title, ParagraphStyle("r-title", parent=st.cover_title, fontSize=24, leading=32)),
        Spacer(1, 2 * mm),
        para(
            period_line,
            ParagraphStyle("r-period", parent=st.cover_subtitle, fontSize=12.5, leading=20),
        ),
        Spacer(1, 3 * mm),
        rule,
        Spacer(1, 2 * mm),
        *[para(line, info) for line in lines],
        Spacer(1, 3 * mm),
    ]
