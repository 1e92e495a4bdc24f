"""The escalation engine: turns the signals into escalations, grows clusters, checks the effect.

`evaluate_all(session, now)` finds every escalation the data calls for with a few grouped SQL
queries and is idempotent (a second run changes nothing); `evaluate_ticket(session, ticket,
now)` does the same for one new or changed ticket (the ticket actions call it in their own
transaction). People escalate by hand (`escalate`), raise the level, change the owner, close
and reopen. Every change is an append-only `EscalationEvent`. Services never commit.

Clusters (what one escalation is about; see `Escalation.cluster_key`):
- recurring, by category: the same defect category in one project ≥ N times in D days;
- recurring, by part and subcontractor: the same building part with the same responsible
  subcontractor ≥ N times in D days across at least two categories (one category alone is
  already the category cluster);
- SLA breached: one per project, joined by every open ticket whose timer was breached;
- major quality and repeated rework: one per ticket.

Effect check: when every action of an escalation is closed the cluster is watched for
`watch_days`; a matching ticket reported in that window reopens the escalation, raises it to
management and says so in the log.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cache

from sqlalchemy import ColumnElement, and_, exists, func, insert, or_, select, tuple_
from sqlalchemy.orm import Session, aliased

from app.models.base import to_local
from app.models.escalation import Escalation, EscalationEvent, EscalationSetting, EscalationTicket
from app.models.escalation_signals import DEFAULT_RECURRENCE, REWORK_THRESHOLD
from app.models.escalation_terms import (
    CLOSED_ACTION_STATUSES,
    ESCALATION_LEVEL_ZH,
    ESCALATION_STATE_ZH,
    EscalationDetail,
    EscalationEventKind,
    EscalationEventRow,
    EscalationKind,
    EscalationLevel,
    EscalationRow,
    EscalationState,
    LinkedTicketRow,
    Problem,
    RetroRefused,
)
from app.models.history import now_or
from app.models.ids import new_id
from app.models.meta import AppMeta
from app.models.people import OrgUnit, Staff
from app.models.project import DefectCategory, Project
from app.models.sla import TIMER_ZH, any_breached_expr, breached_timers
from app.models.ticket import Ticket
from app.models.vocabulary import BUILDING_PART_ZH, ProjectType, Role, TicketState, Urgency
from app.models.workflow import OPEN

E = EscalationState
K = EscalationKind
EV = EscalationEventKind
OPEN_TICKET_VALUES = tuple(s.value for s in OPEN)
DEFAULT_WATCH_DAYS = 90
MANAGERS = frozenset({Role.PROJECT_MANAGER.value, Role.HQ_ADMIN.value})
SYSTEM = "系统"
_LISTED = 8  # ticket numbers quoted in an explanation before "等"


@dataclass(frozen=True)
class Thresholds:
    threshold: int
    window_days: int
    watch_days: int


@dataclass
class EvaluationResult:
    created: int = 0
    joined: int = 0
    reopened: int = 0
    raised: int = 0

    def __iadd__(self, other: EvaluationResult) -> EvaluationResult:
        self.created += other.created
        self.joined += other.joined
        self.reopened += other.reopened
        self.raised += other.raised
        return self

    @property
    def changed(self) -> bool:
        return bool(self.created or self.joined or self.reopened or self.raised)


@dataclass(frozen=True)
class _Member:
    """A ticket as a cluster sees it (a light row, no ORM object)."""

    id: uuid.UUID
    number: str
    reported_at: dt.datetime


# ---------------------------------------------------------------------------------------------
# Thresholds
# ---------------------------------------------------------------------------------------------


def _type_settings(session: Session) -> dict[str, EscalationSetting]:
    return {s.project_type: s for s in session.scalars(select(EscalationSetting))}


def _effective(project: Project, settings: dict[str, EscalationSetting]) -> Thresholds:
    setting = settings.get(project.type)
    threshold = project.recurrence_threshold or DEFAULT_RECURRENCE[0]
    window = project.recurrence_window_days or DEFAULT_RECURRENCE[1]
    # The project's own values win when someone changed them from the defaults.
    if setting is not None:
        if threshold == DEFAULT_RECURRENCE[0]:
            threshold = setting.recurrence_threshold
        if window == DEFAULT_RECURRENCE[1]:
            window = setting.recurrence_window_days
    watch = setting.watch_days if setting is not None else DEFAULT_WATCH_DAYS
    return Thresholds(threshold, window, watch)


def thresholds_for(session: Session, project: Project) -> Thresholds:
    """The recurrence threshold, window and watch days that apply to one project."""
    return _effective(project, _type_settings(session))


def type_thresholds(session: Session) -> dict[str, tuple[int, int, int]]:
    """(threshold, window days, watch days) of every project type, defaults where none is set."""
    settings = _type_settings(session)
    values = {}
    for project_type in ProjectType:
        setting = settings.get(project_type.value)
        values[project_type.value] = (
            (setting.recurrence_threshold, setting.recurrence_window_days, setting.watch_days)
            if setting is not None else (*DEFAULT_RECURRENCE, DEFAULT_WATCH_DAYS)
        )
    return values


def set_type_thresholds(
    session: Session,
    project_type: str,
    threshold: int,
    window_days: int,
    watch_days: int = DEFAULT_WATCH_DAYS,
) -> EscalationSetting:
    """Configure the thresholds of a project type (N tickets in D days, watch window)."""
    problems = []
    if threshold < 2:
        problems.append(Problem("recurrence_threshold", "反复出现的次数阈值至少为 2 次"))
    if window_days < 1:
        problems.append(Problem("recurrence_window_days", "统计天数须大于 0"))
    if watch_days < 1:
        problems.append(Problem("watch_days", "效果验证期须大于 0 天"))
    if problems:
        raise RetroRefused(problems)
    setting = session.scalar(
        select(EscalationSetting).where(EscalationSetting.project_type == project_type)
    )
    if setting is None:
        setting = EscalationSetting(project_type=project_type)
        session.add(setting)
    setting.recurrence_threshold, setting.recurrence_window_days = threshold, window_days
    setting.watch_days = watch_days
    return setting


# ---------------------------------------------------------------------------------------------
# Writing: numbers, the log, state changes
# ---------------------------------------------------------------------------------------------


def next_number(session: Session, column, prefix: str, at: dt.datetime) -> str:
    """`<prefix>-<installation>-<year>-<nnnn>`: the next free number for a table's column."""
    counters = session.info.setdefault("retro_numbers", {})
    # Read once per session without flushing: a bulk evaluation numbers many escalations.
    with session.no_autoflush:
        if "code" not in counters:
            code = session.scalar(select(AppMeta.value).where(AppMeta.key == "installation_code"))
            counters["code"] = code or "LOCAL"
        stem = f"{prefix}-{counters['code']}-{to_local(at).year}-"
        if stem not in counters:
            last = session.scalar(
                select(func.max(column)).where(column >= stem, column < stem + "~")
            )
            counters[stem] = int(last[len(stem) :]) if last else 0
    counters[stem] += 1
    return f"{stem}{counters[stem]:04d}"


def log_event(
    session: Session,
    escalation: Escalation,
    kind: EscalationEventKind,
    at: dt.datetime,
    actor_id: uuid.UUID | None = None,
    *,
    old: str | None = None,
    new: str | None = None,
    note: str = "",
) -> EscalationEvent:
    """Append one entry to the escalation's log (seq 1, 2, 3… per escalation)."""
    seqs = session.info.setdefault("escalation_seq", {})
    if escalation.id not in seqs:
        with session.no_autoflush:
            seqs[escalation.id] = (
                session.scalar(
                    select(func.max(EscalationEvent.seq)).where(
                        EscalationEvent.escalation_id == escalation.id
                    )
                )
                or 0
            )
    seqs[escalation.id] += 1
    entry = EscalationEvent(
        escalation_id=escalation.id,
        seq=seqs[escalation.id],
        at=at,
        actor_id=actor_id,
        kind=kind.value,
        old_value=old,
        new_value=new,
        note=note,
    )
    session.add(entry)
    return entry


def set_state(
    session: Session,
    escalation: Escalation,
    state: EscalationState,
    at: dt.datetime,
    actor_id: uuid.UUID | None = None,
    note: str = "",
) -> None:
    """Move an escalation to `state` with a log entry (nothing when it is there already)."""
    if escalation.state == state.value:
        return
    log_event(
        session,
        escalation,
        EV.STATE,
        at,
        actor_id,
        old=escalation.state,
        new=state.value,
        note=note,
    )
    escalation.state = state.value
    escalation.closed_at = at if state == E.CLOSED else None
    escalation.version += 1


def _raise_to_management(
    session: Session, escalation: Escalation, at: dt.datetime, actor_id: uuid.UUID | None, note: str
) -> bool:
    if escalation.level == EscalationLevel.MANAGEMENT:
        return False
    log_event(
        session,
        escalation,
        EV.LEVEL_RAISED,
        at,
        actor_id,
        old=escalation.level,
        new=EscalationLevel.MANAGEMENT.value,
        note=note,
    )
    escalation.level = EscalationLevel.MANAGEMENT.value
    escalation.version += 1
    return True


def _link(
    session: Session,
    escalation: Escalation,
    member: _Member,
    at: dt.datetime,
    reason: str,
    actor_id: uuid.UUID | None = None,
    *,
    log: bool = True,
) -> None:
    # Links are written in one bulk INSERT by flush_links (a first evaluation of a large store
    # links tens of thousands of tickets; one ORM object each would dominate its time).
    session.info.setdefault("escalation_links", []).append(
        {
            "id": new_id(),
            "escalation_id": escalation.id,
            "ticket_id": member.id,
            "joined_at": at,
            "reason": reason,
        }
    )
    if log:
        log_event(
            session, escalation, EV.TICKET_JOINED, at, actor_id, new=member.number, note=reason
        )


def flush_links(session: Session) -> None:
    """Write the links made since the last call (an ORM bulk insert, so sync captures it)."""
    rows = session.info.pop("escalation_links", None)
    if rows:
        session.flush()  # the escalations the links point to
        session.execute(insert(EscalationTicket), rows)


def _numbers(members: Sequence[_Member]) -> str:
    shown = "、".join(m.number for m in members[:_LISTED])
    return shown + (f" 等 {len(members)} 张" if len(members) > _LISTED else "")


def _new_escalation(
    session: Session,
    *,
    kind: EscalationKind,
    level: EscalationLevel,
    project: Project,
    key: str | None,
    round_: int,
    title: str,
    explanation: str,
    at: dt.datetime,
    actor_id: uuid.UUID | None,
    members: Sequence[_Member],
    reason: str,
    owner_id: uuid.UUID | None = None,
    **cluster,
) -> Escalation:
    escalation = Escalation(
        id=new_id(),
        number=next_number(session, Escalation.number, "SJ", at),
        kind=kind.value,
        level=level.value,
        state=E.PENDING.value,
        project_id=project.id,
        owner_id=owner_id or project.manager_id,
        cluster_key=key,
        cluster_round=round_,
        title=title[:200],
        explanation=explanation,
        raised_at=at,
        raised_by_id=actor_id,
        reopen_count=0,
        version=1,
        **cluster,
    )
    session.add(escalation)
    session.info.setdefault("escalation_seq", {})[escalation.id] = 0
    log_event(
        session,
        escalation,
        EV.RAISED,
        at,
        actor_id,
        new=f"{ESCALATION_LEVEL_ZH[level]}",
        note=explanation,
    )
    for member in members:
        _link(session, escalation, member, at, reason, actor_id, log=False)
    return escalation


# ---------------------------------------------------------------------------------------------
# Clusters: one code path for the bulk and the one-ticket evaluation
# ---------------------------------------------------------------------------------------------


@dataclass
class _Cluster:
    key: str
    kind: EscalationKind
    project: Project
    members: list[_Member]  # matching tickets no escalation of this cluster holds yet
    threshold: int  # new members needed to raise a new escalation
    title: str
    explanation: str  # why, for a new escalation
    join_reason: str  # why a ticket joins
    window_days: int = 0
    level: EscalationLevel = EscalationLevel.PROJECT_MANAGER
    cluster: dict | None = None
    total: int = 0  # matching tickets in the window, linked or not
    # Recurring clusters go to management at twice their threshold.
    raise_at: int | None = None
    describe: Callable[[], tuple[str, str]] | None = None  # (title, explanation) when raised


def _latest_rounds(session: Session, keys: Iterable[str]) -> dict[str, Escalation]:
    """The latest round of every cluster key asked about."""
    keys = sorted(set(keys))
    latest: dict[str, Escalation] = {}
    for start in range(0, len(keys), 500):
        for row in session.scalars(
            select(Escalation).where(Escalation.cluster_key.in_(keys[start : start + 500]))
        ):
            current = latest.get(row.cluster_key)
            if current is None or row.cluster_round > current.cluster_round:
                latest[row.cluster_key] = row
    return latest


@cache
def _not_linked(prefix: str, *same: tuple) -> ColumnElement[bool]:
    """No escalation of the ticket's cluster (any round) holds it yet — an indexed lookup.

    `same` pairs an Escalation column with the Ticket column it must equal. Built once per
    cluster kind (making the aliases costs more than the query on one ticket).
    """
    link, owner = aliased(EscalationTicket), aliased(Escalation)
    conditions = [getattr(owner, e.key) == t for e, t in same]
    return ~exists().where(
        link.ticket_id == Ticket.id,
        link.escalation_id == owner.id,
        owner.cluster_key.like(f"{prefix}:%"),
        *conditions,
    )


@cache
def _not_escalated_as(kind: str) -> ColumnElement[bool]:
    """No escalation of this kind holds the ticket (per-ticket kinds: major quality, rework)."""
    link, owner = aliased(EscalationTicket), aliased(Escalation)
    return ~exists().where(
        link.ticket_id == Ticket.id, link.escalation_id == owner.id, owner.kind == kind
    )


CAT_NOT_LINKED = (
    "cat",
    (Escalation.project_id, Ticket.project_id),
    (Escalation.defect_category_id, Ticket.defect_category_id),
)
PART_NOT_LINKED = (
    "part",
    (Escalation.project_id, Ticket.project_id),
    (Escalation.building_part, Ticket.building_part),
    (Escalation.responsible_org_id, Ticket.responsible_org_id),
)
SLA_NOT_LINKED = ("sla", (Escalation.project_id, Ticket.project_id))
# A recurring cluster is keyed by these ticket columns (an escalation carries the same names).
CLUSTERS = {"cat": CAT_NOT_LINKED, "part": PART_NOT_LINKED}


def _cluster_columns(spec: tuple) -> list:
    return [ticket_column for _escalation_column, ticket_column in spec[1:]]


def _in_cluster(spec: tuple, source: Escalation | Ticket) -> ColumnElement[bool]:
    """The tickets of the cluster whose key `source` (its escalation, or one of its tickets)
    carries."""
    return and_(*(column == getattr(source, column.key) for column in _cluster_columns(spec)))


def _live(escalation: Escalation, now: dt.datetime) -> bool:
    """Still collecting tickets: open, or closed with its watch window running."""
    if escalation.state != E.CLOSED:
        return True
    return escalation.watch_until is not None and escalation.watch_until >= now


def _watching(escalation: Escalation, now: dt.datetime) -> bool:
    return (
        escalation.watch_started_at is not None
        and (escalation.watch_until is None or escalation.watch_until >= now)
        and escalation.state in (E.RECTIFYING, E.CLOSED)
    )


def _reopen(session: Session, escalation: Escalation, at: dt.datetime, actor_id, note: str) -> None:
    """Back to 重新打开 (by hand or by the effect check): logged, the watch and closing undone."""
    log_event(session, escalation, EV.REOPENED, at, actor_id, old=escalation.state,
              new=E.REOPENED.value, note=note)
    escalation.state = E.REOPENED.value
    escalation.closed_at = escalation.watch_started_at = escalation.watch_until = None
    escalation.reopen_count += 1
    escalation.version += 1


def _reopen_by_effect_check(
    session: Session, escalation: Escalation, member: _Member, at: dt.datetime
) -> None:
    days = max(0, (member.reported_at - escalation.watch_started_at).days)
    _reopen(session, escalation, at, None, f"整改后 {days} 天内再次出现同类问题：{member.number}")
    _raise_to_management(session, escalation, at, None, "整改效果验证未通过，自动升级至公司管理层")


def _apply(
    session: Session, cluster: _Cluster, latest_rounds: dict[str, Escalation], now: dt.datetime
) -> EvaluationResult:
    result = EvaluationResult()
    latest = latest_rounds.get(cluster.key)
    new = sorted(cluster.members, key=lambda m: (m.reported_at, m.number))
    if latest is not None and _live(latest, now):
        if _watching(latest, now):
            # Effect check: the first ticket reported since the fix reopens the escalation;
            # older ones (reported before the fix) are no recurrence.
            recurrence = next((m for m in new if m.reported_at >= latest.watch_started_at), None)
            if recurrence is not None:
                _reopen_by_effect_check(session, latest, recurrence, now)
                result.reopened += 1
        if latest.state != E.CLOSED and not _watching(latest, now):
            for member in new:
                _link(session, latest, member, now, cluster.join_reason)
                result.joined += 1
        if (
            cluster.raise_at is not None
            and cluster.total >= cluster.raise_at
            and latest.state != E.CLOSED
            and _raise_to_management(
                session,
                latest,
                now,
                None,
                f"{cluster.window_days} 天内已出现 {cluster.total} 次，"
                f"达到阈值 {cluster.threshold} 次的 2 倍，自动升级至公司管理层",
            )
        ):
            result.raised += 1
        return result
    if len(new) < cluster.threshold:
        return result
    level = cluster.level
    # Names are read only for what is raised (the one-ticket evaluation mostly joins).
    title, explanation = (
        cluster.describe() if cluster.describe else (cluster.title, cluster.explanation)
    )
    if cluster.raise_at is not None and len(new) >= cluster.raise_at:
        level = EscalationLevel.MANAGEMENT
    escalation = _new_escalation(
        session,
        kind=cluster.kind,
        level=level,
        project=cluster.project,
        key=cluster.key,
        round_=(latest.cluster_round + 1) if latest is not None else 1,
        title=title,
        explanation=explanation.format(count=len(new), numbers=_numbers(new)),
        at=now,
        actor_id=None,
        members=new,
        reason=cluster.join_reason,
        **(cluster.cluster or {}),
    )
    latest_rounds[cluster.key] = escalation
    result.created += 1
    return result


class _Names:
    """Names of categories, subcontractors and projects, read once per evaluation."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self._categories: dict[uuid.UUID, str] = {}
        self._orgs: dict[uuid.UUID, str] = {}

    def category(self, category_id: uuid.UUID) -> str:
        if category_id not in self._categories:
            self._categories[category_id] = (
                self.session.scalar(
                    select(DefectCategory.name).where(DefectCategory.id == category_id)
                )
                or ""
            )
        return self._categories[category_id]

    def org(self, org_id: uuid.UUID) -> str:
        if org_id not in self._orgs:
            self._orgs[org_id] = (
                self.session.scalar(select(OrgUnit.name).where(OrgUnit.id == org_id)) or ""
            )
        return self._orgs[org_id]


def _recurring(key: str, project: Project, members: list[_Member], total: int, t: Thresholds,
               describe: Callable[[], tuple[str, str]], join_reason: str, cluster: dict) -> _Cluster:
    """A recurring-problem cluster: raised at its threshold, to management at twice it."""
    return _Cluster(
        key=key, kind=K.RECURRING, project=project, members=members, total=total,
        threshold=t.threshold, window_days=t.window_days, raise_at=2 * t.threshold, title="",
        explanation="", describe=describe, join_reason=join_reason, cluster=cluster,
    )


def _category_cluster(
    project: Project,
    category_id: uuid.UUID,
    members: list[_Member],
    total: int,
    t: Thresholds,
    names: _Names,
) -> _Cluster:
    def describe() -> tuple[str, str]:
        name = names.category(category_id)
        return (
            f"{project.name} · {name}反复出现",
            f"{project.name}项目“{name}”类问题 {t.window_days} 天内出现 {{count}} 次"
            f"（阈值 {t.threshold} 次）：{{numbers}}",
        )

    return _recurring(f"cat:{project.id}:{category_id}", project, members, total, t, describe,
                      f"同类问题 {t.window_days} 天内再次出现", {"defect_category_id": category_id})


def _part_cluster(
    project: Project,
    part: str,
    org_id: uuid.UUID,
    members: list[_Member],
    total: int,
    categories: int,
    t: Thresholds,
    names: _Names,
) -> _Cluster:
    part_name = BUILDING_PART_ZH.get(part, part)

    def describe() -> tuple[str, str]:
        org = names.org(org_id)
        return (
            f"{project.name} · {part_name} · {org}",
            f"{project.name}项目“{part_name}”部位、责任分包单位“{org}”的问题 {t.window_days} 天内"
            f"出现 {{count}} 次（阈值 {t.threshold} 次，涉及 {categories} 类缺陷）：{{numbers}}",
        )

    return _recurring(f"part:{project.id}:{part}:{org_id}", project, members, total, t, describe,
                      f"同一部位（{part_name}）、同一分包单位再次出现问题",
                      {"building_part": part, "responsible_org_id": org_id})


def _sla_cluster(
    project: Project, members: list[_Member], reasons: dict[uuid.UUID, str]
) -> _Cluster:
    detail = "；".join(f"{m.number}（{reasons.get(m.id, '超时')}）" for m in members[:_LISTED])
    more = f" 等 {len(members)} 张" if len(members) > _LISTED else ""
    return _Cluster(
        key=f"sla:{project.id}",
        kind=K.SLA_BREACHED,
        project=project,
        members=members,
        threshold=1,
        title=f"{project.name} · 超出响应时限",
        explanation=f"{project.name}项目有 {{count}} 张未关闭的报修单超出响应时限：{detail}{more}",
        join_reason="超出响应时限",
    )


def _ticket_cluster(ticket: Ticket, project: Project, kind: EscalationKind) -> _Cluster:
    member = _Member(ticket.id, ticket.number, ticket.reported_at)
    if kind == K.MAJOR_QUALITY:
        why = "涉及结构安全" if ticket.structural_safety else "紧急报修：严重影响使用功能"
        level = (
            EscalationLevel.MANAGEMENT
            if ticket.structural_safety
            else EscalationLevel.PROJECT_MANAGER
        )
        title = f"{ticket.number} · 重大质量问题"
    else:
        why = f"已返修 {ticket.rework_count} 次（{REWORK_THRESHOLD} 次及以上须升级）"
        level = EscalationLevel.PROJECT_MANAGER
        title = f"{ticket.number} · 多次返修"
    return _Cluster(
        key=f"{kind.value}:{ticket.id}",
        kind=kind,
        project=project,
        members=[member],
        threshold=1,
        title=title,
        explanation=f"报修单 {ticket.number}（{project.name}）{why}",
        join_reason=why,
        level=level,
    )


def _rows_of(session: Session, condition, extra=()) -> list:
    columns = (Ticket.id, Ticket.number, Ticket.reported_at, *extra)
    return list(session.execute(select(*columns).where(condition)))


# ---------------------------------------------------------------------------------------------
# Evaluation
# ---------------------------------------------------------------------------------------------


def evaluate_all(session: Session, now: dt.datetime | None = None) -> EvaluationResult:
    """Raise, grow and reopen every escalation the data calls for at `now` (idempotent).

    Grouped SQL finds the clusters over their thresholds; the member queries return only the
    tickets no escalation of their cluster holds yet, so a repeated run reads almost nothing.
    """
    now = now_or(now)
    settings = _type_settings(session)
    projects = {p.id: p for p in session.scalars(select(Project))}
    if not projects:
        return EvaluationResult()
    thresholds = {pid: _effective(p, settings) for pid, p in projects.items()}
    names = _Names(session)
    by_setting: dict[tuple[int, int], list[uuid.UUID]] = defaultdict(list)
    for pid, t in thresholds.items():
        by_setting[(t.threshold, t.window_days)].append(pid)
    longest = max(t.window_days for t in thresholds.values())
    not_cancelled = Ticket.state != TicketState.CANCELLED.value

    # Live cluster escalations: their clusters keep collecting even below the threshold.
    live = list(
        session.scalars(
            select(Escalation).where(
                Escalation.cluster_key.is_not(None),
                or_(Escalation.state != E.CLOSED.value, Escalation.watch_until >= now),
            )
        )
    )
    cat_counts: dict[tuple, int] = {
        (e.project_id, e.defect_category_id): 0 for e in live if e.cluster_key.startswith("cat:")
    }
    part_counts: dict[tuple, tuple[int, int]] = {
        (e.project_id, e.building_part, e.responsible_org_id): (0, 2)
        for e in live
        if e.cluster_key.startswith("part:")
    }
    for (threshold, days), ids in by_setting.items():
        in_window = and_(
            Ticket.project_id.in_(ids),
            Ticket.reported_at > now - dt.timedelta(days=days),
            Ticket.reported_at <= now,
            not_cancelled,
        )
        query = (
            select(Ticket.project_id, Ticket.defect_category_id, func.count())
            .where(in_window, Ticket.defect_category_id.is_not(None))
            .group_by(Ticket.project_id, Ticket.defect_category_id)
            .having(func.count() >= threshold)
        )
        cat_counts.update({(p, c): n for p, c, n in session.execute(query)})
        categories = func.count(func.distinct(Ticket.defect_category_id))
        query = (
            select(
                Ticket.project_id,
                Ticket.building_part,
                Ticket.responsible_org_id,
                func.count(),
                categories,
            )
            .where(
                in_window, Ticket.building_part.is_not(None), Ticket.responsible_org_id.is_not(None)
            )
            .group_by(Ticket.project_id, Ticket.building_part, Ticket.responsible_org_id)
            .having(func.count() >= threshold, categories >= 2)
        )
        part_counts.update({(p, b, o): (n, k) for p, b, o, n, k in session.execute(query)})

    def in_window_of(pid: uuid.UUID, reported: dt.datetime) -> bool:
        return reported > now - dt.timedelta(days=thresholds[pid].window_days)

    clusters: list[_Cluster] = []
    members: dict[tuple, list[_Member]] = defaultdict(list)
    pairs = sorted(cat_counts, key=str)
    for start in range(0, len(pairs), 400):
        rows = _rows_of(
            session,
            and_(
                tuple_(*_cluster_columns(CAT_NOT_LINKED)).in_(pairs[start : start + 400]),
                Ticket.reported_at > now - dt.timedelta(days=longest),
                Ticket.reported_at <= now,
                not_cancelled,
                _not_linked(*CAT_NOT_LINKED),
            ),
            _cluster_columns(CAT_NOT_LINKED),
        )
        for tid, number, reported, pid, cid in rows:
            if in_window_of(pid, reported):
                members[(pid, cid)].append(_Member(tid, number, reported))
    for pid, cid in pairs:
        clusters.append(
            _category_cluster(
                projects[pid],
                cid,
                members[(pid, cid)],
                cat_counts[(pid, cid)],
                thresholds[pid],
                names,
            )
        )
    members = defaultdict(list)
    groups = sorted(part_counts, key=str)
    for start in range(0, len(groups), 300):
        rows = _rows_of(
            session,
            and_(
                tuple_(*_cluster_columns(PART_NOT_LINKED)).in_(groups[start : start + 300]),
                Ticket.reported_at > now - dt.timedelta(days=longest),
                Ticket.reported_at <= now,
                not_cancelled,
                _not_linked(*PART_NOT_LINKED),
            ),
            _cluster_columns(PART_NOT_LINKED),
        )
        for tid, number, reported, pid, part, org in rows:
            if in_window_of(pid, reported):
                members[(pid, part, org)].append(_Member(tid, number, reported))
    for pid, part, org in groups:
        total, categories = part_counts[(pid, part, org)]
        clusters.append(
            _part_cluster(
                projects[pid],
                part,
                org,
                members[(pid, part, org)],
                total,
                categories,
                thresholds[pid],
                names,
            )
        )

    # Per-ticket signals and SLA breaches of open tickets, not escalated for it yet.
    # Only what is not escalated yet comes back: a repeated run reads (almost) no rows.
    major = and_(
        or_(Ticket.structural_safety.is_(True), Ticket.urgency == int(Urgency.EMERGENCY)),
        _not_escalated_as(K.MAJOR_QUALITY.value),
    )
    rework = and_(
        Ticket.rework_count >= REWORK_THRESHOLD, _not_escalated_as(K.REPEATED_REWORK.value)
    )
    breached = and_(any_breached_expr(now), _not_linked(*SLA_NOT_LINKED))
    signal_rows = list(
        session.execute(
            select(Ticket.id, Ticket.project_id, major, rework, breached).where(
                Ticket.state.in_(OPEN_TICKET_VALUES),
                Ticket.reported_at <= now,
                or_(major, rework, breached),
            )
        )
    )
    ticket_keys: dict[uuid.UUID, list[EscalationKind]] = defaultdict(list)
    breached_by_project: dict[uuid.UUID, list[uuid.UUID]] = defaultdict(list)
    for tid, pid, is_major, is_rework, is_breached in signal_rows:
        if is_major:
            ticket_keys[tid].append(K.MAJOR_QUALITY)
        if is_rework:
            ticket_keys[tid].append(K.REPEATED_REWORK)
        if is_breached:
            breached_by_project[pid].append(tid)

    keys = [c.key for c in clusters]
    keys += [f"{kind.value}:{tid}" for tid, kinds in ticket_keys.items() for kind in kinds]
    keys += [f"sla:{pid}" for pid in breached_by_project]
    latest_rounds = _latest_rounds(session, keys)

    # ORM tickets only for what is to be raised or linked (a repeated run loads none).
    needed = {
        tid
        for tid, kinds in ticket_keys.items()
        for kind in kinds
        if f"{kind.value}:{tid}" not in latest_rounds
    }
    for pid, tids in breached_by_project.items():
        latest = latest_rounds.get(f"sla:{pid}")
        if latest is None or _live(latest, now):
            needed.update(tids)
    tickets: dict[uuid.UUID, Ticket] = {}
    needed_list = sorted(needed)
    for start in range(0, len(needed_list), 500):
        for ticket in session.scalars(
            select(Ticket).where(Ticket.id.in_(needed_list[start : start + 500]))
        ):
            tickets[ticket.id] = ticket
    for tid, kinds in ticket_keys.items():
        for kind in kinds:
            if tid in tickets and f"{kind.value}:{tid}" not in latest_rounds:
                clusters.append(
                    _ticket_cluster(tickets[tid], projects[tickets[tid].project_id], kind)
                )
    for pid, tids in breached_by_project.items():
        new = sorted(
            (tickets[t] for t in tids if t in tickets), key=lambda t: (t.reported_at, t.number)
        )
        if new:
            reasons = {
                t.id: "、".join(TIMER_ZH[x] for x in breached_timers(t, now)) + "超时" for t in new
            }
            clusters.append(
                _sla_cluster(
                    projects[pid], [_Member(t.id, t.number, t.reported_at) for t in new], reasons
                )
            )

    result = EvaluationResult()
    for cluster in clusters:
        result += _apply(session, cluster, latest_rounds, now)
    result += _watch_checks(session, latest_rounds, live, projects, thresholds, now, names)
    flush_links(session)
    return result


def _cluster_condition(escalation: Escalation):
    """The tickets an escalation's cluster matches and no escalation of it holds yet."""
    spec = CLUSTERS.get((escalation.cluster_key or "").partition(":")[0])
    if spec is None:
        return None
    return and_(_in_cluster(spec, escalation), _not_linked(*spec))


def _watch_checks(
    session: Session,
    latest_rounds: dict[str, Escalation],
    live: list[Escalation],
    projects: dict,
    thresholds: dict,
    now: dt.datetime,
    names: _Names,
) -> EvaluationResult:
    """Recurrences of watched clusters reported after the fix, older than the recurrence window."""
    result = EvaluationResult()
    for escalation in live:
        if (
            not _watching(escalation, now)
            or latest_rounds.get(escalation.cluster_key, escalation) is not escalation
        ):
            continue
        condition = _cluster_condition(escalation)
        if condition is None:
            continue
        rows = _rows_of(
            session,
            and_(
                condition,
                Ticket.reported_at >= escalation.watch_started_at,
                Ticket.reported_at <= now,
                Ticket.state != TicketState.CANCELLED.value,
            ),
        )
        if not rows:
            continue
        project = projects[escalation.project_id]
        found = [_Member(*r) for r in rows]
        if escalation.cluster_key.startswith("cat:"):
            cluster = _category_cluster(
                project, escalation.defect_category_id, found, 0, thresholds[project.id], names
            )
        else:
            cluster = _part_cluster(
                project,
                escalation.building_part,
                escalation.responsible_org_id,
                found,
                0,
                2,
                thresholds[project.id],
                names,
            )
        latest_rounds[cluster.key] = escalation
        result += _apply(session, cluster, latest_rounds, now)
    return result


def evaluate_ticket(
    session: Session, ticket: Ticket, now: dt.datetime | None = None
) -> EvaluationResult:
    """Evaluate one new or changed ticket (its clusters, its signals): a few indexed queries."""
    now = now_or(now)
    if ticket.state == TicketState.CANCELLED or ticket.number is None:
        return EvaluationResult()
    with session.no_autoflush:
        project = session.get(Project, ticket.project_id)
    if project is None:
        return EvaluationResult()
    session.flush()
    t = thresholds_for(session, project)
    names = _Names(session)
    not_cancelled = Ticket.state != TicketState.CANCELLED.value
    since = now - dt.timedelta(days=t.window_days)
    clusters: list[_Cluster] = []
    if ticket.defect_category_id is not None:
        fresh = _not_linked(*CAT_NOT_LINKED)
        rows = _rows_of(
            session,
            and_(
                _in_cluster(CAT_NOT_LINKED, ticket),
                Ticket.reported_at > since,
                Ticket.reported_at <= now,
                not_cancelled,
            ),
            (fresh,),
        )
        members = [_Member(*r[:3]) for r in rows if r[3]]
        clusters.append(
            _category_cluster(project, ticket.defect_category_id, members, len(rows), t, names)
        )
    if ticket.building_part and ticket.responsible_org_id is not None:
        fresh = _not_linked(*PART_NOT_LINKED)
        rows = _rows_of(
            session,
            and_(
                _in_cluster(PART_NOT_LINKED, ticket),
                Ticket.reported_at > since,
                Ticket.reported_at <= now,
                not_cancelled,
            ),
            (Ticket.defect_category_id, fresh),
        )
        categories = len({r[3] for r in rows if r[3] is not None})
        cluster = _part_cluster(
            project,
            ticket.building_part,
            ticket.responsible_org_id,
            [_Member(*r[:3]) for r in rows if r[4]],
            len(rows),
            categories,
            t,
            names,
        )
        if categories < 2:
            # One category alone is the category cluster: no new escalation, a live one grows.
            cluster.threshold, cluster.raise_at = 10**9, None
        clusters.append(cluster)
    is_open = ticket.state in OPEN_TICKET_VALUES
    if is_open and (ticket.structural_safety or ticket.urgency == int(Urgency.EMERGENCY)):
        clusters.append(_ticket_cluster(ticket, project, K.MAJOR_QUALITY))
    if is_open and (ticket.rework_count or 0) >= REWORK_THRESHOLD:
        clusters.append(_ticket_cluster(ticket, project, K.REPEATED_REWORK))
    breached = breached_timers(ticket, now) if is_open else []
    if breached:
        member = _Member(ticket.id, ticket.number, ticket.reported_at)
        reason = "、".join(TIMER_ZH[x] for x in breached) + "超时"
        clusters.append(_sla_cluster(project, [member], {ticket.id: reason}))
    if not clusters:
        return EvaluationResult()
    latest_rounds = _latest_rounds(session, [c.key for c in clusters])
    result = EvaluationResult()
    for cluster in clusters:
        latest = latest_rounds.get(cluster.key)
        if (
            not cluster.window_days
            and latest is not None
            and _holds(session, cluster.key, ticket.id)
        ):
            continue  # a per-ticket or SLA cluster that holds the ticket already
        if latest is not None and _watching(latest, now) and cluster.window_days:
            # The effect check looks at every ticket since the fix, whatever the window.
            condition = _cluster_condition(latest)
            if condition is not None:
                rows = _rows_of(
                    session,
                    and_(
                        condition,
                        Ticket.reported_at >= latest.watch_started_at,
                        Ticket.reported_at <= now,
                        not_cancelled,
                    ),
                )
                known = {m.id for m in cluster.members}
                cluster.members.extend(_Member(*r) for r in rows if r[0] not in known)
        result += _apply(session, cluster, latest_rounds, now)
    flush_links(session)
    return result


def _holds(session: Session, key: str, ticket_id: uuid.UUID) -> bool:
    """Whether an escalation of the cluster `key` (any round) holds the ticket."""
    return (
        session.scalar(
            select(func.count())
            .select_from(EscalationTicket)
            .join(Escalation, Escalation.id == EscalationTicket.escalation_id)
            .where(Escalation.cluster_key == key, EscalationTicket.ticket_id == ticket_id)
        )
        > 0
    )


# ---------------------------------------------------------------------------------------------
# People's actions on escalations
# ---------------------------------------------------------------------------------------------


def _refuse_inactive(actor: Staff) -> list[Problem]:
    if not actor.active:
        return [Problem("actor", f"{actor.name}的账号已停用，不能办理升级事项")]
    return []


def escalation_check(
    escalation: Escalation, action: str, actor: Staff, *, open_actions: int = 0
) -> list[str]:
    """What stands in the way of `action` ("raise_level", "close", "reopen", "schedule_meeting")."""
    return [p.message for p in _problems(escalation, action, actor, open_actions=open_actions)]


def _problems(
    escalation: Escalation,
    action: str,
    actor: Staff,
    *,
    reason: str = "x",
    note: str = "x",
    open_actions: int = 0,
    has_meeting: bool = True,
) -> list[Problem]:
    problems = _refuse_inactive(actor)
    if problems:
        return problems
    state = ESCALATION_STATE_ZH[EscalationState(escalation.state)]
    if action == "raise_level":
        if actor.role not in MANAGERS:
            problems.append(Problem("actor", "升级至公司管理层须由项目经理或总部保修管理员办理"))
        if escalation.level == EscalationLevel.MANAGEMENT:
            problems.append(Problem("level", "已是公司管理层，无法继续升级"))
        if escalation.state == E.CLOSED:
            problems.append(Problem("state", f"升级事项当前处于“{state}”，不能升级"))
        if not reason.strip():
            problems.append(Problem("reason", "缺少升级原因"))
    elif action == "close":
        if escalation.state == E.CLOSED:
            problems.append(Problem("state", "升级事项已关闭"))
        elif actor.role not in MANAGERS and actor.id != escalation.owner_id:
            problems.append(
                Problem("actor", "关闭升级事项须由负责人、项目经理或总部保修管理员办理")
            )
        elif open_actions:
            problems.append(
                Problem("actions", f"尚有 {open_actions} 项整改措施未关闭，不能关闭升级事项")
            )
        elif not has_meeting and not note.strip():
            problems.append(
                Problem("note", "未召开专项复盘会议：关闭须写明处理情况或无需复盘的理由")
            )
    elif action == "reopen":
        if escalation.state != E.CLOSED:
            problems.append(Problem("state", f"升级事项当前处于“{state}”，无需重新打开"))
        elif actor.role not in MANAGERS:
            problems.append(Problem("actor", "重新打开升级事项须由项目经理或总部保修管理员办理"))
        elif not reason.strip():
            problems.append(Problem("reason", "重新打开须填写原因"))
    elif action == "schedule_meeting":
        if escalation.state == E.CLOSED:
            problems.append(Problem("state", "升级事项已关闭，不能安排复盘会议"))
    elif action == "assign_owner":
        if actor.role not in MANAGERS:
            problems.append(Problem("actor", "变更升级事项负责人须由项目经理或总部保修管理员办理"))
    else:
        raise ValueError(f"unknown escalation action {action!r}")
    return problems


def escalate(
    session: Session,
    ticket_ids: Sequence[uuid.UUID],
    actor: Staff,
    reason: str,
    level: str = EscalationLevel.PROJECT_MANAGER.value,
    *,
    owner_id: uuid.UUID | None = None,
    now: dt.datetime | None = None,
) -> Escalation:
    """人工升级: escalate tickets of one project by hand, with a reason."""
    now = now_or(now)
    problems = _refuse_inactive(actor)
    tickets = [session.get(Ticket, tid) for tid in dict.fromkeys(ticket_ids)]
    tickets = [t for t in tickets if t is not None]
    if not tickets:
        problems.append(Problem("tickets", "至少选择一张报修单"))
    if len({t.project_id for t in tickets}) > 1:
        problems.append(Problem("tickets", "所选报修单须属于同一项目"))
    if not (reason or "").strip():
        problems.append(Problem("reason", "缺少升级原因"))
    try:
        level_ = EscalationLevel(level)
    except ValueError:
        problems.append(Problem("level", f"升级层级无效：{level}"))
        level_ = EscalationLevel.PROJECT_MANAGER
    if level_ == EscalationLevel.MANAGEMENT and actor.role not in MANAGERS:
        problems.append(Problem("level", "直接升级至公司管理层须由项目经理或总部保修管理员办理"))
    if problems:
        raise RetroRefused(problems)
    project = session.get(Project, tickets[0].project_id)
    members = [
        _Member(t.id, t.number, t.reported_at) for t in sorted(tickets, key=lambda t: t.reported_at)
    ]
    reason = reason.strip()
    explanation = f"{actor.name}人工升级（{len(members)} 张报修单：{_numbers(members)}）：{reason}"
    escalation = _new_escalation(
        session,
        kind=K.MANUAL,
        level=level_,
        project=project,
        key=None,
        round_=1,
        title=f"{project.name} · 人工升级：{reason[:40]}",
        explanation=explanation,
        at=now,
        actor_id=actor.id,
        members=members,
        reason=f"人工升级：{reason}",
        owner_id=owner_id,
        defect_category_id=tickets[0].defect_category_id if len(tickets) == 1 else None,
    )
    flush_links(session)
    return escalation


def raise_level(
    session: Session,
    escalation: Escalation,
    actor: Staff,
    *,
    reason: str,
    now: dt.datetime | None = None,
) -> Escalation:
    """Raise from 项目经理 to 公司管理层 (PM or HQ, with a reason)."""
    problems = _problems(escalation, "raise_level", actor, reason=reason or "")
    if problems:
        raise RetroRefused(problems)
    _raise_to_management(session, escalation, now_or(now), actor.id, reason.strip())
    return escalation


def assign_escalation_owner(
    session: Session,
    escalation: Escalation,
    actor: Staff,
    owner_id: uuid.UUID,
    *,
    reason: str = "",
    now: dt.datetime | None = None,
) -> Escalation:
    problems = _problems(escalation, "assign_owner", actor)
    owner = session.get(Staff, owner_id) if owner_id is not None else None
    if owner is None or not owner.active:
        problems.append(Problem("owner_id", "负责人须为在职人员"))
    elif owner_id == escalation.owner_id:
        problems.append(Problem("owner_id", "所选人员已是本升级事项的负责人"))
    if problems:
        raise RetroRefused(problems)
    log_event(
        session,
        escalation,
        EV.OWNER,
        now_or(now),
        actor.id,
        old=str(escalation.owner_id) if escalation.owner_id else None,
        new=str(owner_id),
        note=(reason or "").strip() or f"负责人改为{owner.name}",
    )
    escalation.owner_id = owner_id
    escalation.version += 1
    return escalation


def open_action_count(session: Session, escalation_id: uuid.UUID) -> int:
    """Actions of the escalation's meetings that are not closed yet."""
    from app.models.retrospective import CorrectiveAction, MeetingEscalation

    return (
        session.scalar(
            select(func.count())
            .select_from(CorrectiveAction)
            .join(MeetingEscalation, MeetingEscalation.meeting_id == CorrectiveAction.meeting_id)
            .where(
                MeetingEscalation.escalation_id == escalation_id,
                CorrectiveAction.status.not_in([s.value for s in CLOSED_ACTION_STATUSES]),
            )
        )
        or 0
    )


def _meeting_count(session: Session, escalation_id: uuid.UUID) -> int:
    from app.models.retrospective import MeetingEscalation

    return (
        session.scalar(
            select(func.count())
            .select_from(MeetingEscalation)
            .where(MeetingEscalation.escalation_id == escalation_id)
        )
        or 0
    )


def start_watch(
    session: Session, escalation: Escalation, at: dt.datetime, actor_id: uuid.UUID | None = None
) -> None:
    """Every action is closed: watch the cluster for recurrences (the effect check)."""
    if escalation.watch_started_at is not None or escalation.cluster_key is None:
        return
    project = session.get(Project, escalation.project_id)
    days = thresholds_for(session, project).watch_days
    escalation.watch_started_at = at
    escalation.watch_until = at + dt.timedelta(days=days)
    escalation.version += 1
    until = to_local(escalation.watch_until).strftime("%Y-%m-%d")
    log_event(
        session,
        escalation,
        EV.WATCH_STARTED,
        at,
        actor_id,
        new=until,
        note=f"整改措施均已关闭，进入 {days} 天效果验证期（至 {until}）：期间再次出现同类问题将重新打开",
    )


def end_watch(escalation: Escalation) -> None:
    """An action is open again: an escalation still being worked on stops watching (a closed
    escalation keeps its effect check)."""
    if escalation.watch_started_at is not None and escalation.state != E.CLOSED:
        escalation.watch_started_at = escalation.watch_until = None


def close_escalation(
    session: Session,
    escalation: Escalation,
    actor: Staff,
    *,
    note: str = "",
    now: dt.datetime | None = None,
) -> Escalation:
    """关闭: every action closed (or, without a meeting, a note why none was needed)."""
    now = now_or(now)
    problems = _problems(
        escalation,
        "close",
        actor,
        note=note or "",
        open_actions=open_action_count(session, escalation.id),
        has_meeting=_meeting_count(session, escalation.id) > 0,
    )
    if problems:
        raise RetroRefused(problems)
    start_watch(session, escalation, now, actor.id)
    set_state(session, escalation, E.CLOSED, now, actor.id, (note or "").strip())
    return escalation


def reopen_escalation(
    session: Session,
    escalation: Escalation,
    actor: Staff,
    *,
    reason: str,
    now: dt.datetime | None = None,
) -> Escalation:
    problems = _problems(escalation, "reopen", actor, reason=reason or "")
    if problems:
        raise RetroRefused(problems)
    _reopen(session, escalation, now_or(now), actor.id, reason.strip())
    return escalation


# ---------------------------------------------------------------------------------------------
# Reads for the 复盘 page and the badge
# ---------------------------------------------------------------------------------------------


def open_escalation_count(session: Session, project_id: uuid.UUID | None = None) -> int:
    query = select(func.count()).select_from(Escalation).where(Escalation.state != E.CLOSED.value)
    if project_id is not None:
        query = query.where(Escalation.project_id == project_id)
    return session.scalar(query) or 0


def _cluster_label(escalation: Escalation, categories: dict, orgs: dict) -> str:
    if escalation.building_part and escalation.responsible_org_id:
        part = BUILDING_PART_ZH.get(escalation.building_part, escalation.building_part)
        return f"{part} · {orgs.get(escalation.responsible_org_id, '')}"
    if escalation.defect_category_id:
        return categories.get(escalation.defect_category_id, "")
    return ""


def escalation_rows(session: Session, escalations: list[Escalation]) -> list[EscalationRow]:
    if not escalations:
        return []
    ids = [e.id for e in escalations]
    counts: dict[uuid.UUID, int] = {}
    for start in range(0, len(ids), 500):
        counts.update(
            session.execute(
                select(EscalationTicket.escalation_id, func.count())
                .where(EscalationTicket.escalation_id.in_(ids[start : start + 500]))
                .group_by(EscalationTicket.escalation_id)
            ).all()
        )
    projects = dict(session.execute(select(Project.id, Project.name)).all())
    staff = dict(
        session.execute(
            select(Staff.id, Staff.name).where(
                Staff.id.in_({e.owner_id for e in escalations if e.owner_id})
            )
        ).all()
    )
    categories = dict(
        session.execute(
            select(DefectCategory.id, DefectCategory.name).where(
                DefectCategory.id.in_(
                    {e.defect_category_id for e in escalations if e.defect_category_id}
                )
            )
        ).all()
    )
    orgs = dict(
        session.execute(
            select(OrgUnit.id, OrgUnit.name).where(
                OrgUnit.id.in_({e.responsible_org_id for e in escalations if e.responsible_org_id})
            )
        ).all()
    )
    return [
        EscalationRow(
            id=e.id,
            number=e.number,
            kind=e.kind,
            level=e.level,
            state=e.state,
            project_id=e.project_id,
            project_name=projects.get(e.project_id, ""),
            cluster=_cluster_label(e, categories, orgs),
            ticket_count=counts.get(e.id, 0),
            owner_id=e.owner_id,
            owner_name=staff.get(e.owner_id, ""),
            raised_at=e.raised_at,
            title=e.title,
            explanation=e.explanation,
            watch_until=e.watch_until,
        )
        for e in escalations
    ]


def list_escalations(
    session: Session,
    *,
    project_id: uuid.UUID | None = None,
    level: str | None = None,
    state: str | None = None,
    open_only: bool = False,
    ticket_id: uuid.UUID | None = None,
    limit: int = 500,
) -> list[EscalationRow]:
    """Escalations for the 复盘 page, open ones first, newest first."""
    query = select(Escalation)
    if project_id is not None:
        query = query.where(Escalation.project_id == project_id)
    if level:
        query = query.where(Escalation.level == level)
    if state:
        query = query.where(Escalation.state == state)
    if open_only:
        query = query.where(Escalation.state != E.CLOSED.value)
    if ticket_id is not None:
        query = query.where(
            Escalation.id.in_(
                select(EscalationTicket.escalation_id).where(
                    EscalationTicket.ticket_id == ticket_id
                )
            )
        )
    query = query.order_by(
        (Escalation.state == E.CLOSED.value), Escalation.raised_at.desc(), Escalation.number.desc()
    ).limit(limit)
    return escalation_rows(session, list(session.scalars(query)))


def open_escalations_of(session: Session, ticket_ids: list[uuid.UUID]) -> list[tuple[uuid.UUID, str, str]]:
    """(id, number, title) of the open escalations holding any of the tickets: one query."""
    return [tuple(r) for r in session.execute(
        select(Escalation.id, Escalation.number, Escalation.title)
        .join(EscalationTicket, EscalationTicket.escalation_id == Escalation.id)
        .where(EscalationTicket.ticket_id.in_(ticket_ids),
               Escalation.state != EscalationState.CLOSED.value)
        .distinct().order_by(Escalation.number)
    )]


def linked_ticket_rows(session: Session, link_query) -> list[LinkedTicketRow]:
    """Rows of (ticket id, joined at, reason) links as the pages show them."""
    links = list(session.execute(link_query))
    if not links:
        return []
    ids = [tid for tid, _at, _why in links]
    tickets = {}
    for start in range(0, len(ids), 500):
        query = (
            select(
                Ticket.id,
                Ticket.number,
                Ticket.state,
                Ticket.reported_at,
                Ticket.location_label,
                DefectCategory.name,
                Ticket.description,
            )
            .outerjoin(DefectCategory, DefectCategory.id == Ticket.defect_category_id)
            .where(Ticket.id.in_(ids[start : start + 500]))
        )
        tickets.update({row[0]: row for row in session.execute(query)})
    rows = []
    for tid, at, why in links:
        t = tickets.get(tid)
        if t is None:
            continue
        rows.append(
            LinkedTicketRow(
                tid, t[1], t[2], t[3], t[4] or "", t[5] or "", t[6] or "", at, why or ""
            )
        )
    return sorted(rows, key=lambda r: (r.reported_at, r.number))


def _shown(kind: str, value: str | None, names: dict) -> str | None:
    """Owner changes are logged with staff ids: show the names."""
    if kind == EV.OWNER and value:
        try:
            return names.get(uuid.UUID(value), value)
        except ValueError:
            return value
    return value


def escalation_detail(session: Session, escalation_id: uuid.UUID) -> EscalationDetail:
    """One escalation with its tickets, its log and its meetings."""
    from app.models.retrospective_service import list_meetings

    escalation = session.get(Escalation, escalation_id)
    if escalation is None:
        raise RetroRefused(["找不到该升级事项"])
    row = escalation_rows(session, [escalation])[0]
    tickets = linked_ticket_rows(
        session,
        select(
            EscalationTicket.ticket_id, EscalationTicket.joined_at, EscalationTicket.reason
        ).where(EscalationTicket.escalation_id == escalation_id),
    )
    names = dict(session.execute(select(Staff.id, Staff.name)).all())
    events = [
        EscalationEventRow(
            e.at,
            e.kind,
            names.get(e.actor_id, SYSTEM) if e.actor_id else SYSTEM,
            _shown(e.kind, e.old_value, names),
            _shown(e.kind, e.new_value, names),
            e.note,
        )
        for e in session.scalars(
            select(EscalationEvent)
            .where(EscalationEvent.escalation_id == escalation_id)
            .order_by(EscalationEvent.seq, EscalationEvent.at)
        )
    ]
    return EscalationDetail(
        row=row,
        tickets=tickets,
        events=events,
        meetings=list_meetings(session, escalation_id=escalation_id),
        open_action_count=open_action_count(session, escalation_id),
    )
