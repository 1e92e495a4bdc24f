"""Conflicts the sync kept: both values of a field, who and when; keeping one is a new change."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from typing import Any, Literal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.models.base import Base, utcnow
from app.models.history import FIELD_ZH, TicketChange, value_text
from app.models.ids import new_id
from app.models.outbox import (
    STATE_ID,
    SyncConflict,
    SyncOutbox,
    SyncState,
    capture_fields,
    ensure_state,
    from_wire,
    hlc_datetime,
    hlc_next,
    synced_table,
)

ENTITY_ZH: dict[str, str] = {
    "ticket": "报修单",
    "ticket_event": "报修单记录",
    "plan_material": "维修材料",
    "work_log": "维修记录",
    "attachment": "附件",
    "signature": "签字",
    "printed_document": "打印单据",
    "project": "项目",
    "location": "位置",
    "customer": "业主",
    "unit_ownership": "房产归属",
    "staff": "人员",
    "org_unit": "单位",
    "defect_category": "缺陷类别",
    "warranty_term": "保修期限",
    "project_subcontractor": "分包单位",
    "escalation": "升级事项",
}
COMMON_FIELD_ZH: dict[str, str] = {
    "name": "名称",
    "phone": "电话",
    "alt_phone": "备用电话",
    "notes": "备注",
    "preferences": "偏好",
    "address": "地址",
    "code": "编号",
    "role": "角色",
    "active": "在职",
    "full_name": "完整名称",
    "contact_name": "联系人",
    "contact_phone": "联系电话",
    "trades": "专业",
    "caption": "说明",
    "quantity": "数量",
    "unit": "单位",
    "spec": "规格",
    "description": "描述",
    "handover_date": "交付日期",
    "updated_at": "修改时间",
}


@dataclass(frozen=True)
class ConflictRow:
    """One conflict as the 冲突 page shows it."""

    id: int
    entity: str
    entity_label: str
    row_id: str
    record_label: str
    field: str
    field_label: str
    mine_text: str
    theirs_text: str
    mine_by: str
    mine_at: dt.datetime
    theirs_by: str
    theirs_at: dt.datetime
    current_is_mine: bool
    resolved: bool
    resolution: str | None
    # Settled on another computer: its name (installation code); None if settled here or open.
    resolved_elsewhere: str | None = None
    kept_text: str | None = None  # the value kept, once settled
    resolved_at: dt.datetime | None = None
    # A delete-vs-edit conflict: the side holding the edit ("mine" | "theirs"); keeping it
    # restores the deleted record ("恢复此记录"). None for a same-field conflict.
    restore_side: str | None = None
    restored: bool = False  # settled by restoring the record
    resolved_by: str | None = None  # the name of who settled it, when known here


def field_label(entity: str, field: str) -> str:
    if entity == "ticket" and field in FIELD_ZH:
        return FIELD_ZH[field]
    return COMMON_FIELD_ZH.get(field, field)


def _value_text(entity: str, field: str, value: Any, deleted: bool) -> str:
    if deleted:
        return "（已删除）"
    if value is None or value == "":
        return "（空）"
    if entity == "ticket":
        text = value if isinstance(value, str) else str(value)
        if isinstance(value, bool):
            text = "1" if value else "0"
        return value_text(field, text)
    if isinstance(value, bool):
        return "是" if value else "否"
    return str(value)


_LABEL_COLUMNS = ("number", "name", "full_name", "code")


def _record_label(session: Session, entity: str, row_id: uuid.UUID) -> str:
    table = synced_table(entity)
    label = ENTITY_ZH.get(entity, entity)
    if table is None:
        return f"{label} {str(row_id)[:8]}"
    columns = [table.c[c] for c in _LABEL_COLUMNS if c in table.c]
    if columns:
        found = session.execute(select(*columns).where(table.c.id == row_id)).first()
        value = next((v for v in found or () if v), None)
        if value:
            return str(value)
    if "ticket_id" in table.c:
        number = session.execute(
            select(synced_table("ticket").c.number).where(
                synced_table("ticket").c.id == select(table.c.ticket_id).where(table.c.id == row_id).scalar_subquery()
            )
        ).scalar()
        if number:
            return f"{number} 的{label}"
    return f"{label} {str(row_id)[:8]}"


def _who(names: dict[uuid.UUID, str], actor_id: uuid.UUID | None, label: str) -> str:
    name = names.get(actor_id) if actor_id is not None else None
    place = f"（{label}）" if label else ""
    return f"{name}{place}" if name else (label or "另一台电脑")


def _client_id(session: Session) -> str | None:
    state = session.get(SyncState, STATE_ID)
    return state.client_id if state else None


def _mine_is_loser(conflict: SyncConflict, me: str | None) -> bool:
    """This computer's side lost (it took part and the other side won)."""
    return conflict.loser_client == me and conflict.winner_client != me


def list_conflicts(session: Session, open_only: bool = True) -> list[ConflictRow]:
    """Conflicts newest first. "Mine" is this computer's side when it took part, otherwise the
    value now in the record."""
    me = _client_id(session)
    query = select(SyncConflict).order_by(SyncConflict.id.desc())
    if open_only:
        query = query.where(SyncConflict.resolved_at.is_(None))
    conflicts = list(session.scalars(query))
    actors = {a for c in conflicts for a in (c.winner_actor_id, c.loser_actor_id, c.resolved_by_id)
              if a is not None}
    staff = synced_table("staff")
    names = dict(session.execute(select(staff.c.id, staff.c.name).where(staff.c.id.in_(actors)))
                 .all()) if actors else {}
    rows = []
    for c in conflicts:
        mine_is_loser = _mine_is_loser(c, me)
        deleted = c.kind == "delete"
        winner = (c.winner_value, c.winner_hlc, c.winner_actor_id, c.winner_label, deleted)
        loser = (c.loser_value, c.loser_hlc, c.loser_actor_id, c.loser_label, False)
        mine, theirs = (loser, winner) if mine_is_loser else (winner, loser)
        rows.append(ConflictRow(
            id=c.id, entity=c.entity, entity_label=ENTITY_ZH.get(c.entity, c.entity),
            row_id=str(c.row_id), record_label=_record_label(session, c.entity, c.row_id),
            field=c.field, field_label=field_label(c.entity, c.field),
            mine_text=_value_text(c.entity, c.field, mine[0], mine[4]),
            theirs_text=_value_text(c.entity, c.field, theirs[0], theirs[4]),
            mine_by=_who(names, mine[2], mine[3]), mine_at=hlc_datetime(mine[1]),
            theirs_by=_who(names, theirs[2], theirs[3]), theirs_at=hlc_datetime(theirs[1]),
            # Once settled, the record holds the kept side, wherever it was chosen.
            current_is_mine=(c.resolved_keep == "loser") == mine_is_loser if c.resolved_keep
            else not mine_is_loser,
            resolved=c.resolved_at is not None,
            resolution=c.resolution,
            resolved_elsewhere=(c.resolved_label or "另一台电脑")
            if c.resolved_client and c.resolved_client != me else None,
            kept_text=_kept_text(c),
            resolved_at=c.resolved_at,
            restore_side=("mine" if mine_is_loser else "theirs") if deleted else None,
            restored=deleted and c.resolved_keep == "loser",
            resolved_by=names.get(c.resolved_by_id) if c.resolved_by_id else None,
        ))
    return rows


def _kept_text(c: SyncConflict) -> str | None:
    if c.resolved_at is None:
        return None
    keep_winner = c.resolved_keep == "winner" if c.resolved_keep else None
    if keep_winner is None:
        return None
    if keep_winner:
        return _value_text(c.entity, c.field, c.winner_value, c.kind == "delete")
    return _value_text(c.entity, c.field, c.loser_value, False)


class ConflictError(ValueError):
    """The conflict cannot be resolved this way; the message says why, in Chinese."""


def _mapped_class(entity: str):
    for mapper in Base.registry.mappers:
        if mapper.local_table.name == entity:
            return mapper.class_
    return None


def resolve_conflict(session: Session, conflict_id: int, keep: Literal["mine", "theirs"], actor) -> None:
    """Keep one side. The kept value is written here at once, and the resolution (which side,
    who, when, with the value) is queued as one op on the conflict's server id: the server
    records the first resolution of a conflict, merges its value as a change made after
    seeing both sides and hands it to every computer's next pull; a resolution made elsewhere
    at the same time is dropped there and replaced here by the first. The caller commits."""
    if keep not in ("mine", "theirs"):
        raise ConflictError(f"未知的选择：{keep}")
    conflict = session.get(SyncConflict, conflict_id)
    if conflict is None:
        raise ConflictError("该冲突记录不存在。")
    if conflict.resolved_at is not None:
        raise ConflictError("该冲突已经处理过了。")
    me = _client_id(session)
    keep_winner = (keep == "mine") != _mine_is_loser(conflict, me)
    actor_id = getattr(actor, "id", None)
    travels = conflict.server_id is not None
    value: Any = None
    if conflict.kind == "delete":
        if not keep_winner:
            if not travels:
                raise ConflictError("这条冲突不是从服务器收到的，不能恢复该记录；请重新录入。")
            # Restore: the server holds the row's last values under its tombstone and brings
            # the row back, with this edit, to every computer (this one too) at the next sync.
            value = conflict.loser_value
    else:
        value = conflict.winner_value if keep_winner else conflict.loser_value
        _write_value(session, conflict, value, actor_id, travels)
    if travels:
        _queue_resolution(session, conflict, "winner" if keep_winner else "loser", value, actor_id)
    conflict.resolved_at = utcnow()
    conflict.resolution = keep
    conflict.resolved_by_id = actor_id
    conflict.resolved_keep = "winner" if keep_winner else "loser"
    conflict.resolved_client = me
    conflict.resolved_label = ""


def _queue_resolution(session: Session, conflict: SyncConflict, keep: str, value: Any,
                      actor_id) -> None:
    """The resolution as an outbox op (pushed with the batch receipts like any change)."""
    conn = session.connection()
    state = ensure_state(conn)
    clock = hlc_next(state["hlc"] or 0, state["server_offset_ms"] or 0)
    fields: dict[str, Any] = {"conflict": int(conflict.server_id), "keep": keep}
    if conflict.kind == "field":
        fields["value"] = value
    conn.execute(SyncOutbox.__table__.insert().values(
        op_id=new_id(), entity=conflict.entity, row_id=conflict.row_id, kind="resolve",
        fields=fields, full=False, hlc=clock,
        base_seq=state["pull_cursor"] or state["snapshot_seq"] or 0, actor_id=actor_id,
        project_id=None, parent_id=None, created_at=utcnow(), status="pending", reason="",
        batch_id=None,
    ))
    conn.execute(SyncState.__table__.update().where(SyncState.id == STATE_ID).values(hlc=clock))


def _write_value(session: Session, conflict: SyncConflict, value: Any, actor_id,
                 travels: bool) -> None:
    cls = _mapped_class(conflict.entity)
    table = synced_table(conflict.entity)
    if cls is None or table is None or conflict.field not in table.c:
        raise ConflictError("本版本的软件不认识该记录，无法处理此冲突。")
    target = session.get(cls, conflict.row_id)
    if target is None:
        raise ConflictError("该记录已不在本机（可能已删除或不在同步范围内）。")
    outbox = SyncOutbox.__table__
    conn = session.connection()
    before = conn.execute(select(func.max(outbox.c.seq))).scalar() or 0
    decoded = from_wire(table.c[conflict.field], value)
    if conflict.entity == "ticket":
        # A ticket's history explains every value: the choice is an event of its own.
        change = TicketChange(session, target, actor_id, utcnow())
        change.set(conflict.field, decoded, note="同步冲突处理")
        change.finish()
    else:
        setattr(target, conflict.field, decoded)
    session.flush()
    if not travels:
        # A conflict the server does not know (should not happen): send the kept value as a new
        # change, stamped after both sides, so every computer ends with it.
        capture_fields(session, conflict.entity, conflict.row_id, [conflict.field], actor_id)
        return
    # The value travels inside the resolution op, so that a resolution the server refuses (made
    # elsewhere first) changes nothing: take the field out of the change just captured.
    captured = conn.execute(
        select(outbox.c.seq, outbox.c.fields).where(
            outbox.c.seq > before, outbox.c.entity == conflict.entity,
            outbox.c.row_id == conflict.row_id, outbox.c.kind == "upsert")
    ).all()
    for seq, fields in captured:
        rest = {k: v for k, v in (fields or {}).items() if k != conflict.field}
        if rest:
            conn.execute(outbox.update().where(outbox.c.seq == seq).values(fields=rest))
        else:
            conn.execute(outbox.delete().where(outbox.c.seq == seq))
