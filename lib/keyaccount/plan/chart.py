"""Gantt chart of an implementation plan, with the tender close and the broken rules in red."""
import datetime as dt

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
from matplotlib.figure import Figure

import keyaccount  # noqa: F401  (Chinese font)
from keyaccount.plan.model import as_date, plan_problems

OK_COLOR, BAD_COLOR, DEADLINE_COLOR = "#4a90c2", "#e06666", "#c0392b"


def gantt_chart(tasks, deadline, title: str = "项目实施计划（甘特图）") -> Figure:
    """One bar per task (start to end, owner on the bar, checkpoint as a diamond at the end);
    tasks that break a rule are red and their problems listed under the chart."""
    deadline = as_date("截标日", deadline)
    problems = plan_problems(tasks, deadline)
    bad = {p.task for p in problems}
    first_day = min([min(t.start, t.end) for t in tasks] + [deadline])
    last_day = max([max(t.start, t.end) for t in tasks] + [deadline])
    pad = max((last_day - first_day).days, 14) * 0.008   # about one character, in days, scaled to the span
    fig, ax = plt.subplots(figsize=(13, 0.55 * len(tasks) + 2.2 + 0.3 * len(problems)), layout="constrained")
    for row, t in enumerate(tasks):
        first, last = min(t.start, t.end), max(t.start, t.end)
        color = BAD_COLOR if t.id in bad else OK_COLOR
        ax.barh(row, (last - first).days + 1, left=mdates.date2num(first), height=0.6, color=color,
                hatch="//" if t.start > t.end else None, edgecolor="white")
        owner = t.owner or "（无责任人）"
        if (last - first).days + 1 >= len(owner) * pad * 2.5 + pad * 3:
            ax.annotate(owner, (mdates.date2num(first), row), xytext=(4, 0), textcoords="offset points",
                        va="center", ha="left", fontsize=10, color="white")
        else:  # a short bar: the owner goes to its left
            ax.annotate(owner, (mdates.date2num(first), row), xytext=(-4, 0), textcoords="offset points",
                        va="center", ha="right", fontsize=10, color="#333333")
        if t.checkpoint:
            end = mdates.date2num(last) + 1
            ax.plot(end, row, marker="D", color="#f1c40f", markeredgecolor="#333333", markersize=8)
            ax.annotate(t.checkpoint, (end, row), xytext=(8, 0), textcoords="offset points",
                        va="center", fontsize=9, color="#333333")
    ax.axvline(mdates.date2num(deadline + dt.timedelta(days=1)), color=DEADLINE_COLOR, linestyle="--", linewidth=2)
    ax.text(mdates.date2num(deadline + dt.timedelta(days=1)), -0.9, f" 截标 {deadline:%m-%d}", color=DEADLINE_COLOR,
            fontsize=11, va="center")
    ax.set_yticks(range(len(tasks)), [f"{t.id} {t.part}" for t in tasks], fontsize=11)
    ax.set_ylim(len(tasks) - 0.4, -1.3)
    long_plan = (last_day - first_day).days > 70
    ax.xaxis.set_major_locator(mdates.MonthLocator() if long_plan else mdates.WeekdayLocator(byweekday=mdates.MO))
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%m-%d"))
    ax.grid(axis="x", color="#dddddd")
    ax.set_axisbelow(True)
    ax.set_xlim(mdates.date2num(first_day) - pad * 3, mdates.date2num(last_day) + pad * 28)
    ax.set_title(title, fontsize=15)
    if problems:
        ax.set_xlabel("\n".join(["需要修改："] + [p.message for p in problems]), loc="left", fontsize=10,
                      color=DEADLINE_COLOR, linespacing=1.6)
    return fig
