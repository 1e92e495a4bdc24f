"""The plain data an attachment gallery shows: one GalleryItem per photo, video or document."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class GalleryItem:
    """One attachment as the gallery shows it; `broken` when the file is missing or altered."""

    id: Any  # the attachment's id (uuid.UUID), used as the key of its thumbnail
    stage: str  # vocabulary.PhotoStage
    original_name: str
    caption: str
    mime_type: str
    created_at_local_text: str
    path: Path | None
    broken: bool = False

    @property
    def is_video(self) -> bool:
        return self.mime_type.startswith("video/")

    @property
    def is_image(self) -> bool:
        return self.mime_type.startswith("image/")

    @classmethod
    def from_record(cls, record: Any) -> GalleryItem:
        """Build from any object with the same attributes (e.g. the detail snapshot's
        AttachmentItem, whose time is `created_at` already as local text)."""
        created = getattr(record, "created_at_local_text", None)
        if created is None:
            created = getattr(record, "created_at", "")
        path = getattr(record, "path", None)
        return cls(
            id=record.id,
            stage=str(record.stage),
            original_name=record.original_name or "",
            caption=getattr(record, "caption", "") or "",
            mime_type=record.mime_type or "",
            created_at_local_text=str(created or ""),
            path=Path(path) if path is not None else None,
            broken=bool(getattr(record, "broken", False)),
        )
