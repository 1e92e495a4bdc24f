"""Draws docs/workflow-states.png from the workflow's transition table (app.models.workflow).

Run from the repository root: `.venv/bin/python docs/diagrams/make_workflow_diagram.py`.
The states, arrows and their labels come from the code, so the picture cannot drift from it;
only the positions are chosen here.
"""

from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

import matplotlib  # noqa: E402

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.patches import FancyArrowPatch, FancyBboxPatch  # noqa: E402

from app.fonts import configure_matplotlib  # noqa: E402
from app.models.vocabulary import ROLE_ZH, TICKET_STATE_ZH, TicketState  # noqa: E402
from app.models.workflow import ACTION_ZH, RULES, transitions  # noqa: E402

S = TicketState
STEP = 2.7
POSITIONS = {
    S.RECEIVED: (0 * STEP, 0),
    S.DIAGNOSING: (1 * STEP, 0),
    S.PLANNING: (2 * STEP, 0),
    S.IN_REPAIR: (3 * STEP, 0),
    S.ACCEPTANCE: (4 * STEP, 0),
    S.FOLLOW_UP: (5 * STEP, 0),
    S.ARCHIVED: (6 * STEP, 0),
    S.NOT_COVERED: (1 * STEP, 3.0),
    S.CANCELLED: (1 * STEP, -3.2),
}
COLOURS = {
    "main": ("#dbe9f6", "#2f6fab"),
    "done": ("#dff0d8", "#3c763d"),
    "exit": ("#fbe3d6", "#b5542d"),
}
BOX_W, BOX_H = 1.6, 0.9
# Arrows that leave the straight line: (from, to) -> (start point, end point, bend).
# Points are offsets from a box centre; bend > 0 lifts a right-to-left arrow by that height.
CURVED = {
    (S.ACCEPTANCE, S.IN_REPAIR): ((-0.35, 0.45), (0.35, 0.45), 0.9),
    (S.ARCHIVED, S.IN_REPAIR): ((0.0, 0.45), (-0.35, 0.45), 2.6),
    (S.DIAGNOSING, S.NOT_COVERED): ((0.0, 0.45), (0.0, -0.45), 0.0),
    (S.RECEIVED, S.CANCELLED): ((0.0, -0.45), (-0.8, 0.0), 0.6),
    (S.DIAGNOSING, S.CANCELLED): ((0.0, -0.45), (0.0, 0.45), 0.0),
    (S.PLANNING, S.CANCELLED): ((0.0, -0.45), (0.8, 0.0), -0.6),
}
# Where each arrow's label goes, relative to the arrow's midpoint (dx, dy).
LABEL_OFFSETS = {
    (S.ACCEPTANCE, S.IN_REPAIR): (1.0, 1.25),
    (S.ARCHIVED, S.IN_REPAIR): (0, 2.95),
    (S.DIAGNOSING, S.NOT_COVERED): (1.05, 0),
    (S.RECEIVED, S.CANCELLED): (-0.75, -0.1),
    (S.DIAGNOSING, S.CANCELLED): (0.0, 0.15),
    (S.PLANNING, S.CANCELLED): (0.75, -0.1),
}
ROLE_SHORT = {"clerk": "资料员", "technician": "保修员", "project_manager": "项目经理", "hq_admin": "总部"}


def _kind(state: TicketState) -> str:
    if state in (S.NOT_COVERED, S.CANCELLED):
        return "exit"
    return "done" if state == S.ARCHIVED else "main"


def _point(state: TicketState, offset: tuple[float, float]) -> tuple[float, float]:
    x, y = POSITIONS[state]
    return x + offset[0], y + offset[1]


def _rad(start, end, bend: float) -> float:
    """arc3's curvature for an arc whose middle sits `bend` away from the straight line."""
    distance = ((end[0] - start[0]) ** 2 + (end[1] - start[1]) ** 2) ** 0.5
    return 2 * bend / distance if distance else 0.0


def _roles(actions) -> str:
    roles = set()
    for action in actions:
        roles |= RULES[action].roles
    return "、".join(ROLE_SHORT[r.value] for r in ROLE_ZH if r in roles)


def draw(target: Path) -> None:
    configure_matplotlib()
    fig, ax = plt.subplots(figsize=(18, 9.2), dpi=110)
    ax.set_xlim(-1.3, 6 * STEP + 1.3)
    ax.set_ylim(-4.6, 4.6)
    ax.axis("off")
    ax.set_title("报修单状态流转（Ticket lifecycle）— 由 app/models/workflow.py 的流转表生成",
                 fontsize=16, pad=12)

    for state, (x, y) in POSITIONS.items():
        fill, edge = COLOURS[_kind(state)]
        ax.add_patch(FancyBboxPatch((x - BOX_W / 2, y - BOX_H / 2), BOX_W, BOX_H,
                                    boxstyle="round,pad=0.02,rounding_size=0.15",
                                    facecolor=fill, edgecolor=edge, linewidth=2, zorder=2))
        ax.text(x, y + 0.12, TICKET_STATE_ZH[state], ha="center", va="center", fontsize=16, zorder=3)
        ax.text(x, y - 0.24, state.value, ha="center", va="center", fontsize=9, color="#555", zorder=3)

    edges: dict[tuple[TicketState, TicketState], list] = defaultdict(list)
    for source, target_state, action in transitions():
        edges[(source, target_state)].append(action)

    for (source, target_state), actions in edges.items():
        label = " / ".join(ACTION_ZH[a] for a in actions) + f"\n{_roles(actions)}"
        if (source, target_state) in CURVED:
            start_offset, end_offset, bend = CURVED[(source, target_state)]
            start, end = _point(source, start_offset), _point(target_state, end_offset)
            rad = _rad(start, end, bend)
        else:
            start, end, rad = _point(source, (BOX_W / 2, 0)), _point(target_state, (-BOX_W / 2, 0)), 0.0
        rework = (source, target_state) in (
            (S.ACCEPTANCE, S.IN_REPAIR), (S.ARCHIVED, S.IN_REPAIR))
        colour = "#b5542d" if rework or _kind(target_state) == "exit" else "#2f4f6f"
        ax.add_patch(FancyArrowPatch(start, end, connectionstyle=f"arc3,rad={rad}", arrowstyle="-|>",
                                     mutation_scale=18, linewidth=1.8, color=colour, zorder=1,
                                     linestyle="--" if rework else "-"))
        mx, my = (start[0] + end[0]) / 2, (start[1] + end[1]) / 2
        # Main-line labels: above on the left, below on the right (the rework arcs are above).
        below = POSITIONS[source][0] >= POSITIONS[S.IN_REPAIR][0]
        dx, dy = LABEL_OFFSETS.get((source, target_state), (0, -0.75 if below else 0.75))
        ax.text(mx + dx, my + dy, label, ha="center", va="center", fontsize=9.5, color=colour,
                bbox={"facecolor": "white", "edgecolor": "none", "alpha": 0.9, "pad": 1.5}, zorder=4)

    ax.text(6 * STEP + 1.2, -4.35,
            "虚线：返修（返修次数 +1）　·　已归档只读，须由项目经理填写原因重新打开　·　总部 = 总部保修管理员\n"
            "每次流转前检查前置条件（缺什么用中文列出），并写入不可修改的事件记录",
            ha="right", va="bottom", fontsize=10, color="#333")
    fig.tight_layout()
    target.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(target)
    plt.close(fig)


if __name__ == "__main__":
    out = ROOT / "docs" / "workflow-states.png"
    draw(out)
    print(out)
