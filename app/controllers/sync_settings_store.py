"""Where the sync settings live: QSettings for server and scope, the OS keyring for the password."""

from __future__ import annotations

import contextlib
import uuid
from dataclasses import dataclass, replace
from urllib.parse import unquote, urlsplit, urlunsplit

import keyring
from PySide6.QtCore import QCoreApplication, QSettings

from app.sync.settings import TLS_MODES, SyncSettings

KEYRING_SERVICE = "WarrantyDesk sync"
URL_KEY = "sync/url"
USER_KEY = "sync/user"
TLS_KEY = "sync/tls_mode"
SCOPE_KEY = "sync/scope_project_ids"
INTERVAL_KEY = "sync/interval_minutes"
DEFAULT_INTERVAL = 10



def split_credentials(url: str) -> tuple[str, str, str]:
    """(url without user and password, user, password) of a pasted postgresql:// URL.

    A URL pasted with its password must not carry it into QSettings, a plain-text file.
    """
    url = url.strip()
    if url and "://" not in url:
        url = f"postgresql://{url}"  # as the sync engine reads an address typed without scheme
    try:
        parts = urlsplit(url)
    except ValueError:
        return url, "", ""
    if "@" not in parts.netloc:
        return url, "", ""
    userinfo, _, host = parts.netloc.rpartition("@")
    user, _, password = userinfo.partition(":")
    return urlunsplit(parts._replace(netloc=host)), unquote(user), unquote(password)


@dataclass(frozen=True)
class SaveOutcome:
    """What happened to the password when the settings were saved."""

    password_stored: bool
    message: str  # shown beside the 保存 button, already translated


class SyncSettingsStore:
    """Loads and saves SyncSettings; the password never reaches QSettings.

    Without a working keyring backend (a headless Linux box, CI), the password is kept in
    memory for this session only and the user is told that it will be asked again.
    """

    def __init__(self, settings: QSettings, service: str = KEYRING_SERVICE) -> None:
        self.settings = settings
        self.service = service
        self._session_password: dict[str, str] = {}  # keyring account → password, this run only

    # -- reading -----------------------------------------------------------------------
    def is_configured(self) -> bool:
        return bool(str(self.settings.value(URL_KEY, "") or "").strip())

    def load(self) -> SyncSettings | None:
        """The saved settings with the password (empty when unknown); None when never set up."""
        if not self.is_configured():
            return None
        url = str(self.settings.value(URL_KEY, ""))
        user = str(self.settings.value(USER_KEY, "") or "")
        tls = str(self.settings.value(TLS_KEY, "prefer") or "prefer")
        return SyncSettings(
            url=url,
            user=user,
            password=self.password(url, user) or "",
            tls_mode=tls if tls in TLS_MODES else "prefer",
            scope_project_ids=self._scope(),
            interval_minutes=self._interval(),
        )

    def password(self, url: str, user: str) -> str | None:
        """The stored password for this server and user, or None when none is known."""
        account = self.account(url, user)
        if account in self._session_password:
            return self._session_password[account]
        try:
            return keyring.get_password(self.service, account)
        except Exception:  # any backend failure means "no stored password"
            return None

    def keyring_available(self) -> bool:
        """True when the OS keyring can hold passwords (not the "fail" or null backend)."""
        backend = keyring.get_keyring()
        return getattr(backend, "priority", 0) > 0

    # -- writing -----------------------------------------------------------------------
    def save(self, sync: SyncSettings) -> SaveOutcome:
        """Save everything; an empty password keeps the one already stored for this server."""
        url, url_user, url_password = split_credentials(sync.url)
        sync = replace(sync, url=url, user=sync.user or url_user,
                       password=sync.password or url_password)
        old_account = self.account(str(self.settings.value(URL_KEY, "") or ""),
                                    str(self.settings.value(USER_KEY, "") or ""))
        self.settings.setValue(URL_KEY, sync.url)
        self.settings.setValue(USER_KEY, sync.user)
        self.settings.setValue(TLS_KEY, sync.tls_mode)
        # A comma-joined string: list values round-trip differently between QSettings formats.
        self.settings.setValue(SCOPE_KEY, ",".join(str(i) for i in sync.scope_project_ids))
        self.settings.setValue(INTERVAL_KEY, int(sync.interval_minutes))
        self.settings.sync()
        account = self.account(sync.url, sync.user)
        if account != old_account:
            self._forget(old_account)
        if not sync.password:
            if self.password(sync.url, sync.user):
                return SaveOutcome(True, QCoreApplication.translate(
                    "SyncSettingsStore", "Saved. The password stays as it was."))
            return SaveOutcome(False, QCoreApplication.translate(
                "SyncSettingsStore", "Saved without a password."))
        self._session_password[account] = sync.password
        try:
            keyring.set_password(self.service, account, sync.password)
        except Exception:  # NoKeyringError, a locked or absent secret service…
            return SaveOutcome(False, QCoreApplication.translate(
                "SyncSettingsStore",
                "Saved. This computer has no password store (keyring): the password is "
                "kept only until the program closes and will be asked again next time."))
        # Held in the keyring now; the session copy is only a fallback.
        self._session_password.pop(account, None)
        return SaveOutcome(True, QCoreApplication.translate(
            "SyncSettingsStore", "Saved. The password is in the system password store."))

    def remember_for_session(self, url: str, user: str, password: str) -> None:
        """A password typed when asked: used until the program closes, never written."""
        self._session_password[self.account(url, user)] = password

    def clear(self) -> None:
        """Forget the server (sync becomes 未配置) and its stored password."""
        self._forget(self.account(str(self.settings.value(URL_KEY, "") or ""),
                                   str(self.settings.value(USER_KEY, "") or "")))
        for key in (URL_KEY, USER_KEY, TLS_KEY, SCOPE_KEY, INTERVAL_KEY):
            self.settings.remove(key)
        self.settings.sync()

    # -- helpers -----------------------------------------------------------------------
    def _forget(self, account: str) -> None:
        self._session_password.pop(account, None)
        # Nothing stored, or no keyring: then there is nothing to forget.
        with contextlib.suppress(Exception):
            keyring.delete_password(self.service, account)

    @staticmethod
    def account(url: str, user: str) -> str:
        # One password per server and user; the URL is stored without credentials.
        return f"{user}@{split_credentials(url)[0]}"

    def _scope(self) -> tuple[uuid.UUID, ...]:
        text = str(self.settings.value(SCOPE_KEY, "") or "")
        ids = []
        for part in text.split(","):
            try:
                ids.append(uuid.UUID(part.strip()))
            except ValueError:
                continue  # an empty string or a hand-edited value: ignore it
        return tuple(ids)

    def _interval(self) -> int:
        try:
            return max(0, int(self.settings.value(INTERVAL_KEY, DEFAULT_INTERVAL)))
        except (TypeError, ValueError):
            return DEFAULT_INTERVAL
