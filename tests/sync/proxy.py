"""A small TCP proxy for fault injection: it forwards to PostgreSQL and can cut connections,
after a number of bytes or on demand, and refuse new ones (the network is down)."""

from __future__ import annotations

import contextlib
import socket
import threading
from collections.abc import Callable


class CutProxy:
    """Listens on 127.0.0.1:<port>, forwards to `upstream` (a unix socket path or (host, port))."""

    def __init__(self, upstream: str | tuple[str, int]) -> None:
        self.upstream = upstream
        self.listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen(64)
        self.port = self.listener.getsockname()[1]
        self.offline = False
        self._cut_after: int | None = None  # client→server bytes before cutting everything
        self._sent = 0
        self.on_bytes: Callable[[int], None] | None = None
        self._lock = threading.Lock()
        self._pairs: list[tuple[socket.socket, socket.socket]] = []
        self._closed = False
        threading.Thread(target=self._accept, daemon=True).start()

    # controls ------------------------------------------------------------------------------
    def cut(self) -> None:
        """Drop every open connection now (both ends see a reset)."""
        with self._lock:
            pairs, self._pairs = self._pairs, []
        for a, b in pairs:
            for s in (a, b):
                with contextlib.suppress(OSError):
                    s.shutdown(socket.SHUT_RDWR)
                with contextlib.suppress(OSError):
                    s.close()

    def cut_after(self, nbytes: int | None) -> None:
        """Cut every connection once `nbytes` more bytes went from client to server."""
        with self._lock:
            self._cut_after = nbytes
            self._sent = 0

    def set_offline(self, offline: bool) -> None:
        self.offline = offline
        if offline:
            self.cut()

    def close(self) -> None:
        self._closed = True
        self.cut()
        with contextlib.suppress(OSError):
            self.listener.close()

    # plumbing ------------------------------------------------------------------------------
    def _connect_upstream(self) -> socket.socket:
        if isinstance(self.upstream, str):
            s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            s.connect(self.upstream)
        else:
            s = socket.create_connection(self.upstream)
        return s

    def _accept(self) -> None:
        while not self._closed:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            if self.offline:
                client.close()
                continue
            try:
                upstream = self._connect_upstream()
            except OSError:
                client.close()
                continue
            with self._lock:
                self._pairs.append((client, upstream))
            threading.Thread(target=self._pump, args=(client, upstream, True), daemon=True).start()
            threading.Thread(target=self._pump, args=(upstream, client, False), daemon=True).start()

    def _pump(self, source: socket.socket, target: socket.socket, outbound: bool) -> None:
        while True:
            try:
                data = source.recv(65536)
            except OSError:
                data = b""
            if not data:
                break
            if outbound:
                cut = False
                with self._lock:
                    if self._cut_after is not None:
                        self._sent += len(data)
                        cut = self._sent >= self._cut_after
                        if cut:
                            self._cut_after = None
                if cut:
                    self.cut()
                    return
            try:
                target.sendall(data)
            except OSError:
                break
        for s in (source, target):
            with contextlib.suppress(OSError):
                s.shutdown(socket.SHUT_RDWR)
