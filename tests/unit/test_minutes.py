"""The minutes PDF (专项复盘会议纪要): content, fonts, determinism, verification and the CLI."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path

import pytest
from sqlalchemy import select

from app.__main__ import main
from app.documents import VerifyStatus, verify_code, verify_pdf
from app.documents.minutes import MinutesRefused, fishbone_drawing, render_minutes
from app.models import Ticket
from app.models.escalation import Escalation
from app.models.escalation_terms import (
    ActionData,
    ActionStatus,
    AnalysisMethod,
    AttendeeData,
    EscalationKind,
)
from app.models.retrospective import RetrospectiveMeeting
from app.models.retrospective_service import (
    add_action,
    add_evidence,
    create_meeting,
    mark_meeting_held,
    meeting_prefill,
    set_action_status,
)
from app.models.ticket_actions import attach_file
from app.models.vocabulary import PhotoStage
from tests.unit.lifecycle_world import T0, build_world, register

DAY = dt.timedelta(days=1)
needs_poppler = pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="poppler-utils missing"
)


def _jpeg(shade: int) -> bytes:
    import io

    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (64, 48), (shade, 120, 90)).save(out, "JPEG")
    return out.getvalue()


@pytest.fixture
def meeting(db):
    """A held meeting on a recurring escalation: 5-why, three attendees, two actions, photos."""
    world = build_world(db)
    ids = [register(db, world, at=T0 + n * DAY) for n in range(3)]
    with db.transaction() as session:
        tech = world.actor(session, "tech")
        for n, ticket_id in enumerate(ids):
            attach_file(
                session,
                world.store,
                session.get(Ticket, ticket_id),
                tech,
                data=_jpeg(40 * n + 60),
                original_name=f"现场{n}.jpg",
                mime_type="image/jpeg",
                stage=PhotoStage.BEFORE,
                now=T0 + (n + 1) * DAY,
            )
    with db.transaction() as session:
        pm, tech = world.actor(session, "pm"), world.actor(session, "tech")
        escalation = session.scalars(
            select(Escalation).where(Escalation.kind == EscalationKind.RECURRING.value)
        ).one()
        data = meeting_prefill(session, escalation.id)
        data.held_at, data.host_id, data.place = T0 + 10 * DAY, pm.id, "阳光花园项目部二楼会议室"
        data.attendees = [
            AttendeeData("张经理", "第一项目部", "construction", pm.id),
            AttendeeData("周设计", "华信建筑设计研究院", "design"),
            AttendeeData("陈监理", "诚达工程监理有限公司", "supervision"),
        ]
        data.five_whys = [
            "卫生间地面渗水到楼下",
            "防水层在墙角处断开",
            "墙角未做附加层",
            "班组未按方案交底施工",
            "项目部缺少隐蔽工程验收影像留存制度",
        ]
        data.root_cause = "隐蔽工程验收流于形式"
        data.conclusions = "全面复查同批次卫生间；修订隐蔽工程验收制度。"
        meeting = create_meeting(session, pm, data, now=T0 + 9 * DAY)
        fix = add_action(
            session,
            meeting,
            pm,
            ActionData(
                "corrective", "复查同批次 36 户卫生间防水", tech.id, "", (T0 + 20 * DAY).date()
            ),
            now=T0 + 10 * DAY,
        )
        add_action(
            session,
            meeting,
            pm,
            ActionData(
                "preventive",
                "隐蔽工程验收须附照片并由监理签认",
                pm.id,
                "工程管理部",
                (T0 + 40 * DAY).date(),
            ),
            now=T0 + 10 * DAY,
        )
        mark_meeting_held(session, meeting, pm, now=T0 + 10 * DAY)
        add_evidence(
            session,
            world.store,
            fix,
            tech,
            data=_jpeg(200),
            original_name="复查记录.jpg",
            mime_type="image/jpeg",
            now=T0 + 12 * DAY,
        )
        set_action_status(session, fix, tech, ActionStatus.DONE.value, now=T0 + 12 * DAY)
        numbers = [session.get(Ticket, t).number for t in ids]
        return world, meeting.id, meeting.number, numbers


def _render(db, meeting_id, **options):
    from app.config import attachments_dir
    from app.models.attachment_store import AttachmentStore

    with db.transaction() as session:
        return render_minutes(
            session, AttachmentStore(attachments_dir(db.path)), meeting_id, **options
        )


def _text(pdf: bytes, tmp_path: Path) -> str:
    path = tmp_path / "minutes.pdf"
    path.write_bytes(pdf)
    return subprocess.run(
        ["pdftotext", "-raw", str(path), "-"], capture_output=True, check=True
    ).stdout.decode()


@needs_poppler
def test_minutes_content_and_fonts(db, meeting, tmp_path: Path) -> None:
    _world, meeting_id, number, tickets = meeting
    document = _render(db, meeting_id)
    assert document.warnings == []
    assert document.file_name == f"专项复盘会议纪要-{number}.pdf"
    text = _text(document.pdf, tmp_path)
    for expected in (
        "专项复盘会议纪要",
        "一、会议概况",
        "阳光花园项目部二楼会议室",
        "张经理",
        "华信建筑设计研究院",
        "监理",
        "二、参会人员（共 3 人）",
        "签名",
        "三、问题描述",
        "90 天内出现 3 次",
        "四、原因分析（5个为什么）",
        "为什么1",
        "为什么5",
        "项目部缺少隐蔽工程验收影像留存制度",
        "根本原因",
        "隐蔽工程验收流于形式",
        "五、会议结论",
        "六、整改措施（纠正与预防，共 2 项，已关闭 1 项）",
        "复查同批次 36 户卫生间防水",
        "已完成",
        "证据 1 份",
        "工程管理部",
        "七、关联报修单（共 3 张）",
        *tickets,
        "主持人（签字）",
        f"核验码：{document.code}",
        "第 1 页 / 共",
    ):
        assert expected in text, expected
    path = tmp_path / "fonts.pdf"
    path.write_bytes(document.pdf)
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, check=True).stdout.decode()
    rows = fonts.splitlines()[2:]
    assert rows and all(" yes " in row and "WenQuanYi" in row for row in rows), fonts
    # Photos: three ticket thumbnails are embedded.
    images = subprocess.run(
        ["pdfimages", "-list", str(path)], capture_output=True, check=True
    ).stdout.decode()
    assert len(images.splitlines()[2:]) >= 3


@needs_poppler
def test_fishbone_minutes_are_drawn(db, meeting, tmp_path: Path) -> None:
    world, meeting_id, _number, _tickets = meeting
    from app.models.retrospective_service import meeting_detail, update_meeting

    with db.transaction() as session:
        data = meeting_detail(session, meeting_id).data
        data.analysis_method = AnalysisMethod.FISHBONE.value
        data.fishbone = {
            "man": ["班组未交底"],
            "material": ["卷材搭接宽度不足"],
            "environment": ["雨季抢工"],
            "measurement": ["验收无影像记录"],
        }
        update_meeting(
            session, session.get(RetrospectiveMeeting, meeting_id), world.actor(session, "pm"), data
        )
    text = _text(_render(db, meeting_id).pdf, tmp_path)
    assert "四、原因分析（鱼骨图（人机料法环））" in text
    for expected in (
        "班组未交底",
        "卷材搭接宽度不足",
        "雨季抢工",
        "验收无影像记录",
        "人",
        "机",
        "料",
        "法",
        "环",
        "测",
    ):
        assert expected in text, expected
    drawing = fishbone_drawing("卫生间渗漏", data.fishbone)
    lines = [shape for shape in drawing.contents if type(shape).__name__ == "Line"]
    assert len(lines) >= 1 + 6 + 4  # the spine, six bones, one rib per cause


def test_same_record_same_bytes_and_verification(db, meeting, tmp_path: Path) -> None:
    world, meeting_id, number, _tickets = meeting
    first = _render(db, meeting_id)
    again = _render(db, meeting_id)
    assert first.pdf == again.pdf and first.code == again.code
    path = tmp_path / "printed.pdf"
    path.write_bytes(first.pdf)
    with db.sessions() as session:
        result = verify_pdf(session, path)
    assert result.status == VerifyStatus.MATCHES and number in result.message
    assert result.message.startswith("与记录一致：《专项复盘会议纪要》")

    with db.transaction() as session:
        action = session.get(RetrospectiveMeeting, meeting_id).actions[1]
        set_action_status(
            session, action, world.actor(session, "pm"), ActionStatus.IN_PROGRESS.value
        )
    with db.sessions() as session:
        changed = verify_code(session, first.code)
    assert changed.status == VerifyStatus.CHANGED and changed.changes == ["整改措施"]
    assert _render(db, meeting_id).code != first.code
    with db.sessions() as session:
        assert verify_code(session, "AAAA-BBBB-CCCC").status == VerifyStatus.UNKNOWN


def test_unknown_meeting_is_refused(db) -> None:
    with pytest.raises(MinutesRefused, match="找不到复盘会议 FP-NONE"):
        _render(db, "FP-NONE")


def test_cli_prints_and_verifies_minutes(
    db, meeting, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _world, _meeting_id, number, _tickets = meeting
    path = db.path
    db.close()  # the CLI opens the store itself
    target = tmp_path / "纪要.pdf"
    assert main(["--db", str(path), "pdf", "minutes", number, "-o", str(target)]) == 0
    out = capsys.readouterr().out
    assert f"已生成《专项复盘会议纪要》{number}" in out and target.read_bytes().startswith(b"%PDF")
    assert main(["--db", str(path), "verify", str(target)]) == 0
    assert "与记录一致" in capsys.readouterr().out
    assert (
        main(
            [
                "--db",
                str(path),
                "pdf",
                "minutes",
                "FP-XXXX-2026-9999",
                "-o",
                str(tmp_path / "x.pdf"),
            ]
        )
        == 1
    )
    assert "找不到复盘会议" in capsys.readouterr().err
    assert not (tmp_path / "x.pdf").exists()


def test_demo_minutes_render_without_warnings(demo_db, tmp_path: Path) -> None:
    """(Their speed, target 200 ms, is measured in benchmarks/escalation.py.)"""
    with demo_db.sessions() as session:
        ids = list(
            session.scalars(select(RetrospectiveMeeting.id).order_by(RetrospectiveMeeting.number))
        )
    assert len(ids) == 2
    for meeting_id in ids:
        document = _render(demo_db, meeting_id)
        assert document.pdf.startswith(b"%PDF") and document.warnings == []
