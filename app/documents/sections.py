"""Parts several forms share, built from a ticket record: photos, signatures, value texts."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Table, TableStyle

from app.documents.layout import (
    CELL_FONT,
    CONTENT_WIDTH,
    INK,
    RULE,
    Placeholder,
    Styles,
    fmt_date,
    fmt_dt,
    image_flowable,
    para,
)
from app.documents.record import PhotoItem, SignatureItem, TicketRecord
from app.models.attachment_store import AttachmentCorrupted
from app.models.vocabulary import (
    BUILDING_PART_ZH,
    CAUSE_ZH,
    CHANNEL_ZH,
    COVERAGE_ZH,
    PHOTO_STAGE_ZH,
    RESPONSIBLE_PARTY_ZH,
    URGENCY_ZH,
    PhotoStage,
    SignatureMethod,
    SignerRole,
)

FileReader = Callable[[str], bytes]  # sha256 → bytes, raising AttachmentCorrupted / OSError


@dataclass
class FormContext:
    """What a form builder needs: the record, styles, the file reader and what went wrong."""

    record: TicketRecord
    st: Styles
    read_file: FileReader
    warnings: list[str] = field(default_factory=list)

    def file(self, sha256: str, what: str) -> bytes | None:
        """A stored file, or None with a warning when it is missing or corrupted."""
        try:
            return self.read_file(sha256)
        except AttachmentCorrupted:
            self.warnings.append(f"{what}文件已损坏（与记录的哈希值不符），未打印")
        except OSError:
            self.warnings.append(f"{what}文件缺失，未打印")
        return None

    def value(self, name: str) -> str:
        return self.record.text(name)


def label_of(table: dict, code: object) -> str:
    if code is None or code == "":
        return ""
    for key, label in table.items():
        if key == code or getattr(key, "value", None) == code:
            return label
    return str(code)


def cause_text(ctx: FormContext) -> str:
    return label_of(CAUSE_ZH, ctx.record.values.get("cause"))


def part_text(ctx: FormContext) -> str:
    return label_of(BUILDING_PART_ZH, ctx.record.values.get("building_part"))


def coverage_text(ctx: FormContext) -> str:
    return label_of(COVERAGE_ZH, ctx.record.values.get("coverage"))


def urgency_text(ctx: FormContext) -> str:
    return label_of(URGENCY_ZH, ctx.record.values.get("urgency"))


def channel_text(ctx: FormContext) -> str:
    return label_of(CHANNEL_ZH, ctx.record.values.get("channel"))


def responsible_text(ctx: FormContext) -> str:
    party = label_of(RESPONSIBLE_PARTY_ZH, ctx.record.values.get("responsible_party"))
    if ctx.record.responsible_org:
        return f"{party}：{ctx.record.responsible_org}" if party else ctx.record.responsible_org
    return party


def contact_name(record: TicketRecord) -> str:
    return record.customer_name or record.text("reporter_name")


def contact_phone(record: TicketRecord) -> str:
    return record.text("reporter_phone") or record.customer_phone


def person_with_phone(name: str, phone: str) -> str:
    return f"{name}（{phone}）" if name and phone else name


def yes_no(value: object) -> str:
    return "■ 是　□ 否" if value else "□ 是　■ 否"


# ---------------------------------------------------------------------------------------------
# Photos
# ---------------------------------------------------------------------------------------------


def pick_photos(record: TicketRecord, limit: int = 4, stages=(PhotoStage.BEFORE, PhotoStage.AFTER)) -> list[PhotoItem]:
    """Up to `limit` images: before and after in equal shares, the other stage filling up."""
    images = [p for p in record.photos if p.mime_type.startswith("image/")]
    by_stage = {stage: [p for p in images if p.stage == stage] for stage in stages}
    share = limit // len(stages) if stages else 0
    chosen: list[PhotoItem] = []
    for stage in stages:
        chosen += by_stage[stage][:share]
    for stage in stages:  # a stage with fewer photos leaves room for the others
        for photo in by_stage[stage][share:]:
            if len(chosen) >= limit:
                break
            chosen.append(photo)
    order = {stage: index for index, stage in enumerate(stages)}
    return sorted(chosen, key=lambda p: (order.get(p.stage, 9), p.taken_at))


def photo_grid(ctx: FormContext, photos: list[PhotoItem], height: float = 52 * mm) -> Table | None:
    """Photos two per row, scaled to fit, each with its caption (stage, time, note)."""
    if not photos:
        return None
    cell_width = CONTENT_WIDTH / 2
    box_w, box_h = cell_width - 8 * mm, height
    cells: list[list[Flowable]] = []
    for photo in photos:
        stage = label_of(PHOTO_STAGE_ZH, photo.stage)
        data = ctx.file(photo.sha256, f"照片“{photo.original_name}”")
        if data is None:
            picture: Flowable = Placeholder(box_w, box_h, "照片文件缺失或已损坏，未打印")
        else:
            try:
                picture = image_flowable(data, box_w, box_h)
            except Exception:  # not an image ReportLab/PIL can read
                ctx.warnings.append(f"照片“{photo.original_name}”无法识别，未打印")
                picture = Placeholder(box_w, box_h, "照片无法识别，未打印")
        caption = f"{stage}　{fmt_dt(photo.taken_at)}"
        if photo.caption:
            caption += f"　{photo.caption}"
        cells.append([picture, para(caption, ctx.st.caption)])
    rows = [cells[i : i + 2] for i in range(0, len(cells), 2)]
    if len(rows[-1]) == 1:
        rows[-1].append("")
    return Table(
        rows, colWidths=[cell_width, cell_width],
        style=TableStyle([CELL_FONT,
            ("BOX", (0, 0), (-1, -1), 1.1, INK),
            ("INNERGRID", (0, 0), (-1, -1), 0.5, RULE),
            ("ALIGN", (0, 0), (-1, -1), "CENTER"),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("TOPPADDING", (0, 0), (-1, -1), 4),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ]),
    )


# ---------------------------------------------------------------------------------------------
# Signatures
# ---------------------------------------------------------------------------------------------


def latest_signature(record: TicketRecord, role: SignerRole) -> SignatureItem | None:
    found = [s for s in record.signatures if s.role == role]
    return found[-1] if found else None


def signature_cell(ctx: FormContext, signature: SignatureItem | None, width: float) -> Flowable | str:
    """The captured signature image, or '' (a blank to sign by hand)."""
    if signature is None:
        return ""
    who = "业主" if signature.role == SignerRole.OWNER else "维修人员"
    data = ctx.file(signature.image_sha256, f"{who}签名")
    if data is not None:
        try:
            return image_flowable(data, width, 15 * mm)
        except Exception:  # a scanned PDF, or an unreadable file
            pass
    if signature.method == SignatureMethod.SCANNED:
        return para(f"{signature.name}（已签字，扫描件存档）", ctx.st.value)
    return para(f"{signature.name}（签名图像无法打印）", ctx.st.value)


def signature_date(signature: SignatureItem | None) -> str:
    from app.documents.layout import BLANK_DATE

    return fmt_date(signature.signed_at) if signature else BLANK_DATE
