"""Figures of the projects module: how projects spread over P0–P7, and a sign-date timeline."""
from datetime import date, timedelta

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

import keyaccount  # noqa: F401  (Chinese font)
from keyaccount.projects.sales_state import BANDS, sales_state, stage_counts

BAND_COLORS = ("#9ecae1", "#fdae6b", "#74c476")
FLAG_COLOR, OK_COLOR = "#d62728", "#3182bd"


def stage_spread_chart(statuses_by_rep: dict) -> Figure:
    """One small bar chart per rep: projects per P-state, coloured by band, titled with the sales state."""
    n = len(statuses_by_rep)
    cols = min(n, 2)
    rows = (n + cols - 1) // cols
    fig, axes = plt.subplots(rows, cols, figsize=(5.2 * cols, 3.0 * rows), layout="constrained", squeeze=False)
    colors = [BAND_COLORS[i] for i, codes in enumerate(BANDS.values()) for _ in codes]
    top = max(max(stage_counts(s).values()) for s in statuses_by_rep.values()) + 1
    for ax, (rep, statuses) in zip(axes.flat, statuses_by_rep.items()):
        counts = stage_counts(statuses)
        ax.bar(list(counts), list(counts.values()), color=colors)
        state, _ = sales_state(statuses)
        ax.set_title(rep if rep == state.name else f"{rep}：{state.name}", fontsize=12)
        ax.yaxis.set_major_locator(MaxNLocator(integer=True))
        ax.set_ylim(0, top)
        ax.set_ylabel("项目数")
        ax.spines[["top", "right"]].set_visible(False)
    for ax in list(axes.flat)[n:]:
        ax.axis("off")
    return fig


def timeline_chart(projects, today: date, flagged: set) -> Figure:
    """Each project's sign date (a bar for a range) against today; flagged projects in red."""
    fig, ax = plt.subplots(figsize=(8, 0.45 * len(projects) + 1.6), layout="constrained")
    for i, p in enumerate(projects):
        color = FLAG_COLOR if p.name in flagged else OK_COLOR
        first, last = p.sign_date.first, p.sign_date.last + timedelta(days=1)
        if p.sign_date.is_range:
            ax.barh(i, (last - first).days, left=first, color=color, height=0.5)
        else:
            ax.plot(first, i, marker="D", markersize=9, color=color)
        ax.text(last + timedelta(days=12), i, f"{p.status} · {p.amount}", va="center", fontsize=9)
    ax.axvline(today, color="#333333", linestyle="--", lw=1.2)
    ax.text(today, -0.9, f" 今天 {today:%Y.%m.%d}", fontsize=9, va="center")
    ax.set_yticks(range(len(projects)), [p.name for p in projects])
    ax.set_ylim(len(projects) - 0.5, -1.3)
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y.%m"))
    ax.spines[["top", "right"]].set_visible(False)
    lo = min([p.sign_date.first for p in projects] + [today]) - timedelta(days=20)
    hi = max([p.sign_date.last for p in projects] + [today]) + timedelta(days=120)
    ax.set_xlim(lo, hi)
    ax.set_title("预签时间与今天（红色：需要关注）", fontsize=13)
    return fig


def bcg_chart() -> Figure:
    """The BCG matrix: growth (up) × relative market share (high on the left), strategy in each cell."""
    from keyaccount.projects.reference import BCG

    fig, ax = plt.subplots(figsize=(7.5, 5.6), layout="constrained")
    cells = [(0, 1, "#fdd49e"), (0, 0, "#c7e9c0"), (1, 1, "#c6dbef"), (1, 0, "#e0e0e0")]  # 明星 金牛 问题 瘦狗
    for (name, text), (col, row, color) in zip(BCG.items(), cells):
        ax.add_patch(plt.Rectangle((col, row), 1, 1, facecolor=color, edgecolor="white", lw=3))
        ax.text(col + 0.5, row + 0.72, name, ha="center", va="center", fontsize=13)
        ax.text(col + 0.5, row + 0.38, "\n".join(_wrap(text, 14)), ha="center", va="center", fontsize=10)
    ax.set_xlim(0, 2)
    ax.set_ylim(0, 2)
    ax.set_xticks([0.5, 1.5], ["高", "低"])
    ax.set_yticks([0.5, 1.5], ["低", "高"])
    ax.set_xlabel("相对市场占有率")
    ax.set_ylabel("市场成长率")
    ax.tick_params(length=0)
    ax.spines[:].set_visible(False)
    ax.set_title("波士顿矩阵（BCG）", fontsize=14)
    return fig


def _wrap(text: str, width: int) -> list[str]:
    """Chinese text cut into lines of ``width`` characters."""
    return [text[i:i + width] for i in range(0, len(text), width)]
