"""Figures of the class report: score distribution, difficulty per question, common wrong answers."""
import matplotlib
import pandas as pd
from matplotlib.figure import Figure

import keyaccount  # noqa: F401  (registers the Chinese font)
from keyaccount.widgets import figure_png

matplotlib.rcParams["axes.unicode_minus"] = False


def _bar_height(n: int) -> float:
    return max(2.5, 0.45 * n + 1.2)


def score_distribution(scores: pd.DataFrame) -> Figure:
    """Per assignment: how many learners reached each 10 % band of the points."""
    graded = scores.dropna(subset=["得分率"])
    assignments = sorted(graded["练习"].unique()) or ["（还没有成绩）"]
    fig = Figure(figsize=(8, 2.8 * len(assignments)), layout="constrained")
    axes = fig.subplots(len(assignments), 1, squeeze=False)[:, 0]
    bands = [i / 10 for i in range(11)]
    for ax, name in zip(axes, assignments):
        shares = graded.loc[graded["练习"] == name, "得分率"]
        ax.hist(shares, bins=bands, color="#4C72B0", edgecolor="white")
        ax.set_title(f"{name}：得分率分布（{len(shares)} 人）")
        ax.set_xlabel("得分率")
        ax.set_ylabel("人数")
        ax.xaxis.set_major_formatter(matplotlib.ticker.PercentFormatter(1.0))
        ax.yaxis.set_major_locator(matplotlib.ticker.MaxNLocator(integer=True))
    return fig


def difficulty_chart(difficulty: pd.DataFrame) -> Figure:
    """Average share of the points per question, hardest at the top."""
    data = difficulty.sort_values("平均得分率", ascending=False)
    fig = Figure(figsize=(8, _bar_height(len(data))), layout="constrained")
    ax = fig.subplots()
    labels = [f"{a} · {q}" for a, q in zip(data["练习"], data["题目"])]
    ax.barh(labels, data["平均得分率"], color="#DD8452")
    ax.set_xlim(0, 1)
    ax.xaxis.set_major_formatter(matplotlib.ticker.PercentFormatter(1.0))
    ax.set_title("各题平均得分率（越低越难）")
    return fig


def _plain(text: str) -> str:
    """A learner's text as it is: a ``$`` would start matplotlib's math mode (and a stray one break the figure)."""
    return text.replace("$", r"\$")


def wrong_answers_chart(wrong: pd.DataFrame, top: int = 15) -> Figure:
    """The most frequent wrong answers across the class."""
    data = wrong.sort_values("人数", ascending=False).head(top).iloc[::-1]
    fig = Figure(figsize=(9, _bar_height(len(data))), layout="constrained")
    ax = fig.subplots()
    if data.empty:  # nothing to count: say so instead of drawing empty axes
        ax.axis("off")
        ax.text(0.5, 0.5, "没有常见的错误答案：没有学员填写了错误的选项或数值", ha="center", va="center", fontsize=12)
        return fig
    labels = [_plain(f"{q}{'·' + p if p else ''}：{v}") for q, p, v in zip(data["题目"], data["项"], data["错误答案"])]
    ax.barh(labels, data["人数"], color="#C44E52")
    ax.xaxis.set_major_locator(matplotlib.ticker.MaxNLocator(integer=True))
    ax.set_xlabel("人数")
    ax.set_title("最常见的错误答案")
    return fig


def png(fig: Figure):
    """The figure as an image a notebook displays (no pyplot needed)."""
    from IPython.display import Image

    return Image(data=figure_png(fig))
