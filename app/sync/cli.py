"""Command-line commands of the sync: `server init|upgrade --url URL` and `sync --url URL`."""

from __future__ import annotations

import argparse
import sys
import uuid
from collections.abc import Callable
from pathlib import Path


def add_sync_commands(commands) -> None:
    """Add `server` and `sync` to the program's sub-commands."""
    server = commands.add_parser("server", help="共享 PostgreSQL 服务器：init 初始化空数据库 / upgrade 升级结构")
    server.add_argument("action", choices=["init", "upgrade"], help="init=在空数据库中建立同步结构，upgrade=升级到本软件的版本")
    server.add_argument("--url", required=True, help="postgresql://用户@主机:5432/数据库名（密码可放在环境变量 WARRANTYDESK_PG_PASSWORD）")
    server.add_argument("--tls", default="prefer", choices=["disable", "prefer", "require", "verify-full"],
                        help="TLS 模式（默认 prefer）")

    sync = commands.add_parser("sync", help="与共享服务器同步一次（供计划任务使用；失败时退出码非零）")
    sync.add_argument("--url", required=True, help="postgresql://用户@主机:5432/数据库名")
    sync.add_argument("--scope", nargs="+", metavar="PROJECT", default=[],
                      help="只同步这些项目（项目编号或名称；默认全部）")
    sync.add_argument("--tls", default="prefer", choices=["disable", "prefer", "require", "verify-full"],
                      help="TLS 模式（默认 prefer）")


def run_sync_command(args: argparse.Namespace, db_path: Callable[[argparse.Namespace], Path]) -> int:
    from app.sync.schema import ServerSchemaError, init_server, upgrade_server
    from app.sync.server import describe
    from app.sync.settings import SettingsError, SyncSettings

    settings = SyncSettings(url=args.url, tls_mode=args.tls)
    if args.command == "server":
        try:
            if args.action == "init":
                revision = init_server(settings)
                print(f"服务器数据库已初始化（结构版本 {revision}）：{settings.display_url()}")
            else:
                before, after = upgrade_server(settings)
                print(f"服务器数据库结构已从 {before} 升级到 {after}" if before != after
                      else f"服务器数据库已是最新结构（{after}）")
        except (ServerSchemaError, SettingsError) as error:
            print(f"错误：{error}", file=sys.stderr)
            return 1
        except Exception as error:  # noqa: BLE001  (connection errors of any driver layer)
            print(f"错误：{describe(getattr(error, 'orig', None) or error)}", file=sys.stderr)
            return 1
        return 0
    return _sync(args, settings, db_path(args))


def _sync(args: argparse.Namespace, settings, path: Path) -> int:
    from dataclasses import replace

    from sqlalchemy import or_, select

    from app.models.db import open_database
    from app.models.project import Project
    from app.sync.service import run_sync

    db = open_database(path)
    try:
        scope: list[uuid.UUID] = []
        with db.sessions() as session:
            for name in args.scope:
                found = session.scalar(select(Project.id).where(
                    or_(Project.code == name, Project.name == name, Project.id == _as_uuid(name))))
                if found is None:
                    print(f"错误：找不到项目 {name!r}（请先不带 --scope 同步一次以取得项目列表）", file=sys.stderr)
                    return 1
                scope.append(found)
        settings = replace(settings, scope_project_ids=tuple(scope))

        def progress(phase: str, done: int, total: int) -> None:
            print(f"\r{phase} {done}/{total}    ", end="", file=sys.stderr, flush=True)

        result = run_sync(db, settings, progress)
        print(file=sys.stderr)
    finally:
        db.close()
    if result.error is not None:
        print(f"错误：{result.error}", file=sys.stderr)
        return 3 if result.too_old else 1
    print(
        f"同步完成：上传 {result.pushed} 条修改，下载 {result.pulled} 条，"
        f"隔离 {result.quarantined} 条，新冲突 {result.conflicts_new} 个，"
        f"附件上传 {result.blobs_up} 个、下载 {result.blobs_down} 个"
    )
    for warning in result.warnings:  # done, but worth a look (references to missing records)
        print(f"注意：{warning}", file=sys.stderr)
    return 0


def _as_uuid(text: str) -> uuid.UUID | None:
    try:
        return uuid.UUID(text)
    except ValueError:
        return None
