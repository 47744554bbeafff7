"""Draw a fishbone: spine to the head on the right, bones alternating above and below,
each cause on a short horizontal line off its bone."""
from matplotlib.figure import Figure
from matplotlib.patches import FancyBboxPatch

from keyaccount.swot.chart import _canvas, wrap
from keyaccount.fishbone.model import Fishbone

BONE_COLOR, SPINE_COLOR, HEAD_COLOR = "#4a6fa5", "#2c3e50", "#f9d9a6"
LINE_SPACING = 1.35


def fishbone_chart(fishbone: Fishbone, title: str = "鱼骨图") -> Figure:
    """The fishbone of ``fishbone``; cause text shrinks to fit the busiest bone."""
    width, height = 17.0, 10.0
    head_w, left = 2.8, 0.4
    spine_y = height / 2 - 0.2
    fig, ax = _canvas(width, height)
    ax.text(width / 2, height - 0.35, title, fontsize=20, ha="center", va="center")
    spine_end = width - head_w - 0.2
    ax.plot([left, spine_end], [spine_y, spine_y], color=SPINE_COLOR, linewidth=4, solid_capstyle="round")
    ax.add_patch(FancyBboxPatch((spine_end, spine_y - 1.1), head_w - 0.1, 2.2, boxstyle="round,pad=0.05",
                                facecolor=HEAD_COLOR, edgecolor=SPINE_COLOR, linewidth=2))
    ax.text(spine_end + head_w / 2 - 0.05, spine_y, "\n".join(wrap(fishbone.head, 9)), fontsize=14,
            ha="center", va="center")

    per_side = (len(fishbone.bones) + 1) // 2
    region = (spine_end - left) / per_side
    bone_h, slant = spine_y - 1.1, region * 0.35
    busiest = max((len(fishbone.on(b)) for b in fishbone.bones), default=0)
    size = _cause_size(busiest, bone_h - 0.4)
    chars = (region - slant * 0.5 - 0.3) * 72 / size
    for i, bone in enumerate(fishbone.bones):
        side = 1 if i % 2 == 0 else -1
        x_end = left + (i // 2 + 1) * region - 0.15
        x_start, y_start = x_end - slant, spine_y + side * bone_h
        ax.plot([x_start, x_end], [y_start, spine_y], color=BONE_COLOR, linewidth=2.5)
        ax.text(x_start, y_start + side * 0.3, bone, fontsize=15, ha="center", va="center",
                bbox=dict(boxstyle="round,pad=0.3", facecolor="white", edgecolor=BONE_COLOR))
        causes = fishbone.on(bone)
        for k, cause in enumerate(causes, start=1):
            t = k / (len(causes) + 1)
            y = y_start + (spine_y - y_start) * t * 0.92
            x = x_start + (x_end - x_start) * ((y - y_start) / (spine_y - y_start))
            x_text = x - region + slant + 0.25
            lines = wrap(f"{cause.id} {cause.text}", chars)
            # above the spine the bone leans left as the text rises: keep the text clear of it
            clear = slant / bone_h * len(lines) * size * LINE_SPACING / 72 if side > 0 else 0
            ax.plot([x_text, x], [y, y], color="#7f8c8d", linewidth=1)
            ax.text(x - 0.08 - clear, y + 0.04, "\n".join(lines), fontsize=size,
                    ha="right", va="bottom", linespacing=LINE_SPACING)
    return fig


def _cause_size(busiest: int, room: float) -> float:
    """Font size at which ``busiest`` causes of up to two lines each fit into ``room`` inches."""
    if busiest == 0:
        return 12.0
    return max(7.0, min(12.0, room / (busiest + 1) / 2 / LINE_SPACING * 72))
