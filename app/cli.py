"""Command-line commands for scripts and scheduled tasks: demo data, ticket listing, self-test."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path

from app import __version__
from app.models.vocabulary import TICKET_STATE_ZH, URGENCY_ZH, TicketState, Urgency


def _positive_int(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"需要一个正整数，而不是 {value!r}") from None
    if number <= 0:
        raise argparse.ArgumentTypeError(f"需要一个正整数，而不是 {value}")
    return number


def _non_negative_int(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"需要一个非负整数，而不是 {value!r}") from None
    if number < 0:
        raise argparse.ArgumentTypeError(f"需要一个非负整数，而不是 {value}")
    return number


def _date(value: str) -> dt.datetime:
    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"日期格式应为 YYYY-MM-DD，而不是 {value!r}") from None
    return dt.datetime(day.year, day.month, day.day, 8, tzinfo=dt.UTC)  # 16:00 in China


def _state(value: str) -> str:
    for state, label in TICKET_STATE_ZH.items():
        if value in (state.value, label):
            return state.value
    choices = "、".join(f"{s.value}({label})" for s, label in TICKET_STATE_ZH.items())
    raise argparse.ArgumentTypeError(f"未知状态 {value!r}，可选：{choices}")


def _urgency(value: str) -> int:
    for urgency, label in URGENCY_ZH.items():
        if value in (str(urgency.value), urgency.name.lower(), label):
            return urgency.value
    raise argparse.ArgumentTypeError(f"未知紧急程度 {value!r}，可选：emergency/urgent/normal 或 紧急/加急/一般")


def _report_kind(value: str) -> str:
    if value in ("monthly", "quarterly", "annual"):
        return value
    raise argparse.ArgumentTypeError(f"未知报表类型 {value!r}，可选：monthly（月度）、quarterly（季度）、annual（年度）")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="warrantydesk",
        description="WarrantyDesk 保修工作台 — 工程保修管理。不带命令时打开主窗口。",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--db", type=Path, help="数据库文件（默认：用户数据文件夹中的 warrantydesk.db）")
    parser.add_argument(
        "--demo", action="store_true", help="数据库不存在时创建并填入演示数据（约 2,000 张报修单）"
    )
    parser.add_argument("--lang", choices=["zh_CN", "en"], help="界面语言（默认取设置，初始为中文）")
    commands = parser.add_subparsers(dest="command", metavar="命令")

    demo = commands.add_parser("demo", help="向数据库填入逼真的演示数据")
    demo.add_argument("--tickets", type=_positive_int, default=2000, help="报修单数量（正整数）")
    demo.add_argument("--seed", type=_non_negative_int, default=1, help="随机种子：相同种子生成相同数据")
    demo.add_argument(
        "--as-of", type=_date, help="数据截止日期 YYYY-MM-DD（默认 2026-11-24，便于复现）"
    )

    tickets = commands.add_parser("tickets", help="列出报修单（供脚本使用）")
    tickets.add_argument("--state", type=_state, action="append", help="状态，可重复，如 in_repair 或 维修实施")
    tickets.add_argument("--project", help="项目编号或名称")
    tickets.add_argument("--urgency", type=_urgency, help="紧急程度")
    tickets.add_argument("--search", default="", help="搜索词（报修单号、描述、位置、报修人、电话）")
    tickets.add_argument("--limit", type=_positive_int, default=50, help="最多列出条数")
    tickets.add_argument("--json", action="store_true", help="输出 JSON（每行一个对象）")

    commands.add_parser("selftest", help="自检：在临时演示库上打开主窗口并检查字体、数据库和翻译")

    pdf = commands.add_parser("pdf", help="打印文件：生成报修单的保修完成确认单、维修派工单或不予保修告知书（PDF）")
    pdf.add_argument(
        "kind", choices=["confirmation", "work-order", "not-covered", "minutes"],
        help="confirmation=保修完成确认单，work-order=维修派工单，not-covered=不予保修告知书，"
        "minutes=专项复盘会议纪要",
    )
    pdf.add_argument(
        "ticket", metavar="TICKET_NO", help="报修单号，如 BX-JN01-2026-00042（minutes：会议编号 FP-… 或会议 id）"
    )
    pdf.add_argument("-o", "--output", type=Path, help="输出文件（默认：当前文件夹中的“文件名-单号.pdf”）")

    verify = commands.add_parser(
        "verify", help="核验打印文件：与记录一致（退出码 0）/ 打印后记录已更改（2）/ 未知（3）"
    )
    verify.add_argument("file", nargs="?", type=Path, help="要核验的 PDF 文件")
    verify.add_argument("--code", help="核验码（文件上印的 12 位码，可带短横线）")

    report = commands.add_parser(
        "report", help="报表：月度/季度保修工作总结、年度保修白皮书（PDF）；参数错误时退出码 2"
    )
    report.add_argument("kind", type=_report_kind, metavar="{monthly,quarterly,annual}",
                        help="monthly=月度保修工作总结，quarterly=季度保修工作总结，annual=年度保修白皮书")
    report.add_argument("--month", help="月份 YYYY-MM，如 2026-10（monthly）")
    report.add_argument("--quarter", help="季度 YYYYQn，如 2026Q3（quarterly）")
    report.add_argument("--year", help="年份 YYYY，如 2026（annual）")
    report.add_argument("-o", "--output", type=Path, help="输出文件（默认：当前文件夹中的“报表名-统计期.pdf”）")
    report.add_argument("--as-of", type=_date, help="编制日期 YYYY-MM-DD（默认现在；在办单数按此时统计）")

    from app.sync.cli import add_sync_commands

    add_sync_commands(commands)  # server init|upgrade, sync
    return parser


def run_command(args: argparse.Namespace) -> int:
    from app.models.db import DatabaseOpenError

    try:
        if args.command == "demo":
            return _demo(args)
        if args.command == "tickets":
            return _tickets(args)
        if args.command == "pdf":
            return _pdf(args)
        if args.command == "verify":
            return _verify(args)
        if args.command == "report":
            return _report(args)
        if args.command in ("server", "sync"):
            from app.sync.cli import run_sync_command

            return run_sync_command(args, _db_path)
        if args.command == "selftest":
            from app.selftest import run_selftest

            return run_selftest()
    except DatabaseOpenError as error:
        print(f"错误：{error}", file=sys.stderr)
        return 1
    raise AssertionError(args.command)


def _db_path(args: argparse.Namespace) -> Path:
    from app.config import default_db_path

    return args.db if args.db is not None else default_db_path()


def _demo(args: argparse.Namespace) -> int:
    from app.demo.generator import generate_demo
    from app.models.db import open_database

    db = open_database(_db_path(args), create=True)
    try:
        def progress(done: int, total: int) -> None:
            print(f"\r已生成 {done:,}/{total:,} 张报修单", end="", file=sys.stderr, flush=True)

        extra = {"now": args.as_of} if args.as_of else {}
        summary = generate_demo(db, tickets=args.tickets, seed=args.seed, progress=progress, **extra)
        print(file=sys.stderr)
        print(f"演示数据已写入 {db.path}：{args.tickets:,} 张报修单，用时 {summary.elapsed_seconds:.1f} 秒")
    finally:
        db.close()
    return 0


def _tickets(args: argparse.Namespace) -> int:
    from sqlalchemy import or_, select

    from app.models.base import to_local
    from app.models.db import open_database
    from app.models.project import Project
    from app.models.ticket_list import TicketFilter, fetch_page

    db = open_database(_db_path(args))
    try:
        with db.sessions() as session:
            project_id = None
            if args.project:
                project_id = session.scalar(
                    select(Project.id).where(or_(Project.code == args.project, Project.name == args.project))
                )
                if project_id is None:
                    print(f"错误：找不到项目 {args.project!r}", file=sys.stderr)
                    return 1
            flt = TicketFilter(
                states=tuple(args.state or ()),
                project_id=project_id,
                urgency=args.urgency,
                search=args.search,
            )
            rows = fetch_page(session, flt, limit=args.limit).rows
    finally:
        db.close()
    if args.json:
        for row in rows:
            print(json.dumps(row.as_dict(), ensure_ascii=False))
        return 0
    for row in rows:
        print(
            "\t".join(
                [
                    row.number,
                    TICKET_STATE_ZH[TicketState(row.state)],
                    URGENCY_ZH[Urgency(row.urgency)],
                    row.project_name,
                    row.location,
                    row.category,
                    row.owner_name,
                    to_local(row.reported_at).strftime("%Y-%m-%d %H:%M"),
                ]
            )
        )
    return 0


def _pdf(args: argparse.Namespace) -> int:
    """pdf KIND NUMBER: a ticket's form, or (minutes) a meeting's 专项复盘会议纪要."""
    from app.config import attachments_dir
    from app.documents import DocumentRefused, render_for_ticket_number
    from app.documents.minutes import MinutesRefused, render_minutes
    from app.models.attachment_store import AttachmentStore
    from app.models.db import open_database

    db = open_database(_db_path(args))
    try:
        store = AttachmentStore(attachments_dir(db.path))
        try:
            with db.transaction() as session:
                if args.kind == "minutes":
                    document = render_minutes(session, store, args.ticket)
                    number = document.meeting_number
                else:
                    document = render_for_ticket_number(session, store, args.ticket, args.kind)
                    number = document.ticket_number
        except (DocumentRefused, MinutesRefused) as error:
            print(f"错误：{error}", file=sys.stderr)
            return 1
    finally:
        db.close()
    target = args.output if args.output is not None else Path(document.file_name)
    try:
        target.write_bytes(document.pdf)
    except OSError as error:
        print(f"错误：无法写入文件 {target}（{error.strerror or error}）", file=sys.stderr)
        return 1
    for warning in document.warnings:
        print(f"警告：{warning}", file=sys.stderr)
    print(f"已生成《{document.title}》{number} → {target}（核验码 {document.code}）")
    return 0


def _verify(args: argparse.Namespace) -> int:
    from app.documents import VerifyStatus, verify_code, verify_pdf
    from app.models.db import open_database

    if (args.file is None) == (args.code is None):
        print("错误：请给出一个 PDF 文件或 --code 核验码（二者选一）", file=sys.stderr)
        return 1
    db = open_database(_db_path(args))
    try:
        with db.sessions() as session:
            result = verify_code(session, args.code) if args.code else verify_pdf(session, args.file)
    finally:
        db.close()
    print(result.message)
    return {VerifyStatus.MATCHES: 0, VerifyStatus.CHANGED: 2, VerifyStatus.UNKNOWN: 3}[result.status]


def _report(args: argparse.Namespace) -> int:
    """report monthly|quarterly|annual: bad or missing periods exit with 2, like argparse."""
    from app.documents.reports import (
        PeriodError,
        default_file_name,
        parse_month,
        parse_quarter,
        parse_year,
        render_report,
    )
    from app.models.base import to_local, utcnow
    from app.models.db import open_database

    option = {"monthly": "month", "quarterly": "quarter", "annual": "year"}[args.kind]
    parse = {"month": parse_month, "quarter": parse_quarter, "year": parse_year}[option]
    others = [f"--{name}" for name in ("month", "quarter", "year")
              if name != option and getattr(args, name) is not None]
    now = utcnow() if args.as_of is None else args.as_of.astimezone(dt.UTC).replace(tzinfo=None)
    try:
        if others:
            raise PeriodError(f"{args.kind} 报表只接受 --{option}，不接受 {'、'.join(others)}")
        if getattr(args, option) is None:
            raise PeriodError(f"{args.kind} 报表需要 --{option} 指定统计期")
        period = parse(getattr(args, option))
        if period.first > to_local(now).date():
            raise PeriodError(f"统计期 {period.first} 起尚未开始，无法生成报表")
    except PeriodError as error:
        print(f"错误：{error}", file=sys.stderr)
        return 2
    db = open_database(_db_path(args))
    try:
        with db.sessions() as session:
            pdf = render_report(session, args.kind, period, now)
    finally:
        db.close()
    target = args.output if args.output is not None else Path(default_file_name(args.kind, period))
    try:
        target.write_bytes(pdf)
    except OSError as error:
        print(f"错误：无法写入文件 {target}（{error.strerror or error}）", file=sys.stderr)
        return 1
    print(f"已生成《{default_file_name(args.kind, period).removesuffix('.pdf')}》→ {target}")
    return 0
