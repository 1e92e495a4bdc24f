"""Who is working at this desk: the staff member every action is recorded for."""

from __future__ import annotations

import uuid

from PySide6.QtCore import QObject, QSettings, Signal
from sqlalchemy import case, select
from sqlalchemy.orm import Session

from app.models.people import Staff
from app.models.vocabulary import Role

USER_KEY = "user/staff_id"
# Without a remembered choice, start as the person who may do the most.
_ROLE_PREFERENCE = [Role.HQ_ADMIN, Role.PROJECT_MANAGER, Role.CLERK, Role.TECHNICIAN]


class CurrentUser(QObject):
    """The signed-in staff member, remembered in the user's settings."""

    changed = Signal(object)  # uuid.UUID | None

    def __init__(self, settings: QSettings, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.staff_id: uuid.UUID | None = None

    def restore(self, session: Session) -> None:
        """Pick the remembered staff member, or a sensible default if gone or never chosen."""
        remembered = self.settings.value(USER_KEY)
        staff = None
        if remembered:
            try:
                staff = session.get(Staff, uuid.UUID(str(remembered)))
            except ValueError:
                staff = None
        if staff is None or not staff.active:
            order = case({role.value: rank for rank, role in enumerate(_ROLE_PREFERENCE)}, value=Staff.role)
            staff = session.scalars(
                select(Staff).where(Staff.active.is_(True)).order_by(order, Staff.name).limit(1)
            ).first()
        self.staff_id = staff.id if staff else None

    def choose(self, staff_id: uuid.UUID) -> None:
        self.staff_id = staff_id
        self.settings.setValue(USER_KEY, str(staff_id))
        self.changed.emit(staff_id)

    def actor(self, session: Session) -> Staff:
        """The staff row in this session; raises LookupError when nobody is set up yet."""
        staff = session.get(Staff, self.staff_id) if self.staff_id else None
        if staff is None:
            raise LookupError("尚未选择当前用户：请先在“设置”中添加人员并选择自己。")
        return staff
