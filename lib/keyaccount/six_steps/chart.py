"""Six-step figures: the marker chain, the purchase factors, the purchase process, relationships, credit."""
from matplotlib.figure import Figure
from matplotlib.patches import FancyBboxPatch

import keyaccount  # noqa: F401  (Chinese font)
from keyaccount.six_steps import analysis, commitment, credit, needs, receivables, steps, trust, value
from keyaccount.swot.chart import wrap

BLUE, LIGHT, ORANGE, RED, GREY = "#3182bd", "#deebf7", "#fdd0a2", "#d62728", "#555555"


def _box(ax, x, y, w, h, text, color=LIGHT, size=12, edge=BLUE):
    ax.add_patch(FancyBboxPatch((x - w / 2, y - h / 2), w, h, boxstyle="round,pad=0.02",
                                facecolor=color, edgecolor=edge))
    ax.text(x, y, text, ha="center", va="center", fontsize=size)


def _arrow(ax, start, end, color="#333333"):
    ax.annotate("", xy=end, xytext=start, arrowprops={"arrowstyle": "-|>", "color": color})


def _canvas(width, height, xlim, ylim):
    fig = Figure(figsize=(width, height), layout="constrained")
    ax = fig.add_subplot()
    ax.set_xlim(*xlim)
    ax.set_ylim(*ylim)
    ax.axis("off")
    return fig, ax


def chain_chart(highlight: int | None = None) -> Figure:
    """The six steps top to bottom; the marker between two steps is one step's end and the next's start."""
    n = len(steps.STEPS)
    fig, ax = _canvas(10, 1.25 * n + 1.6, (0, 10), (-0.9, 2 * n + 0.6))
    for i, s in enumerate(steps.STEPS):
        y = 2 * (n - i) - 0.5
        color = ORANGE if highlight == s.number else LIGHT
        _box(ax, 2.2, y, 3.6, 0.9, f"第{s.number}步  {s.name}\n{s.english}", color, size=12)
        _arrow(ax, (2.2, y - 0.5), (2.2, y - 1.5))
        ax.text(4.3, y - 1.0, ("结束标志 = 下一步的开始标志：" if i < n - 1 else "结束标志：") + s.end,
                ha="left", va="center", fontsize=10.5, color=GREY)
    ax.text(4.3, 2 * n + 0.35, "开始标志：" + steps.STEPS[0].start, ha="left", va="center", fontsize=10.5, color=GREY)
    _arrow(ax, (2.2, 2 * n + 0.4), (2.2, 2 * n))
    ax.set_title("大客户拓展六部曲：每一步以上一步的结束为开始", fontsize=14)
    return fig


FACTOR_POSITIONS = {"需求": (1, 1.5), "价值": (4, 2.6), "价格": (7, 2.6), "体验": (4, 0.4), "信赖": (7, 0.4)}
LINK_LABEL_POSITIONS = ((1.9, 2.55), (5.5, 3.0), (1.9, 0.25), (5.5, 1.0))


def factors_chart() -> Figure:
    """The five purchase factors and how one leads to the next."""
    fig, ax = _canvas(9, 3.8, (0, 8.2), (-0.5, 3.4))
    for name, (x, y) in FACTOR_POSITIONS.items():
        _box(ax, x, y, 1.4, 0.7, name, ORANGE if name == "需求" else LIGHT, size=14)
    for (a, b, label), (lx, ly) in zip(steps.FACTOR_LINKS, LINK_LABEL_POSITIONS):
        (x1, y1), (x2, y2) = FACTOR_POSITIONS[a], FACTOR_POSITIONS[b]
        start = (x1 + 0.72, y1 + (0.2 if y2 > y1 else -0.2 if y2 < y1 else 0))
        _arrow(ax, start, (x2 - 0.72, y2))
        ax.text(lx, ly, label.replace("，", "，\n"), ha="center", va="center", fontsize=9.5, color=GREY)
    ax.set_title("客户采购五要素：需求是核心", fontsize=14)
    return fig


def purchase_process_chart(highlight: str | None = None) -> Figure:
    """The six purchase stages with the customer role and end marker, bracketed into 引导期 and 竞争期."""
    stages = needs.PURCHASE_PROCESS
    fig, ax = _canvas(13, 3.6, (-0.2, 2.2 * len(stages)), (-1.6, 2.0))
    for i, s in enumerate(stages):
        x = 2.2 * i + 1
        _box(ax, x, 0.4, 1.9, 0.8, s.name, ORANGE if s.name == highlight else LIGHT, size=13)
        ax.text(x, -0.25, f"角色：{s.role}", ha="center", va="center", fontsize=11)
        ax.text(x, -0.75, f"结束：{s.end_marker}", ha="center", va="center", fontsize=10, color=GREY)
        if i < len(stages) - 1:
            _arrow(ax, (x + 0.98, 0.4), (x + 1.22, 0.4))
    for period, color in (("引导期", "#2ca02c"), ("竞争期", RED)):
        idx = [i for i, s in enumerate(stages) if s.period == period]
        left, right = 2.2 * idx[0] + 0.1, 2.2 * idx[-1] + 1.9
        ax.plot([left, left, right, right], [1.0, 1.2, 1.2, 1.0], color=color)
        ax.text((left + right) / 2, 1.45, period, ha="center", va="center", fontsize=13, color=color)
    ax.set_title("客户采购流程：引导期塑造需求，竞争期比拼方案", fontsize=14)
    return fig


def relationship_chart(people) -> Figure:
    """Each person (姓名, 阶段) placed in its relationship stage column, with the road travelled."""
    headers = [f"{s.name}\n{s.aim}" for s in trust.RELATIONSHIP_STAGES]
    return _column_chart(trust.STAGE_NAMES, headers, list(people), "客户关系四阶段：谁走到了哪一步", trail=True)


OUTCOME_MEANING = {"订单": "客户下单、签约", "进展": "客户同意了具体行动", "暂停": "没有任何具体行动",
                   "无销售": "客户明确拒绝"}


def meeting_chart(labels, outcomes) -> Figure:
    """Each meeting placed under its outcome (大规模销售的四种结果)."""
    columns = commitment.LARGE_SALE_OUTCOMES
    headers = [f"{o}\n{OUTCOME_MEANING[o]}" for o in columns]
    return _column_chart(columns, headers, list(zip(labels, outcomes)), "会谈结果：看客户的行动，不看言语")


def _column_chart(columns, headers, items, title, trail=False) -> Figure:
    """Items (label, column) as dots in labelled columns; ``trail`` draws the way from the first column."""
    fig, ax = _canvas(10, 0.55 * len(items) + 2.0, (-0.5, len(columns) - 0.5), (-0.8, len(items) + 0.4))
    for i, header in enumerate(headers):
        ax.add_patch(FancyBboxPatch((i - 0.47, -0.6), 0.94, len(items) + 0.1, boxstyle="round,pad=0.01",
                                    facecolor=LIGHT if i % 2 else "#f7fbff", edgecolor="none"))
        ax.text(i, len(items) + 0.05, header, ha="center", va="bottom", fontsize=10)
    for row, (label, column) in enumerate(items):
        x, y = columns.index(column), len(items) - 1 - row
        if trail:
            ax.plot(range(x + 1), [y] * (x + 1), color=BLUE, linewidth=3, alpha=0.35)
        ax.plot([x], [y], "o", color=BLUE, markersize=11)
        ax.text(x + 0.12, y, label, ha="left", va="center", fontsize=12)
    ax.set_title(title, fontsize=14, pad=38)
    return fig


def collection_chart(rows, large_amount: float = receivables.LARGE_AMOUNT) -> Figure:
    """Receivables (客户, 金额, 逾期天数) by aging and amount, over the bands of the collection ladder."""
    rows = list(rows)
    fig = Figure(figsize=(9, 4.6), layout="constrained")
    ax = fig.add_subplot()
    right = max([d for _, _, d in rows] + [120]) * 1.15
    left = min([d for _, _, d in rows] + [0]) - 15
    edges = [left] + [s.up_to_days for s in receivables.COLLECTION_LADDER[:-1]] + [right]
    top = max([a for _, a, _ in rows] + [large_amount]) * 1.3
    shades = ("#f7fbff", "#deebf7", "#fdd0a2", "#fdae6b", "#fc9272")
    for (a, b), step, shade in zip(zip(edges, edges[1:]), receivables.COLLECTION_LADDER, shades):
        ax.axvspan(a, b, color=shade, alpha=0.7, linewidth=0)
        ax.text((a + b) / 2, top * 0.97, _stacked(step.action),
                ha="center", va="top", fontsize=8.5)
    ax.axhline(large_amount, color=GREY, linestyle="--", linewidth=1)
    ax.text(right, large_amount, f" 大额 {large_amount:g}", va="bottom", ha="right", fontsize=9, color=GREY)
    for customer, amount, days in rows:
        ax.plot(days, amount, "o", color=BLUE, markersize=9)
        ax.annotate(customer, (days, amount), xytext=(6, 4), textcoords="offset points", fontsize=10)
    ax.set_xlim(left, right)
    ax.set_ylim(0, top)
    ax.set_xlabel("逾期天数（负数：还没到期）")
    ax.set_ylabel("金额（万元）")
    ax.set_title("按账龄和金额催收：越往右越强硬，大额提前升一级", fontsize=13)
    return fig


def style_chart(reading: trust.StyleReading) -> Figure:
    """How many observed behaviours point at each communication style."""
    fig = Figure(figsize=(6.5, 3.2), layout="constrained")
    ax = fig.add_subplot()
    counts = [reading.counts[s] for s in trust.STYLE_NAMES]
    colors = [ORANGE if s in reading.styles else LIGHT for s in trust.STYLE_NAMES]
    ax.bar(trust.STYLE_NAMES, counts, color=colors, edgecolor=BLUE)
    ax.set_ylabel("观察到的行为数")
    ax.set_yticks(range(max(counts + [1]) + 1))
    ax.set_title("沟通风格识别：" + ("、".join(reading.styles) or "还没有观察"), fontsize=13)
    return fig


def bad_debt_chart(loss: float, margin: float) -> Figure:
    """Extra sales needed to make up ``loss`` at each margin of 002's table, the chosen one highlighted."""
    margins = sorted(set(credit.BAD_DEBT_MARGINS) | {margin})
    values = [credit.extra_sales_for_bad_debt(loss, m) for m in margins]
    return _rate_bars(margins, values, margin, "{:,.0f}", "销售净利润率", "需要额外的销售额",
                      f"坏账 {loss:,.0f} 要多卖多少才能补回来")


def delay_chart(margin: float, annual_rate: float) -> Figure:
    """Months until interest eats the profit, for each borrowing cost of 002's table."""
    rates = sorted(set(credit.DELAY_RATES) | {annual_rate})
    months = [credit.months_until_profit_gone(margin, r) for r in rates]
    return _rate_bars(rates, months, annual_rate, "{:.1f}", "年借款成本", "利润被吃光的月数",
                      f"净利润率 {margin:.1%}：货款拖延多久，这笔生意就白做了")


def _rate_bars(rates, values, chosen, value_format, xlabel, ylabel, title) -> Figure:
    """Bars over percentages with the chosen one highlighted and every bar labelled."""
    fig = Figure(figsize=(7, 3.6), layout="constrained")
    ax = fig.add_subplot()
    bars = ax.bar([f"{r:.1%}".replace(".0%", "%") for r in rates], values,
                  color=[ORANGE if r == chosen else LIGHT for r in rates], edgecolor=BLUE)
    ax.bar_label(bars, labels=[value_format.format(v) for v in values], fontsize=9)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    ax.set_ylim(0, max(values) * 1.15)
    ax.set_title(title, fontsize=13)
    return fig


def org_chart(people, title: str = "组织结构分析：级别、职能、采购角色") -> Figure:
    """People placed by level (高层 on top), each box showing 职务 and 采购角色 (``people``: case Persons)."""
    people = list(people)
    levels = analysis.ORG_LEVELS
    rows = {level: [p for p in people if p.level == level] for level in levels}
    width = max(3, max(len(r) for r in rows.values()))
    fig, ax = _canvas(2.8 * width + 1.4, 1.5 * len(levels) + 0.8, (-1.2, 2.8 * width), (-0.8, 1.5 * len(levels) - 0.6))
    for i, level in enumerate(levels):
        y = 1.5 * (len(levels) - 1 - i)
        ax.text(-0.7, y, level, ha="center", va="center", fontsize=13, color=GREY)
        row = rows[level]
        offset = (width - len(row)) * 1.4
        for j, p in enumerate(row):
            _box(ax, offset + 2.8 * j + 1.4, y, 2.5, 1.0, f"{p.name}  {p.title}\n{p.function}\n角色：{'、'.join(p.roles)}",
                 ORANGE if "决策者" in p.roles else LIGHT, size=11)
    ax.set_title(title, fontsize=14)
    return fig


def _stacked(text: str) -> str:
    """One phrase per line, so a label fits a narrow band."""
    for mark in ("，", "：", "、"):
        text = text.replace(mark, "\n")
    return text.replace("（", "\n（")


METHOD_COLORS = ("#1f77b4", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b")


def ecosystem_chart(edges, title: str = "客户生态图：谁把我们带到了谁那里") -> Figure:
    """Customers on a circle; an arrow from whom we started to whom we found, coloured by the finding method.

    ``edges``: (从谁, 找到谁, 关系) as made by ``analysis.ecosystem_edges``.
    """
    import math

    edges = list(edges)
    names = list(dict.fromkeys(n for a, b, _ in edges for n in (a, b)))
    relations = list(analysis.ECOSYSTEM_LINKS.values())
    fig, ax = _canvas(10, 7.4, (-1.75, 1.75), (-1.5, 1.3))
    sources = {a for a, _, _ in edges}
    boxes = {}
    for i, n in enumerate(names):
        angle = math.pi / 2 - 2 * math.pi * i / len(names)
        boxes[n] = ax.text(1.15 * math.cos(angle), 0.98 * math.sin(angle), n, ha="center", va="center", fontsize=11,
                           bbox={"boxstyle": "round,pad=0.6", "facecolor": LIGHT if n in sources else ORANGE,
                                 "edgecolor": BLUE})
    for a, b, relation in edges:
        ax.annotate("", xy=(0.5, 0.5), xycoords=boxes[b], xytext=(0.5, 0.5), textcoords=boxes[a],
                    arrowprops={"arrowstyle": "-|>", "color": METHOD_COLORS[relations.index(relation)],
                                "linewidth": 2, "mutation_scale": 18, "shrinkA": 3, "shrinkB": 3,
                                "patchA": boxes[a].get_bbox_patch(), "patchB": boxes[b].get_bbox_patch()})
    for i, (method, relation) in enumerate(analysis.ECOSYSTEM_LINKS.items()):
        x = -1.7 + 0.7 * i
        ax.plot([x, x + 0.12], [-1.42, -1.42], color=METHOD_COLORS[i], linewidth=3)
        ax.text(x + 0.15, -1.42, f"{method}\n{relation}", ha="left", va="center", fontsize=9)
    ax.text(-1.72, 1.28, "蓝框：起点（老客户、伙伴、信息来源）\n橙框：由此找到的客户", ha="left", va="top",
            fontsize=9, color=GREY)
    ax.set_title(title, fontsize=14)
    return fig


def needs_tree_chart(nodes, title: str = "需求的树状结构：从目标愿望到采购指标") -> Figure:
    """The needs tree left to right, one column per level of ``needs.NEED_LEVELS``; a parent sits beside its children."""
    nodes = list(nodes)
    children = {i: [j for j, m in enumerate(nodes) if m.parent == i] for i in range(len(nodes))}
    y, row = {}, [0]

    def place(i):
        if not children[i]:
            y[i] = row[0]
            row[0] += 1
        else:
            for j in children[i]:
                place(j)
            y[i] = sum(y[j] for j in children[i]) / len(children[i])

    place(0)
    rows = max(row[0], 1)
    levels = needs.NEED_LEVELS
    fig, ax = _canvas(15, 0.85 * rows + 1.2, (-0.2, 3.0 * len(levels)), (-0.8, rows - 0.4))
    for k, level in enumerate(levels):
        ax.text(3.0 * k + 1.3, rows - 0.75, level, ha="center", va="bottom", fontsize=13, color=BLUE)
    for i, node in enumerate(nodes):
        x, top = 3.0 * levels.index(node.level) + 1.3, rows - 1 - y[i] - 0.3
        if node.parent is not None:
            px, ptop = 3.0 * levels.index(nodes[node.parent].level) + 1.3, rows - 1 - y[node.parent] - 0.3
            ax.plot([px + 1.2, x - 1.2], [ptop, top], color="#999999", linewidth=1.2)
        _box(ax, x, top, 2.35, 0.62, "\n".join(wrap(node.text, 11)),
             ORANGE if node.parent is None else LIGHT, size=10)
    ax.set_title(title, fontsize=14)
    return fig


def tagged_swot_chart(swot, checks, title: str) -> Figure:
    """The learner's SWOT: each placed statement under its chosen quadrant with its chosen tag; wrong ones in red."""
    from keyaccount.swot.chart import swot_chart
    from keyaccount.swot.model import Statement, Swot

    by_id = {s.id: s for s in swot.statements}
    placed = Swot(tuple(Statement(c.id, by_id[c.id].text, c.quadrant, value.TAGS.get(c.tag, "未贴标签"))
                        for c in checks if c.quadrant))
    wrong = {c.id for c in checks if c.quadrant and not (c.tag_ok and c.quadrant_ok)}
    return swot_chart(placed, title, wrong=wrong, show_ids=False)
