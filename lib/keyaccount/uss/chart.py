"""USS figures: the five-step flow with decision points, and the three-mode comparison."""
from matplotlib.figure import Figure
from matplotlib.patches import FancyBboxPatch, Polygon

from keyaccount.uss.model import ASPECTS, CORE_STEPS, MODES, NO_BRANCH

STEP_GAP = 4.3
BOX_W, BOX_H = 2.3, 1.2


def flow(title: str = "USS 五大核心步骤") -> Figure:
    """Steps as boxes (stage underneath, key activities below), decision diamonds between."""
    fig = Figure(figsize=(16, 5), layout="constrained")
    ax = fig.add_subplot()
    xs = [i * STEP_GAP for i in range(len(CORE_STEPS))]
    for x, step in zip(xs, CORE_STEPS):
        ax.add_patch(FancyBboxPatch((x - BOX_W / 2, -BOX_H / 2), BOX_W, BOX_H,
                                    boxstyle="round,pad=0.05", facecolor="#deebf7", edgecolor="#3182bd"))
        ax.text(x, 0.12, step.name, ha="center", va="center", fontsize=14)
        ax.text(x, -0.3, step.stage, ha="center", va="center", fontsize=10, color="#555555")
        ax.text(x, -1.0, "\n".join(f"· {a}" for a in step.activities), ha="center", va="top",
                fontsize=10, linespacing=1.5)
    for x, step in zip(xs, CORE_STEPS[:-1]):
        start, end = x + BOX_W / 2 + 0.05, x + STEP_GAP - BOX_W / 2 - 0.05
        if step.decision:
            mid = (start + end) / 2
            _diamond(ax, mid, step.decision)
            _arrow(ax, (start, 0), (mid - 0.5, 0))
            _arrow(ax, (mid + 0.5, 0), (end, 0))
            ax.text((mid + 0.5 + end) / 2, 0.1, "是", ha="center", va="bottom", fontsize=10)
            _arrow(ax, (mid, 0.5), (mid, 1.35))
            ax.text(mid, 1.4, f"否 → {NO_BRANCH}", ha="center", va="bottom", fontsize=10, color="#d62728")
        else:
            _arrow(ax, (start, 0), (end, 0))
    ax.text(xs[0] - BOX_W / 2, 0.95, "核心步骤\n客户阶段", ha="left", va="bottom", fontsize=9, color="#555555")
    ax.set_xlim(xs[0] - BOX_W / 2 - 0.3, xs[-1] + BOX_W / 2 + 0.3)
    ax.set_ylim(-2.6, 1.9)
    ax.set_aspect("equal")
    ax.axis("off")
    ax.set_title(title, fontsize=15)
    return fig


def _diamond(ax, x: float, label: str) -> None:
    ax.add_patch(Polygon([(x - 0.5, 0), (x, 0.5), (x + 0.5, 0), (x, -0.5)],
                         facecolor="#fee6ce", edgecolor="#e6550d"))
    ax.text(x, 0, label, ha="center", va="center", fontsize=10)


def _arrow(ax, start, end) -> None:
    ax.annotate("", xy=end, xytext=start, arrowprops={"arrowstyle": "->", "color": "#333333"})


def mode_table(highlight: str | None = None, title: str = "USS 三种运用模式") -> Figure:
    """The three modes compared on the seven aspects; ``highlight`` colours one column."""
    fig = Figure(figsize=(10, 4.2), layout="constrained")
    ax = fig.add_subplot()
    ax.axis("off")
    cells = [[m.profile[a] for m in MODES] for a in ASPECTS]
    table = ax.table(cellText=cells, rowLabels=list(ASPECTS), colLabels=[m.name for m in MODES],
                     loc="center", cellLoc="center")
    table.auto_set_font_size(False)
    table.set_fontsize(11)
    table.scale(1, 1.9)
    for col, m in enumerate(MODES):
        if m.name == highlight:
            for row in range(len(ASPECTS) + 1):
                table[row, col].set_facecolor("#c7e9c0")
    ax.set_title(title + (f"：建议 {highlight}" if highlight else ""), fontsize=14)
    return fig
