"""Plain data of the master-data screens (projects, org units, staff, customers): no database.

Views fill these from their widgets and controllers hand them to `app.models.master_data`,
which checks and saves them; values are kept as typed (dates, amounts) so that the one place
that parses and refuses them is the model.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field


@dataclass
class TermForm:
    """The contract's warranty period for one building part."""

    building_part: str
    period: int
    unit: str


@dataclass
class SubcontractForm:
    """A subcontractor on a project and the trade it answers for (id None: new)."""

    org_unit_id: uuid.UUID | None
    trade: str
    id: uuid.UUID | None = None


@dataclass
class ProjectForm:
    id: uuid.UUID | None = None
    code: str = ""
    name: str = ""
    type: str = "residential"
    address: str = ""
    handover_date: str = ""  # 竣工验收合格日期, as typed (2021-04-15, 2021/4/15, 2021年4月15日)
    delivery_date: str = ""
    project_dept_id: uuid.UUID | None = None
    manager_id: uuid.UUID | None = None
    design_service_life_years: int = 50
    heating_season_start: str = "11-15"
    heating_season_end: str = "03-15"
    cooling_season_start: str = "06-01"
    cooling_season_end: str = "09-30"
    sla_emergency_hours: int = 2
    sla_urgent_hours: int = 24
    sla_normal_hours: int = 72
    sla_emergency_response_minutes: int = 30
    sla_urgent_response_minutes: int = 120
    sla_normal_response_minutes: int = 480
    repair_days: int = 7
    recurrence_threshold: int = 3
    recurrence_window_days: int = 90
    cost_rule: str = ""
    retention_amount: str = ""  # 质保金 in yuan, as typed
    retention_release_date: str = ""
    terms: list[TermForm] = field(default_factory=list)
    subcontractors: list[SubcontractForm] = field(default_factory=list)


@dataclass
class OrgUnitForm:
    id: uuid.UUID | None = None
    name: str = ""
    kind: str = "subcontractor"
    parent_id: uuid.UUID | None = None
    trades: str = ""  # 防水、电气
    contact_name: str = ""
    contact_phone: str = ""


@dataclass
class StaffForm:
    id: uuid.UUID | None = None
    name: str = ""
    phone: str = ""
    role: str = "technician"
    org_unit_id: uuid.UUID | None = None
    active: bool = True


@dataclass
class OwnershipForm:
    """A unit a customer owns; `label` is for display (项目 · 3栋2单元1502室)."""

    location_id: uuid.UUID
    since: str = ""
    id: uuid.UUID | None = None
    label: str = ""


@dataclass
class CustomerForm:
    id: uuid.UUID | None = None
    name: str = ""
    phone: str = ""
    alt_phone: str = ""
    preferences: str = ""
    notes: str = ""
    units: list[OwnershipForm] = field(default_factory=list)


# -- rows of the lists -----------------------------------------------------------------------


@dataclass(frozen=True)
class ProjectRow:
    id: uuid.UUID
    code: str
    name: str
    type: str
    dept_name: str
    handover_date: str
    places: int


@dataclass(frozen=True)
class OrgUnitRow:
    id: uuid.UUID
    name: str
    kind: str
    parent_id: uuid.UUID | None
    trades: str
    contact_name: str
    contact_phone: str
    staff: int  # active staff in the unit


@dataclass(frozen=True)
class StaffRow:
    id: uuid.UUID
    name: str
    phone: str
    role: str
    org_unit_id: uuid.UUID
    org_unit_name: str
    active: bool


@dataclass(frozen=True)
class CustomerRow:
    id: uuid.UUID
    name: str
    phone: str
    units: str  # the units' full names, joined


@dataclass(frozen=True)
class Choice:
    """An item of a combo box: the id and what the clerk reads."""

    id: uuid.UUID
    label: str
