"""Draw the physical tree: one row per level, boxes coloured by CR, approval chains in blue
(technical) and red (business), dashed arrows for informal influence. matplotlib only."""
import matplotlib.pyplot as plt
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import FancyArrowPatch, Patch

import keyaccount  # noqa: F401  (Chinese font)
from keyaccount.org_tree.model import LEVELS, NO_ROLE, OrgTree
from keyaccount.projects.relationship import CR_LEVELS
from keyaccount.validation import InputError

CHAIN_COLORS = {"技术": "#1f5fbf", "商务": "#d62728", "技术+商务": "#7b3294", "无": "#8c8c8c"}
BOX_W, BOX_H = 1.8, 0.8
NET_BOX_W = 1.0  # customer boxes in the fishnet are narrow so that ties stay visible
SLOT_W, LABEL_W = 2.2, 1.0  # horizontal room per person, and for the level names


def positions(tree: OrgTree, min_slots: int = 1) -> dict[str, tuple[float, float]]:
    """(x, y) of each person: rows by level, people spread evenly in tree order."""
    rows = {level: [p for p in tree.order() if p.level == level] for level in LEVELS}
    widest = max(min_slots, *(len(r) for r in rows.values()))
    centre = LABEL_W + widest * SLOT_W / 2
    return {p.name: (centre + (i - (len(row) - 1) / 2) * SLOT_W, -depth * 1.5)
            for depth, row in enumerate(rows.values()) for i, p in enumerate(row)}


def _link_color(tree: OrgTree, staff, boss) -> str:
    """A reporting line is coloured by the approval chain both ends share."""
    for chain in ("技术", "商务"):
        if staff.in_chain(chain) and boss.in_chain(chain):
            return CHAIN_COLORS[chain]
    return CHAIN_COLORS["无"]


def tree_chart(tree: OrgTree, title: str = "物理树状图") -> Figure:
    pos = positions(tree)
    width = max(x for x, _ in pos.values()) + SLOT_W / 2
    fig, ax = plt.subplots(figsize=(max(7.5, 1.6 * width), 6.4), layout="constrained")
    for level_index, level in enumerate(LEVELS):
        y = -level_index * 1.5
        ax.axhspan(y - 0.75, y + 0.75, color="#f4f4f4" if level_index % 2 == 0 else "white", zorder=0)
        ax.text(0.05, y, level, ha="left", va="center", fontsize=11, color="#555555")
    for p in tree.people:
        if p.reports_to:
            boss = tree.person(p.reports_to)
            (x1, y1), (x2, y2) = pos[p.name], pos[boss.name]
            color = _link_color(tree, p, boss)
            ax.plot([x1, x2], [y1 + BOX_H / 2, y2 - BOX_H / 2], color=color,
                    lw=3 if color != CHAIN_COLORS["无"] else 1.5, zorder=1)
    for link in tree.influences:
        (x1, y1), (x2, y2) = pos[link.source], pos[link.target]
        ax.add_patch(FancyArrowPatch((x1, y1), (x2, y2), arrowstyle="-|>", mutation_scale=14,
                                     linestyle=(0, (4, 3)), color="#444444", lw=1.4,
                                     connectionstyle="arc3,rad=0.25", shrinkA=28, shrinkB=28, zorder=2))
    for p in tree.people:
        x, y = pos[p.name]
        ax.add_patch(plt.Rectangle((x - BOX_W / 2, y - BOX_H / 2), BOX_W, BOX_H, facecolor=p.cr.color,
                                   edgecolor=CHAIN_COLORS[p.chain], lw=2.5, zorder=3))
        ax.text(x, y + 0.2, p.name, ha="center", va="center", fontsize=12, zorder=4)
        detail = f"{p.title} · {p.cr.code}" if p.title else p.cr.code
        ax.text(x, y - 0.05, detail, ha="center", va="center", fontsize=8.5, zorder=4)
        if p.role != NO_ROLE:
            ax.text(x, y - 0.25, p.role, ha="center", va="center", fontsize=8.5, color="#333333", zorder=4)
    ax.set_xlim(-0.1, width)
    ax.set_ylim(-(len(LEVELS) - 1) * 1.5 - 0.9, 0.9)
    ax.axis("off")
    ax.set_title(title, fontsize=14)
    handles = [Line2D([], [], color=CHAIN_COLORS["技术"], lw=3, label="技术审批决策链"),
               Line2D([], [], color=CHAIN_COLORS["商务"], lw=3, label="商务审批决策链"),
               Line2D([], [], color="#444444", lw=1.4, linestyle=(0, (4, 3)), label="非正式影响"),
               *[Patch(facecolor=c.color, edgecolor="#999999", label=f"{c.code} {c.name}") for c in CR_LEVELS]]
    fig.legend(handles=handles, loc="outside lower center", ncol=4, fontsize=9, frameon=False)
    return fig


def fishnet_chart(tree: OrgTree, team: tuple[str, ...], net, title: str = "关键客户渔网图") -> Figure:
    """Customer people by level on top, our team in a row below, one line per tie coloured by CR."""
    from keyaccount.projects.relationship import CR_LEVELS

    if not team:
        raise InputError("渔网图需要至少一位我方人员（案例文件的 team）。")
    pos = positions(tree, min_slots=len(team))
    slots = max(len(team), *(sum(p.level == level for p in tree.people) for level in LEVELS))
    width = LABEL_W + slots * SLOT_W
    bottom = -len(LEVELS) * 1.5 - 0.6
    ours = {m: (LABEL_W + (i + 0.5) * width_each, bottom)
            for width_each in [(width - LABEL_W) / len(team)] for i, m in enumerate(team)}
    fig, ax = plt.subplots(figsize=(max(7.5, 1.6 * width), 7.4), layout="constrained")
    for tie in net:
        (x1, y1), (x2, y2) = ours[tie.member], pos[tie.person]
        ax.plot([x1, x2], [y1, y2], color=tie.cr.color, lw=1 + tie.cr.level, zorder=1)
    for level_index, level in enumerate(LEVELS):
        ax.text(0.05, -level_index * 1.5, level, ha="left", va="center", fontsize=11, color="#555555")
    ax.text(0.05, bottom, "我方", ha="left", va="center", fontsize=11, color="#555555")
    for p in tree.people:
        x, y = pos[p.name]
        ax.add_patch(plt.Rectangle((x - NET_BOX_W / 2, y - 0.25), NET_BOX_W, 0.5, facecolor="white",
                                   edgecolor=CHAIN_COLORS[p.chain], lw=2, zorder=3))
        ax.text(x, y, p.name, ha="center", va="center", fontsize=11, zorder=4)
    for member, (x, y) in ours.items():
        ax.add_patch(plt.Rectangle((x - BOX_W / 2, y - 0.25), BOX_W, 0.5, facecolor="#eeeeee",
                                   edgecolor="#555555", lw=1.5, zorder=3))
        ax.text(x, y, member, ha="center", va="center", fontsize=11, zorder=4)
    ax.set_xlim(-0.1, width)
    ax.set_ylim(bottom - 0.6, 0.7)
    ax.axis("off")
    ax.set_title(title, fontsize=14)
    handles = [Line2D([], [], color=c.color, lw=1 + c.level, label=f"{c.code} {c.name}") for c in CR_LEVELS]
    fig.legend(handles=handles, loc="outside lower center", ncol=5, fontsize=9, frameon=False)
    return fig
