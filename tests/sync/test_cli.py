"""`python -m app server init|upgrade` and `python -m app --db PATH sync` with exit codes."""

from __future__ import annotations

import subprocess
import sys

from tests.sync.pg_fixtures import create_database, drop_database


def run_app(*args: str, env_password: str | None = None) -> subprocess.CompletedProcess:
    import os

    env = dict(os.environ)
    if env_password is not None:
        env["WARRANTYDESK_PG_PASSWORD"] = env_password
    return subprocess.run([sys.executable, "-m", "app", *args], capture_output=True, text=True,
                          env=env, timeout=120)


def test_server_init_upgrade_and_sync_from_the_command_line(pg_server, make_store):
    name = create_database(pg_server, init=False)
    url = pg_server.url(name)
    try:
        done = run_app("server", "init", "--url", url, "--tls", "disable")
        assert done.returncode == 0, done.stderr
        assert "已初始化" in done.stdout
        again = run_app("server", "init", "--url", url, "--tls", "disable")
        assert again.returncode == 1 and "已初始化" in again.stderr
        upgraded = run_app("server", "upgrade", "--url", url, "--tls", "disable")
        assert upgraded.returncode == 0 and "最新" in upgraded.stdout
        store = make_store("a", demo=True)
        path = str(store.path)
        store.close()
        synced = run_app("--db", path, "sync", "--url", url, "--tls", "disable")
        assert synced.returncode == 0, synced.stderr
        assert "同步完成" in synced.stdout
        scoped = run_app("--db", path, "sync", "--url", url, "--tls", "disable", "--scope", "没有这个项目")
        assert scoped.returncode == 1 and "找不到项目" in scoped.stderr
    finally:
        drop_database(pg_server, name)


def test_sync_to_an_unreachable_server_fails_with_a_reason(make_store):
    store = make_store("a")
    path = str(store.path)
    store.close()
    failed = run_app("--db", path, "sync", "--url", "postgresql://127.0.0.1:9/warrantydesk", "--tls", "disable")
    assert failed.returncode == 1
    assert "无法连接到服务器" in failed.stderr
