"""Where and how to sync: the server address, credentials, TLS mode, scope and interval."""

from __future__ import annotations

import os
import uuid
from dataclasses import dataclass, field

from sqlalchemy.engine import URL, make_url

TLS_MODES: tuple[str, ...] = ("disable", "prefer", "require", "verify-full")
PASSWORD_ENV = "WARRANTYDESK_PG_PASSWORD"
CONNECT_TIMEOUT_SECONDS = 10


class SettingsError(ValueError):
    """The settings cannot describe a server connection; the message says why, in Chinese."""


@dataclass(frozen=True)
class SyncSettings:
    """Sync settings as the user enters them (设置 → 同步) or the command line gives them."""

    url: str  # postgresql://host:5432/dbname (user and password may also be in it)
    user: str = ""
    password: str = ""
    tls_mode: str = "prefer"
    scope_project_ids: tuple[uuid.UUID, ...] = field(default=())
    interval_minutes: int = 10  # 0: no automatic sync

    def sqlalchemy_url(self) -> URL:
        """The SQLAlchemy URL (psycopg 3 driver) with user, password and TLS mode applied."""
        text = self.url.strip()
        if not text:
            raise SettingsError("未填写服务器地址。")
        if "://" not in text:
            text = f"postgresql://{text}"
        try:
            url = make_url(text)
        except Exception as error:  # noqa: BLE001  (any parse failure is the user's typo)
            raise SettingsError(f"服务器地址格式不正确：{self.url}（应为 postgresql://主机:端口/数据库名）") from error
        if url.get_backend_name() not in ("postgresql", "postgres"):
            raise SettingsError(f"服务器地址必须以 postgresql:// 开头：{self.url}")
        if not url.database:
            raise SettingsError("服务器地址中缺少数据库名（例如 postgresql://主机:5432/warrantydesk）。")
        if self.tls_mode not in TLS_MODES:
            raise SettingsError(f"未知的 TLS 模式：{self.tls_mode}")
        password = self.password or url.password or os.environ.get(PASSWORD_ENV) or None
        query = dict(url.query)
        query.setdefault("sslmode", self.tls_mode)
        query.setdefault("connect_timeout", str(CONNECT_TIMEOUT_SECONDS))
        query.setdefault("application_name", "warrantydesk")
        return url.set(
            drivername="postgresql+psycopg",
            username=self.user or url.username,
            password=password,
            query=query,
        )

    def conninfo(self) -> str:
        """The libpq connection string psycopg connects with."""
        url = self.sqlalchemy_url()
        parts = {
            "host": url.host or "", "port": str(url.port or ""), "dbname": url.database or "",
            "user": url.username or "", "password": url.password or "",
        }
        parts.update({k: str(v) for k, v in url.query.items()})
        return " ".join(f"{k}='{_escape(v)}'" for k, v in parts.items() if v != "")

    def display_url(self) -> str:
        """The address without the password (for logs and messages)."""
        return self.sqlalchemy_url().render_as_string(hide_password=True)


def _escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace("'", "\\'")
