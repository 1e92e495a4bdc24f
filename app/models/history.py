"""A ticket's append-only history: writing events, encoding values, replaying them to a state.

Every change of a ticket column is one event with the column name, the old and the new value
as text (`encode`). Replaying a ticket's events in order from the column defaults gives back
its current values (`replay`), which is how tests and the data check prove that the history
is complete. Events, attachments and signatures are never updated or deleted: the ORM refuses
it (`AppendOnlyViolation`).
"""

from __future__ import annotations

import datetime as dt
import enum
import uuid
from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy import Boolean, Date, DateTime, Float, Integer, event, func, inspect, select
from sqlalchemy.orm import Session

from app.models.attachment import Attachment, Signature
from app.models.base import GUID, to_local, utcnow
from app.models.ticket import Ticket, TicketEvent
from app.models.vocabulary import EventKind, TicketState

# Bookkeeping columns that are not part of the ticket's story.
NOT_REPLAYED = frozenset({"id", "created_at", "updated_at", "version"})
REPLAYED_FIELDS: tuple[str, ...] = tuple(
    c.key for c in Ticket.__table__.columns if c.key not in NOT_REPLAYED
)

# Chinese names of the ticket's fields, for messages and the history view.
FIELD_ZH: dict[str, str] = {
    "number": "报修单号",
    "state": "状态",
    "urgency": "紧急程度",
    "project_id": "所属项目",
    "location_id": "报修位置",
    "location_label": "报修位置（文字）",
    "customer_id": "业主",
    "channel": "报修渠道",
    "reporter_name": "报修人",
    "reporter_phone": "联系电话",
    "description": "问题描述",
    "reported_at": "报修时间",
    "registered_by_id": "登记人",
    "owner_id": "责任人",
    "response_due_at": "响应时限",
    "responded_at": "响应时间",
    "arrival_due_at": "到场时限",
    "arrived_at": "到场时间",
    "completion_due_at": "完工时限",
    "completed_at": "完工时间",
    "paused_since": "暂停计时开始",
    "paused_minutes": "累计暂停分钟",
    "cause": "原因",
    "defect_category_id": "缺陷类别",
    "building_part": "工程部位",
    "structural_safety": "涉及结构安全",
    "report_to_authority": "需报告主管部门",
    "responsible_party": "责任方",
    "responsible_org_id": "责任单位",
    "coverage": "保修判定",
    "coverage_end_date": "保修期截止日",
    "coverage_reason": "判定依据",
    "diagnosed_at": "诊断时间",
    "not_covered_reason": "不予保修理由",
    "not_covered_approved_by_id": "不予保修审批人",
    "paid_repair_offered": "提供有偿维修",
    "plan_people": "人员安排",
    "plan_duration_hours": "预计工期（小时）",
    "plan_safety_measures": "安全措施",
    "plan_appointment_at": "预约上门时间",
    "plan_sop_ref": "作业指导书",
    "plan_by_design_unit": "设计单位出具维修方案",
    "planned_at": "计划完成时间",
    "acceptance_result": "验收结果",
    "acceptance_comment": "验收意见",
    "satisfaction": "满意度",
    "satisfaction_comment": "满意度评价",
    "accepted_at": "验收时间",
    "follow_up_due_on": "回访期限",
    "followed_up_at": "回访时间",
    "follow_up_result": "回访结果",
    "archived_at": "归档时间",
    "cancel_reason": "取消原因",
    "duplicate_of_id": "重复的原报修单",
    "rework_count": "返修次数",
    "materials": "维修材料",  # the plan's material lines, recorded as one text
}


class AppendOnlyViolation(RuntimeError):
    """Code tried to change or delete history (events, attachments, signatures)."""


@event.listens_for(TicketEvent, "before_update")
@event.listens_for(TicketEvent, "before_delete")
@event.listens_for(Attachment, "before_update")
@event.listens_for(Attachment, "before_delete")
@event.listens_for(Signature, "before_update")
@event.listens_for(Signature, "before_delete")
def _refuse_rewriting_history(_mapper, _connection, target) -> None:
    raise AppendOnlyViolation(
        f"{type(target).__name__} 是只追加的历史记录，不能修改或删除；更正请追加新记录。"
    )


# ---------------------------------------------------------------------------------------------
# Values as text
# ---------------------------------------------------------------------------------------------


def plain(value: Any) -> Any:
    """Enum members as their stored value, so comparisons and storage see plain types."""
    if isinstance(value, enum.IntEnum):
        return int(value)
    if isinstance(value, enum.Enum):
        return value.value
    return value


def encode(value: Any) -> str | None:
    """A column value as the text stored in an event (None stays None)."""
    value = plain(value)
    if value is None:
        return None
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float):
        return repr(value)
    return str(value)


def decode(field: str, text: str | None) -> Any:
    """The value of ticket column `field` from its event text."""
    if text is None:
        return None
    column_type = Ticket.__table__.columns[field].type
    if isinstance(column_type, GUID):
        return uuid.UUID(text)
    if isinstance(column_type, DateTime):
        return dt.datetime.fromisoformat(text)
    if isinstance(column_type, Date):
        return dt.date.fromisoformat(text)
    if isinstance(column_type, Boolean):
        return text.strip().lower() in ("1", "true", "t", "yes")
    if isinstance(column_type, Integer):
        return int(text)
    if isinstance(column_type, Float):
        return float(text)
    return text


def _column_default(field: str) -> Any:
    default = Ticket.__table__.columns[field].default
    if default is None or not default.is_scalar:
        return None
    return default.arg


BASELINE: dict[str, Any] = {name: _column_default(name) for name in REPLAYED_FIELDS}


# ---------------------------------------------------------------------------------------------
# Writing
# ---------------------------------------------------------------------------------------------


class TicketChange:
    """One user action on one ticket: its events share the actor and the time, are numbered in
    order, and the ticket's version goes up once (`finish`)."""

    def __init__(
        self, session: Session, ticket: Ticket, actor_id: uuid.UUID | None, at: dt.datetime
    ) -> None:
        self.session = session
        self.ticket = ticket
        self.actor_id = actor_id
        self.at = at
        self.events: list[TicketEvent] = []
        self.memo: dict[str, Any] = {}  # what the action's check computed (e.g. the verdict)
        state = inspect(ticket)
        self._is_new = state.transient or state.pending
        self._seq: int | None = 0 if self._is_new else None

    def _next_seq(self) -> int:
        if self._seq is None:
            # No autoflush for this read: events of this ticket not yet flushed (an earlier
            # action in the same transaction) are counted from the session instead.
            with self.session.no_autoflush:
                stored = self.session.scalar(
                    select(func.coalesce(func.max(TicketEvent.seq), 0)).where(
                        TicketEvent.ticket_id == self.ticket.id
                    )
                )
            pending = (
                e.seq for e in self.session.new
                if isinstance(e, TicketEvent) and e.ticket_id == self.ticket.id
            )
            self._seq = max(stored or 0, *pending, 0)
        self._seq += 1
        return self._seq

    def record(
        self,
        kind: EventKind,
        *,
        field: str = "",
        old: Any = None,
        new: Any = None,
        note: str = "",
    ) -> TicketEvent:
        """Append one event (for things that are not a column change: comments, files...)."""
        if self.ticket.id is None:
            from app.models.ids import new_id

            self.ticket.id = new_id()
        entry = TicketEvent(
            ticket_id=self.ticket.id,
            at=self.at,
            actor_id=self.actor_id,
            kind=plain(kind),
            field=field,
            old_value=encode(old),
            new_value=encode(new),
            note=note,
            seq=self._next_seq(),
        )
        self.session.add(entry)
        self.events.append(entry)
        return entry

    def set(self, field: str, value: Any, *, kind: EventKind = EventKind.FIELD, note: str = "") -> bool:
        """Change one column and record it; nothing happens (False) if the value is the same."""
        value = plain(value)
        old = getattr(self.ticket, field)
        if _same(old, value):
            return False
        setattr(self.ticket, field, value)
        self.record(kind, field=field, old=old, new=value, note=note)
        return True

    def set_many(self, values: Mapping[str, Any], *, kind: EventKind = EventKind.FIELD, note: str = "") -> None:
        for field, value in values.items():
            self.set(field, value, kind=kind, note=note)

    def finish(self) -> None:
        """Close the action: a changed existing ticket gets the next version."""
        if self.events and not self._is_new:
            self.ticket.version = (self.ticket.version or 1) + 1
            self.ticket.updated_at = self.at


def _same(old: Any, new: Any) -> bool:
    if old is None or new is None:
        return old is None and new is None
    return encode(old) == encode(new)


# ---------------------------------------------------------------------------------------------
# Reading and replaying
# ---------------------------------------------------------------------------------------------


def history_order():
    """The ORDER BY of a ticket's history."""
    return (TicketEvent.seq, TicketEvent.at, TicketEvent.id)


def load_history(session: Session, ticket_id: uuid.UUID) -> list[TicketEvent]:
    return list(
        session.scalars(
            select(TicketEvent).where(TicketEvent.ticket_id == ticket_id).order_by(*history_order())
        )
    )


def apply_event(values: dict[str, Any], kind: str, field: str, new_value: str | None) -> None:
    """Apply one event to replayed values (a dict of ticket fields)."""
    if kind == EventKind.CREATED:
        values["state"] = TicketState.RECEIVED.value
        if new_value:
            values["number"] = new_value
        return
    if field in BASELINE:
        values[field] = decode(field, new_value)


def replay(events: Iterable[TicketEvent]) -> dict[str, Any]:
    """The ticket's fields as its history says they are (from the column defaults)."""
    values = dict(BASELINE)
    for entry in events:
        apply_event(values, entry.kind, entry.field, entry.new_value)
    return values


def touched_fields(events: Iterable[TicketEvent]) -> set[str]:
    touched = {"state"}
    for entry in events:
        if entry.kind == EventKind.CREATED:
            touched.add("number")
        elif entry.field in BASELINE:
            touched.add(entry.field)
    return touched


def replay_differences(session: Session, ticket: Ticket, *, strict: bool = True) -> list[str]:
    """Where the ticket differs from its replayed history (empty: the history explains it).

    strict: every field must be explained by an event (the engine writes one per change);
    otherwise only the state and the fields some event touched are compared (histories written
    by other tools that record only the notable changes).
    """
    events = load_history(session, ticket.id)
    replayed = replay(events)
    fields = REPLAYED_FIELDS if strict else sorted(touched_fields(events))
    problems = []
    for field in fields:
        actual = getattr(ticket, field)
        if not _same(actual, replayed[field]):
            problems.append(f"{field}: row has {encode(actual)!r}, history gives {encode(replayed[field])!r}")
    return problems


def value_text(field: str, text: str | None) -> str:
    """An event value in words: codes as their Chinese names, flags as 是/否, blank as （空）."""
    from app.models import vocabulary as v

    if text is None or text == "":
        return "（空）"
    names = {
        "state": v.TICKET_STATE_ZH, "cause": v.CAUSE_ZH, "building_part": v.BUILDING_PART_ZH,
        "coverage": v.COVERAGE_ZH, "channel": v.CHANNEL_ZH, "responsible_party": v.RESPONSIBLE_PARTY_ZH,
        "acceptance_result": v.ACCEPTANCE_RESULT_ZH,
    }.get(field)
    if names is not None:
        return next((zh for code, zh in names.items() if code == text), text)
    if field == "urgency":
        return next((zh for code, zh in v.URGENCY_ZH.items() if str(int(code)) == text), text)
    if field in BASELINE and isinstance(Ticket.__table__.columns[field].type, Boolean):
        return "是" if decode(field, text) else "否"
    if field in BASELINE and isinstance(Ticket.__table__.columns[field].type, DateTime):
        # Stored in UTC: shown as the clerk's local time, to the minute.
        return to_local(decode(field, text)).strftime("%Y-%m-%d %H:%M")
    return text


def describe_event(entry: TicketEvent) -> str:
    """One line of the history view in Chinese: what changed from what to what."""
    from app.models.vocabulary import EVENT_KIND_ZH

    label = next((zh for kind, zh in EVENT_KIND_ZH.items() if kind == entry.kind), entry.kind)
    if entry.field:
        name = FIELD_ZH.get(entry.field, entry.field)
        old, new = value_text(entry.field, entry.old_value), value_text(entry.field, entry.new_value)
        text = f"{label}：{old} → {new}" if entry.field == "state" else f"{label}：{name} {old} → {new}"
    else:
        text = label
    return f"{text}（{entry.note}）" if entry.note else text


def now_or(now: dt.datetime | None) -> dt.datetime:
    return utcnow() if now is None else now
