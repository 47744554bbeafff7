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


def one_two_one_chart(row, title: str = "1+2+1 成交模式") -> Figure:
    """The 1+2+1 row as a picture: the guide on top, the four purchasing-atmosphere roles in a
    row (the two covered ones filled, with the person and CR), the salesperson below."""
    from keyaccount.projects.one_two_one import PURCHASE_ROLES

    fig, ax = plt.subplots(figsize=(9, 4.6), layout="constrained")
    covered = {a.role: a for a in row.allies}
    centre = 1.2 + 1.5 * 2.2   # under the middle of the four role boxes

    def box(x, y, width, head, detail, face, edge="#555555", dashed=False):
        ax.add_patch(plt.Rectangle((x - width / 2, y - 0.42), width, 0.84, facecolor=face, edgecolor=edge, lw=1.8,
                                   linestyle=(0, (4, 3)) if dashed else "-", zorder=2))
        ax.text(x, y + 0.15, head, ha="center", va="center", fontsize=11, zorder=3)
        ax.text(x, y - 0.18, detail, ha="center", va="center", fontsize=10, color="#333333", zorder=3)

    for i, role in enumerate(PURCHASE_ROLES):
        x = 1.2 + i * 2.2
        ax.plot([centre, x], [2.6, 1.42], color="#bbbbbb", lw=1, zorder=1)
        ax.plot([x, centre], [0.58, -0.6], color="#bbbbbb", lw=1, zorder=1)
        ally = covered.get(role)
        if ally:
            box(x, 1.0, 2.0, role, f"{ally.name}（{ally.cr.code}）", ally.cr.color)
        else:
            box(x, 1.0, 2.0, role, "尚未覆盖", "white", "#999999", dashed=True)
    box(centre, 3.0, 3.2, "1 向导", row.guide, "#c6dbef", "#1f5fbf")
    box(centre, -1.0, 3.2, "1 营销人员", row.salesperson, "#eeeeee")
    ax.text(-0.55, 1.0, "2", fontsize=22, ha="center", va="center", color="#555555")
    ax.set_xlim(-0.9, 9.3)
    ax.set_ylim(-1.6, 3.6)
    ax.axis("off")
    ax.set_title(f"{title}：{row.project}", fontsize=14)
    return fig


def weighted_chart(projects, chosen=(), title: str = "预签金额与加权金额") -> Figure:
    """Per project: the amount (light) and what it is worth today, amount × completion (dark);
    the projects in ``chosen`` (the learner's key projects) in orange. Largest weighted first."""
    from keyaccount.projects.elements import weighted_amount

    ranked = sorted(projects, key=weighted_amount, reverse=True)
    fig, ax = plt.subplots(figsize=(8, 0.55 * len(ranked) + 1.8), layout="constrained")
    top = max([p.amount.estimate for p in ranked] + [1])
    for i, p in enumerate(ranked):
        worth = weighted_amount(p)
        ax.barh(i, p.amount.estimate, color="#e0e0e0", height=0.7)
        ax.barh(i, worth, color="#f28e2b" if p.name in chosen else OK_COLOR, height=0.7)
        ax.text(p.amount.estimate + top * 0.01, i, f"{p.status} · 加权 {worth:.1f} 万 / 预签 {p.amount.estimate:g} 万",
                va="center", fontsize=9)
    ax.set_yticks(range(len(ranked)), [p.name for p in ranked])
    ax.set_ylim(len(ranked) - 0.5, -0.6)
    ax.set_xlim(0, top * 1.55)
    ax.set_xlabel("万元")
    ax.spines[["top", "right"]].set_visible(False)
    ax.set_title(title + ("（橙色：你选的重点项目）" if chosen else ""), fontsize=13)
    return fig
