"""Attack/defend scatter: customers by customer share (x) and purchase potential (y), over
the five coloured regions."""
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle

from keyaccount.segmentation.model import SEGMENTS, Thresholds

REGION_COLORS = {"获取": "#fdae6b", "保留": "#74c476", "侵扰": "#fdd0a2", "维持": "#c7e9c0", "放弃": "#d9d9d9"}


def segment_scatter(table, t: Thresholds, title: str = "客户细分的攻守模型") -> Figure:
    """``table`` from ``segment_table``; each point labelled with the customer's name."""
    top = max(float(table["采购潜力"].max()) * 1.15, t.high * 1.3)
    fig = Figure(figsize=(9, 6.5), layout="constrained")
    ax = fig.add_subplot()
    regions = {"获取": (0, t.high, t.share, top - t.high), "保留": (t.share, t.high, 1 - t.share, top - t.high),
               "侵扰": (0, t.low, t.share, t.high - t.low), "维持": (t.share, t.low, 1 - t.share, t.high - t.low),
               "放弃": (0, 0, 1, t.low)}
    strategies = {s.name: s.strategy for s in SEGMENTS}
    for name, (x, y, w, h) in regions.items():
        ax.add_patch(Rectangle((x, y), w, h, facecolor=REGION_COLORS[name], alpha=0.55, edgecolor="white",
                               label=f"{name}（{strategies[name]}）"))
    ax.scatter(table["客户份额"], table["采购潜力"], color="#08519c", zorder=3, clip_on=False)
    for name, share, potential in zip(table["客户"], table["客户份额"], table["采购潜力"]):
        ax.annotate(name, (share, potential), xytext=(5, 4), textcoords="offset points", fontsize=10)
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1), title="细分（策略）", fontsize=11)
    ax.set_xlim(0, 1)
    ax.set_ylim(0, top)
    ax.xaxis.set_major_formatter(lambda x, _pos: f"{x:.0%}")
    ax.set_xlabel("客户份额（我们占客户采购额的比例）")
    ax.set_ylabel("采购潜力（万元/年）")
    ax.set_title(title, fontsize=14)
    return fig
