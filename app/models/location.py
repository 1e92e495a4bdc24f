"""The location tree of a project: building/unit/floor/room, section/chainage, system/equipment."""

from __future__ import annotations

import uuid

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base, IdMixin, StampMixin


class Location(IdMixin, StampMixin, Base):
    __tablename__ = "location"

    project_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("project.id"), index=True)
    parent_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("location.id"), index=True)
    kind: Mapped[str] = mapped_column(String(20))  # vocabulary.LocationKind
    name: Mapped[str] = mapped_column(String(50))  # 3栋, 2单元, 15层, 1502室, K3+200
    # The whole path as people say it (3栋2单元1502室); kept so lists need no tree walk.
    full_name: Mapped[str] = mapped_column(String(200))
    sort_key: Mapped[int] = mapped_column(default=0)

    parent: Mapped[Location | None] = relationship(remote_side="Location.id")
