"""Opportunity scorecard figures: radar of the factors or questions, and heat maps."""
import math

import matplotlib.colors as mcolors
from matplotlib.figure import Figure

from keyaccount.opportunity.model import FACTOR_NAMES, QUESTIONS, SCALE, Z_MEANING, Scorecard

SCORE_COLORS = mcolors.ListedColormap(["#d7301f", "#fc8d59", "#fee08b", "#91cf60", "#1a9850"])
SCORE_NORM = mcolors.BoundaryNorm([0.5, 1.5, 2.5, 3.5, 4.5, 5.5], SCORE_COLORS.N)
LINE_COLORS = ("#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e")


def radar(cards: dict, by: str = "factor", title: str = "机会分析雷达图") -> Figure:
    """Radar of one or more scorecards ({name: Scorecard}); ``by`` = "factor" (20) or "question" (4)."""
    if by == "factor":
        labels = list(FACTOR_NAMES)
        series = {n: [c.scores[f] for f in labels] for n, c in cards.items()}
    else:
        labels = [q.name for q in QUESTIONS]
        series = {n: [c.question_scores[q] for q in labels] for n, c in cards.items()}
    angles = [2 * math.pi * i / len(labels) for i in range(len(labels))]
    fig = Figure(figsize=(8.5, 8) if by == "factor" else (6.5, 6), layout="constrained")
    ax = fig.add_subplot(polar=True)
    ax.set_theta_offset(math.pi / 2)
    ax.set_theta_direction(-1)
    for (name, values), color in zip(series.items(), LINE_COLORS):
        ax.plot(angles + angles[:1], values + values[:1], color=color, linewidth=2, label=name)
        ax.fill(angles + angles[:1], values + values[:1], color=color, alpha=0.12)
    ax.set_xticks(angles, labels, fontsize=9 if by == "factor" else 11)
    ax.set_ylim(0, 5)
    ax.set_yticks([1, 2, 3, 4, 5], ["1", "2", "3", "4", "5"], fontsize=8, color="gray")
    ax.tick_params(axis="x", pad=12)
    if by == "factor":
        _shade_questions(ax)
    if len(cards) > 1:
        ax.legend(loc="upper right", bbox_to_anchor=(1.25, 1.1))
    ax.set_title(title, pad=24, fontsize=14)
    return fig


def _shade_questions(ax) -> None:
    """Light background sectors so the five factors of each question read as a group."""
    width = 2 * math.pi / len(FACTOR_NAMES)
    for i, q in enumerate(QUESTIONS):
        start = (5 * i - 0.5) * width
        ax.bar(start + 2.5 * width, 5, width=5 * width, color=LINE_COLORS[i % len(LINE_COLORS)],
               alpha=0.05, zorder=0)


def scorecard_grid(card: Scorecard, title: str = "机会评分卡") -> Figure:
    """The 4 × 5 grid of one opportunity: one row per question, cells coloured by score."""
    fig = Figure(figsize=(12, 4.6), layout="constrained")
    ax = fig.add_subplot()
    grid = [[card.scores[f.name] for f in q.factors] for q in QUESTIONS]
    ax.imshow(grid, cmap=SCORE_COLORS, norm=SCORE_NORM, aspect="auto")
    for r, q in enumerate(QUESTIONS):
        for c, f in enumerate(q.factors):
            ax.text(c, r, f"{_wrap(f.name)}\n{card.scores[f.name]} 分", ha="center", va="center", fontsize=10)
    qs = card.question_scores
    ax.set_yticks(range(len(QUESTIONS)), [f"{q.name}\n平均 {qs[q.name]:.1f}" for q in QUESTIONS])
    ax.set_xticks([])
    ax.set_title(f"{title}：总分 {card.overall:.2f}，Z = {card.z}（{Z_MEANING[card.z]}）", fontsize=13)
    _legend(fig, ax)
    return fig


def partner_heat_map(cards: dict, title: str = "合作伙伴对比") -> Figure:
    """Partners (rows) × 20 factors (columns), with each partner's overall score and Z."""
    names = list(cards)
    fig = Figure(figsize=(13, 1.2 * len(names) + 3.2), layout="constrained")
    ax = fig.add_subplot()
    grid = [[cards[n].scores[f] for f in FACTOR_NAMES] for n in names]
    ax.imshow(grid, cmap=SCORE_COLORS, norm=SCORE_NORM, aspect="auto")
    for r, row in enumerate(grid):
        for c, value in enumerate(row):
            ax.text(c, r, str(value), ha="center", va="center", fontsize=10)
    ax.set_yticks(range(len(names)), [f"{n}\n总分 {cards[n].overall:.2f}，Z={cards[n].z}" for n in names])
    ax.set_xticks(range(len(FACTOR_NAMES)), [_vertical(n) for n in FACTOR_NAMES], fontsize=9)
    for i in range(1, len(QUESTIONS)):
        ax.axvline(5 * i - 0.5, color="black", linewidth=2)
    for i, q in enumerate(QUESTIONS):
        ax.text(5 * i + 2, -0.75, q.name, ha="center", va="bottom", fontsize=11)
    fig.suptitle(title, fontsize=13)
    _legend(fig, ax)
    return fig


def _legend(fig: Figure, ax) -> None:
    mappable = ax.images[0]
    bar = fig.colorbar(mappable, ax=ax, ticks=list(SCALE), orientation="horizontal",
                       location="bottom", shrink=0.6, aspect=40)
    bar.ax.set_xticklabels([f"{k} {v}" for k, v in SCALE.items()], fontsize=9)


def _wrap(text: str, width: int = 7) -> str:
    """Long names on two balanced lines (a lone last character reads badly in Chinese)."""
    if len(text) <= width:
        return text
    half = (len(text) + 1) // 2
    return f"{text[:half]}\n{text[half:]}"


def _vertical(text: str) -> str:
    """Chinese reads well top to bottom, one character per line."""
    return "\n".join(text)
