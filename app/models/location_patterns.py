"""The location tree's naming rules and bulk creation from a pattern (1-18栋, 1-2单元, 1-33层, 01-04室).

A pattern is a list of levels separated by commas (or semicolons, new lines); each level is a
number range with a prefix/suffix (`1-18栋`, `01-04室`, `1-4号水泵`), a single value (`3栋`), a
list of names (`给排水系统/电气系统/暖通系统`) or a chainage range (`K0+000-K2+000@200`). The
kind of each level comes from its suffix (栋 → building, 单元 → unit, 层 → floor, 室 → room,
段 → section, 系统 → system) or, failing that, from the only kind its parent may hold.

Names and full names follow the demo data and what people say: rooms under a floor carry the
floor number (15层 + 02 → 1502室), the full name of a room skips the floor
(3栋2单元1502室), chainages and equipment are separated from their parent by a space
(主线 K3+200, 给排水系统 1号水泵).
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field

from sqlalchemy import func, insert, select, true, update
from sqlalchemy.orm import Session, aliased

from app.models.base import utcnow
from app.models.ids import new_id
from app.models.location import Location
from app.models.project import Project
from app.models.vocabulary import LOCATION_CHILDREN, LOCATION_KIND_ZH, LocationKind, ProjectType

K = LocationKind

# One bulk creation may make at most this many places: a large estate (60 buildings × 3 units
# × 33 floors × 4 rooms) is about 30,000; more than this is a typing mistake (1-330层).
MAX_BULK_NODES = 50_000
MAX_LEVEL_VALUES = 2_000  # values in one level (a road of 200 km at 100 m is 2,000 chainages)
MAX_NAME = 50  # Location.name
MAX_FULL_NAME = 200  # Location.full_name

# Suffixes that name a kind, longest first so 号楼 wins over 楼 and 标段 over 段.
_SUFFIX_KINDS: tuple[tuple[str, LocationKind], ...] = (
    ("号楼", K.BUILDING),
    ("楼栋", K.BUILDING),
    ("单元", K.UNIT),
    ("标段", K.SECTION),
    ("路段", K.SECTION),
    ("区段", K.SECTION),
    ("系统", K.SYSTEM),
    ("栋", K.BUILDING),
    ("幢", K.BUILDING),
    ("座", K.BUILDING),
    ("层", K.FLOOR),
    ("室", K.ROOM),
    ("户", K.ROOM),
    ("段", K.SECTION),
)

# What a top-level place is when its suffix does not say (1-3 → buildings of a housing estate).
_TOP_KIND = {
    ProjectType.RESIDENTIAL: K.BUILDING,
    ProjectType.INDUSTRIAL: K.BUILDING,
    ProjectType.OTHER: K.BUILDING,
    ProjectType.ROAD: K.SECTION,
    ProjectType.INFRASTRUCTURE: K.SECTION,
    ProjectType.MEP: K.SYSTEM,
}

_LEVEL_SPLIT = re.compile(r"[,，;；\n]+")
_NAME_SPLIT = re.compile(r"[/、|｜]+")
_DASH = r"\s*(?:-|–|—|~|～|至|到)\s*"
_RANGE = re.compile(
    rf"^(?P<prefix>\D*?)(?P<start>\d+)(?:{_DASH}(?P=prefix)?(?P<end>\d+))?(?P<suffix>\D*)$"
)
_CHAINAGE = re.compile(
    rf"^K(?P<k1>\d+)\+(?P<m1>\d{{3}}){_DASH}K(?P<k2>\d+)\+(?P<m2>\d{{3}})"
    r"(?:\s*(?:@|每|/|间距)\s*(?P<step>\d+)\s*(?:米|m)?)?$",
    re.IGNORECASE,
)
_FIRST_NUMBER = re.compile(r"\d+")
DEFAULT_CHAINAGE_STEP = 100
_IN_CHUNK = 5_000


class PatternError(ValueError):
    """The pattern cannot be used; the message tells the clerk why, in Chinese."""


@dataclass(frozen=True)
class Level:
    """One level of a pattern: its kind and the names it makes (with their numbers)."""

    text: str
    kind: LocationKind
    # (name as typed, number or None, sort key); room names get the floor number later.
    values: tuple[tuple[str, int | None, int], ...]
    prefix: str = ""
    suffix: str = ""
    width: int = 0  # digits of the typed numbers (01-04 → 2)


@dataclass(frozen=True)
class ParentPlace:
    """The place new nodes go under (None: the project's top level)."""

    id: uuid.UUID | None
    kind: LocationKind | None
    name: str
    full_name: str
    parent_full_name: str  # the full name of the parent's parent (rooms skip their floor)


@dataclass
class BulkPlan:
    """What a pattern would create under one place: counts, samples and the rows themselves."""

    levels: list[Level]
    total: int  # places the pattern names, existing ones included
    new_by_kind: dict[LocationKind, int] = field(default_factory=dict)
    existing: int = 0
    samples: list[str] = field(default_factory=list)  # the first and last new place
    rows: list[dict] = field(default_factory=list)

    @property
    def new(self) -> int:
        return sum(self.new_by_kind.values())

    def _kinds_text(self) -> str:
        """4,752 个房间、1,188 个楼层… in the tree's order."""
        ordered = sorted(self.new_by_kind.items(), key=lambda item: _KIND_ORDER[item[0]])
        return "、".join(f"{count:,} 个{LOCATION_KIND_ZH[kind]}" for kind, count in ordered)

    def summary(self) -> str:
        """The preview sentence: 将新建 4,752 个房间、1,188 个楼层…；已存在 12 个，将跳过。"""
        if not self.new:
            return f"模式中的 {self.total:,} 个位置均已存在，无需新建。"
        text = f"将新建 {self.new:,} 个位置（{self._kinds_text()}）"
        if self.existing:
            text += f"；已存在 {self.existing:,} 个，将跳过"
        return text + "。"

    def done_summary(self) -> str:
        """After creating: 已新建 5,994 个位置（…）；跳过已存在的 12 个。"""
        if not self.new:
            return f"没有新建位置：模式中的 {self.total:,} 个位置均已存在。"
        text = f"已新建 {self.new:,} 个位置（{self._kinds_text()}）"
        if self.existing:
            text += f"；跳过已存在的 {self.existing:,} 个"
        return text + "。"


_KIND_ORDER = {kind: order for order, kind in enumerate(LocationKind)}


def kind_of_suffix(text: str) -> LocationKind | None:
    """The kind a name's ending says (3栋 → building), or None when it says nothing."""
    for suffix, kind in _SUFFIX_KINDS:
        if text.endswith(suffix):
            return kind
    return None


def _parse_level(text: str) -> tuple[LocationKind | None, tuple, str, str, int]:
    match = _CHAINAGE.match(text)
    if match:
        start = int(match["k1"]) * 1000 + int(match["m1"])
        end = int(match["k2"]) * 1000 + int(match["m2"])
        step = int(match["step"] or DEFAULT_CHAINAGE_STEP)
        if step <= 0:
            raise PatternError(f"“{text}”的间距必须大于 0 米。")
        if end < start:
            raise PatternError(f"“{text}”的终点桩号小于起点桩号。")
        count = (end - start) // step + 1
        if count > MAX_LEVEL_VALUES:
            raise PatternError(
                f"“{text}”一级就有 {count:,} 个桩号，超过 {MAX_LEVEL_VALUES:,} 个的上限。"
            )
        values = tuple(
            (chainage_name(metres), metres, metres) for metres in range(start, end + 1, step)
        )
        return K.CHAINAGE, values, "", "", 0
    match = _RANGE.match(text)
    if match:
        prefix, suffix = match["prefix"].strip(), match["suffix"].strip()
        start_text, end_text = match["start"], match["end"] or match["start"]
        start, end = int(start_text), int(end_text)
        if end < start:
            raise PatternError(f"“{text}”的结束编号 {end} 小于开始编号 {start}。")
        count = end - start + 1
        if count > MAX_LEVEL_VALUES:
            raise PatternError(
                f"“{text}”一级就有 {count:,} 个位置，超过 {MAX_LEVEL_VALUES:,} 个的上限。"
            )
        # Leading zeros are kept as typed (01-04 → 01, 02...).
        width = len(start_text) if start_text.startswith("0") and len(start_text) > 1 else 0
        values = tuple((f"{prefix}{n:0{width}d}{suffix}", n, n) for n in range(start, end + 1))
        kind = kind_of_suffix(suffix) if suffix else None
        return kind, values, prefix, suffix, max(width, len(start_text))
    names = [name.strip() for name in _NAME_SPLIT.split(text) if name.strip()]
    if len(set(names)) != len(names):
        raise PatternError(f"“{text}”中有重复的名称。")
    kinds = {kind_of_suffix(name) for name in names}
    kind = kinds.pop() if len(kinds) == 1 else None
    if len(kinds) > 0 and kind is None:
        raise PatternError(f"“{text}”中的名称不是同一类位置，请分开填写。")
    values = tuple((name, _number_in(name), order) for order, name in enumerate(names, start=1))
    return kind, values, "", "", 0


def _number_in(name: str) -> int | None:
    match = _FIRST_NUMBER.search(name)
    return int(match.group()) if match else None


def chainage_name(metres: int) -> str:
    """A chainage as surveyors write it: 3,200 m → K3+200."""
    return f"K{metres // 1000}+{metres % 1000:03d}"


def parse_pattern(
    pattern: str, parent_kind: LocationKind | None, project_type: str = ProjectType.RESIDENTIAL
) -> list[Level]:
    """The levels of a pattern typed under a place of `parent_kind` (None: the top level)."""
    texts = [part.strip() for part in _LEVEL_SPLIT.split(pattern) if part.strip()]
    if not texts:
        raise PatternError("请填写生成模式，例如：1-18栋, 1-2单元, 1-33层, 01-04室")
    levels: list[Level] = []
    above = parent_kind
    for text in texts:
        kind, values, prefix, suffix, width = _parse_level(text)
        allowed = LOCATION_CHILDREN[above]
        if kind is None:
            if above is None:
                try:
                    kind = _TOP_KIND[ProjectType(project_type)]
                except ValueError:
                    kind = K.BUILDING
            elif len(allowed) == 1:
                kind = next(iter(allowed))
            else:
                choices = "、".join(
                    LOCATION_KIND_ZH[k] for k in sorted(allowed, key=_KIND_ORDER.get)
                )
                raise PatternError(
                    f"无法判断“{text}”是哪一级位置：请在名称后写明{choices}（如“栋”“单元”“层”“室”）。"
                )
        if kind not in allowed:
            where = "项目最上一级" if above is None else f"{LOCATION_KIND_ZH[above]}之下"
            if allowed:
                choices = "、".join(
                    LOCATION_KIND_ZH[k] for k in sorted(allowed, key=_KIND_ORDER.get)
                )
                hint = f"这里只能建{choices}"
            else:
                hint = "这一级之下不能再建位置"
            raise PatternError(f"“{text}”是{LOCATION_KIND_ZH[kind]}，不能建在{where}：{hint}。")
        too_long = next((name for name, _n, _s in values if len(name) > MAX_NAME), None)
        if too_long:
            raise PatternError(f"位置名称“{too_long[:20]}…”超过 {MAX_NAME} 个字。")
        levels.append(Level(text, kind, values, prefix, suffix, width))
        above = kind
    return levels


def count_places(levels: list[Level]) -> int:
    """How many places the levels name (computed, not expanded): 18 + 18×2 + 18×2×33 + …"""
    total, product = 0, 1
    for level in levels:
        product *= len(level.values)
        total += product
    return total


def room_name(level: Level, typed: str, number: int | None, floor_number: int | None) -> str:
    """A room under a floor carries the floor number (15层 + 02 → 1502室), as people say it.

    Only short room numbers (1–2 digits typed) are combined; 1501-1504室 is taken as typed.
    """
    if level.kind != K.ROOM or number is None or floor_number is None or level.width > 2:
        return typed
    return f"{level.prefix}{floor_number}{number:02d}{level.suffix}"


def full_name_of(kind: str, name: str, parent: ParentPlace | None) -> str:
    """The whole path as people say it (3栋2单元1502室, 主线 K3+200)."""
    if parent is None or parent.kind is None:
        return name
    if kind == K.ROOM and parent.kind == K.FLOOR:
        return f"{parent.parent_full_name}{name}"  # the room number already says the floor
    if kind in (K.CHAINAGE, K.EQUIPMENT):
        return f"{parent.full_name} {name}"
    return f"{parent.full_name}{name}"


def floor_number(name: str) -> int | None:
    """The number of a floor named 15层 (None for 顶层, 夹层)."""
    return _number_in(name) if name else None


def parent_place(session: Session, location_id: uuid.UUID | None) -> ParentPlace:
    """The place new nodes go under, with what their names need from it."""
    if location_id is None:
        return ParentPlace(None, None, "", "", "")
    location = session.get(Location, location_id)
    if location is None:
        raise PatternError("所选的位置已不存在，请刷新后重试。")
    grand = session.get(Location, location.parent_id) if location.parent_id else None
    return ParentPlace(
        location.id,
        K(location.kind),
        location.name,
        location.full_name,
        grand.full_name if grand else "",
    )


def plan_bulk(
    session: Session, project_id: uuid.UUID, parent_id: uuid.UUID | None, pattern: str
) -> BulkPlan:
    """What `pattern` would create under `parent_id`; existing places (same name under the same
    parent) are reused and not created again. Raises PatternError for an unusable pattern."""
    project = session.get(Project, project_id)
    if project is None:
        raise PatternError("项目不存在，请刷新后重试。")
    parent = parent_place(session, parent_id)
    levels = parse_pattern(pattern, parent.kind, project.type)
    total = count_places(levels)
    if total > MAX_BULK_NODES:
        raise PatternError(
            f"该模式将生成 {total:,} 个位置，超过一次最多 {MAX_BULK_NODES:,} 个的上限，"
            "请检查编号范围或分批生成。"
        )
    existing = _existing_children(session, project_id)
    plan = BulkPlan(levels, total)
    now = utcnow()
    for row in _expand(levels, 0, parent, existing, plan):
        row.update(project_id=project_id, created_at=now, updated_at=now)
        plan.rows.append(row)
    return plan


def _existing_children(session: Session, project_id: uuid.UUID) -> dict[tuple, tuple]:
    """(parent id, name) → (id, kind, full name) of every place of the project (one query)."""
    rows = session.execute(
        select(
            Location.parent_id, Location.name, Location.id, Location.kind, Location.full_name
        ).where(Location.project_id == project_id)
    )
    return {(parent_id, name): (loc_id, kind, full) for parent_id, name, loc_id, kind, full in rows}


def _expand(
    levels: list[Level], depth: int, parent: ParentPlace, existing: dict, plan: BulkPlan
) -> Iterator[dict]:
    level = levels[depth]
    floor = floor_number(parent.name) if parent.kind == K.FLOOR else None
    for typed, number, sort_key in level.values:
        name = room_name(level, typed, number, floor)
        full = full_name_of(level.kind, name, parent)
        if len(full) > MAX_FULL_NAME:
            raise PatternError(f"位置全称“{full[:30]}…”超过 {MAX_FULL_NAME} 个字。")
        found = existing.get((parent.id, name))
        if found is not None:
            loc_id, kind, full = found
            if kind != level.kind:
                raise PatternError(
                    f"“{full}”已作为{LOCATION_KIND_ZH.get(kind, kind)}存在，不能再建为"
                    f"{LOCATION_KIND_ZH[level.kind]}。"
                )
            plan.existing += 1
        else:
            loc_id = new_id()
            plan.new_by_kind[level.kind] = plan.new_by_kind.get(level.kind, 0) + 1
            if depth + 1 == len(levels):  # the first and the last new place of the deepest level
                plan.samples[1:] = [full] if plan.samples else []
                if not plan.samples:
                    plan.samples.append(full)
            yield {
                "id": loc_id,
                "parent_id": parent.id,
                "kind": level.kind.value,
                "name": name,
                "full_name": full,
                "sort_key": sort_key,
            }
        if depth + 1 < len(levels):
            child_parent = ParentPlace(loc_id, level.kind, name, full, parent.full_name)
            yield from _expand(levels, depth + 1, child_parent, existing, plan)


def create_bulk(
    session: Session, project_id: uuid.UUID, parent_id: uuid.UUID | None, pattern: str
) -> BulkPlan:
    """Create every place of `pattern` that does not exist yet, in the caller's transaction."""
    plan = plan_bulk(session, project_id, parent_id, pattern)
    if plan.rows:
        # One executemany: thousands of rooms in a fraction of a second, no ORM objects.
        session.execute(insert(Location), plan.rows)
    return plan


# -- single places -------------------------------------------------------------------------------


def check_name(name: str) -> str:
    """A place's name, stripped; raises PatternError when empty or too long."""
    name = name.strip()
    if not name:
        raise PatternError("请填写位置名称。")
    if len(name) > MAX_NAME:
        raise PatternError(f"位置名称不能超过 {MAX_NAME} 个字。")
    if _LEVEL_SPLIT.search(name):
        raise PatternError("位置名称中不能有逗号、分号或换行。")
    return name


def add_place(
    session: Session, project_id: uuid.UUID, parent_id: uuid.UUID | None, kind: str, name: str
) -> Location:
    """Add one place (kind checked against its parent, name unique among its siblings)."""
    name = check_name(name)
    parent = parent_place(session, parent_id)
    try:
        kind = K(kind)
    except ValueError:
        raise PatternError(f"未知的位置类型：{kind}") from None
    if kind not in LOCATION_CHILDREN[parent.kind]:
        where = (
            "项目最上一级"
            if parent.kind is None
            else f"{LOCATION_KIND_ZH[parent.kind]}“{parent.name}”之下"
        )
        raise PatternError(f"{LOCATION_KIND_ZH[kind]}不能建在{where}。")
    _refuse_sibling(session, project_id, parent_id, name, None)
    siblings = session.scalar(
        select(func.coalesce(func.max(Location.sort_key), 0)).where(
            Location.project_id == project_id, _parent_is(parent_id)
        )
    )
    location = Location(
        id=new_id(),
        project_id=project_id,
        parent_id=parent_id,
        kind=kind.value,
        name=name,
        full_name=full_name_of(kind, name, parent),
        sort_key=(_number_in(name) or siblings + 1),
    )
    session.add(location)
    session.flush()
    return location


def _parent_is(parent_id: uuid.UUID | None):
    return Location.parent_id.is_(None) if parent_id is None else Location.parent_id == parent_id


def _refuse_sibling(session: Session, project_id, parent_id, name: str, own_id) -> None:
    clash = session.scalar(
        select(Location.full_name)
        .where(
            Location.project_id == project_id,
            _parent_is(parent_id),
            Location.name == name,
            Location.id != own_id if own_id else true(),
        )
        .limit(1)
    )
    if clash:
        raise PatternError(f"同一级下已有“{clash}”，名称不能重复。")


def rename_place(session: Session, location_id: uuid.UUID, name: str) -> Location:
    """Rename a place and refresh the full names below it (tickets keep the label they had)."""
    name = check_name(name)
    location = session.get(Location, location_id)
    if location is None:
        raise PatternError("所选的位置已不存在，请刷新后重试。")
    if name == location.name:
        return location
    _refuse_sibling(session, location.project_id, location.parent_id, name, location.id)
    location.name = name
    parent = parent_place(session, location.parent_id)
    location.full_name = full_name_of(location.kind, name, parent)
    session.flush()
    _refresh_below(session, location)
    return location


def _refresh_below(session: Session, top: Location) -> None:
    # Walk down level by level with plain updates: a renamed building may hold thousands of rooms.
    child_alias = aliased(Location)
    frontier = [(top.id, K(top.kind), top.name, top.full_name, _grand_full(session, top))]
    updates: list[dict] = []
    while frontier:
        by_parent = {item[0]: item for item in frontier}
        parent_ids = list(by_parent)
        rows = []
        for start in range(0, len(parent_ids), _IN_CHUNK):  # SQLite limits bound parameters
            rows += session.execute(
                select(
                    child_alias.id, child_alias.parent_id, child_alias.kind, child_alias.name
                ).where(child_alias.parent_id.in_(parent_ids[start : start + _IN_CHUNK]))
            ).all()
        frontier = []
        for loc_id, parent_id, kind, name in rows:
            p_id, p_kind, p_name, p_full, p_parent_full = by_parent[parent_id]
            parent = ParentPlace(p_id, p_kind, p_name, p_full, p_parent_full)
            full = full_name_of(kind, name, parent)
            updates.append({"id": loc_id, "full_name": full})
            frontier.append((loc_id, K(kind), name, full, p_full))
    if updates:
        session.execute(update(Location), updates)


def _grand_full(session: Session, location: Location) -> str:
    parent = session.get(Location, location.parent_id) if location.parent_id else None
    return parent.full_name if parent else ""


# -- reading the tree ----------------------------------------------------------------------------


@dataclass(frozen=True)
class PlaceRow:
    """One place as the tree shows it."""

    id: uuid.UUID
    parent_id: uuid.UUID | None
    kind: str
    name: str
    full_name: str
    children: int


def children_of(
    session: Session, project_id: uuid.UUID, parent_id: uuid.UUID | None
) -> list[PlaceRow]:
    """The places directly under `parent_id` (None: the top level), in order, with child counts."""
    child = aliased(Location)
    count = select(func.count()).where(child.parent_id == Location.id).scalar_subquery()
    rows = session.execute(
        select(
            Location.id, Location.parent_id, Location.kind, Location.name, Location.full_name, count
        )
        .where(Location.project_id == project_id, _parent_is(parent_id))
        .order_by(Location.sort_key, Location.name)
    )
    return [PlaceRow(*row) for row in rows]


def search_places(
    session: Session, project_id: uuid.UUID, text: str, limit: int = 200
) -> list[PlaceRow]:
    """Places whose full name contains `text` (3栋2单元15, 1502), shortest names first."""
    text = text.strip()
    if not text:
        return []
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    child = aliased(Location)
    count = select(func.count()).where(child.parent_id == Location.id).scalar_subquery()
    rows = session.execute(
        select(
            Location.id, Location.parent_id, Location.kind, Location.name, Location.full_name, count
        )
        .where(
            Location.project_id == project_id, Location.full_name.like(f"%{escaped}%", escape="\\")
        )
        .order_by(func.length(Location.full_name), Location.full_name)
        .limit(limit)
    )
    return [PlaceRow(*row) for row in rows]


def count_places_of(session: Session, project_id: uuid.UUID) -> int:
    return session.scalar(
        select(func.count()).select_from(Location).where(Location.project_id == project_id)
    )
