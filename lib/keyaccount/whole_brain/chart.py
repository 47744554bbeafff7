"""Whole-brain profile radar: A upper left, B lower left, C lower right, D upper right."""
import math

from matplotlib.figure import Figure

from keyaccount.whole_brain.model import ELEMENTS, LETTERS, QUADRANTS, ROUNDS

ANGLES = {"A": 135, "B": 225, "C": 315, "D": 45}   # the usual four-quadrant layout
MAX_COUNT = len(ROUNDS) * len(ELEMENTS["A"])
COLORS = ("#1f77b4", "#d62728", "#2ca02c", "#9467bd")


def profile_radar(profiles: dict, title: str = "全脑偏好图") -> Figure:
    """Radar of one or more profiles ({name: Profile}); the scale is picks per quadrant."""
    fig = Figure(figsize=(6.5, 6.5), layout="constrained")
    ax = fig.add_subplot(polar=True)
    angles = [math.radians(ANGLES[q]) for q in LETTERS]
    for (name, profile), color in zip(profiles.items(), COLORS):
        values = [profile.counts[q] for q in LETTERS]
        ax.plot(angles + angles[:1], values + values[:1], color=color, linewidth=2, label=name)
        ax.fill(angles + angles[:1], values + values[:1], color=color, alpha=0.15)
    ax.set_xticks(angles, [f"{q.letter} {q.name}" for q in QUADRANTS], fontsize=12)
    ax.set_ylim(0, MAX_COUNT)
    ax.set_yticks(range(0, MAX_COUNT + 1, 6), [str(t) for t in range(0, MAX_COUNT + 1, 6)],
                  fontsize=8, color="gray")
    ax.tick_params(axis="x", pad=14)
    ax.legend(loc="lower center", bbox_to_anchor=(0.5, -0.18), ncol=len(profiles))
    ax.set_title(title, fontsize=14, pad=20)
    return fig
