"""Files stored by content hash under the data folder: attachments/ab/cdef… (DESIGN.md)."""

from __future__ import annotations

import hashlib
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path


class AttachmentCorrupted(Exception):
    """A stored file no longer matches its hash; it is reported, never silently used."""


@dataclass(frozen=True)
class StoredFile:
    sha256: str
    size: int


class AttachmentStore:
    """A content-addressed folder: identical files are stored once."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)

    def path_for(self, sha256: str) -> Path:
        return self.root / sha256[:2] / sha256[2:]

    def put_bytes(self, data: bytes) -> StoredFile:
        sha = hashlib.sha256(data).hexdigest()
        target = self.path_for(sha)
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            # Write to a temporary file and rename, so a crash never leaves half a file.
            fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".incoming-")
            try:
                with os.fdopen(fd, "wb") as handle:
                    handle.write(data)
                    handle.flush()
                    os.fsync(handle.fileno())
                os.replace(tmp, target)
            except BaseException:
                Path(tmp).unlink(missing_ok=True)
                raise
        return StoredFile(sha, len(data))

    def put_file(self, source: Path) -> StoredFile:
        return self.put_bytes(Path(source).read_bytes())

    def read(self, sha256: str) -> bytes:
        """The file's bytes, verified against the hash."""
        data = self.path_for(sha256).read_bytes()
        if hashlib.sha256(data).hexdigest() != sha256:
            raise AttachmentCorrupted(f"附件文件已损坏（内容与记录的哈希值不符）：{sha256}")
        return data

    def exists(self, sha256: str) -> bool:
        return self.path_for(sha256).is_file()


class DryRunStore(AttachmentStore):
    """Hashes files without writing them: for checking an action that will be rolled back."""

    def put_bytes(self, data: bytes) -> StoredFile:
        return StoredFile(hashlib.sha256(data).hexdigest(), len(data))
