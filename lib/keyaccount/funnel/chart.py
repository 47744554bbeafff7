"""Funnel figures: the funnel by stage, forecast vs quota with the gap, pipeline by P-stage."""
import matplotlib.pyplot as plt
from matplotlib.figure import Figure

import keyaccount  # noqa: F401  (Chinese font)
from keyaccount.funnel.model import (LARGE_STAGES, SMALL_STAGES, LargeProjectFunnel,
                                     PerformanceForecast, SmallProjectFunnel)

COLORS = ("#9ecae1", "#6baed6", "#3182bd", "#08519c", "#08306b")
GAP_COLOR, OK_COLOR = "#d62728", "#2ca02c"


def funnel_chart(stages, counts, expected=None, title="销售漏斗", unit="个",
                 expected_label="预计成交") -> Figure:
    """A funnel: one centred bar per stage, width by its value, labelled with value and expectation."""
    fig, ax = plt.subplots(figsize=(7, 0.8 * len(stages) + 1.4), layout="constrained")
    widest = max(max(counts), 1)
    for i, (name, n) in enumerate(zip(stages, counts)):
        width = max(n / widest, 0.04)
        ax.barh(i, width, left=(1 - width) / 2, color=COLORS[i % len(COLORS)], height=0.8)
        label = f"{name}  {n:g}{unit}"
        if expected is not None:
            label += f" → {expected_label} {expected[i]:.2f}"
        ax.text(0.5, i, label, ha="center", va="center",
                color="white" if width > 0.45 else "black", fontsize=11,
                bbox=None if width > 0.45 else dict(facecolor="white", alpha=0.8, edgecolor="none"))
    ax.set_ylim(len(stages) - 0.5, -0.5)
    ax.set_xlim(0, 1)
    ax.axis("off")
    ax.set_title(title, fontsize=14)
    return fig


def small_funnel_chart(funnel: SmallProjectFunnel) -> Figure:
    """The small-project funnel with each stage's expected deals."""
    expected = [n * r for n, r in zip(funnel.counts, funnel.rates)]
    return funnel_chart(SMALL_STAGES, funnel.counts, expected,
                        title=f"小项目漏斗：预计成交 {funnel.expected_deals:.2f} 单")


def large_funnel_chart(funnel: LargeProjectFunnel, unit="万元") -> Figure:
    """The large-project funnel by amount, with each stage's expected revenue."""
    stages = LARGE_STAGES + ("成交",)
    amounts = funnel.amounts + (funnel.closed_amount,)
    expected = funnel.stage_expected + (funnel.closed_expected,)
    return funnel_chart(stages, amounts, expected, unit=unit, expected_label="期望收入",
                        title=f"大项目漏斗：期望收入合计 {funnel.expected_revenue:.1f}{unit}")


def forecast_chart(forecast: PerformanceForecast, unit="万元") -> Figure:
    """Stacked bar of 已实现 + 预测合计 + 预测外实现 against the quota, with the gap or surplus."""
    fig, ax = plt.subplots(figsize=(7, 4.2), layout="constrained")
    parts = [("已实现", forecast.achieved, "#3182bd"),
             ("预测合计", forecast.forecast_total, "#6baed6"),
             ("预测外实现", forecast.unforecast, "#c6dbef")]
    bottom = 0.0
    for name, value, color in parts:
        ax.bar(0, value, bottom=bottom, color=color, width=0.5, label=f"{name} {value:.2f}")
        if value > 0.06 * forecast.quota:
            ax.text(0, bottom + value / 2, f"{name}\n{value:.2f}", ha="center", va="center", fontsize=10)
        bottom += value
    ax.bar(1, forecast.quota, color="#bdbdbd", width=0.5, label=f"本期定额 {forecast.quota:.2f}")
    ax.text(1, forecast.quota / 2, f"定额\n{forecast.quota:.2f}", ha="center", va="center", fontsize=10)
    gap = forecast.gap
    if gap > 0:
        ax.bar(0, gap, bottom=bottom, color="none", edgecolor=GAP_COLOR, hatch="//", width=0.5,
               label=f"缺口 {gap:.2f}")
        note, color = f"缺口 {gap:.2f}{unit}", GAP_COLOR
    else:
        note, color = f"超出定额 {-gap:.2f}{unit}", OK_COLOR
    ax.axhline(forecast.quota, color="#636363", linestyle="--", linewidth=1)
    ax.set_xticks([0, 1], ["预计完成", "本期定额"])
    ax.set_ylabel(unit)
    ax.set_title(f"业绩预测：预测完成率 {forecast.completion_rate:.0%}（{note}）", color=color)
    ax.legend(loc="upper left", bbox_to_anchor=(1.02, 1), frameon=False)
    ax.set_xlim(-0.6, 1.6)
    ax.set_ylim(0, max(bottom, forecast.quota) * 1.12)
    return fig


def pipeline_chart(table, unit="万元") -> Figure:
    """Pipeline by P-stage: 预签金额 and its weighted value (from ``weighted_pipeline``)."""
    fig, ax = plt.subplots(figsize=(8, 4.2), layout="constrained")
    x = range(len(table.index))
    ax.bar([i - 0.2 for i in x], table["预签金额"], width=0.4, color="#c6dbef", label="预签金额")
    ax.bar([i + 0.2 for i in x], table["加权金额"], width=0.4, color="#3182bd", label="加权金额（× 完成程度）")
    labels = [f"{code}\n{rate:.0%}" for code, rate in zip(table.index, table["完成程度"])]
    ax.set_xticks(list(x), labels)
    ax.set_ylabel(unit)
    total, weighted = table["预签金额"].sum(), table["加权金额"].sum()
    ax.set_title(f"按 P0–P7 状态的项目管道：预签 {total:.1f}{unit}，加权 {weighted:.1f}{unit}")
    ax.legend(frameon=False)
    return fig
