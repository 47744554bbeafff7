"""High-touch figures: the seven-stage sales cycle above the customer's buying cycle."""
from matplotlib.figure import Figure
from matplotlib.patches import FancyBboxPatch

from keyaccount.high_touch.model import BUYING_CYCLE, CYCLE

BOX_W, BOX_H = 1.5, 0.7


def cycle_alignment(title: str = "高接触销售循环与客户购买循环") -> Figure:
    """Sales stages (top row) joined to the buying steps (bottom row) they serve."""
    fig = Figure(figsize=(15, 5), layout="constrained")
    ax = fig.add_subplot()
    buy_x = {step: i * 1.75 for i, step in enumerate(BUYING_CYCLE)}
    for stage in CYCLE:
        xs = [buy_x[s] for s in stage.buying_steps]
        x = sum(xs) / len(xs)
        _box(ax, x, 2.2, stage.name, "#deebf7", "#3182bd")
        for bx in xs:
            ax.plot([x, bx], [2.2 - BOX_H / 2, BOX_H / 2], color="#999999", linewidth=1)
    for step, x in buy_x.items():
        _box(ax, x, 0, step, "#fee6ce", "#e6550d")
    ax.text(-1.2, 2.2, "销售循环", ha="right", va="center", fontsize=12)
    ax.text(-1.2, 0, "购买循环", ha="right", va="center", fontsize=12)
    ax.annotate("", xy=(max(buy_x.values()) + 1, -0.7), xytext=(-0.8, -0.7),
                arrowprops={"arrowstyle": "->", "color": "#555555"})
    ax.text(max(buy_x.values()) / 2, -0.85, "时间", ha="center", va="top", fontsize=10, color="#555555")
    ax.set_xlim(-2.6, max(buy_x.values()) + 1.1)
    ax.set_ylim(-1.3, 2.8)
    ax.set_aspect("equal")
    ax.axis("off")
    ax.set_title(title, fontsize=14)
    return fig


def _box(ax, x: float, y: float, text: str, face: str, edge: str) -> None:
    ax.add_patch(FancyBboxPatch((x - BOX_W / 2, y - BOX_H / 2), BOX_W, BOX_H, boxstyle="round,pad=0.04",
                                facecolor=face, edgecolor=edge))
    ax.text(x, y, text, ha="center", va="center", fontsize=11)
